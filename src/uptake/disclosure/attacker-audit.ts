/**
 * The attacker: what can be learnt about every suppressed count from the PUBLISHED outputs alone
 * (docs/disclosure-control.md, "Audit"). It reads the analysis as printed — numbers and the
 * marker "suppressed" — and rebuilds on its own, from the row labels, every relation a reader
 * knows: regions sum to the country, months to the year, years to the whole export, equity
 * levels to all, clinics to their region, activation years to all activations; within a row
 * activated ≤ referred, at risk 12w ≤ at risk 4w ≤ activated, retained ≤ at risk, retained 12w ≤
 * retained 4w; and a published rate ties its numerator to its denominator. Counts are ≥ 0.
 *
 * For each suppressed count it finds the interval (min and max by LP, `polytope-ranges.ts`: per
 * independent group of suppressed cells, batches first); it also bounds each within-row
 * difference (activated − at risk, …), which is a count of patients too. It shares no code or
 * structure with the suppression (cell-model.ts, secondary-suppression.ts): only the LP solver.
 */
import type { LinearRow } from './linear-program.js';
import { PolytopeRanges, type Interval } from './polytope-ranges.js';
import { absentRows } from './absent-rows.js';
import { fallenUnits, hiddenPartsFell, hiddenPartsRelations } from './hidden-parts.js';
import { costsOnSuppressed, type CostOnSuppressed } from './cost-audit.js';
import { breaksEarlier, changedUnit, changedUnitsIn, closedPeriodsOf, closedSumAgrees, isFinal, referralsAsOf, unprintedPeriodsChanged, type PreviousCount, type PreviousPublication } from './previous-publication.js';

type Value = number | string | null | undefined;

/** The parts of the published analysis the attacker reads (JSON-shaped). */
export interface PublishedUptake {
  exportDate: string;
  rows: Value;
  metrics: readonly Record<string, Value>[];
  uptake: readonly Record<string, Value>[];
  /** Absent when the plan does not publish the clinic funnel. */
  funnel?: { rows: readonly Record<string, Value>[] };
  /** `volumeScope`: whose volume selects the price band, which says what a cost rests on (cost-audit.ts). */
  budget: { volumeScope?: Value; observed: readonly Record<string, Value>[] };
  /** `previous.changed`: the periods this publication says changed since an earlier one (previous-publication.ts `ChangedSince`). */
  previous?: { changed?: unknown };
}

export interface AuditRule {
  threshold: number;
  protectionLevel: number;
  zerosSensitive: boolean;
}

export interface AuditInterval {
  /** Readable name of the count, e.g. "activations · Sjælland · 2025 · all". */
  cell: string;
  lower: number;
  /** Infinity when nothing bounds it above. */
  upper: number;
}

export interface AuditReport {
  rule: AuditRule;
  /** Suppressed count cells (distinct counts; the same count printed twice is one cell). */
  suppressedCells: number;
  /** Count cells published in all. */
  countCells: number;
  /** Suppressed cells whose interval is narrower than the protection level (must be none). */
  narrow: AuditInterval[];
  /**
   * Suppressed cells pinned to exactly the value an earlier publication printed for the same count
   * (unchanged since, zeros shown): the reader learns only "no growth" (not a failure).
   */
  unchangedSincePrinted?: AuditInterval[];
  /** Within-row differences (patients) pinned to under the protection level inside the sensitive range. */
  disclosedDifferences: AuditInterval[];
  /**
   * Every suppressed cell's interval, in a fixed order: exact (two LPs) when narrower than the
   * protection level, else at least as wide as shown (the spread over the LP solutions found).
   */
  intervals: AuditInterval[];
  /**
   * The intervals of the counts the earlier publications named hid (`… as of D (hidden then)`),
   * with this file's numbers and their relations (docs/disclosure-control.md "How it is protected").
   */
  earlierHidden?: AuditInterval[];
  /** Printed observed costs and average prices computed from a suppressed count (must be none; cost-audit.ts). */
  costsOnSuppressed: CostOnSuppressed[];
  /** With zeros sensitive, rows a scope lacks that another has (must be none; absent-rows.ts): an absent row says its zero. */
  absentRows: string[];
  lpSolves: number;
  /** Independent groups of suppressed cells (no relation links two groups); one LP model each. */
  components: number;
}

/** Bound used when the number of rows is not printed: reaching it means "unbounded". */
const NO_CAP = 1e9;

/**
 * A maximum under the NO_CAP box that nothing printed bounds. A bounded maximum is set by the
 * printed counts (each at most the rows of a registry, far below NO_CAP / 2); an unbounded one
 * lies at the box or a printed count below it: a hidden 2025 no larger than the hidden whole
 * export less the 34 printed for 2024 reaches NO_CAP − 34. Until 6 December 2026 only a cell at
 * the box itself was read as unbounded, and `--audit --json` printed such a cell's upper bound
 * as 999999966 (review of session 27, finding 5; docs/disclosure-control.md "Audit").
 */
export const unboundedUnderBox = (max: number): boolean => max > NO_CAP / 2;

const COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
/** [larger, smaller]: the smaller is a subset of the larger's patients. */
const SUBSETS = [
  ['referrals', 'activations'], ['activations', 'atRisk4w'], ['activations', 'atRisk12w'], ['atRisk4w', 'atRisk12w'],
  ['atRisk4w', 'retained4w'], ['atRisk12w', 'retained12w'], ['retained4w', 'retained12w'],
] as const;
const RATES = [['activationRate', 'activations', 'referrals'], ['retention4w', 'retained4w', 'atRisk4w'], ['retention12w', 'retained12w', 'atRisk12w']] as const;

/** A linear form over unknowns plus a constant. */
interface Form { terms: Map<number, number>; constant: number }

/**
 * `previous`: earlier publications of the same registry (docs/disclosure-control.md,
 * "Publishing again"), each count as of its own export date D. Each is a known part of the same
 * row's count here (or of the year or whole-export row containing it, where this one does not
 * print that row): now ≥ then, and now − then is a count of patients (added since D), checked like
 * the within-row differences; equal where final (referrals of a period, activations of a year,
 * that had ended by D, or of D itself: another cut of the same extract). A row's referrals up to D are the rows of the finest printed series that
 * ended by then, when D ends one of them. Two earlier publications are moreover subtracted from
 * each other (a later count less an earlier one it contains), reported like the differences.
 */
