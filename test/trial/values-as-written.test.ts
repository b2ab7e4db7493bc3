/**
 * Numbers and categories as Danish Excel and macOS write them (test/fixtures/exports/excel-dk-values/,
 * docs/input-trial-export.md "Numbers or categories"): every estimate is checked against the same
 * export written cleanly, never against numbers typed here. Before, `591 194` (no-break space) made
 * the income covariate a category — 42 coefficients for 40 patients, or a moved ANCOVA, and Table 1
 * printing each patient's income with n = 1 — and `Århus` saved by macOS, or `mand` beside `Mand`,
 * were categories of their own; an arm `Håndbog` saved by macOS was not the plan's "Håndbog".
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { baselineTable, characteristicsFromExport } from '../../src/trial/baseline-table.js';
import { byCategory, CategorySpellings } from '../../src/trial/category-values.js';
import { kindOfValues, tallyOf } from '../../src/trial/column-kind.js';
import { meetsCriterion } from '../../src/trial/population-filter.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/excel-dk-values';
const MESSY = `${DIR}/export.csv`;
const CLEAN = `${DIR}/export-clean.csv`;
const PLAN = `${DIR}/plan.json`;
afterAll(removeTempDirs);

/** The effects of `analyze --json`, without what names the file. */
async function effects(data: string, plan: string, ...more: string[]): Promise<{ effects: unknown[]; subgroups?: unknown }> {
  const r = await runCli('analyze', data, '--plan', plan, '--json', ...more);
  expect(r.code, r.stderr).toBe(0);
  const json = JSON.parse(r.stdout) as { effects: unknown[]; subgroups?: unknown };
  return { effects: json.effects, ...(json.subgroups ? { subgroups: json.subgroups } : {}) };
}

