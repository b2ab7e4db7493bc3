/**
 * `hta validate` of a registry export with follow-up values only and "baselineAsConfounder": false
 * (docs/observational.md): the summary has no "baseline 0/0" column, which read as if every
 * baseline were missing; it says the plan reads none. A plan that reads the baseline keeps it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const plan = (baselineAsConfounder: boolean) => ({
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
});

describe('validate: a follow-up-only registry export', () => {
  it('shows no baseline column, and says why', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(false)));
    const r = await runCli('validate', 'test/fixtures/observational/follow-up-only.csv', '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(0);
    expect(r.stdout).not.toContain('0/0');
    expect(r.stdout).toMatch(/^outcome +source +3m$/m);
    expect(r.stdout).toMatch(/^work +score +105\/195$/m);
    expect(r.stdout).toContain('(no baseline values in the export, and none needed: the plan says "baselineAsConfounder": false)');
  });
});
