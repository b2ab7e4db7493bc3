import { readFileSync } from 'node:fs';

/** Written by test/reference/bootstrap.R. */
export interface BootCase {
  label: string;
  statistic?: string | Record<string, never>;
  intervention?: number[];
  control?: number[];
  confLevel: number;
  estimate: number;
  replicates: number[];
  influence: number[];
  percentile: { lower: number; upper: number };
  bca: { lower: number; upper: number };
  biasCorrection: number;
  acceleration: number;
}
export const bootCases = (JSON.parse(readFileSync(new URL('../reference/bootstrap.json', import.meta.url), 'utf8')) as { cases: BootCase[] }).cases;

