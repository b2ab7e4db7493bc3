/**
 * A column that repeats the patient id beside the id column — `id_3m`, `record_id_3m`, `id3`, or
 * any column equal to the id on most lines — is what a follow-up file pasted beside the baseline
 * in a spreadsheet leaves behind. When that file lost patients (drop-outs) or was sorted another
 * way, every line after the first difference carries another patient's follow-up: the analysis
 * ran on shuffled pairs, `validate` said "valid", and nothing compared the two ids. Every reader
 * of a trial export now compares such a column with the id line by line (load-trial.ts), and one
 * difference stops the run, also with --exclude-invalid: the whole misalignment is the problem,
 * not a row. Ids are never quoted: the lines say which patient's id the column holds.
 * docs/input-trial-export.md "Columns pasted side by side".
 */
import { HtaError, type Problem } from '../errors.js';
import { nfc } from '../io/nfc.js';
import type { CsvTable } from '../io/read-csv.js';
import { formatLineRanges, lineRanges } from '../problem-groups.js';
import { foldColumnName } from './column-resolver.js';
import { cprIdDigits, digitIdValue, plainPatientId } from './patient-ids.js';
import { isSpecialMissing, SpecialMissingReader } from './special-missing.js';

/** The Problem kind of a repeated id column that disagrees with the id (plan init's draft check passes it on as the data's). */
export const PASTED_KIND = 'id.pasted-out-of-step';

/** Lines read to find the columns that repeat the id by their values (the check itself reads every line). */
const SAMPLE = 500;

/** A visit suffix after an id name: `_3m`, `.3m`, ` 3m`, `-12`, or a number straight after it (`id3`). */
function isVisitSuffix(rest: string): boolean {
  return /^[ _.-][\p{L}\p{N}_]{1,16}$/u.test(rest) || /^\d{1,3}$/.test(rest);
}

/** Id names a pasted file may write its id under, beside the export's own (`id_3m` beside `record_id`). */
export const ID_NAMES = new Set(['id', 'record_id', 'recordid', 'patient_id', 'patientid', 'participant_id', 'participant id', 'subject_id', 'subjid', 'pid', 'løbenr', 'lbnr', 'patient']);

/** Whether a header name is the id's with a visit suffix (`id_3m` for `id`; `record_id_3m`; `id3`). */
function namedAsRepeatedId(name: string, idName: string): boolean {
  const n = foldColumnName(name);
  for (const stem of [foldColumnName(idName), ...ID_NAMES]) if (n.length > stem.length && n.startsWith(stem) && isVisitSuffix(n.slice(stem.length))) return true;
  return false;
}

/**
 * The key two ids are compared by — one as written, but for case, Unicode form, leading zeros
 * (Excel drops them), Excel's text marks and a CPR number's spelling (patient-ids.ts): digits without leading zeros, any other id in NFC upper case (an
 * all-digit id equals no id with another character either way). ASCII needs no NFC, which is
 * most cells: this runs for every cell of the sampled lines.
 */
export function idKey(given: string): string {
  // Excel's text marks (`'002`, `="002"`) are no part of the id, as loadTrial reads it (patient-ids.ts);
  // nor is how a CPR number is written (`060369-0855`, `060369–0855`, `0603690855`: its digits, cprIdDigits).
  const plain = plainPatientId(given);
  const v = cprIdDigits(plain) ?? plain;
  const digits = digitIdValue(v);
  if (digits !== undefined) return digits;
  return (/^[\x20-\x7e]*$/.test(v) ? v : nfc(v)).toUpperCase();
}

/**
 * The columns (0-based) that repeat the id: named so (and holding ids of the id column on most of
 * their lines, however shifted), or equal to the id on most lines where both have a value.
 * Decided on the first lines; `idCol` is the id's column.
 */
