/**
 * A registry row that is the header line again (io/repeated-header.ts): two exports joined with
 * `cat` (or pasted one under the other) carry the second one's header in the middle
 * (docs/input-registry.md "Several exports"). Said as what it is — one problem on its line, not a bad value in each of its cells
 * — and left out with --exclude-invalid without counting as an invalid referral. A header in
 * another column order means the rows under it are read under the wrong columns: always refused.
 */
import { HtaError, type Problem } from '../errors.js';
import { headerAgain as headerAgainBy } from '../io/repeated-header.js';
import { headerKey } from './referral.js';

/** Whether `record` repeats the registry's `header` (names compared as registry headers are: referral.ts). */
export function headerAgain(record: readonly string[], header: readonly string[]): 'same' | 'reordered' | undefined {
  return headerAgainBy(record, header, headerKey);
}

export const REPEATED_HEADER_KIND = 'header.repeated';

/** The problem of a repeated header line (without --exclude-invalid). */
export function repeatedHeaderProblem(file: string, line: number): Problem {
  return {
    file, line, kind: REPEATED_HEADER_KIND,
    expected: `a referral: line ${line} repeats the header line (files joined?) — delete it (hta uptake reads one export; join several with the header line once), or --exclude-invalid leaves it out`,
  };
}

/** The note for repeated header lines left out with --exclude-invalid (stderr). */
export function repeatedHeaderNote(file: string, lines: readonly number[]): string | undefined {
  if (lines.length === 0) return undefined;
  const which = lines.length === 1 ? `line ${lines[0]} repeats` : `lines ${lines.join(', ')} repeat`;
  return `${file}: ${which} the header line (files joined?): left out, not counted as an invalid referral — the rows under ${lines.length === 1 ? 'it are' : 'them are'} read as the same columns (docs/input-registry.md "Several exports")`;
}

/** The error for a header line in another column order: the rows under it would be misread. */
export function reorderedHeaderError(file: string, line: number, headerLine: number): HtaError {
  return new HtaError('input.invalid', `${file}: line ${line} is the header line again, with the columns in another order than line ${headerLine} (files joined?)`, [
    { file, line, kind: 'header.reordered', expected: `rows of one export under one header line: the rows under line ${line} are in another column order, and would be read under the wrong columns (also with --exclude-invalid) — export the files with the same columns in the same order, then join them with the header line once (docs/input-registry.md "Several exports")` },
  ]);
}
