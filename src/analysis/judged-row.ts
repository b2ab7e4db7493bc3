/**
 * One effect row: the method's estimate judged against the MCID, or — when the method cannot
 * compute it (too few patients, singular design) — null numbers with an `error`.
 */
import { HtaError } from '../errors.js';
import type { Direction } from '../instruments/instrument.js';
import { judgeDifference } from '../judge/judge-effect.js';
import type { EffectEstimate } from './effect-estimate.js';
import type { EffectRow } from './results-schema.js';
import { outcomeLabel } from '../plan/outcome-label.js';
import type { Plan } from '../plan/plan-schema.js';

/**
 * An outcome's (or responder's) English label; without one, the name the pages give it
 * (plan/outcome-label.ts): an outcome by its instrument's name, a responder from its outcome and
 * threshold ("… improved ≥ 30%"), so results.json and the pages name a row the same way.
 */
export function labelOf(o: { key: string; label?: { en: string } | undefined }, plan: Plan): string {
  return o.label?.en ?? outcomeLabel(plan, o.key, 'en');
}

export function row(base: Pick<EffectRow, 'outcome' | 'label' | 'time' | 'method'>, confLevel: number, mcid: number | undefined, direction: Direction, compute: () => EffectEstimate): EffectRow {
  const empty = {
    ...base,
    n: { intervention: 0, control: 0 },
    difference: null,
    se: null,
    df: null,
    ciLower: null,
    ciUpper: null,
    confLevel,
    ciMethod: '',
    pValue: null,
    mcid: mcid ?? null,
    direction,
    benefit: null,
    benefitCiLower: null,
    benefitCiUpper: null,
    significant: null,
    imprecise: null,
    relevance: null,
  } satisfies EffectRow;
  let est: EffectEstimate;
  try {
    est = compute();
  } catch (err) {
    if (err instanceof HtaError && err.code === 'analysis.failed') {
      // A cluster trial's yes/no row keeps its per-arm shares when its interval is not estimable (cluster-effects.ts).
      const { n, shares } = err as HtaError & { n?: EffectRow['n']; shares?: EffectRow['shares'] };
      return { ...empty, ...(n ? { n } : {}), ...(shares ? { shares } : {}), error: err.message };
    }
    throw err;
  }
  const { extra, ...numbers } = est;
  const j = judgeDifference(numbers.difference, numbers.ciLower, numbers.ciUpper, mcid ?? 1, direction);
  return {
    ...empty,
    ...numbers,
    benefit: j.benefit,
    benefitCiLower: j.benefitCiLower,
    benefitCiUpper: j.benefitCiUpper,
    significant: j.significant,
    imprecise: mcid === undefined ? null : j.imprecise,
    relevance: mcid === undefined ? null : j.relevance,
    ...extra,
  };
}

