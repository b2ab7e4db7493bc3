/**
 * Numeric rating scale (NRS) for pain intensity: one integer answer 0 (no pain) – 10 (worst
 * imaginable pain); lower is better. Average pain and worst pain are two outcomes that both
 * use this instrument (different columns, same scale).
 *
 * Default MCID: 2 points or 30 % improvement from baseline, Ostelo RW et al. 2008, Spine
 * 33(1):90–94, doi:10.1097/BRS.0b013e31815e3a10.
 *
 * No `items`/`score`: the answer is the score.
 */
import type { Instrument } from './instrument.js';

export const nrs: Instrument = {
  key: 'nrs',
  name: { en: 'Pain intensity (NRS 0–10)', da: 'Smerteintensitet (NRS 0–10)' },
  unit: { en: 'points', da: 'point' },
  kind: 'continuous',
  range: [0, 10],
  integer: true,
  direction: 'lower-is-better',
  defaultMcid: {
    absolute: 2,
    percent: 30,
    source: 'Ostelo RW et al. 2008, Spine 33(1):90-94, doi:10.1097/BRS.0b013e31815e3a10',
  },
};
