/**
 * The shapes of the Nordic personal identity numbers, for every message and output hta writes:
 * such a number is never quoted (docs/output-safety.md "Patient ids"). "CPR" in the names here
 * stands for all of them:
 *
 * - Danish CPR number: DDMMYY-NNNN, or the ten digits without the hyphen (or with a space);
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

/** Dashes a word processor or a web form writes for a hyphen: U+2010–2015, the minus sign, the small and full-width hyphen-minus. */
const DASHES = /[\u2010-\u2015\u2212\ufe63\uff0d]/;
/** A character outside printable ASCII (a tab too) that may stand for a digit, a separator or a blank of a typed number. */
const NON_ASCII = /[^\x20-\x7e]/g;
const shapeChars = new Map<string, string>();
/** One character as a number's shape reads it: a dash as `-`, a no-break or other blank as a space, a full-width (or other compatibility) digit as the digit. */
function shapeChar(c: string): string {
  let out = shapeChars.get(c);
  if (out === undefined) {
    const k = c.normalize('NFKC');
    out = DASHES.test(c) ? '-' : /^[0-9+ -]$/.test(k) ? k : /^\s$/u.test(c) ? ' ' : c;
    shapeChars.set(c, out);
  }
  return out;
}

/**
 * `text` as the shape tests read it, of the same length (so a match in it is a match in `text`):
 * a no-break space (U+00A0, U+202F, as copy-paste from an EHR or a web form and Windows-1252's
 * byte 0xA0 give) and other blanks (a tab) as a space, an en dash or other dash (Word's autocorrect of a
 * hyphen) as `-`, full-width digits (`１２０３７４`) as digits. Any of these spellings of a
 * number is the number (docs/output-safety.md "Personal identity numbers").
 */
export function cprShapeText(text: string): string {
  return text.replace(NON_ASCII, shapeChar);
}

/** True when the cell (trimmed) is shaped like a personal identity number (CPR, personnummer, fødselsnummer). */
export function looksLikeCpr(text: string): boolean {
  const m = WHOLE.exec(cprShapeText(text).trim());
  return m !== null && maskOf(m[1]!, m[2]!, m[3]!) !== undefined;
}

/** `text` with every such number in it masked (`DDMMYY-XXXX`, `YYYYMMDD-XXXX`, …), for messages that quote a cell. */
export function maskCpr(text: string): string {
  const shape = cprShapeText(text);
  if (shape === text) return text.replace(INSIDE, (all: string, date: string, sep: string, serial: string) => maskOf(date, sep, serial) ?? all);
  // Spelled with a no-break space, a dash or full-width digits: found in the shape, masked in the text.
  let out = '';
  let at = 0;
  for (const m of shape.matchAll(INSIDE)) {
    const mask = maskOf(m[1]!, m[2]!, m[3]!);
    if (mask === undefined) continue;
    out += text.slice(at, m.index) + mask;
    at = m.index + m[0].length;
  }
  return out + text.slice(at);
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

/** Appended to every refusal of such a cell: the Swedish and Norwegian shapes are refused alike. */
export const NORDIC_SHAPES_TOO = 'a Swedish personnummer (YYMMDD-NNNN, YYYYMMDD-NNNN, with or without the hyphen; also a samordningsnummer) and a Norwegian fødselsnummer (DDMMYYNNNNN; also a D-nummer) are refused alike';

/**
 * Appended to the refusal of a CPR number inside other text: a date and a time of day written
 * compactly beside each other (`Hold 010324 0900`, `Kørsel 240301-0930`) have a CPR number's
 * shape — the time's four digits can be a serial, and a CPR number's serial can read as a time —
 * so they are refused alike, and what to write instead.
 */
export const DATE_TIME_TOO = 'a date and a time of day written compactly side by side (DDMMYY hhmm, YYMMDD-hhmm, YYYYMMDD-hhmm) have this shape too and are refused alike, since a CPR number\'s last four digits can read as a time: write such a date with its separators and the time with a colon (2024-03-01 09:00, or 01.03.2024 09:00)';
