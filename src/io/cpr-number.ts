/**
 * The shapes of the Nordic personal identity numbers, for every message and output hta writes:
 * such a number is never quoted (docs/output-safety.md "Patient ids"). "CPR" in the names here
 * stands for all of them:
 *
 * - Danish CPR number: DDMMYY-NNNN, or the ten digits without the hyphen (or with a space) — also
 *   typed as its date is written (`12.03.74-1234`, `12/03/1974 1234`, `120374_1234`: DATED);
 * - Swedish personnummer: YYMMDD-NNNN (`+` instead of `-` from the year one turns 100), the
 *   twelve-digit YYYYMMDD-NNNN, each with or without the separator; a samordningsnummer has the
 *   day plus 60 (`19460679-1950`);
 * - Norwegian fødselsnummer: DDMMYYNNNNN (eleven digits, a space or hyphen allowed after the date); a
 *   D-nummer has the day plus 40.
 *
 * The date part must be a day and month that exist (29 February allowed); no check digit is
 * tested — Danish numbers issued since 2007 need not pass modulus 11, and a number that fails a
 * Swedish or Norwegian check is still somebody's date of birth in a typo. So an ordinary number
 * of ten to twelve digits whose digits happen to form such a date is taken for one: that is the
 * safe side (docs/output-safety.md "Personal identity numbers" says where it is checked and
 * how a code of such digits is read). What a registry does with such a cell:
 * src/uptake/cpr-shape.ts.
 */

/** Whether day and month make a date in some year (29 February in a leap year). */
function plausibleDayMonth(dd: number, mm: number): boolean {
  if (mm < 1 || mm > 12 || dd < 1) return false;
  return dd <= [31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][mm - 1]!;
}

/** A Swedish date part: the day may be a samordningsnummer's (day + 60). */
const swedishDay = (dd: number, mm: number): boolean => plausibleDayMonth(dd > 60 ? dd - 60 : dd, mm);
/** A Norwegian date part: the day may be a D-nummer's (day + 40). */
const norwegianDay = (dd: number, mm: number): boolean => plausibleDayMonth(dd > 40 ? dd - 40 : dd, mm);

/** What a number of each shape is written as in a message. */
const MASK = { danish: 'DDMMYY-XXXX', swedish: 'YYMMDD-XXXX', swedish12: 'YYYYMMDD-XXXX', norwegian: 'DDMMYYXXXXX' } as const;

/**
 * The mask for a number split as `date` (six or eight digits), `sep` and `serial` (four or five
 * digits), or undefined when it is no personal number's shape.
 */
function maskOf(date: string, sep: string, serial: string): string | undefined {
  const n = (i: number) => Number(date.slice(i, i + 2));
  if (date.length === 6 && serial.length === 4) {
    if (!sep.includes('+') && plausibleDayMonth(n(0), n(2))) return MASK.danish;
    if (swedishDay(n(4), n(2))) return MASK.swedish;
    return undefined;
  }
  if (date.length === 8 && serial.length === 4) {
    return /^(18|19|20)/.test(date) && swedishDay(n(6), n(4)) ? MASK.swedish12 : undefined;
  }
  if (date.length === 6 && serial.length === 5) {
    return !sep.includes('+') && norwegianDay(n(0), n(2)) ? MASK.norwegian : undefined;
  }
  return undefined;
}

// Between the date and the serial: nothing, a hyphen (or `+`), one blank — or, as notes are
// typed, two blanks or a hyphen with a blank either side (`120374  1234`, `120374 - 1234`).
const WHOLE = /^(\d{6}|\d{8})( ?[-+] ?| {1,2}|)(\d{4,5})$/;
const INSIDE = /(?<!\d)(\d{6}|\d{8})( ?[-+] ?| {1,2}|)(\d{4,5})(?!\d)/g;

/**
 * A Danish CPR number typed as Danes write a date (docs/output-safety.md "Personal identity
 * numbers"): the day, the month and the year with `.`, `-`, `/` or a blank between them (the same
 * or not; or with neither), the year of two digits or four (18xx–20xx), then the serial after a hyphen,
 * one or two blanks, `_`, `.` or `/` — `12.03.74-1234`, `12-03-74-1234`, `12/03/1974 1234`,
 * `12 03 74 1234`, `12031974-1234`, `120374_1234`, `120374.1234`. Groups: day, separator, month,
 * separator, year, separator, serial. The serial's four digits are required (`12.03.74` alone is
 * a date), and no match starts right after a digit, nor after a digit and `.`, `-` or `/`: the
 * middle of an ISO date (`2025-03-04 1234`), a version or a decimal (`0.120374.1234`) is no
 * number's start; and both of the date's separators are there, or neither is (`12.0374-1234` is
 * no date, and a DOI, `10.1186/1471-2458`, would read as one). The ten digits with a hyphen or
 * blanks (`120374-1234`) are INSIDE's, masked `DDMMYY-XXXX` as always: datedMask leaves them to it.
 * The first look-behind stands after the day's two digits, so that it is tested only where two
 * digits are; the second tests the separators.
 */
