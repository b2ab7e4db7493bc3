/**
 * Checks on the patient ids of a trial export that look at the ids as a whole (not one row):
 * ids written with and without leading zeros (a spreadsheet dropped them), and ids shaped like
 * CPR numbers. Neither ever quotes an id: lines and counts only (docs/input-trial-export.md,
 * "Patient ids").
 */
import { E_MAIL } from './free-text.js';
import type { Problem } from '../errors.js';
import { cprDigits, invisibleAndDigitsPlain, looksLikeCpr } from '../io/cpr-number.js';
import { nfc } from '../io/nfc.js';

const DIGITS = /^\d+$/;

/** The Problem kind of a row whose id another row writes another way (leading zeros, Excel text). */
export const ID_SPELLING_KIND = 'id.leading-zeros';

/** An all-digit id's value without leading zeros (`0001` → `1`); undefined for any other id. */
export function digitIdValue(id: string): string | undefined {
  return DIGITS.test(id) ? id.replace(/^0+(?=\d)/, '') : undefined;
}

/** Excel's text formula as a CSV cell holds it: `="002"` (inner quotes doubled). */
const EXCEL_FORMULA_TEXT = /^="((?:[^"]|"")*)"$/;

/**
 * A patient id as the patient's other rows write it: Excel's two ways of keeping an id as text
 * (a leading apostrophe `'002`, the text formula `="002"`) read as the id `002`, and whether the
 * cell was written so. Exported from a sheet, the marks stay in some cells and not in others, so
 * one patient would count as two (docs/input-trial-export.md, "Patient ids").
 */
export function patientIdOf(cell: string): { id: string; excelText: boolean } {
  if (cell.length > 1 && cell.startsWith("'")) {
    const id = cell.slice(1).trim();
    if (id !== '') return { id, excelText: true };
  }
  const m = EXCEL_FORMULA_TEXT.exec(cell);
  if (m) {
    const id = m[1]!.replace(/""/g, '"').trim();
    if (id !== '') return { id, excelText: true };
  }
  return { id: cell, excelText: false };
}

/** A patient id with Excel's text marks taken off (patientIdOf), for readers that only match ids. */
export function plainPatientId(cell: string): string {
  return patientIdOf(cell).id;
}

/**
 * An id with what names no other patient set aside: blanks around it (also no-break spaces: R's
 * `write.csv` keeps `"SB-017 "` inside its quotes), the Unicode form, letter case (`sb-001` typed
 * at one site, `SB-001` at another), an all-digit id's leading zeros (Excel dropped them), and
 * what no reader sees or tells apart: an invisible character (a zero-width space, a word joiner,
 * a byte-order mark inside the id, as copy-paste from a web page or Word leaves them) and digits
 * of another script (full-width `１`, Arabic-Indic `١`: io/cpr-number.ts). Two ids with one key
 * written differently are one patient written two ways.
 */
export function idKey(id: string): string {
  const t = invisibleAndDigitsPlain(nfc(id)).trim().toLowerCase();
  return digitIdValue(t) ?? t;
}

/**
 * A CPR-shaped id's digits, or undefined for any other id: `060369-0855`, `060369 0855`,
 * `0603690855` and every other spelling the privacy checks take for that number (an en dash or a
 * non-breaking hyphen, a no-break space, two blanks or a tab, full-width or other decimal digits,
 * a zero-width character: io/cpr-number.ts cprDigits, the one list) are `0603690855`; a
 * personnummer or fødselsnummer likewise, `+` aside: it says the person is 100, so
 * `YYMMDD+NNNN` is not `YYMMDD-NNNN`. One CPR number written several ways is one patient: an
 * EHR extract writes the hyphen, Word or Excel autocorrects it to an en dash, a study
 * spreadsheet or an appended extract drops it (docs/input-trial-export.md#cpr-spellings).
 */
export function cprIdDigits(id: string): string | undefined {
  return cprDigits(nfc(id));
}

/**
 * The key two files' ids are matched by: idKey, with a CPR-shaped id's hyphen or space dropped
 * first (cprIdDigits), so that a listing writing `0603690855` finds the export's `060369-0855`.
 * Applied to an idKey it gives the same key as applied to the id.
 */
