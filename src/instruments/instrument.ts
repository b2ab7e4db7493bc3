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

/** Allowed answers for one item. */
export interface ItemRange {
  /** Inclusive bounds. */
  min: number;
  max: number;
  /** Answers must be whole numbers. */
  integer?: boolean;
  /** When present, only these answers are allowed (e.g. WAI item 6 takes 1, 4 or 7). */
  values?: readonly number[];
}

export interface InstrumentItems {
  /** Item column names given the outcome's column prefix, e.g. rmdq → rmdq_1 … rmdq_24. */
  columns(prefix: string): string[];
  /** Allowed item values (inclusive), checked during validation; the envelope when `ranges` is set. */
  min: number;
  max: number;
  /** All items are whole numbers (unless `ranges` says otherwise per item). */
  integer?: boolean;
  /**
   * Per-item ranges in column order, for instruments whose items differ (WAI). Overrides
   * `min`/`max`/`integer` for that item; read them through `itemRangeOf`.
   */
  ranges?: readonly ItemRange[];
}

/** The allowed answers for item `index` (0-based, column order). */
export function itemRangeOf(items: InstrumentItems, index: number): ItemRange {
  const own = items.ranges?.[index];
  if (own) return own;
  return items.integer === undefined
    ? { min: items.min, max: items.max }
    : { min: items.min, max: items.max, integer: items.integer };
}

/** True when `value` is an allowed answer for `range`. */
export function isAllowedItemValue(range: ItemRange, value: number): boolean {
  if (!Number.isFinite(value) || value < range.min || value > range.max) return false;
  if (range.integer && !Number.isInteger(value)) return false;
  return range.values === undefined || range.values.includes(value);
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
