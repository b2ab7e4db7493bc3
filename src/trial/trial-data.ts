/** The validated, scored trial: what every analysis reads. */
import type { Instrument, ItemRange, ScoringOptions } from '../instruments/instrument.js';
import type { Plan } from '../plan/plan-schema.js';
import type { Problem } from '../errors.js';
import type { ColumnCoder, RecodeCount } from './value-codes.js';

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
}

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
}

/** Rows left out under `--exclude-invalid` / `"invalidRows": "exclude"`, and why. */
export interface RowExclusion {
  /** Distinct file lines excluded. */
  rows: number;
  /** Every problem found on those lines (no patient ids: see docs/input-trial-export.md). */
  problems: Problem[];
}

export interface TrialData {
  file: string;
  plan: Plan;
  /** Every visit in order: baseline first. */
  times: string[];
  patients: TrialPatient[];
  observations: TrialObservation[];
  sources: OutcomeSource[];
  /** How the export was read, for the record. */
  layout: 'long' | 'wide';
  /** Cells changed by answer and missing-value codes, per column and code (kept rows only). */
  recoded: RecodeCount[];
  /** Rows excluded as invalid; null when the run is strict (the default). */
  excluded: RowExclusion | null;
}

/** Patients randomised per arm. */
export function armCounts(trial: Pick<TrialData, 'patients'>): Record<Arm, number> {
  const n = { intervention: 0, control: 0 };
  for (const p of trial.patients) n[p.arm]++;
  return n;
}
