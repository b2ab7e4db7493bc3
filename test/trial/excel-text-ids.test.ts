// Ids Excel keeps as text: a leading apostrophe (`'002`) or the text formula (`="002"`). A tester's
// export with them on the baseline rows only split each such patient in two and gave wrong numbers
// (patient-ids.ts; docs/input-trial-export.md, "Patient ids").
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/excel-text-ids';
const PLAN = `${DIR}/plan.json`;

describe('ids written as Excel text', () => {
  it.each(['apostrophe-some-rows.csv', 'formula-some-rows.csv'])('%s: one id written both ways is refused, naming each row\'s own pair of lines, never the id', async (file) => {
    const r = await runCli('validate', `${DIR}/${file}`, '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('14 × ');
    expect(r.stderr).toContain("expected each patient id written one way: this row's id is another line's, once as Excel text");
    expect(r.stderr).toContain('(line 6: the same id as line 5; line 7: the same id as line 5; line 24: the same id as line 23;');
    expect(r.stderr).not.toMatch(/"?=?"*0\d\d"/);
    const ex = await runCli('validate', `${DIR}/${file}`, '--plan', PLAN, '--exclude-invalid');
    expect(ex.code).toBe(2);
  });

  it("every id with the apostrophe: read as the id, the numbers R gives (lm on the ids without it)", async () => {
    const v = await runCli('validate', `${DIR}/apostrophe-every-row.csv`, '--plan', PLAN);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('patients: 30 intervention, 30 control');
    // The id as the source wrote it, without Excel's mark (what a cost-effectiveness file's rows are matched by).
    const trial = loadTrial(readCsvFile(`${DIR}/apostrophe-every-row.csv`), parsePlan(JSON.parse(readFileSync(PLAN, 'utf8')), PLAN));
    expect(trial.patients.map((p) => p.id).slice(0, 2)).toEqual(['001', '002']);
    const r = await runCli('analyze', `${DIR}/apostrophe-every-row.csv`, '--plan', PLAN, '--json');
    expect(r.code).toBe(0);
    const effects = JSON.parse(r.stdout).effects as { time: string; method: string; n: { intervention: number; control: number }; difference: number; ciLower: number; ciUpper: number }[];
    const at = (time: string) => effects.find((e) => e.method === 'ancova' && e.time === time)!;
    // R: lm(smerte_gns ~ arm + base + køn) per visit, ids with the apostrophe taken off.
    expect(at('T1').n).toEqual({ intervention: 28, control: 29 });
    expect(at('T1').difference).toBeCloseTo(-0.695932268, 8);
    expect(at('T1').ciLower).toBeCloseTo(-1.5011653702, 8);
    expect(at('T1').ciUpper).toBeCloseTo(0.1093008342, 8);
    expect(at('T2').n).toEqual({ intervention: 30, control: 29 });
    expect(at('T2').difference).toBeCloseTo(-1.3263947187, 8);
  });

  it('="002" unquoted in the CSV: named as Excel\'s text formula, with what to do', async () => {
    const r = await runCli('validate', `${DIR}/formula-unquoted.csv`, '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('formula-unquoted.csv:5:1: — expected a value, not Excel\'s text formula ="…"');
    expect(r.stderr).toContain('format the column as Text in the spreadsheet and save as CSV again');
    expect(r.stderr).not.toContain('put the whole field in quotes');
  });
});
