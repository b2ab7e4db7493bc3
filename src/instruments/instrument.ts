/**
 * What every instrument declares. One file per instrument implements this; `registry.ts`
 * lists them by key. Scoring functions are pure: items in, score (or null = missing) out.
 */
export type Direction = 'lower-is-better' | 'higher-is-better';

export interface Localized {
  en: string;
  da: string;
}

/** A default minimal clinically important difference with where it comes from. */
export interface DefaultMcid {
  /** Absolute MCID in the instrument's units (used for between-group judgements). */
  absolute?: number;
  /** Relative MCID in percent of the baseline value (used for responder definitions). */
  percent?: number;
  /** Citation, e.g. "Ostelo et al. 2008, Spine 33:90-94". */
  source: string;
}

export interface ScoringOptions {
  /** Items that may be missing before the score is missing; the score is then prorated. */
  maxMissingItems?: number;
  /** Value-set id for preference-based instruments (EQ-5D), e.g. "dk-5l-2021". */
  valueSet?: string;
}

export interface InstrumentItems {
  /** Item column names given the outcome's column prefix, e.g. rmdq → rmdq_1 … rmdq_24. */
  columns(prefix: string): string[];
  /** Allowed item values (inclusive), checked during validation. */
  min: number;
  max: number;
}

export interface Instrument {
  key: string;
  name: Localized;
  /** Unit of the score, e.g. { en: 'points', da: 'point' }. */
  unit: Localized;
  kind: 'continuous' | 'binary';
  /** Inclusive score range. */
  range: [number, number];
  /** Scores must be whole numbers (e.g. NRS, RMDQ) when true. */
  integer: boolean;
  direction: Direction;
  defaultMcid?: DefaultMcid;
  /** Present when the score can be computed from item answers. */
  items?: InstrumentItems;
  /** Score from items in column order; null when too many are missing. */
  score?(items: readonly (number | null)[], options?: ScoringOptions): number | null;
}
