/**
 * What the page says about its verdicts (docs/report-trial.md#verdicts): every verdict that
 * appears on the page defined in the notes under the table of all effect estimates, and, beside a
 * "possibly clinically relevant" verdict whose CI includes 0, that it is not statistically
 * significant. The rules themselves are src/judge/relevance.ts's; this module only words them.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { otherSideNotRuledOut, RELEVANCE_LABELS, type Relevance } from '../judge/relevance.js';
import { type Lang, lowerFirst, NO_MCID_VERDICT_TEXT, REPORT_TEXT, VERDICT_TEXT } from './i18n.js';

const DEFINITION: Record<Relevance, Record<Lang, string>> = {
  'relevant-benefit': { en: 'the whole 95% CI lies beyond the MCID, on the side of benefit', da: 'hele 95 %-KI ligger ud over MKRF på gavnens side' },
  'relevant-harm': { en: 'the whole 95% CI lies beyond −MCID, on the side of harm', da: 'hele 95 %-KI ligger ud over −MKRF på skadens side' },
  'possibly-relevant-benefit': {
    en: 'the estimate lies beyond the MCID, the whole 95% CI does not; where the CI includes 0 the difference is not statistically significant, and the table says so',
    da: 'estimatet ligger ud over MKRF, men ikke hele 95 %-KI; hvor KI omfatter 0, er forskellen ikke statistisk signifikant, og tabellen siger det',
  },
  'possibly-relevant-harm': {
    en: 'the estimate lies beyond −MCID, the whole 95% CI does not; where the CI includes 0 the difference is not statistically significant, and the table says so',
    da: 'estimatet ligger ud over −MKRF, men ikke hele 95 %-KI; hvor KI omfatter 0, er forskellen ikke statistisk signifikant, og tabellen siger det',
  },
  'significant-not-relevant': { en: 'the whole 95% CI lies between 0 and the MCID', da: 'hele 95 %-KI ligger mellem 0 og MKRF' },
  'significant-relevance-uncertain': { en: 'the 95% CI excludes 0 and reaches the MCID', da: '95 %-KI udelukker 0 og når MKRF' },
  'significant-harm-not-relevant': { en: 'the whole 95% CI lies between −MCID and 0', da: 'hele 95 %-KI ligger mellem −MKRF og 0' },
  'significant-harm-relevance-uncertain': { en: 'the 95% CI excludes 0 and reaches −MCID', da: '95 %-KI udelukker 0 og når −MKRF' },
  'no-relevant-difference': { en: 'the whole CI lies between −MCID and +MCID', da: 'hele KI ligger mellem −MKRF og +MKRF' },
  inconclusive: {
    en: 'the 95% CI includes 0 and reaches the MCID or −MCID: neither a relevant effect nor its absence is shown',
    da: '95 %-KI omfatter 0 og når MKRF eller −MKRF: hverken en relevant effekt eller fraværet af en er vist',
  },
};

const NOT_SIGNIFICANT = { en: 'not statistically significant', da: 'ikke statistisk signifikant' } as const;
/** docs/glossary-da.md: "klinisk relevant skade kan ikke udelukkes", as rule 8's verdict says it. */
const NOT_RULED_OUT = {
  harm: { en: 'clinically relevant harm is not ruled out', da: 'klinisk relevant skade kan ikke udelukkes' },
  benefit: { en: 'clinically relevant benefit is not ruled out', da: 'klinisk relevant gavn kan ikke udelukkes' },
} as const;

/**
 * The verdict's words followed, for a "possibly clinically relevant" verdict whose CI includes 0,
 * by ", not statistically significant" (in running text, where more words follow, in brackets):
 * rule 3/4 looks at the estimate before significance. When its CI also reaches the MCID on the
 * other side (L ≤ −MCID for a possible benefit), that relevant harm is not ruled out follows
 * (otherSideNotRuledOut): "benefit 1.19 (−1.31 to 3.68)" against an MCID of 1 is no reassurance.
 */
export function withSignificance(text: string, r: Pick<EffectRow, 'relevance' | 'significant'> & Partial<Pick<EffectRow, 'benefitCiLower' | 'benefitCiUpper' | 'mcid'>>, lang: Lang, inSentence = false): string {
  const possibly = r.relevance === 'possibly-relevant-benefit' || r.relevance === 'possibly-relevant-harm';
  if (!possibly) return text;
  const other = otherSideNotRuledOut(r.relevance, r.benefitCiLower ?? null, r.benefitCiUpper ?? null, r.mcid ?? null);
  const added = [...(r.significant === false ? [NOT_SIGNIFICANT[lang]] : []), ...(other ? [NOT_RULED_OUT[other][lang]] : [])].join('; ');
  if (!added) return text;
  return inSentence ? `${text} (${added})` : `${text}, ${added}`;
}

