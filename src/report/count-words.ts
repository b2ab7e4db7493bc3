/**
 * Counts in words, one module for every place that writes them (docs/glossary-da.md):
 * - `countWord`: a count in a report's running text. Danish writes zero to ten in words ("i de
 *   fem regioner", "to af de fem øvrige resultater"); tables, charts, units, percentages and
 *   English pages keep digits.
 * - `numberWord`: zero to ten in words in either language ("three categories" in a refusal).
 * `capitalise` starts a sentence with it; Danish one is then the stressed numeral "Ét" ("Ét af de
 * fire øvrige resultater"), not the article "Et".
 */
import type { Lang } from './i18n.js';

const WORDS: Record<Lang, readonly string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  da: ['nul', 'et', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti'],
};

export interface CountWordOptions {
  capitalise?: boolean;
}

/** Zero to ten in words, else the number in digits. */
export function numberWord(n: number, lang: Lang, options: CountWordOptions = {}): string {
  const word = Number.isInteger(n) && n >= 0 && n <= 10 ? WORDS[lang][n] : undefined;
  if (word === undefined) return String(n);
  if (!options.capitalise) return word;
  return lang === 'da' && n === 1 ? 'Ét' : word.charAt(0).toUpperCase() + word.slice(1);
}

/** A count in a report's running text: Danish in words up to ten, English (and larger counts) in digits. */
export function countWord(n: number, lang: Lang, options: CountWordOptions = {}): string | number {
  return lang === 'da' && Number.isInteger(n) && n >= 0 && n <= 10 ? numberWord(n, lang, options) : n;
}
