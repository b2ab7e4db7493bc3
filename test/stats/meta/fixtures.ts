/** Typed readers for the metafor fixtures in test/reference/meta-*.json. */
import { readFileSync } from 'node:fs';

export interface FitCase {
  label: string;
  yi: number[];
  vi: number[];
  method: 'FE' | 'DL' | 'REML' | 'PM';
  test: 'z' | 'knha';
  confLevel: number;
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  pValue: number;
  df: number | null;
  tau2: number;
  tau2Se: number | null;
  q: number;
  qPValue: number;
  i2: number;
  h2: number;
  weights: number[];
  piLower: number | null;
  piUpper: number | null;
}

export interface MantelHaenszelCase {
  label: string;
  measure: 'RR' | 'OR' | 'RD';
  eventsIntervention: number[];
  nIntervention: number[];
  eventsControl: number[];
  nControl: number[];
  estimate: number;
  se: number;
  ciLower: number;
  ciUpper: number;
  statistic: number;
  pValue: number;
  q: number;
  qPValue: number;
  i2: number;
  h2: number;
  kPooled: number;
}

export interface EffectsCase {
  measure: 'RR' | 'OR' | 'RD';
  yi: number[];
  vi: number[];
}

export interface SubgroupCase {
  label: string;
  method: 'DL' | 'REML';
  test: 'z' | 'knha';
  yi: number[];
  vi: number[];
  group: string[];
  groups: { group: string; k: number; estimate: number; se: number; ciLower: number; ciUpper: number; tau2: number }[];
  qBetween: number;
  dfBetween: number;
  pBetween: number;
  i2Between: number;
}

export function readFixture<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../../reference/${name}`, import.meta.url), 'utf8')) as T;
}