/** The clean twin's rows as cells, header first (the fixture needs no quoting). */
const cleanRows = (): string[][] => readFileSync(CLEAN, 'utf8').replace(/^\ufeff/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
const writeRows = (dir: string, name: string, rows: string[][]): string => {
  const path = join(dir, name);
  writeFileSync(path, `\ufeff${rows.map((r) => r.join(';')).join('\r\n')}\r\n`);
  return path;
};

describe('an export whose numbers and categories are written as Danish Excel and macOS write them', () => {
  it('gives the results of the same export written cleanly, ANCOVA with every covariate included', async () => {
    const [messy, clean] = await Promise.all([effects(MESSY, PLAN), effects(CLEAN, PLAN)]);
    expect(messy.effects.length).toBe(4);
    expect(messy).toEqual(clean);
    // Every covariate entered: alder, indkomst, vaegt (numbers), omraade (3 areas), koen (2).
    const json = JSON.parse((await runCli('analyze', MESSY, '--plan', PLAN, '--json')).stdout) as { effects: { method: string; df?: number }[] };
    expect(json.effects.find((e) => e.method === 'ancova')!.df).toBe(40 - (3 + 3 + 2 + 1));
  });

  it('reads `591 194` and `556 825` as numbers, and says which category values differed only in case (counts, no ids)', async () => {
    const csv = readCsvFile(MESSY);
    const trial = loadTrial(csv, loadPlanFile(PLAN));
    const clean = loadTrial(readCsvFile(CLEAN), loadPlanFile(PLAN));
    expect(trial.patients.map((p) => p.covariates)).toEqual(clean.patients.map((p) => p.covariates));
    expect(new Set(trial.patients.map((p) => p.covariates.omraade))).toEqual(new Set(['Århus', 'Næstved', 'Ålborg']));
    // The note counts the patients who wrote each other spelling, from the file itself.
    const lower = (sex: string) => new Set(cleanRows().slice(1).filter((r) => r[9] === sex && Number(r[0]) % 5 === 0).map((r) => r[0])).size;
    const note = trial.readNotes!.find((n) => n.includes('differ only in case'))!;
    expect(note).toContain('column "Køn": values that differ only in case are one category, shown as most often written:');
    expect(note).toContain(`"Kvinde" (also "kvinde": ${lower('Kvinde')} patients)`);
    expect(note).toContain(`"Mand" (also "mand": ${lower('Mand')} patients)`);
    for (const p of trial.patients) expect(note).not.toContain(p.id);
    // Unicode form alone is the same text: no note for it.
    expect(trial.readNotes!.join('\n')).not.toContain('Område');
  });

  it('shows the spelling most patients wrote (ties: the first met), and says so in --json warnings and for Table 1 columns', async () => {
    // The first patient writes "kvinde", most write "Kvinde"; a third column only Table 1 reads.
    const rows = cleanRows().map((r, k) => (k === 0 ? [...r, 'Civilstand'] : [...r, Number(r[0]) === 1 ? 'gift' : Number(r[0]) % 2 ? 'Gift' : 'Ugift']));
    for (const r of rows) if (r[0] === '0001') r[9] = 'kvinde';
    expect(rows[1]![9]).toBe('kvinde');
    const data = writeRows(tempDir(), 'export.csv', rows);
    const csv = readCsvFile(data);
    const trial = loadTrial(csv, loadPlanFile(PLAN));
    expect(new Set(trial.patients.map((p) => p.covariates.koen))).toEqual(new Set(['Kvinde', 'Mand']));
    expect(trial.spellingNotes).toEqual([expect.stringContaining('column "Køn": values that differ only in case are one category, shown as most often written: "Kvinde" (also "kvinde": 1 patient)')]);
    const a = await runCli('analyze', data, '--plan', PLAN, '--json');
    expect(a.code, a.stderr).toBe(0);
    // --json names the export by its last name (cli/json-names.ts), the notes otherwise as read.
    expect((JSON.parse(a.stdout) as { warnings: string[] }).warnings).toEqual(trial.spellingNotes!.map((n) => n.split(data).join(basename(data))));
    const notes: string[] = [];
    const extra = characteristicsFromExport(csv, trial, ['Civilstand', 'Køn'], (n) => notes.push(n));
    expect(new Set(extra.get('Civilstand')!.values())).toEqual(new Set(['Gift', 'Ugift']));
    // Køn is a covariate: its note is the reader's, not said twice.
    expect(notes).toEqual([expect.stringContaining('column "Civilstand": values that differ only in case are one category, shown as most often written: "Gift" (also "gift": 1 patient)')]);
    const tie = new CategorySpellings();
    for (const t of ['mand', 'Mand', 'MAND', 'Mand', 'mand']) tie.add(t);
    expect(tie.shown('MAND')).toBe('mand');
  });

  it('gives the same Table 1 as the clean export: income as mean (SD), one row per area and sex', () => {
    const plan = parsePlan({ ...JSON.parse(readFileSync(PLAN, 'utf8')), covariates: [], columns: { id: 'Patientnr', arm: 'Gruppe', time: 'Tid' } });
    const table = (file: string) => {
      const csv = readCsvFile(file);
      const trial = loadTrial(csv, plan);
      return baselineTable(trial, characteristicsFromExport(csv, trial, ['Indkomst', 'Vægtændring', 'Område', 'Køn']));
    };
    const messy = table(MESSY);
    expect(messy).toEqual(table(CLEAN));
    expect(messy.rows.find((r) => r.key === 'Indkomst')!.kind).toBe('numeric');
    const area = messy.rows.find((r) => r.key === 'Område')!.arms.intervention;
    expect(area.kind === 'categorical' && area.levels.map((l) => l.level)).toEqual(['Næstved', 'Ålborg', 'Århus']);
  });

  it('matches a plan\'s subgroup levels in any case, as the clean export\'s', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as Record<string, unknown>;
    const withSubgroup = join(dir, 'plan.json');
    writeFileSync(withSubgroup, JSON.stringify({ ...plan, subgroups: [{ column: 'Køn', label: { en: 'sex' }, levels: ['kvinde', 'mand'], prespecified: true }] }));
    const [messy, clean] = await Promise.all([effects(MESSY, withSubgroup), effects(CLEAN, withSubgroup)]);
    expect(messy.subgroups).toBeDefined();
    expect(messy).toEqual(clean);
  });

  it('is drafted by plan init in NFC: one visit "3 måneder", one arm "Håndbog"', () => {
    const draft = draftPlan(readCsvFile(MESSY), 'plan.schema.json');
    const text = JSON.stringify(draft.plan);
    expect(text).toBe(text.normalize('NFC'));
    expect(draft.plan.timeLabels).toEqual({ Før: 'baseline', '3 måneder': '3m' });
    expect(Object.values(draft.plan.arms as object).sort()).toEqual(['Håndbog', 'Kontrol']);
  });
});

