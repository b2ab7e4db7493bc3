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
  SUPPRESSED, suppressUptakeOutputs, type Masked, type SuppressionSummary,
  type SuppressedClinicRow, type SuppressedMetricRow, type SuppressedObservedCostRow, type SuppressedUptakeRateRow,
} from './suppression.js';
import { uptakePerEligible, type EligibleRow } from './uptake-per-eligible.js';
import { disclosureRuleOf, type UptakePlan } from './uptake-plan.js';

export interface UptakeAnalysis {
  exportDate: string;
  /** Registry rows read (= the national referrals cell, hidden with it). */
  rows: Masked;
  threshold: number;
  /** The disclosure rule applied and how many count cells it hid (docs/disclosure-control.md). */
  suppression: SuppressionSummary;
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

/** The analysis and, for the audit only (never printed in outputs), the raw information loss. */
export interface UptakeRun {
  analysis: UptakeAnalysis;
  loss: { hiddenCount: number; totalCount: number };
}

/** Pure part: from an aggregate, the denominators and the plan. */
export function uptakeRunFromAggregate(
  agg: UptakeAggregate,
  eligible: readonly EligibleRow[],
  plan: UptakePlan,
  funnelMethod: FunnelMethod = 'exact-binomial',
): UptakeRun {
  const rule = disclosureRuleOf(plan);
  const uptake = uptakePerEligible(agg.activationsByYear, eligible);
  const funnel = agg.clinics.some((c) => c.referrals > 0) ? clinicFunnel(agg.clinics, funnelMethod) : undefined;
  const budget = budgetImpact({ plan, activationsByYear: agg.activationsByYear, eligible, exportDate: agg.exportDate });
  const s = suppressUptakeOutputs({ metrics: agg.metrics, uptake, clinics: funnel?.rows ?? [], observed: budget.observed, exportDate: agg.exportDate }, rule);
  const national = s.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
  const analysis: UptakeAnalysis = {
    exportDate: agg.exportDate,
    // The rows read are the national referrals: shown exactly when that cell is.
    rows: national?.referrals ?? agg.rows,
    threshold: rule.threshold,
    suppression: s.summary,
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
  return { analysis, loss: s.loss };
}

export function uptakeAnalysisFromAggregate(
  agg: UptakeAggregate,
  eligible: readonly EligibleRow[],
  plan: UptakePlan,
  funnelMethod: FunnelMethod = 'exact-binomial',
): UptakeAnalysis {
  return uptakeRunFromAggregate(agg, eligible, plan, funnelMethod).analysis;
}

/** Reads the files (registry streamed) and runs the analysis. Throws HtaError on bad input. */
export async function analyseUptake(input: {
  registryFile: string;
  eligibleFile: string;
  plan: UptakePlan;
  funnelMethod?: FunnelMethod;
}): Promise<UptakeAnalysis> {
  return (await runUptake(input)).analysis;
}

/** As `analyseUptake`, with the raw information loss for the audit. */
export async function runUptake(input: {
  registryFile: string;
  eligibleFile: string;
  plan: UptakePlan;
  funnelMethod?: FunnelMethod;
}): Promise<UptakeRun> {
  const eligible = readEligible(input.eligibleFile);
  const agg = await readRegistry(input.registryFile, input.plan.exportDate === undefined ? {} : { exportDate: input.plan.exportDate });
  return uptakeRunFromAggregate(agg, eligible, input.plan, input.funnelMethod);
}
