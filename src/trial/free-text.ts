/**
 * Whether a cell hta would print under its own name (a withdrawal reason without the plan's
 * "flow": { "withdrawalReasons" }, an adverse event's term or class) reads as a note written about
 * one patient rather than a coded value: such text can carry a name, a phone number or a date
 * that identifies the patient, and a page would publish it (docs/output-safety.md "Free text").
 *
 * The test is by shape, on the safe side for coded values. Two kinds of sign:
 * - identifying signs (a CPR or phone number, an e-mail address, a day and month): such a value is
 *   never printed, however many patients hold it;
 * - many words: only a value held by ONE patient reads as a note — a value several patients share
 *   is a code ("Ønsker ikke at deltage mere i forsøget"), and a MedDRA system organ class is never
 *   counted by its words ("General disorders and administration site conditions").
 * A name alone ("Faldt, Mette") cannot be told from a coded word by its shape: the docs say so.
 */
import { cprShapeText, maskCpr } from '../io/cpr-number.js';

/** More words than a coded value has (a MedDRA preferred term rarely has six). */
export const FREE_TEXT_MIN_WORDS = 6;

/**
 * Eight digits or more, blanks, hyphens, dots or slashes between them allowed: a phone number
 * (`20 30 40 50`), an account or record number. Not glued to a letter or digit before it.
 */
const LONG_NUMBER = /(?<![\p{L}\p{N}])\d(?:[ .\-/]?\d){7,}/gu;
/** Numbers of that length that are no person's: a EudraCT number (`2019-001234-22`), years side by side (`2023 2024`, `2019-2020`). */
const NOT_A_PERSONS_NUMBER = /^(?:\d{4}-\d{6}-\d{2}|(?:19|20)\d\d(?:[ \-/](?:19|20)\d\d)+)$/;
/**
 * A day and month, a year after it allowed (`12/3`, `12.3.`, `12.03.2024`, `3-12-2024`): a date
 * of something that happened to the patient. Day 1–31 and month 1–12, never glued to a letter,
 * digit or decimal mark before it (`M54.5`) nor continued by a digit. Not read as one: a range
 * without a year (`Grade 3-4`, `2-3 kontroller`), a decimal (`1.2`), a fraction (`1/2`, `3/4`).
 */
const DAY_MONTH = /(?<![\p{L}\p{N}]|[\p{N}][.,/-])(\d{1,2})([./-])(\d{1,2})(?:\2(\d{4}|\d{2})(?!\d)|(\.)|(?![\d.,/-]\d|\d))/gu;

function hasDayMonth(value: string): boolean {
  for (const m of value.matchAll(DAY_MONTH)) {
    const [, d, sep, mo, year, dot] = m;
    const day = Number(d);
    const month = Number(mo);
    if (day < 1 || day > 31 || month < 1 || month > 12) continue;
    if (year !== undefined) return true;
    // Without a year: `12/3` or `12.3.`; a range `3-4` and a decimal `1.2` are none, nor a fraction of a quarter or more (`1/2`, `3/4`).
    if (sep === '/' && !(day < month && month <= 4)) return true;
    if (sep === '.' && dot !== undefined) return true;
  }
  return false;
}

/** `value` read with no-break spaces, dashes and full-width digits as plain ones (io/cpr-number.ts cprShapeText): `20 30 40 50` with U+00A0 is a phone number too. */
function hasLongNumber(value: string): boolean {
  for (const m of cprShapeText(value).matchAll(LONG_NUMBER)) if (!NOT_A_PERSONS_NUMBER.test(m[0])) return true;
  return false;
}

/** An e-mail address anywhere in a value (patient-ids.ts tests a whole id cell with it). */
export const E_MAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** The words of a value (runs holding a letter): what the "many words" sign counts. */
export function wordCount(value: string): number {
  return value.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * The identifying signs in `value` (empty: none), in English, for a message: a CPR or phone
 * number, an e-mail address, a day and month. `dates: false` leaves the last out (a caller that
 * tests for a whole-cell date itself: identifying-characteristic.ts).
 */
export function identifyingSigns(value: string, options: { dates?: boolean } = {}): string[] {
  const signs: string[] = [];
  if (maskCpr(value) !== value) signs.push('a CPR number');
  else if (hasLongNumber(value)) signs.push('a long number (a phone number)');
  if (E_MAIL.test(value)) signs.push('an e-mail address');
  if (options.dates !== false && hasDayMonth(value)) signs.push('a date');
  return signs;
}

/**
 * The signs of free text in `value` (empty: it reads as a coded value), in English, for a
 * message: the identifying signs, and — for a value held by one patient (`holders` 1, the
 * default) — six words or more.
 */
export function freeTextSigns(value: string, holders = 1): string[] {
  const signs = identifyingSigns(value);
  const words = wordCount(value);
  if (holders < 2 && words >= FREE_TEXT_MIN_WORDS) signs.push(`${words} words`);
  return signs;
}

/** Whether `value` reads as free text (freeTextSigns). */
export const looksLikeFreeText = (value: string, holders = 1): boolean => freeTextSigns(value, holders).length > 0;

/** A value as counted for its holders: spellings differing in case or blanks are one value. */
export const holderKey = (value: string): string => value.trim().replace(/\s+/g, ' ').toLowerCase();

/** How many times each value (holderKey) occurs in `values` (one per patient). */
export function holderCounts(values: Iterable<string>): Map<string, number> {
  const counts = new Map<string, number>();
  for (const v of values) counts.set(holderKey(v), (counts.get(holderKey(v)) ?? 0) + 1);
  return counts;
}

/**
 * Which of `values` (one per patient) read as free text, each counted with its holders among
 * them: the test the flow, its draft and the loader's note share.
 */
export function freeTextAmong(values: Iterable<string>): (value: string) => boolean {
  const holders = holderCounts(values);
  return (value) => looksLikeFreeText(value, holders.get(holderKey(value)));
}

/** The flow's label for the reasons pooled as free text (participant-flow.ts), in both languages. */
export const FREE_TEXT_REASON_LABEL = { en: 'Other reason (free text, not shown)', da: 'Anden årsag (fritekst, ikke vist)' } as const;
