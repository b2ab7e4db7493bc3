/**
 * A row's effect on the analysis scale as (estimate, SE), each as the range the printed digits
 * allow: a value written `-1.1` is anything in [−1.15, −1.05], a CI `[-2.43, 0.23]` gives an SE
 * of (0.23 − (−2.43)) / 3.92 ± 0.01 / 3.92. Two rows in different forms (arm summaries and a CI,
 * an SE and a CI) are the same result when both ranges overlap (same-results.ts;
 * docs/input-studies.md, "One trial, one name").
 */
import { hedgesG } from '../stats/meta/hedges-g.js';
import { isRatioMeasure, type StudyRecord } from './read-studies.js';
import { recordEffect } from './study-effects.js';

export interface Range {
  lo: number;
  hi: number;
}
export interface EffectBounds {
  estimate: Range;
  se: Range;
  /** The point values, for the message. */
  yi: number;
  seValue: number;
}

const Z = 2 * 1.959963984540054;
/** Half a unit of the last digit written; a value in exponent notation (digits null) is taken as exact. */
const half = (digits: number | null | undefined): number => (digits === null || digits === undefined ? 0 : 0.5 * 10 ** -digits);

export function effectBounds(r: StudyRecord): EffectBounds | null {
  const d = (name: string) => half(r.digits[name]);
  const ratio = isRatioMeasure(r.measure);
  const scale = (x: number) => (ratio ? Math.log(Math.max(x, Number.MIN_VALUE)) : x);
  const i = r.input;
  const point = recordEffect(r);
  if (point.vi === null) return null;
  const yi = point.yi;
  const seValue = Math.sqrt(point.vi);
  switch (i.kind) {
    case 'ci': {
      const [de, dl, du] = [d('difference'), d('ci_lower'), d('ci_upper')];
      return {
        estimate: { lo: scale(i.estimate - de), hi: scale(i.estimate + de) },
        se: { lo: Math.max(0, scale(i.upper - du) - scale(i.lower + dl)) / Z, hi: (scale(i.upper + du) - scale(i.lower - dl)) / Z },
        yi,
        seValue,
      };
    }
    case 'se': {
      const [de, ds] = [d('difference'), d('se')];
      return { estimate: { lo: scale(i.estimate - de), hi: scale(i.estimate + de) }, se: { lo: i.se - ds, hi: i.se + ds }, yi, seValue };
    }
    case 'arms': {
      const a = i.arms;
      if (r.measure === 'SMD') {
        // Hedges' g at the corners of the rounding box of the means and SDs (g is monotone in each).
        const corners: { yi: number; se: number }[] = [];
        for (const m1 of [-1, 1]) for (const m2 of [-1, 1]) for (const s1 of [-1, 1]) for (const s2 of [-1, 1]) {
          const g = hedgesG({
            ...a,
            meanIntervention: a.meanIntervention + m1 * d('mean_intervention'),
            meanControl: a.meanControl + m2 * d('mean_control'),
            sdIntervention: Math.max(1e-12, a.sdIntervention + s1 * d('sd_intervention')),
            sdControl: Math.max(1e-12, a.sdControl + s2 * d('sd_control')),
          });
          corners.push({ yi: g.yi, se: Math.sqrt(g.vi) });
        }
        const ys = corners.map((c) => c.yi);
        const ses = corners.map((c) => c.se);
        return { estimate: { lo: Math.min(...ys), hi: Math.max(...ys) }, se: { lo: Math.min(...ses), hi: Math.max(...ses) }, yi, seValue };
      }
      const dm = d('mean_intervention') + d('mean_control');
      const se = (k: number) =>
        Math.sqrt(Math.max(0, a.sdIntervention + k * d('sd_intervention')) ** 2 / a.nIntervention + Math.max(0, a.sdControl + k * d('sd_control')) ** 2 / a.nControl);
      return { estimate: { lo: yi - dm, hi: yi + dm }, se: { lo: se(-1), hi: se(1) }, yi, seValue };
    }
    case 'events':
      // Counts are exact.
      return { estimate: { lo: yi, hi: yi }, se: { lo: seValue, hi: seValue }, yi, seValue };
    default:
      return null;
  }
}

const overlap = (a: Range, b: Range): boolean => a.lo <= b.hi + 1e-9 && b.lo <= a.hi + 1e-9;

export function sameEffect(a: EffectBounds, b: EffectBounds): boolean {
  return overlap(a.estimate, b.estimate) && overlap(a.se, b.se);
}
