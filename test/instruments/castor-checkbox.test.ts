/**
 * Castor EDC checkbox columns (docs/plan-trial.md#castor-checkboxes): Castor writes a checkbox
 * field as one 0/1 column per option, `<variable>#<option>` (`med_3m#1`, `med_3m#2`), as REDCap
 * writes `med___1`. The fixture is shaped as the tester's export (castor_cb.csv): a wide export,
 * semicolon-separated, a 3-month field `med_3m` with two options, follow-ups written
 * `##USER_MISSING_95##`; two rows added with that code in an option cell.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { checkboxOptionOf, checkboxOptionParts } from '../../src/instruments/binary-checkbox.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { wideToLong } from '../../src/trial/wide-to-long.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/binary-outcomes';
const EXPORT = join(DIR, 'castor-checkbox.csv');
const PLAN = join(DIR, 'castor-checkbox.plan.json');

function planWith(change: Record<string, unknown>): string {
  const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as { outcomes: { key: string }[] };
  plan.outcomes = plan.outcomes.map((o) => (o.key === 'medicin' ? { ...o, ...change } : o));
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

/** validate's row of observed answers (intervention/control) for the outcome, per visit. */
const observed = (stdout: string) => stdout.split('\n').find((l) => l.startsWith('medicin '))!.trim().split(/\s+/).slice(2);

afterAll(removeTempDirs);

describe('Castor checkbox option columns', () => {
  it('`field#option` is an option of the field, as REDCap\'s `field___option`', () => {
    expect(checkboxOptionOf('med_3m#1')).toEqual({ field: 'med_3m', labels: false, system: 'Castor' });
    expect(checkboxOptionOf('med_3m#Paracetamol')).toEqual({ field: 'med_3m', labels: false, system: 'Castor' });
    expect(checkboxOptionOf('med___1')).toEqual({ field: 'med', labels: false, system: 'REDCap' });
    expect(checkboxOptionParts('med_3m#1')).toEqual({ field: 'med_3m', option: '#1' });
    for (const c of ['Participant Id', 'rmdq_3m', 'nr#', '#1', 'Item #3']) expect(checkboxOptionOf(c), c).toBeUndefined();
  });

  it('in a wide export the visit ends the field\'s name: `med_3m#1` is option `med#1` at 3m (REDCap `med_3m___1` too), not a column of every visit', () => {
    const csv = parseCsvText('id,age,rmdq_bl,rmdq_3m,med_3m#1,med_3m#2,smerte_3m___1,med___9\n1,40,10,6,1,0,1,0\n', 'w.csv');
    const long = wideToLong(csv, 'visit', ['bl', '3m']);
    expect(long.header).toEqual(['id', 'age', 'med___9', 'visit', 'rmdq', 'med#1', 'med#2', 'smerte___1']);
    const rows = [...long.records].map((r) => r.cells);
    expect(rows).toEqual([
      ['1', '40', '0', 'bl', '10', null, null, null],
      ['1', '40', '0', '3m', '6', '1', '0', '1'],
    ]);
    expect(long.sourceFields!('3m', 5)).toBe('med_3m#1');
  });

  it('plan init lists one checkbox field at its visit, drafts no outcome from it, and names the option as a plan reads it', () => {
    const d = draftPlan(readCsvFile(EXPORT), 'plan.schema.json');
    const outcomes = (d.plan as { outcomes: { key: string; column?: string }[] }).outcomes;
    expect(outcomes.map((o) => o.column ?? o.key)).toEqual(['rmdq']);
    expect(d.guesses).toContain('not used: Castor checkbox field "med" at 3m (med_3m#1, med_3m#2: one 0/1 column per option and visit)');
    expect(d.checks.join('\n')).toContain('Castor checkbox "med": add an option\'s column (named without its visit: "column": "med#1" reads med_3m#1 at 3m)');
  });

  it('an option as a yes/no outcome: every option unticked is missing (3/3, not 5/5), and the 3-month field has no baseline answers', async () => {
    const r = await runCli('validate', EXPORT, '--plan', PLAN);
    expect(r.code, r.stderr).toBe(0);
    expect(observed(r.stdout)).toEqual(['0/0', '3/3']);
    // 110003, 110006, 110008 (0;0) and 110011 (0;##USER_MISSING_95##): no option ticked.
    expect(r.stderr).toContain('4 answers of "med#1" (outcome "medicin") read as missing: every option of the Castor checkbox "med" (med#1, med#2) unticked');
    expect(r.stderr).toContain('set "noneTicked": "no" on the outcome "medicin"');
  });

  it('"noneTicked": "no": unticked is "no" (5/5); a missing code in the outcome\'s own option cell stays missing', async () => {
    const r = await runCli('validate', EXPORT, '--plan', planWith({ noneTicked: 'no' }));
    expect(r.code, r.stderr).toBe(0);
    expect(observed(r.stdout)).toEqual(['0/0', '5/5']);
    expect(r.stderr).not.toContain('answers of "med#1"');
  });

  it('analyze: the risk difference is read from the 6 answered rows, not from 10 with 4 unanswered as "no"', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', PLAN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.split('\n').find((l) => l.startsWith('Pain-medication use'))).toMatch(/3\/3\s+33\.3 pp/);
  });
});

describe('a plan naming the wide file\'s option column (as plan init drafted it before)', () => {
  it('is told the option\'s name to write, not that the file lacks the column', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync('test/fixtures/binary-outcomes/castor-checkbox.plan.json', 'utf8'));
    plan.outcomes[1].column = 'med_3m#1';
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('validate', 'test/fixtures/binary-outcomes/castor-checkbox.csv', '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('in a wide export "med_3m#1" is read as checkbox option "med#1" at its visit — write "column": "med#1"');
    expect(r.stderr).not.toContain('expected a column "med_3m#1"');
  });
});
