/**
 * A number written with its unit after it: `14 point` (one site's RMDQ), `56 mm` (a VAS read off
 * the ruler), `48 år`, `7,5 cm`, `10mm`. Not a number, and no missing-value code either: drafted
 * as one it silently dropped every such patient (`plan init` once listed 17 `"14 point"`-like
 * codes, and the ANCOVA ran on the other sites), so `plan init` does not draft it and `validate`
 * names its lines with the unit to strip (docs/input-trial-export.md, "Numbers with a unit").
 * A single letter glued to the digits (`12a`, `1O`) is a typo, not a unit; a choice text with a
 * separator (`0 - Ingen smerte`) is plan/choice-text.ts's.
 */
import { parseNumber } from './parse-number.js';

/** A number (either decimal mark, a minus of any kind), then a unit word: one letter after a space, else two or more; a dot may end it (`pt.`). */
const WITH_UNIT = /^([+\-\u2212]?\d+(?:[.,]\d+)?)(?:\s+(\p{L}{1,15}\.?)|(\p{L}{2,15}\.?))$/u;

export interface NumberWithUnit {
  /** The number as read with the file's decimal mark; undefined when it writes the other one. */
  value: number | undefined;
  /** The unit as written (`point`, `mm`). */
  unit: string;
}

/** The number and unit of a cell written so, or undefined. */
export function numberWithUnit(cell: string, decimalComma: boolean): NumberWithUnit | undefined {
  const m = WITH_UNIT.exec(cell.trim());
  if (!m) return undefined;
  return { value: parseNumber(m[1]!, decimalComma), unit: (m[2] ?? m[3])! };
}

/** What to do about a number written with its unit, for a problem's hint (the unit quoted, no value). */
export function unitHint(unit: string): string {
  return `the cell writes a unit ("${unit}") after the number: hta reads numbers only, and a number with a unit is no missing-value code — strip the unit in the export (in the spreadsheet: Find & Replace " ${unit}" with nothing in the column; in R: as.numeric(sub("\\\\s*${unit.replace(/\./g, '\\\\.')}$", "", x))) and export again`;
}
