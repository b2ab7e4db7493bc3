import { expect } from 'vitest';
import type { EffectRow } from '../../src/analysis/results-schema.js';

/** One visit's contrast as an R reference script writes it (test/reference/mmrm-*.R: nlme::gls, Satterthwaite df by numDeriv). */
export interface RContrast {
  time: string;
  estimate: number;
  se: number;
  df: number;
  ciLower: number;
  ciUpper: number;
  p: number;
}

/** Relative agreement to 1e-6 (the project's norm; absolute below 1). */
const close = (a: number, b: number) => expect(Math.abs(a - b) / Math.max(1, Math.abs(b))).toBeLessThan(1e-6);

/**
 * Each MMRM row of `effects` at a reference visit equals R's contrast (estimate, SE, df, CI, p)
 * on `nPatients` patients; returns the rows for further checks.
 */
export function expectMmrmAsR(effects: readonly EffectRow[], contrasts: readonly RContrast[], nPatients: number): EffectRow[] {
  return contrasts.map((r) => {
    const row = effects.find((e) => e.method === 'mmrm' && e.time === r.time)!;
    expect(row.error).toBeUndefined();
    close(row.difference!, r.estimate);
    close(row.se!, r.se);
    close(row.df!, r.df);
    close(row.ciLower!, r.ciLower);
    close(row.ciUpper!, r.ciUpper);
    close(row.pValue!, r.p);
    expect((row.details as { patientsInModel: number }).patientsInModel).toBe(nPatients);
    return row;
  });
}
