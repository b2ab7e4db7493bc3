/**
 * `hta plan init`'s participant-flow keys from a study export's participant columns
 * (docs/plan-trial.md#participant-flow), as a Castor EDC study export has them:
 *
 * - participants with no arm value on any row — enrolled, never randomised — drafted as
 *   "flow.notRandomised", an arm value that reads so (`Ikke randomiseret`) listed in
 *   "flow.notRandomisedValues" (not when they are the merged-cells shape, which validate names instead:
 *   trial/not-randomised.ts decides both, so the draft and validate agree; a check then names the
 *   values left out of both the arms and "flow");
 * - a participant-status column (`Participant Status`: `Completed`, `Locked`, `Withdrawn`, `Deceased`)
 *   with a value that means the patient left the study (or died), drafted as the withdrawal-reason column: that
 *   value in "flow.withdrawalReasons", the others in "flow.notWithdrawn" (never "missingCodes",
 *   which would apply to every column). The values of participants never randomised
 *   (`Not randomized`) are not read, as validate passes their rows over;
 * - CDISC ADSL's reason for discontinuation from the study (`DCSREAS`, `DCREASCD`), drafted the
 *   same way: `COMPLETED` did not withdraw ("flow.notWithdrawn"), every other value left the study.
 *   (`DCDECOD` is the disposition term of every event, not a reason for leaving: not read.)
 * - the withdrawal-reason column read by default holding a "stayed" value (`COMPLETED`): that
 *   value in "flow.notWithdrawn", which validate asks for.
 *
 * Pure: the export in, the keys and the lines for "guessed" and "check before analysing" out.
 */
import type { CsvTable } from '../io/read-csv.js';
import { nfc } from '../io/nfc.js';
import { NotRandomised } from '../trial/not-randomised.js';
import { plainPatientId } from '../trial/patient-ids.js';
import { DEFAULT_WITHDRAWAL_COLUMN } from '../trial/load-trial.js';
import { readsAsNotWithdrawn } from '../trial/withdrawal-status.js';
import { FREE_TEXT_MIN_WORDS, FREE_TEXT_REASON_LABEL, freeTextAmong } from '../trial/free-text.js';

export interface FlowDraft {
  flow?: Record<string, unknown>;
  /** The status column to read as the withdrawal reason ("columns.withdrawalReason"). */
  withdrawalColumn?: string;
  /** A column the trial reads without a plan entry (the default withdrawal-reason column): not "not used". */
  readByDefault?: string;
  guesses: string[];
  checks: string[];
}

/** A participant-status column's name, folded: Castor's `Participant Status`, `Deltagerstatus`, `Status`. */
const STATUS_NAME = /^(participant|deltager|patient)?status$/;
/** A status meaning the patient left the study (or stopped the intervention: DISCONTINUED). */
const WITHDRAWN = /withdr|drop ?out|dropped|lost to follow|udtr[aå]dt|udg[aå]et|trukket tilbage|frafald|discontinu|afbrudt|oph[øo]rt/i;
const DISCONTINUED = /discontinu|afbrudt|oph[øo]rt/i;
/**
 * A status saying the participant died (Castor's `Deceased`, `Død`, `Afgået ved døden`, Dutch
 * `Overleden`, Swedish `Avliden`): a reason for leaving the study, which CONSORT lists among the
 * losses to follow-up. Read as "did not withdraw" the deaths vanished from the flow (8 of an arm's
 * 8 missing at 12 months, "Lost to follow-up: n = 0"). Whole words only.
 */
const DIED = /(?<!\p{L})(deceased|died|dead|death|d[øo]d|d[øo]de|d[øo]den|afd[øo]d|exitus|mors|overleden|overleed|avliden|d[öo]d|verstorben|d[ée]c[ée]d[ée]e?)(?!\p{L})/iu;
/** The label a death status is drafted with: the page says "Died" / "Død", not the export's word. */
const DIED_LABEL = { en: 'Died', da: 'Død' };
/** ADSL's reason for discontinuation from the study (CDISC ADaM). */
const CDISC_REASONS = ['DCSREAS', 'DCREASCD'];
/** A CDISC reason meaning the patient stayed: completed the study (or is still in it). */
const CDISC_STAYED = /^(?:completed?|ongoing)$/i;

