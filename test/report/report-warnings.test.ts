/**
 * `hta report` says a trial analysis's warnings on stderr, under the report's id, as `hta analyze`
 * prints them (docs/manifest.md): before, they were only on the page, and a pipeline building
 * reports saw exit 0 and nothing else. The exit code stays as documented (0 with warnings).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import type { ReportEnv } from '../../src/report/kinds/report-kind.js';
import { tempDir } from '../support/run-cli.js';

/** The bundled plan with a target population too small to analyse (one warning, beside the MI verdict's at its edge), no subgroups or margins (quick). */
function smallTargetPlan(dir: string): string {
  const p = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, any>;
  p.subgroups = [];
  p.population = { label: p.population.label, criteria: p.population.criteria, minPerArm: 100000 };
  const file = join(dir, 'plan.json');
  writeFileSync(file, JSON.stringify(p));
  return file;
}

describe('a trial report\'s analysis warnings', () => {
  it('are passed to env.warn, each once per report, with the text the page lists', async () => {
    const dir = tempDir();
    mkdirSync(dir, { recursive: true });
    const plan = smallTargetPlan(dir);
    const warned: string[] = [];
    const memo = new Map<string, unknown>();
    const env: ReportEnv = {
      input: (p) => resolve(p),
      lang: 'en',
      version: 'test',
      memo: <T>(key: string, compute: () => T) => (memo.has(key) ? memo.get(key) : (memo.set(key, compute()), memo.get(key))) as T,
      warn: (text) => warned.push(text),
    };
    const entry = { id: 'r', kind: 'trial', out: 'r', lang: 'en', data: resolve('data/synthetic/selfback-trial.csv'), plan, characteristics: [] } as never;
    const content = await trialReportKind.build(entry, env);
    // The bundled trial's MI row sits at its edge too (docs/plan-trial.md#verdict-at-its-edge): its warning comes first.
    expect(warned).toHaveLength(2);
    expect(warned[0]).toMatch(/^multiple imputation of rmdq at 3m: the verdict depends on the imputation: /);
    expect(warned[1]).toMatch(/^target population: too small to analyse: \d+ intervention patients and \d+ control patients \(the plan's minimum is 100000 per arm\)$/);
    expect(JSON.stringify(content.page)).toContain('too small to analyse');
  }, 20_000);
});

describe('hta report', () => {
  it('prints them on stderr as "warning: report <ids>: …", once for the reports that share the analysis, and exits 0', async () => {
    const { runCli } = await import('../support/run-cli.js');
    const dir = tempDir();
    const plan = smallTargetPlan(dir);
    writeFileSync(join(dir, 'data.csv'), readFileSync('data/synthetic/selfback-trial.csv'));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'a', kind: 'trial', out: 'a', lang: 'en', data: 'data.csv', plan: 'plan.json' }, { id: 'a-da', kind: 'trial', out: 'a-da', lang: 'da', data: 'data.csv', plan: 'plan.json' }] }));
    expect(plan).toBe(join(dir, 'plan.json'));
    const run = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stderr.split('\n').filter((l) => l.startsWith('warning: '));
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^warning: report "a", "a-da": multiple imputation of rmdq at 3m: the verdict depends on the imputation: /);
    expect(lines[1]).toMatch(/^warning: report "a", "a-da": target population: too small to analyse: /);
  }, 60_000);
});
