/**
 * A registry row that is the header line again (io/repeated-header.ts): two exports joined with
 * `cat` (or pasted one under the other) carry the second one's header in the middle
 * (docs/input-registry.md "Several exports"). Said as what it is — one problem on its line, not a bad value in each of its cells
 * — and left out with --exclude-invalid without counting as an invalid referral. A header in
 * another column order means the rows under it are read under the wrong columns: always refused.
 */
import type { HtaError, Problem } from '../errors.js';
import { headerRepeatTest, type HeaderRepeatWords, reorderedHeaderError as reorderedError, repeatedHeaderNote as repeatedNote, repeatedHeaderProblem as repeatedProblem } from '../io/repeated-header.js';
import { headerUnderlineNote as underlineNote } from '../io/header-underline.js';
import { headerKey } from './referral.js';

/** Whether a record repeats the registry's `header` (names compared as registry headers are: referral.ts); made once per header. */
export function headerRepeats(header: readonly string[]): (record: readonly string[]) => 'same' | 'reordered' | undefined {
  return headerRepeatTest(header, headerKey);
}

const WORDS: HeaderRepeatWords = {
  row: 'a referral',
  join: 'hta uptake reads one export; join several with the header line once',
  invalid: 'an invalid referral',
  invalidDa: { one: 'en ugyldig henvisning', several: 'ugyldige henvisninger' },
  doc: 'docs/input-registry.md "Several exports"',
  // hta reads columns by name: given the exports themselves, it prints a command that joins them by name (reorder-join.ts).
  reordered: 'give hta uptake the exports themselves (hta uptake a.csv b.csv): it prints a command that joins them by column name into one new file',
};

/** The problem of a repeated header line (without --exclude-invalid). */
export function repeatedHeaderProblem(file: string, line: number): Problem {
  return repeatedProblem(file, line, WORDS);
}

/** The note for repeated header lines left out with --exclude-invalid (stderr). */
export function repeatedHeaderNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  return repeatedNote(file, lines, WORDS, lang);
}

/** The note for header underlines (SSMS) left out (stderr), said as the repeated header's. */
export function headerUnderlineNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  return underlineNote(file, lines, WORDS, lang);
}

/** The error for a header line in another column order: the rows under it would be misread. */
export function reorderedHeaderError(file: string, line: number, headerLine: number): HtaError {
  return reorderedError(file, line, headerLine, WORDS);
}
