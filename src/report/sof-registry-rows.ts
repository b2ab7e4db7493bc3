/**
 * A registry's yes/no outcomes and responders as a summary of findings reads them
 * (docs/observational.md, "Relative and absolute effects of yes/no outcomes"): per adjusted row
 * (weighted regression, AIPW) the risk ratio with its 95% CI, the adjusted risk without the
 * exposure per 1,000 (the base the absolute effect is read against) and the absolute effect per
 * 1,000 — the columns GRADEpro and the trial's summary of findings give (sof-harm-rows.ts,
 * sof-absolute-effect.ts). Before, the registry page gave such outcomes as a risk difference only.
 *
 * The numbers are the estimator's (observational/marginal-risks.ts): the risks are adjusted
 * (standardised), the RR their ratio with a delta-method interval, and the absolute effect is the
 * row's own risk difference × 1,000 with its CI — not CR × RR as for a trial's 2×2 table, so the
 * absolute effect here and the risk difference of the effects table are one estimate.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import type { ObservationalAnalysis, ObservationalEffect } from '../observational/observational-results-schema.js';
import { fillPhrase, type Lang, lowerFirst, REPORT_TEXT, timeLabel } from './i18n.js';
import { relativeEffectText, sofEffectText } from './summary-of-findings.js';
import type { Table } from './text-table.js';

const TEXT = {
  caption: {
    en: 'Yes/no outcomes, adjusted estimates: risk ratio, adjusted risk {without} and absolute effect per 1,000 ({exposed} − {unexposed})',
    da: 'Ja/nej-effektmål, justerede estimater: relativ risiko, justeret risiko {without} og absolut effekt pr. 1.000 ({exposed} − {unexposed})',
  },
  header: {
    en: 'Outcome|Follow-up|Method|Relative effect (95% CI)|Risk {without} (adjusted)|Absolute effect (95% CI)',
    da: 'Effektmål|Opfølgning|Metode|Relativ effekt (95 %-KI)|Risiko {without} (justeret)|Absolut effekt (95 %-KI)',
  },
  note: {
    en: 'Yes/no outcomes: the risks are adjusted (standardised) — each estimator\'s risk with and without the exposure among the patients the estimate is for; the risk ratio (RR) is their ratio, its 95% CI by the delta method on the log scale with the estimator\'s covariance of the two risks; the absolute effect is the risk difference of the effects table per 1,000, with its 95% CI. "Not estimable" where an adjusted risk is 0 or below (a linear model can predict that) or no patient of a group had the event.',
    da: 'Ja/nej-effektmål: risiciene er justerede (standardiserede) — hver estimators risiko med og uden eksponeringen blandt de patienter, estimatet gælder; den relative risiko (RR) er forholdet mellem dem, med 95 %-KI ved deltametoden på log-skala ud fra estimatorens kovarians mellem de to risici; den absolutte effekt er risikodifferencen fra effekttabellen pr. 1.000 med dens 95 %-KI. "Kan ikke estimeres", hvor en justeret risiko er 0 eller derunder (en lineær model kan forudsige det), eller ingen patient i en gruppe havde hændelsen.',
  },
  // The conclusion's addition to a yes/no estimate ("21.7 pp (95% CI 15.7 to 27.8)").
  // In the sentence the ratio needs its subject: "…; Not estimable; 164 fewer per 1,000" read as a fragment (the table's cell keeps "Not estimable").
  rrNotEstimable: { en: 'RR not estimable', da: 'RR kan ikke estimeres' },
  conclusion: {
    en: '{rr}; {abs} against an adjusted risk of {risk} {without}',
    da: '{rr}; {abs} i forhold til en justeret risiko på {risk} {without}',
  },
} as const satisfies Record<string, Record<Lang, string>>;

type Estimand = 'ATE' | 'ATT' | 'ATO';

/**
 * Whose risk without the exposure the adjusted μ₀ is: the estimand's population
 * (docs/observational.md, "Relative and absolute effects of yes/no outcomes"). Under ATT it is the
 * users' risk had they not been exposed — not the non-users' own risk, which the crude row gives
 * (the bundled test registry: 166 per 1,000 against the non-users' 140); under ATE everyone's, had
 * nobody been; under ATO that of the population where the groups overlap.
 */
