/**
 * The signature of a cluster-randomised trial in an export: a column whose every value lies
 * wholly in one arm (a practice's patients all in the intervention arm, another's all in control),
 * with values in both arms, at least 2 per arm and on average at least 2 patients per value.
 * Analysed as if each patient had been randomised, such a trial gets confidence intervals that
 * are too narrow (patients of one practice are alike), so validate and analyze refuse it until
 * the plan says which column is the unit randomised ("clusters") or that it is none
 * ("notClusters"): docs/plan-trial.md#cluster-randomised-trials.
 *
 * A site column of an individually randomised trial has both arms at every site and never
 * matches; nor does a column that changes within a patient (a visit's value), one holding
 * decimals or dates (a measurement, not a code), one with one value per patient, or one filled in
 * for fewer than 90 % of the patients (a comment column, not a unit every patient belongs to). A column of
 * whole numbers is read as codes only when its name says it holds groups (`klynge`, `ydernr`,
 * `praksis_id`: place-covariates.ts) or the plan declares it "categorical": an age in years is
 * a quantity, and a synthetic export can give each age one arm.
 */
import { parseNumber } from '../io/parse-number.js';
import type { Arm } from './trial-data.js';

/** A column read as the cluster signature, with its counts. */
export interface ClusterSignature {
  column: string;
  /** Distinct values per arm. */
  levels: Record<Arm, number>;
  /** Patients per value: smallest and largest. */
  patients: { min: number; max: number };
}

/** At least this many values in each arm, and this many patients per value on average. */
const MIN_LEVELS_PER_ARM = 2;
const MIN_MEAN_PATIENTS = 2;
/**
 * A unit randomised is known for (nearly) every patient; a free-text column filled in for a few
 * (a `kommentar` on 8 of 60 patients) can split by arm by chance and is no design.
 */
const MIN_SHARE_FILLED = 0.9;

/** A date or time (`2023-01-05`, `05.01.2023`, `5/1/23 14:00`): a patient's own, never a unit. */
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;
/** A number with decimals: a measurement, never a code of a unit. */
const DECIMAL = /^[-+]?\d*[.,]\d*[1-9]\d*$/;

/** One candidate column, followed over the rows. */
interface Candidate {
  column: string;
  /** Patient index → its value (first met). */
  valueOf: Map<number, string>;
  /** Value → the arm of its patients (a value met in both arms puts the column out). */
  armOf: Map<string, Arm>;
  /** Value → its patients. */
  count: Map<string, number>;
  /** Out once a value is in both arms, changes within a patient, or is no code. */
  out: boolean;
  /** Whether its name or the plan says its values are codes (so whole numbers count). */
  codes: boolean;
  /** Whether every value so far is a whole number without leading zeros (`7`, not `07`). */
  numbers: boolean;
}

/**
 * A whole number as a quantity is written: no leading zero (`07` is a code), and possibly a zero
 * fraction (`67.0`: pandas writes an integer column with a missing value as floats).
 */
const WHOLE = /^[-+]?(0|[1-9]\d*)([.,]0+)?$/;

/**
 * Follows `columns` over the rows: `see(column index, patient, arm, text)` per non-empty cell,
 * then `signatures()` lists those showing the signature. Patients are any stable index (the
 * loader's id index); one instance serves one pass over the export.
 */
export class ClusterColumns {
  readonly #candidates: Candidate[];

  readonly #decimalComma: boolean;

  /**
   * `codes(column)`: whether the column's name or the plan says it holds codes of groups.
   * `decimalComma`: the file's decimal mark, so that a number is one value however it is written
   * (`"31,000.00"` and `31000.00` are one income, read as the reader reads them: io/parse-number.ts).
   */
  constructor(columns: readonly string[], codes: (column: string) => boolean, decimalComma = false) {
    this.#decimalComma = decimalComma;
    this.#candidates = columns.map((column) => ({ column, valueOf: new Map(), armOf: new Map(), count: new Map(), out: false, codes: codes(column), numbers: true }));
  }

  /** Whether column `k` is still followed (a caller may skip reading its cell otherwise). */
  open(k: number): boolean {
    return !this.#candidates[k]!.out;
  }

  see(k: number, patient: number, arm: Arm, text: string): void {
    const c = this.#candidates[k]!;
    if (c.out) return;
    let value = text.trim();
    if (value === '') return;
    // A number as the trial reads it (thousands separators, a zero fraction): one value however
    // it is written, and a measurement when it has decimals. A leading zero (`07`) keeps a code
    // as written, and so does a letter (`1E3`).
    if (!/^[-+]?0\d|[eE]/.test(value) && !DATE_LIKE.test(value)) {
      const n = parseNumber(value, this.#decimalComma);
      if (n !== undefined) {
        if (!Number.isInteger(n)) {
          c.out = true;
          return;
        }
        value = String(n);
      }
    }
    const earlier = c.valueOf.get(patient);
    if (earlier !== undefined) {
      if (earlier !== value) c.out = true;
      return;
    }
    if (DATE_LIKE.test(value) || DECIMAL.test(value)) {
      c.out = true;
      return;
    }
    if (c.numbers && !WHOLE.test(value)) c.numbers = false;
    c.valueOf.set(patient, value);
    const had = c.armOf.get(value);
    if (had !== undefined && had !== arm) {
      c.out = true;
      return;
    }
    c.armOf.set(value, arm);
    c.count.set(value, (c.count.get(value) ?? 0) + 1);
  }

  /** `patientsRead`: every patient of the rows followed, with or without a value in the column. */
  signatures(patientsRead: number): ClusterSignature[] {
    const found: ClusterSignature[] = [];
    for (const c of this.#candidates) {
      if (c.out || c.count.size === 0 || (c.numbers && !c.codes)) continue;
      if (c.valueOf.size < MIN_SHARE_FILLED * patientsRead) continue;
      const levels: Record<Arm, number> = { intervention: 0, control: 0 };
      for (const arm of c.armOf.values()) levels[arm]++;
      if (levels.intervention < MIN_LEVELS_PER_ARM || levels.control < MIN_LEVELS_PER_ARM) continue;
      const counts = [...c.count.values()];
      if (c.valueOf.size / counts.length < MIN_MEAN_PATIENTS) continue;
      found.push({ column: c.column, levels, patients: { min: Math.min(...counts), max: Math.max(...counts) } });
    }
    return found;
  }
}

/** What the refusal expects of one column: its counts, why, and the two ways on. */
export function clusterSignatureText(s: ClusterSignature): string {
  const total = s.levels.intervention + s.levels.control;
  const size = s.patients.min === s.patients.max ? `${s.patients.min}` : `${s.patients.min}–${s.patients.max}`;
  return (
    `the plan to say whether "${s.column}" is the unit randomised: its ${total} values each lie wholly in one arm (${s.levels.intervention} in the intervention arm, ${s.levels.control} in control; ${size} patients each), ` +
    'the signature of a cluster-randomised trial (whole practices or wards randomised). Analysed as if each patient had been randomised, ' +
    'its confidence intervals would be too narrow and its p-values too small, since patients of one group are alike. ' +
    `If it is the unit randomised, write "clusters": "${s.column}" (cluster-robust standard errors); ` +
    `if not (e.g. therapists who each treat one arm of an individually randomised trial), write "notClusters": ["${s.column}"] (docs/plan-trial.md#cluster-randomised-trials)`
  );
}
