/**
 * The words for cost-effectiveness results, in English and Danish (Danish terms:
 * docs/glossary-da.md). A dominance result is always said in words, never as a bare negative
 * ratio (docs/plan-cea.md#results).
 */
import type { Lang } from '../report/i18n.js';
import { currencyName } from '../report/currency-name.js';
import { formatLimitWith } from '../report/interval-bound.js';
import type { CeaResult } from './cea-results-schema.js';
import { enUsFixed } from './en-us-fixed.js';

type Icer = CeaResult['icer'];

/**
 * Money with a thousands separator and no decimals: "€7,336" / "7.336 EUR". A confidence limit
 * may ask for decimals, so that it is not rounded onto 0 (src/report/interval-bound.ts).
 */
export function money(x: number, currency: string, lang: Lang, decimals = 0): string {
  const rounded = decimals === 0 ? Math.round(x) : Number(x.toFixed(decimals));
  const abs = enUsFixed(Math.abs(rounded), decimals)
    .replace(/[,.]/g, (c) => (lang === 'da' ? (c === ',' ? '.' : ',') : c));
  const sign = rounded < 0 ? '−' : '';
  if (lang === 'en' && currency === 'EUR') return `${sign}€${abs}`;
  return `${sign}${abs} ${currencyName(currency, lang)}`;
}

/** What the effect is counted in: health (QALYs) or patients with a clinically relevant improvement. */
export type EffectNoun = 'health' | 'responders';

const DOMINANCE: Record<'dominant' | 'dominated', Record<EffectNoun, Record<Lang, [both: string, sameCost: string, sameEffect: string]>>> = {
  dominant: {
    health: {
      en: ['dominant: the app saves money and gains health', 'dominant: the app costs the same and gains health', 'dominant: the app saves money for the same health'],
      da: ['dominerende: appen sparer penge og giver mere sundhed', 'dominerende: appen koster det samme og giver mere sundhed', 'dominerende: appen sparer penge og giver samme sundhed'],
    },
    responders: {
      en: ['dominant: the app saves money and has more responders', 'dominant: the app costs the same and has more responders', 'dominant: the app saves money with as many responders'],
      da: ['dominerende: appen sparer penge og giver flere patienter med klinisk relevant forbedring', 'dominerende: appen koster det samme og giver flere patienter med klinisk relevant forbedring', 'dominerende: appen sparer penge og giver lige så mange patienter med klinisk relevant forbedring'],
    },
  },
  dominated: {
    health: {
      en: ['dominated: the app costs more and gains less health', 'dominated: the app costs the same and gains less health', 'dominated: the app costs more for the same health'],
      da: ['domineret: appen koster mere og giver mindre sundhed', 'domineret: appen koster det samme og giver mindre sundhed', 'domineret: appen koster mere og giver samme sundhed'],
    },
    responders: {
      en: ['dominated: the app costs more and has fewer responders', 'dominated: the app costs the same and has fewer responders', 'dominated: the app costs more with as many responders'],
      da: ['domineret: appen koster mere og giver færre patienter med klinisk relevant forbedring', 'domineret: appen koster det samme og giver færre patienter med klinisk relevant forbedring', 'domineret: appen koster mere og giver lige så mange patienter med klinisk relevant forbedring'],
    },
  },
};

/**
 * The ICER in words. `delta` (the Δcost and Δeffect the verdict came from) lets a dominance on an
 * axis say so: Δeffect = 0 exactly (two arms with as many responders, 12/60 and 12/60, is common in
 * small trials) is "for the same health", not "less health" (ce-summaries.ts counts an axis to the
 * dominated or dominant side). `subject` names the intervention with its article where the words
 * say "the app" (da "appen"): a report page names the arms as its plan does (src/report/arm-names.ts).
 */
