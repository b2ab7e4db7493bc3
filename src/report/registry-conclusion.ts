/**
 * The conclusion at the top of the registry page (docs/observational.md#report), in the trial
 * report's style (docs/report-trial.md#order): the primary analysis's adjusted estimate with its
 * 95% CI against the MCID, its verdict and certainty; whether the second doubly robust estimate
 * agrees; the other results against that verdict; and what the estimate cannot rule out — the
 * groups were not randomised, so an unmeasured confounder as strong as the E-value could explain
 * it away. Every number is written as Table 1 and the E-value section write it, so the paragraph
 * never says more than the page; a withheld (small-count) estimate is never named with a number.
 */
import type { ObservationalAnalysis, ObservationalEffect } from '../observational/observational-results-schema.js';
import { eValueCi } from '../observational/e-value.js';
import { othersSentence, runningName } from './conclusion-others.js';
import { fillPhrase, formatFixed, formatRowMcid, type Lang, lowerFirst, REPORT_TEXT, timeLabel } from './i18n.js';
import { verdictPhrase, withBracket } from './verdict-notes.js';

const TEXT = {
  adjusted: { en: 'adjusted by {method}', da: 'justeret med {method}' },
  crude: { en: 'unadjusted', da: 'ujusteret' },
  agrees: { en: '{method} agrees.', da: '{method} giver samme vurdering.' },
  differs: { en: '{method} does not agree: {verdict}.', da: '{method} giver ikke samme vurdering: {verdict}.' },
  evalue: {
    en: 'The groups were not randomised: an unmeasured confounder associated with both the exposure and the outcome by a risk ratio of {e} each could explain the estimate away ({ci} for its CI to include no difference).',
    da: 'Grupperne er ikke randomiseret: en umålt forstyrrende faktor, der er forbundet med både eksponeringen og effektmålet med en relativ risiko på {e} for hver, ville kunne forklare hele den estimerede forskel ({ci} for at konfidensintervallet omfatter 0).',
  },
  evalueNull: {
    en: 'The groups were not randomised and only measured confounders are adjusted for; the CI already includes no difference.',
    da: 'Grupperne er ikke randomiseret, og der er kun justeret for målte forstyrrende faktorer; konfidensintervallet omfatter allerede 0.',
  },
  // The risk ratio's CI (the E-value's) and the printed difference's disagree: e-value.ts, eValueCi.
  evalueRrNull: {
    en: 'The groups were not randomised and only measured confounders are adjusted for; the risk ratio\'s CI already includes 1, although the difference\'s CI excludes 0 (the two intervals are computed differently).',
    da: 'Grupperne er ikke randomiseret, og der er kun justeret for målte forstyrrende faktorer; den relative risikos konfidensinterval omfatter allerede 1, selv om forskellens konfidensinterval ikke omfatter 0 (de to intervaller beregnes forskelligt).',
  },
  evalueRrOnly: {
    en: 'The groups were not randomised: an unmeasured confounder associated with both the exposure and the outcome by a risk ratio of {e} each could explain the estimate away ({ci} for the risk ratio\'s CI to include 1; the difference\'s CI already includes 0, the two intervals are computed differently).',
    da: 'Grupperne er ikke randomiseret: en umålt forstyrrende faktor, der er forbundet med både eksponeringen og effektmålet med en relativ risiko på {e} for hver, ville kunne forklare hele den estimerede forskel ({ci} for at den relative risikos konfidensinterval omfatter 1; forskellens konfidensinterval omfatter allerede 0, de to intervaller beregnes forskelligt).',
  },
  unmeasured: {
    en: 'The groups were not randomised: an unmeasured confounder could explain some or all of the difference.',
    da: 'Grupperne er ikke randomiseret: en umålt forstyrrende faktor kan forklare en del af eller hele forskellen.',
  },
} as const satisfies Record<string, Record<Lang, string>>;

/** The headline estimate's method: the doubly robust weighted regression, else AIPW, else the crude difference. */
const ORDER: readonly ObservationalEffect['method'][] = ['weighted-regression', 'aipw', 'crude'];

