/**
 * One patient recorded in the other arm must not turn a practice-randomised trial into an
 * individually randomised one (docs/plan-trial.md#cluster-randomised-trials): a column whose values
 * lie nearly wholly in one arm, so lopsided that individual randomisation would give it less than
 * once in a million, is refused as the whole signature is. Sites of an individually randomised
 * trial, however small, are not.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { errorOf } from '../support/error-of.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ClusterColumns, NEAR_SIGNATURE_CHANCE } from '../../src/trial/cluster-signature.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { logFisherCombined, logLopsidedChance } from '../../src/trial/arm-split-chance.js';

const plan = {
  arms: { intervention: 'App', control: 'Vanlig' },
  columns: { arm: 'Gruppe', time: 'Besøg' },
  timeLabels: { Baseline: 'baseline', '3 mdr': '3m' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
};

/** 20 practices of 3–14 patients, randomised by practice (odd numbers App); `moved` patient ids recorded in the other arm. */
function practiceExport(moved: readonly string[] = []): string {
  const lines = ['id;Praksis;Gruppe;Besøg;RMDQ'];
  let k = 0;
  for (let p = 1; p <= 20; p++) {
    const size = 3 + ((p * 7) % 12);
    for (let j = 0; j < size; j++) {
      const id = `P${String(++k).padStart(3, '0')}`;
      let arm = p % 2 === 1 ? 'App' : 'Vanlig';
      if (moved.includes(id)) arm = arm === 'App' ? 'Vanlig' : 'App';
      lines.push(`${id};Lægehuset ${p};${arm};Baseline;${(k * 7) % 20}`, `${id};Lægehuset ${p};${arm};3 mdr;${(k * 5) % 20}`);
    }
  }
  return lines.join('\n') + '\n';
}
const load = (text: string, extra: object = {}) => loadTrial(parseCsvText(text, 'gp.csv'), parsePlan({ ...structuredClone(plan), ...extra }));

describe('a practice-randomised export with one patient recorded in the other arm', () => {
  it('is refused as cluster-randomised, naming the column, the practice and the two ways on', () => {
    const err = errorOf(() => load(practiceExport(['P002'])));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe('gp.csv looks like a cluster-randomised trial, which the plan does not say; nothing was written');
    expect(err.problems).toHaveLength(1);
    const [p] = err.problems;
    expect(p).toMatchObject({ file: 'gp.csv', line: 1, column: 2, field: 'Praksis', kind: 'design.clusters' });
    expect(p!.expected).toContain("19 of its 20 values lie wholly in one arm; 1 patient of 'Lægehuset 1' (10 patients) in the other arm");
    expect(p!.expected).toContain('less than once in a million');
    expect(p!.expected).toContain('"clusters": "Praksis"');
    expect(p!.expected).toContain('"notClusters": ["Praksis"]');
  });

  it('names the three practices with most patients in the other arm, and how many more', () => {
    // One patient moved in each of practices 1–4, two in practice 5 (P1 has 10, P2 5, P3 12, P4 7 patients).
    const err = errorOf(() => load(practiceExport(['P001', 'P011', 'P016', 'P028', 'P035', 'P036'])));
    expect(err.problems[0]!.expected).toContain("15 of its 20 values lie wholly in one arm; 2 patients of 'Lægehuset 5' (14 patients), 1 of 'Lægehuset 1' (10 patients), 1 of 'Lægehuset 2' (5 patients) and 2 more values in the other arm");
  });

  it('is read when the plan says "clusters" or "notClusters"', () => {
    expect(load(practiceExport(['P002']), { clusters: 'Praksis' }).patients.length).toBeGreaterThan(100);
    expect(load(practiceExport(['P002']), { notClusters: ['Praksis'] }).patients.length).toBeGreaterThan(100);
  });

  it('is drafted as the clusters by plan init, saying it is nearly so and to check the arm', () => {
    const d = draftPlan(parseCsvText(practiceExport(['P002']), 'gp.csv'), 'plan.schema.json');
    expect(d.plan.clusters).toBe('Praksis');
    expect(d.guesses.join('\n')).toContain('clusters: "Praksis" — its 20 values lie nearly wholly in one arm (19 of 20 wholly; 1 patient in their value\'s other arm — check their arm; 10 intervention, 10 control)');
  });

  it('is read when many patients are in their practice\'s other arm (more than 10 %: no signature, near or whole)', () => {
    const moved = Array.from({ length: 30 }, (_, i) => `P${String(5 * i + 1).padStart(3, '0')}`);
    expect(load(practiceExport(moved)).patients.length).toBeGreaterThan(100);
  });
});

/** A small seeded generator (mulberry32): the same draws on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Whether a multi-site individually randomised trial's site column is taken for clusters. */
function flagged(sizes: readonly number[], share: number, draw: () => number): boolean {
  const c = new ClusterColumns(['site'], () => true);
  let patient = 0;
  sizes.forEach((size, s) => {
    for (let j = 0; j < size; j++) c.see(0, patient++, draw() < share ? 'intervention' : 'control', `S${s}`);
  });
  return c.signatures(patient).length > 0;
}

