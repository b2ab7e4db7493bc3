import { readFileSync } from 'node:fs';
import { describe as suite, expect, it } from 'vitest';
import fc from 'fast-check';
import { describe } from '../../src/stats/describe.js';
import { expectClose } from '../support/tolerance.js';

interface Case {
  label: string;
  values: number[];
  n: number;
  mean: number;
  sd: number | null;
  median: number;
  q1: number;
  q3: number;
  min: number;
  max: number;
}
const fixture = JSON.parse(readFileSync(new URL('../reference/describe.json', import.meta.url), 'utf8')) as { cases: Case[] };

suite('describe against R (test/reference/describe.R)', () => {
  it('reproduces the doc-comment example', () => {
    const d = describe([1, 2, 3, 4]);
    expect(d).toMatchObject({ n: 4, mean: 2.5, median: 2.5, q1: 1.75, q3: 3.25, min: 1, max: 4 });
    expectClose(d.sd as number, 1.2909944487358056);
  });
  for (const c of fixture.cases) {
    it(c.label, () => {
      const d = describe(c.values);
      expect(d.n).toBe(c.n);
      expectClose(d.mean as number, c.mean);
      if (c.sd === null) expect(d.sd).toBeNull();
      else expectClose(d.sd as number, c.sd);
      expectClose(d.median as number, c.median);
      expectClose(d.q1 as number, c.q1);
      expectClose(d.q3 as number, c.q3);
      expect(d.min).toBe(c.min);
      expect(d.max).toBe(c.max);
    });
  }
  it('gives n = 0 and nulls (never NaN) for empty input', () => {
    expect(describe([])).toEqual({ n: 0, mean: null, sd: null, median: null, q1: null, q3: null, min: null, max: null, quantileType: 7 });
  });
  it('rejects non-finite values with analysis.failed', () => {
    expect(() => describe([1, Number.NaN])).toThrow(/position 2 is not a finite number/);
  });
  it('property: a shift of 1e8 shifts the location and leaves the SD unchanged', () => {
    fc.assert(fc.property(fc.array(fc.double({ min: -100, max: 100, noNaN: true }), { minLength: 2, maxLength: 40 }), (xs) => {
      const a = describe(xs);
      const b = describe(xs.map((x) => x + 1e8));
      expectClose((b.sd as number), a.sd as number, 1e-6, 1);
      expectClose((b.mean as number) - 1e8, a.mean as number, 1e-6, 1);
    }));
  });
});
