/**
 * The conclusion's second sentence on the registry and meta-analysis pages (registry-conclusion.ts,
 * meta-conclusion.ts): the page's other results against the headline's verdict, as the trial
 * report's conclusion says it (docs/report-trial.md#order): one other result in the singular; all
 * agreeing, counted and named; otherwise each verdict with the results that have it, in the order
 * met, harms first.
 */
import { countWord } from './count-words.js';
import { fillPhrase, type Lang, lowerFirst, REPORT_TEXT } from './i18n.js';

// Danish puts the number before "øvrige" ("de to øvrige resultater"), as the trial conclusion does.
const TEXT = {
  oneAgrees: { en: 'The other result, {named}, agrees.', da: 'Det øvrige resultat, {named}, har samme vurdering.' },
  oneDiffers: { en: 'The other result, {named}, does not agree: {verdict}.', da: 'Det øvrige resultat, {named}, har ikke samme vurdering: {verdict}.' },
  oneUnjudged: { en: 'The other result, {named}, has no verdict ({verdict}).', da: 'Det øvrige resultat, {named}, har ingen vurdering ({verdict}).' },
  allAgree: { en: 'The other {n} results agree ({named}).', da: 'De {n} øvrige resultater har samme vurdering ({named}).' },
  someDiffer: { en: 'Of the other {n} results: {groups}.', da: 'Af de {n} øvrige resultater: {groups}.' },
} as const satisfies Record<string, Record<Lang, string>>;

/** "a, b and c" / "a, b og c"; "; " between items that have commas of their own. */
export function joinNames(items: readonly string[], lang: Lang): string {
  if (items.some((i) => /, /.test(i.replace(/\([^()]*\)/g, '')))) return items.join('; ');
  const and = REPORT_TEXT.and[lang];
  return items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} ${and} ${items[items.length - 1]}`;
}

/** An outcome in running text: its label without the instrument's closing brackets, lower-cased ("Disability (RMDQ 0–24)" → "disability"). */
export function runningName(label: string): string {
  const base = /^(.*?)\s*\([^()]+\)\s*$/.exec(label)?.[1]?.trim() || label;
  return lowerFirst(base);
}

export interface OtherResult {
  /** "pain intensity at 3 months" */
  name: string;
  /** The verdict in its one wording, lower case (mid-sentence). */
  verdict: string;
  harm: boolean;
  /** False for a result with no verdict (no MCID): it neither agrees nor disagrees with the headline. */
  judged?: boolean;
}

export function othersSentence(headlineVerdict: string, others: readonly OtherResult[], lang: Lang): string {
  if (!others.length) return '';
  if (others.length === 1) {
    const only = others[0]!;
    return fillPhrase(TEXT[only.judged === false ? 'oneUnjudged' : only.verdict === headlineVerdict ? 'oneAgrees' : 'oneDiffers'][lang], { named: only.name, verdict: only.verdict });
  }
  // Results without a verdict are listed under their words ("no MCID: not judged"), never as agreeing.
  if (others.every((o) => o.verdict === headlineVerdict && o.judged !== false)) return fillPhrase(TEXT.allAgree[lang], { n: countWord(others.length, lang), named: joinNames(others.map((o) => o.name), lang) });
  const groups = new Map<string, string[]>();
  for (const o of [...others.filter((x) => x.harm), ...others.filter((x) => !x.harm)]) groups.set(o.verdict, [...(groups.get(o.verdict) ?? []), o.name]);
  const text = [...groups].map(([verdict, names]) => `${verdict} ${REPORT_TEXT.conclusionFor[lang]} ${joinNames(names, lang)}`).join('; ');
  return fillPhrase(TEXT.someDiffer[lang], { n: countWord(others.length, lang), groups: text });
}
