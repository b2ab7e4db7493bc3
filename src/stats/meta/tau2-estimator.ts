/**
 * The interface every between-study variance (τ²) estimator implements, and the control
 * settings they share. Defaults are metafor 3.8's `rma.uni()` `control` defaults:
 * `threshold = 1e-5`, `maxiter = 100`, `stepadj = 1`, `tol = .Machine$double.eps^0.25`,
 * `tau2.min = 0`, `tau2.max = max(100, 10 · mad(yi)²)`.
 */

export type Tau2Method = 'DL' | 'REML' | 'PM';

export interface Tau2Control {
  /** Maximum iterations (Fisher scoring for REML, root search for PM). Default 100. */
  maxIter?: number;
  /** REML convergence: stop when |τ²(new) − τ²(old)| ≤ threshold. Default 1e-5. */
  threshold?: number;
  /** Step-length multiplier for REML Fisher scoring. Default 1. */
  stepAdj?: number;
  /** Root-search tolerance for PM (R's uniroot `tol`). Default .Machine$double.eps^0.25. */
  tol?: number;
}

export interface Tau2Fit {
  /** Estimate, truncated at 0. */
  tau2: number;
  /** Asymptotic standard error of τ², as metafor's `se.tau2`; null where undefined (k = 1). */
  tau2Se: number | null;
  converged: boolean;
  /** Fisher-scoring steps (REML), root-search steps (PM), 0 for closed forms. */
  iterations: number;
}

export type Tau2Estimator = (yi: readonly number[], vi: readonly number[], control?: Tau2Control) => Tau2Fit;

export const TAU2_CONTROL_DEFAULTS: Required<Tau2Control> = {
  maxIter: 100,
  threshold: 1e-5,
  stepAdj: 1,
  tol: Math.pow(2.220446049250313e-16, 0.25),
};

export function withDefaults(control: Tau2Control | undefined): Required<Tau2Control> {
  return { ...TAU2_CONTROL_DEFAULTS, ...(control ?? {}) };
}

/**
 * Weighted sums for the intercept-only model with weights w: Σw, Σw², Σw³, the weighted
 * mean μ̂ = Σw·y/Σw and Q(w) = Σ w (y − μ̂)². Two passes (mean first), so a common shift
 * of all y leaves Q unchanged.
 */
export interface WeightedSums {
  w: number[];
  sw: number;
  sw2: number;
  sw3: number;
  mean: number;
  q: number;
}

export function weightedSums(yi: readonly number[], weights: readonly number[]): WeightedSums {
  let sw = 0;
  let sw2 = 0;
  let sw3 = 0;
  let swy = 0;
  for (let i = 0; i < yi.length; i++) {
    const w = weights[i] as number;
    sw += w;
    sw2 += w * w;
    sw3 += w * w * w;
    swy += w * (yi[i] as number);
  }
  const mean = swy / sw;
  let q = 0;
  for (let i = 0; i < yi.length; i++) {
    const r = (yi[i] as number) - mean;
    q += (weights[i] as number) * r * r;
  }
  return { w: [...weights], sw, sw2, sw3, mean, q };
}

/** Weights 1/(vᵢ + τ²). */
export function inverseVarianceWeights(vi: readonly number[], tau2: number): number[] {
  return vi.map((v) => 1 / (v + tau2));
}

/**
 * tr(P) and Σᵢⱼ Pᵢⱼ² for P = W − w wᵀ/Σw (metafor's P for an intercept-only model).
 */
export function traceP(s: WeightedSums): { trP: number; sumPP: number } {
  const trP = s.sw - s.sw2 / s.sw;
  const sumPP = s.sw2 - (2 * s.sw3) / s.sw + (s.sw2 * s.sw2) / (s.sw * s.sw);
  return { trP, sumPP };
}
