/**
 * The conclusion at the top of a cost-effectiveness page (docs/plan-cea.md#report): the ICER in
 * words with the perspective, and the probability that the app is cost-effective at each of the
 * plan's thresholds. Every number is written by the formatter the page's results table uses
 * (money, the 4-decimal QALYs, icerText, pctText), so the paragraph says nothing the table does not.
 */
import type { CeaResult } from '../cea/cea-results-schema.js';
import { icerText, money, pctText } from '../cea/cea-phrases.js';
import { fillPhrase, type Lang, lowerFirst } from './i18n.js';

const TEXT = {
  // Cost up and QALYs gained (the usual case): the trade in words, then the ICER.
  costsMore: {
    en: 'From a {perspective} perspective, {intervention} costs {cost} more per patient than {control} and gains {qaly} QALYs: an ICER of {icer}.',
    da: 'I et {perspective} koster {intervention} {cost} mere pr. patient end {control} og giver {qaly} QALY mere: en ICER på {icer}.',
  },
  // Any other quadrant: the ICER's own words say it (dominant, dominated, cheaper and less effective).
  other: {
    en: 'From a {perspective} perspective, {intervention} compared with {control}: {icer} (incremental cost {cost}, incremental QALYs {qaly}).',
    da: 'I et {perspective}, {intervention} sammenlignet med {control}: {icer} (meromkostning {cost}, forskel i QALY {qaly}).',
  },
  probability: {
    en: 'At the plan\'s threshold of {wtp} per QALY, the probability that {intervention} is cost-effective is {p}.',
    da: 'Ved planens tærskelværdi på {wtp} pr. QALY er sandsynligheden for, at {intervention} er omkostningseffektiv, {p}.',
  },
  probabilities: {
    en: 'At the plan\'s thresholds of {wtp} per QALY, the probability that {intervention} is cost-effective is {p}, respectively.',
    da: 'Ved planens tærskelværdier på {wtp} pr. QALY er sandsynligheden for, at {intervention} er omkostningseffektiv, henholdsvis {p}.',
  },
  healthcare: { en: 'healthcare', da: 'sundhedssektorperspektiv' },
  societal: { en: 'limited societal', da: 'begrænset samfundsperspektiv' },
  and: { en: 'and', da: 'og' },
} as const satisfies Record<string, Record<Lang, string>>;

const list = (xs: readonly string[], lang: Lang) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${TEXT.and[lang]} ${xs[xs.length - 1]}`);

/** "0.0319" / "0,0319": the results table's QALY format. */
const qalys = (x: number, lang: Lang) => {
  const s = x.toFixed(4).replace('-', '−');
  return lang === 'da' ? s.replace('.', ',') : s;
};

export function ceaConclusion(r: CeaResult, arms: { intervention: string; control: string }, lang: Lang): string {
  const cur = r.currency;
  // Mid-sentence: "app + usual care", not "App + usual care".
  const intervention = lowerFirst(arms.intervention);
  const values = {
    perspective: TEXT[r.perspective][lang],
    intervention,
    control: lowerFirst(arms.control),
    icer: icerText(r.icer, cur, lang, undefined, { cost: r.incrementalCost.estimate, effect: r.incrementalQaly.estimate }),
  };
  const usual = r.icer.kind === 'ratio' && r.icer.quadrant === 'NE';
  const first = usual
    ? fillPhrase(TEXT.costsMore[lang], { ...values, cost: money(r.incrementalCost.estimate, cur, lang), qaly: qalys(r.incrementalQaly.estimate, lang) })
    : fillPhrase(TEXT.other[lang], { ...values, cost: `${r.incrementalCost.estimate > 0 ? '+' : ''}${money(r.incrementalCost.estimate, cur, lang)}`, qaly: qalys(r.incrementalQaly.estimate, lang) });
  const th = r.thresholds;
  if (!th.length) return first;
  const second = fillPhrase(TEXT[th.length === 1 ? 'probability' : 'probabilities'][lang], {
    intervention,
    wtp: list(th.map((x) => money(x.threshold, cur, lang)), lang),
    p: list(th.map((x) => pctText(x.probabilityCostEffective, lang)), lang),
  });
  return `${first} ${second}`;
}
