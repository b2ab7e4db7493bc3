/**
 * The validated, scored trial: what every analysis reads. The kept rows are stored column by
 * column (`rows`: typed arrays, one number per cell) so that a 200 MB export fits in memory;
 * `observations` is the same rows as objects, built on first use. Shape and rules:
 * docs/data-contracts.md.
 */
import type { SpreadsheetDialect } from '../io/write-csv.js';
import type { RoundedScientificCells } from '../io/scientific-number.js';
import type { Instrument, ItemRange, ScoringOptions } from '../instruments/instrument.js';
import type { CheckboxSource } from '../instruments/binary-checkbox.js';
import type { Plan } from '../plan/plan-schema.js';
import type { Problem } from '../errors.js';
import type { ColumnCoder, RecodeCount } from './value-codes.js';
import type { OtherArmCount } from './other-arms.js';
import type { NotRandomisedCount } from './not-randomised.js';
import type { ConsentWithdrawnCount } from './consent-withdrawn.js';
import type { AdverseEventData } from './adverse-events.js';
import type { SpecialMissingCount } from './special-missing.js';
import type { UnreadItemBlock } from './line-item-block.js';
import type { FractionTally } from './fraction-scales.js';

export type Arm = 'intervention' | 'control';
export const ARMS: readonly Arm[] = ['intervention', 'control'];

export interface TrialPatient {
  id: string;
  arm: Arm;
  /** Covariates from the patient's baseline row (or first row with a value). */
  covariates: Record<string, string | number | null>;
  /**
   * Values of the columns the plan's subgroups and target population name, by export column,
   * read like covariates (baseline row wins); absent when the plan names none.
   */
  attributes?: Record<string, string | number | null>;
  /** The reason the patient left the study, as written in the export's withdrawal-reason column; absent when none (docs/input-trial-export.md). */
  withdrawal?: string;
  /** True when the patient's baseline row was left out under --exclude-invalid: they had a baseline (follow-up-only.ts). */
  baselineExcluded?: true;
  /** The visits of the patient's rows left out under --exclude-invalid (a registry counts the patients they cost: docs/observational.md, rule 13). */
  excludedVisits?: string[];
}

/** One kept row as an object (see `TrialData.observations`). */
export interface TrialObservation {
  id: string;
  arm: Arm;
  /** Plan time label. */
  time: string;
  /** Line in the source file, for messages. */
  line: number;
  /** Score per outcome key; null when missing. */
  scores: Record<string, number | null>;
}

export interface OutcomeSource {
  key: string;
  instrument: Instrument;
  /** Scored from item columns, or read from a score column. */
  from: 'items' | 'score';
  columns: string[];
  /** 0-based positions of `columns` in the (long) table, resolved once. */
  columnIndexes: number[];
  /** Allowed answers of each item column (empty when read from a score column), resolved once. */
  itemRanges: ItemRange[];
  /** Scoring options from the plan's outcome (missing items, value set). */
  scoring: ScoringOptions;
  /** Answer / missing-value codes per column of `columns` (undefined: read the cell as is). */
  coders?: (ColumnCoder | undefined)[];
  /** A score column of which some cells were EQ-5D profiles (`11123`), scored with the value set: `hta score` writes their index. */
  profiles?: true;
  /** A yes/no outcome read from a REDCap checkbox option column: when an unticked field is missing (instruments/binary-checkbox.ts). */
  checkbox?: CheckboxSource;
  /**
   * The whole answers 0–30 read in range (bit n for n), items' or the score's: no 0 beside 1…n
   * says a 0–n scale may be exported counted from 1 (trial/one-based-answers.ts).
   */
  answerBits?: number;
  /** A score column on a scale from 0 whose top is 10 or more: its numbers tallied, for fractions of 1 read as scores (trial/fraction-scales.ts). */
  fractions?: FractionTally;
}

/** Rows left out under `--exclude-invalid` / `"invalidRows": "exclude"`, and why. */
export interface RowExclusion {
  /** Distinct file lines excluded. */
  rows: number;
  /** Every problem found on those lines (no patient ids: see docs/input-trial-export.md). */
  problems: Problem[];
  /** The spreadsheet shapes those problems add up to (ids only on first rows, a totals row: export-shape.ts), when any. */
  shapes?: Problem[];
  /**
   * Patients every row of whom was left out, their arm known: still randomised (participant flow,
   * adverse events), with no outcome value. Present when any (docs/input-trial-export.md#bad-rows).
   */
  randomisedWithoutRows?: number;
  /** A registry's (observational plan's) patients every row of whom was left out: in no count or analysis (a wide export's bad lines). Present when any. */
  withoutRows?: number;
}

