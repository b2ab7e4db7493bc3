/**
 * Budget impact of the app under the supplier's volume-tier price model, per region and
 * nationally, per calendar year.
 *
 *  - Observed: activations by calendar year of the ACTIVATION date, priced with the tiers.
 *    The year of the export date is partial (`partialYear`) unless the export is dated 31
 *    December (year-running.ts): its cost is the cost so far, priced at the volume reached so far.
 *  - Projection: for scenario s and scenario year k (calendar year firstYear + k − 1),
 *    patients = eligible(region, year) · share_s[k]; cost from the tiers.
 *    Every region × year has a denominator: `completeDenominators` has refused the run or
 *    filled the gap (carry-forward, listed in every output); `eligibleYear` says which year's
 *    count was used. (Called directly with gaps, the nearest earlier year is used, else the
 *    earliest.)
 *  - Regions are those of the denominator file, in its order.
 *  - Volume scope 'national': the band is chosen by the national volume V;
 *    national cost C(V), region r pays C(V) · v_r / V (the national average price).
 *    Volume scope 'region': region r pays C(v_r); national = Σ regions.
 *  - One-way sensitivity on the base scenario over the whole horizon: uptake × (1 ± u) and
 *    all tier prices × (1 ± p). Uptake changes move volumes across bands, so their effect on
 *    cost is not proportional; price changes are.
 */
import type { Region } from './referral.js';
import type { ActivationYearCount, Scope } from './aggregate.js';
import { regionsOfEligible, type EligibleRow } from './uptake-per-eligible.js';
import { scaleTierPrices, tierCost, type PriceTier } from './tier-pricing.js';
import { SCENARIOS } from './plan-rules.js';
import type { Scenario, UptakePlan } from './uptake-plan.js';
import { yearRunning } from './year-running.js';

export interface ObservedCostRow {
  region: Scope;
  year: number;
  activations: number;
  cost: number;
  /** cost / activations; null when there are none. */
  averagePrice: number | null;
  partialYear: boolean;
}

export interface ProjectionRow {
  scenario: Scenario;
  region: Scope;
  year: number;
  /** 1-based scenario year. */
  yearIndex: number;
  share: number;
  eligible: number;
  /** The denominator year used (differs from `year` when carried forward). */
  eligibleYear: number;
  patients: number;
  cost: number;
}

export interface SensitivityRow {
  region: Scope;
  parameter: 'base' | 'uptake' | 'price';
  /** Relative change applied, e.g. −0.5 or +0.2; 0 for the base case. */
  change: number;
  /** Cost summed over the scenario horizon. */
  totalCost: number;
  difference: number;
}

export interface BudgetImpact {
  currency: string;
  /** The plan's `priceYear`, when it states one: the price level of every cost here. */
  priceYear?: number;
  mode: UptakePlan['priceModel']['mode'];
  volumeScope: UptakePlan['priceModel']['volumeScope'];
  years: number[];
  observed: ObservedCostRow[];
  projection: ProjectionRow[];
  sensitivity: SensitivityRow[];
}

/** Prices region volumes for one year under the plan's volume scope. */
export function costByScope(volumes: ReadonlyMap<Region, number>, tiers: readonly PriceTier[], plan: UptakePlan): Map<Scope, number> {
  const out = new Map<Scope, number>();
  let national = 0;
  for (const v of volumes.values()) national += v;
  const mode = plan.priceModel.mode;
  if (plan.priceModel.volumeScope === 'national') {
    const total = tierCost(national, tiers, mode);
    for (const [r, v] of volumes) out.set(r, national > 0 ? (total * v) / national : 0);
    out.set('national', total);
  } else {
    let sum = 0;
    for (const [r, v] of volumes) {
      const c = tierCost(v, tiers, mode);
      out.set(r, c);
      sum += c;
    }
    out.set('national', sum);
  }
  return out;
}

/**
 * The scopes whose activations of the year an observed cost and average price are computed from
 * (docs/disclosure-control.md "Observed costs and average prices"): the suppression prints a
 * cost only where every one of these counts is printed, so that it is a function of printed
 * counts and tells a reader nothing they do not give.
 *  - national volume scope: a region's v·C(N)/N rests on its own count and the country's N; the
 *    country's C(N) on N;
 *  - regional volume scope: a region's C(v) on its own count; the country's Σ C(vᵣ) on every
 *    region's (a sum of piecewise-linear tier costs is not a function of N alone: with the
 *    country's N printed, it narrows how N splits between hidden regions) and its average price
 *    on N.
 */
export function costRestsOn(scope: Scope, regions: readonly Region[], volumeScope: UptakePlan['priceModel']['volumeScope']): Scope[] {
  if (volumeScope === 'national') return scope === 'national' ? ['national'] : [scope, 'national'];
  return scope === 'national' ? ['national', ...regions] : [scope];
}

function eligibleFor(eligible: readonly EligibleRow[], region: Region, year: number): { eligible: number; year: number } | undefined {
  const rows = eligible.filter((e) => e.region === region).sort((a, b) => a.year - b.year);
  if (rows.length === 0) return undefined;
  const exact = rows.find((e) => e.year === year);
  const earlier = rows.filter((e) => e.year <= year).pop();
  const pick = exact ?? earlier ?? rows[0]!;
  return { eligible: pick.eligible, year: pick.filledFrom ?? pick.year };
}

