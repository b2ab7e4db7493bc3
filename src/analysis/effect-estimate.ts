import type { EffectRow } from './results-schema.js';

/**
 * What every method computes for one effect row before judgement: the difference
 * (intervention − control), its interval and test, and method-specific fields in `extra`.
 */
export interface EffectEstimate {
  n: EffectRow['n'];
  difference: number;
  se: number | null;
  df: number | null;
  ciLower: number;
  ciUpper: number;
  confLevel: number;
  ciMethod: string;
  /** Null when the method's test has no value (a binary row without contrast: docs/data-contracts.md#effect-rows). */
  pValue: number | null;
  extra: Partial<EffectRow>;
}