const DATED = /(\d\d)(?<!\d[./-]?\d\d)([./ -]?)(\d\d)([./ -]?)(?<=\d\d[./ -]\d\d[./ -]|\d{4})((?:18|19|20)?\d\d)( ?- ?| {1,2}|[._/])(\d{4})(?!\d)/g;

/** DATED as a whole cell (trimmed). */
const DATED_WHOLE = new RegExp(`^${DATED.source}$`);

/**
 * The mask of a DATED match, or undefined when the day and month are no date or the match is
 * INSIDE's plain shape: the date's digits written D, M and Y and the serial's X, every separator
 * kept as typed (`DD.MM.YY-XXXX`, `DDMMYY_XXXX`), so a masked name still shows its shape.
 */
function datedMask(m: RegExpMatchArray): string | undefined {
  const [, dd, s1, mm, s2, year, s3] = m as unknown as string[];
  if (!plausibleDayMonth(Number(dd), Number(mm))) return undefined;
  if (s1 === '' && s2 === '' && year!.length === 2 && !/[._/]/.test(s3!)) return undefined;
  return `DD${s1}MM${s2}${year!.length === 4 ? 'YYYY' : 'YY'}${s3}XXXX`;
}

const FOUR_DIGITS = /\d{4}/;

/** Where a personal identity number stands in `shape` (a text as cprShapeText reads it), in order, and its mask. */
interface CprSpan {
  start: number;
  end: number;
  mask: string;
}

/**
 * Every personal identity number in `shape`: the one definition of such a number inside text,
 * behind maskCpr and every check that asks whether a text holds one (holdsCpr, looksLikeCpr).
 */
function cprSpans(shape: string): CprSpan[] {
  const spans: CprSpan[] = [];
  // Every shape ends in a serial of four or five digits: most texts (a message, a name) have no such run.
  if (!FOUR_DIGITS.test(shape)) return spans;
  for (const m of shape.matchAll(INSIDE)) {
    const mask = maskOf(m[1]!, m[2]!, m[3]!);
    if (mask !== undefined) spans.push({ start: m.index, end: m.index + m[0].length, mask });
  }
  const plain = spans.length;
  for (const m of shape.matchAll(DATED)) {
    const mask = datedMask(m);
    const start = m.index;
    const end = start + m[0].length;
    if (mask !== undefined && !spans.slice(0, plain).some((s) => s.start < end && start < s.end)) spans.push({ start, end, mask });
  }
  return plain === spans.length || plain === 0 ? spans : spans.sort((a, b) => a.start - b.start);
}

/** Dashes a word processor or a web form writes for a hyphen: U+2010–2015 (the non-breaking hyphen U+2011 among them), the minus sign, the small and full-width hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\ufe63\uff0d]/;
/**
 * Invisible characters that copy-paste leaves inside a typed number: the zero-width space
 * (U+200B), the word joiner (U+2060), a byte-order mark (U+FEFF) in mid-text, the soft hyphen,
 * direction marks — Unicode's format characters (Cf). They are no part of the number.
 */
const INVISIBLE = /^\p{Cf}$/u;
/** A character outside printable ASCII (a tab too) that may stand for a digit, a separator or a blank of a typed number. */
const NON_ASCII = /[^\x20-\x7e]/gu;
const HAS_NON_ASCII = /[^\x20-\x7e]/;
const shapeChars = new Map<string, string>();
/**
 * One character as a number's shape reads it: a dash as `-`, a no-break or other blank as a
 * space, any decimal digit (full-width `１`, Arabic-Indic `١`, …) as its ASCII digit, a
 * full-width full stop, slash or low line (`．`, `／`, `＿`: a date's separators, DATED) as the
 * ASCII one, an invisible character as nothing.
 */
