/**
 * Other cuts of the same extract: earlier publications (`--previous`) of this export's own date
 * that printed breakdowns this one leaves out (a monthly dashboard with clinics, then a yearly
 * equity page). Readers hold both, so the suppression models what the other cut printed too — its
 * rows as unpublished cells, its printed counts as known — and no count can be recovered by
 * reading the two together (docs/disclosure-control.md "Publishing again").
 */
import { HtaError } from '../errors.js';
import type { ActivationYearCount, MetricRow } from './aggregate.js';
import type { ClinicFunnelRow } from './clinic-funnel.js';
import type { PreviousPublication } from './disclosure/previous-publication.js';

export interface OtherCutShape {
  /** Period types ('all', 'year', 'month') and equity dimensions ('all', 'sex', …) the other cuts printed rows of. */
  periodTypes: Set<string>;
  dimensions: Set<string>;
  clinics: boolean;
}

/** What the earlier publications of `exportDate` printed, read from their counts; undefined when none has that date. */
export function otherCutShape(previous: PreviousPublication | undefined, exportDate: string): OtherCutShape | undefined {
  const same = previous?.counts.filter((c) => c.asOf === exportDate) ?? [];
  if (same.length === 0) return undefined;
  const shape: OtherCutShape = { periodTypes: new Set(), dimensions: new Set(), clinics: false };
  for (const c of same) {
    if (c.kind === 'clinic') shape.clinics = true;
    if (c.kind !== 'metric') continue;
    shape.periodTypes.add(c.period === 'all' ? 'all' : c.period.length === 4 ? 'year' : 'month');
    shape.dimensions.add(c.dimension);
  }
  return shape;
}

/**
 * Where an earlier publication of this export's own date printed a count that this export does not
 * have: it is not another cut of this extract but another extract under the same date, and the
 * two read together would give away the rows that differ (a reviewer: 3 rows taken out, both
 * printed 400 and 397 referrals, and 207 and 205 at risk: 2 of the 3 patients at risk). Said
 * without the counts (stderr may be logged); undefined when every count agrees.
 */
export function sameExtractDifference(previous: PreviousPublication | undefined, exportDate: string, agg: { metrics: readonly MetricRow[]; activationsByYear: readonly ActivationYearCount[] }): string | undefined {
  const same = previous?.counts.filter((c) => c.asOf === exportDate) ?? [];
  if (same.length === 0) return undefined;
  const rows = new Map(agg.metrics.map((r) => [`${r.region}|${r.period}|${r.dimension}|${r.level}`, r]));
  const years = new Map(agg.activationsByYear.map((y) => [`${y.region}|${y.year}`, y.activations]));
  for (const c of same) {
    if (c.kind === 'metric') {
      const r = rows.get(`${c.region}|${c.period}|${c.dimension}|${c.level}`) as Record<string, unknown> | undefined;
      const mine = r?.[c.measure] ?? 0;
      if (mine !== c.value) return `${c.region}, ${c.period}${c.dimension === 'all' ? '' : `, ${c.dimension} ${c.level}`}: ${c.measure}`;
    } else if (c.kind === 'year' && (years.get(`${c.region}|${c.year}`) ?? 0) !== c.value) {
      return `${c.region}, activations in ${c.year}`;
    }
  }
  return undefined;
}

/** The rows and clinics of the aggregate the other cuts printed and this publication does not. */
export function otherCutRows(
  shape: OtherCutShape,
  all: { metrics: readonly MetricRow[]; clinics: readonly ClinicFunnelRow[] },
  own: { metrics: readonly MetricRow[]; clinics: readonly ClinicFunnelRow[] },
): { metrics: MetricRow[]; clinics: ClinicFunnelRow[] } {
  const mine = new Set(own.metrics);
  // A cut prints every row of its period types × its dimensions (uptake-plan.ts publicationOf).
  const metrics = all.metrics.filter((r) => !mine.has(r) && shape.periodTypes.has(r.periodType) && (r.dimension === 'all' || shape.dimensions.has(r.dimension)));
  const clinics = shape.clinics && own.clinics.length === 0 ? [...all.clinics] : [];
  return { metrics, clinics };
}

