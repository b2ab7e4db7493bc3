/**
 * Small-cell suppression for every uptake output (tables, charts, JSON, CSV).
 *
 * Primary: any count below the threshold k (default 5), zero included, is shown as `<k`.
 * Secondary (complementary): counts are linked by additive lines — a total and the parts
 * that sum to it (months → year → whole export, regions → national, age bands / sexes /
 * referrer types → all, clinics → region, activated + not activated → referrals, …). A line with
 * exactly one hidden member would give that member away by subtraction, so the smallest
 * still-visible part of such a line (else its total) is suppressed too; repeated over all lines
 * until nothing changes (a fixed point: every line has 0 or ≥ 2 hidden members).
 * Complementary cells are shown as `suppressed`, so a `<k` is never a false statement.
 *
 * Derived quantities are hidden with their counts: a rate or CI when its numerator or
 * denominator is hidden, a median delay when the activations are, a funnel limit when the
 * clinic's referrals are (the limits are a function of n), an observed cost when its activations
 * are. Counts that are never shown but can be computed from shown ones (not activated =
 * referrals − activations; not retained = at risk − retained; activated but not yet at risk)
 * take part as hidden cells, so they cannot be derived when small either.
 *
 * Limits: the line rule blocks recovery by one subtraction. A combination of several lines can
 * in rare patterns still pin a cell (a hidden cell that is a "bridge" between two otherwise
 * separate groups of hidden cells); retained4w − retained12w is not linked.
 */
import type { ActivationYearCount, MetricRow, Scope } from './aggregate.js';
import type { ClinicFunnelRow } from './clinic-funnel.js';
import type { ObservedCostRow } from './budget-impact.js';
import type { UptakeRateRow } from './uptake-per-eligible.js';

export const SUPPRESSED = 'suppressed';

/** An additive relation: total = Σ parts (cell keys). */
export interface SuppressionLine {
  total: string;
  parts: readonly string[];
}

export interface SuppressionMask {
  threshold: number;
  /** Keys below the threshold. */
  primary: Set<string>;
  /** Keys hidden to protect the primary ones. */
  secondary: Set<string>;
}

/** Primary + secondary suppression over cells linked by additive lines (see file comment). */
export function suppressCells(values: ReadonlyMap<string, number>, lines: readonly SuppressionLine[], threshold: number): SuppressionMask {
  const primary = new Set<string>();
  for (const [k, v] of values) if (v < threshold) primary.add(k);
  const secondary = new Set<string>();
  const hidden = (k: string) => primary.has(k) || secondary.has(k);
  const value = (k: string) => values.get(k) ?? 0;
  let changed = true;
  while (changed) {
    changed = false;
    for (const line of lines) {
      let count = hidden(line.total) ? 1 : 0;
      for (const p of line.parts) if (hidden(p)) count++;
      if (count !== 1) continue;
      let pick: string | undefined;
      for (const p of line.parts) {
        if (hidden(p) || !values.has(p)) continue;
        if (pick === undefined || value(p) < value(pick) || (value(p) === value(pick) && p < pick)) pick = p;
      }
      pick ??= hidden(line.total) ? undefined : line.total;
      if (pick === undefined) continue; // the one hidden member is the total and no part is shown: nothing to protect against
      secondary.add(pick);
      changed = true;
    }
  }
  return { threshold, primary, secondary };
}

/** A shown count, `<k`, or `suppressed`. */
export type Masked = number | string;

export function maskCount(mask: SuppressionMask, key: string, value: number): Masked {
  if (mask.primary.has(key)) return `<${mask.threshold}`;
  if (mask.secondary.has(key)) return SUPPRESSED;
  return value;
}

function isHidden(mask: SuppressionMask, key: string): boolean {
  return mask.primary.has(key) || mask.secondary.has(key);
}

// ---- the uptake outputs -------------------------------------------------------------------

