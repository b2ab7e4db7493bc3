/**
 * Small-cell protection applied to every uptake output (tables, charts, JSON, CSV); the method
 * is described in docs/disclosure-control.md.
 *
 *  1. `disclosure/cell-model.ts`: every count any output shows, and every count derivable from
 *     them by subtraction, as cells tied by additive relations;
 *  2. `disclosure/disclosure-rule.ts`: the primary rule (1 … k − 1 sensitive; zeros by policy;
 *     structural zeros never);
 *  3. `disclosure/secondary-suppression.ts`: complementary cells chosen by linear programming so
 *     that every hidden cell's attacker interval is at least the protection level wide;
 *  4. here: the outputs with ONE marker, `"suppressed"`, for every hidden count whatever its
 *     value (a small count and its complements look alike), and every number derived from a
 *     hidden count — rate, CI, median, per-1,000, funnel limit or verdict, cost — replaced by the
 *     same marker, even when it would have been empty (null) for a zero.
 */
import type { MetricRow } from './aggregate.js';
import type { ClinicFunnelRow } from './clinic-funnel.js';
import { costRestsOn, type ObservedCostRow } from './budget-impact.js';
import type { UptakeRateRow } from './uptake-per-eligible.js';
import type { AbsentCategory } from './disclosure/previous-publication.js';
import { buildCellModel, clinicCellKey, metricCellKey, yearCellKey, type CellModel, type MetricCount, type UptakeOutputs } from './disclosure/cell-model.js';
import type { DisclosureRule } from './disclosure/disclosure-rule.js';
import { suppressionPattern } from './disclosure/secondary-suppression.js';
import { chartPrecision } from './chart-precision.js';

export type { UptakeOutputs } from './disclosure/cell-model.js';
export type { DisclosureRule } from './disclosure/disclosure-rule.js';

import { DEFAULT_PUBLICATION_THRESHOLD, SUPPRESSED, type Masked } from '../suppressed-marker.js';
export { SUPPRESSED, type Masked };

type MaskNumbers<T, Count extends keyof T, Derived extends keyof T> = {
  [K in keyof T]: K extends Count | Derived ? (T[K] extends number ? Masked : Masked | null) : T[K];
};

/** A funnel verdict is itself information about the counts: hidden with them. */
type MaskOutside<T> = { [K in keyof T]: K extends 'outside95' | 'outside998' ? T[K] | typeof SUPPRESSED : T[K] };

type MetricDerived =
  | 'activationRate' | 'activationCiLower' | 'activationCiUpper' | 'medianDaysToActivation'
  | 'retention4w' | 'retention4wCiLower' | 'retention4wCiUpper' | 'retention12w' | 'retention12wCiLower' | 'retention12wCiUpper';

export type SuppressedMetricRow = MaskNumbers<MetricRow, MetricCount, MetricDerived>;
export type SuppressedUptakeRateRow = MaskNumbers<UptakeRateRow, 'activations', 'per1000' | 'ciLower' | 'ciUpper'>;
export type SuppressedClinicRow = MaskOutside<MaskNumbers<ClinicFunnelRow, 'referrals' | 'activations', 'rate' | 'lower95' | 'upper95' | 'lower998' | 'upper998'>>;
export type SuppressedObservedCostRow = MaskNumbers<ObservedCostRow, 'activations', 'cost' | 'averagePrice'>;

/** The rule every output states, with how many cells it hid. */
export interface SuppressionSummary {
  threshold: number;
  protectionLevel: number;
  zerosSensitive: boolean;
  /** How complementary cells are chosen. */
  method: 'lp-perturbation';
  /** Printed count cells hidden (small ones and their complements alike). */
  suppressedCells: number;
  /** Printed count cells in all. */
  countCells: number;
}

export interface SuppressedUptakeOutputs {
  summary: SuppressionSummary;
  metrics: SuppressedMetricRow[];
  uptake: SuppressedUptakeRateRow[];
  clinics: SuppressedClinicRow[];
  observed: SuppressedObservedCostRow[];
  /** Units whose counts changed since an earlier publication (cell-model.ts `changed`): all hidden. */
  changed: ReadonlySet<string>;
  /** Categories of earlier publications absent now (cell-model.ts `absent`): for a note on stderr, never printed in outputs. */
  absent: readonly AbsentCategory[];
  /** Internal (never printed in outputs): the raw totals behind the information-loss figure. */
  loss: { hiddenCount: number; totalCount: number };
}


export const DEFAULT_RULE: DisclosureRule = { threshold: DEFAULT_PUBLICATION_THRESHOLD, protectionLevel: DEFAULT_PUBLICATION_THRESHOLD, zerosSensitive: false };

/** The hidden printed cells of the outputs (keys), for audits and tests: never printed. */
export function hiddenCellKeys(out: UptakeOutputs, rule: DisclosureRule = DEFAULT_RULE, options: { secondary?: boolean } = {}): { model: CellModel; hidden: Set<string> } {
  const model = buildCellModel(out);
  const pattern = suppressionPattern(model, rule, options);
  return { model, hidden: new Set([...pattern.hidden].map((i) => model.cells[i]!.key)) };
}

/**
 * Applies primary and secondary suppression to every uptake output. The result holds no hidden
 * count and nothing derived from one, and no patient id; it is what JSON, CSV, tables and charts
 * show. `secondary: false` (tests only) leaves out the complementary cells.
 */
