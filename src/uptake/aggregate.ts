/**
 * The uptake aggregate: the metric cells, clinic counts and activation-year counts every uptake
 * output is computed from, and how they are derived from additive counts.
 *
 * Cells. Every referral is counted in its cohort — the month and year of its REFERRAL date —
 * for its region and nationally, with breakdown `all`; and, for the equity tables, per age band,
 * sex and referrer type for its region and nationally, per year and over the whole export.
 * The counts come from SQL (sql/uptake-aggregates.sql, docs/uptake-aggregates.md); this module
 * turns them into rates, intervals and medians.
 *
 * Per cell:
 *  - referrals, activations, activation rate = activations / referrals with a Wilson 95% CI;
 *  - median days referral → activation, from a histogram of whole-day delays (exact median;
 *    for an even count the mean of the two middle values, as R `median`);
 *  - retention among the activated at 4 and 12 weeks: retained when last_active − activated ≥ 28
 *    (84) days. Censoring at the export date E: only patients activated on or before E − 28
 *    (E − 84) are in the denominator ("at risk"), since a later activation cannot yet show
 *    4 (12) weeks of use. E is the `exportDate` option, or else the latest date in the file.
 *
 * Budget and uptake-per-eligible count activations by the calendar year of the ACTIVATION date
 * (`activationsByYear`): that is when a patient is taken up and paid for.
 */
import { mergeClinicSpellings } from './clinic-names.js';
import { wilsonInterval } from '../stats/wilson-interval.js';
import { REFERRERS, SEXES, type Region } from './referral.js';
import { ageBandRank } from './age-bands.js';

export type Scope = Region | 'national';
export type PeriodType = 'all' | 'year' | 'month';
export type Dimension = 'all' | 'ageBand' | 'sex' | 'referrer';

export const RETENTION_DAYS = { w4: 28, w12: 84 } as const;

/** One metric cell. Rates/CIs/medians are null when their denominator is 0. */
export interface MetricRow {
  region: Scope;
  /** 'all', 'YYYY' or 'YYYY-MM' (of the referral date). */
  period: string;
  periodType: PeriodType;
  dimension: Dimension;
  /** 'all', or the age band / sex / referrer type. */
  level: string;
  referrals: number;
  activations: number;
  activationRate: number | null;
  activationCiLower: number | null;
  activationCiUpper: number | null;
  medianDaysToActivation: number | null;
  atRisk4w: number;
  retained4w: number;
  retention4w: number | null;
  retention4wCiLower: number | null;
  retention4wCiUpper: number | null;
  atRisk12w: number;
  retained12w: number;
  retention12w: number | null;
  retention12wCiLower: number | null;
  retention12wCiUpper: number | null;
}

export interface ClinicCount {
  clinic: string;
  region: Region;
  referrals: number;
  activations: number;
}

export interface ActivationYearCount {
  region: Scope;
  year: number;
  activations: number;
}

export interface UptakeAggregate {
  /** The export date E used for censoring (ISO). */
  exportDate: string;
  rows: number;
  ciMethod: 'wilson';
  confLevel: 0.95;
  metrics: MetricRow[];
  clinics: ClinicCount[];
  activationsByYear: ActivationYearCount[];
}

/** The additive counts of one cell; `delays` maps whole days to activation → activations. */
export interface CellCounts {
  referrals: number;
  activations: number;
  atRisk4w: number;
  retained4w: number;
  atRisk12w: number;
  retained12w: number;
  delays: ReadonlyMap<number, number>;
}

/** Median of integer values held as a histogram value → count (R `median`). */
export function histogramMedian(hist: ReadonlyMap<number, number>): number | null {
  let total = 0;
  for (const c of hist.values()) total += c;
  if (total === 0) return null;
  const keys = [...hist.keys()].sort((a, b) => a - b);
  const lowRank = Math.floor((total - 1) / 2); // 0-based ranks of the middle value(s)
  const highRank = Math.floor(total / 2);
  let seen = 0;
  let low: number | undefined;
  for (const k of keys) {
    const c = hist.get(k) ?? 0;
    if (low === undefined && seen + c > lowRank) low = k;
    if (seen + c > highRank) return ((low ?? k) + k) / 2;
    seen += c;
  }
  return low ?? null;
}