export function idMatchKey(id: string): string {
  const digits = cprIdDigits(id);
  return idKey(digits ?? id);
}

/**
 * Patients ordered by their ids' keys (idKey) in natural order (compareRunLists: `SB2` before
 * `SB10`, `2` before `10`), not by the export's row order: every seeded draw (multiple imputation,
 * the Welch bootstrap, the cost-effectiveness resamples) takes its patients in this order, so that
 * an export re-sorted by site or date gives the same numbers from the same seed, and an export
 * already in id order gives the numbers it gave before hta sorted (docs/plan-trial.md#row-order).
 */
export function inIdOrder<T extends { id: string }>(patients: readonly T[]): T[] {
  // Each key split once, not at every comparison.
  const keyed = patients.map((p) => ({ p, runs: runsOf(idKey(p.id)) }));
  keyed.sort((a, b) => compareRunLists(a.runs, b.runs) || (a.p.id < b.p.id ? -1 : a.p.id > b.p.id ? 1 : 0));
  return keyed.map((k) => k.p);
}

/** An id key split into runs of digits and runs of anything else (`sb-10a` → `sb-`, `10`, `a`). */
const RUNS = /\d+|\D+/g;

function runsOf(key: string): string[] {
  return key.match(RUNS) ?? [];
}

/**
 * Natural order of two id keys (split by runsOf), a total order (so a sort gives one order whatever order the ids
 * come in): the keys split into digit and non-digit runs, compared run by run — two digit runs by
 * value, then the shorter first (`7` before `07`), two other runs as text, a digit run against
 * another run as text; a key that is the start of the other first. Mixing "by value when both are
 * all digits" with "as text otherwise" is no order at all (9 < 10 by value, 10 < 10a and 10a < 9
 * as text), and the sort's result then hangs on the row order.
 */
function compareRunLists(ra: readonly string[], rb: readonly string[]): number {
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const c = compareRuns(ra[i]!, rb[i]!);
    if (c !== 0) return c;
  }
  return ra.length - rb.length;
}

function compareRuns(x: string, y: string): number {
  if (DIGITS.test(x) && DIGITS.test(y)) {
    const vx = x.replace(/^0+(?=\d)/, '');
    const vy = y.replace(/^0+(?=\d)/, '');
    if (vx.length !== vy.length) return vx.length - vy.length;
    if (vx !== vy) return vx < vy ? -1 : 1;
    return x.length - y.length;
  }
  return x < y ? -1 : x > y ? 1 : 0;
}

/** How two spellings of one id (idKey) differ, for the problem's words and kind. */
export type IdSpellingDifference = 'leading-zeros' | 'case' | 'spaces' | 'form' | 'characters';

/** What sets `a` and `b` (equal keys, different texts) apart; never quoted in a message. */
export function idDifferences(a: string, b: string): IdSpellingDifference[] {
  const out: IdSpellingDifference[] = [];
  const blanks = (s: string) => {
    const t = s.trim();
    const at = s.indexOf(t);
    return `${s.slice(0, at)}|${s.slice(at + t.length)}`;
  };
  // A CPR number's spelling aside (cpr-id-spellings.ts): its digits, as they meet an all-digit id.
  [a, b] = [cprIdDigits(a) ?? a, cprIdDigits(b) ?? b];
  // Invisible characters and other digits first: the rest is told on the ids without them.
  const [pa, pb] = [invisibleAndDigitsPlain(a), invisibleAndDigitsPlain(b)];
  if ((pa !== a) !== (pb !== b) || (pa !== a && a !== b && pa === pb)) out.push('characters');
  [a, b] = [pa, pb];
  if (blanks(a) !== blanks(b)) out.push('spaces');
  const [ta, tb] = [a.trim(), b.trim()];
  if (ta.toLowerCase() !== tb.toLowerCase() && nfc(ta).toLowerCase() === nfc(tb).toLowerCase()) out.push('form');
  const [na, nb] = [nfc(ta), nfc(tb)];
  if (na !== nb && na.toLowerCase() === nb.toLowerCase()) out.push('case');
  if (digitIdValue(na) !== undefined && na !== nb) out.push('leading-zeros');
  return out;
}

