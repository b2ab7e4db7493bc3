/**
 * The target population outside its own section (docs/subgroups.md#report): the summary of
 * findings' population rows (src/report/sof-target-rows.ts) — under the primary outcome's trial
 * row, the target population's and the transported effects with their own participants and CI,
 * numbers against R (test/reference/subgroups.R), and one row when the target population is too
 * small — and the participant flow's branch (src/report/charts/target-flow-boxes.ts) with each
 * criterion's exclusions, against R's counts.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { judgeDifference } from '../../src/judge/judge-effect.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { participantFlowSpec } from '../../src/report/charts/participant-flow.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { RELEVANCE_TEXT } from '../../src/report/i18n.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { TrialData } from '../../src/trial/trial-data.js';

const ref = JSON.parse(readFileSync('test/reference/subgroups.json', 'utf8'));
let trial: TrialData;
let result: AnalysisResult;

beforeAll(() => {
  trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), loadPlanFile('test/fixtures/subgroups/plan.json'));
  result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample('test/fixtures/subgroups/target-sample.csv', trial.plan)! });
});

/** "MD 1.05 points lower (2.27 lower to 0.17 higher)" for a lower-is-better difference from R. */
const md = (d: number, lo: number, hi: number) => {
  const w = (v: number) => `${Math.abs(v).toFixed(2)} ${v < 0 ? 'lower' : 'higher'}`;
  return `MD ${Math.abs(d).toFixed(2)} points ${d < 0 ? 'lower' : 'higher'} (${w(lo)} to ${w(hi)})`;
};

describe('population rows in the summary of findings', () => {
  it('puts the target-population, raked and inverse-odds rows under the trial row, with R\'s participants and effects', () => {
    const ctx = trialChartContext(trial, 'en');
    const rows = summaryOfFindingsRows(result, trial.plan, 'ancova', 'en');
    const { table, notes } = summaryOfFindings(rows, ctx, result.targetPopulation);
    const at = table.rows.findIndex((r) => r[0]!.startsWith('Pain (NRS 0–10)'));
    // The outcome's heading row carries its MCID; the trial row at the primary follow-up, then the population rows.
    expect(table.rows[at]![0]).toMatch(/; MCID 2 points\)$/);
    const time = trial.plan.primary?.time ?? trial.plan.timepoints[0]!;
    const first = table.rows.findIndex((r, i) => i > at && r[0] === ctx.timeLabel(time));
    const [trialRow, target, raked, sampled, next] = table.rows.slice(first, first + 5);
    expect(target![0]).toBe('  In the target population');
    expect(target![1]).toBe(`${ref.target.ancova.n.intervention + ref.target.ancova.n.control} (1\u00a0RCT)`);
    expect(target![5]).toBe(md(ref.target.ancova.difference, ref.target.ancova.ciLower, ref.target.ancova.ciUpper));
    // The verdict of R's CI against the MCID (2, lower is better), as the trial rows word it.
    const j = judgeDifference(ref.target.ancova.difference, ref.target.ancova.ciLower, ref.target.ancova.ciUpper, 2, 'lower-is-better');
    expect(target![6]).toBe(RELEVANCE_TEXT[j.relevance!].en.replace(/\s*\([^)]*\)$/, ''));
    // R's eff. n (27) is under half the 91 patients raked: extreme weights (docs/subgroups.md#extreme-weights).
    expect(ref.transported.effectiveSampleSize).toBeLessThan(0.5 * (ref.transported.n.intervention + ref.transported.n.control));
    expect(raked![0]).toBe(`  Reweighted, eff. n ${ref.transported.effectiveSampleSize.toFixed(0)}, extreme weights: not a finding`);
    expect(raked![1]).toBe(`${ref.transported.n.intervention + ref.transported.n.control} (1\u00a0RCT)`);
    expect(raked![5]).toBe(md(ref.transported.difference, ref.transported.ciLower, ref.transported.ciUpper));
    // Its verdict cell states no finding either, as the label and the conclusion say; the inverse-odds row's weights are not extreme.
    expect(raked![6]).toBe('Not a finding (extreme weights)');
    expect(sampled![6]).not.toMatch(/extreme/);
    const io = ref.inverseOdds.pain;
    // The target sample's size beside its row: the participants cell counts trial patients.
    expect(sampled![0]).toBe(`  Reweighted to the target sample (${result.targetPopulation!.targetSample!.rows} patients), eff. n ${io.effectiveSampleSize.toFixed(0)}`);
    expect(sampled![1]).toBe(`${io.n.intervention + io.n.control} (1\u00a0RCT)`);
    expect(sampled![5]).toBe(md(io.difference, io.ciLower, io.ciUpper));
    // The trial's certainty, plus a footnote saying what these rows answer; no control-arm mean of their own.
    const trialLetters = /\(([a-z, ]*)\)$/.exec(trialRow![2]!)?.[1];
    for (const r of [target!, raked!, sampled!]) {
      expect(r[2]!.startsWith(trialRow![2]!.replace(/ \([a-z, ]*\)$/, ''))).toBe(true);
      expect(r[4]).toBe('—');
    }
    const letter = /([a-z])\)$/.exec(target![2]!)![1]!;
    if (trialLetters) expect(trialLetters.split(', ')).not.toContain(letter);
    const note = notes.find((n) => n.startsWith(`${letter}. `));
    expect(note).toContain('not downgraded for indirectness');
    expect(note).toContain('adults with symptoms > 4 weeks from physio or GP');
    // Only the primary (here: the first) outcome, at its primary follow-up, gets them.
    expect(next![0]).not.toMatch(/target population|Reweighted/);
    expect(table.rows.filter((r) => /target population|Reweighted/.test(r[0]!))).toHaveLength(3);
  });

  it('a target population too small to analyse gets one row saying so, with its numbers and the plan\'s minimum', () => {
    const plan = { ...trial.plan, population: { ...trial.plan.population!, minPerArm: ref.target.patients.control + 1 } };
    const small = analyzeTrial({ ...trial, plan }, { version: 'test' });
    expect(small.targetPopulation!.analysed).toBe(false);
    const ctx = trialChartContext({ ...trial, plan }, 'en');
    const { table } = summaryOfFindings(summaryOfFindingsRows(small, plan, 'ancova', 'en'), ctx, small.targetPopulation);
    const rows = table.rows.filter((r) => r[0] === '  In the target population');
    expect(rows).toHaveLength(1);
    const n = ref.target.patients.intervention + ref.target.patients.control;
    expect(rows[0]![1]).toBe(`${n} (1\u00a0RCT)`);
    expect(rows[0]![5]).toBe(`Not analysed: too small (n = ${n}, ${ref.target.patients.intervention}/${ref.target.patients.control} app/usual; the plan's minimum is ${ref.target.patients.control + 1} per arm)`);
    // The flow's last branch box says so too.
    const boxes = flowBoxes(participantFlowSpec(small, ctx));
    expect(boxes.find((b) => b[0] === 'Target population')).toEqual(['Target population', `Meet every criterion: n = ${n}`, `Too small to analyse (minimum ${ref.target.patients.control + 1} per arm)`]);
    // The raked row uses every trial patient, so it stays (no target sample here: no inverse-odds row).
    expect(table.rows.filter((r) => r[0]!.startsWith('  Reweighted'))).toHaveLength(1);
  });
});

