/**
 * Only group sizes and event counts may carry a thousands separator in a studies file
 * (docs/input-studies.md, "Thousands separators"): a count has no decimals, so `1.234` can only
 * be 1234. A mean, SD, difference, bound or SE written `33.125` in a decimal-comma file is most
 * often a number typed with a decimal point, which the file's mark would read as 33125 — pooled,
 * a PSEQ difference of 2875 on a 0–60 scale. Such a cell is refused, with both readings and the
 * fix; so is its mirror `33,125` in a comma-separated file, and any other thousands grouping in
 * those columns (`1.234,5`), so that the rule is one sentence.
 */
import { readingOf } from '../io/decimal-mark.js';

/** Thousands grouped by the mark that is not the file's decimal mark, then optional decimals. */
const GROUPED = {
  comma: /^[+\-\u2212]?[1-9]\d{0,2}(?:\.\d{3})+(?:,\d+)?$/,
  point: /^[+\-\u2212]?[1-9]\d{0,2}(?:,\d{3})+(?:\.\d+)?$/,
} as const;

export interface ThousandsProblem {
  expected: string;
  /** What this cell reads as (both readings when it reads two ways). */
  detail: string;
  hint: string;
  kind: string;
}

/**
 * The refusal of a mean, SD, difference, bound or SE cell written with a thousands separator, or
 * undefined when `text` has none. `decimalComma` is the file's mark.
 */
export function thousandsInNonCount(text: string, decimalComma: boolean): ThousandsProblem | undefined {
  const t = text.trim();
  if (!(decimalComma ? GROUPED.comma : GROUPED.point).test(t)) return undefined;
  const [group, mark] = decimalComma ? ['.', ','] : [',', '.'];
  const whole = t.replaceAll(group, '');
  const expected = `a number without a thousands separator (only n and events may carry one; the file writes decimals with a ${decimalComma ? 'comma' : 'point'})`;
  if (readingOf(t) === 'either') {
    // One group of three after the separator: thousands, or three decimals written with the other mark.
    const asDecimal = t.replace(group, mark);
    return {
      kind: 'meta.thousands-ambiguous',
      expected,
      detail: `${whole} or ${asDecimal}`,
      hint: decimalComma
        ? 'a point between digits reads two ways here: thousands (33.125 = 33125), or three decimals written with a decimal point as an English paper prints them (33.125 = 33,125); write 33,125 with the file\'s decimal comma if it has decimals, or 33125 if it is a whole number'
        : 'a comma between digits reads two ways here: thousands (33,125 = 33125), or three decimals written with a decimal comma as a Danish paper prints them (33,125 = 33.125); write 33.125 with the file\'s decimal point if it has decimals, or 33125 if it is a whole number',
    };
  }
  return { kind: 'meta.thousands-separator', expected, detail: `read as ${whole}`, hint: 'write the number without the thousands separator' };
}
