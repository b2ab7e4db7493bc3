/**
 * Excel's accounting number format writes a zero as a dash: ` kr.  -   `, `-   kr.`, `-`
 * (docs/plan-cea.md#inputs). In a resource-use or cost column such a cell is 0, not a missing
 * value: refused with advice to declare it a missing code, it turned a third of a medicine
 * column's zeros into imputed costs (Δc −5,034 DKK instead of −3,864). A dash the trial plan
 * declares in `missingCodes` stays missing: that declaration is read first.
 */
import { WITH_MARK } from './currency-marks.js';

/** A dash (hyphen, en or em dash, or the minus U+2212) alone, with spaces around it. */
const DASH = /^[-\u2010-\u2015\u2212]$/;

/** Whether a cell is Excel's accounting zero: a dash alone, or with a currency mark before or after it. */
export function isAccountingZero(cell: string): boolean {
  const m = WITH_MARK.exec(cell.replace(/[\u00a0\u202f]/g, ' ').trim());
  if (!m) return false;
  if (m[1] !== undefined && m[3] !== undefined) return false;
  return DASH.test(m[2]!.trim());
}
