/**
 * A quoted cell of blanks only (`"      "`: SPSS and Stata write an empty string variable so, padded
 * to its width) is missing, as the same cell unquoted is (docs/input-trial-export.md "Dialects").
 * It was a category of its own: a Table 1 level `· ` and an ANCOVA that adjusted for it (n 67/69
 * where the unquoted file gave 67/67).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { FieldReader, parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { baselineTable } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-blank-quoted-'));
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
  removeTempDirs();
});

describe('a quoted cell of blanks only', () => {
  it('is missing in both record forms, in memory and streamed; a quoted value keeps its text', () => {
    const text = 'id,sex,note\nP1,"      ","a b"\nP2,"\t ", x \n';
    const t = parseCsvText(text, 'q.csv');
    expect(t.records.map((r) => r.cells)).toEqual([['P1', null, 'a b'], ['P2', null, 'x']]);
    const f = new FieldReader();
    f.load(t.records[0]!);
    expect([f.cell(1), f.cell(2)]).toEqual([null, 'a b']);
    const file = join(dir, 'q.csv');
    writeFileSync(file, text);
    expect([...readCsvFile(file, { chunkBytes: 6 }).records].map((r) => r.cells)).toEqual([['P1', null, 'a b'], ['P2', null, 'x']]);
  });

  it('a row of quoted blanks only is skipped like a blank line', () => {
    expect(parseCsvText('id;arm;pain\nP1;app;5\n"  ";" ";""\nP2;usual;4\n', 'rows.csv').records.map((r) => r.line)).toEqual([2, 4]);
  });

  // 24 patients; the sex of four is an empty SPSS string, written quoted or not.
  const exportOf = (blank: string) => {
    const lines = ['id,arm,sex,time,pain'];
    for (let id = 1; id <= 24; id++) {
      const arm = id % 2 ? 'A' : 'B';
      const sex = [3, 8, 13, 20].includes(id) ? blank : id % 3 ? 'Kvinde' : 'Mand';
      lines.push(`${id},${arm},${sex},baseline,${(id % 5) + 4}`, `${id},${arm},${sex},3m,${(id % 4) + (arm === 'A' ? 1 : 3)}`);
    }
    return lines.join('\n') + '\n';
  };
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], columns: { covariates: { sex: 'sex' } }, covariates: ['sex'], outcomes: [{ key: 'pain', instrument: 'nrs' }], methods: ['ancova'] });

  it('is no Table 1 level and no ANCOVA category: the trial reads as with the cells unquoted', () => {
    const quoted = loadTrial(parseCsvText(exportOf('"      "'), 'j.csv'), plan);
    const bare = loadTrial(parseCsvText(exportOf('      '), 'j.csv'), plan);
    const sex = baselineTable(quoted).rows.filter((r) => JSON.stringify(r).includes('Kvinde'));
    expect(sex.length).toBeGreaterThan(0);
    expect(JSON.stringify(baselineTable(quoted))).toBe(JSON.stringify(baselineTable(bare)));
    const effects = analyzeTrial(quoted, { version: 't' }).effects;
    // Complete cases: the four patients with no sex are left out of the adjusted model.
    expect(effects.find((e) => e.method === 'ancova')!.n).toEqual({ intervention: 10, control: 10 });
    expect(effects).toEqual(analyzeTrial(bare, { version: 't' }).effects);
  });

  it('is an empty resource-use cell in the cost-effectiveness reader ("emptyUnits": "zero" reads it as 0)', () => {
    const costOf = (blank: string) => {
      const f = ceaFixture({ planExtra: { emptyUnits: 'zero' } });
      const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P[013],\w+,3m,/.test(l) ? l.replace(/,[^,]*$/, `,${blank}`) : l));
      writeFileSync(f.exportFile, lines.join('\n'));
      return analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 }).result;
    };
    const quoted = costOf('"   "');
    expect(quoted.patients.missingCost).toEqual({ intervention: 0, control: 0 });
    expect(quoted.totalCost).toEqual(costOf('').totalCost);
  });
});
