// Two questions the CEA bootstrap asks of each of its 5,000 replicates read less than they did
// (src/cea/imputable-resamples.ts, src/cea/cea-imputation.ts), with the same answers:
// - `imputableReplicate` (does every arm have at least MIN_OBSERVED observed values of each
//   quantity it imputes?) counted every row of every column; it now stops reading a column once
//   both arms have enough, reading from both ends of the replicate, which holds the intervention
//   rows and then the control rows;
// - `missingIn` (any gap in these rows?) read column by column, so a column without gaps was read
//   whole before the first gap of the next; it now reads patient by patient.
import { describe, expect, it } from 'vitest';
import { drawReplicate } from '../../src/cea/cea-bootstrap.js';
import { type CeaColumns, missingIn } from '../../src/cea/cea-imputation.js';
import { MIN_OBSERVED, imputableReplicate } from '../../src/cea/imputable-resamples.js';
import { createRandom } from '../../src/stats/random.js';

/** A column whose reads by index are counted. */
function counted(values: (number | null)[]): { column: (number | null)[]; reads: () => number } {
  let reads = 0;
  const column = new Proxy(values, {
    get(target, key, receiver) {
      if (typeof key === 'string' && /^\d+$/.test(key)) reads++;
      return Reflect.get(target, key, receiver) as unknown;
    },
  });
  return { column, reads: () => reads };
}

/** The rule as written before: every row counted, then each arm judged. */
function fullCount(c: CeaColumns, rows: readonly number[]): boolean {
  for (const values of [c.baselineUtility, c.qaly, c.cost, ...c.covariates.map((x) => x.values)]) {
    const observed = [0, 0];
    const missing = [0, 0];
    for (const i of rows) (values[i] === null ? missing : observed)[c.arm[i]!]!++;
    for (const a of [0, 1]) if (missing[a]! > 0 && observed[a]! < MIN_OBSERVED) return false;
  }
  return true;
}

describe('imputableReplicate', () => {
  it('stops reading a column once both arms have enough observed values', () => {
    // 200 intervention patients, then 200 control patients (as the bootstrap draws them), costs
    // missing for a few of each arm.
    const n = 400;
    const arm = Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
    const cost = counted(arm.map((_, i) => (i % 37 === 5 ? null : 100 + i)));
    const qaly = counted(arm.map((_, i) => 0.5 + i / 1000));
    const u0 = counted(arm.map((_, i) => 0.6 + i / 2000));
    const c: CeaColumns = { arm, baselineUtility: u0.column, cost: cost.column, qaly: qaly.column, covariates: [] };
    const rows = Array.from({ length: n }, (_, i) => i);
    expect(imputableReplicate(c, rows)).toBe(true);
    // Two observed values of each arm: four reads a column, not 400.
    for (const col of [u0, qaly, cost]) expect(col.reads()).toBeLessThanOrEqual(2 * MIN_OBSERVED + 2);
  });

  it('answers as the full count on bootstrap replicates of thin arms', () => {
    const rng = createRandom(20261206);
    let short = 0;
    for (let trial = 0; trial < 300; trial++) {
      // Small arms, most values missing, so that replicates fall short in both arms and in either.
      const n1 = 2 + rng.int(6);
      const n0 = 2 + rng.int(6);
      const arm = [...Array.from({ length: n1 }, () => 1), ...Array.from({ length: n0 }, () => 0)];
      const column = () => arm.map(() => (rng.int(3) !== 0 ? 1 + rng.int(9) : null));
      const c: CeaColumns = { arm, baselineUtility: column(), cost: column(), qaly: arm.map(() => 0.5), covariates: [{ name: 'x', values: column() }] };
      const iRows = arm.flatMap((a, k) => (a === 1 ? [k] : []));
      const cRows = arm.flatMap((a, k) => (a === 0 ? [k] : []));
      for (let b = 0; b < 5; b++) {
        const rows = drawReplicate(rng, iRows, cRows);
        const expected = fullCount(c, rows);
        if (!expected) short++;
        expect(imputableReplicate(c, rows)).toBe(expected);
        // Any order of the rows (a caller's fixed index sets), the same answer.
        const shuffled = [...rows].reverse();
        expect(imputableReplicate(c, shuffled)).toBe(expected);
      }
    }
    // The replicates tried both answers.
    expect(short).toBeGreaterThan(50);
    expect(short).toBeLessThan(1450);
  });
});

describe('missingIn', () => {
  it('stops at the first patient with a gap, not after a column without gaps', () => {
    // Baseline utilities complete, QALYs missing from patient 3 on every 7th: the bootstrap's
    // question "any gap in these rows?" needs only the first four patients' values.
    const n = 400;
    const arm = Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 : 0));
    const u0 = counted(arm.map((_, i) => 0.6 + i / 2000));
    const qaly = counted(arm.map((_, i) => (i % 7 === 3 ? null : 0.5 + i / 1000)));
    const cost = counted(arm.map((_, i) => 100 + i));
    const c: CeaColumns = { arm, baselineUtility: u0.column, qaly: qaly.column, cost: cost.column, covariates: [] };
    expect(missingIn(c, Array.from({ length: n }, (_, i) => i))).toBe(true);
    expect(u0.reads() + qaly.reads() + cost.reads()).toBeLessThanOrEqual(3 * 4);
  });

  it('answers as a column-by-column search on random rows', () => {
    const rng = createRandom(61206);
    let gaps = 0;
    for (let trial = 0; trial < 500; trial++) {
      const n = 1 + rng.int(12);
      const arm = Array.from({ length: n }, () => rng.int(2));
      const column = () => arm.map(() => (rng.int(9) === 0 ? null : rng.uniform()));
      const c: CeaColumns = { arm, baselineUtility: column(), qaly: column(), cost: column(), covariates: rng.int(2) ? [{ name: 'x', values: column() }] : [] };
      const rows = Array.from({ length: rng.int(2 * n + 1) }, () => rng.int(n));
      const expected = [c.baselineUtility, c.qaly, c.cost, ...c.covariates.map((x) => x.values)].some((col) => rows.some((i) => col[i] === null));
      if (expected) gaps++;
      expect(missingIn(c, rows)).toBe(expected);
    }
    expect(gaps).toBeGreaterThan(100);
    expect(gaps).toBeLessThan(450);
  });
});
