/**
 * Turns an estimated difference (intervention − control, instrument units) into the judged
 * effect row fields: benefit on the "positive favours the intervention" scale, and the
 * significance, imprecision and relevance labels.
 */
import type { Direction } from '../instruments/instrument.js';
import { isImprecise, isSignificant, type Relevance, relevanceOf } from './relevance.js';

export interface Judgement {
  direction: Direction;
  benefit: number;
  benefitCiLower: number;
  benefitCiUpper: number;
  significant: boolean;
  imprecise: boolean;
  relevance: Relevance;
}

/** Lower-is-better instruments flip the sign (and swap the CI ends) so benefit > 0 favours the app. */
export function judgeDifference(difference: number, ciLower: number, ciUpper: number, mcid: number, direction: Direction): Judgement {
  const flip = direction === 'lower-is-better';
  const benefit = flip ? -difference : difference;
  const benefitCiLower = flip ? -ciUpper : ciLower;
  const benefitCiUpper = flip ? -ciLower : ciUpper;
  return {
    direction,
    benefit,
    benefitCiLower,
    benefitCiUpper,
    significant: isSignificant(benefitCiLower, benefitCiUpper),
    imprecise: isImprecise(benefitCiLower, benefitCiUpper, mcid),
    relevance: relevanceOf(benefit, benefitCiLower, benefitCiUpper, mcid),
  };
}