/** The flow chart's boxes, each its lines top to bottom (heading first), in drawing order. */
function flowBoxes(spec: unknown): string[][] {
  type Layer = { data: { values: Record<string, unknown>[] } };
  const layers = (spec as { layer: Layer[] }).layer;
  const rects = layers[1]!.data.values as { x: number; y: number; x2: number; y2: number }[];
  const texts = [...layers[2]!.data.values, ...layers[3]!.data.values] as { x: number; y: number; line: string }[];
  return rects.map((r) => texts.filter((t) => t.x > r.x && t.x < r.x2 && t.y > r.y && t.y < r.y2).sort((a, b) => a.y - b.y).map((t) => t.line));
}

describe('the participant flow\'s branch into the target population', () => {
  it('one box per criterion in sequence with R\'s exclusions per arm, then the target population and its analysed patients', () => {
    const ctx = trialChartContext(trial, 'en');
    const boxes = flowBoxes(participantFlowSpec(result, ctx));
    const branch = boxes.filter((b) => b.some((l) => l.startsWith('Excluded: ')));
    const criteria = result.targetPopulation!.criteria;
    expect(branch).toHaveLength(ref.target.flow.length);
    ref.target.flow.forEach((f: { column: string; excluded: { intervention: number; control: number } }, k: number) => {
      const c = criteria[k]!;
      expect(c.column).toBe(f.column);
      const box = branch[k]!;
      expect(box[0]).toBe(`${k + 1}. ${c.label.en.charAt(0).toUpperCase()}${c.label.en.slice(1)}`);
      expect(box).toContain(`Excluded: n = ${f.excluded.intervention + f.excluded.control} (app ${f.excluded.intervention}, usual ${f.excluded.control})`);
      expect(box).toContain(`Remaining: n = ${c.remaining.intervention + c.remaining.control} (app ${c.remaining.intervention}, usual ${c.remaining.control})`);
      if (c.missing) expect(box).toContain(`of which no value: n = ${c.missing}`);
    });
    const last = boxes[boxes.indexOf(branch.at(-1)!) + 1]!;
    const n = ref.target.ancova.n;
    expect(last).toEqual(['Target population', `Meet every criterion: n = ${ref.target.patients.intervention + ref.target.patients.control}`, `Analysed at 3 months: app ${n.intervention}, usual ${n.control}`]);
  });

  it('stands apart from the trial flow: in a dashed frame titled as the subset, no line from the arms or the randomised box into it', () => {
    const spec = participantFlowSpec(result, trialChartContext(trial, 'en')) as unknown as { layer: { mark: { strokeDash?: number[] }; data: { values: Record<string, number>[] } }[] };
    const frame = spec.layer.at(-1)!;
    expect(frame.mark.strokeDash).toBeDefined();
    const [f] = frame.data.values as [{ x: number; y: number; x2: number; y2: number }];
    const boxes = flowBoxes(participantFlowSpec(result, trialChartContext(trial, 'en')));
    expect(boxes.flat()).not.toContain('Target-population subset of all randomised patients (not a stage of the trial)');
    const texts = [...spec.layer[2]!.data.values, ...spec.layer[3]!.data.values] as unknown as { y: number; line: string }[];
    expect(texts.find((t) => t.line.startsWith('Target-population subset'))!.y).toBeGreaterThan(f.y);
    // Every arrow either ends above the frame or starts inside it (between two criteria).
    for (const a of spec.layer[0]!.data.values as { y: number; y2: number }[]) expect(a.y2 <= f.y || a.y >= f.y, JSON.stringify(a)).toBe(true);
  });

  it('no branch without a target population', () => {
    const { targetPopulation: _t, ...without } = result;
    const boxes = flowBoxes(participantFlowSpec(without, trialChartContext(trial, 'en')));
    expect(boxes.flat().some((l) => l.startsWith('Excluded: ') || l === 'Target population')).toBe(false);
  });
});
