/**
 * A meta-analysis verdict in words, with what its CI leaves open (docs/data-contracts.md#verdicts):
 * a "possibly clinically relevant" pooled estimate whose CI includes 0 is "not statistically
 * significant", and one whose CI reaches the MCID on the other side says that relevant harm (or
 * benefit) is not ruled out — as the trial report's tables and sentences word it
 * (src/report/verdict-notes.ts). The judged scale is the analysis scale: a ratio's log, against
 * the log of its MCID (meta-analyze.ts).
 */
import { isSignificant, type Relevance } from '../judge/relevance.js';
import type { Lang } from '../report/i18n.js';
import { withSignificance } from '../report/verdict-notes.js';
import type { MetaPooledRow, MetaStudyRow } from './meta-results-schema.js';
import { isRatioMeasure } from './read-studies.js';

type Judged = Pick<MetaPooledRow | MetaStudyRow, 'measure' | 'mcid' | 'relevance'> & { benefitCiLower: number | null; benefitCiUpper: number | null };

/** `words` the verdict's own wording (RELEVANCE_TEXT, SHORT_RELEVANCE_TEXT, VERDICT_TEXT); `inSentence`: the additions in brackets. */
export function metaVerdictText(r: Judged & { relevance: Relevance }, words: Record<Relevance, Record<Lang, string>>, lang: Lang, inSentence = false): string {
  const lo = r.benefitCiLower;
  const hi = r.benefitCiUpper;
  const mcid = r.mcid === null ? null : isRatioMeasure(r.measure) ? Math.log(r.mcid) : r.mcid;
  const significant = lo === null || hi === null ? null : isSignificant(lo, hi);
  return withSignificance(words[r.relevance][lang], { relevance: r.relevance, significant, benefitCiLower: lo, benefitCiUpper: hi, mcid }, lang, inSentence);
}
