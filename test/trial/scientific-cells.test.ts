/**
 * Excel's "Scientific" format rounds what "Save as CSV" writes (three significant digits:
 * `4.91E+05` for an income of 491 277). The trial reader reads the number written, and says so:
 * a note per column on stderr and on the report page; when an outcome's every score is such a
 * cell, a warning of the results (src/trial/scientific-cells.ts;
 * docs/input-trial-export.md#scientific-notation).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { roundedScientificNotes as pageNotes } from '../../src/report/kinds/trial-report.js';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = { arms: { intervention: 'App', control: 'Usual' }, timepoints: ['3m'], covariates: ['income'], outcomes: [{ key: 'pain', instrument: 'nrs' }] };
const INCOME = [491277, 352810, 610450, 288300, 405120, 377777, 512345, 299999, 455000, 333210, 380400, 420020];
/** Excel's Scientific format, as "Save as CSV" writes it: three significant digits. */
const sci = (v: number, comma: boolean) => {
  const t = v.toExponential(2).toUpperCase().replace(/E([+-])(\d)$/, 'E$10$2');
  return comma ? t.replace('.', ',') : t;
};

/** Long export, English Excel (`,`, decimal point) or Danish (`;`, decimal comma); `painSci` writes the scores in Scientific format too. */
function exportText(danish: boolean, painSci = false): string {
  const sep = danish ? ';' : ',';
  const lines = [['id', 'arm', 'time', 'income', 'pain'].join(sep)];
  INCOME.forEach((inc, i) => {
    for (const [t, time] of [[0, 'baseline'], [1, '3m']] as const) {
      const pain = (i * 3 + t * (i % 2 ? 1 : 4)) % 11;
      lines.push([`P${i + 1}`, i % 2 ? 'Usual' : 'App', time, sci(inc, danish), painSci ? sci(pain, danish) : String(pain)].join(sep));
    }
  });
  return lines.join('\r\n') + '\r\n';
}

describe('a covariate in Excel\'s Scientific format', () => {
  it('is read as the number written, with a note naming file, column, an example cell and its line (English and Danish Excel)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    for (const [name, danish, example] of [['income_en.csv', false, '4.91E+05'], ['income_da.csv', true, '4,91E+05']] as const) {
      writeFileSync(join(dir, name), exportText(danish));
      const r = await runCli('validate', join(dir, name), '--plan', join(dir, 'plan.json'));
      expect(r.code).toBe(0);
      expect(r.stderr).toContain(`note: ${join(dir, name)}: column "income": 12 cells in Excel's "Scientific" format (e.g. "${example}", line 2) were read as the number written (491000), with only the digits Excel displayed: a value with more digits than that was rounded`);
      const trial = loadTrial(parseCsvText(exportText(danish), name), parsePlan(plan));
      expect(trial.patients[0]!.covariates.income).toBe(491000);
    }
  });

  it('is said on the report page, in English and Danish', () => {
    const trial = loadTrial(parseCsvText(exportText(true), 'income_da.csv'), parsePlan(plan));
    const t = (lang: 'en' | 'da') => (key: 'roundedScientificNote') => REPORT_TEXT[key][lang];
    expect(pageNotes(trial, t('en'), 'en')).toEqual(['Column "income": 12 cells in Excel\'s "Scientific" number format (e.g. "4,91E+05", line 2) were read as the numbers written, with only the digits Excel displayed: a value with more digits than that was rounded.']);
    expect(pageNotes(trial, t('da'), 'da')).toEqual(['Kolonne "income": 12 celler i Excels talformat "Videnskabelig" (fx "4,91E+05", linje 2) er læst som de skrevne tal, med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet.']);
  });

  it('SAS\'s E notation with every digit (`4.91277E+05`) and plain numbers give no note', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'sas.csv'), exportText(false).replace(/(\d)\.(\d\d)E\+05/g, (_, a: string, b: string) => `${a}.${b}000E+05`));
    const r = await runCli('validate', join(dir, 'sas.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('Scientific');
    expect(loadTrial(parseCsvText(exportText(false), 'x.csv'), parsePlan(plan)).roundedScientific).toHaveLength(1);
  });
});