type MaskNumbers<T, Count extends keyof T, Derived extends keyof T> = {
  [K in keyof T]: K extends Count | Derived ? (T[K] extends number ? Masked : Masked | null) : T[K];
};

/** A funnel verdict is itself information about the counts: hidden with them. */
type MaskOutside<T> = { [K in keyof T]: K extends 'outside95' | 'outside998' ? T[K] | typeof SUPPRESSED : T[K] };

const METRIC_COUNTS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;
type MetricCount = (typeof METRIC_COUNTS)[number];
type MetricDerived =
  | 'activationRate' | 'activationCiLower' | 'activationCiUpper' | 'medianDaysToActivation'
  | 'retention4w' | 'retention4wCiLower' | 'retention4wCiUpper' | 'retention12w' | 'retention12wCiLower' | 'retention12wCiUpper';

export type SuppressedMetricRow = MaskNumbers<MetricRow, MetricCount, MetricDerived>;
export type SuppressedUptakeRateRow = MaskNumbers<UptakeRateRow, 'activations' | 'eligible', 'per1000' | 'ciLower' | 'ciUpper'>;
export type SuppressedClinicRow = MaskOutside<MaskNumbers<ClinicFunnelRow, 'referrals' | 'activations', 'rate' | 'lower95' | 'upper95' | 'lower998' | 'upper998'>>;
export type SuppressedObservedCostRow = MaskNumbers<ObservedCostRow, 'activations', 'cost' | 'averagePrice'>;

export interface UptakeOutputs {
  metrics: readonly MetricRow[];
  uptake?: readonly UptakeRateRow[];
  clinics?: readonly ClinicFunnelRow[];
  observed?: readonly ObservedCostRow[];
}

export interface SuppressedUptakeOutputs {
  threshold: number;
  metrics: SuppressedMetricRow[];
  uptake: SuppressedUptakeRateRow[];
  clinics: SuppressedClinicRow[];
  observed: SuppressedObservedCostRow[];
}

const metricKey = (m: string, r: Pick<MetricRow, 'region' | 'period' | 'dimension' | 'level'>) => `m|${m}|${r.region}|${r.period}|${r.dimension}|${r.level}`;
const yearKey = (region: Scope, year: number) => `y|activations|${region}|${year}`;
// A clinic is its region and code: one code may be used in two regions (aggregate.ts).
const clinicKey = (m: string, c: { region: string; clinic: string }) => `c|${m}|${c.region}\u0000${c.clinic}`;

