/**
 * Clinic funnel plot: each clinic's activation rate y/n against its referrals n, with 95% and
 * 99.8% control limits around the overall rate θ = Σy / Σn (Spiegelhalter DJ 2005, "Funnel
 * plots for comparing institutional performance", Stat Med 24:1185–1202, doi:10.1002/sim.1970).
 *
 * Limits for a central probability p ∈ {0.025, 0.975, 0.001, 0.999}:
 *
 *  - 'exact-binomial' (default; Spiegelhalter 2005 Appendix A.1.1): r_p = the p-quantile of
 *    Binomial(n, θ) (= R `qbinom(p, n, θ)`), then interpolate between the discrete steps:
 *      α = (F(r_p) − p) / (F(r_p) − F(r_p − 1)),   limit = (r_p − α) / n,
 *    with F the binomial CDF (= R `pbinom`). This makes the limits smooth in n.
 *  - 'normal': θ ± z_p √(θ(1−θ)/n), clipped to [0, 1].
 *
 * For very small n the interpolated exact limits can fall below 0 or above 1 (e.g. n = 1,
 * θ = 0.65: lower 95% = −0.93), exactly as `funnelLimits` gives in R; a clinic's row carries
 * them clipped to [0, 1] (`clinicFunnel`), as the chart draws them.
 *
 * Verdicts ('exact-binomial'): a clinic with r activations of n is above the 95% (99.8%) limits
 * when P(X ≥ r) < 0.025 (0.001), below when P(X ≤ r) < 0.025 (0.001), X ~ Binomial(n, θ) — the
 * exact one-sided tails (`funnelVerdict`). Not "rate beyond the interpolated limit": that limit
 * (r_p − α)/n lies below r_p/n, so a clinic exactly at the quantile r_p is flagged, and every
 * clinic at 100% (at 0%, below) whatever its n: 8 of 8 at θ = 0.712 has P = 0.066. A point at
 * the quantile, notably 0% or 100%, can therefore sit beyond the drawn line without being
 * outside (docs/plan-uptake.md "Clinic funnel"). 'normal': the rate strictly beyond the limit.
 * No overdispersion adjustment is made (Spiegelhalter §3.4): with many clinics and real
 * between-clinic variation, more than 5% / 0.2% will fall outside.
 *
 * A clinic is its region + code (aggregate.ts): one code in two regions is two rows, labelled
 * with the region in the lists of outlying clinics.
 */
import { normalQuantile } from '../stats/distributions.js';
import type { ClinicCount } from './aggregate.js';
import type { Region } from './referral.js';

export type FunnelMethod = 'exact-binomial' | 'normal';

const FUZZ = 1 - 64 * Number.EPSILON; // as R's qbinom, so p = F(r) exactly picks r

/**
 * CDF of Binomial(n, θ) at 0…n. Weights are built outward from the mode in log space
 * (pmf(k+1)/pmf(k) = (n−k)/(k+1) · θ/(1−θ)) and normalised, so large n neither underflows
 * nor accumulates error from pmf(0) = (1−θ)^n.
 */
export function binomialCdfTable(n: number, theta: number): Float64Array {
  const w = new Float64Array(n + 1);
  if (theta <= 0 || theta >= 1) {
    w[theta <= 0 ? 0 : n] = 1;
  } else {
    const mode = Math.min(n, Math.floor((n + 1) * theta));
    const odds = Math.log(theta) - Math.log1p(-theta);
    w[mode] = 0;
    for (let k = mode; k < n; k++) w[k + 1] = (w[k] as number) + Math.log((n - k) / (k + 1)) + odds;
    for (let k = mode; k > 0; k--) w[k - 1] = (w[k] as number) - Math.log((n - k + 1) / k) - odds;
    let total = 0;
    for (let k = 0; k <= n; k++) total += (w[k] = Math.exp(w[k] as number));
    for (let k = 0; k <= n; k++) w[k] = (w[k] as number) / total;
  }
  const cdf = new Float64Array(n + 1);
  let s = 0;
  for (let k = 0; k <= n; k++) cdf[k] = s += w[k] as number;
  // Sum the upper tail separately so F near 1 keeps its digits at the top.
  let tail = 0;
  for (let k = n; k >= 0; k--) {
    const upper = tail; // P(R > k)
    tail += w[k] as number;
    if ((cdf[k] as number) > 0.5) cdf[k] = 1 - upper;
  }
  return cdf;
}

/** Spiegelhalter's interpolated binomial limit, given the CDF table of Binomial(n, θ). */
export function exactBinomialLimit(cdf: Float64Array, p: number): number {
  const n = cdf.length - 1;
  let r = 0;
  while (r < n && (cdf[r] as number) < p * FUZZ) r++;
  const fr = cdf[r] as number;
  const below = r > 0 ? (cdf[r - 1] as number) : 0;
  const alpha = fr > below ? (fr - p) / (fr - below) : 0;
  return (r - alpha) / n;
}

