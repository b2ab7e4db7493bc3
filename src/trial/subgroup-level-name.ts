/**
 * What the reports call a subgroup's level (docs/subgroups.md "Level names"): the plan's
 * `levelLabels` in the page's language (else "en"); else a yes or no word — a boolean column's
 * `True`/`False` (pandas, R's `TRUE`/`FALSE`, polars' `true`/`false`), `Yes`/`No`, `Ja`/`Nej` —
 * in the page's words (`ja`/`nej`, `yes`/`no`), as Table 1 reads the same column ("Ryger, ja");
 * else the level as the export writes it. One-letter codes (`J`, `N`, `Y`) stay as written: `N`
 * may be a region. One rule for the page, its forest plot, the statements and analyze's text.
 */
import { byCategory } from './category-values.js';
import { isNoWord, isYesWord } from './yes-no-words.js';

const WORDS = { en: { yes: 'yes', no: 'no' }, da: { yes: 'ja', no: 'nej' } } as const;

export function subgroupLevelName(levelLabels: Readonly<Record<string, { en: string; da?: string }>> | undefined, level: string, lang: 'en' | 'da'): string {
  const named = byCategory(levelLabels, level);
  if (named) return named[lang] ?? named.en;
  if (level.trim().length > 1 && isYesWord(level)) return WORDS[lang].yes;
  if (level.trim().length > 1 && isNoWord(level)) return WORDS[lang].no;
  return level;
}
