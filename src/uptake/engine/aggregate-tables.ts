/**
 * The aggregate tables of sql/uptake-aggregates.sql (schema: docs/uptake-aggregates.md) and the
 * uptake aggregate built from them. Every count in the tables is additive, so the tables of
 * several regions, summed over their keys (`combineAggregateTables`), are the tables of the
 * whole country; medians are taken only here, from the summed days-to-activation histograms.
 */
import { HtaError } from '../../errors.js';
import {
  metricRow, sortAggregate,
  type ActivationYearCount, type CellCounts, type ClinicCount, type Dimension, type MetricRow, type Scope, type UptakeAggregate,
} from '../aggregate.js';
import type { Region } from '../referral.js';

/** One row of `uptake_cells`: a key column null means "all of them" (region null: national). */
export interface CellRow extends Omit<CellCounts, 'delays'> {
  region: string | null;
  refYear: number | null;
  refMonth: number | null;
  ageBand: string | null;
  sex: string | null;
  referrer: string | null;
  /** Whole days referral → activation; null: the referrals not activated. */
  delayDays: number | null;
}

export interface ClinicRow { region: string; clinic: string; referrals: number; activations: number }
export interface ActivationYearRow { region: string | null; actYear: number; activations: number }
export interface TotalsRow { exportDate: string; referrals: number }

export interface AggregateTables {
  cells: CellRow[];
  clinics: ClinicRow[];
  activationYears: ActivationYearRow[];
  totals: TotalsRow[];
  /** Present when `age_band` holds bands other than the standard labels: how they are counted (read-aggregate-tables.ts). */
  ageBands?: import('../age-bands.js').AgeBandsRead;
}

/** Column names of each table, as the SQL writes them (and the CSV files carry them). */
export const TABLE_COLUMNS = {
  uptake_cells: ['region', 'ref_year', 'ref_month', 'age_band', 'sex', 'referrer', 'delay_days', 'referrals', 'activations', 'at_risk_4w', 'retained_4w', 'at_risk_12w', 'retained_12w'],
  uptake_clinics: ['region', 'clinic', 'referrals', 'activations'],
  uptake_activation_years: ['region', 'act_year', 'activations'],
  uptake_totals: ['export_date', 'referrals'],
} as const;
export type TableName = keyof typeof TABLE_COLUMNS;

const NUL = '\u0000';
const keyOf = (parts: readonly (string | number | null)[]) => parts.map((p) => (p === null ? '' : String(p))).join(NUL);

/**
 * Several parts (one per region, or one per batch of months) summed into one set of tables.
 * The parts must share the export date: retention is censored at it.
 */
export function combineAggregateTables(parts: readonly { source: string; tables: AggregateTables }[]): AggregateTables {
  const first = parts.find((p) => p.tables.totals.length > 0);
  const date = first?.tables.totals[0]?.exportDate;
  const problems = parts.flatMap((p) => p.tables.totals.filter((t) => t.exportDate !== date).map((t) => ({
    file: p.source, field: 'export_date', value: t.exportDate,
    expected: `the export date of the other parts, ${date} (${first?.source}): run the SQL with one uptake_export.export_date everywhere`,
  })));
  if (problems.length > 0) throw new HtaError('input.invalid', 'the aggregate tables were cut at different export dates', problems);
  const sum = <T extends object>(rows: Iterable<T>, key: (r: T) => string, counts: readonly (keyof T)[]): T[] => {
    const out = new Map<string, T>();
    for (const r of rows) {
      const k = key(r);
      const have = out.get(k);
      if (have === undefined) out.set(k, { ...r });
      else for (const c of counts) (have[c] as number) += r[c] as number;
    }
    return [...out.values()];
  };
  return {
    cells: sum(parts.flatMap((p) => p.tables.cells), (r) => keyOf([r.region, r.refYear, r.refMonth, r.ageBand, r.sex, r.referrer, r.delayDays]),
      ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w']),
    clinics: sum(parts.flatMap((p) => p.tables.clinics), (r) => keyOf([r.region, r.clinic]), ['referrals', 'activations']),
    activationYears: sum(parts.flatMap((p) => p.tables.activationYears), (r) => keyOf([r.region, r.actYear]), ['activations']),
    totals: sum(parts.flatMap((p) => p.tables.totals), (r) => r.exportDate, ['referrals']),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The cell a `uptake_cells` row belongs to: scope, period, breakdown and level. */
function cellKey(r: CellRow): [Scope, string, Dimension, string] {
  const scope = r.region ?? 'national';
  const period = r.refYear === null ? 'all' : r.refMonth === null ? String(r.refYear) : `${r.refYear}-${pad2(r.refMonth)}`;
  if (r.ageBand !== null) return [scope, period, 'ageBand', r.ageBand];
  if (r.sex !== null) return [scope, period, 'sex', r.sex];
  if (r.referrer !== null) return [scope, period, 'referrer', r.referrer];
  return [scope, period, 'all', 'all'];
}

interface Summed {
  key: [Scope, string, Dimension, string];
  referrals: number; activations: number; atRisk4w: number; retained4w: number; atRisk12w: number; retained12w: number;
  delays: Map<number, number>;
}

/**
 * The uptake aggregate from (combined) tables: per cell, the counts summed over delays, the
 * delay histogram, rates with Wilson intervals; every table in its fixed order.
 * `regions`: the analysis's regions in table order.
 */
export function aggregateFromTables(t: AggregateTables, regions: readonly Region[]): UptakeAggregate {
  const cells = new Map<string, Summed>();
  for (const r of t.cells) {
    const key = cellKey(r);
    const k = key.join(NUL);
    let c = cells.get(k);
    if (c === undefined) cells.set(k, (c = { key, referrals: 0, activations: 0, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0, delays: new Map() }));
    c.referrals += r.referrals;
    c.activations += r.activations;
    c.atRisk4w += r.atRisk4w;
    c.retained4w += r.retained4w;
    c.atRisk12w += r.atRisk12w;
    c.retained12w += r.retained12w;
    if (r.delayDays !== null && r.activations > 0) c.delays.set(r.delayDays, (c.delays.get(r.delayDays) ?? 0) + r.activations);
  }
  const metrics: MetricRow[] = [...cells.values()].map((c) => metricRow(...c.key, c));
  const clinics: ClinicCount[] = t.clinics.map((c) => ({ clinic: c.clinic, region: c.region, referrals: c.referrals, activations: c.activations }));
  const activationsByYear: ActivationYearCount[] = t.activationYears.map((a) => ({ region: a.region ?? 'national', year: a.actYear, activations: a.activations }));
  const total = t.totals[0];
  return sortAggregate({
    exportDate: total?.exportDate ?? '1970-01-01',
    rows: t.totals.reduce((s, r) => s + r.referrals, 0),
    ciMethod: 'wilson', confLevel: 0.95, metrics, clinics, activationsByYear,
  }, regions);
}
