/**
 * Footnote rows: the line of text a regional system or a spreadsheet user writes under a
 * registry table — `Antal rækker: 40`, `Udtrukket 02-12-2025 af …`, `Kilde: Sundhedsplatformen` —
 * one cell of words, every other cell blank (or none: a row of one field). Below the last
 * referral they are left out with a note; among the referrals they are refused by that name
 * (docs/input-registry.md "Footnote rows"). Total rows (`I alt;;;3000`) are total-rows.ts's.
 */
import { isTotalWord } from './total-rows.js';
import { lineList } from '../problem-groups.js';

/**
 * The one non-blank cell of a footnote row and where it is, or undefined when `record` is none:
 * one cell holding a letter and a space or colon (words, not an id such as `P5001`), not a
 * total word, and not a region (`isRegion`: a row with only its region filled is a broken
 * referral, not a note).
 */
export function footnoteCell(record: readonly string[], isRegion: (text: string) => boolean = () => false): { index: number; text: string } | undefined {
  let index = -1;
  for (let i = 0; i < record.length; i++) {
    if (record[i]!.trim() === '') continue;
    if (index >= 0) return undefined;
    index = i;
  }
  if (index < 0) return undefined;
  const text = record[index]!.trim();
  if (!/\p{L}/u.test(text) || !/[\s:]/u.test(text) || isTotalWord(text) || isRegion(text)) return undefined;
  return { index, text };
}

/** The note for footnote rows left out below the last referral (stderr of `hta uptake`), in the run's language (docs/glossary-da.md). */
export function footnotesNote(file: string, lines: readonly number[], lang: 'en' | 'da' = 'en'): string | undefined {
  if (lines.length === 0) return undefined;
  if (lang === 'da') {
    const one = lines.length === 1;
    return `${file}: ${lineList(lines, 'da')} under den sidste henvisning ${one ? 'er en fodnote' : 'er fodnoter'} (én celle med tekst, såsom "Antal rækker: 40"), ikke ${one ? 'en henvisning' : 'henvisninger'}: udeladt (docs/input-registry.md "Footnote rows")`;
  }
  return `${file}: ${lineList(lines)} under the last referral ${lines.length === 1 ? 'is a footnote' : 'are footnotes'} (one cell of text, such as "Antal rækker: 40"), not ${lines.length === 1 ? 'a referral' : 'referrals'}: left out (docs/input-registry.md "Footnote rows")`;
}

/** The problem's `expected` for a footnote row among the referral rows. */
export const FOOTNOTE_EXPECTED = 'a referral: this row is one cell of text, like a footnote ("Antal rækker: 40"), among the referral rows — footnotes are left out only below the last referral; delete it or move it there, or --exclude-invalid leaves it out';

export const FOOTNOTE_KIND = 'footnote.row';
