/**
 * DerSimonian–Laird estimator of the between-study variance (method of moments).
 *
 * τ²_DL = max(0, (Q − (k − 1)) / (Σw − Σw²/Σw)), with w = 1/v and Q = Σ w (y − ȳ_w)².
 * SE as metafor: √( [2(k−1) + 4τ² tr(P) + 2τ⁴ ΣP²] ) / tr(P).
 * = `metafor::rma(yi, vi, method = "DL")$tau2` (and `$se.tau2`).
 *
 * Reference: DerSimonian R, Laird N (1986). Meta-analysis in clinical trials.
 * Control Clin Trials 7:177–188. doi:10.1016/0197-2456(86)90046-2
 *
 * Preconditions: validated yi, vi (vi > 0), k ≥ 2.
 * Example (dat.bcg, log RR): τ² = 0.3088 (Viechtbauer 2010, JSS 36(3)).
 */
import type { Tau2Fit } from './tau2-estimator.js';
import { traceP, weightedSums } from './tau2-estimator.js';

export function tau2DerSimonianLaird(yi: readonly number[], vi: readonly number[]): Tau2Fit {
  const k = yi.length;
  const s = weightedSums(
    yi,
    vi.map((v) => 1 / v),
  );
  const { trP, sumPP } = traceP(s);
  const tau2 = Math.max(0, (s.q - (k - 1)) / trP);
  const tau2Se = k > 1 ? Math.sqrt(2 * (k - 1) + 4 * tau2 * trP + 2 * tau2 * tau2 * sumPP) / trP : null;
  return { tau2, tau2Se, converged: true, iterations: 0 };
}
