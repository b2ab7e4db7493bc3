/**
 * Excel's accounting number format writes a zero as a dash: ` kr.  -   `, `-   kr.`, `-`
 * (docs/plan-cea.md#inputs). In a cost column such a cell is 0, not a missing value: refused with
 * advice to declare it a missing code, it turned a third of a medicine column's zeros into imputed
 * costs (Δc −5,034 DKK instead of −3,864). A bare dash in a count column is another matter: a
 * questionnaire's "how many?" left with `-` usually means "not answered", so it is read as 0 only
 * in a column of amounts (unit cost 1) or with a currency mark beside it, and otherwise refused
 * with the advice to declare it a missing code. A dash the trial plan declares in `missingCodes`
 * stays missing: that declaration is read first.
 */
import { WITH_MARK } from './currency-marks.js';

/** A dash (hyphen, en or em dash, or the minus U+2212) alone, with spaces around it. */
const DASH = /^[-\u2010-\u2015\u2212]$/;

/**
 * Whether a cell is Excel's accounting zero: a dash with a currency mark before or after it, or,
 * in a column of amounts (`amounts`: the item's unit cost is 1), a dash alone.
 */
export function isAccountingZero(cell: string, amounts: boolean): boolean {
  const m = WITH_MARK.exec(cell.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return false;
  if (m[1] !== undefined && m[3] !== undefined) return false;
  if (m[1] === undefined && m[3] === undefined && !amounts) return false;
  return DASH.test(m[2]!.trim());
}
