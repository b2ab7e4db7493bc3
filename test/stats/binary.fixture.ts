import { readFileSync } from 'node:fs';

export interface RatioNumbers { logRatio: number; logVariance: number; logCiLower: number; logCiUpper: number; statistic: number; pValue: number }
export interface BinaryCase {
  x1: number; n1: number; x2: number; n2: number; confLevel: number;
  difference: number; ciLower: number; ciUpper: number;
  /** "NaN" where R's prop.test gives NaN (no events, or all events, in both arms). */
  statistic: number | 'NaN'; pValue: number | 'NaN';
  rr: RatioNumbers; or: RatioNumbers;
}
export interface WilsonCase { x: number; n: number; confLevel: number; lower: number; upper: number }

/** Written by test/reference/binary.R. */
export const binaryFixture = JSON.parse(readFileSync(new URL('../reference/binary.json', import.meta.url), 'utf8')) as {
  wilson: WilsonCase[];
  binary: BinaryCase[];
};

export const label = (c: BinaryCase) => `${c.x1}/${c.n1} vs ${c.x2}/${c.n2}, ${c.confLevel * 100}%`;
