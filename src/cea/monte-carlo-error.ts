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
import type { PlanNote } from './load-cea-plan.js';
import { money, qalyText } from './cea-phrases.js';

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

/** An MCSE as a share of its estimate's SE (an SE of 0 with an MCSE above it: infinitely large). */
export function shareOfSe(mcse: number, se: number): number {
  return se > 0 ? mcse / se : mcse > 0 ? Infinity : 0;
}

/** Whether a share passes the 10% White et al. advise (as `large` is decided). */
export const exceedsShare = (share: number): boolean => share > MCSE_SHARE_OF_SE;

/**
 * A share in percent with the decimals that show on which side of 10% it lies: 10.04% is "10.04%",
 * never "10%" beside a warning that it exceeds 10%; 9% and 11% keep no decimals.
 */
export function sharePercent(share: number, lang: 'en' | 'da'): string {
  const pct = 100 * share;
  const limit = 100 * MCSE_SHARE_OF_SE;
  let d = 0;
  while (d < 3 && Number.isFinite(pct) && pct !== limit && Number(pct.toFixed(d)) === limit) d++;
  const text = Number.isFinite(pct) ? enUsFixed(pct, d) : '∞';
  return lang === 'da' ? `${text.replace('.', ',')} %` : `${text}%`;
}

/**
 * The warning (results.json `warnings` in English, stderr in the run's language) when the Monte
 * Carlo error is large; `what` names the analysis ("the base case", "basisanalysen"). Each estimate
 * says its share of its SE, and the one(s) above 10% say so: a page once said both passed when one did.
 */
export function monteCarloWarning(what: { en: string; da: string }, est: { cost: PooledEstimate; qaly: PooledEstimate }, mc: MonteCarloError, currency: string): PlanNote | null {
  if (!mc.large) return null;
  const cs = shareOfSe(mc.incrementalCost.mcse, est.cost.se);
  const qs = shareOfSe(mc.incrementalQaly.mcse, est.qaly.se);
  const fmi = Math.max(mc.incrementalCost.fmi, mc.incrementalQaly.fmi);
  const share = (s: number, lang: 'en' | 'da') => (lang === 'en' ? `${sharePercent(s, 'en')} of its SE${exceedsShare(s) ? ', above 10%' : ''}` : `${sharePercent(s, 'da')} af dens standardfejl${exceedsShare(s) ? ', over 10 %' : ''}`);
  const c = `${fmt(est.cost.estimate, 0)} ${currency} ± ${fmt(mc.incrementalCost.mcse, 0)} (${share(cs, 'en')})`;
  const q = `${fmt(est.qaly.estimate, 4)} ± ${fmt(mc.incrementalQaly.mcse, 4)} (${share(qs, 'en')})`;
  const cDa = `${money(est.cost.estimate, currency, 'da').replace('-', '−')} ± ${money(mc.incrementalCost.mcse, currency, 'da').replace(/ .*$/, '')} (${share(cs, 'da')})`;
  const qDa = `${qalyText(est.qaly.estimate, 'da')} ± ${qalyText(mc.incrementalQaly.mcse, 'da')} (${share(qs, 'da')})`;
  return {
    en: `${what.en}: with m = ${mc.imputations} imputations the pooled estimates carry a large Monte Carlo error — incremental cost ${c}, incremental QALY ${q}; another imputation seed can move them by about twice that. White et al. (2011) advise a Monte Carlo error of at most 10% of the SE: set "imputation": { "m": ${mc.suggestedImputations} } or more in the plan (the fraction of missing information is ${fmt(fmi, 2)})`,
    da: `${what.da}: med m = ${mc.imputations} imputationer har de samlede estimater en stor Monte Carlo-standardfejl — meromkostning ${cDa}, forskel i QALY ${qDa}; en ny imputation med andre tilfældige tal kan flytte dem omtrent det dobbelte. White m.fl. (2011) anbefaler en Monte Carlo-standardfejl på højst 10 % af standardfejlen: angiv "imputation": { "m": ${mc.suggestedImputations} } eller mere i planen (andelen af manglende information er ${fmt(fmi, 2).replace('.', ',')})`,
  };
}

// en-US digits as toLocaleString writes them, without loading ICU's locale data (en-us-fixed.ts).
const fmt = (x: number, digits: number) => enUsFixed(x, digits).replace('-', '−');
