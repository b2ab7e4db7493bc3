/**
 * ANCOVA and the risk difference on reweighted trial patients (raked to target margins, or
 * inverse odds of trial membership), with a design-based SE (design-based-wls.ts): the trial's
 * effect transported to a target population.
 *
 *   ANCOVA:           y ~ arm + baseline + covs, weighted; the arm coefficient
 *   risk difference:  event (0/1) ~ arm, weighted (a linear probability model): the arm
 *                     coefficient is Σw·y/Σw in the intervention arm minus that in the control arm
 *
 * = R `svyglm(y ~ arm + baseline + covs, design)` and `svyglm(event ~ arm, design)` (gaussian
 * family: the identity link gives the risk difference directly; test/reference/subgroups.R).
 * Reference: Cole SR, Stuart EA (2010), Am J Epidemiol 172:107–115, doi:10.1093/aje/kwq084
 * (generalising trial results to a target population).
 * Preconditions: two arms with ≥ 2 patients, full rank, weights > 0.
 */
import { type AncovaCovariate, covariateColumns } from './ancova.js';
import { analysisFailed } from './arm-size.js';
import { designBasedWls } from './design-based-wls.js';

export interface ReweightedInput {
  outcome: readonly number[];
  treated: readonly number[];
  weights: readonly number[];
  /** Level index of each unit per raking margin (the variance adjustment); empty for fixed weights. */
  margins: readonly (readonly number[])[];
}

export interface RakedAncovaInput extends ReweightedInput {
  baseline: readonly number[];
  covariates?: readonly AncovaCovariate[];
}

export interface RakedAncovaResult {
  difference: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
  n: { intervention: number; control: number };
}

function armSizes(treated: readonly number[]): { intervention: number; control: number } {
  const armN = { intervention: treated.filter((t) => t === 1).length, control: treated.filter((t) => t === 0).length };
  for (const a of ['intervention', 'control'] as const) if (armN[a] < 2) throw analysisFailed(`fewer than 2 patients in the ${a} arm (found ${armN[a]})`, armN);
  return armN;
}

function fitArm(input: ReweightedInput, cols: { name: string; values: readonly number[] }[], confLevel: number): RakedAncovaResult {
  const n = armSizes(input.treated);
  const X = input.outcome.map((_, i) => [1, ...cols.map((c) => c.values[i] as number)]);
  const names = ['(Intercept)', ...cols.map((c) => c.name)];
  const r = designBasedWls({ X, y: input.outcome, names, weights: input.weights, margins: input.margins, coefficient: 1 }, confLevel);
  return { difference: r.estimate, se: r.se, df: r.df, ciLower: r.ciLower, ciUpper: r.ciUpper, pValue: r.pValue, n };
}

export function rakedAncova(input: RakedAncovaInput, confLevel: number): RakedAncovaResult {
  const refs: Record<string, string> = {};
  const n = input.outcome.length;
  const cols = [{ name: 'arm', values: [...input.treated] }, { name: 'baseline', values: [...input.baseline] }, ...(input.covariates ?? []).flatMap((c) => covariateColumns(c, n, refs))];
  return fitArm(input, cols, confLevel);
}

/** `outcome`: 1 = event, 0 = none. */
export function reweightedRiskDifference(input: ReweightedInput, confLevel: number): RakedAncovaResult {
  // Every patient (or none) had the event: the weighted outcome √w·y then equals the √w-scaled
  // intercept, so the regression "fits exactly" — say what it is: no variation, no difference.
  const first = input.outcome[0];
  if (input.outcome.length && input.outcome.every((y) => y === first)) {
    const n = armSizes(input.treated);
    throw first === 1
      ? analysisFailed('every patient had the event, so the outcome does not vary and no difference between the arms can be estimated', n)
      : analysisFailed('no patient had the event, so the outcome does not vary and no difference between the arms can be estimated', n);
  }
  return fitArm(input, [{ name: 'arm', values: [...input.treated] }], confLevel);
}
