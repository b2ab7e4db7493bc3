/**
 * Pain Self-Efficacy Questionnaire (PSEQ): confidence in doing activities despite pain.
 *
 * Score = Σ of 10 items each 0 (not at all confident) – 6 (completely confident), 0–60; higher
 * is better. Nicholas MK. The pain self-efficacy questionnaire: taking pain into account.
 * Eur J Pain 2007;11(2):153–163, doi:10.1016/j.ejpain.2005.12.008.
 *
 * Missing items: as for RMDQ (`proratedSum`): none allowed by default; with
 * options.maxMissingItems = k, score = Σ answered ÷ answered × 10, unrounded.
 *
 * Default MCID: 5.5 points, Chiarotto A et al. Responsiveness and minimal important change of
 * the Pain Self-Efficacy Questionnaire and short forms in patients with chronic low back pain.
 * J Pain 2016;17(6):707–718, doi:10.1016/j.jpain.2016.02.012.
 */
import type { Instrument } from './instrument.js';
import { proratedSum } from './prorated-sum.js';

const ITEM_COUNT = 10;

export const pseq: Instrument = {
  key: 'pseq',
  name: { en: 'Pain Self-Efficacy Questionnaire', da: 'Spørgeskema om smerte-mestringstro (PSEQ)' },
  unit: { en: 'points', da: 'point' },
  kind: 'continuous',
  range: [0, 6 * ITEM_COUNT],
  integer: true,
  direction: 'higher-is-better',
  defaultMcid: {
    absolute: 5.5,
    source: 'Chiarotto A et al. 2016, J Pain 17(6):707-718, doi:10.1016/j.jpain.2016.02.012',
  },
  items: {
    columns: (prefix) => Array.from({ length: ITEM_COUNT }, (_, i) => `${prefix}_${i + 1}`),
    min: 0,
    max: 6,
    integer: true,
  },
  score: (items, options) => proratedSum('pseq', items, ITEM_COUNT, options),
};
