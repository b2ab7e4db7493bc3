// Resource-use counts no period can hold are refused (src/cea/implausible-units.ts): an undeclared
// `999` in a sick-days column ran as 999 days (exit 0, no warning, Δc −91 → −175,375 DKK), and
// `1.000` sick days in six months as 1,000.
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceaPatients } from '../../src/cea/cea-patients.js';
import { farAbove } from '../../src/cea/implausible-units.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { HtaError, formatError } from '../../src/errors.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const fixture = 'test/fixtures/cea-discounting';

/**
 * The two-year fixture (periods 12m and 24m, a year each) with `ru_physio` counted as sick-leave
 * days, and the export's cells set as `cells` says: [patient, visit, column, text].
 */
function units(cells: [string, string, string, string][], missingCodes?: (string | number)[], tweak?: (plan: Record<string, any>, trialPlan: Record<string, any>) => void) {
  const dir = tempDir();
  const trialPlan = JSON.parse(readFileSync(`${fixture}/trial.plan.json`, 'utf8'));
  const plan = JSON.parse(readFileSync(`${fixture}/cea-24m.plan.json`, 'utf8'));
  plan.resourceUse[1].category = 'productivity';
  plan.unitCosts.physio.cost = 1950;
  tweak?.(plan, trialPlan);
  writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({ ...trialPlan, ...(missingCodes ? { missingCodes } : {}) }));
  writeFileSync(join(dir, 'cea.plan.json'), JSON.stringify(plan));
  copyFileSync(`${fixture}/export.csv`, join(dir, 'export.csv'));
  const lines = readFileSync(join(dir, 'export.csv'), 'utf8').split('\n');
  const header = lines[0]!.split(',').map((h) => JSON.parse(h) as string);
  for (const [id, visit, column, text] of cells) {
    const k = lines.findIndex((l) => l.startsWith(`"${id}",`) && l.includes(`,"${visit}",`));
    expect(k, `${id} ${visit}`).toBeGreaterThan(0);
    const fields = lines[k]!.split(',');
    fields[header.indexOf(column)] = text;
    lines[k] = fields.join(',');
  }
  writeFileSync(join(dir, 'export.csv'), lines.join('\n'));
  const resolved = loadCeaPlanFile(join(dir, 'cea.plan.json'));
  const csv = readCsvFile(join(dir, 'export.csv'));
  return () => ceaPatients(loadTrial(csv, resolved.trialPlan), csv, resolved).patients.find((p) => p.id === cells[0]![0])?.units;
}

function refusal(run: () => unknown): string {
  try {
    run();
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    expect((e as HtaError).exitCode).toBe(2);
    return formatError(e as HtaError);
  }
  throw new Error('not refused');
}

describe('implausible resource-use counts', () => {
  it('a code in the cell of a patient outside the plan\'s population neither stops the run nor counts toward the column', () => {
    // The population: every baseline age but P001's (68); P001's 999 is not analysed.
    const ages = readFileSync(`${fixture}/export.csv`, 'utf8').split('\n').filter((l) => l.includes(',"baseline",')).map((l) => l.split(',')[3]!);
    const population = (plan: Record<string, any>) => { plan.population = { column: 'age', values: [...new Set(ages.filter((a) => a !== '68'))], label: { en: 'not 68' } }; };
    expect(units([['P001', '12m', 'ru_gp', '999']], undefined, population)()).toBeUndefined();
    // Inside it, the same 999 is refused.
    expect(refusal(units([['P002', '12m', 'ru_gp', '999']], undefined, population))).toContain('likely a code for "missing"');
  });

  it('a coded answer is checked against the period too (an answer code for 1,000 sick days)', () => {
    const coded = (plan: Record<string, any>, trialPlan: Record<string, any>) => { trialPlan.columnCodes = { ...(trialPlan.columnCodes ?? {}), ru_physio: { answers: { tusind: 1000 } } }; };
    expect(refusal(units([['P001', '24m', 'ru_physio', 'tusind']], undefined, coded))).toMatch(/at most \d+ sick-leave days/);
  });

  it('refuses an undeclared 999, far above the column, as a likely missing-value code; declared, it is missing', () => {
    const text = refusal(units([['P001', '12m', 'ru_gp', '999']]));
    expect(text).toMatch(/export\.csv:\d+:10 \(ru_gp\): "999" — expected a number of units, not a missing-value code: far above every other value of "ru_gp" \(at most 9\)/);
    expect(text).toContain('add it to "missingCodes" in');
    expect(units([['P001', '12m', 'ru_gp', '999']], [999])().gp).toEqual([null, 2]);
  });

  it('reads 99 as a count when the column holds counts near it', () => {
    expect(units([['P001', '12m', 'ru_gp', '99'], ['P002', '12m', 'ru_gp', '40']])().gp[0]).toBe(99);
  });

  it('refuses more sick-leave days than the period has, naming its length; the whole period is accepted', () => {
    const text = refusal(units([['P001', '24m', 'ru_physio', '1000']]));
    expect(text).toMatch(/\(ru_physio\): "1000" — expected at most 366 sick-leave days, the length of period "24m" \(12 months = 365.3 days, from visit "12m" to "24m", by visitTimes\)/);
    expect(units([['P001', '24m', 'ru_physio', '365']])().physio).toEqual([3, 365]);
  });

  it('a word in a count column: the message says it can be declared a missing-value code, and declared it is missing', () => {
    const text = refusal(units([['P001', '12m', 'ru_gp', 'Ved ikke']]));
    expect(text).toMatch(/\(ru_gp\): "Ved ikke" — expected a number of units ≥ 0 \(or an empty cell for missing\); if it means "missing", add it to "missingCodes" in \S*trial\.plan\.json/);
    expect(units([['P001', '12m', 'ru_gp', 'Ved ikke']], ['Ved ikke'])().gp).toEqual([null, 2]);
  });

  // The rule "far above its column" (20 × the 99th percentile of the values below, R's type 7).
  it('far above its column: each of several outliers, also two equal ones in a small column; a heavy user stands', () => {
    const small = [0, 1, 2, 3, 1, 0, 2, 6, 4, 3];
    expect([...farAbove([...small, 1000]).keys()]).toEqual([1000]);
    // R: quantile(c(0,1,2,3,1,0,2,6,4,3), 0.99) = 5.82
    expect(farAbove([...small, 1000]).get(1000)).toBeCloseTo(5.82, 12);
    expect([...farAbove([...small, 1000, 1000, 500]).keys()]).toEqual([500, 1000]);
    expect(farAbove([...small, 60]).size).toBe(0);
    // A column of zeros: the reference is at least 1.
    expect(farAbove([0, 0, 0, 0, 21]).get(21)).toBe(1);
    expect(farAbove([0, 0, 0, 0, 20]).size).toBe(0);
  });
});
