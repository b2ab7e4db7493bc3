// The whole pipeline — CSV reading, item scoring (RMDQ, PSEQ, EQ-5D-5L DK), baseline pairing,
// ANCOVA with a categorical covariate, Welch, Hedges' g, responders — against R on the bundled
// synthetic export (test/reference/analyze-selfback.R).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { expectClose } from '../support/tolerance.js';

interface RefRow {
  outcome: string;
  time: string;
  method: string;
  n_intervention: number;
  n_control: number;
  difference: number;
  se?: number;
  df?: number;
  ciLower?: number;
  ciUpper?: number;
  pValue: number;
  smd?: number;
  smdCiLower?: number;
  smdCiUpper?: number;
}

const reference = JSON.parse(readFileSync('test/reference/analyze-selfback.json', 'utf8')) as RefRow[];
const result = analyzeTrial(loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json')), { version: 'test' });

describe('hta analyze = R on the bundled export', () => {
  it.each(reference.map((r) => [`${r.outcome} ${r.time} ${r.method}`, r] as const))('%s', (_name, ref) => {
    const row = result.effects.find((e) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
    expect(row, 'row present').toBeDefined();
    expect(row!.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
    expectClose(row!.difference!, ref.difference);
    expectClose(row!.pValue!, ref.pValue);
    if (ref.se !== undefined) expectClose(row!.se!, ref.se);
    if (ref.df !== undefined) expectClose(row!.df!, ref.df);
    if (ref.ciLower !== undefined) {
      expectClose(row!.ciLower!, ref.ciLower);
      expectClose(row!.ciUpper!, ref.ciUpper!);
    }
    if (ref.smd !== undefined) {
      expectClose(row!.smd!.estimate, ref.smd);
      expectClose(row!.smd!.ciLower, ref.smdCiLower!);
      expectClose(row!.smd!.ciUpper, ref.smdCiUpper!);
    }
  });
});
