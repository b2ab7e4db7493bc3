/**
 * The CEA bootstrap's per-replicate functions are optimised by V8 on the replicates' row arrays
 * (`drawReplicate`'s). Before session 27, a sensitivity scenario's point estimate passed
 * `imputeByArm` all patients' rows made by `map` (another elements kind) and asked the per-replicate
 * missing-value check of all patients, and the complete-case scenario asked it of one patient's
 * `[i]`: each threw the optimised code away ("wrong map") for the rest of the run, and
 * `imputeByArm` (~180 ms of TurboFan to compile) ran unoptimised through the societal scenario's
 * 500 replicates (docs/architecture.md#the-cost-of-a-cold-regeneration). This reads V8's own
 * optimisation status (natives syntax), so it says something only on the V8 it runs on.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { drawReplicate, everyRow } from '../../src/cea/cea-bootstrap.js';
import { type CeaColumns, hasMissing, imputeByArm, missingAt, missingIn } from '../../src/cea/cea-imputation.js';
import { createRandom } from '../../src/stats/random.js';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag: functions of V8's natives syntax.
const prepare = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
const optimiseNext = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
/** V8's OptimizationStatus bit for code from TurboFan. */
const TURBOFANNED = 1 << 6;

/** A trial export's patient columns as ceaPatients gives them: 60 patients, costs and QALYs missing together for some, one baseline missing. */
function trial(): { cols: CeaColumns; intervention: number[]; control: number[] } {
  const rng = createRandom(11);
  const arm: number[] = [];
  const u0: (number | null)[] = [];
  const qaly: (number | null)[] = [];
  const cost: (number | null)[] = [];
  const age: (number | null)[] = [];
  for (let i = 0; i < 60; i++) {
    arm.push(i % 2);
    const u = Math.round(600 + 400 * rng.uniform()) / 1000;
    u0.push(i === 17 ? null : u);
    const lost = i % 7 === 3;
    qaly.push(lost ? null : 0.5 * u + 0.2 * rng.uniform());
    cost.push(lost ? null : Math.round(100 * (300 + 900 * rng.uniform())) / 100);
    age.push(30 + (i % 23));
  }
  const intervention: number[] = [];
  const control: number[] = [];
  arm.forEach((a, k) => (a === 1 ? intervention : control).push(k));
  return { cols: { arm, baselineUtility: u0, cost, qaly, covariates: [{ name: 'age', values: age }] }, intervention, control };
}

describe('the CEA bootstrap under V8', () => {
  it('keeps imputeByArm optimised when a point estimate imputes every row', () => {
    const { cols, intervention, control } = trial();
    const rng = createRandom(5);
    prepare(imputeByArm);
    for (let r = 0; r < 20; r++) imputeByArm(cols, drawReplicate(rng, intervention, control), 1, r);
    optimiseNext(imputeByArm);
    imputeByArm(cols, drawReplicate(rng, intervention, control), 1, 20);
    expect(status(imputeByArm) & TURBOFANNED).toBe(TURBOFANNED);
    // A sensitivity scenario's point estimate (analyze-cea.ts): m imputations of all patients.
    imputeByArm(cols, everyRow(cols.arm.length), 5, 21);
    imputeByArm(cols, drawReplicate(rng, intervention, control), 1, 22);
    expect(status(imputeByArm) & TURBOFANNED).toBe(TURBOFANNED);
  });

  it('keeps the replicate check optimised when all patients or one patient are checked', () => {
    const { cols, intervention, control } = trial();
    const rng = createRandom(6);
    prepare(missingIn);
    for (let r = 0; r < 3; r++) missingIn(cols, drawReplicate(rng, intervention, control));
    optimiseNext(missingIn);
    missingIn(cols, drawReplicate(rng, intervention, control));
    expect(status(missingIn) & TURBOFANNED).toBe(TURBOFANNED);
    // What a scenario asks besides (analyze-cea.ts): anything missing at all, and each patient for the complete cases.
    expect(hasMissing(cols)).toBe(true);
    expect(cols.arm.map((_, i) => missingAt(cols, i)).filter(Boolean).length).toBe(9);
    missingIn(cols, drawReplicate(rng, intervention, control));
    expect(status(missingIn) & TURBOFANNED).toBe(TURBOFANNED);
  });

  it('answers as before: missing values of replicate rows, of everyone, of one patient', () => {
    const { cols } = trial();
    expect(missingIn(cols, [0, 2, 4])).toBe(false);
    expect(missingIn(cols, [0, 3])).toBe(true); // patient 3: cost and QALY missing
    expect(missingIn(cols, [17])).toBe(true); // patient 17: baseline missing
    expect(missingAt(cols, 17)).toBe(true);
    expect(missingAt(cols, 16)).toBe(false);
    expect(hasMissing({ ...cols, cost: cols.cost.map((c) => c ?? 0), qaly: cols.qaly.map((q) => q ?? 0), baselineUtility: cols.baselineUtility.map((u) => u ?? 0) })).toBe(false);
    expect(everyRow(4)).toEqual([0, 1, 2, 3]);
  });
});