function shapeChar(c: string): string {
  let out = shapeChars.get(c);
  if (out === undefined) {
    const k = c.normalize('NFKC');
    out = DASHES.test(c) ? '-' : INVISIBLE.test(c) ? '' : /^[0-9+ ./_-]$/.test(k) ? k : /^\p{Nd}$/u.test(c) ? String(digitValue(c)) : /^\s$/u.test(c) ? ' ' : c;
    shapeChars.set(c, out);
  }
  return out;
}

/**
 * The value of a decimal digit (Unicode category Nd) that NFKC leaves alone (Arabic-Indic,
 * Devanagari, Thai…): Unicode encodes every decimal digit in runs of ten from 0 to 9, so the
 * value is the distance from the run's start.
 */
function digitValue(c: string): number {
  const cp = c.codePointAt(0)!;
  let start = cp;
  while (start > 0 && /^\p{Nd}$/u.test(String.fromCodePoint(start - 1))) start--;
  return (cp - start) % 10;
}

/**
 * `text` as the shape tests read it: a no-break space (U+00A0, U+202F, as copy-paste from an EHR
 * or a web form and Windows-1252's byte 0xA0 give) and other blanks (a tab) as a space, an en dash
 * or other dash (Word's autocorrect of a hyphen) as `-`, full-width and other decimal digits
 * (`１２０３７４`, `١٢٠٣٧٤`) as ASCII digits, a full-width `．`, `／` or `＿` as the ASCII one,
 * invisible characters (a zero-width space) left out.
 * Any of these spellings of a number is the number (docs/output-safety.md "Personal identity
 * numbers"); it is the one list of them, for the privacy checks and for matching patient ids
 * alike (docs/input-trial-export.md#cpr-spellings). Not always of the same length as `text`:
 * maskCpr maps a match back.
 */
export function cprShapeText(text: string): string {
  return text.replace(NON_ASCII, shapeChar);
}

/** No-break spaces (U+00A0, the figure space U+2007, the narrow U+202F): a space to the eye. */
const NO_BREAK_SPACE = /^[\u00a0\u2007\u202f]$/;

/**
 * `text` with its invisible characters left out, its no-break spaces written as a space and its
 * decimal digits of other scripts written as ASCII digits (as cprShapeText reads them), dashes
 * and other blanks kept: how a patient id's key sets aside what a reader cannot see or tell apart
 * (trial/patient-ids.ts idKey; `SB 0003` typed with a no-break space, as copied from an EHR or a
 * web form, is `SB 0003`).
 */
export function invisibleAndDigitsPlain(text: string): string {
  if (!HAS_NON_ASCII.test(text)) return text;
  return text.replace(NON_ASCII, (c) => {
    if (NO_BREAK_SPACE.test(c)) return ' ';
    const out = shapeChar(c);
    return out === '' || (/^[0-9]$/.test(out) && /^\p{Nd}$/u.test(c)) ? out : c;
  });
}

/** cprShapeText, with `from[j]`: the index in `text` of the character shape unit `j` came from (`from[shape.length]` = `text.length`). */
function shapeWithOffsets(text: string): { shape: string; from: number[] } {
  let shape = '';
  const from: number[] = [];
  for (let i = 0; i < text.length; ) {
    const c = String.fromCodePoint(text.codePointAt(i)!);
    const out = /^[\x20-\x7e]$/.test(c) ? c : shapeChar(c);
    for (let j = 0; j < out.length; j++) from.push(i + Math.min(j, c.length - 1));
    shape += out;
    i += c.length;
  }
  from.push(text.length);
  return { shape, from };
}

/** A personal number's parts as the shape tests read a whole cell (cprShapeText, trimmed): the date's and serial's ASCII digits and what stood between them (`-`, `+`, blanks or nothing), or undefined for no personal number. */
export interface CprParts {
  date: string;
  separator: string;
  serial: string;
}

/** `text` (a whole cell, trimmed) read as a personal identity number (CPR, personnummer, fødselsnummer): its parts, or undefined. */
export function cprParts(text: string): CprParts | undefined {
  return partsOf(cprShapeText(text).trim());
}

/** cprParts of a cell's shape, trimmed. */
function partsOf(shape: string): CprParts | undefined {
  const m = WHOLE.exec(shape);
  return m !== null && maskOf(m[1]!, m[2]!, m[3]!) !== undefined ? { date: m[1]!, separator: m[2]!, serial: m[3]! } : undefined;
}

