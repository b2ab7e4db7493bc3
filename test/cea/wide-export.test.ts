// A wide SPSS export was refused with `expected the id column "Løbenr" and the visit column "time";
// a wide export is not supported for resource use` — naming a column the file never had, and
// neither what the long layout is nor how to get it (docs/plan-cea.md#wide-exports).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('a wide export', () => {
  it('is refused saying what the long layout is, the file\'s own visit columns, the recipe and the trial-plan change', () => {
    const f = ceaFixture();
    // The fixture's long rows, one line per patient: <column>_<visit>.
    const rows = readFileSync(f.exportFile, 'utf8').trim().split('\n').slice(1).map((l) => l.split(','));
    const visits = ['baseline', '6w', '3m'];
    const wide = [['id', 'arm', ...['eq5d', 'rmdq', 'ru_gp'].flatMap((c) => visits.map((v) => `${c}_${v}`))].join(',')];
    for (let i = 0; i < rows.length; i += 3) wide.push([rows[i]![0], rows[i]![1], ...[3, 4, 5].flatMap((c) => [0, 1, 2].map((k) => rows[i + k]![c]))].join(','));
    writeFileSync(f.exportFile, wide.join('\n') + '\n');
    const trialPlan = join(f.dir, 'trial.plan.json');
    writeFileSync(trialPlan, JSON.stringify({ ...JSON.parse(readFileSync(trialPlan, 'utf8')), layout: 'wide' }));
    let text = '';
    try {
      analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      expect((e as HtaError).exitCode).toBe(2);
      text = formatError(e as HtaError);
    }
    expect(text).toContain('the cost-effectiveness analysis reads resource use from a long export (one row per patient and visit)');
    expect(text).toContain('expected the long layout: one row per patient and visit, with the id column "id", the visit column "time" and one column per resource item ("ru_gp") — this file has one column per visit ("ru_gp_baseline", "ru_gp_6w", "ru_gp_3m")');
    expect(text).toContain('reshape it to long (docs/plan-cea.md#wide-exports: R, Stata and SPSS recipes), and in ');
    expect(text).toContain('trial.plan.json drop "layout": "wide" and name the visit column in "columns": { "time": … }');
  });
});
