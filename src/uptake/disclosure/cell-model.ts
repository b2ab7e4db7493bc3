/**
 * One model of what the uptake outputs publish (docs/disclosure-control.md, "The cell model").
 *
 * Every count that any output shows — the metric tables (region × period × equity level), the
 * clinic funnel, activations per activation year (uptake per 1,000 and the observed budget) — is
 * a CELL, and the cells are tied by additive RELATIONS (total = Σ parts):
 *   regions → country; months → year → all; each equity dimension's levels → all;
 *   clinics → region; activation years → all activations of the scope;
 *   referred = activated + not activated; activated = at risk at 4 (12) weeks + not yet;
 *   at risk = retained + not retained; at risk 4w = at risk 12w + …; retained 4w = retained 12w + ….
 * Counts that no output prints but that follow by subtraction (not activated, not yet at risk, …)
 * are cells too, marked `published: false`: they are sensitive when small, like printed ones.
 *
 * A STRUCTURAL zero is zero by definition, not by chance: a cohort that starts less than 4
 * (12) weeks before the export date has nobody at risk at 4 (12) weeks. Such cells are known to
 * everyone, never sensitive and never suppressed.
 *
 * Scopes (regions) and clinics are opaque strings; the one scope with a meaning is 'national'.
 */
import type { MetricRow, Scope } from '../aggregate.js';
import type { ClinicFunnelRow } from '../clinic-funnel.js';
import type { ObservedCostRow } from '../budget-impact.js';
import type { UptakeRateRow } from '../uptake-per-eligible.js';
import { fallenUnits, hiddenPartsFell, hiddenPartsRelations, type HiddenPartsRelation } from './hidden-parts.js';
import { absentCategories, addedRegionsSince, breaksEarlier, changedUnit, closeChangedUnits, changedUnitsOf, closedPeriodsOf, isClosed, isFinal, movableCounts, nationalChangesUnexplained, referralsAsOf, unprintedPeriodsChanged, type AbsentCategory, type PreviousCount, type PreviousPublication } from './previous-publication.js';

export interface ModelCell {
  key: string;
  value: number;
  /** Printed by some output (else only derivable by subtraction). */
  published: boolean;
  /** Zero by definition (see file comment). */
  structural: boolean;
  /**
   * Known to every reader from an earlier publication (`previous`): never moved, never
   * sensitive, not printed here (docs/disclosure-control.md, "Publishing again").
   */
  known?: boolean;
  /**
   * Hidden by another cut of the same extract (`UptakeOutputs.otherCuts`, no known count): a
   * reader sees its marker there, so it gets the same guarantee as a cell hidden here.
   */
  hiddenElsewhere?: boolean;
  /**
   * Of a period (or activation year, or a region's clinics) whose counts changed since an earlier
   * publication where they cannot grow, or fell (previous-publication.ts `ChangedSince`): the
   * change is a count of patients a reader gets by subtraction, so the cell is protected whatever
   * its value and tied to no earlier print (docs/disclosure-control.md "Publishing again").
   */
  changed?: boolean;
  /**
   * Hidden by an earlier publication (its own "suppressed", `PreviousPublication.hidden`), of a
   * period that had closed by then and has not changed since: a reader takes it to be the same
   * count, so printing it now would print what that publication hid (and, by its relations, what
   * it protected with it). Hidden again, with the usual guarantee (docs/disclosure-control.md
   * "Hidden before, hidden again").
   */
  hiddenBefore?: boolean;
}

/** value(total) = Σ value(parts), as cell indices. */
export interface Relation {
  total: number;
  parts: readonly number[];
}

export interface CellModel {
  cells: ModelCell[];
  index: ReadonlyMap<string, number>;
  relations: Relation[];
  /** The units (previous-publication.ts `changedUnit`) whose counts changed since an earlier publication. */
  changed: ReadonlySet<string>;
  /** Categories of earlier publications this one no longer has (previous-publication.ts `absentCategories`): their units are in `changed`. */
  absent: readonly AbsentCategory[];
}

