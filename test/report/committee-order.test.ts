/**
 * Issue #15, point 4: the trial report in committee order — a generated conclusion, the summary
 * of findings, the participant flow and Table 1 before the detailed results; every figure and
 * table numbered and captioned; time drawn to scale in weeks; covariates by label.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { trajectoriesSpec } from '../../src/report/charts/trajectories.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import { CSS } from '../../src/report/html-page.js';
import { characteristicLabel } from '../../src/report/table-one.js';
import { weeksSinceBaseline } from '../../src/plan/visit-weeks.js';
import { runCli, tempDir } from '../support/run-cli.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** The bundled trial, loaded but not analysed (the report build below analyses it once). */
const trial = loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json'));

const memo = new Map<string, unknown>();
const built = new Map<string, ReturnType<typeof trialReportKind.build>>();
let dir: string | undefined;

/** Built once per language; the analysis is shared (the kind's memo), as `hta report` does. */
function build(lang: 'en' | 'da') {
  if (!built.has(lang)) built.set(lang, buildOnce(lang));
  return built.get(lang)!;
}

async function buildOnce(lang: 'en' | 'da') {
  dir ??= tempDir();
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8'));
  delete plan.$schema;
  plan.missing = { method: 'complete-case', sensitivity: false }; // the MI/MMRM runs take seconds
  plan.methods = ['ancova'];
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  const input = (p: string) => (p === 'plan.json' ? join(dir!, p) : join('data', p));
  return trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'synthetic/selfback-trial.csv', plan: 'plan.json', characteristics: [] } as never, {
    input, lang, version: 'test',
    memo: <T>(key: string, compute: () => T): T => {
      if (!memo.has(key)) memo.set(key, compute());
      return memo.get(key) as T;
    },
  });
}

