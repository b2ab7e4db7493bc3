/**
 * Whether a cell hta would print under its own name (a withdrawal reason without the plan's
 * "flow": { "withdrawalReasons" }, an adverse event's term or class) reads as a note written about
 * one patient rather than a coded value: such text can carry a name, a phone number or a date
 * that identifies the patient, and a page would publish it (docs/output-safety.md "Free text").
 *
 * The test is by shape, on the safe side for coded values: "Lost to follow-up", "Mangler tid",
 * "Bivirkninger", "Headache", a MedDRA preferred term of up to five words never match. A name
 * alone ("Faldt, Mette") cannot be told from a coded word by its shape: the docs say so.
 */
import { maskCpr } from '../io/cpr-number.js';

/** More words than a coded value has (a MedDRA preferred term rarely has six). */
export const FREE_TEXT_MIN_WORDS = 6;

/** Eight digits or more, blanks, hyphens, dots or slashes between them allowed: a phone number (`20 30 40 50`), an account or record number. */
const LONG_NUMBER = /\d(?:[ .\-/]?\d){7,}/;
/** A day and month (`12/3`, `12.03.2024`, `3-12`): a date of something that happened to the patient. */
const DAY_MONTH = /(?<![\d])\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?(?![\d])/;
const E_MAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/** The signs of free text in `value` (empty: it reads as a coded value), in English, for a message. */
export function freeTextSigns(value: string): string[] {
  const signs: string[] = [];
  if (maskCpr(value) !== value) signs.push('a CPR number');
  else if (LONG_NUMBER.test(value)) signs.push('a long number (a phone number)');
  if (E_MAIL.test(value)) signs.push('an e-mail address');
  if (DAY_MONTH.test(value)) signs.push('a date');
  const words = value.split(/\s+/).filter((w) => /\p{L}/u.test(w)).length;
  if (words >= FREE_TEXT_MIN_WORDS) signs.push(`${words} words`);
  return signs;
}

/** Whether `value` reads as free text (freeTextSigns). */
export const looksLikeFreeText = (value: string): boolean => freeTextSigns(value).length > 0;

/** The flow's label for the reasons pooled as free text (participant-flow.ts), in both languages. */
export const FREE_TEXT_REASON_LABEL = { en: 'Other reason (free text, not shown)', da: 'Anden årsag (fritekst, ikke vist)' } as const;
