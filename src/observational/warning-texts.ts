/**
 * The observational warnings of results.json in words, English and Danish, as the registry page
 * and the terminal say them: the outcome and visit by the plan's labels ("Disability (RMDQ 0–24),
 * 3 months", never "rmdq at 3m"), a balance term by its confounder's labels ("Referred by:
 * hospital", never "referrer=hospital"). `warnings` keeps its keyed lines for the scripts that
 * match them; these entries stand beside it, one for one, with the keys in fields of their own
 * (docs/observational.md#output).
 */
import { outcomeLabel } from '../plan/outcome-label.js';
import type { Plan } from '../plan/plan-schema.js';
import { balanceTermLabel } from '../report/balance-term-label.js';
import { notAnalysedText } from '../report/failure-reasons.js';
import { timeLabel, type Lang } from '../report/i18n.js';
import { findingText, type Finding, type FindingGroups } from './diagnostic-findings.js';
import { outcomeDataText, type OutcomeDataFinding } from './outcome-data-warnings.js';
import type { ObservationalSpec } from './observational-plan-schema.js';

/** One warning: what it is about by the plan's keys, and its words in either language. */
export interface WarningText {
  /** The finding's kind (diagnostic-findings.ts), or "not-analysed" for an analysis that failed. */
  kind: Finding['kind'] | OutcomeDataFinding['kind'] | 'not-analysed';
  /** A balance warning's term as the `balance` rows key it ("referrer=hospital", "age"). */
  term?: string;
  /** An outside-target warning's confounder and named levels, as `outsideTarget` keys them. */
  confounder?: string;
  levels?: string[];
  text: Record<Lang, string>;
}

const LANGS: readonly Lang[] = ['en', 'da'];
const NOT_ANALYSED: Record<Lang, string> = { en: 'not analysed', da: 'ikke analyseret' };

/** A finding's keys and its words without the outcome and visit (an analysis's own `warnings`); `groups`: the plan's, in Danish (findingGroups). */
export function findingWarningText(f: Finding, spec: Pick<ObservationalSpec, 'confounders'>, groups?: FindingGroups): WarningText {
  const text = Object.fromEntries(LANGS.map((lang) => [lang, findingText(f, lang, (t) => balanceTermLabel(t, spec.confounders, lang), groups)])) as Record<Lang, string>;
  if (f.kind === 'imbalance') return { kind: f.kind, term: f.term, text };
  if (f.kind === 'outside-target') return { kind: f.kind, confounder: f.confounder, levels: f.levels, text };
  return { kind: f.kind, text };
}

/** The same with the outcome and visit ahead, as the page's list of warnings reads. */
export function placedWarningText(w: WarningText, plan: Plan, outcome: string, time: string): WarningText & { outcome: string; time: string } {
  const where = (lang: Lang) => `${outcomeLabel(plan, outcome, lang)}, ${timeLabel(time, lang)}`;
  return { outcome, time, ...w, text: { en: `${where('en')}: ${w.text.en}`, da: `${where('da')}: ${w.text.da}` } };
}

/** An analysis that failed, in the page's words ("not analysed: …" / "ikke analyseret: …"). */
export function notAnalysedWarningText(error: string): WarningText {
  return { kind: 'not-analysed', text: { en: notAnalysedText(error, 'en', NOT_ANALYSED), da: notAnalysedText(error, 'da', NOT_ANALYSED) } };
}

/** A warning about the outcome's values in the export (outcome-data-warnings.ts). */
export function outcomeDataWarningText(f: OutcomeDataFinding): WarningText {
  return { kind: f.kind, text: { en: outcomeDataText(f, 'en'), da: outcomeDataText(f, 'da') } };
}