/**
 * Remembers the ids met so far by their key (idKey): a file re-saved in part (Excel's dropped
 * leading zeros), typed at two sites (`sb-001`, `SB-001`) or written by R (`"SB-017 "`) holds one
 * patient under two spellings.
 */
export class IdSpellings {
  readonly #byKey = new Map<string, number>();

  /** The index of the first id met with `id`'s key (idMatchKey: a CPR number by its digits, leading zeros aside), or -1. */
  spelledAs(id: string): number {
    return this.#byKey.get(idMatchKey(id)) ?? -1;
  }

  /**
   * For a new id (index `who` among the distinct ids): the index of an earlier id equal to it
   * but for its spelling (idKey), or -1.
   */
  earlierSpelling(id: string, who: number): number {
    // A CPR number by its digits with the leading-zero rule: `060369-0855` beside `603690855`
    // (Excel dropped the zero on the rows it saved) is one patient written two ways, as
    // `0603690855` beside `603690855` is.
    const key = idMatchKey(id);
    const earlier = this.#byKey.get(key);
    if (earlier !== undefined) return earlier;
    this.#byKey.set(key, who);
    return -1;
  }
}

/** What a problem says in a group (`expected`) and what only its own row says (`detail`, errors.ts). */
export interface ExpectedWithDetail {
  expected: string;
  detail: string;
}

/**
 * The problem text of a row whose id is that of `earlierLine` written with or without leading
 * zeros, quoting neither: the earlier line is the row's own detail, so each row of a group names
 * its own pair of lines.
 */
export function leadingZerosExpected(earlierLine: number): ExpectedWithDetail {
  return {
    expected:
      'each patient id written one way: this row\'s id is another line\'s id number, once with leading zeros and once without — ' +
      'a spreadsheet (Excel) dropped the leading zeros when the file was opened and saved, so one patient would count as two. ' +
      'Export the file again from its source, or format the id column as text in the spreadsheet and write every id as the source does; ' +
      'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out',
    detail: `the same id number as line ${earlierLine}`,
  };
}

/**
 * The `expected` of a row whose id is that of `earlierLine` with or without Excel's text marks
 * (`'002`, `="002"`), quoting neither: which is right is the same patient, but a file that writes
 * one id both ways was edited in part, and hta does not guess which rows were.
 */
export function excelTextExpected(earlierLine: number): ExpectedWithDetail {
  return {
    expected:
      'each patient id written one way: this row\'s id is another line\'s, once as Excel text (with a leading apostrophe \' or as the formula ="…") and once without — ' +
      'the sheet kept some ids as text and not others, so one patient would count as two. ' +
      'Write every id the same way: format the id column as text in the spreadsheet, or remove the apostrophes or ="…", and export again ' +
      '(ids written as Excel text throughout are read as the text); ' +
      'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out',
    detail: `the same id as line ${earlierLine}`,
  };
}

/** The Problem kind of a row whose id another row writes with other case, blanks or Unicode form (`id.spelling:case`, …). */
export const ID_OTHER_SPELLING_KIND = 'id.spelling';

/** Whether a problem is one of an id written two ways: such rows stop every run, also with --exclude-invalid. */
export function isIdSpellingKind(kind: string | undefined): boolean {
  return kind === ID_SPELLING_KIND || kind?.startsWith(`${ID_OTHER_SPELLING_KIND}:`) === true;
}

const DIFFERENCE_WORDS: Record<Exclude<IdSpellingDifference, 'leading-zeros'>, string> = {
  case: 'letter case (small letters in one, capitals in the other: typed so at one site, or changed by a spreadsheet)',
  spaces: 'a space before or after it (inside the quotes, where R\'s write.csv and some databases keep it)',
  form: 'the Unicode form of a letter (decomposed, as macOS writes it, in one of them)',
  characters: 'an invisible character (a zero-width space, a word joiner, a byte-order mark, a soft hyphen or a direction mark, as copy-paste from a web page or a Word document leaves them), a no-break space for a space, or digits of another script (full-width or Arabic-Indic)',
};

