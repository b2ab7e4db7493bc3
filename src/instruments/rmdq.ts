/**
 * Roland-Morris Disability Questionnaire (RMDQ): back-pain-related disability.
 *
 * Score = number of "yes" answers (items coded 0 = no, 1 = yes), 0–24; lower is better.
 * Roland M, Morris R. A study of the natural history of back pain. Part I. Spine
 * 1983;8(2):141–144, doi:10.1097/00007632-198303000-00004.
 *
 * The Danish version has 23 items (0–23; Albert HB et al., Ugeskr Laeger 2003;165(18):1875–1880).
 *
 * Missing items: see `proratedSum` — by default any missing item makes the score missing;
 * with options.maxMissingItems = k, up to k may be missing and the score is
 * yes ÷ answered × item count, kept unrounded (so a prorated score can be fractional even
 * though complete scores are whole numbers).
 *
 * Default MCID: 5 points or 30 % improvement from baseline, Ostelo RW et al. Interpreting change
 * scores for pain and functional status in low back pain. Spine 2008;33(1):90–94,
 * doi:10.1097/BRS.0b013e31815e3a10. For the 23-item form the same values are used: Ostelo's
 * consensus was for the 24-item form, and one item less changes the scale by ~4 %.
 */
import type { DefaultMcid, Instrument } from './instrument.js';
import { proratedSum } from './prorated-sum.js';

const OSTELO_2008: DefaultMcid = {
  absolute: 5,
  percent: 30,
  source: 'Ostelo RW et al. 2008, Spine 33(1):90-94, doi:10.1097/BRS.0b013e31815e3a10',
};

function rmdqForm(key: string, itemCount: number, da: string): Instrument {
  return {
    key,
    name: { en: `Roland-Morris Disability Questionnaire (${itemCount} items)`, da },
    unit: { en: 'points', da: 'point' },
    kind: 'continuous',
    range: [0, itemCount],
    integer: true,
    direction: 'lower-is-better',
    defaultMcid: OSTELO_2008,
    items: {
      columns: (prefix) => Array.from({ length: itemCount }, (_, i) => `${prefix}_${i + 1}`),
      min: 0,
      max: 1,
      integer: true,
    },
    score: (items, options) => proratedSum(key, items, itemCount, options),
  };
}

export const rmdq: Instrument = rmdqForm('rmdq', 24, 'Roland-Morris funktionsskema (24 spørgsmål)');

export const rmdq23: Instrument = rmdqForm(
  'rmdq23',
  23,
  'Roland-Morris funktionsskema, dansk version (23 spørgsmål)',
);
