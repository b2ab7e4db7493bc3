/**
 * What the trial chart builders need besides the numbers: labels in the report language, units,
 * directions, and the method the report treats as primary. Built once per report from the plan
 * and the loaded trial, so builders stay pure functions of (analysis, context).
 */
import type { EffectRow } from '../../analysis/results-schema.js';
import { outcomeLabel } from '../../plan/outcome-label.js';
import { primaryMethod } from '../../plan/primary-method.js';
import type { Arm, TrialData } from '../../trial/trial-data.js';
import { type ArmNames, armNames, fillArms } from '../arm-names.js';
import { type Lang, REPORT_TEXT, shortTimeLabel, timeLabel } from '../i18n.js';

export interface TrialChartContext {
  lang: Lang;
  /** Method whose rows the forest plot, SoF and flow use for continuous outcomes (plan/primary-method.ts). */
  primaryMethod: EffectRow['method'];
  /** Every visit, baseline first. */
  visits: string[];
  primary: { outcome: string; time: string } | null;
  outcomeLabel(key: string): string;
  /** The plan's arm names (defaults "app" / "usual care"), in every form the phrases need. */
  arms: ArmNames;
  armLabel(arm: Arm): string;
  /** A REPORT_TEXT phrase in the report language with the arm names filled in. */
  text(key: keyof typeof REPORT_TEXT): string;
  timeLabel(time: string): string;
  /** For crowded axes: "3 mo", "6 wk" / "3 mdr.", "6 uger". */
  shortTimeLabel(time: string): string;
  /** Unit of an outcome's score in the report language, e.g. "points". */
  unitOf(key: string): string;
  /** Decimals suited to the outcome's scale: 3 for ranges ≤ 2 (indexes), else 2. */
  decimalsOf(key: string): number;
  kindOf(key: string): 'continuous' | 'binary' | undefined;
  directionOf(key: string): 'lower-is-better' | 'higher-is-better' | undefined;
}

export function trialChartContext(trial: TrialData, lang: Lang): TrialChartContext {
  const plan = trial.plan;
  const source = new Map(trial.sources.map((s) => [s.key, s]));
  const outcome = new Map(plan.outcomes.map((o) => [o.key, o]));
  const arms = armNames(plan.armLabels, lang, plan.arms);
  return {
    lang,
    primaryMethod: primaryMethod(plan),
    // From the baseline on: a screening event listed before it (docs/plan-trial.md) is no visit of the charts.
    visits: trial.times.slice(Math.max(0, trial.times.indexOf(plan.baseline))),
    primary: plan.primary ?? null,
    outcomeLabel: (k) => outcomeLabel(plan, k, lang),
    arms,
    armLabel: (arm) => (arm === 'intervention' ? arms.Intervention : arms.Control),
    text: (key) => fillArms(REPORT_TEXT[key][lang], arms),
    timeLabel: (t) => timeLabel(t, lang),
    shortTimeLabel: (t) => shortTimeLabel(t, lang),
    unitOf: (k) => source.get(k)?.instrument.unit[lang] ?? '',
    decimalsOf: (k) => {
      const r = source.get(k)?.instrument.range;
      return r && r[1] - r[0] <= 2 ? 3 : 2;
    },
    kindOf: (k) => source.get(k)?.instrument.kind,
    // A responder definition counts improvement: more responders is always better (docs/report-trial.md).
    directionOf: (k) => outcome.get(k)?.direction ?? source.get(k)?.instrument.direction ?? (plan.responders.some((r) => r.key === k) ? 'higher-is-better' : undefined),
  };
}
