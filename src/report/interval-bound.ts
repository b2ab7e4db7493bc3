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
 */
import { formatFixed, type Lang } from './i18n.js';

/** At most this many digits beyond the row's: a limit nearer a decision value than that prints on it. */
const MAX_EXTRA_DIGITS = 4;

/** The values a difference's verdict compares its limits with: 0 and, with an MCID, ±MCID (printed scale). */
export function differenceDecisions(mcid?: number | null, scale = 1): number[] {
  if (mcid === null || mcid === undefined || !(mcid > 0)) return [0];
  // 100 × 0.05 is 5.000000000000001: the MCID as the page prints it.
  const m = Number((scale * mcid).toPrecision(12));
  return [0, m, -m];
}

/** The value a ratio's verdict compares its limits with (no effect). */
export const RATIO_DECISIONS: readonly number[] = [1];

/** Whether `shown` (the limit as rounded) is on the same side of `t` as the limit `v` itself. */
function sameSide(v: number, shown: number, t: number): boolean {
  return Math.sign(v - t) === Math.sign(shown - t);
}

/**
 * The decimals to print limit `v` with: `decimals`, or more (up to MAX_EXTRA_DIGITS more) until
 * the rounded limit is on its own side of each of `decisions`. For formatters other than
 * `formatBound` (money, QALYs) that take a number of decimals.
 */
export function boundDecimals(v: number, decimals: number, decisions: readonly number[] = [0]): number {
  let d = decimals;
  while (d < decimals + MAX_EXTRA_DIGITS && decisions.some((t) => !sameSide(v, Number(v.toFixed(d)), t))) d++;
  return d;
}

export function formatBound(v: number, decimals: number, lang: Lang, decisions: readonly number[] = [0]): string {
  return formatFixed(v, boundDecimals(v, decimals, decisions), lang);
}
