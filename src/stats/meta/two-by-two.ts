/**
 * Effect sizes from 2×2 tables: log risk ratio, log odds ratio and risk difference.
 *
 * Cells a = events and b = non-events (intervention), c, d likewise (control).
 * Continuity correction exactly as `metafor::escalc(add = 1/2, to = "only0")`: ½ is added to all
 * four cells of a study only when one of its cells is 0 (double-zero studies included, as escalc
 * with its default `drop00 = FALSE`); studies without a zero cell are left as they are. The
 * same corrected cells give yi and vi, also for the RD.
 *
 *   log RR: yi = log(a/n₁) − log(c/n₂),        vi = 1/a − 1/n₁ + 1/c − 1/n₂
 *   log OR: yi = log(a d / (b c)),              vi = 1/a + 1/b + 1/c + 1/d
 *   RD:     yi = a/n₁ − c/n₂,                   vi = p₁(1 − p₁)/n₁ + p₂(1 − p₂)/n₂  (vtype "LS")
 *
 * = `metafor::escalc(measure = "RR" | "OR" | "RD", ai, n1i, ci, n2i)`.
 * Reference: Borenstein M et al. (2009). Introduction to Meta-Analysis, ch. 5;
 * Sweeting MJ, Sutton AJ, Lambert PC (2004). What to add to nothing? Stat Med 23:1351–1375.
 * doi:10.1002/sim.1761
 *
 * Example (dat.bcg, Aronson 1948: 4/123 vs 11/139): log RR = −0.8893, vi = 0.3256.
 * @throws HtaError `input.invalid` for negative or non-integer counts, events > n, or n = 0.
 */
import { HtaError } from '../../errors.js';
import type { EffectSize } from './study-effect.js';

export interface TwoByTwo {
  eventsIntervention: number;
  nIntervention: number;
  eventsControl: number;
  nControl: number;
}

export interface BinaryEffect extends EffectSize {
  /** True when ½ was added to every cell because the table has a zero cell. */
  continuityCorrected: boolean;
}

export interface Cells {
  a: number;
  b: number;
  c: number;
  d: number;
}

export function assertTwoByTwo(t: TwoByTwo, who: string): void {
  for (const key of ['eventsIntervention', 'nIntervention', 'eventsControl', 'nControl'] as const) {
    const v = t[key];
    if (!(Number.isInteger(v) && v >= 0)) throw new HtaError('input.invalid', `${who}: ${key} is ${v}; expected a count (integer ≥ 0)`);
  }
  if (t.nIntervention === 0 || t.nControl === 0) {
    throw new HtaError('input.invalid', `${who}: group size 0 (nIntervention ${t.nIntervention}, nControl ${t.nControl}); expected n ≥ 1 in both arms`);
  }
  if (t.eventsIntervention > t.nIntervention || t.eventsControl > t.nControl) {
    throw new HtaError(
      'input.invalid',
      `${who}: more events than patients (${t.eventsIntervention}/${t.nIntervention}, ${t.eventsControl}/${t.nControl}); expected events ≤ n`,
    );
  }
}

/** The four cells, with ½ added to each when any is zero (escalc `add = 1/2, to = "only0"`). */
export function continuityCorrectedCells(t: TwoByTwo): Cells & { corrected: boolean } {
  const a = t.eventsIntervention;
  const b = t.nIntervention - t.eventsIntervention;
  const c = t.eventsControl;
  const d = t.nControl - t.eventsControl;
  const corrected = a === 0 || b === 0 || c === 0 || d === 0;
  const add = corrected ? 0.5 : 0;
  return { a: a + add, b: b + add, c: c + add, d: d + add, corrected };
}

export function logRiskRatio(t: TwoByTwo): BinaryEffect {
  assertTwoByTwo(t, 'logRiskRatio');
  const { a, b, c, d, corrected } = continuityCorrectedCells(t);
  const n1 = a + b;
  const n2 = c + d;
  return { yi: Math.log(a / n1) - Math.log(c / n2), vi: 1 / a - 1 / n1 + 1 / c - 1 / n2, continuityCorrected: corrected };
}

export function logOddsRatio(t: TwoByTwo): BinaryEffect {
  assertTwoByTwo(t, 'logOddsRatio');
  const { a, b, c, d, corrected } = continuityCorrectedCells(t);
  return { yi: Math.log(a / b) - Math.log(c / d), vi: 1 / a + 1 / b + 1 / c + 1 / d, continuityCorrected: corrected };
}

export function riskDifference(t: TwoByTwo): BinaryEffect {
  assertTwoByTwo(t, 'riskDifference');
  const { a, b, c, d, corrected } = continuityCorrectedCells(t);
  const n1 = a + b;
  const n2 = c + d;
  const p1 = a / n1;
  const p2 = c / n2;
  return { yi: p1 - p2, vi: (p1 * (1 - p1)) / n1 + (p2 * (1 - p2)) / n2, continuityCorrected: corrected };
}
