/**
 * The CEA bootstrap calls chainedEquations some 12,000 times in a run (docs/plan-cea.md), and its
 * set-up is a good part of each call. V8 made `Array.prototype.map`'s and `filter`'s results
 * packed while the function ran unoptimised and holey once it was optimised with them inlined, so
 * the optimised code met the other kind at once and was thrown away ("wrong map"), twice, and the
 * set-up then ran unoptimised for most of the bootstrap (docs/architecture.md#the-cost-of-a-cold-regeneration).
 * This checks that once optimised, it stays so on a call like the bootstrap's. It reads V8's own
 * optimisation status (natives syntax), so it says something only on the V8 it runs on.
 */
import { setFlagsFromString } from 'node:v8';
import { describe, expect, it } from 'vitest';
import { chainedEquations, type ImputationColumn } from '../../../src/stats/missing/chained-equations.js';
import { createRandom } from '../../../src/stats/random.js';

setFlagsFromString('--allow-natives-syntax');
// Compiled after the flag: functions of V8's natives syntax.
const prepare = new Function('f', '%PrepareFunctionForOptimization(f)') as (f: unknown) => void;
const optimiseNext = new Function('f', '%OptimizeFunctionOnNextCall(f)') as (f: unknown) => void;
const status = new Function('f', 'return %GetOptimizationStatus(f)') as (f: unknown) => number;
/** V8's OptimizationStatus bit for code from TurboFan. */
const TURBOFANNED = 1 << 6;

/** One arm of a CEA bootstrap replicate: baseline utility, QALYs and costs, the last two missing together. */
function arm(seed: number): ImputationColumn[] {
  const rng = createRandom(seed);
  const u0: (number | null)[] = [];
  const qaly: (number | null)[] = [];
  const cost: (number | null)[] = [];
  for (let i = 0; i < 120; i++) {
    const u = i % 17 === 0 ? 1 : Math.round(600 + 400 * rng.uniform()) / 1000;
    u0.push(i % 41 === 5 ? null : u);
    const lost = i % 6 === 1;
    qaly.push(lost ? null : 0.5 * u + 0.2 * rng.uniform());
    cost.push(lost ? null : Math.round(100 * (300 + 900 * rng.uniform())) / 100);
  }
  return [{ name: 'u0', values: u0 }, { name: 'qaly', values: qaly }, { name: 'cost', values: cost }];
}

describe('chainedEquations under V8', () => {
  it('stays optimised once optimised on a CEA replicate', () => {
    prepare(chainedEquations);
    for (let r = 0; r < 3; r++) chainedEquations(arm(r), { m: 1, seed: r, method: 'pmm' });
    optimiseNext(chainedEquations);
    chainedEquations(arm(3), { m: 1, seed: 3, method: 'pmm' });
    chainedEquations(arm(4), { m: 1, seed: 4, method: 'pmm' });
    expect(status(chainedEquations) & TURBOFANNED).toBe(TURBOFANNED);
  });
});
