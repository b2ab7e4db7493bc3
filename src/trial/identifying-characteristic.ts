/**
 * A Table 1 characteristic that would print patients rather than describe them: a column of
 * dates (a date of birth, of inclusion), a column of text with (nearly) one value per patient
 * (initials, names, notes), or a level that reads as a note about one patient. Each of its
 * levels would be a row of Table 1 with n = 1 and the patient's arm beside it, so `hta report`
 * refuses it at its line and column, never quoting a cell (docs/report-trial.md#table-1-characteristics).
 * Columns of numbers are not checked here: they are summarised as a mean (SD).
 */
import type { Problem } from '../errors.js';
import { FREE_TEXT_MIN_WORDS, holderCounts, holderKey, identifyingSigns, wordCount } from './free-text.js';

/** A date as exports write one: `13-11-1991`, `1991-11-13`, `13/11/1991`, `13.11.91`, a time after it allowed. */
const DATE = /^\s*(\d{1,2}[-./]\d{1,2}[-./]\d{2,4}|\d{4}[-./]\d{1,2}[-./]\d{1,2})(?:[ T]\d{1,2}[:.]\d{2}(?:[:.]\d{2})?)?\s*$/;

/** Levels held by one patient from which a column of text counts as one value per patient. */
export const UNIQUE_MIN_LEVELS = 5;

export interface CharacteristicCell {
  value: string;
  line: number;
}

/**
 * The problems of a text characteristic (`cells`: one per patient with a value, in the file's
 * order), at `column` (1-based) of `file`, headed `field`; empty when its levels describe groups.
 */
export function identifyingCharacteristicProblems(file: string, field: string, column: number, cells: readonly CharacteristicCell[]): Problem[] {
  const texts = cells.filter((c) => !/^\s*-?[\d.,]+\s*$/.test(c.value));
  if (!texts.length) return [];
  const at = (c: CharacteristicCell) => ({ file, line: c.line, column, field });
  const advice = `give Table 1 a column of groups instead (age in years or age groups for a date of birth; leave notes, names and initials out of "characteristics")`;
  const dates = texts.filter((c) => DATE.test(c.value));
  if (dates.length * 2 > texts.length) {
    return [{ ...at(dates[0]!), expected: `a characteristic describing groups of patients, not a date: "${field}" holds dates (${dates.length} of its ${texts.length} values), and each date would be a row of Table 1 naming one patient's arm — ${advice}`, kind: `characteristic.date:${field}` }];
  }
  // Spellings of one level (`Ja`, `ja `, `JA`) are one row of Table 1 (category-values.ts): counted so.
  const holders = holderCounts(texts.map((c) => c.value));
  const single = texts.filter((c) => holders.get(holderKey(c.value)) === 1);
  if (single.length >= UNIQUE_MIN_LEVELS && holders.size * 2 >= texts.length) {
    return [{ ...at(single[0]!), expected: `a characteristic describing groups of patients: "${field}" has ${holders.size} different values for ${texts.length} patients, ${single.length} of them held by one patient each (initials, names or notes), and each would be a row of Table 1 naming one patient's arm — ${advice}`, kind: `characteristic.unique:${field}` }];
  }
  return single.flatMap((c) => {
    // A level of n = 1 is an ordinary row of Table 1 (`80-89`, `Lang videregående uddannelse (LVU)`):
    // only a CPR or phone number, an e-mail address, a whole-cell date or a note of six words or
    // more marks it as about one patient; a day and month inside a level (`Grade 3-4`) does not.
    const signs = identifyingSigns(c.value, { dates: false });
    if (DATE.test(c.value)) signs.push('a date');
    const words = wordCount(c.value);
    if (words >= FREE_TEXT_MIN_WORDS) signs.push(`${words} words held by one patient`);
    if (!signs.length) return [];
    return [{ ...at(c), expected: `a category describing a group of patients, not a note about one: the cell (not quoted) would be a row of Table 1 naming one patient's arm — ${advice}`, detail: `the cell has ${signs.join(', ')}`, kind: `characteristic.free-text:${field}` }];
  });
}
