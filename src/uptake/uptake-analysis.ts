/**
 * `hta uptake` end to end, minus printing: stream the registry, read the denominators, compute
 * the metric tables, uptake per eligible, the clinic funnel and the budget impact, then apply
 * small-cell suppression to everything patient-derived. The result is what every output
 * (JSON, CSV, tables, charts) may show; it never holds a patient id.
 *
 *   registry.csv ─stream─► aggregate ─► metrics ──────────┐
 *   eligible.csv ─────────────────────► uptake per 1,000 ─┤
 *                          clinics ───► funnel ───────────┼─► suppression ─► UptakeAnalysis
 *   plan ─────────────────────────────► budget impact ────┘   (projection and sensitivity are
 *                                                               built from eligible × shares, not patients)
 */
import type { UptakeAggregate } from './aggregate.js';
import { budgetImpact, type ProjectionRow, type SensitivityRow } from './budget-impact.js';
import { clinicFunnel, type FunnelMethod } from './clinic-funnel.js';
import { readEligible, readRegistry } from './read-registry.js';
import {
  SUPPRESSED, suppressUptakeOutputs, type Masked,
  type SuppressedClinicRow, type SuppressedMetricRow, type SuppressedObservedCostRow, type SuppressedUptakeRateRow,
} from './suppression.js';
import { uptakePerEligible, type EligibleRow } from './uptake-per-eligible.js';
import type { UptakePlan } from './uptake-plan.js';

export interface UptakeAnalysis {
  exportDate: string;
  /** Registry rows read (a count of referrals, shown only when ≥ the threshold). */
  rows: Masked;
  threshold: number;
  methods: {
    activationCi: 'wilson';
    uptakeCi: 'wilson';
    confLevel: 0.95;
    funnel: FunnelMethod;
    cohort: 'referral-month';
    uptakeAndCost: 'activation-year';
    retention: string;
  };
  metrics: SuppressedMetricRow[];
  uptake: SuppressedUptakeRateRow[];
  funnel: {
    method: FunnelMethod;
    overallRate: Masked;
    outside95: string[];
    outside998: string[];
    rows: SuppressedClinicRow[];
  };
  budget: {
    currency: string;
    mode: UptakePlan['priceModel']['mode'];
    volumeScope: UptakePlan['priceModel']['volumeScope'];
    years: number[];
    observed: SuppressedObservedCostRow[];
    projection: ProjectionRow[];
    sensitivity: SensitivityRow[];
  };
}

/** Pure part: from an aggregate, the denominators and the plan. */
export function uptakeAnalysisFromAggregate(
  agg: UptakeAggregate,
  eligible: readonly EligibleRow[],
  plan: UptakePlan,
  funnelMethod: FunnelMethod = 'exact-binomial',
): UptakeAnalysis {
  const threshold = plan.suppression.threshold;
  const uptake = uptakePerEligible(agg.activationsByYear, eligible);
  const funnel = agg.clinics.some((c) => c.referrals > 0) ? clinicFunnel(agg.clinics, funnelMethod) : undefined;
  const budget = budgetImpact({ plan, activationsByYear: agg.activationsByYear, eligible, exportDate: agg.exportDate });
  const s = suppressUptakeOutputs({ metrics: agg.metrics, uptake, clinics: funnel?.rows ?? [], observed: budget.observed }, threshold);
  const national = s.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
  return {
    exportDate: agg.exportDate,
    rows: agg.rows < threshold ? `<${threshold}` : agg.rows,
    threshold,
    methods: {
      activationCi: 'wilson', uptakeCi: 'wilson', confLevel: 0.95, funnel: funnelMethod,
      cohort: 'referral-month', uptakeAndCost: 'activation-year',
      retention: 'retained at 4/12 weeks: last_active − activated ≥ 28/84 days; at risk: activated ≤ export date − 28/84 days',
    },
    metrics: s.metrics,
    uptake: s.uptake,
    funnel: {
      method: funnelMethod,
      overallRate: typeof national?.activationRate === 'number' && funnel ? funnel.overallRate : SUPPRESSED,
      // Only clinics whose rate is shown are listed (see suppressUptakeOutputs).
      outside95: s.clinics.filter((c) => c.outside95 === 'above' || c.outside95 === 'below').map((c) => c.clinic).sort(),
      outside998: s.clinics.filter((c) => c.outside998 === 'above' || c.outside998 === 'below').map((c) => c.clinic).sort(),
      rows: s.clinics,
    },
    budget: { ...budget, observed: s.observed },
  };
}

/** Reads the files (registry streamed) and runs the analysis. Throws HtaError on bad input. */
export async function analyseUptake(input: {
  registryFile: string;
  eligibleFile: string;
  plan: UptakePlan;
  funnelMethod?: FunnelMethod;
}): Promise<UptakeAnalysis> {
  const eligible = readEligible(input.eligibleFile);
  const agg = await readRegistry(input.registryFile, input.plan.exportDate === undefined ? {} : { exportDate: input.plan.exportDate });
  return uptakeAnalysisFromAggregate(agg, eligible, input.plan, input.funnelMethod);
}
