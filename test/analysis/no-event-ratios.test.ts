/**
 * A yes/no outcome with no events in either arm (0/40 vs 0/40) printed RR 1 (0.02 to 49.2) and
 * OR 1 (0.02 to 51.6): the 0.5 added to every cell made a ratio the data cannot give (any ratio
 * fits them; metafor's escalc drops such tables, drop00 = TRUE, and the Cochrane Handbook calls them
 * not estimable). The ratios are now null with a reason; the risk difference stays, 0 with its
 * Newcombe interval (docs/data-contracts.md#effect-rows).
 */
import { describe, expect, it } from 'vitest';
import { binaryEffect } from '../../src/analysis/binary-effect.js';
import { row } from '../../src/analysis/judged-row.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { effectRowSchema } from '../../src/analysis/results-schema.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { sofAbsoluteEffect } from '../../src/report/sof-absolute-effect.js';
import { relativeEffectText } from '../../src/report/summary-of-findings.js';
import { normalQuantile } from '../../src/stats/distributions.js';

const medRow = (x1: number, n1: number, x2: number, n2: number): EffectRow =>
  row({ outcome: 'med_use', label: 'Pain-medication use', time: '3m', method: 'risk-difference' }, 0.95, 0.1, 'lower-is-better', () =>
    binaryEffect({ intervention: { events: x1, n: n1 }, control: { events: x2, n: n2 } }, 0.95, 'bad'));

describe('risk and odds ratios with no contrast in the 2×2 table', () => {
  it('0/40 vs 0/40: RR and OR null, the reason given; the risk difference 0 with its Newcombe interval', () => {
    const r = medRow(0, 40, 0, 40);
    expect(r.riskRatio).toBeNull();
    expect(r.oddsRatio).toBeNull();
    expect(r.ratiosNotEstimable).toBe('no events in either arm');
    expect(r.difference).toBe(0);
    // Newcombe's hybrid score interval of 0/40 − 0/40 is ± the Wilson upper limit of 0/40, z²/(n + z²).
    const z = normalQuantile(0.975);
    expect(r.ciUpper).toBeCloseTo((z * z) / (40 + z * z), 10);
    expect(r.ciLower).toBeCloseTo(-(z * z) / (40 + z * z), 10);
    expect(effectRowSchema.safeParse(r).success).toBe(true);
  });

  it('40/40 vs 40/40: not estimable either', () => {
    const r = medRow(40, 40, 40, 40);
    expect(r.riskRatio).toBeNull();
    expect(r.oddsRatio).toBeNull();
    expect(r.ratiosNotEstimable).toBe('every patient had the event in both arms');
  });

  it('0/40 vs 1/40: estimated as before (a zero cell in one arm is corrected, not dropped)', () => {
    const r = medRow(0, 40, 1, 40);
    expect(r.riskRatio).not.toBeNull();
    expect(r.oddsRatio).not.toBeNull();
    expect(r.ratiosNotEstimable).toBeUndefined();
  });

  it('the summary of findings says "not estimable" and why its absolute effect is the risk difference (en, da)', () => {
    const r = medRow(0, 40, 0, 40);
    expect(relativeEffectText(r, 'en')).toBe('Not estimable');
    expect(relativeEffectText(r, 'da')).toBe('Kan ikke estimeres');
    expect(relativeEffectText(medRow(3, 40, 6, 40), 'en')).toMatch(/^RR 0\.50 /);
    const a = sofAbsoluteEffect(r)!;
    expect(a.basis).toBe('no-ratio');
    expect([a.estimate, a.lower, a.upper]).toEqual([0, 1000 * r.ciLower!, 1000 * r.ciUpper!]);
    expect(REPORT_TEXT.sofAbsoluteNoRatio.en).toContain('the risk ratio is not estimable');
    expect(REPORT_TEXT.sofAbsoluteNoRatio.da).toContain('den relative risiko kan ikke estimeres');
  });
});