function rateWithCi(x: number, n: number): [number | null, number | null, number | null] {
  if (n === 0) return [null, null, null];
  const ci = wilsonInterval(x, n, 0.95);
  return [x / n, ci.lower, ci.upper];
}

/** The metric row of one cell from its counts: rates with Wilson intervals, the median delay. */
export function metricRow(region: Scope, period: string, dimension: Dimension, level: string, c: CellCounts): MetricRow {
  const [activationRate, activationCiLower, activationCiUpper] = rateWithCi(c.activations, c.referrals);
  const [retention4w, retention4wCiLower, retention4wCiUpper] = rateWithCi(c.retained4w, c.atRisk4w);
  const [retention12w, retention12wCiLower, retention12wCiUpper] = rateWithCi(c.retained12w, c.atRisk12w);
  return {
    region, period, periodType: period === 'all' ? 'all' : period.length === 4 ? 'year' : 'month', dimension, level,
    referrals: c.referrals, activations: c.activations, activationRate, activationCiLower, activationCiUpper,
    medianDaysToActivation: histogramMedian(c.delays),
    atRisk4w: c.atRisk4w, retained4w: c.retained4w, retention4w, retention4wCiLower, retention4wCiUpper,
    atRisk12w: c.atRisk12w, retained12w: c.retained12w, retention12w, retention12wCiLower, retention12wCiUpper,
  };
}

/** Position of a scope in table order: the regions as given, then 'national'. */
export function scopeOrderOf(regions: readonly Region[]): (s: Scope) => number {
  const order = new Map<string, number>([...regions, 'national'].map((r, i) => [r, i]));
  return (s) => order.get(s) ?? order.size;
}

/** Clinics by code, then (for a code used in two regions) by region order. */
export function compareClinics(a: { clinic: string; region: Region }, b: { clinic: string; region: Region }, scopeOrder: (s: Scope) => number): number {
  return (a.clinic < b.clinic ? -1 : a.clinic > b.clinic ? 1 : 0) || scopeOrder(a.region) - scopeOrder(b.region);
}
const DIM_ORDER = new Map<string, number>(['all', 'ageBand', 'sex', 'referrer'].map((d, i) => [d, i]));
// Age bands by their first year (an export's own bands too: age-bands.ts), the others as listed.
const LEVEL_ORDER = new Map<string, number>([...SEXES, ...REFERRERS].map((l, i) => [l, i]));
const PERIOD_TYPE_ORDER = { all: 0, year: 1, month: 2 } as const;

/** Table order of metric rows: breakdown, region, period type, period, level. */
export function compareMetricRows(a: MetricRow, b: MetricRow, scopeOrder: (s: Scope) => number): number {
  return (
    (DIM_ORDER.get(a.dimension) ?? 0) - (DIM_ORDER.get(b.dimension) ?? 0) ||
    scopeOrder(a.region) - scopeOrder(b.region) ||
    PERIOD_TYPE_ORDER[a.periodType] - PERIOD_TYPE_ORDER[b.periodType] ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    (a.dimension === 'ageBand' ? ageBandRank(a.level) - ageBandRank(b.level) : (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0))
  );
}

/**
 * Puts every table of an aggregate in its fixed order (same input, same bytes out), with the
 * clinics whose names differ only in case merged into one (clinic-names.ts).
 */
export function sortAggregate(agg: UptakeAggregate, regions: readonly Region[]): UptakeAggregate {
  const scopeOrder = scopeOrderOf(regions);
  agg.clinics = mergeClinicSpellings(agg.clinics).clinics;
  agg.metrics.sort((a, b) => compareMetricRows(a, b, scopeOrder));
  agg.clinics.sort((a, b) => compareClinics(a, b, scopeOrder));
  agg.activationsByYear.sort((a, b) => scopeOrder(a.region) - scopeOrder(b.region) || a.year - b.year);
  return agg;
}

// The streaming aggregator, kept as the tests' and the benchmark's reference (not used by `hta uptake`).
export { createUptakeAggregator, type UptakeAggregator } from './reference-aggregator.js';
