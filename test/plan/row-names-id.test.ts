/**
 * R's write.csv of a wide data frame whose row names are the ids (first header cell `""`): plan
 * init took `age` as the id and dropped it from the covariates, and validate then said "expected
 * one line per patient" (found by a tester). The unnamed first column of distinct values is the
 * id when no column is named like one (docs/input-trial-export.md "Row names").
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const line = (k: number, first: string) => `${first},"${k % 2 ? 'app' : 'usual'}",${30 + (k % 7)},"${k % 3 ? 'Kvinde' : 'Mand'}",${8 + (k % 5)},${4 + (k % 4)},${3 + (k % 3)}`;
const HEADER = '"","arm","age","sex","rmdq_baseline","rmdq_3m","rmdq_12m"';
const wide = (first: (k: number) => string) => [HEADER, ...Array.from({ length: 12 }, (_, k) => line(k, first(k)))].join('\n');

describe('R row names as the ids of a wide export', () => {
  it('plan init drafts column 1 as the id ("columns": { "id": "" }), keeps age a covariate, and validate reads every patient', () => {
    const csv = parseCsvText(wide((k) => `"SB-${String(k + 1).padStart(3, '0')}"`), 'r-wide.csv');
    const { plan, guesses, checks } = draftPlan(csv, 'plan.schema.json');
    expect(plan.columns).toEqual({ id: '' });
    expect(plan.covariates).toEqual(['age', 'sex']);
    expect(guesses).toContain("patient id column: column 1, which has no name: R's row names (write.csv), a different value on every line");
    expect(guesses.join('\n')).not.toContain('not used: column 1');
    expect(checks.join('\n')).toContain('column 1 has no name');
    expect(checkDraft(csv, plan)).toEqual({ badRows: 0, badLines: [] });
    expect(loadTrial(csv, parsePlan(plan)).patients).toHaveLength(12);
  });

  it('row numbers (R counts from 1, pandas from 0) are taken too, and said to be no ids', () => {
    for (const from of [0, 1]) {
      const { plan, checks } = draftPlan(parseCsvText(wide((k) => `"${k + from}"`), 'n.csv'), 'plan.schema.json');
      expect(plan.columns).toEqual({ id: '' });
      expect(checks.join('\n')).toContain(`holds only row numbers (${from} to ${11 + from}`);
    }
    // A column named like an id wins, and a long export's row names (one per row) are never the id.
    const named = parseCsvText([HEADER.replace('"",', '"","id",'), ...Array.from({ length: 12 }, (_, k) => line(k, `"${k + 1}","P${k + 1}"`))].join('\n'), 'x.csv');
    expect(draftPlan(named, 'plan.schema.json').plan.columns).toEqual({});
    const long = ['"","id","arm","time","rmdq"', '"1","P1","app","baseline",9', '"2","P1","app","3m",7', '"3","P2","usual","baseline",8', '"4","P2","usual","3m",6'].join('\n');
    const d = draftPlan(parseCsvText(long, 'l.csv'), 'plan.schema.json');
    expect(d.plan.columns).toEqual({});
    expect(d.guesses).toContain("not used: column 1, which has no name: row names, as R's write.csv and pandas write them");
  });
});
