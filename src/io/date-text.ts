/**
 * Dates written in a cell's text, for the privacy checks (docs/output-safety.md "Free text"): a date
 * beside a patient's arm, or in a note about them (`Died 17JUN2020`), is something that happened to
 * that patient, and hta prints no such value under its own name — not as a Table 1 or subgroup
 * level, not as a withdrawal reason or an adverse event's term. Only the shape is read, in every
 * way the exports hta reads write one:
 *
 * - numbers: `13-11-1991`, `13/11/1991`, `13.11.91`, `1991-11-13`, `11/13/1991`, a time after it
 *   allowed (`1991-11-13T08:40`, `02-03-2024 10:04:05`);
 * - a day and month without a year: `12/3`, `12.3.` (not a range `3-4`, a decimal `1.2` nor a
 *   fraction `1/2`, `3/4`);
 * - SAS and Stata: `17JUN2020` (DATE9.), `17JUN20` (DATE7.), `17JUN2020:10:15:00` (DATETIME20.),
 *   `17jun2020 10:15:00`, any case; Oracle's `17-JUN-2020`, `17-jun-20`;
 * - a month's name or abbreviation in English, Danish, Norwegian or Swedish, day first or (with a
 *   year) month first: `17. juni 2020`, `17 June 2020`, `17th June`, `17. jun.`, `June 17, 2020`.
 *
 * What a registry reads as a date value is src/uptake/registry-dates.ts; this module only finds
 * dates, it never reads one.
 */

/** Month names and abbreviations (lower case): English, Danish, Norwegian, Swedish. */
const MONTH_WORDS = [
  'january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december',
  'januar', 'februar', 'marts', 'mars', 'maj', 'mai', 'juni', 'juli', 'oktober', 'desember', 'januari', 'februari', 'augusti',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'okt', 'nov', 'dec', 'des',
];
/** Longest first, so that `june` is not read as `jun` followed by a letter. */
const MONTH = `(?:${[...MONTH_WORDS].sort((a, b) => b.length - a.length).join('|')})`;
/** The three-letter month codes SAS, Stata and Oracle write (`17JUN2020`): English, and the Nordic ones that differ. */
const MONTH_CODE = '(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|maj|mai|okt|des)';

/** Not glued to a letter or digit before it (`M54.5`, `A12/3`). */
const START = '(?<![\\p{L}\\p{N}])';
/** Not continued by a letter or digit (`12/34`, `17JUNI`). */
const END = '(?![\\p{L}\\p{N}])';
/** A time of day after a date: `10:15`, `10.15`, `10:15:00`, `10:15:00.000`. */
const TIME = '(?:(?:[ T]|:)\\d{1,2}[:.]\\d{2}(?:[:.]\\d{2}(?:\\.\\d{1,9})?)?)?';
const DAY = '(?:0?[1-9]|[12]\\d|3[01])';

/** Numbers with a year: day, month and year with one separator, or year first (ISO). Checked in `numericDate`. */
const NUMERIC_WITH_YEAR = new RegExp(`${START}(?:(\\d{1,2})([./-])(\\d{1,2})\\2(\\d{4}|\\d{2})|(\\d{4})([./-])(\\d{1,2})\\6(\\d{1,2}))${TIME}(?![\\p{L}\\p{N}]|[./-]\\d)`, 'gu');
/**
 * A day and month without a year, as free-text.ts has always read one: day 1–31 and month 1–12,
 * never glued to a letter, digit or decimal mark before it (`M54.5`) nor continued by a digit.
 */
const DAY_MONTH = /(?<![\p{L}\p{N}]|[\p{N}][.,/-])(\d{1,2})([./-])(\d{1,2})(?:(\.)|(?![\d.,/-]\d|\d))/gu;
/** SAS/Stata/Oracle: `17JUN2020`, `17-jun-20`, `17JUN2020:10:15:00`. */
const MONTH_CODED = new RegExp(`${START}${DAY}(-?)${MONTH_CODE}\\.?\\1(?:\\d{4}|\\d{2})(?!\\d)${TIME}${END}`, 'giu');
/** Day first with a month's word: `17. juni 2020`, `17 June`, `17th of June, 2020`, `3. jun.`. */
const DAY_MONTH_WORD = new RegExp(`${START}${DAY}(?:\\.|st|nd|rd|th)?(?: of)?[ -]${MONTH}\\.?(?:,?[ -](?:\\d{4}|'\\d{2})(?!\\d)${TIME})?(?![\\p{L}\\p{N}])`, 'giu');
/** Month first with a year: `June 17, 2020`, `Jun 17 2020`. */
const MONTH_WORD_DAY = new RegExp(`${START}${MONTH}\\.? ${DAY}(?:st|nd|rd|th)?,? \\d{4}(?!\\d)${TIME}${END}`, 'giu');

function plausible(day: number, month: number): boolean {
  return day >= 1 && day <= 31 && month >= 1 && month <= 12;
}

/** A numeric date with a year whose parts can be a day and a month (day first or, as in the US, month first). */
function numericDate(m: RegExpMatchArray): boolean {
  if (m[5] !== undefined) return plausible(Number(m[8]), Number(m[7]));
  const a = Number(m[1]);
  const b = Number(m[3]);
  return plausible(a, b) || plausible(b, a);
}

/** A day and month without a year that reads as a date (free-text.ts's rule): `12/3`, `12.3.`; not `3-4`, `1.2`, `3/4`. */
function dayMonth(m: RegExpMatchArray): boolean {
  const [, d, sep, mo, dot] = m;
  const day = Number(d);
  const month = Number(mo);
  if (!plausible(day, month)) return false;
  // A range `3-4` and a decimal `1.2` are none, nor a fraction of a quarter or more (`1/2`, `3/4`).
  if (sep === '/') return !(day < month && month <= 4);
  return sep === '.' && dot !== undefined;
}

/** Where a date is in `text`: [start, end) of each, in no particular order. `yearless: false` leaves out a bare day and month (`12/3`). */
export function dateSpans(text: string, options: { yearless?: boolean } = {}): [number, number][] {
  const spans: [number, number][] = [];
  const add = (m: RegExpMatchArray) => spans.push([m.index!, m.index! + m[0].length]);
  for (const m of text.matchAll(NUMERIC_WITH_YEAR)) if (numericDate(m)) add(m);
  for (const m of text.matchAll(MONTH_CODED)) add(m);
  for (const m of text.matchAll(DAY_MONTH_WORD)) add(m);
  for (const m of text.matchAll(MONTH_WORD_DAY)) add(m);
  if (options.yearless !== false) {
    for (const m of text.matchAll(DAY_MONTH)) {
      const at = m.index!;
      if (dayMonth(m) && !spans.some(([s, e]) => at >= s && at < e)) add(m);
    }
  }
  return spans;
}

/** Whether `text` holds a date anywhere (dateSpans). */
export const hasDate = (text: string, options: { yearless?: boolean } = {}): boolean => dateSpans(text, options).length > 0;

/** Whether the whole cell (blanks around it aside) is one date, a time after it allowed: `13-11-1991`, `17JUN2020`, `17. juni 2020`. */
export function isDateCell(text: string): boolean {
  const t = text.trim();
  return t.length > 0 && dateSpans(t, { yearless: false }).some(([s, e]) => s === 0 && e === t.length);
}