export function auditPublishedUptake(pub: PublishedUptake, rule: AuditRule, previous?: PreviousPublication): AuditReport {
  const labels: string[] = [];
  const byName = new Map<string, Form>();
  let countCells = 0;
  /** The form of a published count, registered under `name` (first sighting wins). */
  const quantity = (name: string, v: Value): Form | undefined => {
    const known = byName.get(name);
    if (known) return known;
    let f: Form;
    if (typeof v === 'number') f = { terms: new Map(), constant: v };
    else if (v === 'suppressed') { f = { terms: new Map([[labels.length, 1]]), constant: 0 }; labels.push(name); }
    else return undefined;
    countCells++;
    byName.set(name, f);
    return f;
  };
  const rows: LinearRow[] = [];
  /** Σ sign·form (sense) 0, constants moved to the right. */
  const constrain = (parts: readonly [number, Form][], sense: LinearRow['sense']) => {
    const terms = new Map<number, number>();
    let c = 0;
    for (const [s, f] of parts) {
      c += s * f.constant;
      for (const [j, a] of f.terms) terms.set(j, (terms.get(j) ?? 0) + s * a);
    }
    const list = [...terms].filter(([, a]) => Math.abs(a) > 1e-12);
    if (list.length > 0) rows.push({ terms: list, sense, rhs: -c });
  };
  const sumEquals = (total: Form, parts: Form[]) => constrain([[1, total], ...parts.map((p): [number, Form] => [-1, p])], '=');

  // Metric rows: one quantity per (count, scope, period, dimension, level).
  const str = (v: Value) => String(v);
  const name = (count: string, r: Record<string, Value>) => `${count} · ${str(r.region)} · ${str(r.period)} · ${str(r.dimension)}=${str(r.level)}`;
  const rowsByLabel = new Map<string, Record<string, Value>>();
  for (const r of pub.metrics) {
    rowsByLabel.set(name('', r), r);
    const f = Object.fromEntries(COUNTS.map((c) => [c, quantity(name(c, r), r[c])]));
    for (const [big, small] of SUBSETS) {
      const b = f[big], s = f[small];
      if (b && s) constrain([[1, b], [-1, s]], '>=');
    }
    for (const [rate, num, den] of RATES) {
      const x = r[rate], n = f[den], k = f[num];
      if (typeof x === 'number' && n && k && (n.terms.size > 0 || k.terms.size > 0)) constrain([[1, k], [-x, n]], '=');
    }
  }
  // Totals: group published rows by what they sum to.
  const groups = new Map<string, { total: string; parts: Record<string, Value>[] }>();
  const addPart = (total: Record<string, Value>, part: Record<string, Value>) => {
    const t = name('', total);
    // One group per total and per way of splitting it (scopes, periods, or one dimension's levels).
    const gk = `${t}|${part.region === total.region ? '' : 'scope'}|${part.period === total.period ? '' : 'period'}|${part.dimension === total.dimension ? '' : str(part.dimension)}`;
    if (!groups.has(gk)) groups.set(gk, { total: t, parts: [] });
    groups.get(gk)!.parts.push(part);
  };
  for (const r of pub.metrics) {
    const p = str(r.period);
    if (/^\d{4}-\d{2}$/.test(p)) addPart({ ...r, period: p.slice(0, 4) }, r);
    else if (/^\d{4}$/.test(p)) addPart({ ...r, period: 'all' }, r);
    if (r.region !== 'national') addPart({ ...r, region: 'national' }, r);
    if (r.dimension !== 'all') addPart({ ...r, dimension: 'all', level: 'all' }, r);
  }
  for (const g of groups.values()) {
    const total = rowsByLabel.get(g.total);
    if (!total) continue;
    for (const c of COUNTS) {
      const t = byName.get(name(c, total));
      const parts = g.parts.map((r) => byName.get(name(c, r)));
      if (t && parts.every((x) => x)) sumEquals(t, parts as Form[]);
    }
  }
  const scopeAll = (c: string, scope: Value) => byName.get(name(c, { region: scope, period: 'all', dimension: 'all', level: 'all' }));
  // The rows read are the national referrals (the same cell, printed twice).
  const nationalReferrals = scopeAll('referrals', 'national');
  if (typeof pub.rows === 'number' && nationalReferrals) sumEquals(nationalReferrals, [{ terms: new Map(), constant: pub.rows }]);

  // Clinics: activated ≤ referred; a region's clinics sum to it.
  const clinicsOf = new Map<string, { referrals: Form[]; activations: Form[] }>();
  for (const c of pub.funnel?.rows ?? []) {
    const ref = quantity(`referrals · clinic ${str(c.region)}/${str(c.clinic)}`, c.referrals);
    const act = quantity(`activations · clinic ${str(c.region)}/${str(c.clinic)}`, c.activations);
    if (!ref || !act) continue;
    constrain([[1, ref], [-1, act]], '>=');
    if (typeof c.rate === 'number') constrain([[1, act], [-c.rate, ref]], '=');
    const g = clinicsOf.get(str(c.region)) ?? { referrals: [], activations: [] };
    g.referrals.push(ref); g.activations.push(act);
    clinicsOf.set(str(c.region), g);
  }
  for (const [region, g] of clinicsOf) {
    for (const c of ['referrals', 'activations'] as const) {
      const t = scopeAll(c, region);
      if (t) sumEquals(t, g[c]);
    }
  }

  // Activations by activation year, printed twice (uptake per 1,000 and observed budget).
  // Each row's own earliest period printed (rows exist only for periods with referrals): a scope's
  // first referral year is its "all" row's (a plan may publish years without months).
  const e = Date.parse(`${pub.exportDate}T00:00:00Z`) / 86_400_000;
  const exportYear = Number(pub.exportDate.slice(0, 4));
  const dayOf = (period: string) => Date.parse(`${period.length === 4 ? `${period}-01` : period}-01T00:00:00Z`) / 86_400_000;
  const rowKey = (r: Record<string, Value>) => `${str(r.region)}|${str(r.dimension)}|${str(r.level)}`;
  const ownFirst = new Map<string, number>();
  for (const r of pub.metrics) {
    const period = str(r.period);
    if (period === 'all') continue;
    ownFirst.set(rowKey(r), Math.min(ownFirst.get(rowKey(r)) ?? Infinity, dayOf(period)));
  }
  const firstReferralYear = (scope: string): number => {
    const d = ownFirst.get(`${scope}|all|all`);
    return d === undefined ? -Infinity : new Date(d * 86_400_000).getUTCFullYear();
  };
  const yearsOf = new Map<string, Map<string, Form>>();
  for (const u of [...pub.uptake, ...pub.budget.observed]) {
    const q = quantity(`activations · ${str(u.region)} · activated in ${str(u.year)}`, u.activations);
    if (!q) continue;
    const m = yearsOf.get(str(u.region)) ?? new Map<string, Form>();
    m.set(str(u.year), q);
    yearsOf.set(str(u.region), m);
    // Nobody is activated after the export date, nor before the first referral month printed: such
    // an activation year holds 0, whatever the marker says.
    if ((Number(u.year) > exportYear || Number(u.year) < firstReferralYear(str(u.region))) && q.terms.size > 0) constrain([[1, q]], '=');
    if (typeof u.per1000 === 'number' && typeof u.eligible === 'number' && q.terms.size > 0) {
      constrain([[1, q], [-(u.per1000 * u.eligible) / 1000, { terms: new Map(), constant: 1 }]], '=');
    }
  }
  // Whoever was activated by the end of year Y was referred by then and counts among the activated
  // of a referral cohort up to Y: Σ activations in activation years ≤ Y ≤ Σ activated of cohorts ≤ Y.
  const cohortActivations = (scope: string, year: string): Form[] => {
    const yearRow = byName.get(`activations · ${scope} · ${year} · all=all`);
    if (yearRow) return [yearRow];
    return pub.metrics.filter((r) => str(r.region) === scope && str(r.dimension) === 'all' && str(r.period).startsWith(`${year}-`)).flatMap((r) => byName.get(name('activations', r)) ?? []);
  };
  // The difference is itself a count of patients (activated in a later year than referred): it is
  // checked with the within-row differences below.
  const sumOf = (forms: readonly Form[]): Form => {
    const f: Form = { terms: new Map(), constant: 0 };
    for (const g of forms) {
      f.constant += g.constant;
      for (const [j, a] of g.terms) f.terms.set(j, (f.terms.get(j) ?? 0) + a);
    }
    return f;
  };
  const activatedLater: { cell: string; cohorts: Form; activated: Form }[] = [];
  for (const [scope, years] of yearsOf) {
    // Only where the referral periods are printed (a plan may publish neither months nor years):
    // a period without a row then had no referrals.
    if (!ownFirst.has(`${scope}|all|all`)) continue;
    const sorted = [...years.keys()].sort();
    for (let k = 0; k < sorted.length; k++) {
      const upTo = sorted.slice(0, k + 1);
      const cohorts = upTo.flatMap((y) => cohortActivations(scope, y));
      constrain([...cohorts.map((f): [number, Form] => [1, f]), ...upTo.map((y): [number, Form] => [-1, years.get(y)!])], '>=');
      // From the export year on, nobody is activated later: 0 by definition, not a disclosure.
      if (cohorts.length > 0 && Number(sorted[k]) < exportYear) activatedLater.push({ cell: `activated in a later year than referred, referred up to ${sorted[k]} · ${scope}`, cohorts: sumOf(cohorts), activated: sumOf(upTo.map((y) => years.get(y)!)) });
    }
  }
  // Not yet at risk at 4 (12) weeks = activated in the last 28 (84) days before the export: in the
  // activation years those days fall in, so no more than those years' activations.
  const activatedBefore: { cell: string; scope: string; days: number; year: Form; activated: Form; atRisk: Form }[] = [];
  for (const [scope, years] of yearsOf) {
    const act = scopeAll('activations', scope);
    for (const [atRisk, days] of [['atRisk4w', 28], ['atRisk12w', 84]] as const) {
      const risk = scopeAll(atRisk, scope);
      if (!act || !risk) continue;
      const firstYear = new Date((e - (days - 1)) * 86_400_000).getUTCFullYear();
      const inWindow = [...years].filter(([y]) => Number(y) >= firstYear).map(([, f]) => f);
      if (inWindow.length > 0) constrain([...inWindow.map((f): [number, Form] => [1, f]), [-1, act], [1, risk]], '>=');
      // Within one year, the difference is a count of patients too (activated that year before the window).
      if (inWindow.length === 1) activatedBefore.push({ cell: `activated in ${firstYear} before the last ${days} days · ${scope}`, scope, days, year: inWindow[0]!, activated: act, atRisk: risk });
    }
  }
  for (const [scope, years] of yearsOf) {
    const all = scopeAll('activations', scope);
    if (all) sumEquals(all, [...years.values()]);
  }
  const national = yearsOf.get('national');
  if (national) {
    for (const [year, total] of national) {
      const parts = [...yearsOf].filter(([s]) => s !== 'national').flatMap(([, m]) => (m.has(year) ? [m.get(year)!] : []));
      if (parts.length > 0) sumEquals(total, parts);
    }
  }

  /** `count`: the earlier count where `now` is its own row's (a growth zero by definition is skipped, below). */
  const sinceBefore: { cell: string; now: Form; then: Form; count?: PreviousCount }[] = [];
  /** Unknowns that are an earlier publication's hidden counts, not this file's cells. */
  const earlierUnknowns = new Set<number>();
  /** Each earlier date's hidden counts as unknowns with that publication's relations, tied to the counts now (above). */
  const hiddenEarlier = (previous: PreviousPublication, exportDate: string, changedUnits: ReadonlySet<string>) => {
    const isEarlier = (c: PreviousCount) => c.kind !== 'clinic' && c.asOf < exportDate;
    for (const P of [...new Set((previous.hidden ?? []).filter(isEarlier).map((c) => c.asOf))].sort()) {
      const then = new Map<string, Form>();
      const rowsThen = new Map<string, Record<string, Value>>();
      for (const c of previous.counts) if (c.asOf === P && isEarlier(c)) then.set(containing(c)[0]!, { terms: new Map(), constant: c.value });
      const hiddenThen: PreviousCount[] = [];
      for (const c of previous.hidden ?? []) {
        const k = containing(c)[0]!;
        if (c.asOf !== P || !isEarlier(c) || then.has(k)) continue;
        then.set(k, { terms: new Map([[labels.length, 1]]), constant: 0 });
        earlierUnknowns.add(labels.length);
        labels.push(`${k} as of ${P} (hidden then)`);
        hiddenThen.push(c);
      }
      for (const c of [...previous.counts, ...hiddenThen]) {
        if (c.asOf === P && c.kind === 'metric') rowsThen.set(name('', c), { region: c.region, period: c.period, dimension: c.dimension, level: c.level });
      }
      // Its relations: a row it had not is 0; a total it had not, no relation.
      const groupsThen = new Map<string, { total: Record<string, Value>; parts: Record<string, Value>[] }>();
      // One relation per total and per way of splitting it, as this file's (above): each equity
      // dimension's levels sum to the total on their own. Until the review of session 27 the age
      // bands, sexes and referrers of a total were one sum, equal to it — three times the patients:
      // every chain whose earlier publication printed two breakdowns beside hidden counts read as
      // contradictory (exit 2), or, where it still had a solution, gave false bounds.
      const partOf = (how: string, total: Record<string, Value>, r: Record<string, Value>) => {
        const id = `${how}|${how === 'level' ? str(r.dimension) : ''}|${name('', total)}`;
        const g = groupsThen.get(id) ?? { total, parts: [] };
        g.parts.push(r);
        groupsThen.set(id, g);
      };
      for (const r of rowsThen.values()) {
        const period = str(r.period);
        if (r.region !== 'national') partOf('scope', { ...r, region: 'national' }, r);
        if (/^\d{4}-\d{2}$/.test(period)) partOf('period', { ...r, period: period.slice(0, 4) }, r);
        else if (/^\d{4}$/.test(period)) partOf('period', { ...r, period: 'all' }, r);
        if (r.dimension !== 'all') partOf('level', { ...r, dimension: 'all', level: 'all' }, r);
        for (const [big, small] of SUBSETS) {
          const b = then.get(name(big, r)), sm = then.get(name(small, r));
          if (b && sm && (b.terms.size > 0 || sm.terms.size > 0)) constrain([[1, b], [-1, sm]], '>=');
        }
      }
      for (const g of groupsThen.values()) {
        for (const c of COUNTS) {
          const t = then.get(name(c, g.total));
          const parts = g.parts.flatMap((r) => then.get(name(c, r)) ?? []);
          if (t && [t, ...parts].some((f) => f.terms.size > 0)) sumEquals(t, parts);
        }
      }
      const yearsThen = new Map<number, { national?: Form; parts: Form[] }>();
      for (const c of [...previous.counts, ...hiddenThen]) {
        if (c.asOf !== P || c.kind !== 'year') continue;
        const y = yearsThen.get(c.year) ?? { parts: [] };
        const f = then.get(containing(c)[0]!)!;
        if (c.region === 'national') y.national = f;
        else y.parts.push(f);
        yearsThen.set(c.year, y);
      }
      for (const y of yearsThen.values()) if (y.national && [y.national, ...y.parts].some((f) => f.terms.size > 0)) sumEquals(y.national, y.parts);
      // Each hidden count only grew since: now ≥ then (the same where final), now − then checked.
      for (const c of hiddenThen) {
        // A change listed for the whole country only (docs/disclosure-control.md "A corrected
        // closed month and the running totals") does not say which region changed: each region's
        // hidden count of that period may be the one. Until 6 December 2026 they were held equal
        // now, and a corrected month's national count (53 now) was pinned to its earlier 54.
        if (changedUnits.has(changedUnit(c)) || changedUnits.has(changedUnit({ ...c, region: 'national' })) || changedWithin(c, changedUnits)) continue;
        const candidates = containing(c);
        const at = candidates.findIndex((k) => byName.has(k));
        if (at < 0) continue;
        const now = byName.get(candidates[at]!)!, was = then.get(candidates[0]!)!;
        if (at === 0 && isFinal(c)) {
          constrain([[1, now], [-1, was]], '=');
          continue;
        }
        constrain([[1, now], [-1, was]], '>=');
        const what = c.kind === 'metric' ? c.period : c.kind === 'year' ? String(c.year) : '';
        sinceBefore.push({ cell: `${candidates[at]} − the same count as of ${P} (hidden then)${at > 0 ? ` (${what})` : ''}`, now, then: was, ...(at === 0 ? { count: c } : {}) });
      }
    }
  };
  /** The counts containing an earlier count, nearest first: its own row, its year's, its scope's whole export. */
  const containing = (c: PreviousCount): string[] => {
    if (c.kind === 'metric') {
      const row = (period: string) => ({ region: c.region, period, dimension: c.dimension, level: c.level });
      return [...new Set([name(c.measure, row(c.period)), ...(c.period.length === 7 ? [name(c.measure, row(c.period.slice(0, 4)))] : []), name(c.measure, row('all'))])];
    }
    if (c.kind === 'clinic') return [`${c.measure} · clinic ${c.region}/${c.clinic}`, name(c.measure, { region: c.region, period: 'all', dimension: 'all', level: 'all' })];
    return [`activations · ${c.region} · activated in ${c.year}`, name('activations', { region: c.region, period: 'all', dimension: 'all', level: 'all' })];
  };
  // A printed count that fell since an earlier publication printed it (rows removed or corrected):
  // the fall itself is a count of patients, disclosed when it is small (review).
  const falls: AuditInterval[] = [];
  // Periods the publication says changed since an earlier one (a closed month's late registration
  // or correction, a row removed; docs/disclosure-control.md "Changed since an earlier
  // publication"): a reader knows their counts are not the earlier prints, so none is equated with
  // one, nor bounded by it; |now − then| is still a count of patients, checked below.
  // With them, the units whose printed counts show a change the publication does not list (made
  // without --previous): read as listed, so the audit reports the change instead of refusing.
  // A whole-country period listed alone frees the regions' counts of it the earlier publication
  // hid (`hiddenEarlier`); those it printed stay tied: one that changed is listed for its region.
  const changedUnits = changedUnitsIn(pub);
  if (previous) for (const u of unlistedChanges(pub, previous)) changedUnits.add(u);
  // A relation of an earlier publication whose hidden parts' sum fell, as both files print it:
  // those parts are freed above (read as listed), and the fall, a count of patients, is reported
  // like a printed count's (docs/disclosure-control.md "Hidden parts that fell").
  for (const { relation: r, now } of previous ? hiddenPartsFellIn(pub, previous) : []) {
    const change = r.then - now;
    if (change <= rule.threshold - 1) falls.push({ cell: `${containing(r.total)[0]} − the parts printed, published on ${r.asOf} − the same parts now (the hidden parts fell)`, lower: change, upper: change });
  }
  const changedRows: { cell: string; now: Form; then: Form }[] = [];
  /** Each count's values as printed by an earlier publication, its own row, where its unit did not change since. */
  const printedBefore = new Map<string, Set<number>>();
  for (const c of previous?.counts ?? []) {
    if (changedUnits.has(changedUnit(c))) continue;
    const k = containing(c)[0]!;
    printedBefore.set(k, (printedBefore.get(k) ?? new Set()).add(c.value));
  }
  if (previous) {
    const monthly = pub.metrics.some((r) => /^\d{4}-\d{2}$/.test(str(r.period)));
    // Each earlier count's closed periods, read by both uses below (the set of changed units is fixed by now).
    const closedOf = new Map<PreviousCount, ReturnType<typeof closedPeriodsOf<Record<string, Value>>>>();
    const closedAt = (c: PreviousCount) => {
      if (!closedOf.has(c)) closedOf.set(c, closedPeriodsOf(c, pub.metrics, monthly ? 'month' : 'year', changedUnits));
      return closedOf.get(c);
    };
    // A period's earlier counts by row and date, for the within-row differences of a changed period.
    const earlierRow = new Map<string, Map<string, number>>();
    for (const c of previous.counts) {
      if (c.kind !== 'metric') continue;
      const k = `${c.asOf}|${name('', { region: c.region, period: c.period, dimension: c.dimension, level: c.level })}`;
      earlierRow.set(k, (earlierRow.get(k) ?? new Map()).set(c.measure, c.value));
    }
    // Earlier counts whose own row's fall is reported: the net change below would repeat it.
    const fellOwn = new Set<PreviousCount>();
    for (const c of previous.counts) {
      const P = c.asOf;
      const candidates = containing(c);
      const at = candidates.findIndex((k) => byName.has(k));
      if (at < 0) continue;
      const now = byName.get(candidates[at]!)!;
      if (now.terms.size === 0 && breaksEarlier(c, now.constant, at === 0)) {
        // The registry changed: no growth bound holds, but the change is read off the two prints.
        const change = Math.abs(c.value - now.constant);
        const how = now.constant < c.value ? 'it fell' : 'a closed period changed';
        if (change <= rule.threshold - 1) {
          falls.push({ cell: `${candidates[at]} published on ${P} − the same count now (${how})`, lower: change, upper: change });
          if (at === 0) fellOwn.add(c);
        }
        continue;
      }
      if (changedUnits.has(changedUnit(c))) {
        if (now.terms.size > 0) changedRows.push({ cell: `${candidates[at]} now − published on ${P} (changed since)`, now, then: { terms: new Map(), constant: c.value } });
        if (c.kind === 'metric' && at === 0) {
          // Within its row: (big − small) now − then, e.g. those not activated (one removed, none activated).
          const then = earlierRow.get(`${P}|${name('', { region: c.region, period: c.period, dimension: c.dimension, level: c.level })}`)!;
          const row = { region: c.region, period: c.period, dimension: c.dimension, level: c.level };
          for (const [big, small] of SUBSETS) {
            if (big !== c.measure || !then.has(small)) continue;
            const b = byName.get(name(big, row)), sm = byName.get(name(small, row));
            if (!b || !sm || (b.terms.size === 0 && sm.terms.size === 0)) continue;
            changedRows.push({ cell: `${big} − ${small} · ${c.region} · ${c.period} · ${c.dimension}=${c.level} now − published on ${P} (changed since)`, now: sumOf([b, { terms: new Map([...sm.terms].map(([j, a]) => [j, -a])), constant: -sm.constant }]), then: { terms: new Map(), constant: c.value - then.get(small)! } });
          }
        }
        continue;
      }
      const then: Form = { terms: new Map(), constant: c.value };
      // Another cut of the same extract (same export date): its own row's count is this one.
      const sameExtract = P === pub.exportDate && (now.terms.size > 0 || now.constant === c.value);
      if (at === 0 && (isFinal(c) || sameExtract)) {
        constrain([[1, now], [-1, then]], '=');
        continue;
      }
      constrain([[1, now], [-1, then]], '>=');
      const what = c.kind === 'metric' ? c.period : c.kind === 'year' ? String(c.year) : `clinic ${c.clinic}`;
      sinceBefore.push({ cell: `${candidates[at]} − the same count published on ${P}${at > 0 ? ` (${what})` : ''}`, now, then, ...(at === 0 ? { count: c } : {}) });
      // A row's referrals up to P are its finest periods' that ended by then (final): equal to
      // their sum now where none changed since (else below).
      const closed = closedAt(c);
      const forms = closed?.unchanged.map((r) => byName.get(name('referrals', r)));
      if (closed && closed.changed.length === 0 && forms!.every((f) => f)) sumEquals(then, forms as Form[]);
    }
    // The counts an earlier publication hid (of the files named: a carried chain has printed
    // counts only): unknowns ≥ 0, tied by its own relations (national = Σ regions, a year = Σ its
    // months, …, within a row activated ≤ referred, …) to what it printed, and each only grew
    // since: now ≥ then, now − then a count of patients checked like a printed one's. Until
    // 5 December 2026 they were left out, and (151 − 138) − (101 − 91) = 3 patients of two hidden
    // regions passed unseen (docs/disclosure-control.md "How it is protected").
    hiddenEarlier(previous, pub.exportDate, changedUnits);
    // Where periods ending by P changed since (listed): P's own sum holds among its values as of P
    // — P's count = Σ unchanged periods now + Σ changed periods as printed on P — and Σ of the
    // periods now − P's count is their net change since, a count of patients (rows registered
    // late or removed), checked like the other differences, whatever P's own row does now.
    // Until 4 December 2026 both were dropped: 583 − 542 − 40 = 1 passed unseen
    // (docs/disclosure-control.md "A corrected closed month and the running totals").
    const thenOf = referralsAsOf(previous.counts);
    for (const c of previous.counts) {
      const closed = closedAt(c);
      if (!closed || closed.changed.length === 0 || c.kind !== 'metric') continue;
      const unchanged = closed.unchanged.map((r) => byName.get(name('referrals', r)));
      const changedNow = closed.changed.map((r) => byName.get(name('referrals', r)));
      if (![...unchanged, ...changedNow].every((f) => f)) continue;
      const changedThen = closed.changed.map((r) => thenOf(c.asOf, r));
      if (changedThen.every((v) => v !== undefined)) {
        sumEquals({ terms: new Map(), constant: c.value - changedThen.reduce((t, v) => t + v!, 0) }, unchanged as Form[]);
      }
      // Its own row fell and is reported already: where the row has no period after P, the net
      // change is that same difference (reported twice until 4 December 2026).
      const series = monthly ? /^\d{4}-\d{2}$/ : /^\d{4}$/;
      const periodsNow = pub.metrics.filter((r) => str(r.region) === c.region && str(r.dimension) === c.dimension && str(r.level) === c.level && series.test(str(r.period)) && (c.period === 'all' || str(r.period).startsWith(c.period))).length;
      if (fellOwn.has(c) && periodsNow === closed.unchanged.length + closed.changed.length) continue;
      const upTo = monthly ? c.asOf.slice(0, 7) : c.asOf.slice(0, 4);
      changedRows.push({ cell: `referrals · ${c.region} · ${c.period} · ${c.dimension}=${c.level}: periods up to ${upTo} now − published on ${c.asOf} (closed periods changed since)`, now: sumOf([...unchanged, ...changedNow] as Form[]), then: { terms: new Map(), constant: c.value } });
    }
  }
  // Two earlier publications against each other: both printed numbers, so a later count less an
  // earlier one it contains (own row, its year, its scope's whole export) is a known count of
  // patients. (Their own relations are not here: each was checked when it was published.)
  const minSensitiveEarly = rule.zerosSensitive ? 0 : 1;
  const earlierPairs: AuditInterval[] = [];
  if (previous && previous.exportDates.length > 1) {
    const byDate = new Map<string, Map<string, PreviousCount>>();
    for (const c of previous.counts) {
      const m = byDate.get(c.asOf) ?? new Map<string, PreviousCount>();
      m.set(containing(c)[0]!, c);
      byDate.set(c.asOf, m);
    }
    for (const c of previous.counts) {
      for (const [date, later] of byDate) {
        if (date <= c.asOf) continue;
        containing(c).forEach((k, at) => {
          const d = later.get(k);
          if (!d || (at === 0 && isFinal(c) && d.value === c.value)) return;
          // A fall, or a closed period changed, gives its size away too (|diff|).
          const diff = Math.abs(d.value - c.value);
          if (diff >= minSensitiveEarly && diff <= rule.threshold - 1) earlierPairs.push({ cell: `${k} published on ${date} − ${containing(c)[0]} published on ${c.asOf}`, lower: d.value - c.value, upper: d.value - c.value });
        });
      }
    }
  }

  // Solve: min and max of every unknown, and of every within-row difference, per independent
  // component of the unknowns (polytope-ranges.ts). Every count is a count of some of the
  // referral rows read, so the printed number of rows bounds every unknown.
  const n = labels.length;
  const cap = typeof pub.rows === 'number' && pub.rows >= 0 ? pub.rows : NO_CAP;
  const ranges = new PolytopeRanges({ variables: n, rows, cap });
  const p = rule.protectionLevel;
  const tol = 1e-6;
  const upperOf = (j: number, v: number) => (cap === NO_CAP && (ranges.atCap(j, v) || unboundedUnderBox(v)) ? Infinity : v);
  const minSmall = rule.zerosSensitive ? 0 : 1;
  const t1 = rule.threshold - 1;
  /**
   * Exact bounds where the spread seen lies wholly inside the sensitive range (minSmall … t − 1):
   * a count known to lie there is known to be small, however wide (docs/disclosure-control.md
   * "Audit"). Only a protection level below the threshold leaves such an interval at least p
   * wide; until 6 December 2026 the audit passed it (zeros sensitive, threshold 5, protection
   * level 2: a hidden 0 known to be 0 … 3).
   */
  const exactInside = (terms: ReadonlyMap<number, number>, constant: number, iv: { lower: number; upper: number; exact: boolean }): { lower: number; upper: number; exact: boolean } => {
    if (iv.exact || iv.upper + constant > t1 + tol || iv.lower + constant < minSmall - tol) return iv;
    const upper = ranges.maximum(terms);
    // It reaches past the range: the interval is at least the spread seen up to that maximum, not
    // the spread alone. Until 6 December 2026 the spread was returned, and a hidden 0 whose points
    // seen happened to lie in 0 … 3 was reported as known to be small though nothing bounds it
    // (the run of such a plan was refused for it; docs/disclosure-control.md "Audit").
    if (upper + constant > t1 + tol) return { lower: iv.lower, upper: Math.max(iv.upper, upper), exact: false };
    const lower = 0 - ranges.maximum(new Map([...terms].map(([j, a]) => [j, -a])));
    return { lower, upper, exact: true };
  };
  const inside = (i: AuditInterval) => i.lower >= minSmall - tol && i.upper <= t1 + tol;
  const cellIntervals = ranges.variableIntervals(p - tol);
  // What follows reports exact intervals only (a wide difference is never printed, a cell's
  // interval below keeps the spread found above): the LPs may return any optimal point.
  ranges.onlyExactFromHere();
  const intervals: AuditInterval[] = cellIntervals.map((iv0, j) => {
    const iv = earlierUnknowns.has(j) ? iv0 : exactInside(new Map([[j, 1]]), 0, iv0);
    return { cell: labels[j]!, lower: round(iv.lower), upper: round(upperOf(j, iv.upper)) };
  });
  // An earlier publication's hidden count is reported where it is narrow and may be small: the
  // suppression protects what such counts grew by, not the width of each (docs/disclosure-control.md
  // "How it is protected"; a complement of 76 printed as 76 a month later is not a small count).
  // A hidden count pinned to exactly what an earlier publication printed for the same row (its
  // unit not changed since) says only "no growth": that number was public, and a growth of 0 is
  // not sensitive unless zeros are (docs/disclosure-control.md "Audit"). Such a cell is listed
  // apart, not as a failure. Until 6 December 2026 it failed the audit: a monthly chain's hidden
  // months of a closed year, tied to the earlier file's by the year it printed in both, pinned the
  // tool's own correct publications (Sjælland 2024-09 retained 4w: 8 … 8, printed 8 a month before).
  const pinnedToPrinted = (i: AuditInterval, j: number) =>
    !rule.zerosSensitive && !earlierUnknowns.has(j) && i.lower === i.upper && (printedBefore.get(labels[j]!)?.has(i.lower) ?? false);
  const narrowAll = intervals.filter((i, j) => (i.upper - i.lower < p - tol || (!earlierUnknowns.has(j) && inside(i))) && (!earlierUnknowns.has(j) || (i.lower <= rule.threshold - 1 + tol && i.upper >= minSmall - tol)));
  const unchangedSincePrinted = intervals.filter((i, j) => i.upper - i.lower < p - tol && pinnedToPrinted(i, j));
  const narrow = narrowAll.filter((i) => !unchangedSincePrinted.includes(i));

  // Within-row differences (patients too): collected, then bounded together.
  const differences: { cell: string; kind: string; form: Form }[] = [];
  const difference = (cell: string, kind: string, big: Form, small: Form) => {
    const form: Form = { terms: new Map(big.terms), constant: big.constant - small.constant };
    for (const [j, a] of small.terms) form.terms.set(j, (form.terms.get(j) ?? 0) - a);
    for (const [j, a] of form.terms) if (Math.abs(a) < 1e-12) form.terms.delete(j);
    differences.push({ cell, kind, form });
  };
  // The first referral month printed: a year or the whole export began no earlier (a 2-month
  // export has nobody at risk at 12 weeks even in its "all" row). A region's months are printed
  // only where it had referrals, so its own first month bounds its rows (and their equity
  // levels): a region first referring in the last 12 weeks has nobody at risk at 12 weeks, a
  // zero by definition that the suppression never protects (cell-model.ts) and the audit must
  // not report as pinned when zeros are sensitive. Without months (a plan may publish years
  // only), the first year printed began no earlier.
  const MONTH = /^\d{4}-\d{2}$/, YEAR = /^\d{4}$/;
  const series = pub.metrics.some((r) => MONTH.test(str(r.period))) ? MONTH : YEAR;
  const firstOf = new Map<string, number>();
  for (const r of pub.metrics) {
    const period = str(r.period);
    if (!series.test(period)) continue;
    const region = str(r.region), d = dayOf(period);
    firstOf.set(region, Math.min(firstOf.get(region) ?? Infinity, d));
    firstOf.set('', Math.min(firstOf.get('') ?? Infinity, d));
  }
  const earliest = firstOf.get('') ?? -Infinity;
  // The whole country's equity level (e.g. referrer "other") is the sum of the regions that
  // print that level: it began no earlier than the first of them.
  const levelFirst = new Map<string, number>();
  for (const r of pub.metrics) {
    if (str(r.region) === 'national' || str(r.dimension) === 'all') continue;
    const k = `${str(r.dimension)}=${str(r.level)}`;
    levelFirst.set(k, Math.min(levelFirst.get(k) ?? Infinity, firstOf.get(str(r.region)) ?? earliest));
  }
  const firstOfRow = (r: Record<string, Value>) =>
    (str(r.region) === 'national' && str(r.dimension) !== 'all' ? levelFirst.get(`${str(r.dimension)}=${str(r.level)}`) : firstOf.get(str(r.region))) ?? earliest;
  // A row's own earliest period printed (ownFirst, above: an equity level's years): a level whose
  // referrals began within the last weeks has nobody at risk by definition, whatever its region's
  // first month (the cell model reads the same rows, cell-model.ts).
  const firstDayOf = (r: Record<string, Value>) => {
    const period = str(r.period);
    return Math.max(period === 'all' ? ownFirst.get(rowKey(r)) ?? -Infinity : dayOf(period), firstOfRow(r));
  };
  for (const r of pub.metrics) {
    const period = str(r.period);
    const first = firstDayOf(r);
    for (const [big, small] of SUBSETS) {
      const b = byName.get(name(big, r)), s = byName.get(name(small, r));
      if (!b || !s) continue;
      // Zero by definition: nobody in a cohort that began < 4 (12) weeks before the export is at risk yet.
      const w = (c: string) => (c.endsWith('12w') ? 84 : c.endsWith('4w') ? 28 : 0);
      if (w(big) > 0 && first + w(big) > e) continue;
      difference(`${big} − ${small} · ${str(r.region)} · ${period} · ${str(r.dimension)}=${str(r.level)}`, `${big}−${small}`, b, s);
    }
  }
  for (const c of pub.funnel?.rows ?? []) {
    const ref = byName.get(`referrals · clinic ${str(c.region)}/${str(c.clinic)}`), act = byName.get(`activations · clinic ${str(c.region)}/${str(c.clinic)}`);
    if (ref && act) difference(`referrals − activations · clinic ${str(c.region)}/${str(c.clinic)}`, 'clinic', ref, act);
  }
  for (const d of activatedLater) difference(d.cell, 'activated-later', d.cohorts, d.activated);
  for (const d of sinceBefore) if (!d.count || !grownByDefinitionZero(d.count, firstDayOf, e)) difference(d.cell, 'since-previous', d.now, d.then);
  for (const d of changedRows) difference(d.cell, 'changed-since', d.now, d.then);
  // year − (activated − at risk), as (year + at risk) − activated.
  // A scope whose first printed month (or year) began within the window had every activation in
  // it: none before, by definition (the cell model's structural zero, cell-model.ts). Until
  // 3 December 2026 this went unnoticed because the eligible file's years after the export date
  // were printed too, and with more than one year in the window the difference was not checked.
  for (const d of activatedBefore) {
    if ((firstOf.get(d.scope) ?? -Infinity) + d.days > e) continue;
    difference(d.cell, 'activated-before-window', sumOf([d.year, d.atRisk]), d.activated);
  }
  const minSensitive = rule.zerosSensitive ? 0 : 1;
  const kinds = differences.map((d) => d.kind);
  const first = ranges.formIntervals(differences.map((d) => d.form.terms), p - tol, kinds, true);
  // Differences of two hidden counts (b − s, both unknown) are ≥ 0 by their own row, so each is
  // at most the maximum of their sum: when the sum of a kind's open ones cannot reach the
  // sensitive range, none of them can (typically "activated − at risk", pinned at 0 for old
  // cohorts: one LP for many instead of two each).
  const settled = new Set<number>();
  const openOfKind = new Map<string, number[]>();
  first.forEach((iv, i) => {
    if (iv || differences[i]!.form.constant !== 0 || differences[i]!.form.terms.size === 0) return;
    openOfKind.set(kinds[i]!, [...(openOfKind.get(kinds[i]!) ?? []), i]);
  });
  // Group testing: a group whose sum stays below settles all its members. Where it reaches the
  // sensitive range, the members positive at the maximum found can reach above 0 and are left to
  // their own LPs (below); the rest are tried again as a group, re-solved from the last basis.
  // Any split is sound: a settled difference is one whose maximum is proven below, and every
  // other one gets its exact interval, so the differences reported do not depend on the split.
  // Until 6 December 2026 a group that failed was halved and both halves tried (2k·log(n/k) LPs
  // for k members that reach above 0, each from another objective): on the chained audits of
  // the tests, ~60 % of an audit's LPs.
  const settle = (list: readonly number[]) => {
    let open = list;
    while (open.length > 0) {
      const sum = new Map<number, number>();
      for (const i of open) for (const [j, a] of differences[i]!.form.terms) sum.set(j, (sum.get(j) ?? 0) + a);
      if (ranges.maximum(sum) < minSensitive - tol) {
        open.forEach((i) => settled.add(i));
        return;
      }
      const zeroThere = open.filter((i) => ranges.atLastMaximum(differences[i]!.form.terms) <= tol);
      // None positive at that point (rounding): halves, as before.
      if (zeroThere.length === open.length) {
        if (open.length > 1) {
          settle(open.slice(0, open.length >> 1));
          settle(open.slice(open.length >> 1));
        }
        return;
      }
      open = zeroThere;
    }
  };
  for (const list of openOfKind.values()) settle(list);
  const rest = differences.flatMap((d, i) => (first[i] || settled.has(i) ? [] : [i]));
  const exact = ranges.formIntervals(rest.map((i) => differences[i]!.form.terms), p - tol, rest.map((i) => kinds[i]!));
  const disclosedDifferences: AuditInterval[] = [];
  const wide = new Map<number, Interval>(first.flatMap((iv, i) => (iv ? [[i, iv] as const] : [])));
  rest.forEach((i, r) => wide.set(i, exact[r]!));
  [...wide.keys()].sort((a, b) => a - b).forEach((i) => {
    const { cell, form } = differences[i]!;
    // At least p wide, yet perhaps wholly inside the sensitive range (exactInside, above).
    const iv = exactInside(form.terms, form.constant, wide.get(i)!);
    if (!iv.exact) return; // proven at least p wide, and not only small
    const lo = iv.lower + form.constant, hi = iv.upper + form.constant;
    // A changed period's difference may be negative (rows removed): −1 gives one patient away as 1 does.
    const inRange = (a: number, b: number) => b >= minSensitive - tol && a <= rule.threshold - 1 + tol;
    if ((hi - lo < p - tol && (inRange(lo, hi) || inRange(-hi, -lo))) || (lo >= minSmall - tol && hi <= t1 + tol)) disclosedDifferences.push({ cell, lower: round(lo), upper: round(hi) });
  });
  disclosedDifferences.push(...earlierPairs, ...falls);
  ranges.dispose();
  // A cost is the price model applied to counts: printed, it must rest on printed counts only.
  const costs = costsOnSuppressed(pub.budget, pub.uptake, (scope, year) => yearsOf.get(scope)?.get(year)?.terms.size === 0);
  return { rule, suppressedCells: n - earlierUnknowns.size, countCells, narrow, ...(unchangedSincePrinted.length > 0 ? { unchangedSincePrinted } : {}), disclosedDifferences, intervals: intervals.filter((_, j) => !earlierUnknowns.has(j)), ...(earlierUnknowns.size > 0 ? { earlierHidden: intervals.filter((_, j) => earlierUnknowns.has(j)) } : {}), costsOnSuppressed: costs, absentRows: absentRows(pub, rule.zerosSensitive), lpSolves: ranges.lpSolves, components: ranges.components };
}

