/**
 * The streaming uptake aggregator `hta uptake` used before the SQL engine (docs/uptake-aggregates.md):
 * one referral at a time, memory bounded by the cells. Production runs the SQL; this stays as
 * the reference the tests and `npm run bench` compare the engine with.
 *
 * Because the export date E is known only at the end, activations within 84 days of the running
 * maximum date are held per activation day (≤ ~85 days + a flush margin per cell) and settled
 * later.
 */
import {
  RETENTION_DAYS, metricRow, sortAggregate,
  type ActivationYearCount, type ClinicCount, type Dimension, type MetricRow, type Scope, type UptakeAggregate,
} from './aggregate.js';
import { REGIONS, ageBandOf, dayToIso, type Referral, type Region } from './referral.js';
import { bandLabel, bandOfAge, isBandCode } from './age-bands.js';
import { HtaError } from '../errors.js';

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
      // An age band's code (≥ 100000) is no age: ageBandOf would count it in 75+. The bands of
      // the whole file decide how they are counted (age-bands.ts `ageBandScheme`), which one
      // pass cannot know: the SQL engine (readRegistryFile) counts them.
      if (r.age !== null && isBandCode(r.age)) {
        throw new HtaError('usage.invalid', `the reference aggregator counts exact ages only, and a referral's age is the band ${bandLabel(bandOfAge(r.age))}: read an export with age bands with the SQL engine (readRegistryFile, as hta uptake does; docs/input-registry.md "Age bands")`);
      }
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
        let atRisk4w = c.settled[0], retained4w = c.settled[1], atRisk12w = c.settled[0], retained12w = c.settled[2];
        for (const [day, v] of c.pending) {
          if (day + RETENTION_DAYS.w4 <= exportDay) { atRisk4w += v[0]; retained4w += v[1]; }
          if (day + RETENTION_DAYS.w12 <= exportDay) { atRisk12w += v[0]; retained12w += v[2]; }
        }
        metrics.push(metricRow(region, period, dimension, level, {
          referrals: c.referrals, activations: c.activations, atRisk4w, retained4w, atRisk12w, retained12w, delays: toHistogram(c.delays),
        }));
      }
      const activationsByYear: ActivationYearCount[] = [...byActivationYear].map(([k, n]) => {
        const [region, year] = k.split('\u0000') as [Scope, string];
        return { region, year: Number(year), activations: n };
      });
      const clinicRows = [...clinics.values()].map((c) => ({ ...c }));
      return sortAggregate(
        { exportDate: dayToIso(exportDay), rows, ciMethod: 'wilson', confLevel: 0.95, metrics, clinics: clinicRows, activationsByYear },
        options.regions ?? REGIONS,
      );
    },
  };
}
