/**
 * A cost-effectiveness plan's population column read as the trial's covariate columns are for
 * CPR-shaped cells (trial/cpr-cells.ts, docs/plan-cea.md): ten digits on the rows of at least 5
 * patients are a site's code (a P-number), on fewer a possible CPR number, refused unquoted.
 * Before, the population column had no such allowance: a site code such as 0101901234 stopped the run.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceaCodeColumns, ceaExportColumns } from '../../src/cea/cea-patients.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const resolved = loadCeaPlanFile('data/plans/selfback.cea.json');
const plan = { ...resolved.plan, population: { ...resolved.plan.population!, column: 'site', values: ['0101901234'] } };
// The bundled export's first 200 rows: enough patients of both countries, read in a fraction of the time.
const [header, ...rows] = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').split('\n').filter((l) => l !== '').slice(0, 201);

/** The export with a site column: the site's ten-digit code on the Danish patients' rows (the first `dk` of them). */
function withSite(dk = Infinity): string {
  const danish = [...new Set(rows.filter((r) => r.split(',')[3] === 'DK').map((r) => r.split(',')[0]))].slice(0, dk);
  const file = join(tempDir(), 'export.csv');
  writeFileSync(file, [`${header},site`, ...rows.map((r) => `${r},${danish.includes(r.split(',')[0]!) ? '0101901234' : 'S2'}`)].join('\n') + '\n');
  return file;
}

const load = (file: string) => loadTrial(readCsvFile(file, { duplicateNames: 'keep' }), resolved.trialPlan, { alsoColumns: ceaExportColumns(plan), alsoCodeColumns: ceaCodeColumns(plan) });

describe("the CEA population column's site codes", () => {
  it('a ten-digit site code on many patients is read as a code', () => {
    const trial = load(withSite());
    expect(trial.patients.length).toBeGreaterThan(5);
  });

  it('on 4 patients it may be their CPR numbers: refused by line and column, never quoted', () => {
    let err: unknown;
    try {
      load(withSite(4));
    } catch (e) {
      err = e;
    }
    const problems = (err as { problems: { field?: string; value?: string; expected: string }[] }).problems;
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.every((p) => p.field === 'site' && p.value === undefined && p.expected.includes('at least 5 patients'))).toBe(true);
    expect(JSON.stringify(err)).not.toContain('0101901234');
  });
});