/**
 * Whether an earlier count's growth since is 0 by definition: an at-risk or retained count of a
 * cohort that began less than 4 (12) weeks before this export has nobody in it now, nor then (an
 * earlier date). With zeros sensitive the audit reported every such growth of a monthly chain as
 * pinned — "atRisk12w · Hovedstaden · 2025-11 − the same count published on 2025-11-30: 0 … 0",
 * 8 per file on the hidden-parts chain of 30 November and 31 December — and every such chain
 * failed (review of session 27, finding 4; docs/disclosure-control.md "Audit"). `firstDayOf`: the
 * row's first day, as the within-row differences read it (day numbers since 1970; `exportDay` too).
 */
export function grownByDefinitionZero(c: PreviousCount, firstDayOf: (r: Record<string, Value>) => number, exportDay: number): boolean {
  if (c.kind !== 'metric') return false;
  const window = c.measure.endsWith('12w') ? 84 : c.measure.endsWith('4w') ? 28 : 0;
  return window > 0 && firstDayOf({ region: c.region, period: c.period, dimension: c.dimension, level: c.level }) + window > exportDay;
}

/**
 * The units (changedUnit keys) where `pub` prints a count that breaks an earlier print of the same
 * count (it fell, or a final one differs: `breaksEarlier`) though `pub` does not list the unit as
 * changed, as a publication made without --previous does not. A reader sees the change in the two
 * prints, so the audit reads such a unit as if listed (docs/disclosure-control.md "Changed since
 * an earlier publication"): none of its counts is equated with, or bounded by, an earlier print,
 * nor summed into an earlier row; the change itself is still reported (the falls above). Equated,
 * the two prints left no table of counts (`ContradictoryNumbers`) and the audit refused the very
 * file that leaked. With each region's unit the whole country's; a row spanning several periods
 * (a year with months printed, the whole export), or the whole country's, that broke marks each
 * period, or region, printed within it: which of them changed is not known.
 */
