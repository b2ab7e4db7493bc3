/**
 * Whether a questionnaire was left partly blank: a line holding some of an instrument's items at
 * one visit but not all (SurveyXact's "Delvist gennemført"). Such items are missing as surely as a
 * "don't know" code, so `hta plan init` drafts `"maxMissingItems": 2` for them too — with none,
 * every partly answered PSEQ was dropped (21/24 patients at 3 months for 27/28; docs/plan-trial.md).
 */
import type { CsvRecord } from '../io/read-csv.js';

/** `visits`: per visit, the positions of the instrument's item columns (one group in a long export). */
export function partlyBlank(records: Iterable<CsvRecord>, visits: readonly (readonly number[])[]): boolean {
  for (const r of records) {
    for (const cols of visits) {
      const filled = cols.filter((i) => r.cells[i] !== null && r.cells[i] !== undefined).length;
      if (filled > 0 && filled < cols.length) return true;
    }
  }
  return false;
}
