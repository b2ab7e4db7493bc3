/**
 * A plan's alpha sets every interval (1 − alpha) and every label that names it: `"alpha": 0.1`
 * gave 90% intervals labelled "95% CI" / "95 %-KI" in the tables, notes, conclusion and charts;
 * an alpha above 0.2 (0.95, a confidence level typed as alpha) is refused (docs/plan-trial.md "alpha").
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { withConfidenceLevel } from '../../src/report/confidence-label.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/exports/redcap-arms';
const basePlan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;

function folder(plan: Record<string, unknown>): string {
  const dir = tempDir();
  copyFileSync(join(FIXTURE, 'export.csv'), join(dir, 'export.csv'));
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, $schema: undefined }));
  return dir;
}

async function reportText(lang: 'en' | 'da', plan: Record<string, unknown>): Promise<string> {
  const dir = folder(plan);
  const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
  return JSON.stringify({ page: c.page, charts: c.charts });
}

describe('the confidence level in the labels', () => {
  it('rewrites "95% CI" (en) and "95 %-KI" (da) to the level, decimals as each language writes them', () => {
    expect(withConfidenceLevel('Difference (95% CI); the 95% CIs', 0.9)).toBe('Difference (90% CI); the 90% CIs');
    expect(withConfidenceLevel('Forskel (95 %-KI)', 0.999)).toBe('Forskel (99,9 %-KI)');
    expect(withConfidenceLevel('the 95% CI at 1995% CIx', 0.95)).toBe('the 95% CI at 1995% CIx');
    expect(withConfidenceLevel('year 1995% CI', 0.9)).toBe('year 1995% CI');
  });

  it('a trial report of a plan with alpha 0.1 says 90% everywhere, in English and Danish', async () => {
    const en = await reportText('en', { ...basePlan, alpha: 0.1 });
    expect(en).toContain('90% CI');
    expect(en).not.toMatch(/95 ?%/);
    const da = await reportText('da', { ...basePlan, alpha: 0.1 });
    expect(da).toContain('90 %-KI');
    expect(da).not.toMatch(/95 ?%/);
    // The default stays 95%.
    expect(await reportText('en', basePlan)).toContain('95% CI');
  });

  it('hta analyze prints the plan\'s level in the table header and the notes', async () => {
    const dir = folder({ ...basePlan, alpha: 0.1 });
    for (const [lang, label] of [['en', '90% CI'], ['da', '90 %-KI']] as const) {
      const run = await runCli('analyze', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--lang', lang);
      expect(run.stdout).toContain(label);
      expect(run.stdout).not.toMatch(/95 ?%/);
    }
  });

  it('hta analyze of an observational plan says the plan\'s level too', async () => {
    const dir = tempDir();
    const registryPlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...registryPlan, $schema: undefined, alpha: 0.1 }));
    for (const [lang, label] of [['en', '90% CI'], ['da', '90 %-KI']] as const) {
      const run = await runCli('analyze', 'data/synthetic/registry-outcomes.csv', '--plan', join(dir, 'plan.json'), '--lang', lang);
      expect(run.stdout).toContain(label);
      expect(run.stdout).not.toMatch(/95 ?%/);
    }
    const json = JSON.parse((await runCli('analyze', 'data/synthetic/registry-outcomes.csv', '--plan', join(dir, 'plan.json'), '--json')).stdout) as { methods: Record<string, string> };
    expect(json.methods.weightedRegression).toMatch(/normal \(z\) 90% CI$/);
  });

  it('an alpha above 0.2 is refused, naming the confidence level it likely is', () => {
    const p = errorOf(() => parsePlan({ ...basePlan, $schema: undefined, alpha: 0.95 })).problems.find((x) => x.field === 'alpha')!;
    expect(p.expected).toMatch(/did you mean a confidence level of 95%\? Then alpha is 0\.05/);
    expect(p.expected).toMatch(/alpha is 1 − confidence, e\.g\. 0\.05/);
    expect(errorOf(() => parsePlan({ ...basePlan, $schema: undefined, alpha: 5 })).problems.find((x) => x.field === 'alpha')!.expected).toMatch(/did you mean 5%\? Then alpha is 0\.05/);
    expect(() => parsePlan({ ...basePlan, $schema: undefined, alpha: 0.2 })).not.toThrow();
  });
});
