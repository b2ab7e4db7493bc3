/**
 * Whether a cell hta would print under its own name (a withdrawal reason without the plan's
 * "flow": { "withdrawalReasons" }, an adverse event's term or class) reads as a note written about
 * one patient rather than a coded value: such text can carry a name, a phone number or a date
 * that identifies the patient, and a page would publish it (docs/output-safety.md "Free text").
 *
 * The test is by shape, on the safe side for coded values. Two kinds of sign:
 * - identifying signs (a CPR or phone number, an e-mail address, a date in any of the shapes
 *   io/date-text.ts finds: `12/3`, `17JUN2020`, `17. juni 2020`): such a value is never printed,
 *   however many patients hold it;
 * - many words: only a value held by ONE patient reads as a note — a value several patients share
 *   is a code ("Ønsker ikke at deltage mere i forsøget"), and a MedDRA system organ class is never
 *   counted by its words ("General disorders and administration site conditions").
 * A name alone ("Faldt, Mette") cannot be told from a coded word by its shape: the docs say so.
 */
import { maskCpr } from '../io/cpr-number.js';
import { E_MAIL, hasLongNumber } from '../io/contact-details.js';
import { hasDate } from '../io/date-text.js';

/** More words than a coded value has (a MedDRA preferred term rarely has six). */
export const FREE_TEXT_MIN_WORDS = 6;

/** An e-mail address anywhere in a value (io/contact-details.ts; patient-ids.ts tests a whole id cell with it). */
export { E_MAIL };

/** The words of a value (runs holding a letter): what the "many words" sign counts. */
export function wordCount(value: string): number {
  return value.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
}

/**
 * The identifying signs in `value` (empty: none), in English, for a message: a CPR or phone
 * number, an e-mail address, a date (io/date-text.ts). `dates: false` leaves the last out (a caller
 * that tests for dates its own way: identifying-characteristic.ts); `cpr: false` the first (a
 * caller whose cells cpr-cells.ts has tested, with its allowance for codes: `Klinik P1203741234`).
 */
export function identifyingSigns(value: string, options: { dates?: boolean; cpr?: boolean } = {}): string[] {
  const signs: string[] = [];
  if (options.cpr !== false && maskCpr(value) !== value) signs.push('a CPR number');
  else if (hasLongNumber(value)) signs.push('a long number (a phone number)');
  if (E_MAIL.test(value)) signs.push('an e-mail address');
  if (options.dates !== false && hasDate(value)) signs.push('a date');
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