/**
 * The problem of a row whose id is that of `earlierLine` but for case, blanks or Unicode form
 * (`differences`: idDifferences; leading zeros among them are said too), quoting neither.
 */
export function otherSpellingExpected(earlierLine: number, differences: readonly IdSpellingDifference[]): ExpectedWithDetail & { kind: string } {
  const words = differences.filter((d): d is Exclude<IdSpellingDifference, 'leading-zeros'> => d !== 'leading-zeros').map((d) => DIFFERENCE_WORDS[d]);
  if (differences.includes('leading-zeros')) words.push('leading zeros (a spreadsheet dropped them)');
  return {
    expected:
      `each patient id written one way: one id spelled two ways — this row's id is another line's but for ${words.join(' and ')}, so one patient would count as two. ` +
      'Write every id of the patient the same way in the export (in the spreadsheet: Find & Replace, or TRIM and one case for the whole id column; in R: trimws()' +
      (differences.includes('characters') ? '; an invisible character is removed by SUBSTITUTE(A2; UNICHAR(8203); "") in the spreadsheet and a no-break space made a space by SUBSTITUTE(A2; UNICHAR(160); " "), in R by id <- gsub("\\\\p{Cf}", "", gsub("[\\\\x{a0}\\\\x{2007}\\\\x{202f}]", " ", id, perl = TRUE), perl = TRUE)' : '') +
      ') and export again; ' +
      'hta does not guess which spelling is right, so --exclude-invalid does not leave these rows out',
    detail: `the same id as line ${earlierLine}`,
    kind: `${ID_OTHER_SPELLING_KIND}:${differences.join('+')}`,
  };
}

/**
 * The problem text of a row that repeats a patient: in a long export one row per patient and
 * visit (`visit`: the plan's), in a wide one one line per patient. `earlier`: the line read
 * before it, which identifies the patient instead of its id; it is the row's own detail, so a
 * group of repeats names each one's earlier line.
 */
export function duplicateExpected(wide: boolean, visit: string, earlier: number, earlierArm?: string): ExpectedWithDetail {
  // The repeat in the other arm: no copy of a row but a second randomisation, or one id given to two patients.
  if (earlierArm !== undefined) {
    return {
      expected: `one row per patient and time point: this row is in another arm than the patient's earlier rows — a patient randomised twice (re-randomised) or one id reused for another patient; give the second randomisation or patient an id of its own, or leave the rows out if the protocol analyses the first randomisation only`,
      detail: wide ? `this patient is also on line ${earlier}, in arm "${earlierArm}"` : `this patient's "${visit}" row is on line ${earlier}, in arm "${earlierArm}"`,
    };
  }
  return wide
    ? { expected: 'one line per patient — delete the repeated line, or correct its id', detail: `this patient is also on line ${earlier}` }
    : { expected: 'one row per patient and time point', detail: `this patient's "${visit}" row is on line ${earlier}` };
}

/** The Problem kind of a patient's repeated line (or row at one visit) that differs from the earlier one: a one-to-many join. */
export const JOINED_LISTING_KIND = 'row.one-to-many';

/** At most this many differing columns are named in a message; the rest are counted. */
const NAMED_COLUMNS = 6;

/** `columns` named (the first few, quoted), the rest counted. */
export function columnList(columns: readonly string[]): string {
  const named = columns.slice(0, NAMED_COLUMNS).map((c) => `"${c}"`).join(', ');
  return columns.length > NAMED_COLUMNS ? `${named} and ${columns.length - NAMED_COLUMNS} more` : named;
}

/**
 * The problem of a patient's repeated line whose cells differ from the earlier line's: a listing
 * with one row per event (adverse events, medication, contacts) joined onto the per-patient export
 * (R's `merge(main, ae, all.x = TRUE)`, a spreadsheet lookup) gives a patient with two events two
 * lines. Neither line is the patient's, so no line is kept (also with --exclude-invalid), and the
 * repeat is no copy to delete. `columns`: the columns any such pair differs in (the group says
 * them once); `own`: this pair's (docs/input-trial-export.md, "One row per event joined on").
 */
