/**
 * The conclusion at the top of a cost-effectiveness page (docs/plan-cea.md#report): the ICER in
 * words with the time horizon (the last visit with utilities), the perspective and the 95% CIs
 * of the incremental cost and QALYs, and the probability that the intervention is cost-effective at each of the
 * plan's thresholds. Every number is written by the formatter the page's results table uses
 * (money, the 4-decimal QALYs, icerText, pctText), so the paragraph says nothing the table does not.
 */
import type { CeaResult } from '../cea/cea-results-schema.js';
import { icerText, money, moneyLimit, pctText, pointsText, qalyLimit, qalyText, quadrantPoints } from '../cea/cea-phrases.js';
import type { ArmNames } from './arm-names.js';
import { fillPhrase, type Lang, lowerFirst, timeLabel } from './i18n.js';

const TEXT = {
  // Cost up and QALYs gained (the usual case): the trade in words with its CIs, then the ICER.
  costsMore: {
    en: '{head}, {theIntervention} costs {cost} more per patient than {theControl} and gains {qaly} QALYs (95% CIs {costCi} and {qalyCi}): an ICER of {icer}.',
    da: '{head} koster {theIntervention} {cost} mere pr. patient end {theControl} og giver {qaly} QALY mere (95 %-KI henholdsvis {costCi} og {qalyCi}): en ICER på {icer}.',
  },
  // Dominance: what the intervention does on average, with the CIs, then the verdict in the same
  // sentence, qualified where a CI reaches the other side ("…, so the app is dominant on the point
  // estimates, but the 95% CI of the incremental cost includes higher costs (42% …)"). It read
  // "…: dominant: the app saves money …" with the doubt a sentence later, after the verdict.
  dominance: {
    en: '{head}, {theIntervention} {words} on average compared with {theControl} (incremental cost {cost}, 95% CI {costCi}; incremental QALYs {qaly}, 95% CI {qalyCi}), so {theIntervention} is {verdict}{doubt}.',
    da: '{head} {words} sammenlignet med {theControl} (meromkostning {cost}, 95 %-KI {costCi}; forskel i QALY {qaly}, 95 %-KI {qalyCi}), så {theIntervention} er {verdict}{doubt}.',
  },
  // Any other quadrant (cheaper and less effective, no difference): the ICER's own words say it.
  other: {
    en: '{head}, {intervention} compared with {control}: {icer} (incremental cost {cost}, 95% CI {costCi}; incremental QALYs {qaly}, 95% CI {qalyCi}).',
    da: '{head}, {theIntervention} sammenlignet med {theControl}: {icer} (meromkostning {cost}, 95 %-KI {costCi}; forskel i QALY {qaly}, 95 %-KI {qalyCi}).',
  },
  // The time horizon: the trial's follow-up, its last visit with utilities (the plan's visits).
  head: { en: 'From a {perspective} perspective', da: 'I et {perspective}' },
  headOver: { en: 'Over {horizon}, from a {perspective} perspective', da: 'Over {horizon} og i et {perspective}' },
  to: { en: 'to', da: 'til' },
  probability: {
    en: 'At the plan\'s threshold of {wtp} per QALY, the probability that {theIntervention} is cost-effective is {p}.',
    da: 'Ved planens tærskelværdi på {wtp} pr. QALY er sandsynligheden for, at {theIntervention} er omkostningseffektiv, {p}.',
  },
  probabilities: {
    en: 'At the plan\'s thresholds of {wtp} per QALY, the probability that {theIntervention} is cost-effective is {p}, respectively.',
    da: 'Ved planens tærskelværdier på {wtp} pr. QALY er sandsynligheden for, at {theIntervention} er omkostningseffektiv, henholdsvis {p}.',
  },
  // What the intervention does on average, per dominance and axis (both differ, the same cost, the
  // same health); Danish with the verb first, after the sentence's opening adverbial.
  dominantBoth: { en: 'saves money and gains health', da: 'sparer {theIntervention} i gennemsnit penge og giver mere sundhed' },
  dominantSameCost: { en: 'costs the same and gains health', da: 'koster {theIntervention} i gennemsnit det samme og giver mere sundhed' },
  dominantSameEffect: { en: 'saves money for the same health', da: 'sparer {theIntervention} i gennemsnit penge og giver samme sundhed' },
  dominatedBoth: { en: 'costs more and gains less health', da: 'koster {theIntervention} i gennemsnit mere og giver mindre sundhed' },
  dominatedSameCost: { en: 'costs the same and gains less health', da: 'koster {theIntervention} i gennemsnit det samme og giver mindre sundhed' },
  dominatedSameEffect: { en: 'costs more for the same health', da: 'koster {theIntervention} i gennemsnit mere og giver samme sundhed' },
  dominant: { en: 'dominant', da: 'dominerende' },
  dominated: { en: 'dominated', da: 'domineret' },
  // The verdict rests on the point estimates where a CI reaches the other side: said in its sentence.
  onPoints: { en: ' on the point estimates, but {doubts}', da: ' ifølge punktestimaterne, men {doubts}' },
  // A dominance read off the point estimates, whose interval reaches the other side, with the replicates that disagree.
  dominantCost: {
    en: 'the 95% CI of the incremental cost includes higher costs ({p} of the bootstrap replicates cost more)',
    da: '95 %-KI for meromkostningen omfatter højere omkostninger ({p} af bootstrap-replikationerne er dyrere)',
  },
  dominantEffect: {
    en: 'the 95% CI of the incremental QALYs includes fewer QALYs ({p} of the bootstrap replicates gain fewer)',
    da: '95 %-KI for forskellen i QALY omfatter færre QALY ({p} af bootstrap-replikationerne giver færre)',
  },
  dominatedCost: {
    en: 'the 95% CI of the incremental cost includes lower costs ({p} of the bootstrap replicates cost less)',
    da: '95 %-KI for meromkostningen omfatter lavere omkostninger ({p} af bootstrap-replikationerne er billigere)',
  },
  dominatedEffect: {
    en: 'the 95% CI of the incremental QALYs includes more QALYs ({p} of the bootstrap replicates gain more)',
    da: '95 %-KI for forskellen i QALY omfatter flere QALY ({p} af bootstrap-replikationerne giver flere)',
  },
  healthcare: { en: 'healthcare', da: 'sundhedssektorperspektiv' },
  societal: { en: 'limited societal', da: 'begrænset samfundsperspektiv' },
  and: { en: 'and', da: 'og' },
} as const satisfies Record<string, Record<Lang, string>>;

