/**
 * Rule 9 (docs/observational.md, "Small counts") hides the score and weight numbers when a
 * balance term is hidden for a small count. It used to take the warnings with them: with a
 * confounder level of 2 users, a registry where exposure follows age almost entirely said nothing
 * of its poor overlap or extreme weights, not even on the analyst's terminal. The yes/no facts
 * stay (the share outside [0.05, 0.95] rounded down to 5 points), and stderr names the confounder.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { runCli, tempDir } from '../support/run-cli.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: unknown[] } } & Record<string, unknown>;

/** 300 registry patients whose app use follows age almost entirely (a few exceptions in the middle); with `rareLevel`, 2 users and 10 non-users referred by "other". */
function ageDriven(rareLevel: boolean): string {
  const d = completeRegistryRows(300);
  d.rows.forEach((r, i) => {
    const age = 20 + (i % 60);
    r.age = String(age);
    // Users mostly young, non-users mostly old; every fifth patient of ages 40–59 the other way.
    const young = age < 50;
    r.app = (i % 5 === 0 && age >= 40 && age < 60 ? !young : young) ? 'Ja' : 'Nej';
  });
  if (rareLevel) {
    for (const r of [...d.rows.filter((x) => x.app === 'Ja').slice(0, 2), ...d.rows.filter((x) => x.app === 'Nej').slice(0, 10)]) r.referrer = 'other';
  }
  return registryCsv(d);
}

function analyse(csv: string) {
  const trial = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(basePlan));
  return { result: analyzeObservational(trial, { version: 'test' }), computed: computeObservationalAnalyses(trial) };
}

describe('poor overlap and extreme weights when rule 9 hides the numbers', () => {
  it('without the rare level the warnings are there with their numbers (the data do have poor overlap)', () => {
    const { result } = analyse(ageDriven(false));
    const rmdq = result.analyses.find((a) => a.outcome === 'rmdq')!;
    expect(typeof rmdq.propensity!.outsideShare).toBe('number');
    expect(rmdq.warnings.some((w) => /^poor overlap: \d+\.\d% of patients/.test(w))).toBe(true);
  });

  it('with a level of 2 users: the numbers read "suppressed", the facts stay in results, on the page and on stderr, which alone names the confounder', async () => {
    const csv = ageDriven(true);
    const { result, computed } = analyse(csv);
    const rmdq = result.analyses.find((a) => a.outcome === 'rmdq')!;
    const raw = computed.find((a) => a.outcome === 'rmdq')!;
    expect(rmdq.balance.filter((b) => b.term.startsWith('referrer=')).every((b) => b.smdBefore === 'suppressed')).toBe(true);
    expect(rmdq.propensity!.outsideShare).toBe('suppressed');
    expect(rmdq.weights!.effectiveSampleSize).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    expect(rmdq.weights!.max).toEqual({ exposed: 'suppressed', unexposed: 'suppressed' });
    // The share as computed, rounded down to 5 points; the facts as computed.
    const share = raw.propensity!.outsideShare as number;
    expect(share).toBeGreaterThan(0.1);
    expect(rmdq.propensity!.outsideAtLeast).toBe(Math.floor(share * 20) / 20);
    expect(rmdq.weights!.extreme).toEqual(raw.weights!.extreme);
    const under = (g: 'exposed' | 'unexposed') => (raw.weights!.effectiveSampleSize[g] as number) < 0.5 * (raw.patients![g] as number);
    expect(rmdq.weights!.effectiveSampleUnderHalf).toEqual({ exposed: under('exposed'), unexposed: under('unexposed') });
    expect(under('exposed') || under('unexposed')).toBe(true);
    const pct = Math.round(100 * rmdq.propensity!.outsideAtLeast!);
    expect(rmdq.warnings).toContain(`poor overlap: at least ${pct}% of patients have a propensity score outside the interval 0.05 to 0.95 (rounded down to 5 points: the exact share is suppressed)`);
    expect(rmdq.warnings.some((w) => /^poor overlap: the weights leave an effective sample of under half of the [\d,]+ (un)?exposed patients \(the number is suppressed\)$/.test(w))).toBe(true);
    expect(raw.weights!.extreme.unexposed).toBe(true);
    expect(rmdq.warnings).toContain('extreme weights: at least one unexposed weight is more than 10 times the group mean (the largest weights are suppressed); consider "trim" or "truncate"');
    expect(rmdq.warnings.some((w) => w.startsWith('overlap and weights are not shown in numbers'))).toBe(true);
    // No number the rule hides slips into a warning (the exact share, an effective sample).
    expect(rmdq.warnings.join('\n')).not.toMatch(/\d+\.\d%|effective sample of \d/);

    // The page says the facts in its language; it does not name the confounder in the rule-9 warning.
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(basePlan));
    for (const lang of ['en', 'da'] as const) {
      const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
      const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
      const warnings = content.page.sections.find((s) => s.id === 'warnings')!;
      const text = JSON.stringify(warnings);
      expect(text).toContain(lang === 'en' ? `poor overlap: at least ${pct}% of patients` : `dårligt overlap: mindst ${pct} % af patienterne`);
      expect(text).not.toMatch(/named here only|nævnt kun her/);
    }

    // stderr: the facts, and the confounder by its label.
    writeFileSync(join(dir, 'p.json'), JSON.stringify(basePlan));
    const run = await runCli('analyze', join(dir, 'registry.csv'), '--plan', join(dir, 'p.json'));
    expect(run.stderr).toContain(`poor overlap: at least ${pct}% of patients`);
    expect(run.stderr).toMatch(/overlap and weights are not shown in numbers .* \(the confounder "Referred by"; named here only, not in the report\)/);
  });
});
