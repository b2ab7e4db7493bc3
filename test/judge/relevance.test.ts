import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { isImprecise, isSignificant, RELEVANCE_LABELS, relevanceOf } from '../../src/judge/relevance.js';
import { judgeDifference } from '../../src/judge/judge-effect.js';

// One case per label, plus the boundary values each rule is defined by (m = 5).
const m = 5;
const cases: [string, number, number, number, string][] = [
  ['whole CI beyond MCID', 7, 5.5, 9, 'relevant-benefit'],
  ['L exactly at MCID counts as relevant', 6, 5, 7, 'relevant-benefit'],
  ['whole CI beyond −MCID', -7, -9, -5.5, 'relevant-harm'],
  ['U exactly at −MCID', -6, -7, -5, 'relevant-harm'],
  ['estimate beyond MCID, CI not', 6, 2, 10, 'possibly-relevant-benefit'],
  ['estimate exactly at MCID', 5, 1, 9, 'possibly-relevant-benefit'],
  ['estimate beyond −MCID', -6, -10, -2, 'possibly-relevant-harm'],
  ['estimate exactly at −MCID', -5, -9, -1, 'possibly-relevant-harm'],
  ['selfBACK RMDQ 3m: significant, not relevant', 0.79, 0.06, 1.51, 'significant-not-relevant'],
  ['significant, U just below the MCID: relevant benefit ruled out', 3, 0.5, 4.99, 'significant-not-relevant'],
  ['significant but CI reaches past MCID: relevance not ruled out', 3, 0.5, 5.5, 'significant-relevance-uncertain'],
  ['significant, U exactly at MCID: relevance not ruled out', 3, 0.5, 5, 'significant-relevance-uncertain'],
  ['significant harm, not relevant', -0.8, -1.5, -0.1, 'significant-harm-not-relevant'],
  ['significant harm, L just above −MCID', -3, -4.99, -0.5, 'significant-harm-not-relevant'],
  ['significant harm, L exactly at −MCID: relevant harm not ruled out', -3, -5, -0.5, 'significant-harm-relevance-uncertain'],
  ['significant harm, CI reaches past −MCID', -3, -5.5, -0.5, 'significant-harm-relevance-uncertain'],
  ['CI within ±MCID and crossing 0', 0.3, -1, 1.6, 'no-relevant-difference'],
  ['L exactly 0 is not significant', 1, 0, 2, 'no-relevant-difference'],
  ['U exactly 0 is not significant', -1, -2, 0, 'no-relevant-difference'],
  ['L exactly at −MCID: harm not ruled out', 0, -5, 2, 'inconclusive'],
  ['wide CI crossing both', 0.5, -6, 7, 'inconclusive'],
];

