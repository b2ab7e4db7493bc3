/**
 * Per outcome × time × arm: n, mean, SD, median and quartiles of the observed scores (baseline
 * included). arquero groups the tidy long table; each group's numbers come from `describe`
 * (stats/describe.ts, checked against R: SD with the n − 1 denominator, quartiles as R
 * `quantile(type = 7)`), so there is one implementation of each statistic.
 */
import * as aq from 'arquero';
import { describe } from '../stats/describe.js';
import { tQuantile } from '../stats/distributions.js';
import type { Arm, TrialData } from './trial-data.js';

export interface DescriptiveRow {
  outcome: string;
  time: string;
  arm: Arm;
  n: number;
  mean: number | null;
  sd: number | null;
  median: number | null;
  q1: number | null;
  q3: number | null;
  /** t-based 95% CI of the mean: mean ± t(0.975, n − 1)·SD/√n; null for n < 2. */
  meanCiLower: number | null;
  meanCiUpper: number | null;
}

/** The tidy long table: one row per patient × time × outcome with an observed value. */
export function tidyTable(trial: TrialData): aq.ColumnTable {
  const rows: { id: string; arm: Arm; time: string; outcome: string; value: number }[] = [];
  for (const o of trial.observations) {
    for (const s of trial.sources) {
      const v = o.scores[s.key];
      if (v !== null && v !== undefined) rows.push({ id: o.id, arm: o.arm, time: o.time, outcome: s.key, value: v });
    }
  }
  return aq.from(rows);
}

export function describeByArm(trial: TrialData): DescriptiveRow[] {
  const { op } = aq;
  const t = tidyTable(trial);
  const groups = t.numRows() === 0 ? [] : (t
    .groupby('outcome', 'time', 'arm')
    .rollup({ values: op.array_agg('value') })
    .objects() as unknown as { outcome: string; time: string; arm: Arm; values: number[] }[]);
  const byKey = new Map(groups.map((g) => [`${g.outcome}|${g.time}|${g.arm}`, describe(g.values)]));
  // Stable order: plan outcomes, visits, intervention before control; empty cells kept as n = 0.
  const out: DescriptiveRow[] = [];
  for (const s of trial.sources) {
    for (const time of trial.times) {
      for (const arm of ['intervention', 'control'] as const) {
        const r = byKey.get(`${s.key}|${time}|${arm}`);
        const n = r?.n ?? 0;
        const sd = r?.sd ?? null;
        const half = sd !== null && r?.mean !== undefined && r.mean !== null ? tQuantile(0.975, n - 1) * (sd / Math.sqrt(n)) : null;
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
