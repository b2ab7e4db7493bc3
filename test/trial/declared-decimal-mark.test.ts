// A plan's "decimalMark" (io/declared-mark.ts; docs/input-trial-export.md#decimal-mark): an English
// all-integer export whose only grouped numbers are "31,000" shows no decimal mark and is refused
// (decimal-mark.ts, rule 6); declared, it is read with the mark, by the trial reader and the studies
// reader alike, and a cell written with the other mark is refused at its cell.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { planSchema } from '../../src/plan/plan-schema.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8'));
/** `id,arm,time,age,pain,income`, income `31000.00`: the export as written without a separator. */
const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));

function write(name: string, text: string): string {
  const dir = tempDir();
  writeFileSync(join(dir, name), text);
  return join(dir, name);
}
const planWith = (extra: object) => write('plan.json', JSON.stringify({ ...PLAN, ...extra }));
/** English Excel's whole incomes with "Use 1000 separator": `"31,000"`, every field quoted; `first` replaces the first patient's income cell. */
const englishWhole = (first?: string) =>
  rows.map((r, k) => r.map((c, j) => `"${k > 0 && j === 5 ? (first !== undefined && r[0] === rows[1]![0] ? first : c.split('.')[0]!.replace(/\B(?=(\d{3})+$)/g, ',')) : c}"`).join(',')).join('\r\n') + '\r\n';
const plainWhole = () => rows.map((r, k) => r.map((c, j) => (k > 0 && j === 5 ? c.split('.')[0] : c)).join(',')).join('\n') + '\n';

async function ancova(file: string, plan: string): Promise<{ code: number; difference?: number; df?: number; stderr: string }> {
  const r = await runCli('analyze', file, '--plan', plan, '--json');
  if (r.code !== 0) return { code: r.code, stderr: r.stderr };
  const e = JSON.parse(r.stdout).effects.find((x: { method: string }) => x.method === 'ancova');
  return { code: r.code, difference: e.difference, df: e.df, stderr: r.stderr };
}

