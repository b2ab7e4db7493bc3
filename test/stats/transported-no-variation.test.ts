/**
 * A transported (reweighted) risk difference where every patient, or no patient, had the event:
 * the √w-scaled outcome then equals the √w-scaled intercept, so the regression fits exactly. The
 * reason must say what happened (no variation in the outcome, no difference estimable), not
 * suspect "a covariate that duplicates the outcome" (src/stats/raked-ancova.ts, design-based-wls.ts).
 */
import { describe, expect, it } from 'vitest';
import { danishReason } from '../../src/report/failure-reasons.js';
import { rakedAncova, reweightedRiskDifference } from '../../src/stats/raked-ancova.js';
import { errorOf } from '../support/error-of.js';

const treated = [1, 1, 1, 1, 0, 0, 0, 0];
const weights = [0.5, 1.5, 1, 2, 0.7, 1.3, 1.1, 0.9];
const margins = [[0, 1, 0, 1, 0, 1, 0, 1]];

describe('transported rows with no variation in the outcome', () => {
  it('every patient had the event: says so, in English and Danish, with the arm sizes', () => {
    const err = errorOf(() => reweightedRiskDifference({ outcome: treated.map(() => 1), treated, weights, margins }, 0.95));
    expect(err.code).toBe('analysis.failed');
    expect(err.message).toBe('every patient had the event, so the outcome does not vary and no difference between the arms can be estimated');
    expect(err.message).not.toMatch(/duplicates|fits every patient exactly/);
    expect(danishReason(err.message)).toBe('alle patienter havde hændelsen, så effektmålet varierer ikke, og der kan ikke estimeres en forskel mellem grupperne');
  });

  it('no patient had the event: says so', () => {
    const err = errorOf(() => reweightedRiskDifference({ outcome: treated.map(() => 0), treated, weights, margins: [] }, 0.95));
    expect(err.message).toBe('no patient had the event, so the outcome does not vary and no difference between the arms can be estimated');
    expect(danishReason(err.message)).toMatch(/^ingen patienter havde hændelsen/);
  });

  it('a weighted ANCOVA on a constant outcome names the constant outcome, not an exact fit', () => {
    const err = errorOf(() => rakedAncova({ outcome: treated.map(() => 7), treated, weights, margins, baseline: [3, 4, 5, 6, 3, 5, 4, 6] }, 0.95));
    expect(err.message).toBe('the outcome has the same value for every patient, so the model has no residual error to estimate');
  });

  it('one event is enough variation to estimate the difference', () => {
    const r = reweightedRiskDifference({ outcome: [1, 1, 1, 1, 1, 1, 1, 0], treated, weights, margins: [] }, 0.95);
    expect(r.difference).toBeGreaterThan(0);
  });
});
