/**
 * An effective sample size as the page prints it: whole above 10, one decimal below, so that a
 * table's "eff. n 1.5" agrees with the conclusion and the warning (an eff. n of 1.5 printed "1"
 * in the table and "1.5" in the conclusion beside it; docs/subgroups.md#extreme-weights).
 */
import { formatFixed, formatThousands, type Lang } from './i18n.js';

export function essText(ess: number, lang: Lang): string {
  return ess < 10 ? formatFixed(ess, 1, lang) : formatThousands(ess, 0, lang);
}