const list = (xs: readonly string[], lang: Lang) => (xs.length <= 1 ? (xs[0] ?? '') : `${xs.slice(0, -1).join(', ')} ${TEXT.and[lang]} ${xs[xs.length - 1]}`);

/** "0.0319" / "0,0319": the results table's QALY format. */
const qalys = (x: number, lang: Lang) => qalyText(x, lang);

/**
 * `horizon`: the follow-up in words (cea-horizon.ts); without it the last visit's name.
 * `arms`: the page's arm names (arm-names.ts), in the forms the trial pages use: "{intervention}
 * compared with {control}" as the trial conclusion says it, and with the article where a sentence
 * needs one ("the probability that the intervention is …", da "at interventionen er …").
 */
export function ceaConclusion(r: CeaResult, arms: ArmNames, lang: Lang, horizon?: string): string {
  const cur = r.currency;
  const last = r.utilities[r.utilities.length - 1];
  const range = (lo: string, hi: string) => `${lo} ${TEXT.to[lang]} ${hi}`;
  const values = {
    head: last && last.years > 0
      ? fillPhrase(TEXT.headOver[lang], { horizon: horizon ?? lowerFirst(timeLabel(last.visit, lang)), perspective: TEXT[r.perspective][lang] })
      : fillPhrase(TEXT.head[lang], { perspective: TEXT[r.perspective][lang] }),
    intervention: arms.intervention,
    control: arms.control,
    theIntervention: arms.theIntervention,
    theControl: arms.theControl,
    icer: icerText(r.icer, cur, lang, undefined, { cost: r.incrementalCost.estimate, effect: r.incrementalQaly.estimate }, 'health', arms.theIntervention),
    // The results table's intervals (Table 1), in its formats.
    costCi: range(moneyLimit(r.incrementalCost.ciLower, cur, lang), moneyLimit(r.incrementalCost.ciUpper, cur, lang)),
    qalyCi: range(qalyLimit(r.incrementalQaly.ciLower, lang), qalyLimit(r.incrementalQaly.ciUpper, lang)),
    qaly: qalys(r.incrementalQaly.estimate, lang),
  };
  const usual = r.icer.kind === 'ratio' && r.icer.quadrant === 'NE';
  const signed = `${r.incrementalCost.estimate > 0 ? '+' : ''}${money(r.incrementalCost.estimate, cur, lang)}`;
  let first: string;
  if (usual) first = fillPhrase(TEXT.costsMore[lang], { ...values, cost: money(r.incrementalCost.estimate, cur, lang) });
  else if (r.icer.kind === 'dominant' || r.icer.kind === 'dominated') {
    const kind = r.icer.kind;
    const variant = r.incrementalQaly.estimate === 0 ? 'SameEffect' : r.incrementalCost.estimate === 0 ? 'SameCost' : 'Both';
    const doubts = dominanceDoubts(r, arms, lang);
    first = fillPhrase(TEXT.dominance[lang], {
      ...values,
      cost: signed,
      words: fillPhrase(TEXT[`${kind}${variant}`][lang], { theIntervention: arms.theIntervention }),
      verdict: TEXT[kind][lang],
      doubt: doubts.length ? fillPhrase(TEXT.onPoints[lang], { doubts: list(doubts, lang) }) : '',
    });
    // A sentence opens with a capital: "The app saves …" where the page names the intervention with its article.
    first = first.charAt(0).toUpperCase() + first.slice(1);
  } else first = fillPhrase(TEXT.other[lang], { ...values, cost: signed });
  const th = r.thresholds;
  if (!th.length) return first;
  const second = fillPhrase(TEXT[th.length === 1 ? 'probability' : 'probabilities'][lang], {
    theIntervention: arms.theIntervention,
    wtp: list(th.map((x) => money(x.threshold, cur, lang)), lang),
    p: list(th.map((x) => pctText(x.probabilityCostEffective, lang)), lang),
  });
  return [first, second].join(' ');
}