/** Builds every count cell and additive line of the uptake outputs. */
export function uptakeCellsAndLines(out: UptakeOutputs): { cells: Map<string, number>; lines: SuppressionLine[] } {
  const cells = new Map<string, number>();
  const lines: SuppressionLine[] = [];
  const byKey = new Map<string, MetricRow>();
  const rowKey = (r: Pick<MetricRow, 'region' | 'period' | 'dimension' | 'level'>) => `${r.region}|${r.period}|${r.dimension}|${r.level}`;

  // Within a metric row: the hidden complements.
  for (const r of out.metrics) {
    byKey.set(rowKey(r), r);
    for (const m of METRIC_COUNTS) cells.set(metricKey(m, r), r[m]);
    const within: [MetricCount, MetricCount, string, number][] = [
      ['referrals', 'activations', 'notActivated', r.referrals - r.activations],
      ['activations', 'atRisk4w', 'notYetAtRisk4w', r.activations - r.atRisk4w],
      ['atRisk4w', 'atRisk12w', 'atRisk4wNot12w', r.atRisk4w - r.atRisk12w],
      ['atRisk4w', 'retained4w', 'notRetained4w', r.atRisk4w - r.retained4w],
      ['atRisk12w', 'retained12w', 'notRetained12w', r.atRisk12w - r.retained12w],
    ];
    for (const [total, part, hiddenName, v] of within) {
      const hk = metricKey(hiddenName, r);
      cells.set(hk, v);
      lines.push({ total: metricKey(total, r), parts: [metricKey(part, r), hk] });
    }
  }

  // Across metric rows: groups of rows whose counts sum to a total row.
  const groups = new Map<string, { total: MetricRow | undefined; parts: MetricRow[] }>();
  const addTo = (gk: string, total: MetricRow | undefined, part: MetricRow) => {
    let g = groups.get(gk);
    if (!g) groups.set(gk, (g = { total, parts: [] }));
    g.parts.push(part);
  };
  for (const r of out.metrics) {
    if (r.periodType === 'month') addTo(`month→year|${r.region}|${r.period.slice(0, 4)}|${r.dimension}|${r.level}`, byKey.get(rowKey({ ...r, period: r.period.slice(0, 4) })), r);
    if (r.periodType === 'year') addTo(`year→all|${r.region}|${r.dimension}|${r.level}`, byKey.get(rowKey({ ...r, period: 'all' })), r);
    if (r.region !== 'national') addTo(`region→national|${r.period}|${r.dimension}|${r.level}`, byKey.get(rowKey({ ...r, region: 'national' })), r);
    if (r.dimension !== 'all') addTo(`level→all|${r.region}|${r.period}|${r.dimension}`, byKey.get(rowKey({ ...r, dimension: 'all', level: 'all' })), r);
  }
  const hiddenMeasures = ['notActivated', 'notYetAtRisk4w', 'atRisk4wNot12w', 'notRetained4w', 'notRetained12w'];
  for (const g of groups.values()) {
    if (!g.total) continue;
    for (const m of [...METRIC_COUNTS, ...hiddenMeasures]) {
      lines.push({ total: metricKey(m, g.total), parts: g.parts.map((p) => metricKey(m, p)) });
    }
  }

  // Clinics: activated + not activated = referrals; clinics of a region sum to the region.
  const clinicsByRegion = new Map<string, { region: string; clinic: string }[]>();
  for (const c of out.clinics ?? []) {
    cells.set(clinicKey('referrals', c), c.referrals);
    cells.set(clinicKey('activations', c), c.activations);
    cells.set(clinicKey('notActivated', c), c.referrals - c.activations);
    lines.push({ total: clinicKey('referrals', c), parts: [clinicKey('activations', c), clinicKey('notActivated', c)] });
    const list = clinicsByRegion.get(c.region) ?? [];
    list.push(c);
    clinicsByRegion.set(c.region, list);
  }
  for (const [region, list] of clinicsByRegion) {
    const total = { region: region as Scope, period: 'all', dimension: 'all' as const, level: 'all' };
    if (!byKey.has(rowKey(total))) continue;
    for (const m of ['referrals', 'activations', 'notActivated']) lines.push({ total: metricKey(m, total), parts: list.map((c) => clinicKey(m, c)) });
  }

  // Activations by activation year (uptake per eligible, observed cost): regions → national.
  const years = new Map<number, ActivationYearCount[]>();
  const yearRows: ActivationYearCount[] = [
    ...(out.uptake ?? []).map((u) => ({ region: u.region, year: u.year, activations: u.activations })),
    ...(out.observed ?? []).map((o) => ({ region: o.region, year: o.year, activations: o.activations })),
  ];
  for (const a of yearRows) {
    if (cells.has(yearKey(a.region, a.year))) continue;
    cells.set(yearKey(a.region, a.year), a.activations);
    if (a.region !== 'national') years.set(a.year, [...(years.get(a.year) ?? []), a]);
  }
  for (const [year, parts] of years) {
    lines.push({ total: yearKey('national', year), parts: parts.map((p) => yearKey(p.region, p.year)) });
  }
  for (const u of out.uptake ?? []) if (u.eligible !== null) cells.set(`e|eligible|${u.region}|${u.year}`, u.eligible);
  return { cells, lines };
}

/** The mask `suppressUptakeOutputs` applies (raw cell values inside: for audits and tests only, never output). */
export function uptakeSuppressionMask(out: UptakeOutputs, threshold = 5): SuppressionMask {
  const { cells, lines } = uptakeCellsAndLines(out);
  return suppressCells(cells, lines, threshold);
}

