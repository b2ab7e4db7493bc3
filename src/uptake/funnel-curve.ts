/**
 * Funnel-plot limit curves: the 95% and 99.8% control limits of `funnelLimits` evaluated over a
 * grid of referral counts n, for drawing the funnel behind the clinics (Spiegelhalter 2005,
 * doi:10.1002/sim.1970). The grid is geometric from `nMin` to `nMax` (whole numbers, no
 * repeats, both ends included), so the fast-changing small-n end is drawn smoothly.
 *
 * Limits are clipped to [0, 1] here: the interpolated exact limits can leave that range for
 * very small n (see `clinic-funnel.ts`), which is right for the formula but not drawable as a rate.
 *
 * Example: funnelCurve(0.65, 1000, { nMin: 10, points: 5 }) → n = 10, 32, 100, 316, 1000.
 */
import { funnelLimits, type FunnelLimits, type FunnelMethod } from './clinic-funnel.js';

export interface FunnelCurvePoint extends FunnelLimits {
  n: number;
}

export interface FunnelCurveOptions {
  /** Smallest n on the grid; default 1. */
  nMin?: number;
  /** Grid points before rounding and de-duplication; default 120. */
  points?: number;
  method?: FunnelMethod;
}

const clip = (v: number) => Math.min(1, Math.max(0, v));

export function funnelCurve(theta: number, nMax: number, options: FunnelCurveOptions = {}): FunnelCurvePoint[] {
  const nMin = Math.max(1, Math.round(options.nMin ?? 1));
  const points = options.points ?? 120;
  if (!(theta >= 0 && theta <= 1)) throw new RangeError(`funnelCurve needs a rate θ in [0, 1], got ${theta}`);
  if (!(nMax >= nMin)) throw new RangeError(`funnelCurve needs nMax ≥ nMin (${nMin}), got ${nMax}`);
  if (!Number.isInteger(points) || points < 2) throw new RangeError(`funnelCurve needs at least 2 grid points, got ${points}`);
  const grid = new Set<number>();
  const ratio = Math.log(nMax / nMin) / (points - 1);
  for (let i = 0; i < points; i++) grid.add(Math.round(nMin * Math.exp(ratio * i)));
  grid.add(Math.round(nMax));
  return [...grid].sort((a, b) => a - b).map((n) => {
    const l = funnelLimits(theta, n, options.method);
    return { n, lower95: clip(l.lower95), upper95: clip(l.upper95), lower998: clip(l.lower998), upper998: clip(l.upper998) };
  });
}
