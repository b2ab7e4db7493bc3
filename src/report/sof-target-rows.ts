/**
 * The summary of findings' population rows (docs/subgroups.md#report): under the trial's row for
 * the primary outcome at each follow-up, the effect in the trial patients who meet the target
 * population's criteria and the trial's effect transported to the target population (raked to
 * its margins, weighted to its sample), each with its own participants, effect, CI and MCID
 * verdict — or one row saying the target population is too small to analyse.
 *
 * They answer the committee's question about *whose* effect it is; they keep the trial's
 * certainty (the footnote says so) rather than being graded again. Pure: results in, rows out.
 */
import type { EffectRow, TargetPopulation } from '../analysis/results-schema.js';
import { fillArms } from './arm-names.js';
import { essText } from './ess-text.js';
import type { TrialChartContext } from './charts/trial-chart-context.js';
import { fillPhrase, formatThousands, lowerFirst, REPORT_TEXT } from './i18n.js';
import { populationPhrase, type SubgroupPhrase } from './sections/subgroup-phrases.js';
import { transportsWholeTrial } from '../analysis/whole-trial-transport.js';

export interface SofPopulationRow {
  /** "In the target population" / "Reweighted, eff. n 370" (the Target population section's word). */
  label: string;
  /** The participants cell: "48 (1 RCT)". */
  participants: string;
  /** The effect row; null for the "too small to analyse" row. */
  row: EffectRow | null;
  /** Why there is no row (too small to analyse). */
  why?: string;
  /** The verdict cell in place of the row's MCID verdict: extreme weights are not a finding. */
  verdict?: string;
}

/**
 * The outcome whose rows get population rows: the plan's primary outcome, else the first outcome
 * of the table. One outcome only, at each follow-up: two or three extra rows under every outcome
 * would bury the table; the target-population section has them all.
 */
export function populationRowsOutcome(outcomes: readonly string[], ctx: Pick<TrialChartContext, 'primary'>): string | undefined {
  return ctx.primary?.outcome ?? outcomes[0];
}

/** The population rows for one trial row of the summary of findings, in page order. */
export function sofPopulationRows(t: TargetPopulation, trialRow: EffectRow, ctx: Pick<TrialChartContext, 'lang' | 'arms'>): SofPopulationRow[] {
  const lang = ctx.lang;
  const p = (k: SubgroupPhrase, values: Record<string, string | number> = {}) => fillPhrase(fillArms(populationPhrase(k, lang, t.purpose), ctx.arms), values);
  const total = (r: EffectRow) => r.n.intervention + r.n.control;
  // Counts as the trial's own row prints them (summary-of-findings.ts): "1,213", "1.213".
  const count = (n: number) => formatThousands(n, 0, lang);
  const participants = (n: number) => fillPhrase(REPORT_TEXT.participants[lang], { n: count(n), k: 1 });
  const out: SofPopulationRow[] = [];
  // The population's description is in the rows' footnote (sofPopulationNote): the label stays short.
  const label = p('sofTargetRow');
  // No criteria: "the patients meeting the criteria" are the trial itself, a row that repeats the
  // trial's; the transported rows below are the target population's result.
  const whole = transportsWholeTrial(t);
  if (whole) {
    // no row of its own
  } else if (!t.analysed) {
    const n = t.patients.intervention + t.patients.control;
    out.push({ label, participants: participants(n), row: null, why: p('sofTooSmall', { n: count(n), i: count(t.patients.intervention), c: count(t.patients.control), min: count(t.minPerArm) }) });
  } else {
    const target = t.effects.find((e) => e.outcome === trialRow.outcome && e.time === trialRow.time && e.method === trialRow.method);
    if (target) out.push({ label, participants: participants(total(target)), row: target });
  }
  // Raking first, then the target sample: the order of the target-population section.
  const moved = (t.transported ?? []).filter((x) => x.outcome === trialRow.outcome && x.time === trialRow.time);
  for (const weighting of ['raking', 'inverse-odds'] as const) {
    for (const x of moved.filter((m) => m.weighting === weighting)) {
      // The effective sample size goes with the label: the participants column stays narrow.
      // The target sample's size goes with its row: the participants cell counts the trial's patients.
      const k = formatThousands(t.targetSample?.rows ?? 0, 0, lang);
      const name = whole
        ? p(weighting === 'raking' ? 'sofTransportedRakedRow' : 'sofTransportedSampleRow', { k })
        : weighting === 'raking'
          ? p('sofRakedRow')
          : p('sofInverseOddsRow', { k });
      out.push({
        label: x.weights ? p(x.weights.extreme ? 'sofEffectiveExtreme' : 'sofEffective', { label: name, ess: essText(x.weights.effectiveSampleSize, lang) }) : name,
        participants: participants(total(x.effect)),
        row: x.effect,
        // The verdict cell beside it must not state a finding the label and the conclusion deny.
        ...(x.weights?.extreme ? { verdict: p('extremeVerdict') } : {}),
      });
    }
  }
  return out;
}

/** The footnote the population rows' certainty cells point to, naming the population. */
export function sofPopulationNote(t: Pick<TargetPopulation, 'label' | 'purpose' | 'criteria'>, lang: TrialChartContext['lang']): string {
  return fillPhrase(populationPhrase(transportsWholeTrial(t) ? 'sofTransportedNote' : 'sofPopulationNote', lang, t.purpose), { label: lowerFirst(t.label[lang]) });
}
