/**
 * E-mail addresses and phone numbers in a cell's text: found for the free-text checks
 * (trial/free-text.ts) and masked wherever hta quotes a cell (problem-groups.ts shownValue), as a
 * CPR number is (io/cpr-number.ts maskCpr). A shifted row or a typed note puts a respondent's
 * `mette.hansen@gmail.com` or `ring til mig på 20 45 67 89` into a column hta reads; its message
 * may then say what is wrong with the cell, but never publish who it belongs to — a message is
 * pasted into a ticket, and `validate --json` and `analyze --json` are files people share
 * (docs/output-safety.md "Free text").
 */
import { cprShapeText } from './cpr-number.js';
import { dateSpans } from './date-text.js';

/** An e-mail address anywhere in a value (patient-ids.ts tests a whole id cell with it). */
export const E_MAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;
/** E_MAIL as masked inside a message: without the quotes, brackets and punctuation around it (`"jens@example.dk"`, `(hj@x.dk).`). */
const E_MAILS = /[^\s@"'“”()<>[\],;:]+@[^\s@"'“”()<>[\],;:]+\.[^\s@"'“”()<>[\],;:.]+/g;

/**
 * Eight digits or more, blanks, hyphens, dots or slashes between them allowed: a phone number
 * (`20 30 40 50`, `+45 2030 4050`), an account or record number. Not glued to a letter or digit
 * before it.
 */
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[ .\-/]?\d){7,}/gu;
/**
 * Numbers of that length that are no person's: a EudraCT number (`2019-001234-22`), years side by
 * side (`2023 2024`, `2019-2020`), an amount with thousands grouped (`12.345.678`, `1 234 567`).
 * A date (`17.06.2020 10:15`) is a date, not a phone number (dateSpans): set aside before.
 */
const NOT_A_PERSONS_NUMBER = /^(?:\d{4}-\d{6}-\d{2}|(?:19|20)\d\d(?:[ \-/](?:19|20)\d\d)+|\d{1,3}(?:([., ])\d{3})(?:\1\d{3})+)$/;

/**
 * A date's shape whatever its numbers: a four-digit year 1800–2099 and a month and day of two
 * digits, year first or last, one separator (`2025-13-01`, `2025-00-10`, `32.13.2025`, a time
 * after it allowed). A message about a date cell quotes it as written, a wrong month too
 * (docs/output-safety.md "Quoted cells"): its digits are no phone number's.
 */
const DATE_SHAPED = /(?<![\p{L}\p{N}])(?:(?:1[89]|20)\d\d([-./])[01]\d\1[0-3]\d|[0-3]\d([-./])[01]\d\2(?:1[89]|20)\d\d)(?:[ T]\d\d:\d\d(?::\d\d(?:\.\d{1,9})?)?)?(?![\p{L}\p{N}])/gu;

/**
 * `text` with each date's digits written `#` (the same length): no date is read as a phone number.
 * `shaped`: a date's shape with impossible numbers too (`2025-13-01`), as a quoted cell is masked.
 */
function withoutDates(text: string, shaped = false): string {
  const spans = dateSpans(text);
  if (shaped) for (const m of text.matchAll(DATE_SHAPED)) spans.push([m.index, m.index + m[0].length]);
  let out = text;
  for (const [s, e] of spans) out = out.slice(0, s) + out.slice(s, e).replace(/\d/g, '#') + out.slice(e);
  return out;
}

/**
 * The long numbers of `text` that may be a person's (phone numbers), as [start, end) in `text`.
 * `shaped` (masking a quoted cell): a number in a date's shape is a date, a month 13 too; the
 * free-text checks (hasLongNumber) still count it as a sign, as they always have.
 */
function longNumberSpans(text: string, shaped = false): [number, number][] {
  const spans: [number, number][] = [];
  for (const m of withoutDates(text, shaped).matchAll(LONG_NUMBER)) if (!NOT_A_PERSONS_NUMBER.test(m[0])) spans.push([m.index, m.index + m[0].length]);
  return spans;
}

/**
 * Whether `value` holds a long number that may be a person's: a phone number. Read with no-break
 * spaces, dashes and full-width digits as plain ones (io/cpr-number.ts cprShapeText): `20 30 40 50`
 * with U+00A0 is a phone number too.
 */
export function hasLongNumber(value: string): boolean {
  return longNumberSpans(cprShapeText(value)).length > 0;
}

/** `text` (a message's words, which may quote a cell) with each e-mail address written `[e-mail]`. */
export function maskEmails(text: string): string {
  return text.includes('@') ? text.replace(E_MAILS, '[e-mail]') : text;
}

/**
 * `text` (a problem's detail: `this patient's line 3 has "…"`) with every e-mail address masked,
 * and each cell it quotes in double quotes masked as maskContactDetails masks a cell. Numbers outside
 * quotes are the message's own (`line 2: 2054626200 = 2025-02-08 09:30`, a count): left as written.
 */
export function maskQuotedContactDetails(text: string): string {
  const out = maskEmails(text);
  return out.includes('"') ? out.replace(/"([^"]*)"/g, (_all, cell: string) => `"${maskContactDetails(cell)}"`) : out;
}

/** A value that is one number and nothing else (`-12345678`, `20240517`, `12345678,5`): what a message about a number quotes. */
const BARE_NUMBER = /^\s*-?\d+(?:[.,]\d+)?\s*$/;

/**
 * `value` (a cell a message quotes) with each e-mail address written `[e-mail]` and each phone
 * number's digits written `X` (`ring til mig på XX XX XX XX`). A value that is one bare number
 * (`20240517`, an amount, a SAS datetime) is left as written: the message is about that number, and
 * nothing tells it from a phone number but the column it stands in. Read as hasLongNumber reads it;
 * a phone number typed with no-break spaces or full-width digits is masked in that plain form.
 */
export function maskContactDetails(value: string): string {
  let out = maskEmails(value);
  if (!/\d/.test(out) || BARE_NUMBER.test(out)) return out;
  const shaped = cprShapeText(out);
  const spans = longNumberSpans(shaped, true);
  if (!spans.length) return out;
  out = shaped;
  for (const [s, e] of spans) out = out.slice(0, s) + out.slice(s, e).replace(/\d/g, 'X') + out.slice(e);
  return out;
}
