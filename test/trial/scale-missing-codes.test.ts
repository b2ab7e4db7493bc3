// A plan-wide missing-value code that is an answer on an outcome's scale: "missingCodes": [9],
// written for EQ-5D's user-missing 9,000, also made every RMDQ 9 (× 23) and NRS 9 (× 43) missing
// while validate called the file valid (docs/plan-trial.md#codes-order-and-scope).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { planWarnings } from '../../src/plan/plan-warnings.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** An SPSS-shaped wide export (semicolons, decimal commas): 30 patients, RMDQ and NRS with 9s, and EQ-5D's user-missing `9,000` once. */
function export_(): string {
  const lines = ['ID;Gruppe;RMDQ_base;RMDQ_3mdr;NRS_base;NRS_3mdr;EQ5D_base;EQ5D_3mdr'];
  for (let p = 1; p <= 30; p++) {
    const rmdq = [(p * 7) % 25, (p * 5) % 20];
    const nrs = [(p * 3) % 11, (p * 7) % 10];
    const eq = [`0,${String(300 + p * 11).padStart(3, '0')}`, p === 4 ? '9,000' : `0,${String(400 + p * 13).padStart(3, '0')}`];
    lines.push(`${p};${p % 2 ? 1 : 2};${rmdq.map((v) => `${v},00`).join(';')};${nrs.join(';')};${eq.join(';')}`);
  }
  return lines.join('\r\n') + '\r\n';
}

const text = export_();
const nines = (k: number) => text.split('\r\n').slice(1).filter((l) => l.split(';')[k] === (k < 4 ? '9,00' : '9')).length;
const draft = draftPlan(parseCsvText(text, 'spss.csv'), 'plan.schema.json').plan;

async function validate(plan: Record<string, unknown>) {
  const dir = tempDir();
  writeFileSync(join(dir, 'spss.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return runCli('validate', join(dir, 'spss.csv'), '--plan', join(dir, 'plan.json'));
}

describe('"missingCodes": [9] beside RMDQ and NRS', () => {
  const plan = { ...draft, missingCodes: [9] };
  it('plan check warns that 9 is an answer on their scales, naming "columnCodes"', () => {
    const warnings = planWarnings(parsePlan(plan, 'plan.json')).join('\n');
    expect(warnings).toContain('"missingCodes" holds 9, a valid answer on the scale of outcome "rmdq" (0–24) and outcome "nrs" (0–10): every 9 in their columns is read as missing — if 9 means "missing" only in some columns');
    expect(warnings).toContain('"columnCodes": { "<column>": { "missing": [9] } }');
  });
  it('validate still reads the file, and says how many answers the code made missing, and the column to write it for', async () => {
    const r = await validate(plan);
    expect(r.code).toBe(0);
    const [rmdq, nrs] = [nines(2) + nines(3), nines(4) + nines(5)];
    expect(rmdq).toBeGreaterThan(0);
    expect(nrs).toBeGreaterThan(0);
    expect(r.stderr).toContain(`the plan-wide missing-value code 9 made ${rmdq} cell${rmdq === 1 ? '' : 's'} of outcome "rmdq" (0–24) and ${nrs} of outcome "nrs" (0–10) missing, where 9 is a valid answer — if 9 means "missing" only in some columns (here "EQ5D"), write it for that column only: "columnCodes": { "EQ5D": { "missing": [9] } }, and take 9 out of "missingCodes"`);
  });
  it('no longer names the EQ-5D column once the code is its own, but still counts the RMDQ and NRS 9s the plan-wide 9 drops', async () => {
    // The plan-wide 9 kept beside the column's own: EQ5D's 9,000 is its column's code, the rest still answers.
    const both = { ...draft, missingCodes: [9], columnCodes: { EQ5D: { missing: [9] } } };
    const r = await validate(both);
    expect(r.code).toBe(0);
    const [rmdq, nrs] = [nines(2) + nines(3), nines(4) + nines(5)];
    expect(r.stderr).toContain(`the plan-wide missing-value code 9 made ${rmdq} cell${rmdq === 1 ? '' : 's'} of outcome "rmdq" (0–24) and ${nrs} of outcome "nrs" (0–10) missing, where 9 is a valid answer — if 9 means "missing" only in some columns, write it for those columns only`);
    expect(r.stderr).not.toContain('"EQ5D"');
    expect(r.stderr).not.toContain('(here');
  });
});

it('"missingCodes": [99] is on no scale here: no warning', () => {
  expect(planWarnings(parsePlan({ ...draft, missingCodes: [99, 999] }, 'plan.json')).join('\n')).not.toContain('"missingCodes" holds');
});

it('the EQ-5D column\'s 9,000 is refused with the advice to write it in "columnCodes", not as a plan-wide code', async () => {
  const r = await validate(draft);
  expect(r.code).toBe(2);
  expect(r.stderr).toContain('"9,000" — expected a number from -0.758 to 1 (EQ-5D-5L index (dk-5l-2021)) — if 9 means "missing" here, write "columnCodes": { "EQ5D": { "missing": [9] } } in the plan, not a plan-wide "missingCodes" 9: 9 is a valid answer on the scale of outcome "rmdq" (0–24) and outcome "nrs" (0–10), whose 9s it would make missing too');
});

it('an out-of-range typo (NRS 15) gets no invitation to write it as a missing-value code, though other scales hold 15', () => {
  // Only a number shaped like SPSS's user-missing code (nines, or far above the top) may be one.
  const typo = text.replace(/^(5;1;[^;]*;[^;]*;[^;]*;)[^;]*;/m, '$115;');
  expect(typo).not.toBe(text);
  const own = parsePlan({ ...draft, columnCodes: { EQ5D: { missing: [9] } } }, 'plan.json');
  let problems: { value?: string; expected?: string }[] = [];
  try {
    loadTrial(parseCsvText(typo, 'spss.csv'), own);
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    problems = (e as HtaError).problems;
  }
  expect(problems).toHaveLength(1);
  expect(problems[0]).toMatchObject({ value: '15', expected: 'a whole number from 0 to 10 (Pain intensity (NRS 0–10))' });
});