type Value = number | string | null | undefined;
/** A row's key in its table: the metric rows, the activation years, the clinics. */
const metricKey = (r: Row) => `${String(r.region)}|${String(r.period)}|${String(r.dimension)}|${String(r.level)}`;
const yearKey = (r: Row) => `${String(r.region)}|${String(r.year)}`;
const clinicKey = (r: Row) => `${String(r.region)}|${String(r.clinic)}`;
/** The count fields of the tables (rates and limits are derived; the rows count is "rows"). */
const COUNT_FIELDS = new Set(['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w', 'eligible']);
type Row = Record<string, Value>;
/** The tables an audit reads (attacker-audit.ts PublishedUptake), loosely typed. */
export interface CutTables {
  exportDate: string;
  rows: Value;
  metrics: readonly Row[];
  uptake: readonly Row[];
  funnel?: { rows: readonly Row[] };
  budget: { observed: readonly Row[] };
}

/**
 * One publication read together with other cuts of the same extract (their results.json, same
 * export date), as a reader holding both has it: every row either printed, and a count hidden in
 * one but printed in another taken as printed. The audit of the union is the audit of the two
 * (docs/disclosure-control.md "Publishing again").
 */
export function mergeCuts<T extends CutTables>(pub: T, others: readonly CutTables[]): T {
  const merge = (mine: readonly Row[], theirs: readonly Row[], key: (r: Row) => string): Row[] => {
    const out = mine.map((r) => ({ ...r }));
    const at = new Map(out.map((r) => [key(r), r]));
    for (const r of theirs) {
      const m = at.get(key(r));
      if (!m) {
        const copy = { ...r };
        out.push(copy);
        at.set(key(r), copy);
        continue;
      }
      for (const [k, v] of Object.entries(r)) {
        if (m[k] === 'suppressed' && v !== 'suppressed' && v !== undefined) m[k] = v;
        // Two cuts of one extract print the same count the same: a difference means two extracts
        // under one date, and reading them together gives the difference away.
        else if (typeof m[k] === 'number' && typeof v === 'number' && COUNT_FIELDS.has(k) && m[k] !== v) {
          throw new HtaError('usage.invalid', `two publications with the export date ${pub.exportDate} print different counts for ${key(r).replace(/\|/g, ', ')} (${k}): they are not cuts of one extract, and read together they give away what changed; give a changed extract its own, later export date`);
        }
      }
    }
    return out;
  };
  let out: T = { ...pub };
  for (const o of others) {
    const funnel = out.funnel || o.funnel ? { ...(out.funnel ?? o.funnel), rows: merge(out.funnel?.rows ?? [], o.funnel?.rows ?? [], clinicKey) } : undefined;
    out = {
      ...out,
      rows: out.rows === 'suppressed' && typeof o.rows === 'number' ? o.rows : out.rows,
      metrics: merge(out.metrics, o.metrics, metricKey),
      uptake: merge(out.uptake, o.uptake, yearKey),
      budget: { ...out.budget, observed: merge(out.budget.observed, o.budget.observed, yearKey) },
      ...(funnel ? { funnel } : {}),
    };
  }
  return out;
}

/**
 * The counts an earlier publication of the same export date printed (carried in a results.json
 * chain, or read from a file), written into the cells `pub` hides: a reader holding both has
 * them, and the audit must not take them for hidden.
 */
export function fillFromSameDate<T extends CutTables>(pub: T, previous: PreviousPublication | undefined): T {
  const same = previous?.counts.filter((c) => c.asOf === pub.exportDate) ?? [];
  if (same.length === 0) return pub;
  const metrics: Row[] = [], years: Row[] = [], clinics = new Map<string, Row>();
  for (const c of same) {
    if (c.kind === 'metric') metrics.push({ region: c.region, period: c.period, dimension: c.dimension, level: c.level, [c.measure]: c.value });
    else if (c.kind === 'year') years.push({ region: c.region, year: c.year, activations: c.value });
    else clinics.set(`${c.region}|${c.clinic}`, { ...(clinics.get(`${c.region}|${c.clinic}`) ?? { region: c.region, clinic: c.clinic }), [c.measure]: c.value });
  }
  // Only into rows `pub` prints: a partial row (its other cells unknown) would break its table's sums.
  const known = (mine: readonly Row[], key: (r: Row) => string) => (theirs: Row[]) => theirs.filter((r) => mine.some((m) => key(m) === key(r)));
  const filled = mergeCuts(pub, [{
    exportDate: pub.exportDate, rows: undefined,
    metrics: known(pub.metrics, metricKey)(metrics),
    uptake: known(pub.uptake, yearKey)(years),
    budget: { observed: known(pub.budget.observed, yearKey)(years) },
    ...(pub.funnel ? { funnel: { rows: known(pub.funnel.rows, clinicKey)([...clinics.values()]) } } : {}),
  }]);
  return filled;
}
