/**
 * A data row that is the header line again: two exports joined with `cat` (or pasted one under
 * the other) carry the second one's header in the middle. Every reader says it as what it is —
 * one problem on its line, not a bad value in each of its cells — and leaves it out with
 * --exclude-invalid without counting it as an invalid row (docs/input-trial-export.md and
 * docs/input-registry.md, "Several exports"). A header in another column order means the rows
 * under it would be read under the wrong columns: every reader refuses it. The messages are
 * shared too; each reader gives the words for what its rows are (`HeaderRepeatWords`).
 */
import { HtaError, type Problem } from '../errors.js';
import { lineList } from '../problem-groups.js';

/**
 * Whether a record repeats `header`, in its order or in another: 'same', 'reordered' or
 * undefined. Cells and names are compared by `key` (each reader folds header names its own way);
 * a byte-order mark at the start of the repeated line (the second file's) is not part of its
 * first name. Made once per header: its names are folded once, and a record whose first filled
 * cell is none of them — nearly every row of a file — is passed over after folding that one cell
 * (the readers ask this of every data row).
 */
export function headerRepeatTest(header: readonly string[], key: (name: string) => string): (record: readonly string[]) => 'same' | 'reordered' | undefined {
  const names = header.map(key);
  const filledNames = names.filter((x) => x !== '');
  const nameSet = new Set(filledNames);
  const sortedNames = [...filledNames].sort().join('\u0000');
  const cellKey = (c: string, i: number) => key(i === 0 ? c.replace(/^\ufeff/, '') : c);
  return (record) => {
    if (filledNames.length === 0) return undefined;
    // A repeated header's first filled cell is one of the names, whatever their order.
    let i = 0;
    let first = '';
    while (i < record.length && (first = cellKey(record[i]!, i)) === '') i++;
    if (!nameSet.has(first)) return undefined;
    const keys = record.map(cellKey);
    const filled = keys.filter((x) => x !== '');
    if (filled.length !== filledNames.length) return undefined;
    if (keys.length >= names.length && names.every((n, j) => keys[j] === n) && keys.slice(names.length).every((k) => k === '')) return 'same';
    return [...filled].sort().join('\u0000') === sortedNames ? 'reordered' : undefined;
  };
}

/** How a reader names what it reads, for the messages below. */
export interface HeaderRepeatWords {
  /** What a data row is: "a referral", "a patient's row". */
  row: string;
  /** How to join exports, after "delete it (". */
  join: string;
  /** What a repeated header is not counted as: "an invalid referral" — and in Danish, one and several ("en ugyldig henvisning", "ugyldige henvisninger"). */
  invalid: string;
  invalidDa: { one: string; several: string };
  /** The docs section on joined exports. */
  doc: string;
  /** How to join exports in different column orders; default: export them in one order. */
  reordered?: string;
}

/** The problem of a repeated header line (a run that stops on problems). */
export function repeatedHeaderProblem(file: string, line: number, w: HeaderRepeatWords): Problem {
  return {
    file, line, kind: 'header.repeated',
    expected: `${w.row}: line ${line} repeats the header line (files joined?) — delete it (${w.join}), or --exclude-invalid leaves it out`,
  };
}

/** The note for repeated header lines left out with --exclude-invalid (stderr), in the run's language (docs/cli.md "Danish output"). */
export function repeatedHeaderNote(file: string, lines: Iterable<number>, w: HeaderRepeatWords, lang: 'en' | 'da' = 'en'): string | undefined {
  const list = [...lines];
  if (list.length === 0) return undefined;
  if (lang === 'da') {
    const one = list.length === 1;
    return `${file}: ${lineList(list, 'da')} gentager overskriftslinjen (filer sat sammen?): udeladt, ikke talt som ${one ? w.invalidDa.one : w.invalidDa.several} — rækkerne under ${one ? 'den' : 'dem'} læses som de samme kolonner (${w.doc})`;
  }
  const which = `${lineList(list)} ${list.length === 1 ? 'repeats' : 'repeat'}`;
  return `${file}: ${which} the header line (files joined?): left out, not counted as ${w.invalid} — the rows under ${list.length === 1 ? 'it are' : 'them are'} read as the same columns (${w.doc})`;
}

/** The error for a header line in another column order: the rows under it would be misread. */
export function reorderedHeaderError(file: string, line: number, headerLine: number, w: HeaderRepeatWords): HtaError {
  return new HtaError('input.invalid', `${file}: line ${line} is the header line again, with the columns in another order than line ${headerLine} (files joined?)`, [
    { file, line, kind: 'header.reordered', expected: `rows of one export under one header line: the rows under line ${line} are in another column order, and would be read under the wrong columns (also with --exclude-invalid) — ${w.reordered ?? 'export the files with the same columns in the same order, then join them with the header line once'} (${w.doc})` },
  ]);
}
