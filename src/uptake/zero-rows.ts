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
import { SUPPRESSED } from '../suppressed-marker.js';
import type { SuppressedMetricRow } from './suppression.js';
import { METRIC_COUNTS, type MetricCount } from './disclosure/cell-model.js';

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

/** A row's identity: its scope, period and breakdown level, as an earlier publication printed it. */
export interface RowId { region: string; period: string; dimension: string; level: string }

/**
 * The rows an earlier publication printed (`earlier`: its counts, printed or hidden) that `now`
 * lacks, of a breakdown and period kind `now` prints. With zeros shown a row is absent for want of
 * patients, so such a row says that every patient it held was removed or corrected: Nordjylland's
 * "2025-07", "45-59" and "other" rows, gone after two July referrals were withdrawn, gave the
 * removed patients' month, age band and referrer (docs/disclosure-control.md "Changed since an
 * earlier publication"). A level is kept where `now` prints that level somewhere, or the
 * breakdown's list is fixed (`fixedLevels`): an age band of another scheme is not this table's.
 */
export function vanishedRows(earlier: readonly RowId[], now: readonly RowId[]): RowId[] {
  const key = (r: RowId) => `${r.region}\u0000${r.period}\u0000${r.dimension}\u0000${r.level}`;
  const kind = (p: string) => (p === 'all' ? 'all' : p.length === 4 ? 'year' : 'month');
  const have = new Set(now.map(key));
  const kinds = new Set(now.map((r) => kind(r.period)));
  const levelsNow = new Map<string, Set<string>>();
  for (const r of now) levelsNow.set(r.dimension, (levelsNow.get(r.dimension) ?? new Set()).add(r.level));
  const out = new Map<string, RowId>();
  for (const r of earlier) {
    const levels = levelsNow.get(r.dimension);
    if (!levels || !kinds.has(kind(r.period)) || have.has(key(r))) continue;
    if (!levels.has(r.level) && !fixedLevels(r.dimension, levels).includes(r.level)) continue;
    out.set(key(r), { region: r.region, period: r.period, dimension: r.dimension, level: r.level });
  }
  return [...out.values()];
}

/**
 * `metrics` (as published) with each of `vanished` printed again, its numbers hidden: so a row
 * printed before is not left out now, and the next publication says no count of it (such a row
 * may hold no patient now: a reader learns nothing from a hidden row, as from any hidden count).
 * Outside the cell model: a row the model took as absent (a known 0) is only hidden more. A count
 * a printed 0 contains (the region's row of the period, the whole country's, the row's year or
 * whole export) is 0 to every reader already: printed 0, as the rows beside it print it, with the
 * rates on it "no rate" (null), so that no hidden cell is pinned at 0.
 */
export function withVanishedRows(metrics: readonly SuppressedMetricRow[], vanished: readonly RowId[], regions: readonly Region[]): SuppressedMetricRow[] {
  if (vanished.length === 0) return [...metrics];
  const byId = new Map(metrics.map((m) => [`${m.region}\u0000${m.period}\u0000${m.dimension}\u0000${m.level}`, m]));
  const printedZero = (r: RowId, count: MetricCount) => {
    const periods = r.period === 'all' ? ['all'] : r.period.length === 4 ? [r.period, 'all'] : [r.period, r.period.slice(0, 4), 'all'];
    for (const region of [r.region, 'national']) {
      for (const period of periods) {
        for (const [dimension, level] of [[r.dimension, r.level], ['all', 'all']]) {
          if (byId.get(`${region}\u0000${period}\u0000${dimension}\u0000${level}`)?.[count] === 0) return true;
        }
      }
    }
    return false;
  };
  const added = vanished.map((r): SuppressedMetricRow => {
    const c = (count: MetricCount) => (printedZero(r, count) ? 0 : SUPPRESSED);
    // A rate of a count printed 0 is no rate (null); of a hidden count it is hidden.
    const rate = (of: MetricCount) => (c(of) === 0 ? null : SUPPRESSED);
    return {
      region: r.region as Scope, period: r.period, periodType: r.period === 'all' ? 'all' : r.period.length === 4 ? 'year' : 'month',
      dimension: r.dimension as MetricRow['dimension'], level: r.level,
      referrals: c('referrals'), activations: c('activations'),
      activationRate: rate('referrals'), activationCiLower: rate('referrals'), activationCiUpper: rate('referrals'),
      medianDaysToActivation: c('activations') === 0 ? null : SUPPRESSED,
      atRisk4w: c('atRisk4w'), retained4w: c('retained4w'),
      retention4w: rate('atRisk4w'), retention4wCiLower: rate('atRisk4w'), retention4wCiUpper: rate('atRisk4w'),
      atRisk12w: c('atRisk12w'), retained12w: c('retained12w'),
      retention12w: rate('atRisk12w'), retention12wCiLower: rate('atRisk12w'), retention12wCiUpper: rate('atRisk12w'),
    };
  });
  const scopes = [...regions, ...[...metrics, ...added].map((m) => m.region).filter((s): s is Region => s !== 'national' && !regions.includes(s as Region))];
  const order = scopeOrderOf([...new Set(scopes)]);
  return [...metrics, ...added].sort((a, b) => compareMetricRows(a as unknown as MetricRow, b as unknown as MetricRow, order));
}

/** The hidden count cells `withVanishedRows` adds (for the rule's summary). */
export function hiddenCellsOf(rows: readonly SuppressedMetricRow[]): number {
  return rows.reduce((n, r) => n + METRIC_COUNTS.filter((c) => r[c] === SUPPRESSED).length, 0);
}