const WITHOUT = {
  ATE: { en: 'without the exposure among all patients analysed', da: 'uden eksponeringen blandt alle analyserede patienter' },
  ATT: { en: 'for {exposed} without the exposure', da: 'for {exposed} uden eksponeringen' },
  ATO: { en: 'without the exposure where the groups overlap', da: 'uden eksponeringen, hvor grupperne overlapper' },
} as const satisfies Record<Estimand, Record<Lang, string>>;

const without = (estimand: Estimand, inText: { exposed: string }, lang: Lang) => fillPhrase(WITHOUT[estimand][lang], { exposed: lowerFirst(inText.exposed) });

/** The row as the trial's summary-of-findings phrases read it: its RR (or "not estimable") and its risk difference, no 2×2 table. */
function asSofRow(e: ObservationalEffect): EffectRow {
  return {
    method: 'risk-difference', outcome: e.outcome, difference: e.difference, ciLower: e.ciLower, ciUpper: e.ciUpper, mcid: e.mcid, error: null,
    riskRatio: e.riskRatio ? { estimate: e.riskRatio.estimate, ciLower: e.riskRatio.ciLower, ciUpper: e.riskRatio.ciUpper } : null,
    ratiosNotEstimable: !e.riskRatio,
  } as unknown as EffectRow;
}

/** The three cells: "RR 0.73 (0.55 to 0.98)", "277 per 1,000", "74 fewer per 1,000 (144 fewer to 4 fewer)". */
export function registryRelativeCells(e: ObservationalEffect, lang: Lang): { relative: string; risk: string; absolute: string } | null {
  if (!e.risks) return null;
  const row = asSofRow(e);
  return {
    relative: relativeEffectText(row, lang),
    risk: fillPhrase(REPORT_TEXT.per1000[lang], { n: Math.round(1000 * e.risks.control) }),
    absolute: sofEffectText(row, { lang, unitOf: () => '', decimalsOf: () => 0 }),
  };
}

/** The adjusted yes/no rows of every analysis, or null when the page has none. */
export function registryRelativeTable(analyses: readonly ObservationalAnalysis[], methodText: (m: ObservationalEffect['method']) => string, groups: { exposed: string; unexposed: string }, inText: { exposed: string }, estimand: Estimand, lang: Lang): { caption: string; table: Table; note: string } | null {
  const rows = analyses.flatMap((a) =>
    a.effects.flatMap((e) => {
      const c = registryRelativeCells(e, lang);
      return c ? [[a.label, timeLabel(a.time, lang), methodText(e.method), c.relative, c.risk, c.absolute]] : [];
    }),
  );
  if (rows.length === 0) return null;
  return {
    caption: fillPhrase(TEXT.caption[lang], { without: without(estimand, inText, lang), exposed: groups.exposed, unexposed: groups.unexposed }),
    table: { header: fillPhrase(TEXT.header[lang], { without: without(estimand, inText, lang) }).split('|'), rows, align: ['left', 'left', 'left', 'left', 'right', 'left'], fit: ['label', 'nowrap', undefined, 'compact', undefined, 'wide'] },
    note: TEXT.note[lang],
  };
}

/** The conclusion's relative and absolute effect after a yes/no estimate's risk difference; "" for other rows. */
export function registryRelativeSentence(e: ObservationalEffect, inText: { exposed: string }, estimand: Estimand, lang: Lang): string {
  const c = registryRelativeCells(e, lang);
  if (!c) return '';
  const ci = REPORT_TEXT.conclusionCi[lang];
  // "RR 0.73 (95% CI 0.55 to 0.98)", as the risk difference before it writes its interval.
  const withCi = (s: string) => s.replace(' (', ` (${ci} `);
  return fillPhrase(TEXT.conclusion[lang], { rr: e.riskRatio ? withCi(c.relative) : TEXT.rrNotEstimable[lang], abs: withCi(c.absolute), risk: c.risk, without: without(estimand, inText, lang) });
}

