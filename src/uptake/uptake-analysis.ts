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
import { clinicFunnel, clinicLabeller, type FunnelMethod } from './clinic-funnel.js';
import { HtaError, type Problem } from '../errors.js';
import type { ProblemGroup } from '../problem-groups.js';
import { readEligible, readRegistryFile } from './read-registry.js';
import { regionSet } from './regions.js';
import type { DateFormat } from './registry-dates.js';
import {
  SUPPRESSED, suppressUptakeOutputs, type Masked, type SuppressionSummary,
  type SuppressedClinicRow, type SuppressedMetricRow, type SuppressedObservedCostRow, type SuppressedUptakeRateRow,
} from './suppression.js';
import { completeDenominators, regionsOfEligible, uptakePerEligible, type EligibleRow, type FilledCell } from './uptake-per-eligible.js';
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
  /**
   * Present when the plan sets eligibleFill "carry-forward": every region × year the eligible
   * file lacks and the year whose count filled it (docs/plan-uptake.md).
   */
  eligibleFill?: { method: 'carry-forward'; filled: FilledCell[] };
  /**
   * Present when invalid rows are excluded (--exclude-invalid or invalidRows "exclude"): how many
   * rows were left out and why, grouped with line ranges (never ids).
   */
  excluded?: { rows: number; problems: ProblemGroup[] };
  /** Present when the plan's dateFormat is "auto": the format the registry's dates were read in. */
  dateFormatDetected?: DateFormat;
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
  const label = clinicLabeller(agg.clinics);
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
      outside95: s.clinics.filter((c) => c.outside95 === 'above' || c.outside95 === 'below').map(label).sort(),
      outside998: s.clinics.filter((c) => c.outside998 === 'above' || c.outside998 === 'below').map(label).sort(),
      rows: s.clinics,
    },
    budget: { ...budget, observed: s.observed },
  };
  return { analysis, loss: s.loss };
}

/** What an uptake run reads: the files, the plan and the options the CLI sets. */
export interface UptakeInput {
  /** The registry export (CSV or Parquet); or else `aggregates`. */
  registryFile?: string;
  /** Instead of a registry: aggregate tables (folders or CSV files) of sql/uptake-aggregates.sql, summed. */
  aggregates?: readonly string[];
  /** The SQL engine's memory limit ("1GB") and threads (docs/uptake-aggregates.md). */
  memoryLimit?: string;
  threads?: number;
  eligibleFile: string;
  plan: UptakePlan;
  /** For messages about the plan. */
  planFile?: string;
  funnelMethod?: FunnelMethod;
  /** Overrides the plan's invalidRows (the CLI's --exclude-invalid). */
  invalidRows?: 'fail' | 'exclude';
  /** Sees each problem of an excluded row (for --excluded-out). */
  onExcluded?: (p: Problem) => void;
}

/** Reads the files (registry streamed) and runs the analysis. Throws HtaError on bad input. */
export async function analyseUptake(input: UptakeInput): Promise<UptakeAnalysis> {
  return (await runUptake(input)).analysis;
}

/** As `analyseUptake`, with the raw information loss for the audit. */
export async function runUptake(input: UptakeInput): Promise<UptakeRun> {
  const { plan } = input;
  const planFile = input.planFile ?? 'the uptake plan';
  const given = readEligible(input.eligibleFile, plan.columns?.eligible ? { columns: plan.columns.eligible } : {});
  let regions;
  try {
    regions = regionSet(regionsOfEligible(given), plan.regions ?? {}, input.eligibleFile);
  } catch (err) {
    if (!(err instanceof RangeError)) throw err;
    throw new HtaError('plan.invalid', `${planFile} maps a region the eligible file does not have`, [{ file: planFile, field: 'regions', expected: `a synonym of a region of ${input.eligibleFile}: ${err.message}` }]);
  }
  const invalidRows = input.invalidRows ?? plan.invalidRows ?? 'fail';
  let agg: UptakeAggregate;
  let read: Awaited<ReturnType<typeof readRegistryFile>> | undefined;
  if (input.aggregates !== undefined) {
    const { readAggregateTables } = await import('./engine/read-aggregate-tables.js');
    const { aggregateFromTables } = await import('./engine/aggregate-tables.js');
    agg = aggregateFromTables(readAggregateTables(input.aggregates, regions), regions.names);
    if (plan.exportDate !== undefined && agg.rows > 0 && agg.exportDate !== plan.exportDate) {
      throw new HtaError('input.invalid', `the aggregate tables were cut at ${agg.exportDate}, the plan's exportDate is ${plan.exportDate}`, [
        { file: planFile, field: 'exportDate', value: plan.exportDate, expected: `the export date the aggregate tables were computed with (${agg.exportDate})` },
      ]);
    }
  } else {
    if (input.registryFile === undefined) throw new HtaError('usage.invalid', 'give a registry export or --aggregates');
    read = await readRegistryFile(input.registryFile, {
      regions,
      ...(plan.exportDate !== undefined ? { exportDate: plan.exportDate } : {}),
      ...(plan.dateFormat !== undefined ? { dateFormat: plan.dateFormat } : {}),
      ...(plan.columns?.registry ? { columns: plan.columns.registry } : {}),
      ...(plan.values?.sex ? { sexValues: plan.values.sex } : {}),
      ...(plan.values?.referrer ? { referrerValues: plan.values.referrer } : {}),
      ...(plan.dateWindow ? { dateWindow: plan.dateWindow } : {}),
      invalidRows,
      ...(input.onExcluded ? { onExcluded: input.onExcluded } : {}),
      ...(input.memoryLimit !== undefined ? { memoryLimit: input.memoryLimit } : {}),
      ...(input.threads !== undefined ? { threads: input.threads } : {}),
    });
    agg = read.aggregate;
  }
  // Every observed activation year and every scenario year needs every region's denominator.
  const horizon = plan.scenarios.base.map((_, k) => plan.firstYear + k);
  const needed = [...new Set([...agg.activationsByYear.map((a) => a.year), ...horizon])];
  const fill = plan.eligibleFill ?? 'none';
  const complete = completeDenominators(given, needed, fill);
  if (!complete.ok) {
    const cells = complete.missing.map((m) => `${m.region} ${m.years.join(', ')}`).join('; ');
    throw new HtaError(
      'input.invalid',
      `${input.eligibleFile} lacks the eligible count for ${cells}`,
      complete.missing.map((m) => ({
        file: input.eligibleFile, field: 'region', value: m.region,
        expected: `a row for ${m.years.join(', ')} (years with observed activations or in the scenario horizon ${horizon[0]}–${horizon[horizon.length - 1]}); or set "eligibleFill": "carry-forward" in the uptake plan`,
      })),
    );
  }
  const run = uptakeRunFromAggregate(agg, complete.rows, plan, input.funnelMethod);
  const analysis = run.analysis;
  if (fill === 'carry-forward') analysis.eligibleFill = { method: 'carry-forward', filled: complete.filled };
  if (read && invalidRows === 'exclude') analysis.excluded = read.excluded;
  if (read && plan.dateFormat === 'auto') analysis.dateFormatDetected = read.dateFormat;
  return run;
}
