/**
 * A citation in the page's language: "et al." is "m.fl." on a Danish page (docs/glossary-da.md),
 * "Ostelo RW m.fl. 2008". The instruments' MCID sources and a published-results file's citation
 * are written once, in English; the rest of the citation (authors, journal, doi) reads the same.
 */
import type { Lang } from './i18n.js';

export function citationIn(text: string, lang: Lang): string {
  return lang === 'da' ? text.replace(/\bet al\.(?=\s|,|;|\)|$)/g, 'm.fl.') : text;
}
