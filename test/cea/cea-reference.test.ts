// The cost-effectiveness statistics against R (test/reference/cea.R: systemfit, lm, boot) on the
// bundled synthetic Danish patients, with the bootstrap resamples hta drew (cea-input.json).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { qalyAuc } from '../../src/cea/qaly-auc.js';
import { incrementalFit } from '../../src/cea/incremental-regression.js';
import { bootstrapCea, bootstrapIndexSets } from '../../src/cea/cea-bootstrap.js';
import { acceptability } from '../../src/cea/ce-summaries.js';
import { normInterQuantile } from '../../src/stats/bootstrap-intervals.js';

interface Input {
  years: number[];
  arm: number[];
  utilities: (number | null)[][];
  cost: (number | null)[];
  female: number[];
  complete: number[];
  bootstrap: { replicates: number; seed: number; indexSets: number[][] };
  wtp: number[];
  thresholds: number[];
}
const input = JSON.parse(readFileSync('test/reference/cea-input.json', 'utf8')) as Input;
const ref = JSON.parse(readFileSync('test/reference/cea.json', 'utf8'));

const close = (actual: number, expected: number, rel = 1e-6) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));
const rows = input.complete;
const qaly = input.utilities.map((u) => qalyAuc(input.years, u, false));
const data = {
  arm: rows.map((i) => input.arm[i]!),
  baselineUtility: rows.map((i) => input.utilities[i]![0]!),
  cost: rows.map((i) => input.cost[i]!),
  qaly: rows.map((i) => qaly[i]!),
  covariates: [rows.map((i) => input.female[i]!)],
};

describe('cost-effectiveness against R', () => {
  it('QALYs per patient: trapezoids over all visits, and over the observed visits only', () => {
    expect(input.utilities.some((u) => u.some((x) => x === null))).toBe(true);
    input.utilities.forEach((u, i) => {
      for (const [observedOnly, expected] of [[false, ref.qalyImpute[i]], [true, ref.qalyObserved[i]]] as const) {
        const got = qalyAuc(input.years, u, observedOnly);
        if (expected === null) expect(got).toBeNull();
        else close(got!, expected as number);
      }
    });
  });

  it('incremental cost and QALY with SEs = lm per equation = systemfit SUR, and the SUR covariance', () => {
    const fit = incrementalFit(data);
    for (const k of ['cost', 'qaly'] as const) {
      close(fit[k].estimate, ref.lm[k].estimate);
      close(fit[k].se, ref.lm[k].se);
      close(fit[k].estimate, ref.sur[k].estimate);
      close(fit[k].se, ref.sur[k].se);
    }
    close(fit.covariance, ref.sur.covariance);
  });

  it('the resamples are the ones hta draws from the seed, and boot on them gives the same replicates and percentiles', () => {
    const arm = data.arm;
    expect(bootstrapIndexSets(arm, input.bootstrap.replicates, input.bootstrap.seed)).toEqual(input.bootstrap.indexSets);
    const cols = { ...data, covariates: [{ name: 'female', values: data.covariates[0]! }] };
    const boot = bootstrapCea(cols, { replicates: input.bootstrap.replicates, seed: input.bootstrap.seed });
    boot.cost.forEach((c, b) => close(c, ref.bootstrap.cost[b]));
    boot.qaly.forEach((q, b) => close(q, ref.bootstrap.qaly[b]));
    const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
    close(normInterQuantile(sorted(boot.cost), 0.025), ref.bootstrap.costPercentile[0]);
    close(normInterQuantile(sorted(boot.cost), 0.975), ref.bootstrap.costPercentile[1]);
    close(normInterQuantile(sorted(boot.qaly), 0.025), ref.bootstrap.qalyPercentile[0]);
    close(normInterQuantile(sorted(boot.qaly), 0.975), ref.bootstrap.qalyPercentile[1]);
    acceptability(boot.cost, boot.qaly, input.wtp).forEach((p, k) => close(p, ref.ceac[k]));
    const fit = incrementalFit(data);
    input.thresholds.forEach((l, k) => {
      const nmb = sorted(boot.cost.map((c, b) => l * boot.qaly[b]! - c));
      close(l * fit.qaly.estimate - fit.cost.estimate, ref.nmb[k].estimate);
      close(normInterQuantile(nmb, 0.025), ref.nmb[k].percentile[0]);
      close(normInterQuantile(nmb, 0.975), ref.nmb[k].percentile[1]);
      close(acceptability(boot.cost, boot.qaly, [l])[0]!, ref.nmb[k].probability);
    });
  });
});
