/**
 * What the page says about its verdicts (docs/report-trial.md#verdicts): every verdict that
 * appears on the page defined in the notes under the table of all effect estimates, and, beside a
 * "possibly clinically relevant" verdict whose CI includes 0, that it is not statistically
 * significant. The rules themselves are src/judge/relevance.ts's; this module only words them.
 */
import type { EffectRow } from '../analysis/results-schema.js';
import { RELEVANCE_LABELS, type Relevance } from '../judge/relevance.js';
import { type Lang, VERDICT_TEXT } from './i18n.js';

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

/**
 * The verdict's words followed, for a "possibly clinically relevant" verdict whose CI includes 0,
 * by ", not statistically significant" (in running text, where more words follow, in brackets):
 * rule 3/4 looks at the estimate before significance.
 */
export function withSignificance(text: string, r: Pick<EffectRow, 'relevance' | 'significant'>, lang: Lang, inSentence = false): string {
  const possibly = r.relevance === 'possibly-relevant-benefit' || r.relevance === 'possibly-relevant-harm';
  if (!possibly || r.significant !== false) return text;
  return inSentence ? `${text} (${NOT_SIGNIFICANT[lang]})` : `${text}, ${NOT_SIGNIFICANT[lang]}`;
}

/** '"Possibly clinically relevant benefit": the estimate lies …', one per verdict present, in the rules' order. */
export function verdictNotes(present: Iterable<Relevance | null | undefined>, lang: Lang): string[] {
  const seen = new Set(present);
  return RELEVANCE_LABELS.filter((k) => seen.has(k)).map((k) => `"${VERDICT_TEXT[k][lang]}": ${DEFINITION[k][lang]}.`);
}
