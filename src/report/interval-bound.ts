/**
 * A confidence limit as a table prints it: to the row's decimals, except that a limit which is
 * not 0 never prints as 0. It gets the digits that show its side ("0.03", not "0.0"): a CI
 * "(0.0 to 53.3)" beside "Significant difference" read as a contradiction, though its lower
 * limit was 0.03 pp and excluded 0 (docs/report-trial.md#verdicts).
 */
import { formatFixed, type Lang } from './i18n.js';

/** At most this many digits beyond the row's: a limit nearer 0 than that prints as 0. */
const MAX_EXTRA_DIGITS = 4;

export function formatBound(v: number, decimals: number, lang: Lang): string {
  let d = decimals;
  while (v !== 0 && Number(v.toFixed(d)) === 0 && d < decimals + MAX_EXTRA_DIGITS) d++;
  return formatFixed(v, d, lang);
}
