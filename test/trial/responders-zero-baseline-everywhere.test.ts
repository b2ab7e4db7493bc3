/**
 * The baseline-0 count of a percent responder rule (`atZeroBaseline`, src/trial/responders.ts) in
 * every output that has responder rows, not only the trial's: each subgroup level, the target
 * population reweighted (transported), the registry's responder analyses (small counts hidden)
 * and the cost-effectiveness responders — and each page says it as the trial page does
 * (src/report/zero-baseline-note.ts; docs/plan-trial.md#responders).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { groupZeroBaselineNote } from '../../src/report/zero-baseline-note.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { SUPPRESSED } from '../../src/suppressed-marker.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll } from 'vitest';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { registryReportKind } from '../../src/report/kinds/registry-report.js';
import { join } from 'node:path';
import { tempDir } from '../support/run-cli.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

// 120 patients, 60 per arm, two recruitment groups; patients 1–24 at a baseline of 0 (12 per arm).
function floorCsv(): string {
  const lines = ['id,arm,grp,sex,nrs_baseline,nrs_3m'];
  for (let i = 1; i <= 120; i++) {
    const b = i <= 24 ? 0 : 3 + (i % 6);
    lines.push(`P${i},${i % 2 ? 'app' : 'usual'},${i % 3 ? 'a' : 'b'},${i % 5 < 3 ? 'F' : 'M'},${b},${Math.max(0, b - (i % 4))}`);
  }
  return lines.join('\n') + '\n';
}
const zeroIn = (pred: (i: number) => boolean) => {
  const c = { intervention: 0, control: 0 };
  for (let i = 1; i <= 24; i++) if (pred(i)) c[i % 2 ? 'intervention' : 'control']++;
  return c;
};

describe('a randomised trial: subgroups and the transported rows', () => {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    layout: 'wide',
    timepoints: ['3m'],
    outcomes: [{ key: 'nrs', instrument: 'nrs', mcid: 1 }],
    responders: [{ key: 'r30', outcome: 'nrs', percent: 30 }, { key: 'r2', outcome: 'nrs', points: 2 }],
    methods: ['ancova'],
    subgroups: [{ column: 'grp', label: { en: 'group', da: 'gruppe' }, levels: ['a', 'b'], prespecified: true }],
    population: {
      label: { en: 'group a', da: 'gruppe a' },
      criteria: [{ column: 'grp', op: 'in', values: ['a'], label: { en: 'in group a', da: 'i gruppe a' } }],
      minPerArm: 10,
      margins: [{ column: 'sex', label: { en: 'sex', da: 'køn' }, shares: { F: 0.5, M: 0.5 } }],
    },
  });
  const trial = loadTrial(parseCsvText(floorCsv(), 'floor.csv'), plan);
  const result = analyzeTrial(trial, { version: 'test' });

  it('each subgroup level\'s percent-rule row counts its own patients at 0; the points rule none', () => {
    const g = result.subgroups!.find((s) => s.outcome === 'r30')!;
    expect(g.levels.find((l) => l.level === 'a')!.effect.atZeroBaseline).toEqual(zeroIn((i) => i % 3 !== 0));
    expect(g.levels.find((l) => l.level === 'b')!.effect.atZeroBaseline).toEqual(zeroIn((i) => i % 3 === 0));
    for (const l of result.subgroups!.find((s) => s.outcome === 'r2')!.levels) expect(l.effect.atZeroBaseline).toBeUndefined();
  });

  it('the transported row counts the patients it weighs (every trial patient)', () => {
    const moved = result.targetPopulation!.transported!.find((x) => x.outcome === 'r30')!;
    expect(moved.effect.error).toBeUndefined();
    expect(moved.effect.atZeroBaseline).toEqual(zeroIn(() => true));
    expect(result.targetPopulation!.transported!.find((x) => x.outcome === 'r2')!.effect.atZeroBaseline).toBeUndefined();
  });

  it.each([
    ['en', 'Pain intensity (NRS 0–10) improved ≥ 30% at 3 months (group: a): 16 patients (8 app, 8 usual care) had a baseline of 0', 'Pain intensity (NRS 0–10) improved ≥ 30% at 3 months (trial reweighted to the target): 24 patients (12 app, 12 usual care) had a baseline of 0'],
    ['da', 'Smerteintensitet (NRS 0–10) forbedret ≥ 30 % efter 3 måneder (gruppe: a): 16 patienter (8 app, 8 vanlig behandling) havde 0 ved baseline', 'Smerteintensitet (NRS 0–10) forbedret ≥ 30 % efter 3 måneder (forsøget omvægtet til målgruppen): 24 patienter (12 app, 12 vanlig behandling) havde 0 ved baseline'],
  ] as const)('(%s) the subgroup tests and the target population sections say it', (lang, level, moved) => {
    const notes = subgroupReport(result, plan, trialChartContext(trial, lang), () => 10).sections.flatMap((s) => s.notes ?? []);
    const zero = notes.filter((n) => /baseline of 0|0 ved baseline/.test(n));
    expect(zero.some((n) => n.startsWith(level)), zero.join('\n')).toBe(true);
    expect(zero.some((n) => n.startsWith(moved)), zero.join('\n')).toBe(true);
  });
});

describe('a registry: the analysed patients at 0 per group, small counts hidden', () => {
  const plan = (threshold: number) =>
    parsePlan({
      design: 'observational',
      observational: { exposure: { column: 'arm', exposed: 'app', unexposed: 'usual' }, confounders: [{ name: 'sex', type: 'categorical' }], estimand: 'ATE', suppressionThreshold: threshold },
      layout: 'wide',
      timepoints: ['3m'],
      outcomes: [{ key: 'nrs', instrument: 'nrs' }],
      responders: [{ key: 'r30', outcome: 'nrs', percent: 30 }],
    });
  const run = (threshold: number) => analyzeObservational(loadTrial(parseCsvText(floorCsv(), 'floor.csv'), plan(threshold)), { version: 'test' }).analyses.find((a) => a.outcome === 'r30')!;

  it('published per group when not small', () => {
    expect(run(5).atZeroBaseline).toEqual({ exposed: 12, unexposed: 12 });
  });
  it('hidden when small (rule 11)', () => {
    expect(run(13).atZeroBaseline).toEqual({ exposed: SUPPRESSED, unexposed: SUPPRESSED });
  });
  it.each([
    // Mid-sentence the groups as running text names them (arm-names.ts), not capitalised labels.
    ['en', 'r30 at 3 months: patients analysed with a baseline of 0 — app 12, usual care 12'],
    ['da', 'r30 efter 3 måneder: analyserede patienter med 0 ved baseline — app 12, vanlig behandling 12'],
  ] as const)('(%s) the registry page says it under its effects', async (lang, words) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), floorCsv());
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan(5), responders: [{ key: 'r30', outcome: 'nrs', percent: 30, label: { en: 'r30', da: 'r30' } }] }));
    const env = { input: (p: string) => join(dir, p), lang, version: 'test', memo: <T>(_k: string, f: () => T) => f() };
    const content = await registryReportKind.build({ id: 'r', kind: 'registry', out: 'r', lang, data: 'registry.csv', plan: 'plan.json' } as never, env as never);
    const notes = content.page.sections.find((s) => s.id === 'effects')?.notes ?? [];
    expect(notes.some((n) => n.startsWith(words)), notes.join('\n')).toBe(true);
  });

  it.each([
    // The plan's group names mid-sentence in lower case; an abbreviation ("GP users") as written.
    ['en', 'r30 at 3 months: patients analysed with a baseline of 0 — app users 12, GP users 12; under a percent rule'],
    ['da', 'r30 efter 3 måneder: analyserede patienter med 0 ved baseline — brugere af appen 12, ikke-brugere 12; med en regel i procent'],
  ] as const)('(%s) the note', (lang, text) => {
    const groups = lang === 'en' ? { exposed: 'App users', unexposed: 'GP users' } : { exposed: 'Brugere af appen', unexposed: 'Ikke-brugere' };
    expect(groupZeroBaselineNote('r30', '3m', { exposed: '12', unexposed: '12' }, groups, lang)).toMatch(new RegExp(`^${text.replace(/[()]/g, '\\$&')}`));
  });
});

describe('the cost-effectiveness responders', () => {
  afterAll(removeTempDirs);
  // The CEA fixture's RMDQ baselines set to 0 for P0–P5 (3 per arm), with a 30% rule beside its 5-point one.
  const f = ceaFixture({ planExtra: { responders: [{ key: 'rmdq30', outcome: 'rmdq', percent: 30 }] } });
  writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P[0-5],\w+,baseline,/.test(l) ? l.split(',').map((c, i) => (i === 4 ? '0' : c)).join(',') : l)).join('\n'));
  const build = (lang: 'en' | 'da') =>
    ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, { input: (p: string) => p, lang, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() } as never);

  it.each([
    ['en', 'rmdq30', 'at 3 months: 6 patients (3 app, 3 usual care) had a baseline of 0'],
    ['da', 'rmdq30', 'efter 3 måneder: 6 patienter (3 app, 3 vanlig behandling) havde 0 ved baseline'],
  ] as const)('(%s) results.json and the responders section', async (lang, key, words) => {
    const content = await build(lang);
    const rows = (content.results as { responders: unknown }).responders as { key: string; atZeroBaseline?: unknown }[];
    expect(rows.find((r) => r.key === key)!.atZeroBaseline).toEqual({ intervention: 3, control: 3 });
    expect(rows.find((r) => r.key === 'rmdq5')!.atZeroBaseline).toBeUndefined();
    const notes = content.page.sections.find((s) => s.id === 'responders')!.notes ?? [];
    expect(notes.some((n) => n.includes(words)), notes.join('\n')).toBe(true);
  });
});