export function suppressUptakeOutputs(out: UptakeOutputs, rule: DisclosureRule = DEFAULT_RULE, options: { secondary?: boolean } = {}): SuppressedUptakeOutputs {
  const { model, hidden } = hiddenCellKeys(out, rule, options);
  const isHidden = (key: string) => hidden.has(key);
  const count = (key: string, v: number): Masked => (isHidden(key) ? SUPPRESSED : v);
  // Derived values are masked whenever a count they rest on is hidden, null (empty) included:
  // an empty rate would tell a hidden 0 from a hidden 1 … k − 1.
  const derived = <T>(h: boolean, v: T): T | typeof SUPPRESSED => (h ? SUPPRESSED : v);

  const metrics = out.metrics.map((r): SuppressedMetricRow => {
    const h = (m: MetricCount) => isHidden(metricCellKey(m, r));
    const act = h('referrals') || h('activations');
    const ret4 = h('atRisk4w') || h('retained4w');
    const ret12 = h('atRisk12w') || h('retained12w');
    // A median of fewer than k delays is close to one patient's delay.
    const median = h('activations') ? SUPPRESSED : r.activations < rule.threshold ? null : r.medianDaysToActivation;
    return {
      ...r,
      referrals: count(metricCellKey('referrals', r), r.referrals),
      activations: count(metricCellKey('activations', r), r.activations),
      atRisk4w: count(metricCellKey('atRisk4w', r), r.atRisk4w),
      retained4w: count(metricCellKey('retained4w', r), r.retained4w),
      atRisk12w: count(metricCellKey('atRisk12w', r), r.atRisk12w),
      retained12w: count(metricCellKey('retained12w', r), r.retained12w),
      activationRate: derived(act, r.activationRate),
      activationCiLower: derived(act, r.activationCiLower),
      activationCiUpper: derived(act, r.activationCiUpper),
      medianDaysToActivation: median,
      retention4w: derived(ret4, r.retention4w),
      retention4wCiLower: derived(ret4, r.retention4wCiLower),
      retention4wCiUpper: derived(ret4, r.retention4wCiUpper),
      retention12w: derived(ret12, r.retention12w),
      retention12wCiLower: derived(ret12, r.retention12wCiLower),
      retention12wCiUpper: derived(ret12, r.retention12wCiUpper),
    };
  });

  const uptake = (out.uptake ?? []).map((u): SuppressedUptakeRateRow => {
    const k = yearCellKey(u.region, u.year);
    const h = isHidden(k);
    // The eligible population is not patient data: always shown.
    return { ...u, activations: count(k, u.activations), per1000: derived(h, u.per1000), ciLower: derived(h, u.ciLower), ciUpper: derived(h, u.ciUpper) };
  });

  // Every clinic's limits are a function of its n AND of the overall rate θ = national
  // activations / national referrals: printed to 16 digits, one limit gives θ back exactly
  // (docs/disclosure-control.md, "Funnel limits"). Where either national count is hidden, so are
  // every limit and every verdict (a verdict bounds θ).
  const nationalAll = { region: 'national', period: 'all', dimension: 'all', level: 'all' } as const;
  const thetaHidden = !out.metrics.some((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')
    || isHidden(metricCellKey('referrals', nationalAll)) || isHidden(metricCellKey('activations', nationalAll));
  const clinics = (out.clinics ?? []).map((c): SuppressedClinicRow => {
    const rk = clinicCellKey('referrals', c.region, c.clinic), ak = clinicCellKey('activations', c.region, c.clinic);
    const n = isHidden(rk) || thetaHidden;
    const rate = isHidden(rk) || isHidden(ak);
    const limit = (v: number) => derived(n, chartPrecision(v));
    return {
      ...c,
      referrals: count(rk, c.referrals),
      activations: count(ak, c.activations),
      rate: derived(rate, c.rate),
      lower95: limit(c.lower95), upper95: limit(c.upper95), lower998: limit(c.lower998), upper998: limit(c.upper998),
      // "above the limit" for a clinic with hidden counts would hint at those counts.
      outside95: rate || thetaHidden ? SUPPRESSED : c.outside95,
      outside998: rate || thetaHidden ? SUPPRESSED : c.outside998,
    };
  });

  // A cost or average price is printed only where every activation count it is computed from is
  // (budget-impact.ts costRestsOn; docs/disclosure-control.md "Observed costs and average prices"):
  // a region's under a national volume scope rests on the country's N too (marginal tiers give N
  // back exactly), the country's under a regional one on every region's count.
  const regionsOf = (year: number) => (out.observed ?? []).filter((o) => o.year === year && o.region !== 'national').map((o) => o.region);
  const observed = (out.observed ?? []).map((o): SuppressedObservedCostRow => {
    const k = yearCellKey(o.region, o.year);
    const h = costRestsOn(o.region, regionsOf(o.year), out.priceVolumeScope ?? 'national').some((s) => isHidden(yearCellKey(s, o.year)));
    return { ...o, activations: count(k, o.activations), cost: derived(h, o.cost), averagePrice: derived(h, o.averagePrice) };
  });

  let hiddenCount = 0, totalCount = 0, countCells = 0;
  for (const c of model.cells) {
    if (!c.published) continue;
    countCells++;
    totalCount += c.value;
    if (hidden.has(c.key)) hiddenCount += c.value;
  }
  const summary: SuppressionSummary = {
    threshold: rule.threshold, protectionLevel: rule.protectionLevel, zerosSensitive: rule.zerosSensitive,
    method: 'lp-perturbation', suppressedCells: hidden.size, countCells,
  };
  return { summary, metrics, uptake, clinics, observed, changed: model.changed, absent: model.absent, loss: { hiddenCount, totalCount } };
}