describe('an outcome whose every score is in Scientific format', () => {
  // A pain VAS read with decimals: Excel's 3 significant digits may have rounded its scores.
  const vasPlan = { ...plan, instruments: { vas: { label: { en: 'Pain VAS' }, range: [0, 10], direction: 'lower-is-better', mcid: 2, decimals: true } }, outcomes: [{ key: 'pain', instrument: 'vas' }] };

  it('on the NRS, whose whole-number scores "7.00E+00" Excel wrote exactly, is no warning and no note', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    writeFileSync(join(dir, 'pain.csv'), exportText(false, true));
    const r = await runCli('analyze', join(dir, 'pain.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code).toBe(0);
    expect(r.stderr).not.toContain('outcome "pain"');
    expect(r.stderr).not.toContain('column "pain"');
    expect(r.stderr).toContain('column "income": 12 cells');
  });

  it('R\'s e-notation (`1e+05`, `6.54e-06`: every significant digit) is no Excel cell: no note, no warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(vasPlan));
    const r = exportText(false).replace(/(\d)\.(\d\d)E\+05/g, '1e+05').replace(/,(\d+)\r\n/g, (_, p: string) => `,${Number(p) + 1}.5e-06\r\n`);
    writeFileSync(join(dir, 'r.csv'), r);
    const got = await runCli('analyze', join(dir, 'r.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(got.stderr).not.toContain('Scientific');
  });

  it('is a warning of the results, on stderr and in analyze --json: the analysis uses rounded values', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(vasPlan));
    writeFileSync(join(dir, 'pain.csv'), exportText(false, true));
    const r = await runCli('analyze', join(dir, 'pain.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { warnings: string[] };
    const warning = out.warnings.find((w) => w.includes('every value of outcome "pain"'));
    expect(warning).toContain('pain.csv: every value of outcome "pain" (column "pain", 24 scores) is in Excel\'s "Scientific" format (e.g. "0.00E+00", line 2): the analysis uses these rounded values');
    // Said once, as the warning, not as the column's note too.
    expect(r.stderr.match(/outcome "pain" \(column "pain"/g)).toHaveLength(1);
    expect(r.stderr).not.toContain('column "pain": 24 cells');
    expect(r.stderr).toContain('column "income": 12 cells');
    // The Danish page says it in Danish, the outcome by its label (--json names the file by its last name: cli/json-names.ts).
    expect(trialWarningText(warning!, 'da', { outcome: () => 'Smerte (NRS)', time: (t) => t, method: (m) => m, subgroup: (c) => c })).toBe(`pain.csv: alle værdier af Smerte (NRS) (kolonne "pain", 24 scorer) er i Excels talformat "Videnskabelig" (fx "0.00E+00", linje 2): analysen bruger disse afrundede værdier, der kun har de cifre, Excel viste — formatér kolonnen som Tal med et fast antal decimaler i Excel (Formatér celler → Tal, "Decimaler": så mange, som værdierne har), og eksportér igen for at få de nøjagtige værdier`);
  });
});

/** The long export as a wide one (`pain_baseline`, `pain_3m`), as REDCap or a spreadsheet writes it. */
function wideText(painSci: 'some' | 'all'): string {
  const lines = [['id', 'arm', 'income', 'pain_baseline', 'pain_3m'].join(',')];
  INCOME.forEach((inc, i) => {
    const pains = [0, 1].map((t) => (i * 3 + t * (i % 2 ? 1 : 4)) % 11 + 0.5);
    // `some`: the 3-month scores of every other patient in Scientific format; `all`: every score.
    const cell = (v: number, t: number) => (painSci === 'all' || (t === 1 && i % 2 === 0) ? sci(v, false) : String(v));
    lines.push([`P${i + 1}`, i % 2 ? 'Usual' : 'App', sci(inc, false), cell(pains[0]!, 0), cell(pains[1]!, 1)].join(','));
  });
  return lines.join('\r\n') + '\r\n';
}

describe('the note on a wide export\'s Scientific cells', () => {
  const vasPlan = { ...plan, instruments: { vas: { label: { en: 'Pain VAS', da: 'Smerte VAS' }, range: [0, 11], direction: 'lower-is-better', mcid: 2, decimals: true } }, outcomes: [{ key: 'pain', instrument: 'vas' }] };

  it('names the export\'s own column (pain_3m, not the plan\'s pain) and says what to do in Excel', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(vasPlan));
    writeFileSync(join(dir, 'wide.csv'), wideText('some'));
    const r = await runCli('validate', join(dir, 'wide.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`note: ${join(dir, 'wide.csv')}: column "pain_3m": 6 cells in Excel's "Scientific" format (e.g. "4.50E+00", line 2) were read as the number written (4.5)`);
    expect(r.stderr).not.toContain('column "pain":');
    expect(r.stderr).toContain('— in Excel, format the column as Number with fixed decimals (Format Cells → Number, "Decimal places": as many as the values have) and export again for the exact values');
  });

  it('is Danish under --lang da', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(vasPlan));
    writeFileSync(join(dir, 'wide.csv'), wideText('some'));
    const r = await runCli('analyze', join(dir, 'wide.csv'), '--plan', join(dir, 'plan.json'), '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stderr).toContain(`bemærk: ${join(dir, 'wide.csv')}: kolonne "pain_3m": 6 celler i Excels talformat "Videnskabelig" (fx "4.50E+00", linje 2) er læst som det skrevne tal (4,5), med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet — formatér kolonnen som Tal med et fast antal decimaler i Excel`);
    expect(r.stderr).toContain('kolonne "income": 12 celler');
    expect(r.stderr).not.toContain("Excel's \"Scientific\" format");
  });

  it('an outcome whose every score is one: the warning names its export columns, in English and Danish', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(vasPlan));
    writeFileSync(join(dir, 'wide.csv'), wideText('all'));
    const r = await runCli('analyze', join(dir, 'wide.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code).toBe(0);
    const warning = (JSON.parse(r.stdout) as { warnings: string[] }).warnings.find((w) => w.includes('every value of outcome "pain"'));
    expect(warning).toContain('every value of outcome "pain" (columns "pain_baseline", "pain_3m", 24 scores) is in Excel\'s "Scientific" format');
    expect(r.stderr).not.toContain('column "pain_3m": 12 cells');
    expect(trialWarningText(warning!, 'da', { outcome: () => 'Smerte (VAS)', time: (t) => t, method: (m) => m, subgroup: (c) => c })).toContain('alle værdier af Smerte (VAS) (kolonnerne "pain_baseline", "pain_3m", 24 scorer) er i Excels talformat "Videnskabelig"');
  });
});