export interface UptakeOutputs {
  metrics: readonly MetricRow[];
  uptake?: readonly UptakeRateRow[];
  clinics?: readonly ClinicFunnelRow[];
  observed?: readonly ObservedCostRow[];
  /** Export date (ISO) — decides the structural zeros of recent cohorts. */
  exportDate?: string;
  /**
   * The price model's volume scope: 'national' makes every region's observed cost and average
   * price a function of the national activations of the year (suppression.ts hides them with it).
   */
  priceVolumeScope?: 'national' | 'region';
  /** Earlier publications of the same registry (each count as of its export date), whose printed counts every reader knows. */
  previous?: PreviousPublication;
  /**
   * Rows and clinics this publication does not print but another cut of the same extract (an
   * earlier publication of the same export date) did: in the model as unpublished cells, so that
   * the two cuts read together pin nothing (docs/disclosure-control.md "Publishing again").
   */
  otherCuts?: { metrics: readonly MetricRow[]; clinics: readonly ClinicFunnelRow[] };
}

export const METRIC_COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
export type MetricCount = (typeof METRIC_COUNTS)[number];
/** Counts derived inside a metric row: [name, total, part] with name = total − part. */
const ROW_COMPLEMENTS = [
  ['notActivated', 'referrals', 'activations'],
  ['notYetAtRisk4w', 'activations', 'atRisk4w'],
  ['notYetAtRisk12w', 'activations', 'atRisk12w'],
  ['atRisk4wNot12w', 'atRisk4w', 'atRisk12w'],
  ['notRetained4w', 'atRisk4w', 'retained4w'],
  ['notRetained12w', 'atRisk12w', 'retained12w'],
  ['retained4wNot12w', 'retained4w', 'retained12w'],
] as const;

type RowId = Pick<MetricRow, 'region' | 'period' | 'dimension' | 'level'>;
export const metricCellKey = (measure: string, r: RowId): string => `m|${measure}|${r.region}|${r.period}|${r.dimension}|${r.level}`;
export const yearCellKey = (scope: string, year: number): string => `y|activations|${scope}|${year}`;
export const clinicCellKey = (measure: string, region: string, clinic: string): string => `c|${measure}|${region}|${clinic}`;

const DAY = 86_400_000;
const dayOf = (iso: string): number => Date.parse(`${iso}T00:00:00Z`) / DAY;

/** Which retention counts of a cohort are zero by definition (its first day is too recent). */
/** The first day of a period row ("2025" or "2025-03"). */
const periodStart = (period: string): number => dayOf(period.length === 4 ? `${period}-01-01` : `${period}-01`);

function structuralRetention(period: string, exportDate: string | undefined): { w4: boolean; w12: boolean } {
  if (exportDate === undefined || period === 'all') return { w4: false, w12: false };
  const first = periodStart(period);
  const e = dayOf(exportDate);
  return { w4: first + 28 > e, w12: first + 84 > e };
}