export interface RegistryConclusionInput {
  /** Every analysis, labels in the page's language. */
  analyses: readonly ObservationalAnalysis[];
  /** The primary analysis (the plan's, else the first analysed) and whether the plan named it. */
  primary: ObservationalAnalysis;
  planned: boolean;
  groups: { exposed: string; unexposed: string };
  /** The method in words, lower case ("weighted regression (doubly robust)"). */
  methodText: (m: ObservationalEffect['method']) => string;
  /**
   * The difference and CI in the trial conclusion's words: a mean difference with its direction
   * ("MD 2.07 points lower (2.55 lower to 1.60 lower)"), a proportion's as Table 1 prints it.
   */
  interval: (e: ObservationalEffect) => string;
  /** The outcome's unit for the MCID ("points"), "" when none. */
  unitOf: (outcome: string) => string;
  lang: Lang;
}

/** The paragraph; "" when the primary analysis has no estimate to state (withheld or failed). */
export function registryConclusion(x: RegistryConclusionInput): string {
  const { lang, primary } = x;
  const method = ORDER.find((m) => primary.effects.some((e) => e.method === m));
  const e = primary.effects.find((f) => f.method === method);
  if (!method || !e) return '';
  const time = timeLabel(primary.time, lang);
  const head = fillPhrase(REPORT_TEXT[x.planned ? 'conclusionPrimary' : 'conclusionUnlabelled'][lang], {
    outcome: runningName(primary.label).replace(/^./, (c) => c.toUpperCase()),
    time: lowerFirst(time),
    intervention: lowerFirst(x.groups.exposed),
    control: lowerFirst(x.groups.unexposed),
  });
  const how = method === 'crude' ? TEXT.crude[lang] : fillPhrase(TEXT.adjusted[lang], { method: x.methodText(method) });
  const effect = x.interval(e).replace(' (', ` (${REPORT_TEXT.conclusionCi[lang]} `);
  const mcid = e.mcid !== null ? ` ${fillPhrase(REPORT_TEXT.conclusionAgainstMcid[lang], { mcid: formatRowMcid({ method: e.kind === 'risk-difference' ? 'risk-difference' : 'mean', mcid: e.mcid }, lang, e.kind === 'risk-difference' ? undefined : x.unitOf(primary.outcome) || undefined) })}` : '';
  const certainty = fillPhrase(REPORT_TEXT.conclusionCertainty[lang], { level: REPORT_TEXT[e.certainty.level][lang].toLowerCase() });
  const verdict = verdictPhrase(e, lang);
  const sentences = [`${head}, ${how}: ${effect}${mcid} – ${withBracket(verdict, certainty)}.`];
  // The other doubly robust estimate: the page says the two should agree.
  const second = method === 'weighted-regression' ? primary.effects.find((f) => f.method === 'aipw') : undefined;
  if (second) {
    const other = verdictPhrase(second, lang);
    // "AIPW": the first sentence said the estimates are doubly robust.
    const name = x.methodText('aipw').replace(/ \(.*\)$/, '');
    sentences.push(fillPhrase(TEXT[other === verdict ? 'agrees' : 'differs'][lang], { method: name, verdict: other }));
  }
  const others = x.analyses
    .filter((a) => a !== primary)
    .flatMap((a) => {
      const f = a.effects.find((g) => g.method === method);
      return f ? [{ name: `${runningName(a.label)} ${REPORT_TEXT.conclusionAt[lang]} ${lowerFirst(timeLabel(a.time, lang))}`, verdict: verdictPhrase(f, lang), harm: /harm/.test(f.relevance ?? '') }] : [];
    });
  sentences.push(othersSentence(verdict, others, lang));
  if (method === 'crude' || !e.eValue) sentences.push(TEXT.unmeasured[lang]);
  else {
    const ci = eValueCi(e);
    const key = ci === 'includes' ? 'evalueNull' : ci === 'rr-includes' ? 'evalueRrNull' : ci === 'rr-excludes' ? 'evalueRrOnly' : 'evalue';
    sentences.push(fillPhrase(TEXT[key][lang], { e: formatFixed(e.eValue.estimate, 2, lang), ci: formatFixed(e.eValue.ciLimit, 2, lang) }));
  }
  return sentences.filter((s) => s !== '').join(' ');
}
