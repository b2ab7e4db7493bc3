/**
 * Work ability: the single-item Work Ability Score (WAS) and the full Work Ability Index (WAI).
 *
 * WAS = WAI item 1, "current work ability compared with the lifetime best", 0–10 integer,
 * higher is better (Ahlstrom L et al. The work ability index and single-item question:
 * associations with sick leave, symptoms, and health. Scand J Work Environ Health
 * 2010;36(5):404–412, doi:10.5271/sjweh.2917). No published MCID: a plan must set one.
 *
 * WAI = Σ of 7 dimension scores, 7–49, higher is better (Tuomi K, Ilmarinen J, Jahkola A,
 * Katajarinne L, Tulkki A. Work Ability Index, 2nd rev. ed. Helsinki: Finnish Institute of
 * Occupational Health 1998; Ilmarinen J. The Work Ability Index (WAI). Occup Med
 * 2007;57(2):160, doi:10.1093/occmed/kql165). Dimension ranges:
 *   1 current vs lifetime best 0–10 · 2 ability vs job demands 2–10 · 3 diagnosed diseases 1–7
 *   4 work impairment 1–6 · 5 sick leave past 12 months 1–5 · 6 own prognosis 1, 4 or 7
 *   7 mental resources 1–4.
 * Dimension 2 weights its two questions by the job's demands (e.g. 1.5 × physical + 0.5 ×
 * mental), so it moves in half points and the WAI total is not always whole.
 * The total is clamped to the manual's 7–49. With answers inside the ranges above the sum
 * already is, so the clamp only guards the contract that a score never leaves `range`.
 * No proration: dimensions differ in range and meaning, so any missing one makes WAI missing.
 * No published MCID for WAI either.
 */
import { HtaError } from '../errors.js';
import type { Instrument, ItemRange } from './instrument.js';

export const was: Instrument = {
  key: 'was',
  name: { en: 'Work Ability Score', da: 'Arbejdsevnescore (WAS)' },
  unit: { en: 'points', da: 'point' },
  kind: 'continuous',
  range: [0, 10],
  integer: true,
  direction: 'higher-is-better',
};

/** WAI dimension ranges, dimensions 1–7 in column order. */
export const WAI_DIMENSIONS: readonly ItemRange[] = [
  { min: 0, max: 10, integer: true },
  { min: 2, max: 10, values: [2, 2.5, 3, 3.5, 4, 4.5, 5, 5.5, 6, 6.5, 7, 7.5, 8, 8.5, 9, 9.5, 10] },
  { min: 1, max: 7, integer: true },
  { min: 1, max: 6, integer: true },
  { min: 1, max: 5, integer: true },
  { min: 1, max: 7, values: [1, 4, 7] },
  { min: 1, max: 4, integer: true },
];

const WAI_MIN = 7;
const WAI_MAX = 49;

export const wai: Instrument = {
  key: 'wai',
  name: { en: 'Work Ability Index', da: 'Arbejdsevneindeks (WAI)' },
  unit: { en: 'points', da: 'point' },
  kind: 'continuous',
  range: [WAI_MIN, WAI_MAX],
  integer: false,
  direction: 'higher-is-better',
  items: {
    columns: (prefix) => WAI_DIMENSIONS.map((_, i) => `${prefix}_${i + 1}`),
    min: 0,
    max: 10,
    ranges: WAI_DIMENSIONS,
  },
  score(items, options = {}) {
    if ((options.maxMissingItems ?? 0) > 0) {
      throw new HtaError('plan.invalid', 'wai: maxMissingItems is not allowed; WAI dimensions cannot be prorated');
    }
    if (items.length !== WAI_DIMENSIONS.length) {
      throw new HtaError('input.invalid', `wai: expected 7 dimension scores, got ${items.length}`);
    }
    let sum = 0;
    for (const item of items) {
      if (item === null) return null;
      sum += item;
    }
    return Math.min(WAI_MAX, Math.max(WAI_MIN, sum));
  },
};

export type WaiBand = 'poor' | 'moderate' | 'good' | 'excellent';

/**
 * WAI category (Tuomi et al. 1998): poor 7–27, moderate 28–36, good 37–43, excellent 44–49.
 * Half-point totals fall in the band below the next cut-off (27.5 → poor).
 * @throws HtaError('input.invalid') for a score outside 7–49.
 */
export function waiBand(score: number): WaiBand {
  if (!(score >= WAI_MIN && score <= WAI_MAX)) {
    throw new HtaError('input.invalid', `WAI score must be within 7-49, got ${score}`);
  }
  if (score < 28) return 'poor';
  if (score < 37) return 'moderate';
  if (score < 44) return 'good';
  return 'excellent';
}