export function buildCellModel(out: UptakeOutputs): CellModel {
  const cells: ModelCell[] = [];
  const index = new Map<string, number>();
  const relations: Relation[] = [];
  const add = (key: string, value: number, published: boolean, structural = false): number => {
    const known = index.get(key);
    if (known !== undefined) return known;
    index.set(key, cells.length);
    cells.push({ key, value, published, structural: structural && value === 0 });
    return cells.length - 1;
  };
  const relate = (total: string, parts: readonly string[]) => {
    const t = index.get(total);
    const ps = parts.map((p) => index.get(p)).filter((p): p is number => p !== undefined);
    if (t !== undefined && ps.length > 0) relations.push({ total: t, parts: ps });
  };

  // Metric rows: six printed counts and their within-row complements.
  const rowKey = (r: RowId) => `${r.region}|${r.period}|${r.dimension}|${r.level}`;
  const rows = new Map<string, MetricRow>();
  const measures = [...METRIC_COUNTS, ...ROW_COMPLEMENTS.map(([name]) => name)];
  // What readers have: this publication's rows and those another cut of the extract printed.
  const metricRows = [...out.metrics, ...(out.otherCuts?.metrics ?? [])];
  const clinicRows = [...(out.clinics ?? []), ...(out.otherCuts?.clinics ?? [])];
  const printed = new Set<unknown>([...out.metrics, ...(out.clinics ?? [])]);
  for (const r of metricRows) {
    rows.set(rowKey(r), r);
    const s = structuralRetention(r.period, out.exportDate);
    const structural: Record<string, boolean> = {
      atRisk4w: s.w4, retained4w: s.w4, notRetained4w: s.w4, atRisk4wNot12w: s.w4,
      atRisk12w: s.w12, retained12w: s.w12, notRetained12w: s.w12, retained4wNot12w: s.w4,
    };
    for (const m of METRIC_COUNTS) add(metricCellKey(m, r), r[m], printed.has(r), structural[m]);
    for (const [name, total, part] of ROW_COMPLEMENTS) {
      add(metricCellKey(name, r), r[total] - r[part], false, structural[name]);
      relate(metricCellKey(total, r), [metricCellKey(part, r), metricCellKey(name, r)]);
    }
  }

  // Across metric rows: parts that sum to a total row, for every measure.
  const groups = new Map<string, { total: MetricRow | undefined; parts: MetricRow[] }>();
  const group = (gk: string, total: MetricRow | undefined, part: MetricRow) => {
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { total, parts: [] }));
    g.parts.push(part);
  };
  for (const r of metricRows) {
    if (r.periodType === 'month') group(`month→year|${r.region}|${r.period.slice(0, 4)}|${r.dimension}|${r.level}`, rows.get(rowKey({ ...r, period: r.period.slice(0, 4) })), r);
    if (r.periodType === 'year') group(`year→all|${r.region}|${r.dimension}|${r.level}`, rows.get(rowKey({ ...r, period: 'all' })), r);
    if (r.region !== 'national') group(`scope→national|${r.period}|${r.dimension}|${r.level}`, rows.get(rowKey({ ...r, region: 'national' })), r);
    if (r.dimension !== 'all') group(`level→all|${r.region}|${r.period}|${r.dimension}`, rows.get(rowKey({ ...r, dimension: 'all', level: 'all' })), r);
  }
  for (const g of groups.values()) {
    if (!g.total) continue;
    for (const m of measures) relate(metricCellKey(m, g.total), g.parts.map((p) => metricCellKey(m, p)));
  }

  // Clinics: referred = activated + not activated; the clinics of a region sum to it.
  const byRegion = new Map<string, ClinicFunnelRow[]>();
  for (const c of clinicRows) {
    add(clinicCellKey('referrals', c.region, c.clinic), c.referrals, printed.has(c));
    add(clinicCellKey('activations', c.region, c.clinic), c.activations, printed.has(c));
    add(clinicCellKey('notActivated', c.region, c.clinic), c.referrals - c.activations, false);
    relate(clinicCellKey('referrals', c.region, c.clinic), [clinicCellKey('activations', c.region, c.clinic), clinicCellKey('notActivated', c.region, c.clinic)]);
    byRegion.set(c.region, [...(byRegion.get(c.region) ?? []), c]);
  }
  for (const [region, list] of byRegion) {
    const total: RowId = { region: region as Scope, period: 'all', dimension: 'all', level: 'all' };
    for (const m of ['referrals', 'activations', 'notActivated']) relate(metricCellKey(m, total), list.map((c) => clinicCellKey(m, c.region, c.clinic)));
  }

  // Activations by activation year (uptake per 1,000 and observed budget: the same counts).
  // A year after the export date, or before the scope's first referral month (or year) printed, has no
  // activations by definition, and every reader knows it (the page prints the export date and
  // the months): such a 0 is structural. Were it not, the suppression could "hide" it as a
  // complement that protects nothing (a reader puts 0 back and recovers the total it was to hide).
  // A plan that publishes years but not months (docs/plan-uptake.md) still prints the first year.
  // Per scope: a region that began referring later has its own earlier years empty, and its rows say so.
  // The finest series printed says it: with months, a scope's first month (its year row starts on
  // 1 January, months before its first referral); without, its first year. As the audit reads
  // them (attacker-audit.ts): a region that began referring in December has nobody at risk at 12
  // weeks on a February export, and nobody activated before the last 84 days either.
  const finest = metricRows.some((r) => r.periodType === 'month') ? 'month' : 'year';
  const firstDayOf = new Map<string, number>();
  for (const r of metricRows) {
    if (r.periodType !== finest) continue;
    firstDayOf.set(r.region, Math.min(firstDayOf.get(r.region) ?? Infinity, periodStart(r.period)));
  }
  const firstYearOf = (scope: string): number => {
    const d = firstDayOf.get(scope);
    return d === undefined ? -Infinity : new Date(d * DAY).getUTCFullYear();
  };
  const valueOf = (key: string): number => cells[index.get(key)!]!.value;
  const sumOf = (keys: readonly string[]): number => keys.reduce((t, k) => t + valueOf(k), 0);
  const lastYear = out.exportDate === undefined ? Infinity : Number(out.exportDate.slice(0, 4));
  const years = new Map<string, { scope: string; year: number }[]>();
  for (const a of [...(out.uptake ?? []), ...(out.observed ?? [])]) {
    if (index.has(yearCellKey(a.region, a.year))) continue;
    add(yearCellKey(a.region, a.year), a.activations, true, a.year > lastYear || a.year < firstYearOf(a.region));
    years.set(a.region, [...(years.get(a.region) ?? []), { scope: a.region, year: a.year }]);
  }
  const yearsOf = new Map<number, string[]>();
  for (const [scope, list] of years) {
    // Every activation has an activation year: the years of a scope sum to its activations.
    relate(metricCellKey('activations', { region: scope as Scope, period: 'all', dimension: 'all', level: 'all' }), list.map((y) => yearCellKey(y.scope, y.year)));
    if (scope === 'national') continue;
    for (const y of list) yearsOf.set(y.year, [...(yearsOf.get(y.year) ?? []), yearCellKey(scope, y.year)]);
  }
  for (const [year, parts] of [...yearsOf].sort((a, b) => a[0] - b[0])) relate(yearCellKey('national', year), parts);

  // Activation years against referral cohorts. Whoever was activated by the end of year Y was
  // referred by then, so the activated of the referral cohorts up to Y are those activated in the
  // years up to Y plus those activated in a later year than that: a count of patients (referred in
  // late December, activated in January) that one subtraction of printed numbers gives, and a
  // bound (≥ 0) every reader can use. Each is a cell, unpublished and sensitive when small:
  //   cohorts≤Y = Σ cohort-year activations,  activated≤Y = Σ activation-year counts,
  //   cohorts≤Y = activated≤Y + later≤Y.
  // Up to the export year nobody is activated later: there later≤Y is 0 by definition.
  for (const [scope, list] of years) {
    const cohortYears = metricRows.filter((r) => r.region === scope && r.periodType === 'year' && r.dimension === 'all').map((r) => Number(r.period)).sort((a, b) => a - b);
    if (cohortYears.length === 0) continue;
    const actYears = list.map((y) => y.year).sort((a, b) => a - b);
    for (const Y of actYears.slice(0, -1)) {
      const cohorts = cohortYears.filter((c) => c <= Y);
      if (cohorts.length === 0) continue;
      const upTo = actYears.filter((y) => y <= Y);
      const cohortKeys = cohorts.map((c) => metricCellKey('activations', { region: scope as Scope, period: String(c), dimension: 'all', level: 'all' }));
      const yearKeys = upTo.map((y) => yearCellKey(scope, y));
      if (!cohortKeys.every((k) => index.has(k)) || !yearKeys.every((k) => index.has(k))) continue;
      const [cohortKey, activatedKey, laterKey] = ['cohorts', 'activated', 'later'].map((what) => `x|${what}≤|${scope}|${Y}`) as [string, string, string];
      add(cohortKey, sumOf(cohortKeys), false);
      add(activatedKey, sumOf(yearKeys), false);
      add(laterKey, sumOf(cohortKeys) - sumOf(yearKeys), false, Y >= lastYear);
      relate(cohortKey, cohortKeys);
      relate(activatedKey, yearKeys);
      relate(cohortKey, [activatedKey, laterKey]);
    }
  }

  // Not yet at risk at 4 (12) weeks = activated in the last 28 (84) days before the export, all of
  // them in the activation years those days fall in: those years' activations = the not yet at
  // risk + those activated in them earlier, a count of patients one subtraction gives (export 31
  // January: the activated of 1–3 January). A cell, unpublished, sensitive when small. (Until
  // 3 December 2026 the 84-day cell was left out: a scope's first day was taken from its year
  // row, 1 January, so a region first referring in December had this cell — identically its
  // at-risk count, a structural 0 — as a sensitive zero no perturbation could move.)
  if (out.exportDate !== undefined) for (const [DAYS, metric] of [[28, 'notYetAtRisk4w'], [84, 'notYetAtRisk12w']] as const) {
    const exportDay = dayOf(out.exportDate);
    const first = new Date((exportDay - (DAYS - 1)) * DAY).getUTCFullYear();
    for (const [scope, list] of years) {
      const notYetKey = metricCellKey(metric, { region: scope as Scope, period: 'all', dimension: 'all', level: 'all' });
      if (!index.has(notYetKey)) continue;
      const yearKeys = list.filter((y) => y.year >= first && y.year <= lastYear).map((y) => yearCellKey(scope, y.year));
      if (yearKeys.length === 0 || !yearKeys.every((k) => index.has(k))) continue;
      const inYears = yearKeys.length === 1 ? yearKeys[0]! : `x|activated in ${first}–${lastYear}|${scope}`;
      if (yearKeys.length > 1) {
        add(inYears, sumOf(yearKeys), false);
        relate(inYears, yearKeys);
      }
      // A scope whose first referral period began within the window has everyone activated in it
      // (its at-risk count is a structural zero): none before it, by definition. Without a
      // printed period (a plan that publishes neither months nor years) no reader knows when it
      // began: not structural, as its at-risk count is not (a fixed 0 here would pin that count).
      const beforeKey = `x|activated before the last ${DAYS} days|${scope}`;
      add(beforeKey, valueOf(inYears) - valueOf(notYetKey), false, (firstDayOf.get(scope) ?? -Infinity) + DAYS > exportDay);
      relate(inYears, [notYetKey, beforeKey]);
    }
  }

  const { changed: changedUnits, absent } = out.previous ? addPrevious(out.previous, { cells, index, add, relate, finest, rows: metricRows, clinics: clinicRows, yearCells: years, exportDate: out.exportDate }) : { changed: new Set<string>(), absent: [] };
  const otherKeys = [
    ...(out.otherCuts?.metrics ?? []).flatMap((r) => METRIC_COUNTS.map((m) => metricCellKey(m, r))),
    ...(out.otherCuts?.clinics ?? []).flatMap((c) => [clinicCellKey('referrals', c.region, c.clinic), clinicCellKey('activations', c.region, c.clinic)]),
  ];
  for (const k of otherKeys) if (!index.has(`p|${out.exportDate}|${k}`)) cells[index.get(k)!]!.hiddenElsewhere = true;

  // A total of structural zeros is one too (a year made only of too-recent months), and so is
  // every part of a structural-zero total (counts are ≥ 0).
  let changed = true;
  while (changed) {
    changed = false;
    for (const r of relations) {
      const total = cells[r.total]!;
      if (!total.structural && total.value === 0 && r.parts.every((q) => cells[q]!.structural)) { total.structural = true; changed = true; }
      if (total.structural) for (const q of r.parts) if (!cells[q]!.structural && cells[q]!.value === 0) { cells[q]!.structural = true; changed = true; }
    }
  }
  return { cells, index, relations, changed: changedUnits, absent };
}