export function joinedListingExpected(wide: boolean, columns: readonly string[]): string {
  return (
    `${wide ? 'one line per patient' : 'one row per patient and time point'}: the patient's lines differ in ${columnList(columns)}, so neither is a copy to delete — ` +
    'most often a listing with one row per event (adverse events, medication…) joined onto the per-patient export (R merge(all.x = TRUE), a spreadsheet lookup), which gives a patient with two events two lines: ' +
    'make the listing one row per patient before joining (per patient a 0/1 flag for any event and one for a serious event: in R aggregate() or dplyr summarise(), in a spreadsheet COUNTIFS), or leave the listing out of the export and read its events with the plan\'s "adverseEvents" (docs/plan-trial.md#adverse-events); ' +
    'otherwise keep the line that is right and delete the other. hta does not pick one of two differing lines, so --exclude-invalid does not leave these rows out'
  );
}

/** The Problem kind of a patient's two rows at one visit that differ in the survey's response id: two responses. */
export const TWO_RESPONSES_KIND = 'row.two-responses';

/**
 * The problem of a patient's two rows at one visit that differ in the survey's id of each
 * response (SurveyXact's `Respondent-id`, `_recordId`, Qualtrics' `ResponseId`: plan/response-ids.ts):
 * two responses to that visit's survey — the link opened twice, one left "Påbegyndt" (started)
 * and one "Gennemført" (completed) — not a listing joined on. Which counts is the researcher's
 * to say, so neither is kept (docs/input-trial-export.md, "Two responses to one visit's survey").
 */
export function twoResponsesExpected(responseIds: readonly string[], columns: readonly string[]): string {
  const ids = responseIds.map((c) => `"${c}"`).join(' and ');
  return (
    `one row per patient and time point: the patient's rows at one visit differ in ${ids}, the survey's id of each response, so they are two responses to that visit's survey — most often a patient who opened the link twice (in SurveyXact one response "Påbegyndt", one "Gennemført"); they differ in ${columnList(columns)}. ` +
    'Keep the response that counts (the completed one) and delete the other row, in the export or in the survey tool before exporting. hta does not pick one of two responses, so --exclude-invalid does not leave these rows out'
  );
}

/** The detail of one such repeat: its earlier line and the columns this pair differs in. */
export function joinedListingDetail(wide: boolean, visit: string, earlier: number, own: readonly string[]): string {
  return `${wide ? `this patient is also on line ${earlier}` : `this patient's "${visit}" row is on line ${earlier}`}, differing in ${columnList(own)}`;
}

/** The columns (header names) whose cells differ between two records of the same file; empty for an exact repeat. */
export function differingColumns(header: readonly string[], a: readonly (string | null)[], b: readonly (string | null)[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < header.length; i++) if ((a[i] ?? null) !== (b[i] ?? null)) out.push(header[i]!);
  return out;
}

/** With --exclude-invalid, a repeat's detail says which line stands for the patient: the earlier one, unless it was left out too. */
export function keptInstead(detail: string, earlier: number, earlierKept: boolean): string {
  return `${detail}; line ${earlier} ${earlierKept ? 'is read and this one left out' : 'is left out too, for its own problems'}`;
}

/** How many of the distinct ids are shaped like a CPR number, personnummer or fødselsnummer (io/cpr-number.ts). */
export function cprShapedIds(ids: readonly string[]): number {
  let n = 0;
  for (const id of ids) if (looksLikeCpr(id)) n++;
  return n;
}

/**
 * The note for an id column shaped like CPR numbers: a note, not an error, since no message,
 * report or result of hta's holds an id (docs/input-trial-export.md#cpr-shaped-ids says why).
 * `noun`: what the file is — "a registry export" for an observational plan (a DST extract is no
 * trial export).
 */
