// SAS `.A`, Stata `.a` and Castor's `##USER_MISSING_95##` in resource-use columns are missing, as
// the trial reader reads them in the plan's columns (src/trial/special-missing.ts): the CEA
// refused a SAS export that the trial report read ("".A" — expected a number of units ≥ 0").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaPatients } from '../../src/cea/cea-patients.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { tempDir } from '../support/run-cli.js';

const dir = 'test/fixtures/cea-discounting';

function unitsOf(file: string) {
  const resolved = loadCeaPlanFile(`${dir}/cea-24m.plan.json`);
  const csv = readCsvFile(file);
  return ceaPatients(loadTrial(csv, resolved.trialPlan), csv, resolved).patients.map((p) => p.units);
}

describe('special missing values in resource-use columns', () => {
  it.each(['.A', '.a', '##USER_MISSING_95##'])('%s reads as an empty cell: the same units as the export with those cells empty', (code) => {
    const text = readCsvFile(`${dir}/export.csv`);
    const header = text.header;
    const ru = header.findIndex((h) => h.startsWith('ru_'));
    expect(ru).toBeGreaterThan(0);
    // Three follow-up rows' first resource-use cell made missing: once empty, once the code.
    const lines = [header.join(',')];
    const coded = [header.join(',')];
    let n = 0;
    for (const rec of text.records) {
      const raw = [...rec.raw];
      const codedRaw = [...rec.raw];
      if (n < 3 && raw[ru] !== '' && rec.line > 2) {
        raw[ru] = '';
        codedRaw[ru] = code;
        n++;
      }
      lines.push(raw.join(','));
      coded.push(codedRaw.join(','));
    }
    expect(n).toBe(3);
    const out = tempDir();
    writeFileSync(join(out, 'empty.csv'), lines.join('\n') + '\n');
    writeFileSync(join(out, 'coded.csv'), coded.join('\n') + '\n');
    const empty = unitsOf(join(out, 'empty.csv'));
    expect(unitsOf(join(out, 'coded.csv'))).toEqual(empty);
    expect(JSON.stringify(empty)).toContain('null');
  });
});