export function repeatedIdColumns(csv: CsvTable, idCol: number): number[] {
  const header = csv.header;
  const idName = header[idCol]!;
  const candidates = header.map((_, i) => i).filter((i) => i !== idCol && header[i] !== '');
  if (!candidates.length) return [];
  const ids: string[] = [];
  const cells: (string | null)[][] = candidates.map(() => []);
  let n = 0;
  const cellOf = (v: string | null | undefined): string | null => (v === null || v === undefined || isSpecialMissing(v) ? null : v);
  for (const rec of csv.records) {
    if (n++ >= SAMPLE) break;
    // `cells` splits the record on each access: once per record, not once per column.
    const row = rec.cells;
    ids.push(cellOf(row[idCol]) ?? '');
    candidates.forEach((c, k) => cells[k]!.push(cellOf(row[c])));
  }
  // Each distinct value keyed once: the sampled lines' ~60 columns hold mostly the same few codes
  // (`0`, `1`, `6`), and idKey (Excel's marks, NFC, a CPR number's digits) cost ~25 ms a trial
  // export when run for each of their ~30,000 cells, in every thread that loads the trial.
  const keys = new Map<string, string>();
  const keyOf = (v: string): string => {
    let key = keys.get(v);
    if (key === undefined) keys.set(v, (key = idKey(v)));
    return key;
  };
  const idKeys = ids.map((id) => (id === '' ? '' : keyOf(id)));
  const idSet = new Set(idKeys.filter((k) => k !== ''));
  return candidates.filter((c, k) => {
    // `known` (values that are ids of the id column, on any line) only decides a column named as a repeated id.
    const named = namedAsRepeatedId(header[c]!, idName);
    let both = 0;
    let equal = 0;
    let known = 0;
    let filled = 0;
    cells[k]!.forEach((v, r) => {
      if (v === null) return;
      filled++;
      const key = v === ids[r] ? idKeys[r]! : keyOf(v);
      if (named && idSet.has(key)) known++;
      if (ids[r] === '') return;
      both++;
      if (key === idKeys[r]) equal++;
    });
    if (filled === 0) return false;
    // By its values: the id itself on most lines (at least three).
    if (equal >= 3 && equal * 2 > both) return true;
    // By its name, its values ids of the id column, on whatever line.
    return named && known * 2 > filled;
  });
}

/**
 * The problems of repeated id columns (`columns`, from repeatedIdColumns) that differ from the id
 * on a line where both have a value: one per column, at its first such line, naming the lines
 * (never an id; the line whose id the column holds instead).
 */
export function pastedOutOfStep(csv: CsvTable, idCol: number, columns: readonly number[]): Problem[] {
  if (!columns.length) return [];
  const file = csv.file;
  const idName = csv.header[idCol]!;
  const lineOfId = new Map<string, number>();
  const differing = columns.map((): number[] => []);
  const equalCount = columns.map(() => 0);
  const firstHeld = columns.map((): string | undefined => undefined);
  const reader = new SpecialMissingReader();
  const fields = Math.max(idCol, ...columns) + 1;
  for (const rec of csv.records) {
    reader.load(rec, fields);
    const id = reader.cell(idCol);
    if (id === null) continue;
    const key = idKey(id);
    if (!lineOfId.has(key)) lineOfId.set(key, rec.line);
    columns.forEach((c, k) => {
      const v = reader.cell(c);
      if (v === null) return;
      if (v === id || idKey(v) === key) equalCount[k]!++;
      else {
        if (!differing[k]!.length) firstHeld[k] = v;
        differing[k]!.push(rec.line);
      }
    });
  }
  return columns.flatMap((c, k) => {
    const lines = differing[k]!;
    if (!lines.length) return [];
    const name = csv.header[c]!;
    const heldLine = lineOfId.get(idKey(firstHeld[k]!));
    const held = heldLine === undefined ? `an id that column "${idName}" does not hold` : `the id that column "${idName}" has on line ${heldLine}`;
    const expected =
      `the same patient id as column "${idName}" on every line: "${name}" repeats the id (it equals "${idName}" on ${equalCount[k]} line${equalCount[k] === 1 ? '' : 's'}), ` +
      `but differs from it on ${lines.length} line${lines.length === 1 ? '' : 's'} (${formatLineRanges(lineRanges(lines))}); on line ${lines[0]} it holds ${held}. ` +
      `The columns that came with "${name}" were pasted beside these rows from another file out of step (a patient missing from one file, or another sort order, shifts every line after it), so their values belong to other patients. ` +
      `Join the files by the id (a lookup on the id in the spreadsheet, or a merge in R, SPSS or Stata) and export again; --exclude-invalid cannot leave this out: every line from the first difference on may hold another patient's values`;
    return [{ file, line: lines[0], column: c + 1, field: name, expected, kind: PASTED_KIND }];
  });
}

/** The error of an export whose repeated id columns disagree with the id; undefined when none does. */
export function pastedOutOfStepError(csv: CsvTable, idCol: number): HtaError | undefined {
  const problems = pastedOutOfStep(csv, idCol, repeatedIdColumns(csv, idCol));
  if (!problems.length) return undefined;
  const names = problems.map((p) => `"${p.field}"`).join(' and ');
  return new HtaError('input.invalid', `${csv.file}: ${names} repeat${problems.length === 1 ? 's' : ''} the patient id but hold${problems.length === 1 ? 's' : ''} other patients' ids on some lines — files pasted side by side out of step; nothing was written`, problems);
}
