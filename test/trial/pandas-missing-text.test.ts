/**
 * pandas' text for a missing value (`None`, `nan` after astype(str) / apply(str)) in a column of
 * categories: never a category of its own. An explorer's country column with `None` for two
 * patients was "valid", the ANCOVA adjusted for a "None" country (85/86 patients where empty cells
 * give 83/86) and Table 1 printed "None 2 (2.0%)"; `nan` in the same column was refused as "expected
 * a finite number … what R writes". Now both are refused as pandas' missing values, with the
 * remedies, which work (trial/nan-cells.ts; docs/input-trial-export.md#pandas-missing).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { characteristicsFromExport } from '../../src/trial/baseline-table.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { HtaError } from '../../src/errors.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/pandas-missing';
const withNone = readFileSync(`${FIXTURE}/trial.csv`, 'utf8');
const plan = JSON.parse(readFileSync(`${FIXTURE}/plan.json`, 'utf8'));

async function run(command: string, text: string, planJson: unknown = plan, ...more: string[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson));
  const r = await runCli(command, join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), ...more);
  return { ...r, stderr: r.stderr.split(dir).join('<dir>') };
}

const NONE_CAUSE =
  '"None" is not a value but what pandas writes for a missing value (Python\'s None) in a column turned into text by astype(str) or apply(str), so the cell is missing: leave out the astype(str) (to_csv writes a missing value as an empty cell) or write df = df.replace({"None": ""}) before to_csv, or add "None" to the plan\'s "missingCodes" to read it as missing';

describe("pandas' None and nan in a column of categories", () => {
  it('None: refused at its cells with pandas\' cause and remedies, not read as a country', async () => {
    expect(withNone.split('\n').filter((l) => l.includes(',None,'))).toHaveLength(10);
    const r = await run('validate', withNone);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`10 × <dir>/trial.csv:lines 90–94, 186–190, column 10 (country): "None" — expected a category, or an empty cell when the value is unknown; ${NONE_CAUSE}; if "None" is an answer (no medication), write it another way, e.g. "none"`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('nan in the same column: the same refusal, pandas\' cause, not "a finite number" or R', async () => {
    const r = await run('validate', withNone.replaceAll(',None,', ',nan,'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column 10 (country): "nan" — expected a category, or an empty cell when the value is unknown; "nan" is not a value but what pandas writes for a missing value (a float NaN)');
    expect(r.stderr).not.toContain('finite number');
    expect(r.stderr).not.toContain('what R writes');
  });

  it('NaT (a missing date after astype(str)) in the same column: pandas\' cause, never a category', async () => {
    const r = await run('validate', withNone.replaceAll(',None,', ',NaT,'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column 10 (country): "NaT" — expected a category, or an empty cell when the value is unknown; "NaT" is not a value but what pandas writes for a missing value (a missing date\'s pd.NaT)');
  });

  it('in Danish: the whole line in Danish', async () => {
    const r = await run('validate', withNone, plan, '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('kolonne 10 (country): "None" — forventet en kategori eller en tom celle, når værdien er ukendt; "None" er ikke en værdi, men det, pandas skriver for en manglende værdi (Pythons None)');
    expect(r.stderr).not.toContain('is not a value');
  });

  it('the remedy "missingCodes": ["None"] gives the analysis of empty cells', async () => {
    const coded = await run('analyze', withNone, { ...plan, missingCodes: ['None'] }, '--json');
    const empty = await run('analyze', withNone.replaceAll(',None,', ',,'), plan, '--json');
    expect(coded.code).toBe(0);
    expect(empty.code).toBe(0);
    const effects = (r: { stdout: string }) => JSON.parse(r.stdout).effects;
    expect(effects(coded)).toEqual(effects(empty));
    // The two None patients are in the intervention arm: left out of the ANCOVA for their missing country.
    const ancova = effects(coded).find((e: { method: string; time: string }) => e.method === 'ancova' && e.time === '6w');
    expect(ancova.notAnalysed.intervention.missingCovariate).toBeGreaterThanOrEqual(2);
  });

  it("NaN as R writes it keeps R's cause; a word such as \"none\" is a category", async () => {
    const r = await run('validate', withNone.replaceAll(',None,', ',NaN,'));
    expect(r.stderr).toContain('"NaN" — expected a category, or an empty cell when the value is unknown; "NaN" is not a number but what R writes');
    expect((await run('validate', withNone.replaceAll(',None,', ',none,'))).code).toBe(0);
  });
});

describe("pandas' None in a Table 1 characteristic the plan does not read", () => {
  it('refused at its cell, never a row "None"', () => {
    const p = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    const csv = parseCsvText(['id,arm,time,rmdq,smoker', 'P1,app,baseline,5,True', 'P2,usual,baseline,6,None', 'P3,usual,baseline,7,False'].join('\n'), 'trial.csv');
    let error: unknown;
    try {
      characteristicsFromExport(csv, { plan: p } as TrialData, ['smoker']);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(HtaError);
    const problem = (error as HtaError).problems![0]!;
    expect(problem).toMatchObject({ line: 3, column: 5, field: 'smoker', value: 'None', expected: 'a category, or an empty cell when the value is unknown' });
    expect(problem.hint).toContain('what pandas writes for a missing value');
  });
});