describe('each way of writing alone, in the clean export', () => {
  /** The clean export with one column's cells rewritten. */
  const rewritten = (name: string, column: number, write: (cell: string, patient: number) => string): string =>
    writeRows(tempDir(), name, cleanRows().map((r, k) => (k === 0 ? r : r.map((c, j) => (j === column ? write(c, Number(r[0])) : c)))));
  const groups = (space: string) => (cell: string) => cell.replace(/^(\d{3})(\d{3})/, `$1${space}$2`);

  it('an income with thousands grouped by a no-break space or a narrow one', async () => {
    const clean = await effects(CLEAN, PLAN);
    expect(await effects(rewritten('nbsp.csv', 6, groups('\u00a0')), PLAN)).toEqual(clean);
    expect(await effects(rewritten('nnbsp.csv', 6, groups('\u202f')), PLAN)).toEqual(clean);
  });

  it('areas, arms and visits saved by macOS (NFD), and sexes written in two cases', async () => {
    const clean = await effects(CLEAN, PLAN);
    expect(await effects(rewritten('area.csv', 8, (c, i) => (i % 2 ? c.normalize('NFD') : c)), PLAN)).toEqual(clean);
    expect(await effects(rewritten('arm.csv', 1, (c, i) => (i % 3 ? c : c.normalize('NFD'))), PLAN)).toEqual(clean);
    expect(await effects(rewritten('visit.csv', 2, (c, i) => (i % 3 ? c : c.normalize('NFD'))), PLAN)).toEqual(clean);
    expect(await effects(rewritten('sex.csv', 9, (c, i) => (i % 4 ? c : c.toLowerCase())), PLAN)).toEqual(clean);
  });
});

describe('a cell that is not a number in a column of numbers', () => {
  const withUnknown = () => {
    const rows = cleanRows();
    // Three incomes not known, on lines 6, 7 and 12 of the file.
    for (const line of [6, 7, 12]) rows[line - 1]![6] = 'ukendt';
    return rows;
  };

  it('is a problem at its line and column, naming what it is and the way out (exit 2, nothing written)', async () => {
    const data = writeRows(tempDir(), 'export.csv', withUnknown());
    const r = await runCli('validate', data, '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(':lines 6–7, 12, column 7 (Indkomst): "ukendt" — expected a number, as the other values of "Indkomst" are (read as text, it would make each of them a category of its own); if it means "missing", add it to the plan\'s "missingCodes"; if the column holds categories, set "covariateTypes": { "indkomst": "categorical" } in the plan');
    const a = await runCli('analyze', data, '--plan', PLAN, '--json');
    expect([a.code, a.stdout]).toEqual([2, '']);
  });

  it('with a plain space between its digits (`120 100`, `+45 123 456`) asks: two numbers, or thousands?', async () => {
    const rows = cleanRows();
    rows[5]![6] = '120 100';
    rows[11]![6] = '+45 123 456';
    const r = await runCli('validate', writeRows(tempDir(), 'export.csv', rows), '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(Indkomst): "120 100", "+45 123 456" — expected a number, as the other values of "Indkomst" are');
    expect(r.stderr).toContain('two numbers, or a thousands separator? A plain space groups thousands only in two groups or more (12 345 678)');
    expect(r.stderr).toMatch(/lines 6, 12, column 7 \(Indkomst\)/);
  });

  it('is missing when the plan says so: the results of the export with those cells empty', async () => {
    const dir = tempDir();
    const data = writeRows(dir, 'export.csv', withUnknown());
    const empty = writeRows(dir, 'empty.csv', withUnknown().map((r) => r.map((c) => (c === 'ukendt' ? '' : c))));
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(PLAN, 'utf8')), missingCodes: ['ukendt'] }));
    expect(await effects(data, plan)).toEqual(await effects(empty, PLAN));
  });

  it('leaves its row out under --exclude-invalid, as any other problem', async () => {
    const dir = tempDir();
    const data = writeRows(dir, 'export.csv', withUnknown());
    const without = writeRows(dir, 'without.csv', withUnknown().filter((r) => !r.includes('ukendt')));
    expect((await effects(data, PLAN, '--exclude-invalid')).effects).toEqual((await effects(without, PLAN)).effects);
  });

  it('never reaches Table 1 as categories: a column of numbers and text that did is refused', () => {
    const plan = parsePlan({ ...JSON.parse(readFileSync(PLAN, 'utf8')), covariates: ['indkomst'], columns: { id: 'Patientnr', arm: 'Gruppe', time: 'Tid', covariates: { indkomst: 'Indkomst' } } });
    const incomes: (string | number)[] = [216426, 198948, 476579.5, 591194, 'ukendt', 'ukendt', 'ukendt', 'ukendt', 'ukendt'];
    const patients = incomes.map((v, k) => ({ id: `P${k}`, arm: k % 2 ? ('intervention' as const) : ('control' as const), covariates: { indkomst: v } }));
    const e = errorOf(() => baselineTable({ plan, patients, observations: [], sources: [] } as unknown as TrialData));
    expect(e.message).toContain('Table 1: "indkomst" holds numbers and text');
    // Codes beside words (1/2/9 and "ukendt") are categories, as always.
    const codes = patients.map((p, k) => ({ ...p, covariates: { indkomst: ([1, 2, 9, 'ukendt'] as const)[k % 4]! } }));
    expect(baselineTable({ plan, patients: codes, observations: [], sources: [] } as unknown as TrialData).rows[0]!.kind).toBe('categorical');
  });

  it('is refused in a Table 1 characteristic too, never a category row of its own', () => {
    const rows = withUnknown();
    const csv = parseCsvText(`${rows.map((r) => r.join(';')).join('\n')}\n`, 'export.csv');
    const plan = parsePlan({ ...JSON.parse(readFileSync(PLAN, 'utf8')), covariates: [], columns: { id: 'Patientnr', arm: 'Gruppe', time: 'Tid' } });
    const e = errorOf(() => characteristicsFromExport(csv, loadTrial(csv, plan), ['Indkomst']));
    expect(e.problems.map((p) => [p.line, p.column, p.value])).toEqual([[6, 7, 'ukendt'], [12, 7, 'ukendt']]);
  });
});

