/**
 * Arms of the export that the plan does not compare (docs/plan-trial.md#other-arms): a three-arm
 * trial analysed two arms at a time. A row of such an arm is neither a problem nor analysed; its
 * patients are counted (distinct ids), for the participant flow's randomised total and its
 * "not in this comparison" allocation, and named in the report's methods. Values are matched as
 * the plan's arms are (arm-spellings.ts): NFC, case, blanks, SPSS's zero decimals. Patients are
 * told apart by their id's key (patient-ids.ts idKey), as the compared arms' are: `sb-041` beside
 * `SB-041` is one patient written two ways, which the reader refuses, never two patients.
 */
import type { Plan } from '../plan/plan-schema.js';
import { nfc } from '../io/nfc.js';
import { looseArmKey } from './arm-spellings.js';
import { idKey } from './patient-ids.js';

export interface OtherArm {
  value: string;
  label?: { en: string; da?: string };
}

/** The counted arm, as TrialData and results.json keep it. */
export interface OtherArmCount extends OtherArm {
  /** Patients (distinct ids) with a row of this arm. */
  patients: number;
  /** Lines of the export read as this arm, passed over. */
  rows: number;
}

/** A patient of another arm as first met: the arm's index, the id as written and its line. */
export interface OtherArmPatient {
  arm: number;
  id: string;
  line: number;
}

/** The plan's `otherArms` as objects, values in NFC. */
export function otherArmsOf(plan: Pick<Plan, 'otherArms'>): OtherArm[] {
  return (plan.otherArms ?? []).map((a) => (typeof a === 'string' ? { value: nfc(a) } : { value: nfc(a.value), ...(a.label ? { label: a.label } : {}) }));
}

/** The arm's name in a report: its label (Danish falling back to English), else the value as written. */
export function otherArmName(arm: OtherArm, lang: 'en' | 'da'): string {
  return (lang === 'da' ? (arm.label?.da ?? arm.label?.en) : arm.label?.en) ?? arm.value;
}

/** The counted arm as results.json and `hta validate --json` give it: the value, its name in both languages, its patients. */
export function otherArmJson(arm: OtherArmCount): { value: string; label: { en: string; da: string }; patients: number } {
  return { value: arm.value, label: { en: otherArmName(arm, 'en'), da: otherArmName(arm, 'da') }, patients: arm.patients };
}

/** Reads the export's arm cells against the plan's other arms and counts their patients and rows. */
export class OtherArms {
  readonly #arms: OtherArm[];
  readonly #byKey = new Map<string, number>();
  readonly #ids: Set<string>[];
  readonly #lines: Set<number>[];
  /** Each id's key met on a row of another arm: that arm's index, and the id and line it was first met as. */
  readonly #met = new Map<string, OtherArmPatient>();

  constructor(plan: Pick<Plan, 'otherArms'>) {
    this.#arms = otherArmsOf(plan);
    this.#arms.forEach((a, i) => {
      this.#byKey.set(a.value, i);
      if (!this.#byKey.has(looseArmKey(a.value))) this.#byKey.set(looseArmKey(a.value), i);
    });
    this.#ids = this.#arms.map(() => new Set());
    this.#lines = this.#arms.map(() => new Set());
  }

  get any(): boolean {
    return this.#arms.length > 0;
  }

  /** The index of the other arm `value` names, or undefined. */
  indexOf(value: string): number | undefined {
    return this.#byKey.get(nfc(value)) ?? this.#byKey.get(looseArmKey(value));
  }

  /** The patient `id` (or its id written another way) as first met in another arm, or undefined. */
  metAs(id: string): OtherArmPatient | undefined {
    return this.#met.get(idKey(id));
  }

  /** The plan's value of arm `k`. */
  value(k: number): string {
    return this.#arms[k]!.value;
  }

  /** Counts a row of arm `k` for patient `id` on file line `line` (a wide line's visits are one row). */
  count(k: number, id: string, line: number): void {
    const key = idKey(id);
    this.#ids[k]!.add(key);
    if (!this.#met.has(key)) this.#met.set(key, { arm: k, id, line });
    this.#lines[k]!.add(line);
  }

  /** Every other arm of the plan with its counts (0 when the export has none of it), in the plan's order. */
  counts(): OtherArmCount[] {
    return this.#arms.map((a, k) => ({ ...a, patients: this.#ids[k]!.size, rows: this.#lines[k]!.size }));
  }
}

/**
 * Patients randomised: those of the two arms compared and of every arm not compared (they were
 * randomised too: the participant flow, its enrolment check and the CONSORT boxes count them).
 */
export function randomisedTotal(compared: { intervention: number; control: number }, others: readonly { patients: number }[] = [], consentWithdrawn = 0): number {
  // Patients who withdrew consent were randomised too, their data not used (consent-withdrawn.ts).
  return compared.intervention + compared.control + others.reduce((s, a) => s + a.patients, 0) + consentWithdrawn;
}

/**
 * The words after "as in the plan's "arms"" for an arm value of neither list when the plan has no
 * "otherArms": a third arm of the trial is listed there, not left out with --exclude-invalid,
 * which would drop its randomised patients from the participant flow (docs/plan-trial.md#other-arms).
 */
export function otherArmsHint(value: string): string {
  return `, or an arm the plan does not compare, listed in its "otherArms" — if ${JSON.stringify(value)} is a third arm of the trial, add "otherArms": [${JSON.stringify(value)}] to the plan (its patients are then counted as randomised, not analysed; --exclude-invalid would leave them out of the participant flow)`;
}
