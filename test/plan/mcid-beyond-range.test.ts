/**
 * An MCID as large as the instrument's whole range fixes every verdict before any data is read
 * (RMDQ 0–24 with "mcid": 30, NRS 0–10 with 20, a plan instrument of range [0, 10] with 50):
 * refused by every command that reads the plan, naming the outcome, the range and the likely
 * mix-up (docs/plan-trial.md "MCID and the instrument's range").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m'],
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq', mcid: 30 },
    { key: 'smerte', instrument: 'nrs', mcid: 20 },
  ],
};

describe('an MCID beyond the instrument\'s range', () => {
  it('is refused on a built-in instrument, naming the outcome, the range and the likely mix-up', () => {
    const problems = errorOf(() => parsePlan(plan, 'plan.json')).problems;
    const rmdq = problems.find((p) => p.field === 'outcomes.0.mcid')!;
    expect(rmdq.value).toBe('30');
    expect(rmdq.expected).toMatch(/outcome "rmdq".*its scale 0–24 spans 24.*a percentage \(30% of the range is 7\.2\)/);
    const nrs = problems.find((p) => p.field === 'outcomes.1.mcid')!;
    expect(nrs.expected).toMatch(/outcome "smerte".*0–10.*millimetres of a 0–100 mm scale \(20 mm is 2 on 0–10\)/);
  });
  it('is refused on a plan instrument, at its own "mcid"', () => {
    const custom = { ...plan, instruments: { smerte_d: { label: { en: 'Pain' }, direction: 'lower-is-better', range: [0, 10], mcid: 50 } }, outcomes: [{ key: 'smerte', instrument: 'smerte_d' }] };
    const problems = errorOf(() => parsePlan(custom, 'plan.json')).problems;
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'instruments.smerte_d.mcid', value: '50' });
    expect(problems[0]!.expected).toMatch(/the plan's instrument "smerte_d".*0–10/);
  });
  it('an MCID just below the range is accepted; the whole range is not', () => {
    expect(() => parsePlan({ ...plan, outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 23.9 }] })).not.toThrow();
    expect(() => parsePlan({ ...plan, outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 24 }] })).toThrow();
  });
  it('hta meta refuses such a plan (exit 2) before reading the studies', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    const run = await runCli('meta', 'data/published/selfback-studies.csv', '--plan', join(dir, 'plan.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/plan\.json:\d+:\d+ \(outcomes\.0\.mcid\): "30" — expected an MCID smaller than the whole range/);
  });
});
