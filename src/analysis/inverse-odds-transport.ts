/**
 * The trial's effect transported to a sample of target patients by the inverse odds of trial
 * membership (docs/subgroups.md#inverse-odds-weights):
 *
 *   1. logistic model of membership of the target sample against the trial, on the model
 *      columns: P(target | x) = p(x), fitted on every randomised trial patient with the model
 *      values and every target row (= R `glm(target ~ x, family = binomial)`);
 *   2. each trial patient's weight w = p(x)/(1 − p(x)), the inverse odds of trial membership,
 *      scaled to mean 1 among the patients analysed (the scale changes no estimate);
 *   3. per outcome × time the weighted ANCOVA (continuous) or weighted risk difference (binary,
 *      responders) with a design-based SE that treats the weights as fixed
 *      (= R `svyglm(…, design = svydesign(ids = ~1, weights = ~w, data))`; the rows:
 *      transported-rows.ts, shared with the raking).
 *
 * Refused, with the level named, when a text column has a level in the target sample that no
 * trial patient has (nothing to weight up) or the other way round (weight 0).
 * Reference: Westreich D, Edwards JK, Lesko CR, Stuart E, Cole SR (2017), Am J Epidemiol
 * 186:1010–1014, doi:10.1093/aje/kwx164 (transportability with inverse odds of sampling weights).
 */
import { DEFAULT_PUBLICATION_THRESHOLD } from '../suppressed-marker.js';
import { effectiveSampleSize } from '../stats/effective-sample-size.js';
import { analysisFailed } from '../stats/arm-size.js';
import { logisticRegression, SEPARATED } from '../stats/logistic-regression.js';
import type { OutcomePairs } from '../trial/outcome-pairs.js';
import type { TargetSample } from '../trial/target-sample.js';
import type { TrialData } from '../trial/trial-data.js';
import { HtaError } from '../errors.js';
import type { TargetPopulation } from './results-schema.js';
import { type Transported, transportedRows } from './transported-rows.js';

type SampleSummary = NonNullable<TargetPopulation['targetSample']>;

interface Membership {
  /** Inverse-odds weight of each trial patient with every model value. */
  weightOf: Map<string, number>;
  summary: SampleSummary;
}

/** Design columns of the model: numbers as they are, text as 0/1 columns (reference: first level in sorted order, as R factor()). */
function modelDesign(model: readonly string[], trialRows: readonly (string | number)[][], targetRows: readonly (string | number)[][]) {
  const all = [...trialRows, ...targetRows];
  const columns: { name: string; value: (r: readonly (string | number)[]) => number }[] = [];
  const problems: string[] = [];
  model.forEach((name, k) => {
    if (all.every((r) => typeof r[k] === 'number')) {
      columns.push({ name, value: (r) => r[k] as number });
      return;
    }
    const levelsOf = (rows: readonly (string | number)[][]) => new Set(rows.map((r) => String(r[k])));
    const inTrial = levelsOf(trialRows);
    const inTarget = levelsOf(targetRows);
    const count = (rows: readonly (string | number)[][], l: string) => rows.filter((r) => String(r[k]) === l).length;
    for (const l of [...inTarget].filter((l) => !inTrial.has(l)).sort()) problems.push(`the target sample has ${name} = '${l}' (${count(targetRows, l)} rows) but no trial patient has it, so the trial cannot be weighted to it`);
    for (const l of [...inTrial].filter((l) => !inTarget.has(l)).sort()) problems.push(`${count(trialRows, l)} trial patients have ${name} = '${l}', which no target patient has (their weight would be 0); leave ${name} out of the model or restrict the trial`);
    const levels = [...new Set([...inTrial, ...inTarget])].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
    for (const l of levels.slice(1)) columns.push({ name: `${name}${l}`, value: (r) => (String(r[k]) === l ? 1 : 0) });
  });
  if (problems.length) throw analysisFailed(problems.join('; '));
  return columns;
}

/**
 * The numeric model columns whose target values lie outside the trial's range, the commonest cause
 * of separation (a 0–100 VAS beside a 0–10 NRS, ages of another population), most outside first:
 * `target rows outside the trial's range (another scale or population?): "age" — 378 of 378;
 * "pain" — 12 of 378`; "" when none. Counts only: the trial's and the target's minimum and
 * maximum are single patients' values (the youngest and the oldest), never printed; nor is a
 * count of 1–4 patients ("fewer than 5 of 378", "all but fewer than 5 of 378").
 */
function apartColumns(model: readonly string[], trialRows: readonly (string | number)[][], targetRows: readonly (string | number)[][]): string {
  const found: { share: number; text: string }[] = [];
  model.forEach((name, k) => {
    const a = trialRows.map((r) => r[k]);
    const b = targetRows.map((r) => r[k]);
    if (![...a, ...b].every((v) => typeof v === 'number')) return;
    const lo = Math.min(...(a as number[]));
    const hi = Math.max(...(a as number[]));
    const outside = b.filter((v) => (v as number) < lo || (v as number) > hi).length;
    if (outside === 0) return;
    // A count of 1–4 target patients (or all but 1–4) is not printed: the page is published.
    const inside = b.length - outside;
    const count = outside < DEFAULT_PUBLICATION_THRESHOLD ? `fewer than ${DEFAULT_PUBLICATION_THRESHOLD}` : inside > 0 && inside < DEFAULT_PUBLICATION_THRESHOLD ? `all but fewer than ${DEFAULT_PUBLICATION_THRESHOLD}` : String(outside);
    found.push({ share: outside / b.length, text: `"${name}" — ${count} of ${b.length}` });
  });
  found.sort((x, y) => y.share - x.share);
  return found.length ? `target rows outside the trial's range (another scale or population?): ${found.map((f) => f.text).join('; ')}` : '';
}