/**
 * Applies primary and secondary suppression to every uptake output. The result holds no raw
 * count below the threshold and no patient id; it is what JSON, CSV, tables and charts show.
 */
export function suppressUptakeOutputs(out: UptakeOutputs, threshold = 5): SuppressedUptakeOutputs {
  const mask = uptakeSuppressionMask(out, threshold);
  const hide = <T>(hidden: boolean, v: T): T | string => (hidden && v !== null ? SUPPRESSED : v);

  const metrics = out.metrics.map((r): SuppressedMetricRow => {
    const h = (m: MetricCount) => isHidden(mask, metricKey(m, r));
    const act = h('referrals') || h('activations');
    const ret4 = h('atRisk4w') || h('retained4w');
    const ret12 = h('atRisk12w') || h('retained12w');
    return {
      ...r,
      referrals: maskCount(mask, metricKey('referrals', r), r.referrals),
      activations: maskCount(mask, metricKey('activations', r), r.activations),
      atRisk4w: maskCount(mask, metricKey('atRisk4w', r), r.atRisk4w),
      retained4w: maskCount(mask, metricKey('retained4w', r), r.retained4w),
      atRisk12w: maskCount(mask, metricKey('atRisk12w', r), r.atRisk12w),
      retained12w: maskCount(mask, metricKey('retained12w', r), r.retained12w),
      activationRate: hide(act, r.activationRate),
      activationCiLower: hide(act, r.activationCiLower),
      activationCiUpper: hide(act, r.activationCiUpper),
      medianDaysToActivation: hide(h('activations'), r.medianDaysToActivation),
      retention4w: hide(ret4, r.retention4w),
      retention4wCiLower: hide(ret4, r.retention4wCiLower),
      retention4wCiUpper: hide(ret4, r.retention4wCiUpper),
      retention12w: hide(ret12, r.retention12w),
      retention12wCiLower: hide(ret12, r.retention12wCiLower),
      retention12wCiUpper: hide(ret12, r.retention12wCiUpper),
    };
  });

  const uptake = (out.uptake ?? []).map((u): SuppressedUptakeRateRow => {
    const ak = yearKey(u.region, u.year), ek = `e|eligible|${u.region}|${u.year}`;
    const hidden = isHidden(mask, ak) || isHidden(mask, ek);
    return {
      ...u,
      activations: maskCount(mask, ak, u.activations),
      eligible: u.eligible === null ? null : maskCount(mask, ek, u.eligible),
      per1000: hide(hidden, u.per1000), ciLower: hide(hidden, u.ciLower), ciUpper: hide(hidden, u.ciUpper),
    };
  });

  const clinics = (out.clinics ?? []).map((c): SuppressedClinicRow => {
    const rk = clinicKey('referrals', c), ak = clinicKey('activations', c);
    const n = isHidden(mask, rk);
    const rate = n || isHidden(mask, ak);
    return {
      ...c,
      referrals: maskCount(mask, rk, c.referrals),
      activations: maskCount(mask, ak, c.activations),
      rate: hide(rate, c.rate),
      lower95: hide(n, c.lower95), upper95: hide(n, c.upper95), lower998: hide(n, c.lower998), upper998: hide(n, c.upper998),
      // "above the limit" for a clinic with hidden counts would hint at those counts.
      outside95: rate ? SUPPRESSED : c.outside95,
      outside998: rate ? SUPPRESSED : c.outside998,
    };
  });

  const observed = (out.observed ?? []).map((o): SuppressedObservedCostRow => {
    const k = yearKey(o.region, o.year);
    const hidden = isHidden(mask, k);
    return { ...o, activations: maskCount(mask, k, o.activations), cost: hide(hidden, o.cost), averagePrice: hide(hidden, o.averagePrice) };
  });

  return { threshold, metrics, uptake, clinics, observed };
}
