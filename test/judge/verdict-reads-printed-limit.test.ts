/**
 * The verdict and the printed limit agree (src/judge/float-noise.ts, docs/data-contracts.md#verdicts):
 * a limit within floating-point noise of 0 or ±MCID prints as that value (src/report/interval-bound.ts),
 * so the verdict reads it as on that value. Before, a limit of 2 − 1e-13 printed "2.00" against an MCID
 * of 2 while the verdict said "Significant, but not clinically relevant" (U < m).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isImprecise, isSignificant, relevanceOf } from '../../src/judge/relevance.js';
import { formatFixed } from '../../src/report/i18n.js';
import { differenceDecisions, formatBound } from '../../src/report/interval-bound.js';

describe('a limit printed as the MCID is judged as the MCID', () => {
  it('an upper limit that reads U = m does not rule a relevant benefit out', () => {
    const u = 2 - 1e-13;
    expect(formatBound(u, 2, 'en', differenceDecisions(2))).toBe('2.00');
    expect(relevanceOf(1.2, 0.5, u, 2)).toBe('significant-relevance-uncertain');
  });

  it('a lower limit that reads L = m is a relevant benefit; one that reads L = −m leaves harm open', () => {
    expect(formatBound(5.5 * (1 - 1e-14), 2, 'en', differenceDecisions(5.5))).toBe('5.50');
    expect(relevanceOf(7, 5.5 * (1 - 1e-14), 9, 5.5)).toBe('relevant-benefit');
    expect(relevanceOf(0.5, -1 + 1e-14, 0.9, 1)).toBe('inconclusive');
    expect(relevanceOf(-0.8, -1 + 1e-14, -0.5, 1)).toBe('significant-harm-relevance-uncertain');
  });

  it('a limit that reads 0.00 is not significant', () => {
    expect(formatBound(2e-16, 2, 'en')).toBe('0.00');
    expect(isSignificant(2e-16, 1)).toBe(false);
    expect(relevanceOf(0.5, 2e-16, 0.9, 1)).toBe('no-relevant-difference');
  });

  it('a CI ending on the MCID but for noise does not cross it', () => {
    expect(isImprecise(0.5, 1 + 1e-14, 1)).toBe(false);
    expect(isImprecise(0.5, 1.001, 1)).toBe(true);
  });

  it('in percentage points: the proportion judged, the pp printed', () => {
    const m = 0.1;
    const lower = m * (1 - 5e-13);
    expect(formatBound(100 * lower, 1, 'en', differenceDecisions(m, 100), 100)).toBe('10.0');
    expect(relevanceOf(0.2, lower, 0.3, m)).toBe('relevant-benefit');
    // At 0 the noise is in the judged units: 5e-13 of a proportion is 0 and prints "0.0" pp, not ">0.0".
    expect(formatBound(100 * 5e-13, 1, 'en', [0], 100)).toBe('0.0');
    expect(isSignificant(5e-13, 0.2)).toBe(false);
  });

  it('for any MCID and any limit near it, the verdict is L = m exactly when the page prints the MCID', () => {
    // MCIDs the row's 3 decimals write exactly, so "prints the MCID" is a string comparison.
    const mcids = [0.3, 1, 2, 5.5, 0.088, 0.05, 0.125];
    fc.assert(
      fc.property(fc.constantFrom(...mcids), fc.constantFrom(1, 100), fc.integer({ min: -2000, max: 2000 }), fc.constantFrom(1e-16, 3e-14, 7e-13, 3e-12, 1e-10), (m, scale, k, step) => {
        // (Steps that never land on the tolerance itself, 1e-12: there the two sides may differ by an ulp.)
        const u = m * (1 + k * step);
        const d = 3;
        const printed = formatBound(scale * u, d, 'en', differenceDecisions(m, scale), scale);
        const onMcid = printed === formatFixed(Number((scale * m).toPrecision(15)), d, 'en');
        const verdict = relevanceOf(m / 2, m / 4, u, m);
        // A limit that prints as the MCID is on it (relevance open); one printed off it is on its side.
        if (onMcid) expect(verdict).toBe('significant-relevance-uncertain');
        else expect(verdict).toBe(u < m ? 'significant-not-relevant' : 'significant-relevance-uncertain');
      }),
      { numRuns: 400, seed: 19 },
    );
  });
});
