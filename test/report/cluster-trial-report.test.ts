/**
 * The report of a cluster-randomised trial (docs/plan-trial.md#cluster-randomised-trials): with
 * Welch or pooled t first in the plan, its rows are the unadjusted cluster-robust difference
 * ('cluster-difference'), and the summary, conclusion, forest and methods show that row as the
 * primary result (plan/primary-method.ts), not a Welch row that a clustered analysis never has.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { primaryMethod } from '../../src/plan/primary-method.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { clusterExportLines } from '../support/cluster-export.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  clusters: 'praksis',
  outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 2 }],
  primary: { outcome: 'nrs', time: '3m' },
};

async function page(plan: object) {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), clusterExportLines().join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, 'en'));
  const text = (id: string) => JSON.stringify(c.page.sections.find((s) => s.id === id) ?? null);
  return { c, text };
}

describe('the primary method of a cluster-randomised trial', () => {
  it('is the clustered row of the first method that has one', () => {
    const clustered = (methods: string[]) => primaryMethod({ methods: methods as never, clusters: 'praksis' });
    expect(clustered(['welch'])).toBe('cluster-difference');
    expect(clustered(['pooled-t', 'ancova'])).toBe('cluster-difference');
    expect(clustered(['change', 'mmrm', 'ancova'])).toBe('ancova');
    expect(clustered(['mmrm', 'welch'])).toBe('cluster-difference');
    expect(primaryMethod({ methods: ['welch', 'ancova'], clusters: undefined })).toBe('welch');
  });

  it('with Welch first, the report shows the cluster-robust difference as the primary result', async () => {
    const { c, text } = await page({ ...basePlan, methods: ['welch'] });
    const row = (c.results as { effects: { method: string; outcome: string }[] }).effects.find((e) => e.outcome === 'nrs')!;
    expect(row.method).toBe('cluster-difference');
    expect(text('summary-of-findings')).toContain('unadjusted, cluster-robust');
    expect(text('summary-of-findings')).not.toContain('Welch');
    expect(text('conclusion')).not.toContain('names no primary');
    expect(text('conclusion')).toMatch(/primary/i);
    expect(text('effects')).not.toContain('no outcome has an MCID');
    expect(c.charts.some((ch) => ch.name === 'effects-forest')).toBe(true);
    expect(text('methods')).toContain('with 95% CIs: the difference in means (unadjusted, cluster-robust) for continuous outcomes');
    expect(text('methods')).not.toContain('Welch');
  });
});
