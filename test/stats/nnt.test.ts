import { describe, expect, it } from 'vitest';
import { nnt } from '../../src/stats/nnt.js';
import { proportionDifference } from '../../src/stats/proportion-difference.js';
import { expectClose } from '../support/tolerance.js';

describe('nnt (Altman 1998 wording)', () => {
  it('CI excluding 0 on the benefit side: NNTB with its interval (doc-comment example)', () => {
    const rd = proportionDifference({ events: 56, n: 70 }, { events: 48, n: 80 });
    const r = nnt(rd, { event: 'good' });
    expect(r.kind).toBe('NNTB');
    expectClose(r.value as number, 5, 1e-12);
    expect(r.interval.type).toBe('NNTB');
    if (r.interval.type === 'NNTB') {
      expectClose(r.interval.lower, 1 / rd.ciUpper, 1e-12);
      expectClose(r.interval.upper, 1 / rd.ciLower, 1e-12);
    }
    expect(r.label).toBe('NNTB 5.0 (95% CI 3.0 to 19.1)');
  });

  it('CI crossing 0: "NNTB a to ∞ to NNTH b"', () => {
    const rd = proportionDifference({ events: 40, n: 40 }, { events: 38, n: 40 });
    const r = nnt(rd, { event: 'good' });
    expect(r.interval).toEqual({ type: 'crosses-zero', nntb: 1 / rd.ciUpper, nnth: 1 / -rd.ciLower });
    expect(r.label).toBe('NNTB 20.0 (95% CI NNTB 6.1 to ∞ to NNTH 22.3)');
  });

  it('a bad event (relapse) that the intervention reduces is a benefit', () => {
    const r = nnt({ difference: -0.1, ciLower: -0.2, ciUpper: -0.05, confLevel: 0.95 }, { event: 'bad' });
    expect(r.label).toBe('NNTB 10.0 (95% CI 5.0 to 20.0)');
  });

  it('harm on both limits: NNTH', () => {
    const r = nnt({ difference: -0.1, ciLower: -0.25, ciUpper: -0.04, confLevel: 0.9 }, { event: 'good', digits: 0 });
    expect(r.kind).toBe('NNTH');
    expect(r.interval).toEqual({ type: 'NNTH', lower: 4, upper: 25 });
    expect(r.label).toBe('NNTH 10 (90% CI 4 to 25)');
  });

  it('a zero difference has NNT ∞, and a limit at exactly 0 is ∞ (null in the structure)', () => {
    const r = nnt({ difference: 0, ciLower: -0.2, ciUpper: 0.1, confLevel: 0.95 }, { event: 'good' });
    expect(r.kind).toBe('none');
    expect(r.value).toBeNull();
    expect(r.label).toBe('NNT ∞ (95% CI NNTB 10.0 to ∞ to NNTH 5.0)');
    const edge = nnt({ difference: 0.1, ciLower: 0, ciUpper: 0.2, confLevel: 0.95 }, { event: 'good' });
    expect(edge.interval).toEqual({ type: 'crosses-zero', nntb: 5, nnth: null });
  });

  it('rejects an inconsistent interval', () => {
    expect(() => nnt({ difference: 0.3, ciLower: 0.4, ciUpper: 0.5, confLevel: 0.95 }, { event: 'good' })).toThrow(/cannot give a number needed to treat/);
  });
});
