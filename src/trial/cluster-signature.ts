/**
 * The signature of a cluster-randomised trial in an export: a column whose every value lies
 * wholly in one arm (a practice's patients all in the intervention arm, another's all in control),
 * with values in both arms, at least 2 per arm and on average at least 2 patients per value.
 * Analysed as if each patient had been randomised, such a trial gets confidence intervals that
 * are too narrow (patients of one practice are alike), so validate and analyze refuse it until
 * the plan says which column is the unit randomised ("clusters") or that it is none
 * ("notClusters"): docs/plan-trial.md#cluster-randomised-trials.
 *
 * Nearly so counts too: one patient recorded in the other arm (a crossover, a slip at data entry)
 * must not turn a practice-randomised trial into an individually randomised one. A column whose
 * values each hold a clear majority in one arm, with at most 10 % of its patients in their value's
 * other arm, is the near signature when so lopsided a split per value would come about by chance,
 * each patient randomised on their own, less than once in a million (arm-split-chance.ts; the rule
 * and its false-alarm rate: docs/plan-trial.md#cluster-randomised-trials).
 *
 * A site column of an individually randomised trial has both arms at (nearly) every site and never
 * matches; nor does a column that changes within a patient (a visit's value), one holding
 * decimals or dates (a measurement, not a code), one with one value per patient, or one filled in
 * for fewer than 90 % of the patients (a comment column, not a unit every patient belongs to). A column of
 * whole numbers is read as codes only when its name says it holds groups (`klynge`, `ydernr`,
 * `praksis_id`: place-covariates.ts) or the plan declares it "categorical": an age in years is
 * a quantity, and a synthetic export can give each age one arm.
 */
import { parseNumber } from '../io/parse-number.js';
import type { Arm } from './trial-data.js';
import { logFisherCombined, logLopsidedChance } from './arm-split-chance.js';

/** A column read as the cluster signature, with its counts. */
export interface ClusterSignature {
  column: string;
  /** Distinct values per arm. */
  levels: Record<Arm, number>;
  /** Patients per value: smallest and largest. */
  patients: { min: number; max: number };
  /**
   * Set when the signature is near, not whole: `levels` counts each value in its majority arm,
   * `wholly` the values wholly in one arm, `others` the values with patients in their other arm
   * (largest first), `chance` the combined chance of so lopsided a split under individual randomisation.
   */
  near?: { wholly: number; others: { value: string; patients: number; of: number }[]; chance: number };
}

/** At least this many values in each arm, and this many patients per value on average. */
const MIN_LEVELS_PER_ARM = 2;
const MIN_MEAN_PATIENTS = 2;
/**
 * A unit randomised is known for (nearly) every patient; a free-text column filled in for a few
 * (a `kommentar` on 8 of 60 patients) can split by arm by chance and is no design.
 */
const MIN_SHARE_FILLED = 0.9;
/** Near signature: at most this share of the column's patients in their value's other arm… */
const MAX_SHARE_OTHER_ARM = 0.1;
/**
 * A column is given up once, after this many patients, more than this share of them are in their
 * value's other arm: 3 times the near signature's 10 %, so an order of rows that puts the other
 * arm's patients first still keeps a column that would end within it.
 */
const SURE_AFTER = 100;
const MIXED_FOR_SURE = 0.3;
/** …and so lopsided a split by chance, under individual randomisation, at most this often (its false-alarm rate). */
export const NEAR_SIGNATURE_CHANCE = 1e-6;

/** A date or time (`2023-01-05`, `05.01.2023`, `5/1/23 14:00`): a patient's own, never a unit. */
const DATE_LIKE = /^\d{1,4}[-./]\d{1,2}[-./]\d{1,4}/;
/** A number with decimals: a measurement, never a code of a unit. */
const DECIMAL = /^[-+]?\d*[.,]\d*[1-9]\d*$/;

