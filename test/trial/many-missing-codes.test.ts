/**
 * A plan's missing-value codes are matched from one table, whatever their number: a plan (under
 * the 10 MB limit) with 400,000 `missingCodes` made `validate` take 115 s and 1.9 GB, since every
 * column built its own table of every plan-wide code (columns × codes). Every column's coder now
 * shares one table per plan and decimal mark (trial/value-codes.ts `planMissingCodes`); the
 * time it takes is `npm run bench`'s (bench/hostile-shapes.js), not a test's.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { coderFor } from '../../src/trial/value-codes.js';

const plan = JSON.parse(readFileSync(new URL('../../data/plans/selfback.plan.json', import.meta.url), 'utf8')) as Record<string, unknown>;

describe('a plan with 20,000 missing-value codes', () => {
  const codes = Array.from({ length: 20_000 }, (_, i) => `x${i}`);
  const p = parsePlan({ ...plan, missingCodes: codes }, 'codes.json');
  const coders = ['rmdq_1', 'rmdq_2', 'pain_avg', 'age'].map((c) => coderFor(p, c, undefined, false)!);

  it('gives every column the same table of the plan-wide codes, built once', () => {
    const tables = coders.map((c) => (c as unknown as { planWide: ReadonlyMap<string, string> }).planWide);
    expect(tables[0]!.size).toBe(20_000);
    for (const t of tables) expect(t).toBe(tables[0]);
    // Another decimal mark keys the codes otherwise: a table of its own, shared in turn.
    const comma = ['rmdq_1', 'age'].map((c) => (coderFor(p, c, undefined, true) as unknown as { planWide: ReadonlyMap<string, string> }).planWide);
    expect(comma[0]).not.toBe(tables[0]);
    expect(comma[1]).toBe(comma[0]);
  });

  it('reads a plan-wide code as missing in every column, and other text as before', () => {
    for (const c of coders) {
      expect(c.apply('x19999')).toEqual({ kind: 'missing' });
      expect(c.apply('x7')).toEqual({ kind: 'missing' });
      expect(c.apply('y1').kind).not.toBe('missing');
    }
  });
});
