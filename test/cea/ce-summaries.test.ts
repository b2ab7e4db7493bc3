import { describe, expect, it } from 'vitest';
import { acceptability, icerVerdict, quadrantShares, wtpGrid } from '../../src/cea/ce-summaries.js';
import { icerText } from '../../src/cea/cea-phrases.js';
import { qalyAuc } from '../../src/cea/qaly-auc.js';

describe('ICER in words', () => {
  it('gives a ratio only for a trade-off, and words for dominance (a negative ratio is never printed)', () => {
    expect(icerVerdict(230, 0.0314)).toEqual({ kind: 'ratio', quadrant: 'NE', icer: 230 / 0.0314 });
    expect(icerText(icerVerdict(230, 230 / 7336), 'EUR', 'en')).toBe('€7,336 per QALY gained');
    expect(icerText(icerVerdict(230, 230 / 7336), 'EUR', 'da')).toBe('7.336 EUR pr. vundet QALY');
    // Negative ratios: cheaper and better (−100/0.02 = −5000) is "dominant"; costlier and worse is "dominated".
    expect(icerVerdict(-100, 0.02)).toEqual({ kind: 'dominant', quadrant: 'SE' });
    expect(icerText(icerVerdict(-100, 0.02), 'EUR', 'en')).toBe('dominant: the app saves money and gains health');
    expect(icerVerdict(100, -0.02)).toEqual({ kind: 'dominated', quadrant: 'NW' });
    expect(icerText(icerVerdict(100, -0.02), 'EUR', 'en')).not.toMatch(/\d/);
    // Cheaper and worse: a positive ratio that means money saved per QALY lost.
    expect(icerText(icerVerdict(-100, -0.02), 'EUR', 'en')).toBe('saves €5,000 per QALY lost (cheaper, less effective)');
  });

  it('shares the CE-plane quadrants and the CEAC by NMB > 0', () => {
    const dc = [100, -50, 20, -10];
    const de = [0.01, 0.02, -0.01, -0.03];
    expect(quadrantShares(dc, de)).toEqual({ NE: 0.25, SE: 0.25, NW: 0.25, SW: 0.25 });
    // λ = 20,000: NMB = 100, 450, −220, −590 → 2 of 4.
    expect(acceptability(dc, de, [0, 20000])).toEqual([0.5, 0.5]);
    expect(wtpGrid(0, 25, 10, [23])).toEqual([0, 10, 20, 23, 25]);
  });

  it('QALYs: trapezoids in years; a missing end visit is never extrapolated', () => {
    expect(qalyAuc([0, 0.25, 0.75], [0.5, 0.7, 0.9], false)).toBeCloseTo(0.25 * 0.6 + 0.5 * 0.8, 12);
    expect(qalyAuc([0, 0.25, 0.75], [0.5, null, 0.9], false)).toBeNull();
    expect(qalyAuc([0, 0.25, 0.75], [0.5, null, 0.9], true)).toBeCloseTo(0.75 * 0.7, 12);
    expect(qalyAuc([0, 0.25, 0.75], [0.5, 0.7, null], true)).toBeNull();
  });
});
