/**
 * The trial's warnings of results.json in words, English and Danish, as the report page and the
 * terminal say them (report/failure-reasons.ts `trialWarningText`): the outcome and visit by the
 * plan's labels where the page names them so ("Multiple imputation of Disability (RMDQ 0–24), 3
 * months: …", never only "rmdq at 3m"). `warnings` keeps its keyed lines for the scripts that match
 * them; these entries stand beside it, one for one and in its order, with the plan's keys in
 * fields of their own, as the observational results' `warningTexts` do (docs/data-contracts.md).
 */
import { outcomeLabel } from '../plan/outcome-label.js';
import type { Plan } from '../plan/plan-schema.js';
import { isEffectMethod, methodText } from '../report/effects-table.js';
import { trialWarningText, type WarningLabels } from '../report/failure-reasons.js';
import { type Lang, timeLabel } from '../report/i18n.js';
import type { AnalysisResult } from './results-schema.js';

/** One warning: what it is about by the plan's keys (those it names), and its words in either language. */
export interface TrialWarningText {
  outcome?: string;
  time?: string;
  method?: string;
  subgroup?: string;
  text: Record<Lang, string>;
}

/** The labels a page names a warning's outcome, visit, method and subgroup by, in `lang`. */
export function trialWarningLabels(plan: Plan, subgroups: AnalysisResult['subgroups'], lang: Lang): WarningLabels {
  return {
    outcome: (k) => outcomeLabel(plan, k, lang),
    time: (t) => timeLabel(t, lang),
    method: (m) => (isEffectMethod(m) ? methodText(m, lang) : m),
    subgroup: (column) => subgroups?.find((g) => g.subgroup === column)?.label[lang] ?? column,
  };
}

/** The keys a warning names, read from the shapes analyze-trial.ts words them in (the patterns of trialWarningText). */
function warningKeys(w: string): Omit<TrialWarningText, 'text'> {
  let m: RegExpExecArray | null;
  if ((m = /^sensitivity analysis of (.+?) at (.+?): (tipping point|[a-z-]+): /.exec(w))) return { outcome: m[1]!, time: m[2]!, ...(m[3] === 'tipping point' ? {} : { method: m[3]! }) };
  // One visit, or several ("12m (primary) and 6m"): the visit key only when it is one.
  if ((m = /^multiple imputation of (.+?) at ([^:]+): /.exec(w))) return { outcome: m[1]!, ...(/^[^ ,]+$/.test(m[2]!) ? { time: m[2]! } : {}), method: 'mi-ancova' };
  if ((m = /^multiple imputation of (.+?): /.exec(w))) return { outcome: m[1]!, method: 'mi-ancova' };
  if ((m = /^subgroup (.+?), (.+?) at (.+?), (?:level .*?|interaction): /.exec(w))) return { subgroup: m[1]!, outcome: m[2]!, time: m[3]! };
  if ((m = /^subgroup (.+?): /.exec(w))) return { subgroup: m[1]! };
  if ((m = /^target population, (.+?) at (.+?) \(([a-z-]+)\): /.exec(w))) return { outcome: m[1]!, time: m[2]!, method: m[3]! };
  if ((m = /^transported effect \([a-z-]+\), (.+?) at (.+?): /.exec(w)) && m[1] !== 'every outcome and time') return { outcome: m[1]!, time: m[2]! };
  if ((m = /^(.+?) at (.+?) \(([a-z-]+)\): /.exec(w))) return { outcome: m[1]!, time: m[2]!, method: m[3]! };
  if ((m = /^(.+?) at (.+?): every patient analysed answered /.exec(w))) return { outcome: m[1]!, time: m[2]! };
  if ((m = /^(.+?) at (.+?): the χ² p-value rests on expected counts below /.exec(w))) return { outcome: m[1]!, time: m[2]!, method: 'risk-difference' };
  return {};
}

/** Each of `result.warnings` with its keys and its words in English and Danish, one for one. */
export function trialWarningTexts(result: Pick<AnalysisResult, 'warnings' | 'subgroups'>, plan: Plan): TrialWarningText[] {
  const en = trialWarningLabels(plan, result.subgroups, 'en');
  const da = trialWarningLabels(plan, result.subgroups, 'da');
  return result.warnings.map((w) => ({ ...warningKeys(w), text: { en: trialWarningText(w, 'en', en), da: trialWarningText(w, 'da', da) } }));
}