describe('relevanceOf (docs/data-contracts.md#verdicts)', () => {
  it.each(cases)('%s', (_name, b, lo, hi, label) => {
    expect(relevanceOf(b, lo, hi, m)).toBe(label);
  });

  it('covers all ten labels', () => {
    expect(new Set(cases.map((c) => c[4]))).toEqual(new Set(RELEVANCE_LABELS));
  });

  it('the committee\'s selfBACK subgroups (issue #15): significant, a relevant benefit not ruled out', () => {
    expect(relevanceOf(5.08, 2.49, 7.67, 5.5)).toBe('significant-relevance-uncertain'); // PSEQ, chiropractor
    expect(relevanceOf(4.76, 1.34, 8.19, 5.5)).toBe('significant-relevance-uncertain'); // PSEQ, spine clinic
    expect(relevanceOf(0.079, 0.031, 0.126, 0.088)).toBe('significant-relevance-uncertain'); // EQ-5D, chiropractor
    expect(relevanceOf(3.65, 2.27, 5.03, 5.5)).toBe('significant-not-relevant'); // PSEQ 3 months, all patients
  });

  it('rejects a non-positive MCID and an inverted CI', () => {
    expect(() => relevanceOf(1, 0, 2, 0)).toThrow(/MCID/);
    expect(() => relevanceOf(1, 2, 0, 5)).toThrow(/exceeds/);
  });

  it('is antisymmetric: mirroring benefit and CI swaps benefit and harm labels', () => {
    const mirror: Record<string, string> = {
      'relevant-benefit': 'relevant-harm',
      'relevant-harm': 'relevant-benefit',
      'possibly-relevant-benefit': 'possibly-relevant-harm',
      'possibly-relevant-harm': 'possibly-relevant-benefit',
      'significant-not-relevant': 'significant-harm-not-relevant',
      'significant-harm-not-relevant': 'significant-not-relevant',
      'significant-relevance-uncertain': 'significant-harm-relevance-uncertain',
      'significant-harm-relevance-uncertain': 'significant-relevance-uncertain',
      'no-relevant-difference': 'no-relevant-difference',
      inconclusive: 'inconclusive',
    };
    fc.assert(
      fc.property(fc.double({ min: -20, max: 20, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 10, noNaN: true }), (b, w1, w2) => {
        const lo = b - w1;
        const hi = b + w2;
        // Only where no boundary is hit exactly (the ≥ and > rules are not symmetric there).
        fc.pre(![lo, hi, b].some((v) => Math.abs(Math.abs(v) - m) < 1e-9 || Math.abs(v) < 1e-9));
        expect(relevanceOf(-b, -hi, -lo, m)).toBe(mirror[relevanceOf(b, lo, hi, m)]);
      }),
    );
  });
});

describe('significance and imprecision flags', () => {
  it('significant when the CI excludes 0', () => {
    expect(isSignificant(0.06, 1.51)).toBe(true);
    expect(isSignificant(-1.51, -0.06)).toBe(true);
    expect(isSignificant(0, 1)).toBe(false);
    expect(isSignificant(-1, 1)).toBe(false);
  });
  it('a significant CI that crosses the MCID is never "not clinically relevant" (issue #15)', () => {
    fc.assert(
      fc.property(fc.double({ min: 0.01, max: 10, noNaN: true }), fc.double({ min: 0.01, max: 20, noNaN: true }), (lo, w) => {
        const hi = lo + w;
        fc.pre(lo < m && lo > 0);
        const label = relevanceOf((lo + hi) / 2, lo, hi, m);
        if (isImprecise(lo, hi, m)) expect(label).not.toBe('significant-not-relevant');
        if (label === 'significant-not-relevant') expect(hi).toBeLessThan(m);
      }),
    );
  });
  it('imprecise when the CI crosses the MCID or −MCID', () => {
    expect(isImprecise(0.06, 1.51, 5)).toBe(false);
    expect(isImprecise(3, 6, 5)).toBe(true);
    expect(isImprecise(-6, 1, 5)).toBe(true);
    expect(isImprecise(5, 6, 5)).toBe(false);
  });
});

describe('judgeDifference', () => {
  it('flips lower-is-better differences onto the benefit scale', () => {
    const j = judgeDifference(-0.79, -1.51, -0.06, 5, 'lower-is-better');
    expect(j.benefit).toBe(0.79);
    expect(j.benefitCiLower).toBe(0.06);
    expect(j.benefitCiUpper).toBe(1.51);
    expect(j.relevance).toBe('significant-not-relevant');
    expect(j.significant).toBe(true);
    expect(j.imprecise).toBe(false);
  });
  it('keeps higher-is-better differences as they are', () => {
    const j = judgeDifference(3.5, 0.9, 6.0, 5.5, 'higher-is-better');
    expect([j.benefit, j.benefitCiLower, j.benefitCiUpper]).toEqual([3.5, 0.9, 6.0]);
    expect(j.relevance).toBe('significant-relevance-uncertain');
    expect(j.imprecise).toBe(true);
  });
});
