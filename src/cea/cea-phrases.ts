/**
 * The words for cost-effectiveness results, in English and Danish (Danish terms:
 * docs/glossary-da.md). A dominance result is always said in words, never as a bare negative
 * ratio (docs/plan-cea.md#results).
 */
import type { Lang } from '../report/i18n.js';
import type { CeaResult } from './cea-results-schema.js';

type Icer = CeaResult['icer'];

/** Money with a thousands separator and no decimals: "€7,336" / "7.336 EUR". */
export function money(x: number, currency: string, lang: Lang): string {
  const rounded = Math.round(x);
  const abs = Math.abs(rounded).toLocaleString('en-US').replace(/,/g, lang === 'da' ? '.' : ',');
  const sign = rounded < 0 ? '−' : '';
  if (lang === 'en' && currency === 'EUR') return `${sign}€${abs}`;
  return `${sign}${abs} ${currency}`;
}

export function icerText(icer: Icer, currency: string, lang: Lang, per: { en: string; da: string } = { en: 'QALY gained', da: 'vundet QALY' }): string {
  const en = lang === 'en';
  switch (icer.kind) {
    case 'dominant':
      return en ? 'dominant: the app saves money and gains health' : 'dominerende: appen sparer penge og giver mere sundhed';
    case 'dominated':
      return en ? 'dominated: the app costs more and gains less health' : 'domineret: appen koster mere og giver mindre sundhed';
    case 'undefined':
      return en ? 'no difference in cost or effect' : 'ingen forskel i omkostninger eller effekt';
    case 'ratio':
      return icer.quadrant === 'NE'
        ? `${money(icer.icer, currency, lang)} ${en ? `per ${per.en}` : `pr. ${per.da}`}`
        : en
          ? `saves ${money(icer.icer, currency, lang)} per ${per.en.replace('gained', 'lost')} (cheaper, less effective)`
          : `sparer ${money(icer.icer, currency, lang)} pr. ${per.da.replace('vundet', 'tabt')} (billigere, mindre effektiv)`;
  }
}

/** Δc with its CI, signed: "+€230 (95% CI −€136 to €595)". */
export function signedMoney(x: number, currency: string, lang: Lang): string {
  return `${x > 0 ? '+' : ''}${money(x, currency, lang)}`;
}

export function pctText(p: number, lang: Lang): string {
  const v = (100 * p).toFixed(0);
  return lang === 'da' ? `${v} %` : `${v}%`;
}

/**
 * What the cost and QALY regressions are on: "arm and baseline utility", or with the covariates
 * the analysis kept ("arm, baseline utility and age, sex"). One wording for results.json, the
 * `hta cea` summaries and the report page.
 */
export function regressorsText(covariates: readonly string[], lang: Lang): string {
  const [two, three] = lang === 'da' ? ['gruppe og baseline-nytteværdi', 'gruppe, baseline-nytteværdi og'] : ['arm and baseline utility', 'arm, baseline utility and'];
  return covariates.length === 0 ? two : `${three} ${covariates.join(', ')}`;
}
