/**
 * Qualtrics and SurveyXact export a scale's end points with their labels, "Choice text" as the
 * cell: `0 - Ingen smerte`, `10 - Værst tænkelige smerte`, `1: Slet ikke`, `5 = Meget`, beside
 * bare `3`, `7`. Such a cell is the number it starts with: `hta plan init` drafts it as an answer
 * code (`"answers": { "0 - Ingen smerte": 0 }`), never as a missing-value code — drafted so, every
 * best and worst answer was "missing" (docs/plan-trial.md "What plan init recognises").
 */
import { isExcelDateText } from '../io/excel-date-text.js';
import { parseNumber } from '../io/parse-number.js';

/** A number, a separator (-, –, =, :, ., )) and a label starting with a letter. */
const LABELLED = /^\s*(\d+(?:[.,]\d+)?)\s*(?:-|–|—|=|:|\.|\))\s*\p{L}/u;

/**
 * The number a labelled choice starts with (`0 - Ingen smerte` → 0), or undefined. A date Excel
 * made of a typed number (`03-jun`, io/excel-date-text.ts) is none: its 3 is nobody's answer.
 */
export function labelledChoice(cell: string, decimalComma: boolean): number | undefined {
  if (isExcelDateText(cell)) return undefined;
  const m = LABELLED.exec(cell);
  return m ? parseNumber(m[1]!, decimalComma) : undefined;
}
