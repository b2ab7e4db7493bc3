// A small population stopped mid-bootstrap with "Column cost has only 1 observed values" (exit 1):
// a replicate of an arm of 4 patients with 3 observed costs draws at most one of them in 13/256
// of replicates. Now such an arm is refused before the analysis (exit 2, naming arm, quantity
// and counts), and the rare short replicate of a larger arm is drawn again and counted
// (src/cea/imputable-resamples.ts, docs/plan-cea.md#too-few-observed-values).
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { bootstrapCea } from '../../src/cea/cea-bootstrap.js';
import type { CeaColumns } from '../../src/cea/cea-imputation.js';
import { refuseThinArms, shortShare } from '../../src/cea/imputable-resamples.js';
import { HtaError, formatError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';

/** Four intervention patients (one cost missing) and eight control patients, all else observed. */
function smallArms(): CeaColumns {
  const arm = [1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0];
  return {
    arm,
    baselineUtility: arm.map((_, i) => 0.6 + 0.02 * i),
    cost: arm.map((_, i) => (i === 2 ? null : 100 + 37 * ((i * 7) % 5))),
    qaly: arm.map((_, i) => 0.7 + 0.01 * ((i * 3) % 4)),
    covariates: [],
  };
}

function refusal(run: () => unknown): HtaError {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return e as HtaError;
  }
  throw new Error('not refused');
}

describe('too few observed values for the bootstrap to impute', () => {
  it('the share of short resamples is the binomial probability of fewer than 2 observed draws', () => {
    // 4 draws, each observed with probability 3/4: P(0) + P(1) = 1/256 + 12/256.
    expect(shortShare(4, 3)).toBeCloseTo(13 / 256, 15);
    expect(shortShare(10, 8)).toBeCloseTo(0.2 ** 10 + 10 * 0.8 * 0.2 ** 9, 15);
  });

  it('refuses the arm before the analysis, naming the arm, the quantity and the counts', () => {
    const e = refusal(() => refuseThinArms(smallArms(), { intervention: 'App', control: 'Vanlig' }, 'export.csv', 'the base case'));
    expect(e.exitCode).toBe(2);
    const text = formatError(e);
    expect(text).toContain('enough observed total costs in the "App" arm');
    expect(text).toContain('3 of its 4 patients have them (1 missing), and 5.1 % of the arm\'s resamples');
    expect(text).not.toContain('Vanlig');
  });

  it('draws a short replicate again instead of stopping, and counts it', () => {
    const boot = bootstrapCea(smallArms(), { replicates: 100, seed: 1 });
    expect(boot.cost).toHaveLength(100);
    expect(boot.cost.every(Number.isFinite)).toBe(true);
    expect(boot.redrawn).toBeGreaterThan(0);
  });

  it('hta cea on such an export exits 2 before the bootstrap, not 1 in its middle', () => {
    const f = ceaFixture();
    // Every app patient's 3m resource use but three emptied: 3 of 24 observed costs.
    let kept = 0;
    const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l) => {
      const m = /^(P\d+,app,3m,.*,)(\d+)$/.exec(l);
      if (!m) return l;
      return kept++ < 3 ? l : m[1];
    });
    writeFileSync(f.exportFile, lines.join('\n'));
    const e = refusal(() => analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json' }));
    expect(e.exitCode).toBe(2);
    expect(formatError(e)).toContain('enough observed total costs in the "app" arm to impute its missing ones in each bootstrap replicate: 3 of its 24 patients');
  });
});