/**
 * The digits of a whole cell shaped like a personal number, written however the shape tests read
 * it (cprParts), or undefined: `060369-0855`, `060369–0855`, `060369 0855` and `０６０３６９０８５５`
 * are `0603690855`. A Swedish `+` is no spelling (it says the person is 100: `YYMMDD+NNNN` is not
 * `YYMMDD-NNNN`), so such a number gives undefined. How one person's id is keyed in a trial
 * export and in a registry alike (docs/input-trial-export.md#cpr-spellings, docs/input-registry.md).
 */
export function cprDigits(text: string): string | undefined {
  const parts = cprParts(text);
  return parts && !parts.separator.includes('+') ? `${parts.date}${parts.serial}` : undefined;
}

/**
 * True when the cell (trimmed) is shaped like a personal identity number (CPR, personnummer,
 * fødselsnummer), also a CPR number typed as its date is written (`12.03.74-1234`: DATED). Such a
 * cell's digits are keyed by cprParts only in the plain shapes.
 */
export function looksLikeCpr(text: string): boolean {
  const shape = cprShapeText(text).trim();
  if (partsOf(shape) !== undefined) return true;
  const m = DATED_WHOLE.exec(shape);
  return m !== null && datedMask(m) !== undefined;
}

/** Nine bare digits, the first 1–9: the day without its zero, then the month (looksLikeZeroDroppedCpr). */
const NINE = /^([1-9])(\d\d)\d{6}$/;

/**
 * Nine to twelve digits written as a float: a decimal mark, then zeros only (`909649484.0`,
 * `2112925601.0`). pandas writes an integer column so when it holds a missing value (NaN makes
 * the column float), `909649484,0` with `decimal=","`: a CPR number read as a number comes back
 * so, its leading zero lost too. Group 1: the digits.
 */
const FLOAT_ZERO = /^(\d{9,12})[.,]0+$/;
/** `t` (trimmed) without a whole float's decimal zeros (FLOAT_ZERO), else as it is. */
const withoutFloatZero = (t: string): string => FLOAT_ZERO.exec(t)?.[1] ?? t;

/**
 * A Danish CPR number born on the 1st to the 9th of a month, as a spreadsheet writes it after
 * reading the column as numbers: the leading zero dropped, nine bare digits `DMMYYNNNN` whose
 * first digit (1–9) and next two make a day and month that exist (`101701234` is 010170-1234) —
 * also as pandas writes such a number in a float column (`101701234.0`, FLOAT_ZERO). Only a whole
 * cell of exactly nine digits, or those with a float's zeros: a sign, a decimal other than zeros, a
 * thousands separator or a blank makes it a number that no spreadsheet made of a CPR number
 * (`392.874,57`, `-101701234`, `101701234.5`), and nine digits whose date cannot exist
 * (`132501234`, `100001234`) read as written (docs/output-safety.md "Personal identity numbers").
 */
export function looksLikeZeroDroppedCpr(text: string): boolean {
  const t = /^\d{9}$/.test(text) ? text : withoutFloatZero(cprShapeText(text).trim());
  const m = NINE.exec(t);
  return m !== null && plausibleDayMonth(Number(m[1]), Number(m[2]));
}

/**
 * The test every check of a cell outside the id column uses: looksLikeCpr, also as pandas writes
 * ten to twelve bare digits in a float column (`2112925601.0`: FLOAT_ZERO), or a CPR number that
 * lost its leading zero in a spreadsheet (looksLikeZeroDroppedCpr). An id column keeps
 * looksLikeCpr: there such an id is compared by its digits (docs/input-trial-export.md#cpr-spellings).
 */
export function looksLikeCprCell(text: string): boolean {
  if (looksLikeCpr(text) || looksLikeZeroDroppedCpr(text)) return true;
  const bare = cprShapeText(text).trim();
  const digits = withoutFloatZero(bare);
  return digits !== bare && looksLikeCpr(digits);
}

/** How a zero-dropped CPR number is written in a message. */
const MASK_NINE = 'DMMYY-XXXX';
/**
 * Nine bare digits quoted whole in a message (`"101701234"`, as a problem quotes a cell; with a
 * float's zeros, `"101701234.0"`): a zero-dropped CPR number when its date exists. The digits are
 * masked, the zeros kept, as a ten-digit number's are (`"DDMMYY-XXXX.0"`).
 */