export function unlistedChanges(pub: PublishedUptake, previous: PreviousPublication): Set<string> {
  const str = (v: Value) => String(v);
  const printed = printedNow(pub);
  const monthly = pub.metrics.some((r) => /^\d{4}-\d{2}$/.test(str(r.period)));
  const regions = [...new Set(pub.metrics.map((r) => str(r.region)))];
  const listed = changedUnitsIn(pub);
  const units = new Set<string>();
  const mark = (c: PreviousCount) => {
    if (c.kind === 'clinic') { units.add(changedUnit(c)); return; }
    // The whole country's change is some region's: which one is not known.
    for (const region of c.region === 'national' ? regions : [c.region, 'national']) {
      if (c.kind === 'year') { units.add(changedUnit({ ...c, region })); continue; }
      units.add(changedUnit({ kind: 'metric', region, period: c.period }));
      if (c.period !== 'all' && !(monthly && /^\d{4}$/.test(c.period))) continue;
      for (const r of pub.metrics) {
        const p = str(r.period);
        if (str(r.region) === region && p !== c.period && (c.period === 'all' || p.startsWith(`${c.period}-`))) units.add(changedUnit({ kind: 'metric', region, period: p }));
      }
    }
  };
  // A row spanning several periods (a year with months printed, the whole export) or the whole
  // country's, one of whose periods or regions the publication lists as changed: its change is
  // that listed one, so the rest of it stays read as printed before — unless its closed periods'
  // sum says otherwise: the unchanged ones now and the listed ones as printed then no longer give
  // its earlier count (`closedSumAgrees`, the rule by which the run lists them: cell-model.ts,
  // `unprintedPeriodsChanged`). A listing made against other earlier files than the audit's
  // (the run's --previous, not these) explains only its own periods: until 5 December 2026 one
  // listed month explained the year, and a hidden month's unlisted change was read as none.
  const referralsPrinted = (r: PublishedUptake['metrics'][number]) => (typeof r.referrals === 'number' ? r.referrals : undefined);
  const thenOf = referralsAsOf(previous.counts);
  const explainedByListed = (c: PreviousCount): boolean => {
    if (c.kind !== 'metric') return false;
    const closed = closedPeriodsOf(c, pub.metrics, monthly ? 'month' : 'year', listed);
    if (closed && closedSumAgrees(c, closed, thenOf, referralsPrinted) === false) return false;
    const inRow = (r: PublishedUptake['metrics'][number]) => {
      const p = str(r.period);
      return (c.region === 'national' || str(r.region) === c.region) && p !== c.period && (c.period === 'all' || p.startsWith(`${c.period}-`));
    };
    return pub.metrics.some((r) => inRow(r) && listed.has(changedUnit({ kind: 'metric', region: str(r.region), period: str(r.period) })))
      || (c.region === 'national' && regions.some((region) => listed.has(changedUnit({ kind: 'metric', region, period: c.period }))));
  };
  for (const c of previous.counts) {
    const now = printed.get(printedKey(c));
    if (now !== undefined && breaksEarlier(c, now, true) && !listed.has(changedUnit(c)) && !explainedByListed(c)) mark(c);
  }
  // A row hidden here whose sum says the same: the periods the earlier publication did not print
  // changed (the run's own rule, `unprintedPeriodsChanged`), and a final row (a closed year) is no
  // longer read as its earlier count — the run knows whether it changed, a reader does not. Where
  // a period needed is hidden here the sum is not judged (the reader cannot either).
  const finest = monthly ? 'month' : 'year';
  const known = new Set([...listed, ...units]);
  for (const c of previous.counts) {
    const closed = isFinal(c) ? closedPeriodsOf(c, pub.metrics, finest, known) : undefined;
    if (closed && closedSumAgrees(c, closed, thenOf, referralsPrinted) === false) for (const region of [c.region, 'national']) units.add(changedUnit({ ...c, region }));
  }
  for (const u of unprintedPeriodsChanged(previous, pub.metrics, finest, known, referralsPrinted)) units.add(u);
  // A relation of an earlier publication whose hidden parts' sum, as the two files print it, is
  // smaller now: rows were removed from them, and which part lost them no print says. Read as
  // listed (the run lists them: cell-model.ts, hidden-parts.ts `hiddenPartsFell`); the fall itself
  // is reported (`hiddenPartsFellIn`).
  for (const u of fallenUnits(hiddenPartsFellIn(pub, previous))) units.add(u);
  return units;
}

