/**
 * Three researchers' own exports on which hta computed a wrong number and said "valid"
 * (test/fixtures/exports/researcher-exports/README.md): a follow-up file pasted beside the
 * baseline out of step (`id_3m` ≠ `id`), Danish Excel's error values (`#I/T`, `#VÆRDI!`) read as
 * categories of sex, and SAS/Stata/Castor special missing values (`.A`, `.a`,
 * `##USER_MISSING_97##`) read as categories too. Estimates agree with R reading those cells as
 * missing (test/reference/researcher-exports.R).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isExcelError, isFailedFormula } from '../../src/io/spreadsheet-cells.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const FX = 'test/fixtures/exports/researcher-exports';
afterAll(removeTempDirs);

interface Ref { fixture: string; method: string; n_intervention: number; n_control: number; difference: number; ciLower: number; ciUpper: number; pValue: number }
const REFS = JSON.parse(readFileSync('test/reference/researcher-exports.json', 'utf8')) as Ref[];

interface Effect { outcome: string; time: string; method: string; n: { intervention: number; control: number }; difference: number; ciLower: number; ciUpper: number; pValue: number }

async function effectsOf(...args: string[]): Promise<Effect[]> {
  const r = await runCli('analyze', ...args, '--json');
  expect(r.code, r.stderr).toBe(0);
  return (JSON.parse(r.stdout) as { effects: Effect[] }).effects;
}

function expectAsR(effects: Effect[], fixture: string, methods: string[]): void {
  for (const method of methods) {
    const ref = REFS.find((x) => x.fixture === fixture && x.method === method)!;
    const row = effects.find((e) => e.outcome === 'rmdq' && e.time === '3m' && e.method === method)!;
    expect(row.n, `${fixture} ${method}`).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
    for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[k], ref[k]);
  }
}

function writePlan(plan: object): string {
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify(plan));
  return file;
}

/** The SAS / Stata / Castor exports' plan, as plan init drafts it (sex and age adjusted). */
const WIDE_PLAN = {
  arms: { intervention: 'APP', control: 'UC' },
  columns: { id: 'ID', arm: 'ARM', covariates: { sex: 'SEX', age: 'AGE' } },
  layout: 'wide',
  timepoints: ['3m'],
  timeLabels: { '0': 'baseline', '3': '3m' },
  covariates: ['sex', 'age'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
  methods: ['ancova', 'welch'],
};

describe('a follow-up file pasted beside the baseline out of step', () => {
  const csv = `${FX}/pasted-out-of-step.csv`;
  const plan = () =>
    writePlan({ arms: { intervention: 'App', control: 'Sædvanlig' }, layout: 'wide', timepoints: ['3m'], covariates: ['alder'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova', 'welch'] });

  it('is refused at the first line where "id_3m" is not the id, naming lines and never an id; --exclude-invalid too', async () => {
    const p = plan();
    for (const extra of [[], ['--exclude-invalid']]) {
      const r = await runCli('analyze', csv, '--plan', p, ...extra);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('"id_3m" repeats the patient id but holds other patients\' ids on some lines — files pasted side by side out of step; nothing was written');
      expect(r.stderr).toContain('pasted-out-of-step.csv:6:5 (id_3m): — expected the same patient id as column "id" on every line');
      expect(r.stderr).toMatch(/differs from it on 53 lines \(6–58\); on line 6 it holds the id that column "id" has on line 7/);
      expect(r.stderr).not.toMatch(/RH0\d\d/);
    }
    const v = await runCli('validate', csv, '--plan', p);
    expect(v.code).toBe(2);
  });

  it('plan init says it found the repeated id and will check it, and what it found', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('repeated patient id: "id_3m" repeats the id of column "id" (a file pasted beside the others): every run checks it against "id" line by line');
    expect(r.stderr).toMatch(/pasted-out-of-step\.csv:6:5 \(id_3m\): the same patient id .* — hta validate and analyze refuse the export until then/);
    expect(r.stderr).not.toContain('not used: id');
    expect(r.stderr).not.toMatch(/RH0\d\d/);
  });

  it('the same columns joined by id are read; a column named otherwise that equals the id on most lines is checked too', async () => {
    const dir = tempDir();
    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    // Aligned: id_3m is the id (or empty, a drop-out).
    const aligned = join(dir, 'aligned.csv');
    writeFileSync(aligned, lines.map((l, i) => (i === 0 ? l : l.replace(/^("[^"]*"),(.*?),("[^"]*"|),/, (_m, id, mid, id3) => `${id},${mid},${id3 === '' ? '' : id},`))).join('\n') + '\n');
    const ok = await runCli('validate', aligned, '--plan', plan());
    expect(ok.code, ok.stderr).toBe(0);
    // `kontrolnr` holds the id on every line but one: a shift as short as one line is found.
    const named = join(dir, 'renamed.csv');
    const swapped = readFileSync(aligned, 'utf8').replace('"id_3m"', '"kontrolnr"').replace(/^("RH010",.*?,)"RH010"/m, '$1"RH011"');
    writeFileSync(named, swapped);
    const bad = await runCli('validate', named, '--plan', plan());
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/renamed\.csv:11:5 \(kontrolnr\): — expected the same patient id as column "id" on every line: "kontrolnr" repeats the id \(it equals "id" on \d+ lines\), but differs from it on 1 line \(11\); on line 11 it holds the id that column "id" has on line 12/);
  });
});

describe('Danish Excel error values', () => {
  it('are Excel error values like the English ones; "no value" ones apart from failed formulas', () => {
    for (const v of ['#I/T', '#VÆRDI!', '#værdi!', '#DIVISION/0!', '#NAVN?', '#REFERENCE!', '#NUL!', '#SPILD!', '#SAKNAS!', '#VÄRDEFEL!', '#VÄRDEFEL!'.normalize('NFD'), '#NAMN?', '#REFERENS!', '#OGILTIGT!', '#SKÄRNING!', '#VERDI!', '#NV', '#WERT!', '#BEZUG!', '#ZAHL!', '#ÜBERLAUF!', '#KALK!']) {
      expect(isExcelError(v), v).toBe(true);
    }
    for (const v of ['#I/T', '#SAKNAS!', '#NV', '#N/A', '#NULL!']) expect(isFailedFormula(v), v).toBe(false);
    for (const v of ['#VÆRDI!', '#NUL!', '#SKÄRNING!', '#WERT!', '#DIVISION/0!']) expect(isFailedFormula(v), v).toBe(true);
    expect(isExcelError('#1')).toBe(false);
    expect(isExcelError('I/T')).toBe(false);
  });

  it('plan init drafts "#I/T" as missing; validate refuses "#VÆRDI!" in "Køn" at its lines; the ANCOVA is R\'s with them missing', async () => {
    const csv = `${FX}/danish-excel-errors.csv`;
    const out = join(tempDir(), 'plan.json');
    const init = await runCli('plan', 'init', csv, '--out', out);
    expect(init.code, init.stderr).toBe(0);
    const drafted = JSON.parse(readFileSync(out, 'utf8'));
    expect(drafted.missingCodes).toEqual(['#I/T']);
    expect(init.stderr).toContain('"#VÆRDI!" (column "Køn"): not numbers, and not drafted as missing-value codes');
    const v = await runCli('validate', csv, '--plan', out);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain('2 × ' + csv + ':lines 22–23, column 3 (Køn): "#VÆRDI!" — expected a value of the covariate (a number or a category); an Excel error value: a formula failed in the spreadsheet');
    // Without the code, "#I/T" is refused as "#N/A" is.
    const bare = writePlan({ ...drafted, $schema: undefined, missingCodes: [] });
    const b = await runCli('validate', csv, '--plan', bare);
    expect(b.stderr).toMatch(/lines 8–9, 18–19, column 3 \(Køn\): "#I\/T" — expected .*; an Excel error value meaning "no value": add it to the plan's "missingCodes"/);
    expectAsR(await effectsOf(csv, '--plan', out, '--exclude-invalid'), 'danish-excel-errors', ['ancova']);
  });
});

describe('SAS / Stata special missing values and Castor user-missing codes', () => {
  for (const [fixture, code] of [
    ['sas-special-missing', '.A'],
    ['stata-special-missing', '.a'],
    ['castor-user-missing', '##USER_MISSING_97##'],
  ] as const) {
    it(`${fixture}: "${code}" in a covariate is missing, with a note, and the ANCOVA is R's`, async () => {
      const csv = `${FX}/${fixture}.csv`;
      const p = writePlan(WIDE_PLAN);
      const v = await runCli('validate', csv, '--plan', p);
      expect(v.code, v.stderr).toBe(0);
      const system = code === '##USER_MISSING_97##' ? 'Castor EDC user-missing codes' : 'SAS/Stata special missing values';
      expect(v.stderr).toContain(`note: ${csv}: 2 cells written as ${system} (${code}) read as missing`);
      expectAsR(await effectsOf(csv, '--plan', p), fixture, ['ancova', 'welch']);
      // No level of its own: the patients' sex is unknown.
      const trial = loadTrial(readCsvFile(csv), parsePlan(structuredClone(WIDE_PLAN), 'plan.json'));
      expect(new Set(trial.patients.map((x) => x.covariates.sex))).toEqual(new Set(['K', 'M', null]));
    });
  }

  it('plan init drafts no missing-value code for them and says they are missing', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', `${FX}/sas-special-missing.csv`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).missingCodes).toBeUndefined();
    expect(r.stderr).toContain('missing by definition: 3 cells written as SAS/Stata special missing values (.A, .B), read as missing in every column (no "missingCodes" needed)');
  });

  it('in an outcome they are missing; in the arm they are a missing arm, refused, quoted as written', async () => {
    const dir = tempDir();
    const p = writePlan(WIDE_PLAN);
    const src = readFileSync(`${FX}/sas-special-missing.csv`, 'utf8');
    const outcome = join(dir, 'outcome.csv');
    writeFileSync(outcome, src.replace(/^(RH001,.*),1$/m, '$1,.Z').replace(/^(RH002,.*),13$/m, '$1,._'));
    const o = await runCli('validate', outcome, '--plan', p);
    expect(o.code, o.stderr).toBe(0);
    expect(o.stderr).toContain('4 cells written as SAS/Stata special missing values (.A, .Z, ._) read as missing');
    const arm = join(dir, 'arm.csv');
    writeFileSync(arm, src.replace(/^RH001,APP,/m, 'RH001,.A,'));
    const a = await runCli('validate', arm, '--plan', p);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('arm.csv:2:2 (ARM): ".A" — expected an arm value: "APP" (intervention) or "UC" (control)');
  });
});
