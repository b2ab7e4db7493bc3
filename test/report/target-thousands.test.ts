// Counts of a target population in the thousands are printed with separators wherever the report
// says them ("1,213", Danish "1.213"), as the trial's own rows are: the summary of findings'
// population rows, the participant flow's branch, the conclusion and the reweighting note. The
// population's counts are scaled up from a small analysed trial (only the words are checked here).
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult, TargetPopulation } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { targetFlowBoxes } from '../../src/report/charts/target-flow-boxes.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { sofPopulationRows } from '../../src/report/sof-target-rows.js';
import { summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const lines = ['id,arm,time,pain,pp'];
for (let id = 1; id <= 24; id++) {
  const arm = id % 2 ? 'A' : 'B';
  lines.push(`${id},${arm},baseline,${(id % 5) + 4},${id % 6 ? 1 : 0}`, `${id},${arm},3m,${(id % 4) + (arm === 'A' ? 1 : 3)},`);
}
const plan = parsePlan({
  arms: { intervention: 'A', control: 'B' },
  timepoints: ['3m'],
  primary: { outcome: 'pain', time: '3m' },
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  methods: ['ancova'],
  population: { label: { en: 'Adhered', da: 'Fulgte' }, criteria: [{ column: 'pp', op: '==', value: 1, label: { en: 'adhered', da: 'fulgte' } }], minPerArm: 5 },
});
const trial = loadTrial(parseCsvText(lines.join('\n') + '\n', 't.csv'), plan);
const analysed = analyzeTrial(trial, { version: 'test' });
// 1,213 intervention and 1,008 control patients meet the criteria (2,221 in all).
const N = { intervention: 1213, control: 1008 };
const t0 = analysed.targetPopulation!;
const big: TargetPopulation = {
  ...t0,
  patients: N,
  criteria: t0.criteria.map((c) => ({ ...c, remaining: N })),
  effects: t0.effects.map((e) => ({ ...e, n: N })),
  transported: t0.effects.map((e) => ({ outcome: e.outcome, time: e.time, weighting: 'raking' as const, effect: { ...e, n: N }, excludedMissing: 0, weights: { effectiveSampleSize: 1500.4, min: 0.5, max: 2, sweeps: 3 } })),
};
const result: AnalysisResult = { ...analysed, targetPopulation: big };
const small: TargetPopulation = { ...big, analysed: false, reason: 'too small', effects: [], transported: [], minPerArm: 2000 };

describe.each([
  ['en', '1,213', '1,008', '2,221', '1,500'],
  ['da', '1.213', '1.008', '2.221', '1.500'],
] as const)('a target population of thousands (%s)', (lang, i, c, n, ess) => {
  const ctx = trialChartContext(trial, lang);
  const primaryRow = analysed.effects.find((e) => e.outcome === 'pain' && e.method === 'ancova')!;
  it('summary of findings: participants and the effective sample size, and the too-small row', () => {
    const rows = sofPopulationRows(big, primaryRow, ctx);
    expect(rows.map((r) => r.participants.split(' ')[0])).toEqual([n, n]);
    expect(rows[1]!.label).toContain(`eff. n ${ess}`);
    const tooSmall = sofPopulationRows(small, primaryRow, ctx)[0]!;
    expect(tooSmall.participants.startsWith(`${n} `)).toBe(true);
    expect(tooSmall.why).toContain(`n = ${n}, ${i}/${c} `);
    expect(tooSmall.why).toContain(lang === 'en' ? 'minimum is 2,000 per arm' : 'minimum er 2.000 pr. gruppe');
  });
  it('participant flow branch: meet every criterion, analysed per arm', () => {
    const last = targetFlowBoxes(big, ctx, { outcome: 'pain', method: 'ancova', times: ['3m'] }).at(-1)!;
    expect(last[1]).toMatch(new RegExp(`: n = ${n.replace('.', '\\.')}$`));
    expect(last[2]).toMatch(new RegExp(` ${i.replace('.', '\\.')}, .* ${c.replace('.', '\\.')}$`));
  });
  it('conclusion: n of the target population, analysed or too small', () => {
    const rows = summaryOfFindingsRows(result, plan, 'ancova', lang);
    expect(conclusionParagraphs(rows, ctx, { targetPopulation: big }).join(' ')).toContain(`n = ${n})`);
    expect(conclusionParagraphs(rows, ctx, { targetPopulation: small }).join(' ')).toContain(`: ${n} `);
  });
  it('the reweighting note: effective sample size and patients', () => {
    const text = JSON.stringify(subgroupReport(result, plan, ctx, () => undefined).sections);
    expect(text).toContain(`${ess}–${ess} ${lang === 'en' ? 'of' : 'af'} ${n}–${n} `);
  });
});
