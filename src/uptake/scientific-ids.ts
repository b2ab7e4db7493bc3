/**
 * Patient ids that Excel turned into numbers: a 10–12-digit id in a column formatted as a number
 * is shown and saved as `1,00000E+11` (Danish) or `1.00E+11` — rounded, so thousands of patients
 * share one "id" and the export reads as one patient on thousands of rows (or two cuts appended).
 * Identical rows are counted once by id (docs/input-registry.md "Repeated rows and ids"), so such
 * ids would change counts: the run is refused, saying what happened and how to export again.
 * The message names no id, only how many rows and a few lines.
 */
import { HtaError } from '../errors.js';
import type { RepeatedRows } from './engine/repeated-rows.js';
import { examples } from './registry-read-notes.js';

/**
 * A number in scientific notation as Excel writes it: `1,00000E+11`, `1.2E+11`, `1E+11` — always
 * with the exponent's sign and at least two digits, which a hexadecimal pseudonym (`3e914257`,
 * `1e05`) has not: such ids are valid and must not be refused.
 */
export const SCIENTIFIC_ID = /^\s*-?\d([.,]\d+)?[eE][+-]\d{2,}\s*$/;

/** Refuses (exit 2) a registry whose repeated ids are in scientific notation. */
export function refuseScientificIds(file: string, r: RepeatedRows | undefined, parquet: boolean): void {
  if (r === undefined || !r.scientificIds) return;
  // One id's lines once, though it is an example of both kinds.
  const groups = [...new Map([...r.cuts.examples, ...r.ids.examples].map((g) => [g.join(','), g])).values()].slice(0, 3);
  if (r.scientificLowerCase) {
    // `1.23e+08`: Stata writes an id so when it is a float or shown with %9.0g (Excel writes `E`).
    throw new HtaError('input.invalid', `${file}: the patient ids are numbers in scientific notation as Stata writes them (d.dde+nn: an id stored as float, or shown with a %9.0g format), so different patients share one rounded id (e.g. ${examples(groups, parquet)})`, [{
      file,
      field: 'id',
      expected: 'patient ids with every digit: in Stata, an id stored as float keeps only about 7 digits — the digits beyond are already lost in the data, so read the id again from the source as long, double or str; an id stored as long or double needs a format that writes every digit before export delimited (format id %12.0f, or tostring id, replace format(%12.0f)). Excel writes such numbers 1,00000E+11 when an id column is formatted as a number: export again as text there. Resaving this file cannot bring the digits back (docs/input-registry.md "Repeated rows and ids")',
    }]);
  }
  throw new HtaError('input.invalid', `${file}: the patient ids look like Excel's scientific notation (a number written as d,dddddE+nn), so different patients share one rounded id (e.g. ${examples(groups, parquet)})`, [{
    file,
    field: 'id',
    expected: 'patient ids as written by the registry system (text): the id column was formatted as a number in Excel, which rounds long numbers. Export the registry again from the system and give that file; or in Excel import the CSV with Data → From Text/CSV, set the id column\'s type to Text, and save as "CSV UTF-8" (from Stata, store the id as long, double or str and give it format %12.0f before export delimited). Resaving this file cannot bring the digits back (docs/input-registry.md "Repeated rows and ids")',
  }]);
}