export function cprIdNote(column: string, shaped: number, total: number, noun = 'a trial export'): string {
  const share = shaped === total ? `all ${total} ids` : `${shaped} of ${total} ids`;
  return (
    `the patient ids in column "${column}" look like CPR numbers (${share} have the shape DDMMYY-NNNN, or ten digits with a real day and month, or the shape of a Swedish personnummer or a Norwegian fødselsnummer). ` +
    `hta uses them only to link a patient's rows and never puts them in a message, report or result, but ${noun} should hold pseudonymous study ids: ` +
    'replace them with study numbers (keep the key apart from the export) before the file is shared or stored beside the reports'
  );
}

/** An e-mail address (`patient1009@example.dk`) as a whole id: a direct identifier, as a CPR number is. */
const E_MAIL_ID = new RegExp(`^${E_MAIL.source}$`);

/** How many of `ids` are e-mail addresses. */
export function emailIds(ids: readonly string[]): number {
  let n = 0;
  for (const id of ids) if (E_MAIL_ID.test(id.trim())) n++;
  return n;
}

/** The note for an id column of e-mail addresses: as cprIdNote, for the same reason (docs/input-trial-export.md#cpr-shaped-ids). */
export function emailIdNote(column: string, shaped: number, total: number, noun = 'a trial export'): string {
  const share = shaped === total ? `all ${total} ids` : `${shaped} of ${total} ids`;
  return (
    `the patient ids in column "${column}" are e-mail addresses (${share}). ` +
    `hta uses them only to link a patient's rows and never puts them in a message, report or result, but ${noun} should hold pseudonymous study ids: ` +
    'replace them with study numbers (keep the key apart from the export) before the file is shared or stored beside the reports'
  );
}

/** An id as a word of a value may write it: a word of one or two characters, or a number under four digits, is never taken for one. */
function idLike(word: string, keys: ReadonlySet<string>): boolean {
  if (word.length < 3 || (/^\d+$/.test(word) && word.length < 4)) return false;
  return keys.has(idKey(word));
}

/**
 * `value` with every patient id of the file (`keys`: idKey) written `[id]`: a free-text answer
 * naming a patient (`SB1007 kunne ikke svare`, `1007-svarede`, `P13_note`) is quoted in a message
 * without the id (docs/output-safety.md "Patient ids"). A blank-separated token is tested whole
 * (an id with a hyphen, `SB-1007`, its brackets and punctuation aside), then each run of letters
 * and digits in it. Words of one or two characters, and numbers shorter than four digits, are
 * never taken for an id: they would mask ordinary answers (`10 - Værst tænkelige smerte`) in a
 * file whose ids are 1, 2, 3, …; nor is a number with decimals (`1009,5`, `1002.5 kg`): a value.
 */
export function withoutPatientIds(value: string, keys: ReadonlySet<string>): string {
  if (!keys.size) return value;
  return value.replace(/\S+/g, (token) => {
    const [, before, inner, after] = /^([^\p{L}\p{N}]*)(.*?)([^\p{L}\p{N}]*)$/u.exec(token)!;
    if (inner && idLike(inner!, keys)) return `${before}[id]${after}`;
    return token.replace(/[\p{L}\p{N}]+/gu, (piece: string, at: number) => {
      const decimal = /^\d+$/.test(piece) && (/^[.,]\d/.test(token.slice(at + piece.length)) || /\d[.,]$/.test(token.slice(0, at)));
      return !decimal && idLike(piece, keys) ? '[id]' : piece;
    });
  });
}

/**
 * `problems` with the ids in their quoted values written `[id]` (withoutPatientIds): every trial
 * message quoting a cell goes through it. Not the id column's own problems (`idField`, or an `id…`
 * kind), which name what stands there.
 */
export function maskedPatientIds(problems: Problem[], keys: ReadonlySet<string>, idField: string | undefined): Problem[] {
  return problems.map((p) => {
    if (p.value === undefined || p.value.length < 3 || p.field === idField || p.kind?.startsWith('id') === true) return p;
    const value = withoutPatientIds(p.value, keys);
    return value === p.value ? p : { ...p, value };
  });
}