/**
 * Whether a period inside an earlier count's row is listed as changed (`changed`: units of
 * `changedUnit`): a month of its year, any period of its whole export; of its region, or of the
 * whole country (whose listing alone does not say which region's), or of any region for the whole
 * country's row. Rows were then registered late or removed within that row, so "it only grew since"
 * may be false: a year row whose month lost a withdrawn patient is smaller now where the months
 * after it added none (docs/disclosure-control.md "Hidden parts that fell").
 */
function changedWithin(c: PreviousCount, changed: ReadonlySet<string>): boolean {
  if (c.kind !== 'metric' || /^\d{4}-\d{2}$/.test(c.period)) return false;
  for (const u of changed) {
    const [kind, region, period] = u.split('|') as [string, string, string];
    if (kind !== 'm' || period === c.period || !(c.period === 'all' || period.startsWith(`${c.period}-`))) continue;
    if (c.region === 'national' || region === c.region || region === 'national') return true;
  }
  return false;
}

/** A count's key in `printedNow`. */
function printedKey(c: PreviousCount): string {
  return c.kind === 'metric' ? `m|${c.measure}|${c.region}|${c.period}|${c.dimension}|${c.level}` : c.kind === 'year' ? `y|${c.region}|${c.year}` : `c|${c.measure}|${c.region}|${c.clinic}`;
}

