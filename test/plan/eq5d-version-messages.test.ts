// EQ-5D version and value-set mix-ups, as a health economist met them: "expected unknown EQ-5D
// value set…" and "expected value set dk-5l-2021 is for eq5d5l, not eq5d3l" (a message pasted
// after "expected"), 5L answers under eq5d3l named "item 4" for every column with no word of
// eq5d5l, and item answers given as the index column with no hint.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { refusalText } from '../support/error-of.js';

afterAll(removeTempDirs);

const ITEMS = { mo: 'mo', sc: 'sc', ua: 'ua', pd: 'pd', ad: 'ad' };

const refusal = refusalText;

function planFile(outcome: Record<string, unknown>): string {
  const file = join(tempDir(), 'trial.plan.json');
  writeFileSync(file, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, allTimepoints: ['baseline', '3m'], timepoints: ['3m'], outcomes: [{ key: 'eq5d', ...outcome }] }));
  return file;
}

/** Two patients, baseline and 3m, with the columns and rows given. */
function load(outcome: Record<string, unknown>, header: string, rows: string[]) {
  const plan = loadPlanFile(planFile(outcome));
  const file = join(tempDir(), 'export.csv');
  writeFileSync(file, [`id,arm,time,${header}`, ...rows].join('\n') + '\n');
  return () => loadTrial(readCsvFile(file), plan);
}

describe('EQ-5D value sets in the trial plan', () => {
  it('a value set hta does not have names the sets of the instrument\'s version', () => {
    const text = refusal(() => loadPlanFile(planFile({ instrument: 'eq5d5l', valueSet: 'dk-3l', items: ITEMS })));
    expect(text).toContain('(outcomes.0.valueSet): "dk-3l" — expected an EQ-5D-5L value set (dk-5l-2021): hta has no value set "dk-3l" (the others it has: dk-3l-2009, for eq5d3l)');
  });

  it('the other version\'s value set says that the instrument may be what to change', () => {
    const text = refusal(() => loadPlanFile(planFile({ instrument: 'eq5d3l', valueSet: 'dk-5l-2021', items: ITEMS })));
    expect(text).toContain('"dk-5l-2021" — expected an EQ-5D-3L value set (dk-3l-2009): dk-5l-2021 is an EQ-5D-5L value set — if the export\'s answers run from 1 to 5, the instrument is "eq5d5l"');
  });
});

describe('EQ-5D answers that belong to another reading', () => {
  it('5L answers under eq5d3l are named without an item number and point to eq5d5l', () => {
    const rows = ['P1,app,baseline,1,2,1,4,1', 'P1,app,3m,1,1,5,1,1', 'P2,usual,baseline,1,1,1,1,1', 'P2,usual,3m,2,2,2,2,2'];
    const text = refusal(load({ instrument: 'eq5d3l', items: ITEMS, mcid: 0.05 }, 'mo,sc,ua,pd,ad', rows));
    expect(text).toContain('expected an answer from 1 to 3 (the items of EQ-5D-3L index (dk-3l-2009)) — 4 and 5 are EQ-5D-5L answers: if the export is EQ-5D-5L, set "instrument": "eq5d5l" in the plan');
    expect(text).not.toMatch(/item \d\)/);
  });

  it('an answer of 7 under eq5d3l gets no 5L hint', () => {
    const rows = ['P1,app,baseline,1,2,1,7,1', 'P1,app,3m,1,1,1,1,1', 'P2,usual,baseline,1,1,1,1,1', 'P2,usual,3m,2,2,2,2,2'];
    expect(refusal(load({ instrument: 'eq5d3l', items: ITEMS, mcid: 0.05 }, 'mo,sc,ua,pd,ad', rows))).not.toContain('EQ-5D-5L answers');
  });

  it('item answers in the index column say they are an item\'s levels and name "items"', () => {
    const rows = ['P1,app,baseline,1', 'P1,app,3m,3', 'P2,usual,baseline,2', 'P2,usual,3m,0.8'];
    const text = refusal(load({ instrument: 'eq5d5l', column: 'mob' }, 'mob', rows));
    expect(text).toContain('expected a number from -0.758 to 1 (EQ-5D-5L index (dk-5l-2021)) — whole numbers 2 to 5 are the answers to one EQ-5D item (its levels), not an index: if "mob" is an item\'s column, name the five item columns in "items" of outcome "eq5d"');
  });
});