/**
 * The kept rows, column by column: row i is patient `patients[patient[i]]` at visit
 * `times[time[i]]`, read from file line `line[i]`. loadTrial gives them by patient (the patients in
 * id order), then visit, then line, whatever the file's order (canonical-order.ts).
 */
export interface ObservationColumns {
  readonly length: number;
  /** Line in the source file, for messages. */
  readonly line: Int32Array;
  /** Index into `TrialData.patients`. */
  readonly patient: Int32Array;
  /** Index into `TrialData.times`. */
  readonly time: Uint16Array;
  /** Score per outcome key (every `sources` key, in that order); NaN where missing. */
  readonly scores: Readonly<Record<string, Float64Array>>;
  /**
   * Per outcome key with "notApplicableCodes": 1 where the row's cell said the outcome does not
   * apply (its score is NaN, and it is not missing either: docs/plan-trial.md#not-applicable).
   */
  readonly notApplicable?: Readonly<Record<string, Uint8Array>>;
}

export interface TrialData {
  file: string;
  plan: Plan;
  /** Every visit in order: baseline first. */
  times: string[];
  patients: TrialPatient[];
  /** The kept rows as typed-array columns: what code that must scale to large exports reads. */
  rows: ObservationColumns;
  /**
   * The kept rows as objects (scores null where missing), built from `rows` on first access and
   * then kept: convenient, but ≈ 150 bytes per row — large-export paths read `rows`.
   */
  observations: TrialObservation[];
  sources: OutcomeSource[];
  /** How the export was read, for the record. */
  layout: 'long' | 'wide';
  /** Cells changed by answer and missing-value codes, per column and code (kept rows only). */
  recoded: RecodeCount[];
  /**
   * Per outcome key: the cells of its columns in the kept rows that held a value before the codes
   * were applied — a visit where the outcome was never collected counts none (word-missing-codes.ts).
   * Absent on data not read from an export by loadTrial.
   */
  filledCells?: Record<string, number>;
  /** Rows excluded as invalid; null when the run is strict (the default). */
  excluded: RowExclusion | null;
  /** Rows read past because they belong to no visit (REDCap repeating instruments), the distinct patients they belong to, and why. */
  passedOver?: { rows: number; patients: number; why: string; instruments: string[] };
  /** Rows of the visits the plan's "ignoreTimepoints" reads past (an unscheduled visit), the distinct patients they belong to, and those visits as the export writes them. */
  ignoredVisits?: { rows: number; patients: number; visits: string[] };
  /** CDISC ADaM's derived rows (DTYPE: LOCF…) the plan's "derivedRows": "leave-out" reads past: their count, the column and each value's count (adam-derived-rows.ts). */
  derivedRows?: { rows: number; column: string; values: [string, number][] };
  /** The plan's `otherArms` with their patients and rows: randomised, passed over, not compared (other-arms.ts). */
  otherArms?: OtherArmCount[];
  /** Participants with no arm on any row, passed over as never randomised (present when the plan's "flow.notRandomised" is set; not-randomised.ts). */
  notRandomised?: NotRandomisedCount;
  /** Patients who withdrew consent, their rows taken out before reading (present when the plan names "columns.consentWithdrawn"; consent-withdrawn.ts). */
  consentWithdrawn?: ConsentWithdrawnCount;
  /** Their patient keys (consent-withdrawn.ts consentKey), so a listing of adverse events passes their rows over too; never printed. */
  consentWithdrawnIds?: ReadonlySet<string>;
  /** The events of the plan's "adverseEvents", each with its patient and arm (adverse-events.ts). */
  adverseEvents?: AdverseEventData;
  /**
   * Every id of the export's rows (idKey), compared or not, when the plan names an event listing:
   * a listing row whose id is none of them is an event of no known patient, refused (adverse-events.ts).
   */
  exportIdKeys?: ReadonlySet<string>;
  /** The withdrawal-reason column, when the export has one (the patients' `withdrawal`). */
  withdrawalColumn?: string;
  /** How the export was read: its encoding when not UTF-8 (io/encoding-note.ts), plan columns read from a header name written differently (case, spaces, Unicode form). Notes for stderr, never part of results. */
  readNotes?: string[];
  /** The note that the ids look like CPR numbers (also in `readNotes`), for outputs that print no other read note (`hta report`). */
  idNote?: string;
  /** Withdrawal reasons read as free text, pooled in the flow (docs/plan-trial.md#participant-flow): also in readNotes; `hta report` says it on stderr. */
  freeTextNote?: string;
  /** The notes that category values differing only in case were read as one (also in `readNotes`): they change the levels analysed, so `analyze --json` lists them in `warnings` and `hta report` prints them. */
  spellingNotes?: string[];
  /** The notes that REDCap checkbox answers were read as missing (also in `readNotes`): they change the patients analysed, so `analyze --json` lists them in `warnings` and `hta report` prints them. */
  checkboxNotes?: string[];
  /** The cells written as SAS/Stata special missing values or Castor EDC user-missing codes, read as missing (special-missing.ts): said on stderr and the page. */
  specialMissing?: SpecialMissingCount[];
  /** A wide export's item blocks with no visit in their names beside outcomes read from their scores, read at no visit (line-item-block.ts): said on stderr and the page. */
  unreadItemBlocks?: UnreadItemBlock[];
  /** Columns whose cells Excel's "Scientific" format rounded (`4.91E+05`), read as written (trial/scientific-cells.ts): said on stderr and the page. */
  roundedScientific?: RoundedScientificCells[];
  /** The file's decimal mark as the reader read its cells (io/decimal-mark.ts): true for the comma. Plan codes that read both ways are read with it. Absent on data not read from an export. */
  decimalComma?: boolean;
  /** The export's encoding when it is not UTF-8 (read decoded: io/read-csv.ts), for the results' record. */
  encoding?: 'windows-1252' | 'utf-16le' | 'utf-16be';
  /** How the export was written (separator, line ends, BOM), for the `--excluded-out` list the user opens beside it (io/write-csv.ts). Absent on data not read from an export. */
  exportDialect?: SpreadsheetDialect;
}

