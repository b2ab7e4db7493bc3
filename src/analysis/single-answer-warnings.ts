/**
 * A yes/no outcome whose patients analysed at a visit all gave one answer, in both arms: a
 * risk difference of 0 that says nothing. An export of the users only — an EHR medication
 * module lists the patients with a prescription and never writes "no" — gives every follow-up
 * answer "yes", and the share of users becomes the share of a subgroup; nothing else would say so
 * (docs/plan-trial.md#yesno-outcomes). Said as a warning of the results (stderr, results.json's
 * `warnings`, the report's warnings), with the patients analysed beside those randomised.
 */
import type { EffectRow } from './results-schema.js';

type ArmPair = { intervention: number; control: number };

/**
 * `yesNo`: the keys of the plan's yes/no-instrument outcomes. A responder row is no answer: every
 * patient of a trial with a small effect may fail to reach the threshold, and that is a result.
 */
export function singleAnswerWarnings(effects: readonly EffectRow[], randomised: ArmPair, yesNo: ReadonlySet<string>): string[] {
  const out: string[] = [];
  for (const e of effects) {
    if (e.method !== 'risk-difference' || !e.risks || e.error || !yesNo.has(e.outcome)) continue;
    const { intervention: nI, control: nC } = e.n;
    if (nI === 0 || nC === 0) continue;
    const allYes = e.risks.eventsIntervention === nI && e.risks.eventsControl === nC;
    const allNo = e.risks.eventsIntervention === 0 && e.risks.eventsControl === 0;
    if (!allYes && !allNo) continue;
    const counts = `intervention ${nI} of ${randomised.intervention} randomised, control ${nC} of ${randomised.control}`;
    out.push(
      allYes
        ? `${e.outcome} at ${e.time}: every patient analysed answered yes, in both arms (${counts}), so the difference of 0 says nothing — an export of the users only (an EHR medication module lists the patients with a prescription and never writes "no") gives this; export every randomised patient's answer, "no" included`
        : `${e.outcome} at ${e.time}: every patient analysed answered no, in both arms (${counts}), so the difference of 0 says nothing about the intervention — check that the export holds every randomised patient's answer, "yes" included`,
    );
  }
  return out;
}
