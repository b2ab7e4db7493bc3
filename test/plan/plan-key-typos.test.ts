/**
 * Every unknown key of a plan, at any depth, gets the known keys of its own object and the
 * nearest of them when close: the same key in other case first (`mcidsource` → `mcidSource`),
 * else within edit distance 2 (docs/plan-trial.md#fields). Two typos are two lines, each with
 * its own hint (they were grouped under the first one's).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m'],
  outcomes: [{ key: 'smerte', instrument: 'nrs_avg' }],
  instruments: { nrs_avg: { label: { en: 'Pain' }, range: [0, 10], direction: 'lower-is-better', mcid: 2 } },
};

const problemAt = (plan: object, field: string) => errorOf(() => parsePlan(plan, 'p.json')).problems.find((p) => p.field === field)!;

describe('unknown plan keys', () => {
  it('two typos in one plan: each line names its own key, known keys and near miss', async () => {
    const dir = tempDir();
    const file = join(dir, 'hand.json');
    writeFileSync(file, JSON.stringify({ ...PLAN, columns: { covariate: { koen: 'køn' } }, outcomes: [{ key: 'smerte', instrument: 'nrs', mcidsource: 'Ostelo' }] }, null, 1));
    const r = await runCli('plan', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(columns\.covariate\): "covariate" — expected no key "covariate" here \(known keys: id, arm, time, covariates, withdrawalReason, consentWithdrawn\); did you mean "covariates"\?/);
    expect(r.stderr).toMatch(/\(outcomes\.0\.mcidsource\): "mcidsource" — expected no key "mcidsource" here \(known keys: key, instrument, .*mcidSource.*\); did you mean "mcidSource"\?/);
  });

  it('inside a record\'s values: an instrument of the plan, a column\'s codes, a covariate range', () => {
    expect(problemAt({ ...PLAN, instruments: { nrs_avg: { ...PLAN.instruments.nrs_avg, Decimals: true } } }, 'instruments.nrs_avg.Decimals').hint).toBe('did you mean "decimals"?');
    expect(problemAt({ ...PLAN, columnCodes: { med: { answer: { Ja: 1 } } } }, 'columnCodes.med.answer').hint).toBe('did you mean "answers"?');
    expect(problemAt({ ...PLAN, covariateRanges: { age: { min: 0, mx: 120 } } }, 'covariateRanges.age.mx').hint).toBe('did you mean "max"?');
  });

  it('the same key in other case wins over a nearer-looking one; an ambiguous or far key gets none', () => {
    // "DA" is "da" but for case; "en", listed first, is as near by edit distance (it was offered).
    const label = { ...PLAN, instruments: { nrs_avg: { ...PLAN.instruments.nrs_avg, label: { en: 'Pain', DA: 'Smerte' } } } };
    expect(problemAt(label, 'instruments.nrs_avg.label.DA').hint).toBe('did you mean "da"?');
    expect(problemAt({ ...PLAN, outcomes: [{ key: 'smerte', instrument: 'nrs', MCID: 2 }] }, 'outcomes.0.MCID').hint).toBe('did you mean "mcid"?');
    expect(problemAt({ ...PLAN, outcomes: [{ key: 'smerte', instrument: 'nrs', mcids: 2 }] }, 'outcomes.0.mcids').hint).toBe('did you mean "mcid"?');
    expect(problemAt({ ...PLAN, outcomes: [{ key: 'smerte', instrument: 'nrs', colour: 'red' }] }, 'outcomes.0.colour').hint).toBeUndefined();
    expect(problemAt({ ...PLAN, primary: { outcome: 'smerte', time: '3m', at: 1 } }, 'primary.at').hint).toBeUndefined();
  });
});