export function budgetImpact(input: {
  plan: UptakePlan;
  activationsByYear: readonly ActivationYearCount[];
  eligible: readonly EligibleRow[];
  /** ISO export date: its year is marked partial unless the export is dated 31 December. */
  exportDate: string;
}): BudgetImpact {
  const { plan, eligible } = input;
  // The denominator file's regions; a region with activations but no denominator (only when
  // called directly: analyseUptake refuses such a registry) is priced after them.
  const REGIONS = [...new Set([...regionsOfEligible(eligible), ...input.activationsByYear.map((a) => a.region).filter((r) => r !== 'national')])];
  const tiers = plan.priceModel.tiers;
  // Observed, per activation year.
  const observed: ObservedCostRow[] = [];
  const obsYears = [...new Set(input.activationsByYear.map((a) => a.year))].sort((a, b) => a - b);
  for (const year of obsYears) {
    const volumes = new Map<Region, number>();
    for (const r of REGIONS) volumes.set(r, input.activationsByYear.find((a) => a.region === r && a.year === year)?.activations ?? 0);
    const cost = costByScope(volumes, tiers, plan);
    for (const scope of [...REGIONS, 'national'] as Scope[]) {
      const n = scope === 'national' ? [...volumes.values()].reduce((s, v) => s + v, 0) : (volumes.get(scope) ?? 0);
      const c = cost.get(scope) ?? 0;
      observed.push({ region: scope, year, activations: n, cost: c, averagePrice: n > 0 ? c / n : null, partialYear: yearRunning(year, input.exportDate) });
    }
  }

  // Projection per scenario.
  const horizon = plan.scenarios.base.length;
  const years = Array.from({ length: horizon }, (_, k) => plan.firstYear + k);
  // The eligible population behind each region × year does not depend on scenario or factor.
  const eligibleAt = new Map(years.map((year) => [year, REGIONS.map((r) => [r, eligibleFor(eligible, r, year)] as const)]));
  const projectionFor = (scenario: Scenario, uptakeFactor: number, priceTiers: readonly PriceTier[]): ProjectionRow[] => {
    const rows: ProjectionRow[] = [];
    years.forEach((year, k) => {
      const share = (plan.scenarios[scenario][k] ?? 0) * uptakeFactor;
      const volumes = new Map<Region, number>();
      const elig = new Map<Region, { eligible: number; year: number }>();
      for (const [r, e] of eligibleAt.get(year)!) {
        if (!e) continue;
        elig.set(r, e);
        volumes.set(r, e.eligible * share);
      }
      const cost = costByScope(volumes, priceTiers, plan);
      for (const [r, e] of elig) {
        rows.push({ scenario, region: r, year, yearIndex: k + 1, share, eligible: e.eligible, eligibleYear: e.year, patients: volumes.get(r) ?? 0, cost: cost.get(r) ?? 0 });
      }
      const totalEligible = [...elig.values()].reduce((s, e) => s + e.eligible, 0);
      const eligibleYear = Math.min(...[...elig.values()].map((e) => e.year));
      rows.push({
        scenario, region: 'national', year, yearIndex: k + 1, share, eligible: totalEligible,
        eligibleYear: Number.isFinite(eligibleYear) ? eligibleYear : year,
        patients: [...volumes.values()].reduce((s, v) => s + v, 0), cost: cost.get('national') ?? 0,
      });
    });
    return rows;
  };
  const projection = SCENARIOS.flatMap((s) => projectionFor(s, 1, tiers));

  // One-way sensitivity on the base scenario.
  const totals = (rows: ProjectionRow[]) => {
    const t = new Map<Scope, number>();
    for (const r of rows) t.set(r.region, (t.get(r.region) ?? 0) + r.cost);
    return t;
  };
  const base = totals(projection.filter((r) => r.scenario === 'base'));
  const u = plan.sensitivity.uptake, p = plan.sensitivity.price;
  const variants: [SensitivityRow['parameter'], number, Map<Scope, number>][] = [
    ['base', 0, base],
    ['uptake', -u, totals(projectionFor('base', 1 - u, tiers))],
    ['uptake', u, totals(projectionFor('base', 1 + u, tiers))],
    ['price', -p, totals(projectionFor('base', 1, scaleTierPrices(tiers, 1 - p)))],
    ['price', p, totals(projectionFor('base', 1, scaleTierPrices(tiers, 1 + p)))],
  ];
  const sensitivity: SensitivityRow[] = [];
  for (const scope of [...REGIONS, 'national'] as Scope[]) {
    if (!base.has(scope)) continue;
    for (const [parameter, change, t] of variants) {
      const total = t.get(scope) ?? 0;
      sensitivity.push({ region: scope, parameter, change, totalCost: total, difference: total - (base.get(scope) ?? 0) });
    }
  }
  return { currency: plan.currency, ...(plan.priceYear !== undefined ? { priceYear: plan.priceYear } : {}), mode: plan.priceModel.mode, volumeScope: plan.priceModel.volumeScope, years, observed, projection, sensitivity };
}

/**
 * Scenario years that the export observed in full (an observed, not partial, year of activations):
 * their projected cost stands beside the observed one, and a total over the horizon would count
 * made-up uptake for a year whose real uptake is known (docs/plan-uptake.md "What the budget
 * figures count"). plan init drafts `firstYear` after the export's last year; a plan that starts
 * earlier is told.
 */
export function scenarioYearsObserved(horizon: readonly number[], observed: readonly Pick<ObservedCostRow, 'year' | 'partialYear'>[]): number[] {
  const full = new Set(observed.filter((o) => !o.partialYear).map((o) => o.year));
  return horizon.filter((y) => full.has(y));
}