/**
 * For each relation of an earlier publication (of the files named: they give its hidden counts)
 * whose total it printed and of whose parts it hid some, each hidden part printed (or hidden) as
 * the same row now and none of its units changed since: the sum of those parts now
 * = (the total then − the parts it printed then), known, + their growth since, a cell sensitive
 * when small (0 by definition where every hidden part is final). Until 5 December 2026 only the
 * printed counts of an earlier publication were tied to now, and the country's and Hovedstaden's
 * growth gave Sjælland's and Nordjylland's together (docs/disclosure-control.md "How it is protected").
 */
function hiddenPartsGrowth(
  relations: readonly HiddenPartsRelation[],
  m: { cells: ModelCell[]; index: Map<string, number>; add: (key: string, value: number, published: boolean, structural?: boolean) => number; relate: (total: string, parts: readonly string[]) => void },
  changed: ReadonlySet<string>,
  cellOf: (c: PreviousCount) => string,
): void {
  const valueOf = (key: string) => m.cells[m.index.get(key)!]!.value;
  for (const { asOf: P, id, total, parts, hidden: hiddenParts, then } of relations) {
    if (!hiddenParts.every((c) => m.index.has(cellOf(c))) || [total, ...parts].some((c) => changed.has(changedUnit(c)))) continue;
    const keys = hiddenParts.map(cellOf);
    const now = keys.reduce((t, k) => t + valueOf(k), 0);
    if (then < 0 || now < then) continue; // the registry changed: listed as changed (hidden-parts.ts `hiddenPartsFell`)
    const nowKey = `p|hidden parts now|${P}|${id}`;
    const thenKey = `p|${P}|hidden parts|${id}`;
    const growthKey = `p|since ${P}|hidden parts|${id}`;
    if (m.index.has(nowKey)) continue;
    m.add(nowKey, now, false);
    m.relate(nowKey, keys);
    m.add(thenKey, then, false);
    m.cells[m.index.get(thenKey)!]!.known = true;
    m.add(growthKey, now - then, false, hiddenParts.every(isFinal));
    m.relate(nowKey, [thenKey, growthKey]);
  }
}

