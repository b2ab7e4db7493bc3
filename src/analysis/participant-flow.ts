/**
 * The participant flow's numbers that the visit counts do not give (docs/plan-trial.md#participant-flow):
 * enrolment from the plan's screening log (assessed, excluded by reason; randomised from the
 * export — their sum is checked on load, src/trial/enrolment-check.ts), the export's participants
 * never randomised (counted under the plan's "notRandomised" reason), and per arm the patients
 * who left the study or stopped the intervention, by reason, from the export's withdrawal-reason
 * column. Exact counts, as CONSORT asks; the reasons are the plan's labels or the values as
 * written, never a patient id.
 *
 * Pure: the loaded trial in, the `flow` of results.json out (undefined when neither is given).
 */
import type { FlowReason } from '../plan/plan-schema.js';
import { randomisedTotal } from '../trial/other-arms.js';
import { ARMS, type Arm, armCounts, type TrialData } from '../trial/trial-data.js';
import type { FlowLoss, ParticipantFlow } from './results-schema.js';
import { FREE_TEXT_REASON_LABEL, freeTextAmong } from '../trial/free-text.js';

/** The value under which free-text reasons are pooled: no export value is empty (an empty cell is no reason). */
export const FREE_TEXT_REASON_VALUE = '';

/** A plan reason in both languages (Danish falls back to the English text). */
export function reasonText(r: FlowReason): { en: string; da: string } {
  return typeof r === 'string' ? { en: r, da: r } : { en: r.en, da: r.da ?? r.en };
}

export function participantFlowOf(trial: Pick<TrialData, 'plan' | 'patients' | 'withdrawalColumn' | 'otherArms' | 'notRandomised'> & Partial<Pick<TrialData, 'rows' | 'times' | 'sources' | 'consentWithdrawn'>>): ParticipantFlow | undefined {
  const f = trial.plan.flow;
  // The export's participants never randomised: one more reason for exclusion, after the screening
  // log's — when there are any: a reason with nobody behind it drew "Excluded: n = 0 (Not randomised: n = 0)".
  // Patients randomised who withdrew consent: one number, their rows were never read (consent-withdrawn.ts).
  const withdrew = trial.consentWithdrawn?.randomised ?? 0;
  const consentWithdrawn = withdrew > 0 ? { n: withdrew } : undefined;
  // The export's participants include them, though their rows were taken out before not-randomised.ts counted.
  const notRandomised = f?.notRandomised !== undefined && trial.notRandomised && trial.notRandomised.patients > 0 ? { reason: reasonText(f.notRandomised), n: trial.notRandomised.patients, inExport: trial.notRandomised.inExport + withdrew } : undefined;
  const enrolment =
    f?.assessed !== undefined && f.excluded !== undefined
      ? { assessed: f.assessed, excluded: [...f.excluded.map((e) => ({ reason: reasonText(e.reason), n: e.n })), ...(notRandomised ? [{ reason: notRandomised.reason, n: notRandomised.n }] : [])], randomised: randomisedTotal(armCounts(trial), trial.otherArms, withdrew) }
      : undefined;
  const column = trial.withdrawalColumn;
  const observedAtEnd = column === undefined ? undefined : lostWithDataAtEnd(trial);
  const losses = column === undefined ? undefined : { column, ...lossesByArm(trial), ...(observedAtEnd ? { observedAtEnd } : {}) };
  if (!enrolment && !losses && !notRandomised && !consentWithdrawn) return undefined;
  return { ...(enrolment ? { enrolment } : {}), ...(notRandomised ? { notRandomised } : {}), ...(consentWithdrawn ? { consentWithdrawn } : {}), ...(losses ? { losses } : {}) };
}

/**
 * Per arm, one row per reason with at least one patient: lost to follow-up first, then
 * discontinued; within a kind in the plan's order of `withdrawalReasons`, else by value.
 */
