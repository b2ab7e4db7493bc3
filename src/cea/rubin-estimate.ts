/**
 * Rubin's rules for a pooled estimate and its standard error only, as the cost-effectiveness
 * analysis reports them: the arithmetic of stats/missing/rubin-rules.ts's `poolRubin` in the same
 * order, so the same bits and the same errors (test/cea/rubin-estimate.test.ts holds them
 * together), without its t interval, which the CEA does not report. That interval's t quantile
 * loads @stdlib's incomplete-beta modules: ~0.2 CPU-s on the worker thread that runs this
 * analysis (docs/architecture.md#the-cost-of-a-cold-regeneration), for a number thrown away.
 *
 *   q̄ = mean(q_l),  Ū = mean(u_l),  B = Σ(q_l − q̄)²/(m − 1),  SE = √(Ū + (1 + 1/m)·B)
 *
 * Reference: Rubin DB (1987) doi:10.1002/9780470316696.
 */
import { HtaError } from '../errors.js';

export function rubinEstimateSe(estimates: readonly number[], variances: readonly number[]): { estimate: number; se: number } {
  const m = estimates.length;
  if (m < 2) throw new HtaError('analysis.failed', `Rubin's rules need at least 2 imputations, got ${m}.`);
  if (variances.length !== m) {
    throw new HtaError('analysis.failed', `Rubin's rules: ${m} estimates but ${variances.length} variances; pass one variance per estimate.`);
  }
  if (estimates.some((q) => !Number.isFinite(q)) || variances.some((u) => !Number.isFinite(u) || u < 0)) {
    throw new HtaError('analysis.failed', "Rubin's rules: estimates must be finite and variances finite and ≥ 0.");
  }
  const estimate = mean(estimates);
  const within = mean(variances);
  let ss = 0;
  for (const q of estimates) ss += (q - estimate) ** 2;
  const between = ss / (m - 1);
  const total = within + (1 + 1 / m) * between;
  return { estimate, se: Math.sqrt(total) };
}

function mean(xs: readonly number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s / xs.length;
}
