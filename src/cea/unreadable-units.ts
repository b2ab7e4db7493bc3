/**
 * What a resource-use cell that is no count and no amount is taken for, said in the problem
 * (docs/plan-cea.md#inputs): a negative amount (a refund, `(1.391,66)`, `-1.391,66 kr.`), digits
 * with a plain space between them (`120 100`), a number with the other decimal mark, or text — only text gets the advice to declare it a missing code.
 * Advising `missingCodes` for `-1.391,66 kr.` or `147,78` would make a real cost missing.
 */
import { otherMarkHint, spacedNumberHint } from '../io/decimal-mark.js';
import { WITH_MARK } from './currency-marks.js';
import { excelErrorHint, excelErrorKind, isExcelError } from '../io/spreadsheet-cells.js';

/** A negative number: a leading minus (or U+2212), or accountants' parentheses, with or without a currency mark. */
function negative(cell: string): boolean {
  const t = cell.replace(/[\u00a0\u202f]/g, ' ').trim();
  const paren = /^\((.*)\)$/.exec(t);
  const inner = paren ? paren[1]!.trim() : t;
  const m = WITH_MARK.exec(inner);
  const n = (m?.[2] ?? inner).trim();
  if (paren) return /^[\d.,  ]*\d[\d.,  ]*$/.test(n);
  return /^[-\u2212]\s*[\d.,  ]*\d[\d.,  ]*$/.test(n);
}

export interface UnitCellProblem {
  expected: string;
  hint?: string;
  kind: string;
}

/** The problem for a cell of an item's column that could not be read; `amounts`: the item's unit cost is 1. */
export function unreadableUnits(text: string, amounts: boolean, decimalComma: boolean, trialPlanFile: string): UnitCellProblem {
  const what = amounts ? 'an amount ≥ 0' : 'a number of units ≥ 0';
  if (negative(text)) {
    return {
      expected: `${what}: this is a negative ${amounts ? 'amount (a refund or a correction?)' : 'count'}, which hta does not read — resource use and its costs are ≥ 0; net a refund off the same patient's other costs of the period, or leave the cell empty (missing)`,
      kind: 'cea.units.negative',
    };
  }
  const spaced = spacedNumberHint(text);
  if (spaced) return { expected: what, hint: spaced, kind: 'cea.units.spaced-number' };
  // `#VALUE!`, `#N/A`: named for what they are, as the trial reader names them (the trial plan's
  // "missingCodes" apply here, so "no value" may be declared missing; a failed formula may not).
  if (isExcelError(text.trim())) return { expected: `${what} (or an empty cell for missing)`, hint: excelErrorHint(text.trim()), kind: `cea.units:${excelErrorKind(text.trim())}` };
  const other = otherMarkHint(text, decimalComma);
  if (other) return { expected: `${what}${other.expects}`, hint: other.hint, kind: `cea.units.${other.reason}` };
  return { expected: `${what} (or an empty cell for missing); if it means "missing", add it to "missingCodes" in ${trialPlanFile}`, kind: 'cea.units' };
}