describe('a plan\'s values name the export\'s categories in any case and Unicode form', () => {
  it('population criteria and level labels', () => {
    const area = 'Århus'.normalize('NFD');
    expect(meetsCriterion('Mand', { op: '==', value: 'mand', label: { en: 'men' } })).toBe(true);
    expect(meetsCriterion('Århus', { op: 'in', values: [area, 'Odense'], label: { en: 'Jutland' } })).toBe(true);
    expect(meetsCriterion('Næstved', { op: 'in', values: [area], label: { en: 'Jutland' } })).toBe(false);
    expect(byCategory({ mand: 'men', kvinde: 'women' }, 'Mand')).toBe('men');
    expect(byCategory({ [area]: 'Aarhus' }, 'ÅRHUS')).toBe('Aarhus');
    expect(byCategory({ mand: 'men' }, 'Kvinde')).toBeUndefined();
  });
});

describe('plan init on a covariate column of numbers with a word in it', () => {
  it('drafts the word as a missing-value code, so that validate reads the draft; a typo or a unit is left for validate', () => {
    const typed: Record<number, string> = { 5: 'Ved ikke', 9: '4O', 13: '45 år' };
    const rows = cleanRows().map((r, k) => r.map((c, j) => (j === 3 && typed[k] !== undefined ? typed[k]! : c)));
    const draft = draftPlan(parseCsvText(`${rows.map((r) => r.join(';')).join('\n')}\n`, 'export.csv'), 'plan.schema.json');
    expect(draft.plan.missingCodes).toEqual(['Ved ikke']);
    expect(draft.checks.join('\n')).toContain('"4O" (column "Alder"): not numbers, and not drafted as missing-value codes');
    // A number with its unit is said with its unit (io/number-unit.ts).
    expect(draft.checks.join('\n')).toContain('column "Alder": a value is a number written with a unit ("år": "45 år"): not a number, and not drafted as a missing-value code');
  });
});