/** The model's reason with the columns that separate the groups after it (worded in Danish part by part, report/failure-reasons.ts). */
const withApart = (reason: string, apart: string) => (apart ? `${reason}; ${apart}` : reason);

/** The randomised trial patients with every model value: their ids and values in model order. */
function trialModelRows(trial: TrialData, sample: TargetSample) {
  const ids: string[] = [];
  const trialRows: (string | number)[][] = [];
  for (const p of trial.patients) {
    const values = sample.model.map((c) => p.attributes?.[c] ?? null);
    if (values.some((v) => v === null)) continue;
    ids.push(p.id);
    trialRows.push(values as (string | number)[]);
  }
  return { ids, trialRows };
}

/**
 * What was read of the sample, kept when the model cannot be fitted: the page then still says how
 * many target patients were read (not "a sample of 0"), and the rows say why nothing was computed.
 */
function sampleSummary(sample: TargetSample, trialPatients: number): Omit<SampleSummary, 'coefficients'> {
  return { file: sample.file, rows: sample.rows.length, excludedMissing: sample.excludedMissing, trialPatients, model: sample.model };
}

function membershipOf(trial: TrialData, sample: TargetSample): Membership {
  const { ids, trialRows } = trialModelRows(trial, sample);
  // A handful of target patients cannot describe a population: the model, its weights and the
  // design-based CI (which ignores the model's uncertainty) would mean nothing (4 rows gave a
  // "significant" difference). The plan's minimum, as minPerArm for the criteria.
  const min = trial.plan.population?.targetSample?.minPatients ?? 20;
  if (sample.rows.length < min) {
    const left = sample.excludedMissing ? ` (${sample.excludedMissing} more row(s) left out for a missing model value)` : '';
    throw analysisFailed(`too few target patients: ${sample.rows.length} with every model value in ${sample.file}${left}, the plan's minimum is ${min} ("population.targetSample.minPatients")`);
  }
  const columns = modelDesign(sample.model, trialRows, sample.rows);
  const X = [...trialRows, ...sample.rows].map((r) => [1, ...columns.map((c) => c.value(r))]);
  const y = [...trialRows.map(() => 0), ...sample.rows.map(() => 1)];
  let fit: ReturnType<typeof logisticRegression>;
  try {
    fit = logisticRegression(X, y, ['(Intercept)', ...columns.map((c) => c.name)]);
  } catch (err) {
    // Separated or not converged: name the numeric columns whose values the two groups do not share.
    const apart = apartColumns(sample.model, trialRows, sample.rows);
    if (err instanceof HtaError && err.code === 'analysis.failed' && apart) throw analysisFailed(withApart(err.message, apart));
    throw err;
  }
  const weights = fit.fitted.slice(0, ids.length).map((p) => p / (1 - p));
  if (!weights.every(Number.isFinite)) {
    const apart = apartColumns(sample.model, trialRows, sample.rows);
    throw analysisFailed(withApart(SEPARATED, apart));
  }
  const weightOf = new Map(ids.map((id, i) => [id, weights[i] as number]));
  return {
    weightOf,
    summary: { ...sampleSummary(sample, ids.length), coefficients: fit.coefficients },
  };
}

/**
 * The target sample's summary (without coefficients when the model could not be fitted) and the
 * inverse-odds transported rows (every row then carries the reason).
 */
export function inverseOddsEffects(trial: TrialData, sample: TargetSample, pairsAt: (key: string, time: string) => OutcomePairs, confLevel: number): { summary: SampleSummary; rows: Transported[]; error?: string } {
  let membership: Membership | null = null;
  let failure: string | undefined;
  try {
    membership = membershipOf(trial, sample);
  } catch (err) {
    if (!(err instanceof HtaError && err.code === 'analysis.failed')) throw err;
    failure = err.message;
  }
  const rows = transportedRows(trial, pairsAt, confLevel, {
    weighting: 'inverse-odds',
    weigh: (ids, usable, note) => {
      if (!membership) throw analysisFailed(`target sample: ${failure}`);
      const keep: number[] = [];
      ids.forEach((id, i) => {
        if (!usable(i)) return;
        if (membership?.weightOf.has(id)) keep.push(i);
        else note.excludedMissing++;
      });
      const raw = keep.map((i) => membership?.weightOf.get(ids[i] as string) as number);
      const mean = raw.reduce((a, b) => a + b, 0) / (raw.length || 1);
      const w = raw.map((x) => x / mean);
      note.weights = { effectiveSampleSize: effectiveSampleSize(w), min: Math.min(...w), max: Math.max(...w), sweeps: 0 };
      return { keep, weights: w, margins: [] };
    },
    ciMethod: { ancova: 'design-based t (inverse odds weights; svyglm)', riskDifference: 'design-based t (inverse odds weights; svyglm, weighted linear probability model)' },
  });
  return { summary: membership?.summary ?? sampleSummary(sample, trialModelRows(trial, sample).ids.length), rows, ...(failure ? { error: failure } : {}) };
}