/**
 * "Dominant" rests on the point estimates: where a 95% CI crosses 0 the page says the dominance is
 * an average and how many bootstrap replicates (the CE plane's quadrant shares) lie on the other side.
 */
function dominanceDoubts(r: CeaResult, arms: ArmNames, lang: Lang): string[] {
  if (r.icer.kind !== 'dominant' && r.icer.kind !== 'dominated') return [];
  const q = r.quadrants;
  // The plane's whole points (largest remainder), two quadrants added: the sentence says what the
  // plane shows (1 % + 1 % is "2 %", never the exact sum's own rounding, docs/plan-cea.md#results).
  const pts = quadrantPoints(q);
  const say = (key: 'dominantCost' | 'dominantEffect' | 'dominatedCost' | 'dominatedEffect', a: 'NE' | 'NW' | 'SE' | 'SW', b: 'NE' | 'NW' | 'SE' | 'SW') =>
    fillPhrase(TEXT[key][lang], { theIntervention: arms.theIntervention, p: pointsText(pts[a] + pts[b], q[a] + q[b], lang) });
  const c = r.incrementalCost;
  const e = r.incrementalQaly;
  const out: string[] = [];
  if (r.icer.kind === 'dominant') {
    if (c.estimate < 0 && c.ciUpper > 0) out.push(say('dominantCost', 'NE', 'NW'));
    if (e.estimate > 0 && e.ciLower < 0) out.push(say('dominantEffect', 'NW', 'SW'));
  } else {
    if (c.estimate > 0 && c.ciLower < 0) out.push(say('dominatedCost', 'SE', 'SW'));
    if (e.estimate < 0 && e.ciUpper > 0) out.push(say('dominatedEffect', 'NE', 'SE'));
  }
  return out;
}
