/**
 * Counts in words, one module for every place that writes them (docs/glossary-da.md):
 * - `countWord`: a count in a report's running text. Danish writes zero to ten in words ("i de
 *   fem regioner", "to af de fem øvrige resultater"); tables, charts, units, percentages and
 *   English pages keep digits.
 * - `numberWord`: zero to ten in words in either language ("three categories" in a refusal).
 * - `countNoun`: a count with its noun, singular for one ("1 clinic", "én klinik", "2 clinics"):
 *   never "1 clinics" in a sentence a template fills.
 * `capitalise` starts a sentence with it; Danish one is then the stressed numeral "Ét" ("Ét af de
 * fire øvrige resultater"), not the article "Et". `common` is for a Danish common-gender noun
 * (en-ord: "klinik"), whose one is "én" ("én klinik", "ligger én uden for"), not the neuter "et".
 */
import type { Lang } from './i18n.js';

const WORDS: Record<Lang, readonly string[]> = {
  en: ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'],
  da: ['nul', 'et', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti'],
};

export interface CountWordOptions {
  capitalise?: boolean;
  /** Danish: the noun counted is common gender (en-ord), so one is "én" / "Én". */
  common?: boolean;
}

/** A noun's singular and plural in each language, and whether the Danish noun is common gender. */
export interface CountedNoun {
  en: readonly [string, string];
  da: readonly [string, string];
  daCommon?: boolean;
}

/** Zero to ten in words, else the number in digits. */
export function numberWord(n: number, lang: Lang, options: CountWordOptions = {}): string {
  const word = Number.isInteger(n) && n >= 0 && n <= 10 ? WORDS[lang][n] : undefined;
  if (word === undefined) return String(n);
  if (lang === 'da' && n === 1 && options.common) return options.capitalise ? 'Én' : 'én';
  if (!options.capitalise) return word;
  return lang === 'da' && n === 1 ? 'Ét' : word.charAt(0).toUpperCase() + word.slice(1);
}

/** A count in a report's running text: Danish in words up to ten, English (and larger counts) in digits. */
export function countWord(n: number, lang: Lang, options: CountWordOptions = {}): string | number {
  return lang === 'da' && Number.isInteger(n) && n >= 0 && n <= 10 ? numberWord(n, lang, options) : n;
}

/** A count in running text with its noun, singular for one: "1 clinic", "2 clinics"; "én klinik", "to klinikker". */
export function countNoun(n: number, lang: Lang, noun: CountedNoun, options: CountWordOptions = {}): string {
  const [one, many] = noun[lang];
  return `${countWord(n, lang, { ...options, common: options.common ?? (lang === 'da' && noun.daCommon === true) })} ${n === 1 ? one : many}`;
}