function lossesByArm(trial: Pick<TrialData, 'plan' | 'patients'>): Record<Arm, FlowLoss[]> {
  const meaning = trial.plan.flow?.withdrawalReasons ?? {};
  const planOrder = Object.keys(meaning);
  const counts = new Map<string, Record<Arm, number>>();
  // Without the plan's reasons every value is printed under its own name: one that reads as a
  // note about a patient is pooled under one label, never printed — a CPR or phone number, an
  // e-mail address or a date always, many words only when one patient alone gave that reason (a
  // value several share is a code: docs/plan-trial.md#participant-flow).
  const coded = Object.keys(meaning).length > 0;
  const isFree = coded ? () => false : freeTextAmong(trial.patients.flatMap((p) => (p.withdrawal === undefined ? [] : [p.withdrawal])));
  const valueOf = (w: string): string => (isFree(w) ? FREE_TEXT_REASON_VALUE : w);
  for (const p of trial.patients) {
    if (p.withdrawal === undefined) continue;
    const v = valueOf(p.withdrawal);
    const c = counts.get(v) ?? { intervention: 0, control: 0 };
    c[p.arm]++;
    counts.set(v, c);
  }
  const kindOf = (v: string) => meaning[v]?.kind ?? 'lost-to-follow-up';
  // The pooled free text last within its kind.
  const rank = (v: string) => (planOrder.includes(v) ? planOrder.indexOf(v) : planOrder.length + Number(!coded && v === FREE_TEXT_REASON_VALUE));
  const values = [...counts.keys()].sort((a, b) => Number(kindOf(a) === 'discontinued') - Number(kindOf(b) === 'discontinued') || rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  const row = (v: string, arm: Arm): FlowLoss => {
    const label = meaning[v]?.label;
    const text = label ? reasonText(label) : !coded && v === FREE_TEXT_REASON_VALUE ? { ...FREE_TEXT_REASON_LABEL } : { en: v, da: v };
    return { kind: kindOf(v), value: v, label: text, n: counts.get(v)![arm] };
  };
  return Object.fromEntries(ARMS.map((arm) => [arm, values.map((v) => row(v, arm)).filter((r) => r.n > 0)])) as Record<Arm, FlowLoss[]>;
}

/**
 * Patients lost to follow-up (by the withdrawal-reason column) who still have the primary outcome
 * at its visit: a status column marks a patient "Withdrawn" also after the last visit, and the
 * diagram would show them both lost and observed. Counted per arm, so the diagram can say they
 * left after that visit. The primary outcome is the plan's "primary", else the first outcome at
 * the last follow-up. Undefined when none has, or the trial carries no rows (a hand-built flow).
 */
function lostWithDataAtEnd(trial: Pick<TrialData, 'plan' | 'patients'> & Partial<Pick<TrialData, 'rows' | 'times' | 'sources'>>): { outcome: string; time: string } & Record<Arm, number> | undefined {
  const { rows, times, sources } = trial;
  if (!rows || !times || !sources) return undefined;
  const outcome = trial.plan.primary?.outcome ?? sources[0]?.key;
  const time = trial.plan.primary?.time ?? trial.plan.timepoints[trial.plan.timepoints.length - 1];
  const scores = outcome === undefined ? undefined : rows.scores[outcome];
  const t = time === undefined ? -1 : times.indexOf(time);
  if (!scores || t < 0) return undefined;
  const meaning = trial.plan.flow?.withdrawalReasons ?? {};
  const lost = (w: string | undefined) => w !== undefined && (meaning[w]?.kind ?? 'lost-to-follow-up') === 'lost-to-follow-up';
  const seen = new Set<number>();
  const n: Record<Arm, number> = { intervention: 0, control: 0 };
  for (let r = 0; r < rows.length; r++) {
    const p = rows.patient[r]!;
    if (rows.time[r] !== t || Number.isNaN(scores[r]!) || seen.has(p)) continue;
    const patient = trial.patients[p]!;
    if (!lost(patient.withdrawal)) continue;
    seen.add(p);
    n[patient.arm]++;
  }
  return n.intervention + n.control > 0 ? { outcome: outcome!, time: time!, ...n } : undefined;
}

