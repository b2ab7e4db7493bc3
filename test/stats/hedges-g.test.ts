import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { hedgesCorrection, hedgesG, hedgesGFromSummary } from '../../src/stats/hedges-g.js';
import { expectClose } from '../support/tolerance.js';
import { expectInvariant, twoArms } from './two-sample-t.fixture.js';

interface Smd { g: number; variance: number; se: number; ciLower: number; ciUpper: number; statistic: number; pValue: number; correction: number; d: number; confLevel: number }
interface Case extends Smd { label: string; intervention: number[]; control: number[] }
interface SummaryCase extends Smd { label: string; n1: number; m1: number; sd1: number; n2: number; m2: number; sd2: number }
const fixture = JSON.parse(readFileSync(new URL('../reference/hedges-g.json', import.meta.url), 'utf8')) as { cases: Case[]; summaries: SummaryCase[] };

function expectSmd(r: ReturnType<typeof hedgesG>, e: Smd): void {
  for (const key of ['g', 'variance', 'se', 'ciLower', 'ciUpper', 'statistic', 'pValue', 'correction', 'd'] as const) expectClose(r[key], e[key]);
}

describe('hedgesG = metafor escalc("SMD", vtype = "LS") + summary() (test/reference/hedges-g.R)', () => {
  for (const c of fixture.cases) {
    it(`${c.label}, ${c.confLevel * 100}%`, () => {
      const r = hedgesG(c.intervention, c.control, { confLevel: c.confLevel });
      expectSmd(r, c);
      expect(r).toMatchObject({ measure: 'SMD', vtype: 'LS', correctionMethod: 'exact-gamma', ciMethod: 'normal' });
    });
  }
  for (const c of fixture.summaries) {
    it(`from summaries: ${c.label}`, () => {
      const r = hedgesGFromSummary({ n: c.n1, mean: c.m1, sd: c.sd1 }, { n: c.n2, mean: c.m2, sd: c.sd2 }, { confLevel: c.confLevel });
      expectSmd(r, c);
    });
  }

  it('uses the exact gamma correction, not 1 − 3/(4m − 1)', () => {
    expectClose(hedgesCorrection(18), 0.95764642702372, 1e-12);
    expect(Math.abs(hedgesCorrection(4) - (1 - 3 / 15))).toBeGreaterThan(1e-3);
  });

  it('fails in the user\'s language', () => {
    expect(() => hedgesG([1, 2], [3])).toThrow('fewer than 2 patients in the control arm (found 1)');
    expect(() => hedgesG([4, 4], [4, 4, 4])).toThrow(/pooled standard deviation is 0/);
  });

  it('property: swapping arms flips g and swaps the CI; a 1e8 shift changes nothing', () => {
    fc.assert(fc.property(twoArms, ([x, y]) => {
      const a = hedgesG(x, y);
      const s = hedgesG(y, x);
      expectInvariant(s.g, -a.g);
      expectInvariant(s.ciLower, -a.ciUpper);
      expectInvariant(s.ciUpper, -a.ciLower);
      const b = hedgesG(x.map((v) => v + 1e8), y.map((v) => v + 1e8));
      expectInvariant(b.g, a.g);
      expectInvariant(b.se, a.se);
    }));
  });
});