/** Patients randomised per arm. */
export function armCounts(trial: Pick<TrialData, 'patients'>): Record<Arm, number> {
  const n = { intervention: 0, control: 0 };
  for (const p of trial.patients) n[p.arm]++;
  return n;
}

/** The visits that have rows, in the order their first row comes among the rows. */
export function timesInRows(trial: Pick<TrialData, 'rows' | 'times'>): string[] {
  const order: number[] = [];
  const met = new Uint8Array(trial.times.length);
  const time = trial.rows.time;
  for (let i = 0; i < trial.rows.length && order.length < met.length; i++) {
    const t = time[i]!;
    if (!met[t]) {
      met[t] = 1;
      order.push(t);
    }
  }
  return [...new Set(order.map((t) => trial.times[t]!))];
}

/** Score of row `i` for outcome `key`; null when missing (or the outcome is not in the trial). */
export function scoreAt(rows: ObservationColumns, key: string, i: number): number | null {
  const v = rows.scores[key]?.[i];
  return v === undefined || Number.isNaN(v) ? null : v;
}

/**
 * A TrialData from its columns, with `observations` materialised lazily from them (an
 * enumerable property, so `{ ...trial }` copies the rows as objects). The objects follow the
 * patients and times given here: derive a trial with other patients by `withPatients`, not by
 * replacing `patients` alone.
 */
export function trialData(fields: Omit<TrialData, 'observations'>): TrialData {
  const trial = { ...fields } as TrialData;
  const { patients, times, rows, sources } = fields;
  const keys = sources.map((s) => s.key);
  Object.defineProperty(trial, 'observations', {
    enumerable: true,
    configurable: true,
    get(this: TrialData) {
      const list: TrialObservation[] = new Array(rows.length);
      for (let i = 0; i < rows.length; i++) {
        const p = patients[rows.patient[i]!]!;
        const scores: Record<string, number | null> = {};
        for (const k of keys) scores[k] = scoreAt(rows, k, i);
        list[i] = { id: p.id, arm: p.arm, time: times[rows.time[i]!]!, line: rows.line[i]!, scores };
      }
      Object.defineProperty(this, 'observations', { value: list, writable: true, enumerable: true, configurable: true });
      return list;
    },
    set(this: TrialData, value: TrialObservation[]) {
      Object.defineProperty(this, 'observations', { value, writable: true, enumerable: true, configurable: true });
    },
  });
  return trial;
}