/** The counts `pub` prints as numbers, by `printedKey`. */
function printedNow(pub: PublishedUptake): Map<string, number> {
  const str = (v: Value) => String(v);
  const printed = new Map<string, number>();
  for (const r of pub.metrics) {
    for (const c of COUNTS) {
      const v = r[c];
      if (typeof v === 'number') printed.set(`m|${c}|${str(r.region)}|${str(r.period)}|${str(r.dimension)}|${str(r.level)}`, v);
    }
  }
  for (const u of [...pub.uptake, ...pub.budget.observed]) if (typeof u.activations === 'number') printed.set(`y|${str(u.region)}|${str(u.year)}`, u.activations);
  for (const c of pub.funnel?.rows ?? []) {
    for (const m of ['referrals', 'activations'] as const) if (typeof c[m] === 'number') printed.set(`c|${m}|${str(c.region)}|${str(c.clinic)}`, c[m]);
  }
  return printed;
}

/**
 * The relations of the earlier publications named whose total they printed and some of whose
 * parts they hid, where the hidden parts' sum as `pub` prints it now is below their sum then (the
 * total less the printed parts): rows removed since (docs/disclosure-control.md "Hidden parts that
 * fell"). Relations of a unit `pub` lists as changed are left to the listing.
 */
export function hiddenPartsFellIn(pub: PublishedUptake, previous: PreviousPublication): ReturnType<typeof hiddenPartsFell> {
  const printed = printedNow(pub);
  return hiddenPartsFell(hiddenPartsRelations(previous, pub.exportDate, printedKey), (c) => printed.get(printedKey(c)), changedUnitsIn(pub));
}

const round = (v: number) => (Number.isFinite(v) ? Math.round(v * 1e6) / 1e6 : v);

/** A share for the audit's report of the information loss (part ÷ whole, 6 decimals; 0 of nothing). */
export function lossShare(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 1e6) / 1e6 : 0;
}
