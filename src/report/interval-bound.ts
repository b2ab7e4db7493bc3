/**
 * A confidence limit as every report prints it (tables, chart labels, Markdown, every report kind,
 * en and da): to the row's decimals, except that a limit is never rounded onto, or across, a value
 * its verdict compares it with. It gets the digits that show its side:
 *
 *   - 0 for a difference ("−0.002 to 1.06", not "0.00 to 1.06" beside "not significant");
 *   - 1 for a ratio ("RR 1.20 (0.997 to 1.43)", not "(1.00 to 1.43)");
 *   - ±MCID where a verdict uses one ("−0.95 to 0.997" against an MCID of 1, not "to 1.00").
 *
 * A CI "(0.0 to 53.3)" beside "Significant difference" read as a contradiction, though its lower
 * limit was 0.03 pp and excluded 0 (docs/report-trial.md#verdicts).
 *
 * A limit within floating-point noise of a decision value (0.30000000000000004 against an MCID
 * of 0.3) is on it: no extra digits. The tolerance is the judge's own (src/judge/float-noise.ts),
 * so a limit printed as the MCID is the limit the verdict read as L = m; a page printing in other
 * units than the verdict judges (pp, per 1,000) passes that `scale`. A limit still on the value, or across it, with every extra
 * digit spent (−0.0000001 against 0) prints as the side it is on, with the value at the row's
 * decimals: "<0.00", ">−1.00" — not "0.000000", which hides the side the verdict read, nor
 * "−0.000000", which a committee reads as a misprint.
 */
import { onDecision } from '../judge/float-noise.js';
import { formatFixed, type Lang } from './i18n.js';

/** At most this many digits beyond the row's: a limit nearer a decision value than that prints as its side ("<0.00"). */
const MAX_EXTRA_DIGITS = 4;

/** The values a difference's verdict compares its limits with: 0 and, with an MCID, ±MCID (printed scale). */
export function differenceDecisions(mcid?: number | null, scale = 1): number[] {
  if (mcid === null || mcid === undefined || !(mcid > 0)) return [0];
  // 100 × 0.05 is 5.000000000000001: the MCID as the page prints it. 15 digits, far inside the
  // noise tolerance (src/judge/float-noise.ts), so an MCID of 1/3 stays the 1/3 the verdict reads.
  const m = Number((scale * mcid).toPrecision(15));
  return [0, m, -m];
}

/** The value a ratio's verdict compares its limits with (no effect). */
export const RATIO_DECISIONS: readonly number[] = [1];

/** Whether `shown` (the limit as rounded) is on the same side of `t` as the limit `v` itself (a limit on `t` is on every side). */
function sameSide(v: number, shown: number, t: number, scale: number): boolean {
  return onDecision(v, t, scale) || Math.sign(v - t) === Math.sign(shown - t);
}

/** The decision value `v` printed with `d` decimals would be on, or across, though `v` is not; undefined when none. */
function crossed(v: number, d: number, decisions: readonly number[], scale: number): number | undefined {
  const shown = Number(v.toFixed(d));
  return decisions.find((t) => !sameSide(v, shown, t, scale));
}

/**
 * The decimals to print limit `v` with: `decimals`, or more (up to MAX_EXTRA_DIGITS more) until
 * the rounded limit is on its own side of each of `decisions`. For formatters other than
 * `formatBound` (money, QALYs) that take a number of decimals. `scale`: the printed units per
 * unit the verdict judged in (100 for pp of a proportion), for the noise at 0.
 */
export function boundDecimals(v: number, decimals: number, decisions: readonly number[] = [0], scale = 1): number {
  let d = decimals;
  while (d < decimals + MAX_EXTRA_DIGITS && crossed(v, d, decisions, scale) !== undefined) d++;
  return d;
}

/** The fewest decimals (up to `max`) that write `t` exactly, but for floating-point noise. */
function exactDecimals(t: number, max: number): number {
  let k = 0;
  while (k < max && !onDecision(Number(t.toFixed(k)), t)) k++;
  return k;
}

/**
 * Limit `v` in any number format (`format(x, decimals)`: money, QALYs, plain numbers), by the one
 * rule above: its decimals (boundDecimals), or, with every extra digit spent and still on (or
 * across) a decision value, its side — "<" or ">" and the decision value, written with the
 * decimals it needs (an MCID of 0.076 at a row's 2 decimals is "<0.076", not "<0.08"), at least
 * the row's: "<€0", ">0,0000".
 */
export function formatLimitWith(v: number, decimals: number, format: (x: number, decimals: number) => string, decisions: readonly number[] = [0], scale = 1): string {
  const d = boundDecimals(v, decimals, decisions, scale);
  const t = crossed(v, d, decisions, scale);
  if (t !== undefined) return `${v < t ? '<' : '>'}${format(t, Math.max(decimals, exactDecimals(t, decimals + MAX_EXTRA_DIGITS)))}`;
  return format(v, d);
}

export function formatBound(v: number, decimals: number, lang: Lang, decisions: readonly number[] = [0], scale = 1): string {
  return formatLimitWith(v, decimals, (x, d) => formatFixed(x, d, lang), decisions, scale);
}
