import { describe, expect, it } from 'vitest';
import { acceptability, icerVerdict, quadrantShares, wtpGrid } from '../../src/cea/ce-summaries.js';
import { readFileSync } from 'node:fs';
import { icerText } from '../../src/cea/cea-phrases.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
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

  it('says "the same" on an axis: no difference in effect is not "less health"', () => {
    // Δe = 0 exactly counts to the dominated (Δc > 0) or dominant (Δc < 0) side (quadrantOf).
    expect(icerText(icerVerdict(100, 0), 'EUR', 'en', undefined, { cost: 100, effect: 0 })).toBe('dominated: the app costs more for the same health');
    expect(icerText(icerVerdict(-100, 0), 'EUR', 'da', undefined, { cost: -100, effect: 0 })).toBe('dominerende: appen sparer penge og giver samme sundhed');
    expect(icerText(icerVerdict(0, 0.01), 'EUR', 'en', undefined, { cost: 0, effect: 0.01 })).toBe('dominant: the app costs the same and gains health');
    expect(icerText(icerVerdict(0, -0.01), 'EUR', 'da', undefined, { cost: 0, effect: -0.01 })).toBe('domineret: appen koster det samme og giver mindre sundhed');
    // Without the differences (a published ratio) the wording is the quadrant's.
    expect(icerText(icerVerdict(100, 0), 'EUR', 'en')).toBe('dominated: the app costs more and gains less health');
  });

  it('words the cost per extra responder in responders, and as many responders in both arms as such', () => {
    // The bundled CEA's results, with one responder row as a small trial has it: 12/60 against 12/60.
    const r = JSON.parse(readFileSync('reports/selfback-cea/results.json', 'utf8')) as CeaResult;
    const row = r.responders[0]!;
    for (const x of r.responders) x.label ??= { en: x.key, da: x.key };
    // (The label as results.json has it since responders are named in words; set here so the committed file may predate it.)
    Object.assign(row, { label: { en: 'RMDQ improved ≥ 5 points', da: 'RMDQ forbedret ≥ 5 point' }, intervention: { events: 12, n: 60 }, control: { events: 12, n: 60 }, riskDifference: 0, costPerExtraResponder: icerVerdict(r.incrementalCost.estimate, 0) });
    expect(r.incrementalCost.estimate).toBeGreaterThan(0);
    expect(row.time).toBe('9m');
    expect(ceaSummaryText(r, 'en')).toContain('(RMDQ improved ≥ 5 points, 9 months): dominated: the app costs more with as many responders');
    expect(ceaSummaryText(r, 'da')).toContain('domineret: appen koster mere og giver lige så mange patienter med klinisk relevant forbedring');
    Object.assign(row, { riskDifference: -0.05, costPerExtraResponder: icerVerdict(r.incrementalCost.estimate, -0.05) });
    expect(ceaSummaryText(r, 'en')).toContain('dominated: the app costs more and has fewer responders');
    // Neutral arms: the CLI names the intervention as the page does, never "appen" (src/cli/cea.ts passes it).
    const neutral = ceaSummaryText(r, 'da', 'interventionen');
    expect(neutral).toContain('domineret: interventionen koster mere');
    expect(neutral).not.toMatch(/\bappen\b/);
    // The QALY difference is a difference, negative or not (as on the page), never "Vundne QALY".
    expect(neutral).toMatch(/^Forskel i QALY: /m);
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
