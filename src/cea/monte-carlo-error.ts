/**
 * The Monte Carlo error of the multiply imputed point estimates (docs/plan-cea.md, "Monte Carlo
 * error"): with m imputations the pooled Δc and Δe move from seed to seed by about their MCSE
 * √(B/m) (White IR, Royston P, Wood AM 2011, Stat Med 30:377–399, doi:10.1002/sim.4067, section
 * 7). Their rule: the MCSE at most 10% of the estimate's SE, about m ≥ 100 × the fraction of
 * missing information (FMI); past it, the results say so.
 */
import type { IncrementalFit } from './incremental-regression.js';
import { rubinMonteCarlo } from '../stats/missing/rubin-rules.js';
import { MCSE_SHARE_OF_SE, suggestedImputations } from '../stats/missing/mi-monte-carlo.js';
import { enUsFixed } from './en-us-fixed.js';

export { MCSE_SHARE_OF_SE };

export interface PooledEstimate {
  estimate: number;
  se: number;
}

export interface MonteCarloError {
  imputations: number;
  incrementalCost: { mcse: number; fmi: number };
  incrementalQaly: { mcse: number; fmi: number };
  /**
   * The imputations White et al.'s rule asks for: 100 × the larger FMI, and enough to bring each
   * MCSE (∝ 1/√m) to 10% of its SE; rounded up to tens.
   */
  suggestedImputations: number;
  /** An MCSE above 10% of its estimate's SE. */
  large: boolean;
}

/** Rubin's pooling of the m fits, with the Monte Carlo error of the pooled Δc and Δe. */
export function poolWithMonteCarloError(fits: readonly IncrementalFit[]): { cost: PooledEstimate; qaly: PooledEstimate; monteCarlo: MonteCarloError } {
  // The complete-data df n − p is the same in every completed data set (mice::pool's dfcom).
  const df = fits[0]!.df;
  const pool = (k: 'cost' | 'qaly') => rubinMonteCarlo(fits.map((f) => f[k].estimate), fits.map((f) => f[k].se ** 2), df);
  const c = pool('cost');
  const q = pool('qaly');
  return {
    cost: { estimate: c.estimate, se: c.se },
    qaly: { estimate: q.estimate, se: q.se },
    monteCarlo: {
      imputations: fits.length,
      incrementalCost: { mcse: c.mcse, fmi: c.fmi },
      incrementalQaly: { mcse: q.mcse, fmi: q.fmi },
      suggestedImputations: suggestedImputations(fits.length, [c, q]),
      large: c.mcse > MCSE_SHARE_OF_SE * c.se || q.mcse > MCSE_SHARE_OF_SE * q.se,
    },
  };
}

/** The English warning (results.json `warnings`, stderr) when the Monte Carlo error is large; `what` names the analysis ("the base case"). */
export function monteCarloWarning(what: string, est: { cost: PooledEstimate; qaly: PooledEstimate }, mc: MonteCarloError, currency: string): string | null {
  if (!mc.large) return null;
  const share = (mcse: number, se: number) => `${Math.round((100 * mcse) / se)}% of its SE`;
  const c = `${fmt(est.cost.estimate, 0)} ${currency} ± ${fmt(mc.incrementalCost.mcse, 0)} (${share(mc.incrementalCost.mcse, est.cost.se)})`;
  const q = `${fmt(est.qaly.estimate, 4)} ± ${fmt(mc.incrementalQaly.mcse, 4)} (${share(mc.incrementalQaly.mcse, est.qaly.se)})`;
  return `${what}: with m = ${mc.imputations} imputations the pooled estimates carry a large Monte Carlo error — incremental cost ${c}, incremental QALY ${q}; another imputation seed can move them by about twice that. White et al. (2011) advise a Monte Carlo error of at most 10% of the SE: set "imputation": { "m": ${mc.suggestedImputations} } or more in the plan (the fraction of missing information is ${fmt(Math.max(mc.incrementalCost.fmi, mc.incrementalQaly.fmi), 2)})`;
}

// en-US digits as toLocaleString writes them, without loading ICU's locale data (en-us-fixed.ts).
const fmt = (x: number, digits: number) => enUsFixed(x, digits).replace('-', '−');
