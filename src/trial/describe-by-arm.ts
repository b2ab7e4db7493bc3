/**
 * Per outcome × time × arm: n, mean, SD, median and quartiles of the observed scores (baseline
 * included). Each group's numbers come from `describe` (stats/describe.ts, checked against R: SD
 * with the n − 1 denominator, quartiles as R `quantile(type = 7)`), so there is one
 * implementation of each statistic.
 *
 * The groups are built with a Map, not with arquero (descriptives.ts's `tidyTable`): loading
 * arquero took ~0.17 CPU s of every `hta report` and `hta analyze`, more than the grouping
 * itself. The values are those arquero's `groupby(…).rollup({ values: op.array_agg('value') })`
 * gave: the patients' scores in observation order, without NaN (arquero's invalid values), and a
 * group exists as soon as one row has a score.
 */
import { describe, type Description } from '../stats/describe.js';
import { tQuantile } from '../stats/distributions.js';
import { ARMS, type Arm, type TrialData } from './trial-data.js';

/** One group's numbers as `describe` gives them (SD, median and quartiles as documented there), keyed. */
export interface DescriptiveRow extends Pick<Description, 'n' | 'mean' | 'sd' | 'median' | 'q1' | 'q3'> {
  outcome: string;
  time: string;
  arm: Arm;
  /** t-based CI of the mean at the plan's level (1 − alpha, 95% by default): mean ± t(1 − alpha/2, n − 1)·SD/√n; null for n < 2. */
  meanCiLower: number | null;
  meanCiUpper: number | null;
}

export function describeByArm(trial: TrialData): DescriptiveRow[] {
  const values = new Map<string, number[]>();
  for (const o of trial.observations) {
    for (const s of trial.sources) {
      const v = o.scores[s.key];
      if (v === null || v === undefined) continue;
      const key = `${s.key}|${o.time}|${o.arm}`;
      let list = values.get(key);
      if (!list) values.set(key, (list = []));
      if (v === v) list.push(v);
    }
  }
  const byKey = new Map<string, Description>([...values].map(([key, list]) => [key, describe(list)]));
  // Stable order: plan outcomes, visits, intervention before control; empty cells kept as n = 0.
  const out: DescriptiveRow[] = [];
  for (const s of trial.sources) {
    for (const time of trial.times) {
      for (const arm of ARMS) {
        const r = byKey.get(`${s.key}|${time}|${arm}`);
        const n = r?.n ?? 0;
        const sd = r?.sd ?? null;
        const half = sd !== null && r?.mean !== undefined && r.mean !== null ? tQuantile(1 - trial.plan.alpha / 2, n - 1) * (sd / Math.sqrt(n)) : null;
        out.push({
          outcome: s.key,
          time,
          arm,
          n,
          mean: r?.mean ?? null,
          sd,
          median: r?.median ?? null,
          q1: r?.q1 ?? null,
          q3: r?.q3 ?? null,
          meanCiLower: half === null ? null : (r?.mean as number) - half,
          meanCiUpper: half === null ? null : (r?.mean as number) + half,
        });
      }
    }
  }
  return out;
}
