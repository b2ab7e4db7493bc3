/**
 * A currency as a page names it: Danish text writes Danish kroner "kr." ("1.000 kr.", "6,1 mio.
 * kr."), so a Danish page says "kr." in its text, tables and charts alike, never "DKK" beside it;
 * any other currency (and every English page) by its ISO code.
 */
import type { Lang } from './i18n.js';

export function currencyName(currency: string, lang: Lang): string {
  return lang === 'da' && currency === 'DKK' ? 'kr.' : currency;
}