/** One candidate column, followed over the rows. */
interface Candidate {
  column: string;
  /** Patient index → its value (first met). */
  valueOf: Map<number, string>;
  /** Value → its patients in each arm. */
  split: Map<string, Record<Arm, number>>;
  /** Patients in their value's smaller arm so far (Σ per value of min(intervention, control)). */
  inOtherArm: number;
  /** Out once a value changes within a patient, or is no code, or its values are clearly mixed. */
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
    this.#candidates = columns.map((column) => ({ column, valueOf: new Map(), split: new Map(), inOtherArm: 0, out: false, codes: codes(column), numbers: true }));
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
    let split = c.split.get(value);
    if (split === undefined) c.split.set(value, (split = { intervention: 0, control: 0 }));
    const before = Math.min(split.intervention, split.control);
    split[arm]++;
    c.inOtherArm += Math.min(split.intervention, split.control) - before;
    // A column whose patients are this often in their value's other arm (a site of an individually
    // randomised trial) will show no signature, near or whole: no longer followed, so its cells
    // need not be read (the whole signature's columns closed at their first value in both arms).
    if (c.valueOf.size >= SURE_AFTER && c.inOtherArm > MIXED_FOR_SURE * c.valueOf.size) c.out = true;
  }

  /** `patientsRead`: every patient of the rows followed, with or without a value in the column. */
  signatures(patientsRead: number): ClusterSignature[] {
    const found: ClusterSignature[] = [];
    for (const c of this.#candidates) {
      if (c.out || c.split.size === 0 || (c.numbers && !c.codes)) continue;
      if (c.valueOf.size < MIN_SHARE_FILLED * patientsRead) continue;
      const splits = [...c.split.values()];
      // Each value in its majority arm; a value split evenly has none, and the column is no signature.
      if (splits.some((s) => s.intervention === s.control)) continue;
      const levels: Record<Arm, number> = { intervention: 0, control: 0 };
      for (const s of splits) levels[s.intervention > s.control ? 'intervention' : 'control']++;
      if (levels.intervention < MIN_LEVELS_PER_ARM || levels.control < MIN_LEVELS_PER_ARM) continue;
      const counts = splits.map((s) => s.intervention + s.control);
      if (c.valueOf.size / counts.length < MIN_MEAN_PATIENTS) continue;
      const patients = { min: Math.min(...counts), max: Math.max(...counts) };
      const others = [...c.split].flatMap(([value, s]) => {
        const other = Math.min(s.intervention, s.control);
        return other > 0 ? [{ value, patients: other, of: s.intervention + s.control }] : [];
      });
      if (!others.length) {
        found.push({ column: c.column, levels, patients });
        continue;
      }
      const inOther = others.reduce((a, o) => a + o.patients, 0);
      if (inOther > MAX_SHARE_OTHER_ARM * c.valueOf.size) continue;
      const p = splits.reduce((a, s) => a + s.intervention, 0) / c.valueOf.size;
      const chance = Math.exp(logFisherCombined(splits.map((s) => logLopsidedChance(s.intervention + s.control, Math.min(s.intervention, s.control), p))));
      if (!(chance < NEAR_SIGNATURE_CHANCE)) continue;
      // Largest first, then by value as written (code point: the same order on every machine).
      others.sort((a, b) => b.patients - a.patients || (a.value < b.value ? -1 : a.value > b.value ? 1 : 0));
      found.push({ column: c.column, levels, patients, near: { wholly: splits.length - others.length, others, chance } });
    }
    return found;
  }
}

/** What the refusal expects of one column: its counts, why, and the two ways on. */
export function clusterSignatureText(s: ClusterSignature): string {
  const total = s.levels.intervention + s.levels.control;
  const size = s.patients.min === s.patients.max ? `${s.patients.min}` : `${s.patients.min}–${s.patients.max}`;
  if (s.near) return nearSignatureText(s, s.near, total, size);
  return (
    `the plan to say whether "${s.column}" is the unit randomised: its ${total} values each lie wholly in one arm (${s.levels.intervention} in the intervention arm, ${s.levels.control} in control; ${size} patients each), ` +
    'the signature of a cluster-randomised trial (whole practices or wards randomised). Analysed as if each patient had been randomised, ' +
    'its confidence intervals would be too narrow and its p-values too small, since patients of one group are alike. ' +
    `If it is the unit randomised, write "clusters": "${s.column}" (cluster-robust standard errors); ` +
    `if not (e.g. therapists who each treat one arm of an individually randomised trial), write "notClusters": ["${s.column}"] (docs/plan-trial.md#cluster-randomised-trials)`
  );
}

/** The three values with most patients in their other arm are named, and how many more there are. */
const OTHERS_NAMED = 3;

/** The refusal of a near signature: how near, how unlikely by chance, and the two ways on. */
function nearSignatureText(s: ClusterSignature, near: NonNullable<ClusterSignature['near']>, total: number, size: string): string {
  const named = near.others.slice(0, OTHERS_NAMED).map((o, i) => `${o.patients}${i === 0 ? (o.patients === 1 ? ' patient' : ' patients') : ''} of '${o.value}' (${o.of} patients)`);
  const more = near.others.length > OTHERS_NAMED ? ` and ${near.others.length - OTHERS_NAMED} more values` : '';
  const inOther = near.others.reduce((a, o) => a + o.patients, 0);
  return (
    `the plan to say whether "${s.column}" is the unit randomised: ${near.wholly} of its ${total} values lie wholly in one arm; ${named.join(', ')}${more} in the other arm ` +
    `(${s.levels.intervention} values mostly in the intervention arm, ${s.levels.control} in control; ${size} patients each). ` +
    `Had each patient been randomised on their own, so lopsided a split would come about by chance less than once in a million (${near.chance.toPrecision(2)}): ` +
    'the signature of a cluster-randomised trial, with ' + (inOther === 1 ? 'one patient' : `${inOther} patients`) + ' recorded in the other arm (a crossover, or a slip at data entry). ' +
    'Analysed as if each patient had been randomised, its confidence intervals would be too narrow and its p-values too small. ' +
    `If it is the unit randomised, write "clusters": "${s.column}" (cluster-robust standard errors; check the arm of the patients named, which are analysed in the arm recorded); ` +
    `if not, write "notClusters": ["${s.column}"] (docs/plan-trial.md#cluster-randomised-trials)`
  );
}
