/**
 * Every row a scope could have, when zeros are sensitive (docs/disclosure-control.md "Primary
 * rule", rows with no patients). The aggregate has a row only where a patient is: with
 * `zerosSensitive` a region's missing rows would say its zeros all the same (Nordjylland printed
 * only "45-59" and "female", both suppressed: all its patients women of 45–59; its months
 * present gave its months without referrals). So each scope — every region of the eligible file
 * and the whole country — gets each breakdown level and period any scope has, the months and
 * years running on to the export date's; the added rows are counts of 0, sensitive and hidden
 * like any other.
 */
import { compareMetricRows, metricRow, type MetricRow, type Scope, scopeOrderOf } from './aggregate.js';
import type { Region } from './referral.js';

const NO_PATIENTS = { referrals: 0, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0, delays: new Map<number, number>() };

/** The months from `from` to `to` (YYYY-MM), both included. */
function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number) as [number, number];
  for (let p = from; p <= to; p = `${y}-${String(m).padStart(2, '0')}`) {
    out.push(p);
    if (++m > 12) { m = 1; y++; }
  }
  return out;
}

/**
 * `metrics` with the rows of no patients added for every scope: `regions` (in table order; those
 * of the rows are kept too) and 'national'. Periods: every month (year) from the first printed to
 * the export date's, for each breakdown level printed by month (year).
 */
export function completeZeroRows(metrics: readonly MetricRow[], regions: readonly Region[], exportDate: string): MetricRow[] {
  const scopes: Scope[] = [...new Set<Scope>([...regions, ...metrics.map((m) => m.region).filter((r) => r !== 'national')])];
  scopes.push('national');
  const levels = new Map<string, { dimension: MetricRow['dimension']; level: string; periodTypes: Set<MetricRow['periodType']> }>();
  const periods = { month: new Set<string>(), year: new Set<string>() };
  for (const m of metrics) {
    const k = `${m.dimension}\u0000${m.level}`;
    if (!levels.has(k)) levels.set(k, { dimension: m.dimension, level: m.level, periodTypes: new Set() });
    levels.get(k)!.periodTypes.add(m.periodType);
    if (m.periodType !== 'all') periods[m.periodType].add(m.period);
  }
  const months = periods.month.size === 0 ? [] : monthsBetween([...periods.month].sort()[0]!, exportDate.slice(0, 7));
  const firstYear = Math.min(...[...periods.year].map(Number));
  const years = periods.year.size === 0 ? [] : Array.from({ length: Number(exportDate.slice(0, 4)) - firstYear + 1 }, (_, i) => String(firstYear + i));
  const have = new Set(metrics.map((m) => `${m.region}\u0000${m.period}\u0000${m.dimension}\u0000${m.level}`));
  const out = [...metrics];
  for (const { dimension, level, periodTypes } of levels.values()) {
    const ps = [...(periodTypes.has('all') ? ['all'] : []), ...(periodTypes.has('year') ? years : []), ...(periodTypes.has('month') ? months : [])];
    for (const region of scopes) {
      for (const period of ps) {
        if (!have.has(`${region}\u0000${period}\u0000${dimension}\u0000${level}`)) out.push(metricRow(region, period, dimension, level, NO_PATIENTS));
      }
    }
  }
  const order = scopeOrderOf(scopes.filter((s): s is Region => s !== 'national'));
  return out.sort((a, b) => compareMetricRows(a, b, order));
}
