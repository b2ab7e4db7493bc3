/**
 * Every row a scope could have, when zeros are sensitive (docs/disclosure-control.md "Primary
 * rule", rows with no patients). The aggregate has a row only where a patient is: with
 * `zerosSensitive` a region's missing rows would say its zeros all the same (Nordjylland printed
 * only "45-59" and "female", both suppressed: all its patients women of 45–59; its months
 * present gave its months without referrals). So each scope — every region of the eligible file
 * and the whole country — gets each breakdown level and period any scope has, the months and
 * years running on to the export date's; the added rows are counts of 0, sensitive and hidden
 * like any other. The levels are also every level of a breakdown whose list is fixed, known to
 * a reader who reads the docs (sex, referrer, the standard age bands: `fixedLevels`, referral.ts): a level no
 * scope has, left out, said its 0 for everybody (no patient of unknown sex in the country). The
 * export's own age bands are not fixed: a band of the export no patient has is not known.
 */
import { compareMetricRows, metricRow, type MetricRow, type Scope, scopeOrderOf } from './aggregate.js';
import { fixedLevels, type Region } from './referral.js';

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
  // The fixed levels no scope has, printed by the same periods as the breakdown's other levels.
  const byDimension = new Map<MetricRow['dimension'], { seen: Set<string>; periodTypes: Set<MetricRow['periodType']> }>();
  for (const l of levels.values()) {
    if (l.dimension === 'all') continue;
    const d = byDimension.get(l.dimension) ?? { seen: new Set<string>(), periodTypes: new Set<MetricRow['periodType']>() };
    d.seen.add(l.level);
    for (const t of l.periodTypes) d.periodTypes.add(t);
    byDimension.set(l.dimension, d);
  }
  for (const [dimension, { seen, periodTypes }] of byDimension) {
    for (const level of fixedLevels(dimension, seen)) if (!seen.has(level)) levels.set(`${dimension}\u0000${level}`, { dimension, level, periodTypes });
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
