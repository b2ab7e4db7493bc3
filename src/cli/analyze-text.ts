/**
 * What `hta analyze` prints for a randomised plan (docs/cli.md): the effects table, the
 * sensitivity analysis, the adverse events, the target population and the subgroups, then the warnings — with
 * `--lang da` in the Danish report's words (docs/glossary-da.md): the plan's Danish labels, "3
 * måneder", the levels' Danish names, the warnings as the Danish page words them.
 */
import type { AnalysisResult } from '../analysis/results-schema.js';
import { subgroupText, targetPopulationText } from '../analysis/subgroup-text.js';
import { trialWarningLabels } from '../analysis/trial-warning-texts.js';
import { outcomeLabel } from '../plan/outcome-label.js';
import { ADVERSE_EVENTS_TITLE, adverseEventsByClassTable, adverseEventsNotes, adverseEventsTable } from '../report/adverse-events-table.js';
import { armNames, fillArms } from '../report/arm-names.js';
import { BOOTSTRAP_CAPTION, bootstrapTable } from '../report/bootstrap-table.js';
import { withConfidenceLevel } from '../report/confidence-label.js';
import { effectsTable, isEffectMethod, methodText } from '../report/effects-table.js';
import { trialWarningText } from '../report/failure-reasons.js';
import { ANALYZE_FOOTNOTE, fillPhrase, type Lang, REPORT_TEXT, timeLabel } from '../report/i18n.js';
import { sensitivityTable, tippingSentence } from '../report/sensitivity-table.js';
import { renderTextTableAt, type Table } from '../report/text-table.js';
import { YES_NO_CAPTION, yesNoTable } from '../report/yes-no-table.js';
import { subgroupLevelName } from '../trial/subgroup-level-name.js';
import type { TrialData } from '../trial/trial-data.js';

/** The text summary on stdout. */
export function trialSummaryText(result: AnalysisResult, trial: TrialData, lang: Lang): string {
  const out: string[] = [];
  // The tables and notes name the plan's confidence level, as every interval is at it (confidence-label.ts).
  const level = 1 - trial.plan.alpha;
  const print = (text: string) => out.push(withConfidenceLevel(text, level));
  // Each table relabelled before it is laid out, so its header stays over its columns at any level.
  const table = (t: Table) => renderTextTableAt(t, level);
  const widths = new Map(trial.sources.map((s) => [s.key, s.instrument.range[1] - s.instrument.range[0]]));
  const labelOf = (k: string) => outcomeLabel(trial.plan, k, lang);
  const arms = armNames(trial.plan.armLabels, lang, trial.plan.arms);
  print(table(effectsTable(result.effects, lang, (k) => widths.get(k), 'short', labelOf, arms)));
  print(`\n${fillArms(ANALYZE_FOOTNOTE[lang], arms)}\n`);
  // --bootstrap: its percentile and BCa intervals of the rows that have them (bootstrap-table.ts).
  const boot = bootstrapTable(result.effects, lang, (k) => widths.get(k), labelOf);
  if (boot) print(`\n${BOOTSTRAP_CAPTION[lang]}\n${table(boot)}`);
  // The shares per arm behind each yes/no and responder difference, with the ratios (yes-no-table.ts).
  const yesNo = yesNoTable(result.effects, lang, labelOf, arms);
  if (yesNo) print(`\n${YES_NO_CAPTION[lang]}\n${table(yesNo)}`);
  const sens = result.sensitivity;
  if (sens) {
    const src = trial.sources.find((x) => x.key === sens.outcome);
    const decimals = src && src.instrument.range[1] - src.instrument.range[0] <= 2 ? 3 : 2;
    print(`\n${REPORT_TEXT.sensitivityTitle[lang]}: ${labelOf(sens.outcome)}, ${timeLabel(sens.time, lang)}\n`);
    print(table(sensitivityTable(sens, lang, decimals, arms)));
    // One follow-up visit: no MMRM row, and why (as the page says it under the table).
    // The outcome's own "timepoints" may be what leaves it one (docs/plan-trial.md#outcome-timepoints).
    const own = trial.plan.outcomes.find((o) => o.key === sens.outcome)?.timepoints !== undefined;
    if (sens.mmrmLeftOut) print(fillPhrase(REPORT_TEXT[own ? 'sensitivityMmrmLeftOutOutcome' : 'sensitivityMmrmLeftOut'][lang], { visit: sens.mmrmLeftOut.followUpVisits.map((v) => timeLabel(v, lang)).join(', '), outcome: labelOf(sens.outcome) }) + '\n');
    const unit = src?.instrument.unit[lang] ?? '';
    const sentence = tippingSentence(sens, unit, decimals, lang, arms);
    if (sentence) print(sentence + '\n');
  }
  const ae = result.adverseEvents;
  if (ae) {
    print(`\n${ADVERSE_EVENTS_TITLE[lang]}\n`);
    print(table(adverseEventsTable(ae, lang, arms)));
    for (const note of adverseEventsNotes(ae, lang, arms)) print(`${note}\n`);
    const byClass = adverseEventsByClassTable(ae, lang, arms);
    if (byClass) print(`\n${table(byClass)}`);
  }
  if (result.targetPopulation) print(targetPopulationText(result.targetPopulation, lang, (k) => widths.get(k), labelOf, arms, level));
  if (result.subgroups) {
    const levelName = (column: string, l: string) => subgroupLevelName(trial.plan.subgroups.find((s) => s.column === column)?.levelLabels, l, lang);
    print(subgroupText(result.subgroups, lang, (k) => widths.get(k), arms, level, { outcome: labelOf, level: levelName }));
  }
  return out.join('');
}

/** The warnings for stderr, each with its lead: English as the analysis wrote them; Danish as the Danish page words them. */
export function trialWarningLines(result: AnalysisResult, trial: TrialData, lang: Lang): string[] {
  if (lang === 'en') return result.warnings.map((w) => `warning: ${w}`);
  const labels = trialWarningLabels(trial.plan, result.subgroups, lang);
  return result.warnings.map((w) => `advarsel: ${trialWarningText(w, lang, labels)}`);
}