describe('"decimalMark" in the plan', () => {
  it('reads an English all-integer export refused without it, as the same export written without separators', async () => {
    const file = write('us-whole.csv', englishWhole());
    const refused = await ancova(file, planWith({}));
    expect(refused.code).toBe(2);
    // The refusal names the option as a remedy.
    expect(refused.stderr).toContain('(income): "31,000" — expected a number that cannot be misread');
    expect(refused.stderr).toContain('declare it in the plan: "decimalMark": "." (1,250 = 1250) or "decimalMark": "," (1,250 = 1.25)');
    const want = await ancova(write('plain.csv', plainWhole()), planWith({}));
    expect(want.df).toBe(55);
    const got = await ancova(file, planWith({ decimalMark: '.' }));
    expect([got.code, got.df, got.difference]).toEqual([0, 55, want.difference]);
    // Declared, nothing was guessed: no note on thousands read.
    expect(got.stderr).not.toContain('were read as thousands');
  });

  it('refuses a cell written with the other mark ("1,5" under "."), naming file, line, column and value, and nothing is read', async () => {
    // Its one quoted decimal comma is the only decimal: the file shows the comma (rule 2), which contradicts "." — refused as a whole, at that cell.
    const alone = write('contra-alone.csv', englishWhole('1,5'));
    const a = await runCli('validate', alone, '--plan', planWith({ decimalMark: '.' }));
    expect(a.code).toBe(2);
    expect(a.stderr).toContain(`${alone}:2:6 (income): "1,5" — expected numbers with the declared decimal point: the plan declares "." but this file writes numbers with ","`);
    // Beside a decimal with the point (age 45.5) it is one cell with the other mark: refused at its cell.
    const file = write('contra.csv', englishWhole('1,5').replace(/^("P001","app","baseline",)"(\d+)"/m, '$1"$2.5"'));
    const r = await runCli('validate', file, '--plan', planWith({ decimalMark: '.' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:lines 2–3, column 6 (income): "1,5" — expected a number`);
    expect(r.stderr).toContain('but the file uses the decimal point (2.5), as the plan\'s "decimalMark" declares: if the file\'s numbers are written with commas, change "decimalMark" to ","');
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('"," reads a comma file\'s quoted "31,000" as 31 (a Danish LibreOffice export\'s 31,000 = 31.0)', async () => {
    // Incomes of 31.000 etc. with the comma: the same analysis as the plain export's divided by 1000.
    const thousandth = rows.map((r, k) => r.map((c, j) => (k > 0 && j === 5 ? String(Number(c) / 1000) : c)).join(',')).join('\n') + '\n';
    const want = await ancova(write('plain-k.csv', thousandth), planWith({}));
    const got = await ancova(write('us-whole.csv', englishWhole()), planWith({ decimalMark: ',' }));
    expect([got.code, got.df]).toEqual([0, want.df]);
    expect(got.difference).toBeCloseTo(want.difference!, 9);
  });

  it('is one of "." and ","', () => {
    expect(planSchema.safeParse({ ...PLAN, decimalMark: '.' }).success).toBe(true);
    expect(planSchema.safeParse({ ...PLAN, decimalMark: ';' }).success).toBe(false);
  });
});

/** Danish Excel's "CSV (semikolonsepareret)" of the same trial: `;`, whole incomes `31.000` (thousands point); `age` replaces the first patient's age cell. */
const danishWhole = (age?: string) =>
  rows.map((r, k) => r.map((c, j) => (k > 0 && j === 5 ? c.split('.')[0]!.replace(/\B(?=(\d{3})+$)/g, '.') : k > 0 && j === 3 && age !== undefined && r[0] === rows[1]![0] ? age : c)).join(';')).join('\r\n') + '\r\n';

describe('a declared "decimalMark" the file\'s own numbers contradict is refused, never applied', () => {
  it('a Danish ";" export with 31.000 under "." (what plan init drafted from an English export): exit 2 naming the cell, not incomes of 31', async () => {
    // The English export that shows its point (age 45.5) drafts "." ...
    const english = write('us-shown.csv', englishWhole().replace(/^("P001","app","baseline",)"(\d+)"/m, '$1"$2.5"'));
    const planFile = join(tempDir(), 'plan.json');
    expect((await runCli('plan', 'init', english, '--out', planFile)).code).toBe(0);
    const drafted = JSON.parse(readFileSync(planFile, 'utf8'));
    expect(drafted.decimalMark).toBe('.');
    // ... and the trial's next export, saved by Danish Excel, is not read with it.
    const danish = write('dk.csv', danishWhole());
    const plan = planWith({ decimalMark: '.' });
    for (const command of ['validate', 'analyze']) {
      const r = await runCli(command, danish, '--plan', plan);
      expect([command, r.code, r.stdout]).toEqual([command, 2, '']);
      expect(r.stderr).toContain(`error: ${danish}: the plan declares "." but this file writes numbers with ","`);
      expect(r.stderr).toContain(`${danish}:2:6 (income): "31.000" — expected numbers with the declared decimal point`);
      expect(r.stderr).toContain('so this cell is 31.000 (31000 with the decimal comma, 31 with the point)');
      expect(r.stderr).toContain('remove "decimalMark" from the plan (this file shows its own mark), or set it to ","');
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // Without the declaration, or with the file's own mark, the incomes are 31000 and the analysis that of the plain export.
    const want = await ancova(write('plain.csv', plainWhole()), planWith({}));
    for (const extra of [{}, { decimalMark: ',' }]) {
      const got = await ancova(danish, planWith(extra));
      expect([got.code, got.df, got.difference]).toEqual([0, want.df, want.difference]);
    }
  });

  it('loadTrial itself refuses it (the report\'s pages call it directly)', async () => {
    const { loadTrial } = await import('../../src/trial/load-trial.js');
    const { parsePlan } = await import('../../src/plan/load-plan.js');
    const csv = parseCsvText(danishWhole(), 'dk.csv');
    expect(loadTrial(csv, parsePlan(PLAN)).patients[0]!.covariates['income']).toBe(Number(rows[1]![5]));
    expect(() => loadTrial(csv, parsePlan({ ...PLAN, decimalMark: '.' }))).toThrow('dk.csv: the plan declares "." but this file writes numbers with ","');
  });

  it('a decimal written with the other mark decides too: 45,5 in a ";" file under ".", 45.5 in a comma file under ","', async () => {
    const danish = write('dk-dec.csv', danishWhole('45,5'));
    const r = await runCli('validate', danish, '--plan', planWith({ decimalMark: '.' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${danish}:2:4 (age): "45,5" — expected numbers with the declared decimal point: the plan declares "." but this file writes numbers with ","`);
    const english = write('us-shown.csv', englishWhole().replace(/^("P001","app","baseline",)"(\d+)"/m, '$1"$2.5"'));
    const e = await runCli('validate', english, '--plan', planWith({ decimalMark: ',' }));
    expect(e.code).toBe(2);
    expect(e.stderr).toContain(`${english}:2:4 (age): "45.5" — expected numbers with the declared decimal comma: the plan declares "," but this file writes numbers with "."`);
  });

  it('a ";" file whose numbers read the same with either mark (whole, ungrouped) is read under "." as under ","', async () => {
    const file = write('dk-plain.csv', plainWhole().replaceAll(',', ';'));
    const want = await ancova(write('plain.csv', plainWhole()), planWith({}));
    const got = await ancova(file, planWith({ decimalMark: '.' }));
    expect([got.code, got.df, got.difference]).toEqual([0, want.df, want.difference]);
  });
});

describe('"decimalMark" for a studies sheet (hta meta --decimal-mark)', () => {
  const sheet =
    'study,outcome,time,mean_intervention,sd_intervention,n_intervention,mean_control,sd_control,n_control\n' +
    'Alpha 2019,cost,12m,"1,375","1,820","1,204","1,610","1,900","1,198"\n' +
    'Beta 2021,cost,12m,"2,100","1,050",310,"2,480","1,100",305\n';
  it('reads the sheet refused without it', async () => {
    expect(() => parseStudies(parseCsvText(sheet, 'studies.csv'))).toThrow(/does not show its decimal mark/);
    const t = parseStudies(parseCsvText(sheet, 'studies.csv'), { decimalMark: '.' });
    expect(t.records.map((r) => (r.input.kind === 'arms' ? [r.input.arms.meanIntervention, r.input.arms.sdIntervention, r.input.arms.meanControl] : []))).toEqual([
      [1375, 1820, 1610],
      [2100, 1050, 2480],
    ]);
    const file = write('studies.csv', sheet);
    const refused = await runCli('meta', file);
    expect(refused.code).toBe(2);
    // The remedy names the option hta meta has, not a plan it may not have.
    expect(refused.stderr).toContain('or, if you know the file\'s decimal mark, give it: --decimal-mark . (1,250 = 1250) or --decimal-mark , (1,250 = 1.25)');
    expect(refused.stderr).not.toContain('declare it in the plan');
    const r = await runCli('meta', file, '--decimal-mark', '.', '--json');
    expect([r.code, r.stderr]).toEqual([0, expect.not.stringContaining('error')]);
    expect(JSON.parse(r.stdout).pooled ?? JSON.parse(r.stdout)).toBeTruthy();
  });

  it('a trial plan given with --plan (for its MCIDs) does not declare the sheet\'s mark', async () => {
    const file = write('studies.csv', sheet);
    const r = await runCli('meta', file, '--plan', planWith({ decimalMark: '.' }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('does not show its decimal mark');
  });

  it('a Danish ";" sheet (means 1.375: kroner) under --decimal-mark . is refused, not read as 1.375', async () => {
    const dk =
      'study;outcome;time;mean_intervention;sd_intervention;n_intervention;mean_control;sd_control;n_control\n' +
      'Alpha 2019;cost;12m;1.375;1.820;1204;1.610;1.900;1198\n' +
      'Beta 2021;cost;12m;2.100;1.050;310;2.480;1.100;305\n';
    expect(() => parseStudies(parseCsvText(dk, 'studies-dk.csv'), { decimalMark: '.' })).toThrow('studies-dk.csv: --decimal-mark declares "." but this file writes numbers with ","');
    const file = write('studies-dk.csv', dk);
    const trialPlan = planWith({ decimalMark: '.' });
    const r = await runCli('meta', file, '--plan', trialPlan, '--decimal-mark', '.');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:2:4 (mean_intervention): "1.375" — expected numbers with the declared decimal point: --decimal-mark declares "." but this file writes numbers with ","`);
    expect(r.stderr).toContain('leave out --decimal-mark (this file shows its own mark), or give --decimal-mark ,');
    // The trial plan alone no longer makes the kroner means 1.375 (an MD of −0.24 instead of about −235).
    const withPlan = await runCli('meta', file, '--plan', trialPlan);
    expect(withPlan.code).toBe(2);
    expect(withPlan.stdout).not.toContain('−0.24');
  });

  it('refuses "1,5" under "." at its cell', () => {
    let err: unknown;
    try {
      // An SD with its decimals (820.5) shows the point: "1,5" is one cell with the other mark.
      parseStudies(parseCsvText(sheet.replace('"1,375"', '"1,5"').replace('"1,820"', '820.5'), 'studies.csv'), { decimalMark: '.' });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => [p.line, p.column, p.field, p.value])).toEqual([[2, 4, 'mean_intervention', '1,5']]);
    expect((err as HtaError).problems[0]!.hint).toContain('as --decimal-mark declares: if the file\'s numbers are written with commas, give --decimal-mark ,');
  });
});

describe('"decimalMark" read by loadTrial itself (the report\'s registry and trial pages call it directly)', () => {
  it('reads "31,000" as 31000 under "."', async () => {
    const { loadTrial } = await import('../../src/trial/load-trial.js');
    const { parsePlan } = await import('../../src/plan/load-plan.js');
    const csv = parseCsvText(englishWhole(), 'us-whole.csv');
    expect(() => loadTrial(csv, parsePlan(PLAN))).toThrow(/does not show its decimal mark/);
    const trial = loadTrial(csv, parsePlan({ ...PLAN, decimalMark: '.' }));
    expect(trial.patients[0]!.covariates['income']).toBe(Number(rows[1]![5]));
  });
});

describe('hta plan init drafts "decimalMark"', () => {
  it('when the export shows its mark and some numbers read either way', async () => {
    // An age written with its decimals (45.5) shows the point; the incomes "31,000" read either way.
    const shown = englishWhole().replace(/^("P001","app","baseline",)"(\d+)"/m, '$1"$2.5"');
    const file = write('shown.csv', shown);
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', file, '--out', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).decimalMark).toBe('.');
    expect(r.stderr).toContain('decimal mark: "decimalMark": "." — column "age" shows it, and 120 number(s) read either way (the first in column "income"; 1,250 = 1250)');
  });

  it('not when every number reads one way', async () => {
    const file = write('plain.csv', plainWhole());
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', file, '--out', out);
    expect(r.code).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8'))).not.toHaveProperty('decimalMark');
  });
});
