/**
 * What the analysis reads from an uptake plan beyond its fields: the scenario names and the
 * disclosure rule. Apart from uptake-plan.ts (which re-exports SCENARIOS for the report) so that the analysis, on
 * its worker thread in `hta report` (report/uptake-off-thread.ts), gets a plan already checked
 * and does not build the plan's zod schemas again.
 */
import type { Scenario, UptakePlan } from './uptake-plan.js';

export const SCENARIOS: readonly Scenario[] = ['low', 'base', 'high'];

/** The disclosure rule of a plan (protection level defaulting to the threshold). */
export function disclosureRuleOf(plan: UptakePlan): { threshold: number; protectionLevel: number; zerosSensitive: boolean } {
  const s = plan.suppression;
  return { threshold: s.threshold, protectionLevel: s.protectionLevel ?? s.threshold, zerosSensitive: s.zerosSensitive };
}
