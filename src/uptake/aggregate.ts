/**
 * Incremental uptake aggregator (arquero-style `add` / `value`): memory is bounded by the number
 * of cells (region × period × breakdown level, and clinics), never by the number of rows.
 *
 * Cells. Every referral is counted in its cohort — the month and year of its REFERRAL date —
 * for its region and nationally, with breakdown `all`; and, for the equity tables, per age band,
 * sex and referrer type for its region and nationally, per year and over the whole export.
 *
 * Per cell:
 *  - referrals, activations, activation rate = activations / referrals with a Wilson 95% CI;
 *  - median days referral → activation, from a histogram of whole-day delays (exact median;
 *    for an even count the mean of the two middle values, as R `median`);
 *  - retention among the activated at 4 and 12 weeks: retained when last_active − activated ≥ 28
 *    (84) days. Censoring at the export date E: only patients activated on or before E − 28
 *    (E − 84) are in the denominator ("at risk"), since a later activation cannot yet show
 *    4 (12) weeks of use. E is the `exportDate` option, or else the latest date in the file.
 *    Because E is known only at the end, activations within 84 days of the running maximum date
 *    are held per activation day (≤ ~85 days + a flush margin per cell) and settled later.
 *
 * Budget and uptake-per-eligible count activations by the calendar year of the ACTIVATION date
 * (`activationsByYear`): that is when a patient is taken up and paid for.
 */
import { wilsonInterval } from '../stats/wilson-interval.js';
import {
  AGE_BANDS, REFERRERS, REGIONS, SEXES, ageBandOf, dayToIso,
  type Referral, type Region,
} from './referral.js';

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

export interface UptakeAggregator {
  add(r: Referral): void;
  value(): UptakeAggregate;
}

interface Cell {
  referrals: number;
  activations: number;
  /** delays[d] = number of activations d days after referral. */
  delays: number[];
  settled: [n: number, r28: number, r84: number];
  pending: Map<number, [number, number, number]>;
}

const PENDING_FLUSH = 128;

function newCell(): Cell {
  return { referrals: 0, activations: 0, delays: [], settled: [0, 0, 0], pending: new Map() };
}