const QUOTED_NINE = /(?<=["'“])(\d{9})(?=(?:[.,]0+)?["'”])/g;

/** `text` with every such number in it masked (`DDMMYY-XXXX`, `YYYYMMDD-XXXX`, …), for messages that quote a cell. */
export function maskCpr(text: string): string {
  // A whole cell of nine digits, and nine digits quoted whole inside a message, may be a CPR
  // number whose leading zero a spreadsheet dropped; nine digits in running text (a count, a
  // file name) are left alone, as such a number only ever comes whole from a cell.
  if (text.length >= 9 && text.length <= 24 && looksLikeZeroDroppedCpr(text)) return MASK_NINE;
  if (text.length > 9 && /\d{9}/.test(text)) text = text.replace(QUOTED_NINE, (d: string) => (looksLikeZeroDroppedCpr(d) ? MASK_NINE : d));
  if (!HAS_NON_ASCII.test(text)) return masked(text, cprSpans(text));
  // Most such texts (Danish words: æ, ø, å) read as they are, or hold no number: no offsets built.
  const shaped = cprShapeText(text);
  if (shaped === text) return masked(text, cprSpans(text));
  const spans = cprSpans(shaped);
  if (spans.length === 0) return text;
  // Spelled with a no-break space, a dash, other digits or an invisible character: found in the shape, masked in the text.
  const { from } = shapeWithOffsets(text);
  return masked(text, spans, from);
}

/** `text` with each span's characters replaced by its mask; `from`: where each shape unit came from in `text` (shapeWithOffsets), when the spans were found in its shape. */
function masked(text: string, spans: readonly CprSpan[], from?: readonly number[]): string {
  if (spans.length === 0) return text;
  let out = '';
  let at = 0;
  for (const s of spans) {
    out += text.slice(at, from ? from[s.start] : s.start) + s.mask;
    at = from ? from[s.end]! : s.end;
  }
  return out + text.slice(at);
}

/**
 * Whether `text` holds a personal identity number anywhere in it: what maskCpr masks, so a cell
 * refused for one inside its text (uptake/cpr-shape.ts cprInside) and a quoted cell masked are
 * found alike.
 */
export function holdsCpr(text: string): boolean {
  return maskCpr(text) !== text;
}

/**
 * Said when a file or folder name was masked in a message or on a page: the name is then not the
 * file's, and a command quoting it does not run. A date and time written `YYYYMMDD-hhmm`
 * (`registry-20240517-1230.csv`) has a twelve-digit personnummer's shape, and one born in the
 * 2000s with such a serial is as likely, so the name is masked all the same (privacy first); `_`
 * between the date and the time is no personal number's shape (docs/output-safety.md "Personal
 * identity numbers").
 */
export function maskedNameNote(names: readonly string[]): string | undefined {
  if (!names.some((n) => maskCpr(n) !== n)) return undefined;
  return 'a file or folder name is masked (such as YYYYMMDD-XXXX): it holds a personal identity number\'s shape, as a date and time written YYYYMMDD-hhmm does, and hta never prints one — rename it with "_" between the date and the time (YYYYMMDD_hhmm), or without the date, to have it named';
}

/**
 * Appended to every refusal of such a cell: a CPR number typed as a date is written (DATED) and
 * the Swedish and Norwegian shapes are refused alike, and so are nine digits whose first five
 * make a date (looksLikeZeroDroppedCpr), said so that a refused cell the user sees as nine digits
 * in Excel is understood.
 */
export const NORDIC_SHAPES_TOO = 'a CPR number typed with a date\'s separators (DD.MM.YY-NNNN, DD/MM/YYYY NNNN, DD MM YY NNNN, DDMMYY_NNNN) is refused as one, a Swedish personnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, with or without the hyphen; also a samordningsnummer) and a Norwegian fødselsnummer (DDMMYYNNNNN; also a D-nummer) are refused alike, and so are nine digits DMMYYNNNN with a real date (a CPR number of the 1st to 9th whose leading zero a spreadsheet such as Excel dropped, reading the column as numbers), also with a float\'s .0 after them, as pandas writes a number column with a missing value';

/**
 * Appended to the refusal of a CPR number inside other text: a date and a time of day written
 * compactly beside each other (`Hold 010324 0900`, `Kørsel 240301-0930`) have a CPR number's
 * shape — the time's four digits can be a serial, and a CPR number's serial can read as a time —
 * so they are refused alike, and what to write instead.
 */
export const DATE_TIME_TOO = 'a date and a time of day written compactly side by side (DDMMYY hhmm, DD.MM.YYYY hhmm, YYMMDD-hhmm, YYYYMMDD-hhmm) have this shape too and are refused alike, since a CPR number\'s last four digits can read as a time: write such a date with its separators and the time with a colon (2024-03-01 09:00, or 01.03.2024 09:00)';