/** The trial restricted to `keep` (a subset of its patients, in its order) and their rows. */
export function withPatients(trial: TrialData, keep: readonly TrialPatient[]): TrialData {
  const newIndex = new Int32Array(trial.patients.length).fill(-1);
  const kept = new Set(keep);
  const patients: TrialPatient[] = [];
  trial.patients.forEach((p, i) => {
    if (kept.has(p)) newIndex[i] = patients.push(p) - 1;
  });
  const rows = trial.rows;
  const pick: number[] = [];
  for (let i = 0; i < rows.length; i++) if (newIndex[rows.patient[i]!]! >= 0) pick.push(i);
  const take = <A extends Int32Array | Uint16Array | Float64Array | Uint8Array>(a: A, make: (n: number) => A): A => {
    const out = make(pick.length);
    pick.forEach((i, k) => (out[k] = a[i]!));
    return out;
  };
  const scores: Record<string, Float64Array> = {};
  for (const [key, col] of Object.entries(rows.scores)) scores[key] = take(col, (n) => new Float64Array(n));
  const notApplicable: Record<string, Uint8Array> = {};
  for (const [key, col] of Object.entries(rows.notApplicable ?? {})) notApplicable[key] = take(col, (n) => new Uint8Array(n));
  const patient = take(rows.patient, (n) => new Int32Array(n));
  for (let k = 0; k < patient.length; k++) patient[k] = newIndex[patient[k]!]!;
  // Every other field as it is (read without touching the lazy `observations`).
  const base = Object.fromEntries(
    Object.entries(Object.getOwnPropertyDescriptors(trial))
      .filter(([k]) => k !== 'observations')
      .map(([k, d]) => [k, d.value]),
  ) as Omit<TrialData, 'observations'>;
  return trialData({
    ...base,
    patients,
    rows: { length: pick.length, line: take(rows.line, (n) => new Int32Array(n)), patient, time: take(rows.time, (n) => new Uint16Array(n)), scores, ...(rows.notApplicable ? { notApplicable } : {}) },
  });
}

/**
 * The trial without its patients who have no row — every row left out as invalid: they stay
 * randomised (the flow, the adverse events' denominators) but are in no analysis
 * (docs/input-trial-export.md#bad-rows). The trial itself when there are none.
 */
export function withObservedPatients(trial: TrialData): TrialData {
  if (!trial.excluded?.randomisedWithoutRows) return trial;
  const observed = new Uint8Array(trial.patients.length);
  for (let i = 0; i < trial.rows.length; i++) observed[trial.rows.patient[i]!] = 1;
  return withPatients(trial, trial.patients.filter((_, k) => observed[k] === 1));
}

/**
 * A TrialData from rows given as objects (tests, small hand-built trials): the columns are
 * built from them. Every observation's id must be one of `patients`.
 */
export function trialFromObservations(fields: Omit<TrialData, 'observations' | 'rows'> & { observations: readonly TrialObservation[] }): TrialData {
  const { observations, ...rest } = fields;
  const patientIndex = new Map(fields.patients.map((p, i) => [p.id, i]));
  const timeIndex = new Map(fields.times.map((t, i) => [t, i]));
  const n = observations.length;
  const rows = { length: n, line: new Int32Array(n), patient: new Int32Array(n), time: new Uint16Array(n), scores: {} as Record<string, Float64Array> };
  for (const s of fields.sources) rows.scores[s.key] = new Float64Array(n);
  observations.forEach((o, i) => {
    const p = patientIndex.get(o.id);
    const t = timeIndex.get(o.time);
    if (p === undefined || t === undefined) throw new Error(`trialFromObservations: row ${i} names an unknown patient or visit`);
    rows.line[i] = o.line;
    rows.patient[i] = p;
    rows.time[i] = t;
    for (const s of fields.sources) rows.scores[s.key]![i] = o.scores[s.key] ?? NaN;
  });
  return trialData({ ...rest, rows });
}