export interface FunnelLimits {
  lower95: number;
  upper95: number;
  lower998: number;
  upper998: number;
}

const PROBS = { lower95: 0.025, upper95: 0.975, lower998: 0.001, upper998: 0.999 } as const;

/** The four control limits for a unit with n referrals around the rate θ. */
export function funnelLimits(theta: number, n: number, method: FunnelMethod = 'exact-binomial'): FunnelLimits {
  if (!(n >= 1) || !Number.isInteger(n)) throw new RangeError(`funnelLimits needs a whole n ≥ 1, got ${n}`);
  if (method === 'normal') {
    const se = Math.sqrt((theta * (1 - theta)) / n);
    const at = (p: number) => Math.min(1, Math.max(0, theta + normalQuantile(p) * se));
    return { lower95: at(PROBS.lower95), upper95: at(PROBS.upper95), lower998: at(PROBS.lower998), upper998: at(PROBS.upper998) };
  }
  const cdf = binomialCdfTable(n, theta);
  return {
    lower95: exactBinomialLimit(cdf, PROBS.lower95),
    upper95: exactBinomialLimit(cdf, PROBS.upper95),
    lower998: exactBinomialLimit(cdf, PROBS.lower998),
    upper998: exactBinomialLimit(cdf, PROBS.upper998),
  };
}

export type Outside = 'below' | 'above' | null;

export interface ClinicFunnelRow extends FunnelLimits {
  clinic: string;
  region: Region;
  referrals: number;
  activations: number;
  rate: number;
  outside95: Outside;
  outside998: Outside;
}

export interface ClinicFunnel {
  method: FunnelMethod;
  overallRate: number;
  referrals: number;
  activations: number;
  rows: ClinicFunnelRow[];
  /** Clinic codes outside the 95% (resp. 99.8%) limits, sorted. */
  outside95: string[];
  outside998: string[];
}

function outside(rate: number, lower: number, upper: number): Outside {
  return rate < lower ? 'below' : rate > upper ? 'above' : null;
}

/** One-sided exact tails of r activations of n around θ: above when P(X ≥ r) < level, below when P(X ≤ r) < level. */
export function funnelVerdict(cdf: Float64Array, r: number, level: number): Outside {
  const atLeast = r === 0 ? 1 : 1 - (cdf[r - 1] as number);
  if (atLeast < level) return 'above';
  return (cdf[r] as number) < level ? 'below' : null;
}

const clip = (v: number) => Math.min(1, Math.max(0, v));

export function clinicFunnel(clinics: readonly ClinicCount[], method: FunnelMethod = 'exact-binomial'): ClinicFunnel {
  const used = clinics.filter((c) => c.referrals > 0);
  const referrals = used.reduce((s, c) => s + c.referrals, 0);
  const activations = used.reduce((s, c) => s + c.activations, 0);
  if (referrals === 0) throw new RangeError('clinicFunnel needs at least one clinic with referrals');
  const theta = activations / referrals;
  const rows = used
    .map((c): ClinicFunnelRow => {
      const lim = funnelLimits(theta, c.referrals, method);
      const rate = c.activations / c.referrals;
      const cdf = method === 'exact-binomial' ? binomialCdfTable(c.referrals, theta) : undefined;
      return {
        clinic: c.clinic, region: c.region, referrals: c.referrals, activations: c.activations, rate,
        lower95: clip(lim.lower95), upper95: clip(lim.upper95), lower998: clip(lim.lower998), upper998: clip(lim.upper998),
        outside95: cdf ? funnelVerdict(cdf, c.activations, 0.025) : outside(rate, lim.lower95, lim.upper95),
        outside998: cdf ? funnelVerdict(cdf, c.activations, 0.001) : outside(rate, lim.lower998, lim.upper998),
      };
    })
    // Aggregate order (code, then region order for a code used in two regions): stable sort keeps it.
    .sort((a, b) => (a.clinic < b.clinic ? -1 : a.clinic > b.clinic ? 1 : 0));
  const label = clinicLabeller(rows);
  return {
    method, overallRate: theta, referrals, activations, rows,
    outside95: rows.filter((r) => r.outside95 !== null).map(label),
    outside998: rows.filter((r) => r.outside998 !== null).map(label),
  };
}

/**
 * How a clinic is named in lists: its code, or "code (region)" when the code is used in more
 * than one region (clinics are identified by region + code; see aggregate.ts).
 */
export function clinicLabeller(rows: readonly { clinic: string; region: Region }[]): (c: { clinic: string; region: Region }) => string {
  const regionsOf = new Map<string, Set<Region>>();
  for (const r of rows) regionsOf.set(r.clinic, (regionsOf.get(r.clinic) ?? new Set()).add(r.region));
  return (c) => ((regionsOf.get(c.clinic)?.size ?? 1) > 1 ? `${c.clinic} (${c.region})` : c.clinic);
}