describe.each(['en', 'da'] as const)('trial report in committee order (%s)', (lang) => {
  // Print (docs/report-trial.md#print): an explorer found "3 / måneder" on every row of Danish
  // Tables 5 and 6, "0,004 0,0879" (p and MCID touching) and verdicts three lines high.
  it('the tables of all effects and of interaction tests keep the follow-up on one line, the MCID apart from the p', async () => {
    const { page } = await build(lang);
    const all = page.sections.find((s) => s.id === 'all-effects')!.tables![0]!.table;
    expect(all.fit).toEqual(['label', 'nowrap', undefined, undefined, undefined, undefined, 'apart', 'label']);
    // Danish "3 mdr." (the glossary's short form) leaves the verdicts room; English "3 months".
    expect(new Set(all.rows.map((r) => r[1]))).toEqual(new Set(lang === 'da' ? ['3 mdr.', '9 mdr.'] : ['3 months', '9 months']));
    const tests = page.sections.find((s) => s.id.startsWith('subgroup-tests-'))!.tables![0]!.table;
    expect(tests.fit?.[1]).toBe('nowrap');
    expect(CSS).toMatch(/th\.apart, td\.apart(, tbody th\.apart)? \{ padding-left: 9pt; \}/);
  });

  it('conclusion, summary of findings, flow and Table 1 come before the detailed results, methods last', async () => {
    const { page } = await build(lang);
    const ids = page.sections.map((s) => s.id);
    expect(ids.slice(0, 4)).toEqual(['conclusion', 'summary-of-findings', 'flow', 'baseline']);
    expect(ids.indexOf('effects')).toBeGreaterThan(ids.indexOf('baseline'));
    expect(ids.indexOf('methods')).toBeGreaterThan(ids.indexOf('all-effects'));
  });

  it('the conclusion gives the primary verdict in the council\'s phrase, the certainty once', async () => {
    const { page } = await build(lang);
    const [conclusion, ...more] = page.sections[0]!.intro!;
    expect(more).toEqual([]);
    expect(conclusion).toContain(lang === 'da' ? '– signifikant, men ikke klinisk relevant (moderat evidenskvalitet).' : '– significant, but not clinically relevant (moderate certainty of evidence).');
    expect(conclusion!.split(lang === 'da' ? 'moderat evidenskvalitet' : 'moderate certainty').length - 1).toBe(1);
    // Findings shared by several outcomes are said once: a short paragraph.
    expect(conclusion!.split(/(?<=\.) (?=[A-ZÆØÅ])/).length).toBeLessThanOrEqual(5);
    expect(conclusion).not.toMatch(/\(relevant|not assessed|ikke vurderet/i);
  });

  it('every figure and table is numbered in page order and captioned', async () => {
    const { page } = await build(lang);
    const [fig, tab] = lang === 'da' ? ['Figur', 'Tabel'] : ['Figure', 'Table'];
    const figures = page.sections.filter((s) => s.chart).map((s) => s.chartCaption ?? '');
    const tables = page.sections.flatMap((s) => (s.tables ?? []).map((t) => t.caption ?? ''));
    expect(figures.length).toBeGreaterThanOrEqual(4);
    figures.forEach((c, i) => expect(c).toMatch(new RegExp(`^${fig} ${i + 1}\\. \\S`)));
    tables.forEach((c, i) => expect(c).toMatch(new RegExp(`^${tab} ${i + 1}\\. \\S`)));
    expect(page.sections.find((s) => s.id === 'flow')!.chartCaption).toMatch(new RegExp(`^${fig} 1\\.`));
  });
});

describe('time to scale and labels', () => {
  it('visits are weeks since baseline: 6 weeks close to baseline, months 52/12 weeks', async () => {
    expect(['baseline', '6w', '3m', '6m', '9m', '1y', '14d', 'post'].map((v) => weeksSinceBaseline(v))).toEqual([0, 6, 13, 26, 39, 52, 2, null]);
    const result = (await build('en')).results as AnalysisResult;
    const spec = trajectoriesSpec(result, trialChartContext(trial, 'en')) as unknown as { concat: { layer: { encoding?: { x?: { field?: string; type?: string; axis?: { title?: string; values?: number[] } } } }[] }[] };
    const x = spec.concat[0]!.layer.find((l) => l.encoding?.x?.field)!.encoding!.x!;
    expect(x).toMatchObject({ field: 'weeks', type: 'quantitative', axis: { title: 'Weeks since baseline', values: [0, 6, 13, 26, 39] } });
  });

  it('Table 1 names common covariates by label, not by key', () => {
    expect(characteristicLabel('alder', 'da')).toBe('Alder (år)');
    expect(characteristicLabel('age', 'en')).toBe('Age (years)');
    expect(characteristicLabel('bmi', 'en')).toBe('Body-mass index (kg/m²)');
    expect(characteristicLabel('bmi', 'en', new Map([['bmi', 'BMI at entry']]))).toBe('BMI at entry');
    expect(characteristicLabel('smerte_varighed', 'da')).toBe('Smerte_varighed');
  });

  it('plan init gives bare numeric visits the unit the time column names, and says the unit it assumed when none is named', async () => {
    const dir = tempDir();
    const rows = ['id,arm,uge,rmdq', ...Array.from({ length: 8 }, (_, i) => [`${i},${i % 2 ? 'app' : 'usual'},0,10`, `${i},${i % 2 ? 'app' : 'usual'},12,8`]).flat()];
    writeFileSync(join(dir, 'weeks.csv'), rows.join('\n') + '\n');
    const r = await runCli('plan', 'init', join(dir, 'weeks.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).timeLabels).toEqual({ '0': 'baseline', '12': '12w' });
    writeFileSync(join(dir, 'bare.csv'), rows.join('\n').replace('uge', 'tid') + '\n');
    const bare = await runCli('plan', 'init', join(dir, 'bare.csv'));
    expect(bare.stderr).toContain('visits "12" are bare numbers: read as months (12m). If they are weeks, write {"12": "12w"} in "timeLabels"');
  });
});
