/**
 * Two shapes pandas writes that hta does not read: melt()'s `variable`/`value` and a header of
 * column tuples (`('rmdq', '3m')`, a MultiIndex flattened with str(c)). An explorer got "no column is
 * named like an outcome", "could not decide the visits" and "expected a column "rmdq"", with no word
 * of the shape; now plan init and validate name it and give the pandas line
 * (plan/export-layouts.ts, trial/pandas-shape-check.ts; docs/input-trial-export.md#pandas-shapes).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { runCli, tempDir } from '../support/run-cli.js';

const MELTED = ['id,arm,time,age,variable,value', 'SB0001,usual,baseline,41.0,rmdq,9.0', 'SB0001,usual,6w,41.0,rmdq,7.0', 'SB0001,usual,baseline,41.0,pain_avg,1.0', 'SB0002,app,baseline,48.0,rmdq,6.0', 'SB0002,app,6w,48.0,rmdq,5.0', 'SB0002,app,baseline,48.0,pain_avg,2.0'].join('\n') + '\n';
const TUPLES = ['id,arm,age,"(\'rmdq\', \'baseline\')","(\'rmdq\', \'6w\')","(\'pain_avg\', \'baseline\')","(\'pain_avg\', \'6w\')"', 'SB0001,usual,41.0,9.0,7.0,1.0,1.0', 'SB0002,app,48.0,6.0,5.0,2.0,4.0'].join('\n') + '\n';
const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['6w'], covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }, { key: 'pain_avg', instrument: 'nrs' }] };

async function validate(text: string) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
  const r = await runCli('validate', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'));
  return { ...r, stderr: r.stderr.split(dir).join('<dir>') };
}

describe("pandas' melt() with its default variable/value columns", () => {
  it('plan init names the shape and the pivot back, with the file\'s own columns as the index', () => {
    const d = draftPlan(parseCsvText(MELTED, 'melted.csv'), 'plan.schema.json');
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.what).toContain(`pandas' melt() (one row per patient, visit and measure: the outcome's name in column "variable", its value in "value")`);
    expect(d.undecided[0]!.write).toContain('df.pivot(index=["id", "arm", "time", "age"], columns="variable", values="value").reset_index().to_csv("export.csv", index=False)');
  });

  it('validate with a plan: the shape and the pivot, exit 2, not a missing column per outcome', async () => {
    const r = await validate(MELTED);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("pandas' melt()");
    expect(r.stderr).toContain('df.pivot(index=["id", "arm", "time", "age"], columns="variable", values="value")');
    expect(r.stderr).not.toContain('expected a column "rmdq"');
  });
});

describe('a header of pandas column tuples', () => {
  it('plan init names the tuples and the join', () => {
    const d = draftPlan(parseCsvText(TUPLES, 'tuples.csv'), 'plan.schema.json');
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]!.what).toContain(`pandas tuples ("('rmdq', 'baseline')", "('rmdq', '6w')", … 4 columns)`);
    expect(d.undecided[0]!.write).toContain("df.columns = ['_'.join(map(str, c)) for c in df.columns] in place of str(c)");
  });

  it('validate with a plan: the same, exit 2', async () => {
    const r = await validate(TUPLES);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("df.columns = ['_'.join(map(str, c)) for c in df.columns]");
    expect(r.stderr).not.toContain('expected a column "rmdq"');
  });

  it('a file whose outcome columns are there is read as it is, a variable/value pair beside them', async () => {
    const plain = ['id,arm,time,age,rmdq,pain_avg,variable,value', 'SB0001,usual,baseline,41,9,1,x,1', 'SB0001,usual,6w,41,7,1,x,1', 'SB0002,app,baseline,48,6,2,x,1', 'SB0002,app,6w,48,5,4,x,1'].join('\n') + '\n';
    expect((await validate(plain)).code).toBe(0);
  });
});