/** A column name folded for matching: NFC, lower case, letters and digits only (also adverse-events-draft.ts). */
export const fold = (h: string) => nfc(h).toLowerCase().replace(/[^a-z0-9æøå]/g, '');
const q = (v: string) => JSON.stringify(v);

export function draftFlow(csv: CsvTable, idCol: string, armCol: string | undefined, notRandomisedValues: readonly string[] = []): FlowDraft {
  const out: FlowDraft = { guesses: [], checks: [] };
  const flow: Record<string, unknown> = {};
  const header = csv.header;
  const idIdx = header.indexOf(idCol);
  const armIdx = armCol === undefined ? -1 : header.indexOf(armCol);
  const values = notRandomisedValues.length ? { notRandomisedValues: [...notRandomisedValues] } : {};
  const never = idIdx >= 0 && armIdx >= 0 ? new NotRandomised({ flow: { notRandomised: '-', ...values } }, csv, idIdx, [armIdx]) : undefined;
  const survey = never?.survey();
  const skipped = (cells: readonly (string | null | undefined)[]): boolean => {
    const id = cells[idIdx];
    return survey !== undefined && survey.countable && id !== null && id !== undefined && never!.armless(plainPatientId(id));
  };
  if (survey && survey.patients > 0 && survey.countable) {
    flow.notRandomised = { en: 'Not randomised', da: 'Ikke randomiseret' };
    if (notRandomisedValues.length) flow.notRandomisedValues = [...notRandomisedValues];
    const who = survey.patients === 1 ? '1 participant' : `${survey.patients} participants`;
    const written = notRandomisedValues.length ? ` (or ${notRandomisedValues.map(q).join(', ')}, "flow.notRandomisedValues")` : '';
    out.guesses.push(`participants never randomised ("flow.notRandomised"): ${who} with no arm value${written} in "${armCol}" on any row (${survey.rows} ${survey.rows === 1 ? 'row' : 'rows'}) — counted as excluded before randomisation in the participant flow, not analysed`);
    out.checks.push(`${who} ${survey.patients === 1 ? 'has' : 'have'} no arm value${written} on any row: drafted as enrolled but never randomised ("flow.notRandomised"); if ${survey.patients === 1 ? 'it was' : 'they were'} randomised, give the arm in the export${notRandomisedValues.length ? ' (a third arm goes in "otherArms" instead)' : ''}`);
  }
  // The merged-cells shape: the values meaning "never randomised" are no arm of the draft, yet no
  // "flow" counts them, which validate reads only once the arm is filled down — said, not dropped.
  if (survey && !survey.countable && notRandomisedValues.length) {
    const named = notRandomisedValues.map(q).join(', ');
    out.checks.push(`${named} in "${armCol}" ${notRandomisedValues.length === 1 ? 'reads' : 'read'} as a participant never randomised, drafted neither as an arm nor in "flow.notRandomisedValues": the arm is only on the first row of each block of patients (merged cells), so the rows without it cannot be told from participants never randomised — fill the arm down to the rows below it, export again and run plan init again, which then drafts ${named} in "flow.notRandomisedValues"`);
  }

  // A status column read as the withdrawal reason, unless the export has the column read by default.
  const cdiscCol = header.find((h) => CDISC_REASONS.includes(h.trim().toUpperCase()));
  const statusCol = header.includes(DEFAULT_WITHDRAWAL_COLUMN) ? undefined : (header.find((h) => STATUS_NAME.test(fold(h))) ?? cdiscCol);
  const cdisc = statusCol !== undefined && statusCol === cdiscCol;
  // DCSREAS names why a patient left the study: every value but COMPLETED is a withdrawal.
  // A status value, not a note (`Died 17JUN2020`, a name): free text is never drafted as a death (trial/free-text.ts).
  let note: (v: string) => boolean = () => false;
  const died = (v: string) => !cdisc && DIED.test(v) && !WITHDRAWN.test(v) && !note(v);
  const left = (v: string) => (cdisc ? !CDISC_STAYED.test(v.trim()) : WITHDRAWN.test(v) || died(v));
  const kindOf = (v: string) => (!cdisc && DISCONTINUED.test(v) ? 'discontinued' : 'lost-to-follow-up');
  const takenAs = (v: string) => (died(v) ? 'died (counted among the losses to follow-up, as CONSORT does, and named "Died" / "Død")' : kindOf(v) === 'discontinued' ? 'discontinued the intervention' : 'lost to follow-up (left the study)');
  if (statusCol !== undefined) {
    const i = header.indexOf(statusCol);
    const values: string[] = [];
    for (const r of csv.records) {
      const v = r.cells[i];
      if (v === null || v === undefined || skipped(r.cells)) continue;
      const text = nfc(v);
      if (!values.includes(text)) values.push(text);
    }
    note = freeTextAmong(values);
    const withdrawn = values.filter(left);
    const stayed = values.filter((v) => !left(v));
    if (withdrawn.length) {
      out.withdrawalColumn = statusCol;
      flow.withdrawalReasons = Object.fromEntries(withdrawn.map((v) => [v, { kind: kindOf(v), ...(died(v) ? { label: DIED_LABEL } : {}) }]));
      if (stayed.length) flow.notWithdrawn = stayed;
      out.guesses.push(`withdrawal reason: ${cdisc ? 'ADaM\'s reason for discontinuation from the study' : 'status column'} "${statusCol}": ${withdrawn.map(q).join(', ')} = left the study ("flow.withdrawalReasons")${stayed.length ? `, ${stayed.map(q).join(', ')} = did not withdraw ("flow.notWithdrawn")` : ''}`);
      out.checks.push(`check the status values in "flow": ${withdrawn.map((v, k) => `${q(v)} ${k ? 'as' : 'taken as'} ${takenAs(v)}`).join(', ')}${stayed.length ? `, ${stayed.map(q).join(', ')} as not withdrawn` : ''}; give each reason a "label" for the participant flow`);
    }
  }
  // The column read by default ("withdrawal_reason") holding a value that says the patient stayed
  // ("COMPLETED", "Gennemført"): validate refuses it until "flow.notWithdrawn" lists it
  // (withdrawal-status.ts), so the draft lists it, as it does for a status column.
  const defaultIdx = header.indexOf(DEFAULT_WITHDRAWAL_COLUMN);
  if (defaultIdx >= 0) {
    const stayed: string[] = [];
    // Each patient's reason (by id), counted as the flow counts them: by patients, a long reason
    // several patients gave being a code (docs/plan-trial.md#participant-flow).
    const reasonOf = new Map<string, string>();
    for (const r of csv.records) {
      const v = r.cells[defaultIdx];
      if (v === null || v === undefined || skipped(r.cells)) continue;
      const text = nfc(v).trim();
      if (text !== '' && readsAsNotWithdrawn(text) && !stayed.includes(text)) stayed.push(text);
      else if (text !== '') reasonOf.set(idIdx >= 0 ? (r.cells[idIdx] ?? '').trim() : String(r.line), text);
    }
    const free = [...reasonOf.values()].filter(freeTextAmong(reasonOf.values()));
    if (stayed.length) {
      flow.notWithdrawn = stayed;
      out.guesses.push(`withdrawal reason "${DEFAULT_WITHDRAWAL_COLUMN}": ${stayed.map(q).join(', ')} = did not withdraw ("flow.notWithdrawn"); every other value is a reason for leaving the study`);
    }
    // Read without a plan entry, and its values published: said, so nobody leaves it uncleaned as
    // "not used" (docs/plan-trial.md#participant-flow). The free text is counted, never quoted.
    out.readByDefault = DEFAULT_WITHDRAWAL_COLUMN;
    const pooled = free.length ? `; ${free.length} patient${free.length === 1 ? "'s reason reads" : "s' reasons read"} as free text (a CPR or phone number, a date, an e-mail address, or ${FREE_TEXT_MIN_WORDS} words or more in a reason no other patient gave) and ${free.length === 1 ? 'is' : 'are'} counted as "${FREE_TEXT_REASON_LABEL.en}", never printed` : '';
    out.guesses.push(`withdrawal reason "${DEFAULT_WITHDRAWAL_COLUMN}": read by default as the reason each patient left the study — its values are printed in the CONSORT flow under their own names${pooled}; to name them yourself, give each its kind and label in "flow.withdrawalReasons"`);
  }
  if (Object.keys(flow).length) out.flow = flow;
  return out;
}
