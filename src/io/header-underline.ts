/**
 * A line of dashes under the header: SQL Server Management Studio's "Results to file" (and
 * "Results to text") underlines each column name (`PatientID;Region;…` then
 * `---------;------;…`) and ends the file with `(3000 rows affected)` and `Completion time: …`
 * (those two are footnote rows). The underline is said as what it is — one problem on its line,
 * not a bad value in each of its cells, nor a "missing code" — and left out with
 * --exclude-invalid without counting as an invalid row (docs/input-registry.md "SQL Server
 * Management Studio"). Cell counts must match the header's, as the underline's do.
 */
import type { Problem } from '../errors.js';
import { lineList } from '../problem-groups.js';
import type { HeaderRepeatWords } from './repeated-header.js';

/** Whether `record` (as many cells as the header) holds dashes only in every cell: a header underline. */
export function isHeaderUnderline(record: readonly string[], width: number): boolean {
  return record.length === width && width > 0 && record.every((c) => /^\s*-+\s*$/.test(c));
}

const WHAT = 'underlines the header (SQL Server Management Studio text output)';

/** The problem of an underline line (a run that stops on problems); `row` names a data row ("a referral"). */
export function headerUnderlineProblem(file: string, line: number, row: string): Problem {
  return { file, line, kind: 'header.underline', expected: `${row}: line ${line} ${WHAT}: delete it, or --exclude-invalid leaves it out` };
}

/**
 * The note for underline lines left out (stderr), in the run's language; `w` says what they are
 * not counted as ("an invalid referral"; Danish "en ugyldig henvisning", "ugyldige henvisninger").
 */
export function headerUnderlineNote(file: string, lines: readonly number[], w: Pick<HeaderRepeatWords, 'invalid' | 'invalidDa'>, lang: 'en' | 'da' = 'en'): string | undefined {
  if (lines.length === 0) return undefined;
  if (lang === 'da') {
    const one = lines.length === 1;
    return `${file}: ${lineList(lines, 'da')} understreger overskriftslinjen (SQL Server Management Studios tekstoutput): udeladt, ikke talt som ${one ? w.invalidDa.one : w.invalidDa.several}`;
  }
  return `${file}: ${lineList(lines)} ${lines.length === 1 ? WHAT : WHAT.replace('underlines', 'underline')}: left out, not counted as ${w.invalid}`;
}