describe('numbers or categories, per column', () => {
  it('numbers when most values are, or when there are more than three different numbers', () => {
    expect(kindOfValues([1, 2, 3, 'ukendt'])).toBe('numeric');
    // A column mostly "not known" still holds measurements: its numbers are never categories.
    expect(kindOfValues(['ukendt', 'ukendt', 'ukendt', 'ukendt', 'ukendt', 21.5, 24.1, 30.2, 27.7])).toBe('numeric');
    expect(kindOfValues(['K', 'M', 'K', 1])).toBe('categorical');
    expect(kindOfValues(['K', 'M'])).toBe('categorical');
    expect(kindOfValues([1, 2, 9])).toBe('numeric');
  });

  it('"covariateTypes": "categorical" reads codes and words as levels, each its own indicator', async () => {
    const dir = tempDir();
    const base = cleanRows();
    const codes = ['1', '2', '3', '4', '5', 'Andet'];
    const withCodes = base.map((r, k) => [...r, k === 0 ? 'Uddannelse' : codes[Math.floor(Number(r[0]) / 2) % 6]!]);
    const asWords = base.map((r, k) => [...r, k === 0 ? 'Uddannelse' : `u${codes[Math.floor(Number(r[0]) / 2) % 6]!}`]);
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as { columns: { covariates: Record<string, string> }; covariates: string[] };
    const write = (name: string, extra: object) => {
      const path = join(dir, name);
      writeFileSync(path, JSON.stringify({ ...plan, columns: { ...plan.columns, covariates: { ...plan.columns.covariates, uddannelse: 'Uddannelse' } }, covariates: [...plan.covariates, 'uddannelse'], ...extra }));
      return path;
    };
    const refused = await runCli('validate', writeRows(dir, 'codes.csv', withCodes), '--plan', write('plain.json', {}));
    expect(refused.code).toBe(2);
    // Five one-digit codes: categories or a scale? Not guessed (column-kind.ts rule 3).
    expect(refused.stderr).toContain('"Uddannelse" has only the values 1, 2, 3, 4, 5 (after the plan\'s codes), which may be five categories or a scale');
    const declared = write('declared.json', { covariateTypes: { uddannelse: 'categorical' } });
    expect(await effects(join(dir, 'codes.csv'), declared)).toEqual(await effects(writeRows(dir, 'words.csv', asWords), write('words.json', {})));
  });

  it('a covariate of exactly three whole numbers is not guessed: refused until "covariateTypes" says, then model and Table 1 agree', async () => {
    const dir = tempDir();
    // In the words' order (Næstved, Ålborg, Århus): the same reference level, the same numbers.
    const code: Record<string, string> = { Næstved: '1', Ålborg: '2', Århus: '3' };
    const coded = writeRows(dir, 'coded.csv', cleanRows().map((r, k) => (k === 0 ? r : r.map((c, j) => (j === 8 ? code[c]! : c)))));
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as Record<string, unknown>;
    const typed = (type: string) => {
      const path = join(dir, `${type}.json`);
      writeFileSync(path, JSON.stringify({ ...plan, covariateTypes: { omraade: type } }));
      return path;
    };
    const refused = await runCli('validate', coded, '--plan', PLAN);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('"Område" has only the values 1, 2, 3 (after the plan\'s codes), which may be three categories or a scale — hta does not guess; set "covariateTypes": { "omraade": "categorical" }');
    expect((await runCli('analyze', coded, '--plan', PLAN, '--json')).code).toBe(2);
    // Categorical: the model of the words (two indicators); Table 1 three levels.
    expect(await effects(coded, typed('categorical'))).toEqual(await effects(CLEAN, PLAN));
    // Numeric: one slope in the model, a mean in Table 1 (before: three categories there).
    const csv = readCsvFile(coded);
    const numeric = loadTrial(csv, loadPlanFile(typed('numeric')));
    expect(numeric.patients.every((p) => typeof p.covariates.omraade === 'number')).toBe(true);
    expect(baselineTable(numeric).rows.find((r) => r.key === 'omraade')!.kind).toBe('numeric');
    const categorical = loadTrial(csv, loadPlanFile(typed('categorical')));
    expect(baselineTable(categorical).rows.find((r) => r.key === 'omraade')!.kind).toBe('categorical');
    // Two codes read either way give one model: read, and Table 1 shows both levels.
    const two = writeRows(dir, 'two.csv', cleanRows().map((r, k) => (k === 0 ? r : r.map((c, j) => (j === 8 ? (c === 'Næstved' ? '2' : '1') : c)))));
    const read = loadTrial(readCsvFile(two), loadPlanFile(PLAN));
    expect(baselineTable(read).rows.find((r) => r.key === 'omraade')!.kind).toBe('categorical');
  });

  it('rule 3 by itself: three whole numbers most of the values (more only as one-digit codes), never with decimals', () => {
    expect(tallyOf([1, 2, 9, 1, 2]).undecidedCodes()).toEqual([1, 2, 9]);
    expect(tallyOf([3, 1, 2, 'ukendt']).undecidedCodes()).toEqual([1, 2, 3]);
    expect(tallyOf([1, 2, 3, 4]).undecidedCodes()).toEqual([1, 2, 3, 4]);
    expect(tallyOf([1, 2, 3, 40]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([1, 2]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([1.5, 2, 3]).undecidedCodes()).toBeUndefined();
    expect(tallyOf([1, 2, 3, 'a', 'b', 'c']).undecidedCodes()).toBeUndefined();
  });

  it('"covariateTypes" names covariates of the plan', () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as object;
    const e = errorOf(() => parsePlan({ ...plan, covariateTypes: { income: 'numeric' } }, 'plan.json'));
    expect(e.problems[0]).toMatchObject({ field: 'covariateTypes.income', value: 'income' });
  });

  it('a plan whose "timeLabels" writes one visit value in two Unicode forms with two labels is refused', () => {
    const plan = JSON.parse(readFileSync(PLAN, 'utf8')) as object;
    const e = errorOf(() => parsePlan({ ...plan, timeLabels: { Før: 'baseline', '3 måneder': '3m', ['3 måneder'.normalize('NFD')]: '12w' } }, 'plan.json'));
    expect(e.problems.map((p) => p.field)).toEqual([`timeLabels.${'3 måneder'.normalize('NFD')}`]);
  });
});
