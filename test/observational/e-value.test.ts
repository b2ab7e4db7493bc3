/** E-values against the published worked example and the continuous approximation worked by hand. */
import { describe, expect, it } from 'vitest';
import { eValueOfDifference, eValueOfRiskDifference, eValueOfRiskRatio } from '../../src/observational/e-value.js';

describe('E-value (VanderWeele & Ding 2017)', () => {
  it('reproduces the paper\'s example: RR 3.9 (95% CI 1.8 to 8.7) → E-value 7.26, CI limit 3.00', () => {
    // Ann Intern Med 2017;167:268–274, breastfeeding and infant infections: E = 7.26 and 3.0.
    expect(eValueOfRiskRatio(3.9)).toBeCloseTo(7.26, 2);
    expect(eValueOfRiskRatio(1.8)).toBeCloseTo(3.0, 6);
  });

  it('is symmetric for protective ratios and 1 for a CI that includes the null', () => {
    expect(eValueOfRiskRatio(1 / 3.9)).toBeCloseTo(eValueOfRiskRatio(3.9), 12);
    const e = eValueOfRiskDifference(0.05, -0.02, 0.12, 0.25)!;
    expect(e.riskRatio).toBeCloseTo(1.2, 12);
    expect(e.ciLimit).toBe(1);
  });

  it('continuous outcomes: d = difference / SD, RR = exp(0.91 d), the CI limit mapped the same way', () => {
    // d = 0.5 (difference 2, SD 4), SE of d 0.1: RR = exp(0.455) = 1.5762, E = 2.5291; the lower
    // CI limit d − 1.96·0.1 = 0.3040 → RR exp(0.91 · 0.3040) = 1.3188, E = 1.9670 (hand-computed).
    const z = 1.959963984540054;
    const e = eValueOfDifference(2, 2 - z * 0.4, 2 + z * 0.4, 4)!;
    expect(e.riskRatio).toBeCloseTo(1.5762, 4);
    expect(e.estimate).toBeCloseTo(2.5291, 4);
    expect(e.ciLimit).toBeCloseTo(1.967, 3);
    expect(eValueOfDifference(2, 1, 3, 0)).toBeNull();
  });
});