export function icerText(
  icer: Icer,
  currency: string,
  lang: Lang,
  per: { en: string; da: string } = { en: 'QALY gained', da: 'vundet QALY' },
  delta?: { cost: number; effect: number },
  noun: EffectNoun = 'health',
  subject?: string,
): string {
  const en = lang === 'en';
  switch (icer.kind) {
    case 'dominant':
    case 'dominated': {
      const [both, sameCost, sameEffect] = DOMINANCE[icer.kind][noun][lang];
      const words = delta?.effect === 0 ? sameEffect : delta?.cost === 0 ? sameCost : both;
      return subject === undefined ? words : words.replace(en ? 'the app' : 'appen', subject);
    }
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

/** The cost per extra responder in words, from the responder row of results.json. */
export function perResponderText(row: { costPerExtraResponder: Icer; riskDifference: number }, incrementalCost: number, currency: string, lang: Lang, subject?: string): string {
  return icerText(row.costPerExtraResponder, currency, lang, { en: 'extra responder', da: 'ekstra patient' }, { cost: incrementalCost, effect: row.riskDifference }, 'responders', subject);
}

/** Δc with its CI, signed: "+€230 (95% CI −€136 to €595)". */
export function signedMoney(x: number, currency: string, lang: Lang): string {
  return `${x > 0 ? '+' : ''}${money(x, currency, lang)}`;
}

/**
 * A share or probability in whole percent; one that rounds to 0 % or 100 % but is not is "<1 %"
 * or ">99 %": a probability cost-effective of 0.996 printed "100%" reads as certain, and 1 of
 * 1,000 replicates in a quadrant printed "0%" sat beside a visible dot.
 */
export function pctText(p: number, lang: Lang): string {
  const v = (100 * p).toFixed(0);
  // Decided on the printed value, as the comment says: 0.991 prints "99 %" beside 0.987's "99 %",
  // not ">99 %" (only 0.995 and up would print 100).
  const shown = p > 0 && v === '0' ? '<1' : p < 1 && v === '100' ? '>99' : v;
  return lang === 'da' ? `${shown} %` : `${shown}%`;
}

/**
 * The CE plane's four quadrant shares in whole percent that add up to 100: each share is rounded
 * down and the points left over go to the largest remainders (Hamilton's largest-remainder rule;
 * a tie goes to the quadrant first in NE, NW, SE, SW order). Rounding each share on its own printed
 * 0.805 and 0.195 as "81%" and "20%", 101 in all. A share above 0 that gets 0 reads "<1 %", one
 * below 1 that gets 100 ">99 %", as pctText (docs/plan-cea.md#results).
 */
export function quadrantPercents(q: Readonly<Record<Quadrant, number>>, lang: Lang): Record<Quadrant, string> {
  const whole = quadrantPoints(q);
  const out = {} as Record<Quadrant, string>;
  for (const k of QUADRANTS) out[k] = pointsText(whole[k], q[k], lang);
  return out;
}

type Quadrant = 'NE' | 'NW' | 'SE' | 'SW';
const QUADRANTS = ['NE', 'NW', 'SE', 'SW'] as const;

/**
 * The whole percentage points of quadrantPercents, before the "<1"/">99" wording: the conclusion
 * adds two quadrants' points (src/report/cea-conclusion.ts) so its "3 %" is the plane's 1 % + 1 %,
 * not the exact sum rounded on its own.
 */
export function quadrantPoints(q: Readonly<Record<Quadrant, number>>): Record<Quadrant, number> {
  const total = QUADRANTS.reduce((a, k) => a + q[k], 0);
  // Shares of replicates add to 1 up to floating point: scaled to exactly 100 before rounding.
  const exact = QUADRANTS.map((k) => (total > 0 ? (100 * q[k]) / total : 0));
  const whole = exact.map((x) => Math.floor(x + 1e-9));
  const left = Math.round(100 - whole.reduce((a, b) => a + b, 0));
  // Shares are k/B: two remainders that are equal as fractions (193/200 and 7/200 leave .5 each)
  // differ in floating point by ~1e-13, and distinct ones by at least 1/B. Remainders within 1e-9
  // are a tie, broken by the documented NE, NW, SE, SW order rather than by rounding noise.
  const rest = exact.map((x, i) => x - whole[i]!);
  const order = QUADRANTS.map((_, i) => i).sort((a, b) => (Math.abs(rest[b]! - rest[a]!) > 1e-9 ? rest[b]! - rest[a]! : a - b));
  for (let j = 0; j < left && total > 0; j++) whole[order[j]!]!++;
  return { NE: whole[0]!, NW: whole[1]!, SE: whole[2]!, SW: whole[3]! };
}

/** Whole percentage points of a share in words: a share above 0 on 0 points is "<1 %", one below 1 on 100 ">99 %" (as pctText). */
export function pointsText(points: number, share: number, lang: Lang): string {
  const shown = share > 0 && points === 0 ? '<1' : share < 1 && points === 100 ? '>99' : String(points);
  return lang === 'da' ? `${shown} %` : `${shown}%`;
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

/**
 * A confidence limit of money: never rounded onto 0, the decision value of an incremental cost
 * and of a net monetary benefit (positive ⇔ cost-effective at the willingness-to-pay); one still
 * on 0 with every extra digit spent prints its side, "<€0" / ">0 EUR" (src/report/interval-bound.ts).
 */
export function moneyLimit(x: number, currency: string, lang: Lang): string {
  return formatLimitWith(x, 0, (v, d) => money(v, currency, lang, d));
}

/** A QALY count to `decimals` (4 by default), with the page's decimal sign and a true minus; never "−0.0000". */
export function qalyText(x: number, lang: Lang, decimals = 4): string {
  const s = (Object.is(Number(x.toFixed(decimals)), -0) ? 0 : x).toFixed(decimals).replace('-', '−');
  return lang === 'da' ? s.replace('.', ',') : s;
}

/** A confidence limit of incremental QALYs: never rounded onto 0, its side when it stays there ("<0.0000"), as moneyLimit. */
export function qalyLimit(x: number, lang: Lang, format: (v: number, decimals: number) => string = (v, d) => qalyText(v, lang, d)): string {
  return formatLimitWith(x, 4, format);
}

/**
 * What a Danish responder label adds to "klinisk relevant forbedring" when it starts with those
 * words ("Klinisk relevant forbedring (RMDQ ≥ 5 point)" → "RMDQ ≥ 5 point"), so that "Omkostning
 * pr. ekstra patient med klinisk relevant forbedring" does not say them twice (a reviewer found
 * "…forbedring: Klinisk relevant forbedring (RMDQ ≥ 5 point)"); undefined for any other label.
 */
export function responderLabelRest(label: string): string | undefined {
  return /^klinisk relevant forbedring\s*\((.*)\)$/i.exec(label.trim())?.[1];
}