/**
 * The verdict in running text, as the conclusions say it (conclusion.ts, registry-conclusion.ts):
 * its one wording (VERDICT_TEXT, NO_MCID_VERDICT_TEXT, "not computed" for a row that failed),
 * lower-cased mid-sentence.
 */
export function verdictPhrase(r: Pick<EffectRow, 'relevance' | 'significant'> & Partial<Pick<EffectRow, 'benefitCiLower' | 'benefitCiUpper' | 'mcid'>> & { error?: string }, lang: Lang): string {
  const full = r.error
    ? REPORT_TEXT.notComputed[lang]
    : r.relevance
      ? withSignificance(VERDICT_TEXT[r.relevance][lang], r, lang, true)
      : NO_MCID_VERDICT_TEXT[r.significant ? 'significant' : 'notSignificant'][lang];
  return lowerFirst(full);
}

/** '"Possibly clinically relevant benefit": the estimate lies …', one per verdict present, in the rules' order. */
export function verdictNotes(present: Iterable<Relevance | null | undefined>, lang: Lang): string[] {
  const seen = new Set(present);
  return RELEVANCE_LABELS.filter((k) => seen.has(k)).map((k) => `"${VERDICT_TEXT[k][lang]}": ${DEFINITION[k][lang]}.`);
}

/**
 * Whether the row's p-value and its 95% CI fall on different sides of the line: a yes/no row's
 * p is Pearson's χ² test, its CI Newcombe's (stats/proportion-difference.ts), and near 0.05 they
 * can disagree ("29.8 pp (0.03 to 53.3)", significant, beside p = 0.052 in results.json). The
 * verdict follows the CI; the page marks such a row and says so.
 */
export function pDisagrees(r: Pick<EffectRow, 'pValue' | 'significant' | 'confLevel'>): boolean {
  if (r.pValue === null || r.significant === null) return false;
  return r.pValue < 1 - r.confLevel !== r.significant;
}

/** The mark beside a p (or verdict) that disagrees with its CI; the note below says what it means. */
export const DISAGREES_MARK = '†';

const SIGNIFICANCE_RULE = {
  en: 'Significance follows the 95% CI: it means a CI that excludes 0. For yes/no outcomes and responders the p-value is from Pearson\'s chi-squared test and the CI from Newcombe\'s method; near 0.05 the two can disagree.',
  da: 'Statistisk signifikans betyder her, at 95 %-KI udelukker 0. For ja/nej-effektmål og klinisk relevant forbedring er p-værdien fra Pearsons chi²-test og KI fra Newcombes metode; tæt på 0,05 kan de to være uenige.',
} as const;

const DISAGREES_NOTE = {
  en: '† The p-value and the 95% CI fall on different sides of 0.05 (p = {p}{where}); the verdict follows the CI.',
  da: '† p-værdien og 95 %-KI ligger på hver sin side af 0,05 (p = {p}{where}); vurderingen følger KI.',
} as const;
const IN_RESULTS = { en: ' in results.json', da: ' i results.json' } as const;

/**
 * The notes under a table that prints verdicts (and perhaps p) for these rows: the rule that
 * significance follows the CI when a yes/no row's p comes from another test than its CI, and what
 * the mark means when a row's p and CI disagree. `formatP` words the p ("0.052", "0,052");
 * `pShown` false: the table prints no p, so the note says where it is (results.json).
 */
export function significanceNotes(rows: readonly Pick<EffectRow, 'method' | 'pValue' | 'significant' | 'confLevel'>[], lang: Lang, formatP: (p: number) => string, ruleNeeded = true, pShown = true): string[] {
  const otherTest = rows.some((r) => r.method === 'risk-difference' && r.pValue !== null);
  const disagreeing = rows.filter(pDisagrees);
  return [
    ...(otherTest && ruleNeeded ? [SIGNIFICANCE_RULE[lang]] : []),
    ...(disagreeing.length ? [DISAGREES_NOTE[lang].replace('{p}', disagreeing.map((r) => formatP(r.pValue!)).join(lang === 'da' ? ' og ' : ' and ')).replace('{where}', pShown ? '' : IN_RESULTS[lang])] : []),
  ];
}

/**
 * `text` followed by `addition` in brackets — in the bracket `text` already ends with, when it
 * does: "possibly clinically relevant benefit (not statistically significant; moderate certainty
 * of evidence)", "agree (disability at 9 months; low certainty of evidence)", never "(…) (…)",
 * which a committee does not write.
 */
export function withBracket(text: string, addition: string): string {
  return text.endsWith(')') ? `${text.slice(0, -1)}; ${addition})` : `${text} (${addition})`;
}