function toHistogram(counts: readonly number[]): Map<number, number> {
  const m = new Map<number, number>();
  counts.forEach((c, d) => { if (c) m.set(d, c); });
  return m;
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

const monthCache = new Map<number, string>();
function monthOf(day: number): string {
  let m = monthCache.get(day);
  if (m === undefined) {
    m = dayToIso(day).slice(0, 7);
    if (monthCache.size < 100_000) monthCache.set(day, m);
  }
  return m;
}

/**
 * `regions`: the analysis's regions in table order (the eligible file's first-appearance
 * order; default the Danish five). Clinics are keyed by region and code: the same code under two
 * regions is two clinics (codes are only unique within a regional system).
 */
export function createUptakeAggregator(options: { exportDate?: number; regions?: readonly Region[] } = {}): UptakeAggregator {
  const scopeOrder = scopeOrderOf(options.regions ?? REGIONS);
  const cells = new Map<string, Cell>();
  const clinics = new Map<string, ClinicCount>();
  const byActivationYear = new Map<string, number>();
  let maxDay = -Infinity;
  let rows = 0;
  const cap = options.exportDate ?? Infinity;

  const cell = (key: string): Cell => {
    let c = cells.get(key);
    if (c === undefined) cells.set(key, (c = newCell()));
    return c;
  };

  const settleAt = () => Math.min(maxDay, cap);

  const flush = (c: Cell, m: number) => {
    for (const [day, v] of c.pending) {
      if (day + RETENTION_DAYS.w12 <= m) {
        c.settled[0] += v[0]; c.settled[1] += v[1]; c.settled[2] += v[2];
        c.pending.delete(day);
      }
    }
  };

  const addTo = (c: Cell, r: Referral, delay: number | null, r28: number, r84: number) => {
    c.referrals++;
    if (delay === null || r.activated === null) return;
    c.activations++;
    c.delays[delay] = (c.delays[delay] ?? 0) + 1;
    const m = settleAt();
    if (r.activated + RETENTION_DAYS.w12 <= m) {
      c.settled[0]++; c.settled[1] += r28; c.settled[2] += r84;
      return;
    }
    const p = c.pending.get(r.activated);
    if (p) { p[0]++; p[1] += r28; p[2] += r84; }
    else c.pending.set(r.activated, [1, r28, r84]);
    if (c.pending.size > PENDING_FLUSH) flush(c, m);
  };

  // Each distinct (region, month, age band, sex, referrer) maps once to the 18 cells it feeds,
  // so a row costs one key lookup rather than 18.
  const slots = new Map<string, Cell[]>();
  const slotCells = (r: Referral, month: string, band: string): Cell[] => {
    const sk = `${r.region}\u0000${month}\u0000${band}\u0000${r.sex}\u0000${r.referrer}`;
    let list = slots.get(sk);
    if (list === undefined) {
      const year = month.slice(0, 4);
      const levels: [Dimension, string][] = [['ageBand', band], ['sex', r.sex], ['referrer', r.referrer]];
      list = [];
      for (const scope of [r.region, 'national']) {
        for (const period of ['all', year, month]) list.push(cell(`${scope}\u0000${period}\u0000all\u0000all`));
        for (const [dim, level] of levels) for (const period of ['all', year]) list.push(cell(`${scope}\u0000${period}\u0000${dim}\u0000${level}`));
      }
      slots.set(sk, list);
    }
    return list;
  };

  return {
    add(r) {
      rows++;
      const last = Math.max(r.referred, r.activated ?? -Infinity, r.lastActive ?? -Infinity);
      if (last > maxDay) maxDay = last;
      const month = monthOf(r.referred);
      const delay = r.activated === null ? null : r.activated - r.referred;
      const kept = r.activated === null || r.lastActive === null ? 0 : r.lastActive - r.activated;
      const r28 = kept >= RETENTION_DAYS.w4 ? 1 : 0;
      const r84 = kept >= RETENTION_DAYS.w12 ? 1 : 0;
      for (const c of slotCells(r, month, ageBandOf(r.age))) addTo(c, r, delay, r28, r84);
      const ck = `${r.region}\u0000${r.clinic}`;
      let cl = clinics.get(ck);
      if (cl === undefined) clinics.set(ck, (cl = { clinic: r.clinic, region: r.region, referrals: 0, activations: 0 }));
      cl.referrals++;
      if (r.activated !== null) {
        cl.activations++;
        const ay = monthOf(r.activated).slice(0, 4);
        for (const k of [`${r.region}\u0000${ay}`, `national\u0000${ay}`]) byActivationYear.set(k, (byActivationYear.get(k) ?? 0) + 1);
      }
    },

    value() {
      const exportDay = Number.isFinite(cap) ? cap : Number.isFinite(maxDay) ? maxDay : 0;
      const metrics: MetricRow[] = [];
      for (const [key, c] of cells) {
        const [region, period, dimension, level] = key.split('\u0000') as [Scope, string, Dimension, string];
        metrics.push(metricRow(region, period, dimension, level, c, exportDay));
      }
      metrics.sort((a, b) => compareMetricRows(a, b, scopeOrder));
      const activationsByYear: ActivationYearCount[] = [...byActivationYear].map(([k, n]) => {
        const [region, year] = k.split('\u0000') as [Scope, string];
        return { region, year: Number(year), activations: n };
      });
      activationsByYear.sort((a, b) => scopeOrder(a.region) - scopeOrder(b.region) || a.year - b.year);
      const clinicRows = [...clinics.values()].map((c) => ({ ...c })).sort((a, b) => compareClinics(a, b, scopeOrder));
      return { exportDate: dayToIso(exportDay), rows, ciMethod: 'wilson', confLevel: 0.95, metrics, clinics: clinicRows, activationsByYear };
    },
  };
}

function rateWithCi(x: number, n: number): [number | null, number | null, number | null] {
  if (n === 0) return [null, null, null];
  const ci = wilsonInterval(x, n, 0.95);
  return [x / n, ci.lower, ci.upper];
}

function metricRow(region: Scope, period: string, dimension: Dimension, level: string, c: Cell, exportDay: number): MetricRow {
  let atRisk4w = c.settled[0], retained4w = c.settled[1], atRisk12w = c.settled[0], retained12w = c.settled[2];
  for (const [day, v] of c.pending) {
    if (day + RETENTION_DAYS.w4 <= exportDay) { atRisk4w += v[0]; retained4w += v[1]; }
    if (day + RETENTION_DAYS.w12 <= exportDay) { atRisk12w += v[0]; retained12w += v[2]; }
  }
  const [activationRate, activationCiLower, activationCiUpper] = rateWithCi(c.activations, c.referrals);
  const [retention4w, retention4wCiLower, retention4wCiUpper] = rateWithCi(retained4w, atRisk4w);
  const [retention12w, retention12wCiLower, retention12wCiUpper] = rateWithCi(retained12w, atRisk12w);
  return {
    region, period, periodType: period === 'all' ? 'all' : period.length === 4 ? 'year' : 'month', dimension, level,
    referrals: c.referrals, activations: c.activations, activationRate, activationCiLower, activationCiUpper,
    medianDaysToActivation: histogramMedian(toHistogram(c.delays)),
    atRisk4w, retained4w, retention4w, retention4wCiLower, retention4wCiUpper,
    atRisk12w, retained12w, retention12w, retention12wCiLower, retention12wCiUpper,
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
const LEVEL_ORDER = new Map<string, number>([...AGE_BANDS, ...SEXES, ...REFERRERS].map((l, i) => [l, i]));
const PERIOD_TYPE_ORDER = { all: 0, year: 1, month: 2 } as const;

function compareMetricRows(a: MetricRow, b: MetricRow, scopeOrder: (s: Scope) => number): number {
  return (
    (DIM_ORDER.get(a.dimension) ?? 0) - (DIM_ORDER.get(b.dimension) ?? 0) ||
    scopeOrder(a.region) - scopeOrder(b.region) ||
    PERIOD_TYPE_ORDER[a.periodType] - PERIOD_TYPE_ORDER[b.periodType] ||
    (a.period < b.period ? -1 : a.period > b.period ? 1 : 0) ||
    (LEVEL_ORDER.get(a.level) ?? 0) - (LEVEL_ORDER.get(b.level) ?? 0)
  );
}
