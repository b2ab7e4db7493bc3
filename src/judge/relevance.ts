/**
 * Clinical relevance of a between-group difference against the MCID (docs/data-contracts.md#verdicts).
 *
 * From the benefit b (positive favours the intervention), its confidence interval [L, U] and
 * the MCID m > 0, the first rule that holds:
 *   1. L ≥ m            → relevant-benefit        (the whole CI is beyond the MCID)
 *   2. U ≤ −m           → relevant-harm
 *   3. b ≥ m            → possibly-relevant-benefit (point estimate beyond, CI not)
 *   4. b ≤ −m           → possibly-relevant-harm
 *   5. L > 0, U < m     → significant-not-relevant  (the committee's "significant, but not
 *                                                    clinically relevant": a relevant benefit is ruled out)
 *   6. L > 0            → significant-relevance-uncertain (significant, but the CI reaches the
 *                                                    MCID: a relevant benefit is not ruled out)
 *   7. U < 0, L > −m    → significant-harm-not-relevant
 *   8. U < 0            → significant-harm-relevance-uncertain
 *   9. −m < L, U < m    → no-relevant-difference   (relevant benefit and harm both ruled out)
 *  10. otherwise        → inconclusive
 * The boundaries follow the rules exactly: L = m counts as relevant, so U = m does not rule a
 * relevant effect out; L = 0 is not significant. A value within floating-point noise of 0 or ±m
 * is on it (float-noise.ts), as the page prints it: a limit of 2 − 1e-13 reads "2.00" against an
 * MCID of 2, and is judged as L = m.
 */
import { above, atLeast, atMost, below } from './float-noise.js';

export const RELEVANCE_LABELS = [
  'relevant-benefit',
  'relevant-harm',
  'possibly-relevant-benefit',
  'possibly-relevant-harm',
  'significant-not-relevant',
  'significant-relevance-uncertain',
  'significant-harm-not-relevant',
  'significant-harm-relevance-uncertain',
  'no-relevant-difference',
  'inconclusive',
] as const;

export type Relevance = (typeof RELEVANCE_LABELS)[number];

export function relevanceOf(benefit: number, lower: number, upper: number, mcid: number): Relevance {
  if (!(mcid > 0)) throw new RangeError(`MCID must be positive, got ${mcid}`);
  if (!(lower <= upper)) throw new RangeError(`CI lower bound ${lower} exceeds upper bound ${upper}`);
  if (atLeast(lower, mcid)) return 'relevant-benefit';
  if (atMost(upper, -mcid)) return 'relevant-harm';
  if (atLeast(benefit, mcid)) return 'possibly-relevant-benefit';
  if (atMost(benefit, -mcid)) return 'possibly-relevant-harm';
  if (above(lower, 0)) return below(upper, mcid) ? 'significant-not-relevant' : 'significant-relevance-uncertain';
  if (below(upper, 0)) return above(lower, -mcid) ? 'significant-harm-not-relevant' : 'significant-harm-relevance-uncertain';
  if (above(lower, -mcid) && below(upper, mcid)) return 'no-relevant-difference';
  return 'inconclusive';
}

/**
 * Of a "possibly clinically relevant" verdict (rules 3 and 4): the other side's relevant effect
 * that its CI does not rule out — 'harm' when a possible benefit's L ≤ −m, 'benefit' when a
 * possible harm's U ≥ m — else null. The verdict stays (docs/data-contracts.md#verdicts); its
 * wording says this, as "relevant harm is ruled out" needs L > −m (rule 9).
 */
export function otherSideNotRuledOut(relevance: Relevance | null, lower: number | null, upper: number | null, mcid: number | null): 'harm' | 'benefit' | null {
  if (lower === null || upper === null || mcid === null) return null;
  if (relevance === 'possibly-relevant-benefit' && atMost(lower, -mcid)) return 'harm';
  if (relevance === 'possibly-relevant-harm' && atLeast(upper, mcid)) return 'benefit';
  return null;
}

/** A CI that excludes 0 (the test at the CI's level rejects "no difference"). */
export function isSignificant(lower: number, upper: number): boolean {
  return above(lower, 0) || below(upper, 0);
}

/**
 * GRADE imprecision signal: the CI crosses the MCID or −MCID, so the interval includes both
 * clinically relevant and not relevant effects (GRADE handbook, 5.2.4 Imprecision; Guyatt et al. 2011,
 * doi:10.1016/j.jclinepi.2011.01.012).
 */
export function isImprecise(lower: number, upper: number, mcid: number): boolean {
  return (below(lower, mcid) && above(upper, mcid)) || (below(lower, -mcid) && above(upper, -mcid));
}