describe('sites of an individually randomised trial, 2–15 patients each', () => {
  it('are not taken for clusters in 3000 simulated trials (4–40 sites, 1:1 and 2:1 allocation; seeded)', () => {
    const draw = random(20261206);
    let alarms = 0;
    for (let t = 0; t < 3000; t++) {
      const sizes = Array.from({ length: 4 + Math.floor(draw() * 37) }, () => 2 + Math.floor(draw() * 14));
      if (flagged(sizes, t % 3 === 0 ? 2 / 3 : 1 / 2, draw)) alarms++;
    }
    expect(alarms).toBe(0);
  });

  it('are not taken for clusters when tiny (2–4 patients, 4–8 sites), where nearly every site can lie in one arm by chance (seeded)', () => {
    // Without the chance rule, a handful of such trials would show the near signature (at most 10 % in the other arm).
    const draw = random(7);
    let alarms = 0;
    for (let t = 0; t < 3000; t++) {
      const sizes = Array.from({ length: 4 + Math.floor(draw() * 5) }, () => 2 + Math.floor(draw() * 3));
      const c = new ClusterColumns(['site'], () => true);
      let patient = 0;
      sizes.forEach((size, s) => {
        for (let j = 0; j < size; j++) c.see(0, patient++, draw() < 0.5 ? 'intervention' : 'control', `S${s}`);
      });
      if (c.signatures(patient).some((sig) => sig.near)) alarms++;
    }
    expect(alarms).toBe(0);
  });

  it('are not taken for clusters, whatever the sizes and the allocation (property, seeded)', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 2, max: 15 }), { minLength: 4, maxLength: 60 }), fc.integer({ min: 1, max: 2 ** 31 }), (sizes, seed) => {
        const draw = random(seed);
        // Whole-signature columns (every site in one arm by chance) are the existing rule's, not the near rule's.
        const c = new ClusterColumns(['site'], () => true);
        let patient = 0;
        sizes.forEach((size, s) => {
          for (let j = 0; j < size; j++) c.see(0, patient++, draw() < 0.5 ? 'intervention' : 'control', `S${s}`);
        });
        const near = c.signatures(patient).filter((sig) => sig.near);
        expect(near).toEqual([]);
      }),
      { numRuns: 500 },
    );
  });
});

describe('following a column over the rows', () => {
  it('gives up a site column once 100 patients show their sites mixed (its cells need not be read), never a clustered one', () => {
    const c = new ClusterColumns(['site', 'praksis'], () => true);
    for (let k = 0; k < 300; k++) {
      const arm = k % 2 ? 'intervention' : 'control';
      c.see(0, k, arm, `S${Math.floor(k / 3) % 10}`);
      // Practices of 30 patients, each in one arm; the first 2 patients read are recorded in the other arm.
      c.see(1, k, k < 2 ? (arm === 'intervention' ? 'control' : 'intervention') : arm, `P${k % 2}-${Math.floor(k / 60)}`);
      if (k === 98) expect(c.open(0)).toBe(true);
    }
    expect(c.open(0)).toBe(false);
    expect(c.open(1)).toBe(true);
    expect(c.signatures(300).map((s) => [s.column, s.near?.others.length])).toEqual([['praksis', 2]]);
  });
});

describe('the chance of a split at least as lopsided', () => {
  it('is the binomial tail of the smaller arm, both ways', () => {
    // 4 patients, none in one arm, p = ½: 2 of the 16 splits.
    expect(Math.exp(logLopsidedChance(4, 0, 0.5))).toBeCloseTo(2 / 16, 12);
    // 5 patients, at most 1 in one arm, p = 0.4: P(X ≤ 1) + P(X ≥ 4).
    const b = (x: number) => [1, 5, 10, 10, 5, 1][x]! * 0.4 ** x * 0.6 ** (5 - x);
    expect(Math.exp(logLopsidedChance(5, 1, 0.4))).toBeCloseTo(b(0) + b(1) + b(4) + b(5), 12);
    expect(logLopsidedChance(3, 1, 0.5)).toBe(0);
  });
  it('combines by Fisher: one chance is itself; two of ½ give 1 − ln 4 · … as χ²(4) does', () => {
    expect(Math.exp(logFisherCombined([Math.log(0.03)]))).toBeCloseTo(0.03, 12);
    // −2(ln ½ + ln ½) = 2 ln 4 on 4 df: e^(−ln 4)(1 + ln 4).
    expect(Math.exp(logFisherCombined([Math.log(0.5), Math.log(0.5)]))).toBeCloseTo(0.25 * (1 + Math.log(4)), 12);
    expect(NEAR_SIGNATURE_CHANCE).toBe(1e-6);
  });
});
