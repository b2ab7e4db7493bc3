/**
 * The one floating-point tolerance of every verdict and every printed confidence limit
 * (docs/data-contracts.md#verdicts): a value within noise of a decision value — 0, ±MCID, a
 * ratio's 1 — is on it. 0.1 + 0.2 is 0.30000000000000004; a limit computed as 2 − 1e-13 against
 * an MCID of 2 prints as "2.00", and the verdict must read the limit the page prints, so the
 * judge (relevance.ts) and the formatter (src/report/interval-bound.ts) both ask `onDecision`.
 *
 * Away from 0 the tolerance is relative (NOISE × |t|), so it does not depend on the scale a
 * page prints in (an MCID of 0.1 judged as a proportion, printed as 10 pp). At 0 there is no
 * magnitude to be relative to: the tolerance is NOISE in the units the verdict judges, and a
 * page that prints the value `scale` times larger (pp: 100, per 1,000: 1,000) passes `scale`.
 */

/** Relative distance within which two numbers are equal but for floating-point noise (doubles carry ~16 digits). */
export const NOISE = 1e-12;

/** Whether `v` is on decision value `t` but for floating-point noise; `scale`: the printed units per judged unit (only 0 needs it). */
export function onDecision(v: number, t: number, scale = 1): boolean {
  return Math.abs(v - t) <= NOISE * (t === 0 ? scale : Math.abs(t));
}

/** v ≥ t, a v within noise of t counting as t. */
export function atLeast(v: number, t: number): boolean {
  return v >= t || onDecision(v, t);
}

/** v ≤ t, a v within noise of t counting as t. */
export function atMost(v: number, t: number): boolean {
  return v <= t || onDecision(v, t);
}

/** v > t, and not merely by noise. */
export function above(v: number, t: number): boolean {
  return !atMost(v, t);
}

/** v < t, and not merely by noise. */
export function below(v: number, t: number): boolean {
  return !atLeast(v, t);
}
