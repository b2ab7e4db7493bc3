/**
 * A count in running text: Danish writes one to ten in words ("i de fem regioner", "to af de fem
 * øvrige resultater"; docs/glossary-da.md); tables, charts and English keep digits.
 */
import type { Lang } from './i18n.js';

const DANISH = ['nul', 'et', 'to', 'tre', 'fire', 'fem', 'seks', 'syv', 'otte', 'ni', 'ti'] as const;

export function countWord(n: number, lang: Lang): string | number {
  return lang === 'da' && Number.isInteger(n) && n >= 0 && n <= 10 ? (DANISH[n] as string) : n;
}
