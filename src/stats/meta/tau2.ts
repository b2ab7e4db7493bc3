/**
 * τ² estimators registered by method code, and the non-convergence fallback
 * REML → PM → DL that the random-effects fitter uses.
 *
 * metafor lets `method` be a vector (e.g. `c("REML", "PM", "DL")`) and silently moves to the
 * next one; here every move is recorded in `warnings` and `tau2Method` says which estimator
 * produced the number.
 */
import type { Tau2Control, Tau2Estimator, Tau2Fit, Tau2Method } from './tau2-estimator.js';
import { tau2DerSimonianLaird } from './tau2-dl.js';
import { tau2PauleMandel } from './tau2-pm.js';
import { tau2Reml } from './tau2-reml.js';

export type { Tau2Control, Tau2Estimator, Tau2Fit, Tau2Method } from './tau2-estimator.js';

export const TAU2_ESTIMATORS: Readonly<Record<Tau2Method, Tau2Estimator>> = {
  DL: tau2DerSimonianLaird,
  REML: tau2Reml,
  PM: tau2PauleMandel,
};

export const TAU2_METHOD_NAMES: Readonly<Record<Tau2Method, string>> = {
  DL: 'DerSimonian–Laird',
  REML: 'REML',
  PM: 'Paule–Mandel',
};

/** Order tried after each method fails to converge. DL is closed-form and always succeeds. */
const FALLBACK: Readonly<Record<Tau2Method, Tau2Method[]>> = {
  REML: ['REML', 'PM', 'DL'],
  PM: ['PM', 'DL'],
  DL: ['DL'],
};

export interface Tau2Estimate extends Tau2Fit {
  /** The estimator that produced `tau2` (differs from the one asked for after a fallback). */
  tau2Method: Tau2Method;
  warnings: string[];
}

/**
 * Estimates τ² with `method`, falling back REML → PM → DL when an iterative estimator does
 * not converge. Never throws for non-convergence; each fallback adds a warning such as
 * "REML did not converge after 100 iterations; Paule–Mandel used instead".
 */
export function estimateTau2(
  yi: readonly number[],
  vi: readonly number[],
  method: Tau2Method,
  control?: Tau2Control,
): Tau2Estimate {
  const warnings: string[] = [];
  const order = FALLBACK[method];
  for (let i = 0; i < order.length; i++) {
    const m = order[i] as Tau2Method;
    const fit = TAU2_ESTIMATORS[m](yi, vi, control);
    if (fit.converged) return { ...fit, tau2Method: m, warnings };
    const next = order[i + 1] as Tau2Method;
    warnings.push(
      `${TAU2_METHOD_NAMES[m]} did not converge after ${fit.iterations} ${fit.iterations === 1 ? 'iteration' : 'iterations'}; ${TAU2_METHOD_NAMES[next]} used instead`,
    );
  }
  // Unreachable: DL always converges.
  throw new Error('estimateTau2: no estimator converged');
}