/**
 * Earlier publications' printed counts (docs/disclosure-control.md, "Publishing again"). Each,
 * printed as of its export date D, is a known cell K, part of the new count T of the same row (or,
 * where this publication does not print that row, of the year or whole-export row containing it):
 * T = K + "added since D", a count of patients, unpublished, sensitive when small — and 0 by
 * definition where K is final (a referral period or activation year that had ended by D). The
 * referrals of a row up to D are moreover exactly the new rows of the finest printed series that
 * ended by then, when D ends one of them: K = Σ those rows. Counts of several earlier dates (a
 * chain of publications) are each tied so: the same cell known as of two dates is two known cells.
 */
function addPrevious(
  previous: PreviousPublication,
  m: {
    cells: ModelCell[]; index: Map<string, number>; rows: readonly MetricRow[]; finest: 'month' | 'year'; exportDate?: string;
    clinics: readonly ClinicFunnelRow[]; yearCells: ReadonlyMap<string, { scope: string; year: number }[]>;
    add: (key: string, value: number, published: boolean, structural?: boolean) => number;
    relate: (total: string, parts: readonly string[]) => void;
  },
): { changed: Set<string>; absent: AbsentCategory[] } {
  const valueOf = (key: string) => m.cells[m.index.get(key)!]!.value;
  const sumOf = (keys: readonly string[]) => keys.reduce((t, k) => t + valueOf(k), 0);
  /** A count every reader has (an earlier print): never moved, never sensitive. */
  const known = (key: string, value: number): string => {
    m.add(key, value, false);
    m.cells[m.index.get(key)!]!.known = true;
    return key;
  };
  /** The cell of the count an earlier count is part of now (its own row, or a row containing it), if printed now. */
  const place = (c: PreviousCount): { own: string; target: string | undefined } => {
    let own: string, targets: string[];
    if (c.kind === 'metric') {
      // Opaque labels, as printed: the keys are strings.
      const row = (period: string) => ({ region: c.region, period, dimension: c.dimension, level: c.level }) as unknown as RowId;
      own = metricCellKey(c.measure, row(c.period));
      const at = (period: string) => metricCellKey(c.measure, row(period));
      targets = [own, ...(c.period.length === 7 ? [at(c.period.slice(0, 4))] : []), at('all')];
    } else if (c.kind === 'clinic') {
      // A clinic's counts are the same patients and those added since; its region's row holds them.
      own = clinicCellKey(c.measure, c.region, c.clinic);
      targets = [own, metricCellKey(c.measure, { region: c.region as Scope, period: 'all', dimension: 'all', level: 'all' })];
    } else {
      own = yearCellKey(c.region, c.year);
      targets = [own, metricCellKey('activations', { region: c.region as Scope, period: 'all', dimension: 'all', level: 'all' })];
    }
    return { own, target: targets.find((k) => m.index.has(k)) };
  };
  // Counts that fell, or final counts that differ (a closed month's late registration or
  // correction, a row removed): "only grow" does not hold, and the change is a count of patients
  // (148 referrals printed, 147 now: one removed). Every count of their period (region × period,
  // every level; the whole country's too) is protected whatever its value and tied to no earlier
  // print, so that neither the hiding nor the record says which level or count changed.
  const changed = changedUnitsOf(previous.counts.filter((c) => {
    const { own, target } = place(c);
    return target !== undefined && breaksEarlier(c, valueOf(target), target === own);
  }));
  // A clinic, level or region printed (or listed hidden) before and absent now though its table
  // is printed: its rows were relabelled into another category (a clinic merge) or removed, so
  // no "added since" of the categories that may hold them is a count of new patients. Their units
  // change too (previous-publication.ts `absentCategories`). A known 0 had no rows to move.
  const { absent, units } = absentCategories(movableCounts(previous), { metrics: m.rows, clinics: m.clinics }, m.exportDate);
  for (const u of units) changed.add(u);
  // A unit an earlier publication listed as changed stays changed: it hid the unit's counts, so
  // their value then is not an earlier print, and this print less it counts patients (f2 hid
  // Sjælland's 2024 activations, 58, after 61 was printed; 61 again now would give 3). Another cut
  // of this extract's listing is this run's own finding, so it is carried too.
  // Found by this run (not only carried): the whole-country-only spread below is decided for these.
  const found = new Set(changed);
  for (const u of previous.listedChanged?.keys() ?? []) changed.add(u);
  // A closed period an earlier publication hid (or had no row of) that changed since: only its
  // running totals show it (P's whole export ≠ Σ its months now). Listed as changed, so that the
  // audit does not equate the sum with P's count (previous-publication.ts `unprintedPeriodsChanged`).
  for (const u of unprintedPeriodsChanged(previous, m.rows, m.finest, changed, (r) => valueOf(metricCellKey('referrals', r)))) { changed.add(u); found.add(u); }
  // A relation of an earlier publication whose hidden parts' sum is smaller now (rows removed from
  // them: a withdrawn patient, a corrected extract): "each only grew" is false for one of them, and
  // no print says which. Listed as changed, each hidden part's unit with the whole country's, so
  // that neither this model nor the audit ties them to their earlier values. Until 6 December 2026
  // they were left untied here and tied in the audit, whose reading of the chain then had no
  // solution: the run wrote the file unchecked, with a warning (docs/disclosure-control.md "Hidden
  // parts that fell"; hidden-parts.ts).
  const cellOf = (c: PreviousCount) => (c.kind === 'metric' ? metricCellKey(c.measure, { region: c.region, period: c.period, dimension: c.dimension, level: c.level } as unknown as RowId) : c.kind === 'year' ? yearCellKey(c.region, c.year) : clinicCellKey(c.measure, c.region, c.clinic));
  const hiddenRelations = hiddenPartsRelations(previous, m.exportDate, cellOf);
  const fell = hiddenPartsFell(hiddenRelations, (c) => (m.index.has(cellOf(c)) ? valueOf(cellOf(c)) : undefined), changed);
  for (const u of fallenUnits(fell)) { changed.add(u); found.add(u); }
  // The listing must not say what the corrected patients were (activated or not, at risk or not).
  const regionsNow = [...new Set(m.rows.map((r) => r.region))];
  // A region added since explains the country's change of a period it has rows of only where that
  // change is exactly its counts (`nationalChangesUnexplained`; its date from the files, never from
  // a carried file's bare listing): every other change of the period keeps the spread.
  const since = addedRegionsSince(previous, regionsNow);
  const addedPeriods = new Set(m.rows.filter((r) => since.has(r.region)).map((r) => r.period));
  const unexplained = nationalChangesUnexplained(previous, since, (measure, region, period, dimension, level) => {
    const key = metricCellKey(measure, { region, period, dimension, level } as unknown as RowId);
    return m.index.has(key) ? valueOf(key) : undefined;
  });
  // A whole-country period only carried from an earlier listing (not changed again since) was
  // decided there, with its spread; spread again here it would mark counts another cut of this
  // extract printed (a later cut of the publication that added the region).
  const explainedByAdded = (period: string) => !found.has(changedUnit({ kind: 'metric', region: 'national', period })) || (addedPeriods.has(period) && !unexplained.has(period));
  closeChangedUnits(changed, new Map([...m.yearCells].map(([scope, list]) => [scope, list.map((y) => y.year)])), regionsNow, explainedByAdded);
  const mark = (key: string) => {
    const i = m.index.get(key);
    if (i !== undefined) m.cells[i]!.changed = true;
  };
  if (changed.size > 0) {
    for (const r of m.rows) {
      if (!changed.has(changedUnit({ kind: 'metric', region: r.region, period: r.period }))) continue;
      for (const k of [...METRIC_COUNTS, ...ROW_COMPLEMENTS.map(([name]) => name)]) mark(metricCellKey(k, r));
    }
    for (const c of m.clinics) {
      if (changed.has(changedUnit({ kind: 'clinic', region: c.region }))) for (const k of ['referrals', 'activations', 'notActivated']) mark(clinicCellKey(k, c.region, c.clinic));
    }
    for (const [scope, list] of m.yearCells) for (const y of list) if (changed.has(changedUnit({ kind: 'year', region: scope, year: y.year }))) mark(yearCellKey(scope, y.year));
  }
  // What an earlier publication hid in a closed, unchanged period stays hidden (another cut of
  // this extract's hidden cells are `hiddenElsewhere` instead, other-cuts.ts) — unless another
  // earlier publication printed it: it is public, and held fixed below.
  const printedBefore = new Set(previous.counts.map(cellOf));
  for (const c of previous.hidden ?? []) {
    if (c.kind === 'clinic' || !isClosed(c) || (m.exportDate !== undefined && c.asOf >= m.exportDate) || changed.has(changedUnit(c))) continue;
    const key = cellOf(c);
    if (printedBefore.has(key)) continue;
    const i = m.index.get(key);
    if (i !== undefined && m.cells[i]!.published) m.cells[i]!.hiddenBefore = true;
  }
  for (const c of previous.counts) {
    const P = c.asOf;
    const { own, target } = place(c);
    if (target === undefined || changed.has(changedUnit(c)) || valueOf(target) < c.value) continue; // not printed now, or the registry changed
    if (m.index.has(`p|${P}|${own}`)) continue;
    const knownKey = known(`p|${P}|${own}`, c.value);
    const sinceKey = `p|since ${P}|${target}|${own}`;
    const sameCount = target === own && (isFinal(c) || (P === m.exportDate && valueOf(target) === c.value));
    m.add(sinceKey, valueOf(target) - c.value, false, sameCount);
    m.relate(target, [knownKey, sinceKey]);
    // Referrals up to P: the new rows of the finest series ending by P, when P ends one of them
    // and none of them changed since (else below).
    const closed = sameCount ? undefined : closedPeriodsOf(c, m.rows, m.finest, changed);
    if (closed && closed.changed.length === 0) {
      const keys = closed.unchanged.map((r) => metricCellKey('referrals', r));
      if (sumOf(keys) === c.value) m.relate(knownKey, keys);
    }
  }
  // Relations of an earlier publication whose total it printed and some of whose parts it hid
  // (national = Σ regions, a year = Σ its months, the whole export = Σ years, all = Σ levels;
  // national activations of a year = Σ regions'). The hidden parts are unknown to a reader, but
  // their sum then is not — the printed total less the printed parts — and each only grew since:
  // Σ of the hidden parts now − that sum is a count of patients (those of the hidden parts added
  // since), one subtraction of printed numbers away when the parts are printed now (or the
  // country's and the printed regions' growth give it: (151 − 138) − (101 − 91) = 3 new patients
  // of Sjælland and Nordjylland together). A cell, unpublished, sensitive when small, so the
  // suppression hides what would pin it (docs/disclosure-control.md "How it is protected").
  hiddenPartsGrowth(hiddenRelations, m, changed, cellOf);
  // Referrals up to P where periods ending by P changed since (or their sum now is not P's
  // count: a change in one P hid). Until 4 December 2026 nothing tied P's count to the periods
  // then: a late registration in a closed month, hidden here, was still the whole export now −
  // P's − the new month (583 − 542 − 40 = 1), and a deleted row's month was pinned by P's year row
  // less the months P printed (docs/disclosure-control.md "A corrected closed month and the running
  // totals"). So, whatever P's own row does now (it may have fell, or changed):
  //  - P's own sum: P's count = Σ unchanged periods now + Σ changed periods as of P, where P
  //    printed every changed one (known cells, tied to nothing now);
  //  - the net change of those closed periods, |Σ now − P's count|: a count of patients, sensitive
  //    when small like any "added since", tied to both by its sign (the model takes the sign as
  //    known to a reader: a stronger reader, so the protection holds for one who does not know it).
  const thenOf = referralsAsOf(previous.counts);
  for (const c of previous.counts) {
    const closed = closedPeriodsOf(c, m.rows, m.finest, changed);
    if (!closed || c.kind !== 'metric') continue;
    const parts = [...closed.unchanged, ...closed.changed].map((r) => metricCellKey('referrals', r));
    const now = sumOf(parts);
    if (closed.changed.length === 0 && now === c.value) continue;
    const P = c.asOf;
    const own = cellOf(c);
    const knownKey = known(`p|${P}|${own}`, c.value);
    const then = closed.changed.map((r) => thenOf(P, r));
    const unchangedKeys = parts.slice(0, closed.unchanged.length);
    if (then.every((v) => v !== undefined) && sumOf(unchangedKeys) + then.reduce((t, v) => t + v!, 0) === c.value) {
      const thenKeys = closed.changed.map((r, i) => known(`p|${P}|${metricCellKey('referrals', r)}`, then[i]!));
      m.relate(knownKey, [...unchangedKeys, ...thenKeys]);
    }
    const nowKey = `p|periods up to ${P} now|${own}`;
    const changeKey = `p|closed periods changed since ${P}|${own}`;
    m.add(nowKey, now, false);
    m.relate(nowKey, parts);
    m.add(changeKey, Math.abs(now - c.value), false);
    if (now >= c.value) m.relate(nowKey, [knownKey, changeKey]);
    else m.relate(knownKey, [nowKey, changeKey]);
  }
  return { changed, absent };
}
