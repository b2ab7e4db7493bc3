/**
 * A column whose levels hta prints under their own names — a Table 1 characteristic, a covariate
 * (its Table 1 row), a subgroup or population column — that would print patients rather than
 * describe them: a column of dates (a date of birth, of inclusion), a column of text with (nearly)
 * one value per patient (initials, names, notes), or a level that reads as a note about one
 * patient or holds an identifier (an e-mail address that a shifted row put into "Køn"). Each of
 * its levels would be a row with n = 1 and the patient's arm beside it, so the run stops at its
 * line and column, never quoting a cell (docs/report-trial.md#table-1-characteristics,
 * docs/output-safety.md "Free text"). Columns of numbers are not checked here: they are
 * summarised as a mean (SD), and a cell that is no number is refused where they are read.
 */
import type { Problem } from '../errors.js';
import { hasDate, isDateCell } from '../io/date-text.js';
import { CODE_MIN_ROWS } from '../uptake/cpr-shape.js';
import { FREE_TEXT_MIN_WORDS, holderCounts, holderKey, identifyingSigns, wordCount } from './free-text.js';

/** Levels held by one patient from which a column of text counts as one value per patient. */
export const UNIQUE_MIN_LEVELS = 5;

export interface CharacteristicCell {
  value: string;
  line: number;
}

/**
 * Where the column's levels would be printed, for the message: `printed` says what each would be
 * (`a row of Table 1`), `advice` what to do, `kind` the problems' kind before its `:column`.
 */
export interface LevelUse {
  printed: string;
  advice: string;
  kind: string;
}

/** A report's extra Table 1 column (the manifest's "characteristics"). */
export const TABLE_1_CHARACTERISTIC: LevelUse = {
  printed: 'a row of Table 1',
  advice: 'give Table 1 a column of groups instead (age in years or age groups for a date of birth; leave notes, names and initials out of "characteristics")',
  kind: 'characteristic',
};

/** A plan's covariate (a row of Table 1, categories of the models) or a subgroup, population or cluster column (levels of its tables). */
export function planColumnUse(role: 'covariate' | 'attribute'): LevelUse {
  const printed = role === 'covariate' ? 'a level of the covariate, a row of Table 1' : 'a level printed under its own name (a subgroup\'s row, a population\'s category)';
  return { printed, advice: 'such a cell is most often a shifted line or a note typed into the wrong column: correct it in the export (a date of birth or inclusion is no category: give age in years or a group instead)', kind: role };
}

/**
 * The problems of a text column (`cells`: one per patient with a value, in the file's order), at
 * `column` (1-based) of `file`, headed `field`; empty when its levels describe groups.
 */
export function identifyingCharacteristicProblems(file: string, field: string, column: number, cells: readonly CharacteristicCell[], use: LevelUse = TABLE_1_CHARACTERISTIC): Problem[] {
  return identifyingLevelProblems(file, field, cells.map((c) => ({ ...c, column })), use);
}

/** identifyingCharacteristicProblems of cells each at its own column (a wide export's per-visit columns). */
export function identifyingLevelProblems(file: string, field: string, cells: readonly (CharacteristicCell & { column: number })[], use: LevelUse): Problem[] {
  const texts = cells.filter((c) => !/^\s*-?[\d.,]+\s*$/.test(c.value));
  if (!texts.length) return [];
  const at = (c: CharacteristicCell & { column: number }) => ({ file, line: c.line, column: c.column, field });
  const { advice, printed } = use;
  const dates = texts.filter((c) => isDateCell(c.value));
  if (dates.length * 2 > texts.length) {
    return [{ ...at(dates[0]!), expected: `a ${use.kind === 'characteristic' ? 'characteristic' : 'column'} describing groups of patients, not a date: "${field}" holds dates (${dates.length} of its ${texts.length} values), and each date would be ${printed} naming one patient's arm — ${advice}`, kind: `${use.kind}.date:${field}` }];
  }
  // Spellings of one level (`Ja`, `ja `, `JA`) are one row of Table 1 (category-values.ts): counted so.
  const holders = holderCounts(texts.map((c) => c.value));
  const single = texts.filter((c) => holders.get(holderKey(c.value)) === 1);
  if (single.length >= UNIQUE_MIN_LEVELS && holders.size * 2 >= texts.length) {
    return [{ ...at(single[0]!), expected: `a ${use.kind === 'characteristic' ? 'characteristic' : 'column'} describing groups of patients: "${field}" has ${holders.size} different values for ${texts.length} patients, ${single.length} of them held by one patient each (initials, names or notes), and each would be ${printed} naming one patient's arm — ${advice}`, kind: `${use.kind}.unique:${field}` }];
  }
  return texts.flatMap((c) => {
    // A level of n = 1 is an ordinary row of Table 1 (`80-89`, `Lang videregående uddannelse (LVU)`):
    // only a phone number, an e-mail address, a date with a year or a month's name
    // (`13-11-1991`, `17JUN2020`, `17. juni`), or a note of six words or more marks it as about
    // one patient; a bare day and month inside a level (`Grade 3-4`) does not. An identifier held
    // by CODE_MIN_ROWS patients or more is a code (a clinic's phone or CVR number), as a repeated
    // ten-digit number is no CPR number (cpr-cells.ts).
    const n = holders.get(holderKey(c.value))!;
    // A CPR number was refused before, where a code is told from one (cpr-cells.ts): not again here.
    const signs = n < CODE_MIN_ROWS ? identifyingSigns(c.value, { dates: false, cpr: false }) : [];
    if (n < CODE_MIN_ROWS && hasDate(c.value, { yearless: false })) signs.push('a date');
    const words = wordCount(c.value);
    if (n === 1 && words >= FREE_TEXT_MIN_WORDS) signs.push(`${words} words held by one patient`);
    if (!signs.length) return [];
    return [{ ...at(c), expected: `a category describing a group of patients, not a note about one: the cell (not quoted) would be ${printed} naming ${n === 1 ? "one patient's arm" : `the arms of ${n} patients`} — ${advice}`, detail: `the cell has ${signs.join(', ')}`, kind: `${use.kind}.free-text:${field}` }];
  });
}
