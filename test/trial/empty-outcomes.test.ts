// An outcome with no value at a follow-up visit (adverse events kept on REDCap repeating rows, a
// column empty there): validate notes it and analyze's rows say so, in the same words — not the
// binomial's "the number of patients must be … at least 1" (src/trial/empty-outcomes.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { notComputedText } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  arms: { intervention: 'A', control: 'B' },
  timepoints: ['3m', '9m'],
  methods: ['ancova', 'welch'],
  outcomes: [
    { key: 'pain', instrument: 'nrs' },
    { key: 'ae_serious', instrument: 'binary', direction: 'lower-is-better' },
    { key: 'gpe', instrument: 'nrs' },
  ],
};
// ae_serious is empty everywhere; gpe has values at 3m only.
const csv = (() => {
  const lines = ['id,arm,time,pain,ae_serious,gpe'];
  for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m', '9m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${(p * 3 + t.length) % 11},,${t === '3m' ? (p * 7 + 2) % 11 : ''}`);
  return lines.join('\n') + '\n';
})();

describe('an outcome with no value at a visit', () => {
  it("analyze's rows say so in validate's words, and in Danish on a Danish page", () => {
    const result = analyzeTrial(loadTrial(parseCsvText(csv, 't.csv'), parsePlan(plan)), { version: 'test' });
    const errors = (key: string, time: string) => result.effects.filter((e) => e.outcome === key && e.time === time).map((e) => e.error);
    expect(errors('ae_serious', '3m')).toEqual(['no patient has a value of ae_serious at 3m']);
    expect(errors('ae_serious', '9m')).toEqual(['no patient has a value of ae_serious at 9m']);
    expect(errors('gpe', '9m')).toEqual(['no patient has a value of gpe at 9m', 'no patient has a value of gpe at 9m']);
    expect(errors('gpe', '3m').join()).not.toContain('no patient has a value');
    expect(errors('pain', '9m')).toEqual([undefined, undefined]);
    expect(notComputedText('no patient has a value of ae_serious at 3m', 'da')).toContain('ingen patient har en værdi af ae_serious ved');
  });

  it('validate notes it with the same words', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 't.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('validate', join(dir, 't.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/note: .*no patient has a value of ae_serious at 3m; no patient has a value of ae_serious at 9m — the outcome has nothing to compare/);
    expect(r.stderr).toMatch(/note: .*no patient has a value of gpe at 9m — its analysis rows there are not computed/);
    expect(r.stderr).not.toMatch(/pain at/);
  });
});
