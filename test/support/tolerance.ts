import { expect } from 'vitest';

/** Relative tolerance for agreement with R fixtures. */
export const R_REL = 1e-6;

/**
 * Asserts |actual − expected| ≤ rel · max(|expected|, floor). The absolute floor keeps
 * values that are exactly zero in R from demanding zero here.
 */
export function expectClose(actual: number, expected: number, rel = R_REL, floor = 1e-12): void {
  if (Number.isNaN(expected)) {
    expect(actual).toBeNaN();
    return;
  }
  if (!Number.isFinite(expected)) {
    expect(actual).toBe(expected);
    return;
  }
  const tol = rel * Math.max(Math.abs(expected), floor);
  if (!(Math.abs(actual - expected) <= tol)) {
    throw new Error(`expected ${actual} to be within ${rel} (relative) of ${expected}; diff ${actual - expected}`);
  }
}

/** Agreement with a published table: within half a unit of the last printed digit. */
export function expectPrinted(actual: number, printed: string): void {
  const decimals = (printed.split('.')[1] ?? '').length;
  const half = 0.5 * 10 ** -decimals;
  const value = Number(printed);
  if (!(Math.abs(actual - value) <= half + 1e-12)) {
    throw new Error(`expected ${actual} to print as ${printed} (±${half})`);
  }
}
