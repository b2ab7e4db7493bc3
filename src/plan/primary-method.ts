/**
 * The method whose rows a trial report treats as primary for continuous outcomes (forest plot,
 * summary of findings, conclusion, flow, methods text): the plan's first method. A
 * cluster-randomised trial has no Welch or pooled-t rows — both run as one unadjusted
 * cluster-robust difference, `cluster-difference` — and its change-score and MMRM rows are not
 * run, so there the first method with clustered rows decides
 * (docs/plan-trial.md#cluster-randomised-trials). Decided here only, so every part of a report
 * looks up the same rows.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import type { Plan } from './plan-schema.js';

/** The row method a clustered analysis gives each plan method; undefined when it is not run. */
function clusteredMethod(method: Plan['methods'][number]): EffectRow['method'] | undefined {
  if (method === 'ancova') return 'ancova';
  if (method === 'welch' || method === 'pooled-t') return 'cluster-difference';
  return undefined;
}

export function primaryMethod(plan: Pick<Plan, 'methods' | 'clusters'>): EffectRow['method'] {
  const first = plan.methods[0] ?? 'ancova';
  if (plan.clusters === undefined) return first;
  for (const m of plan.methods) {
    const row = clusteredMethod(m);
    if (row) return row;
  }
  // Only methods that are not run: their rows carry the reason, so the report shows that.
  return first;
}
