/**
 * Cells a spreadsheet writes that are not values: a typo in a number column (`1O`), Excel error
 * values (`#DIV/0!`, `#VALUE!`, `#N/A`) and per-cent numbers (`7%`). plan init must not draft
 * them as missing-value codes (that hid a real answer and `validate` then said "valid"), and
 * validate names them for what they are at their line, never as a category of a covariate.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { excelErrorHint, isExcelError, isFailedFormula, isPercentCell } from '../../src/io/spreadsheet-cells.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** A Danish Excel wide export (`;`, CRLF, BOM) of 12 patients; `cell(i, col)` may replace a value. */
function exportWith(cells: Record<string, string> = {}): string {
  const lines = ['\ufeffLøbenr;Gruppe;Alder;BMI;Adherens;RMDQ_basis;RMDQ_3mdr'];
  for (let i = 1; i <= 12; i++) {
    const row: Record<string, string> = { Alder: String(30 + i), BMI: `2${i % 10},${i % 7}`, Adherens: String(10 * (i % 9)), RMDQ_basis: String(8 + (i % 5)), RMDQ_3mdr: String(4 + (i % 6)) };
    for (const [k, v] of Object.entries(cells)) if (k.startsWith(`${i}:`)) row[k.slice(k.indexOf(':') + 1)] = v;
    lines.push([String(i).padStart(3, '0'), i % 2 ? 'App' : 'Kontrol', row.Alder, row.BMI, row.Adherens, row.RMDQ_basis, row.RMDQ_3mdr].join(';'));
  }
  return lines.join('\r\n') + '\r\n';
}

const PLAN = { arms: { intervention: 'App', control: 'Kontrol' }, columns: { id: 'Løbenr', arm: 'Gruppe' }, layout: 'wide', baseline: 'basis', timepoints: ['3mdr'], covariates: ['Alder', 'BMI', 'Adherens'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] };

describe('spreadsheet cells', () => {
  it('tells error values, "no value" errors and per-cent numbers apart', () => {
    expect(isExcelError('#DIV/0!')).toBe(true);
    expect(isExcelError('#n/a')).toBe(true);
    expect(isExcelError('#1')).toBe(false);
    expect(isFailedFormula('#VALUE!')).toBe(true);
    expect(isFailedFormula('#N/A')).toBe(false);
    expect(isFailedFormula('#NULL!')).toBe(false);
    expect(isPercentCell('45%')).toBe(true);
    expect(isPercentCell('7,5 %')).toBe(true);
    expect(isPercentCell('45')).toBe(false);
    expect(excelErrorHint('#N/A')).toContain('missingCodes');
  });

  it('plan init drafts no typo, failed formula or per-cent number as a missing-value code, and lists them', async () => {
    const dir = tempDir();
    const csv = join(dir, 'forsoeg.csv');
    writeFileSync(csv, exportWith({ '4:RMDQ_3mdr': '1O', '6:RMDQ_3mdr': '#DIV/0!', '7:RMDQ_basis': '#N/A', '8:RMDQ_3mdr': '999' }));
    const out = join(dir, 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8'));
    expect(plan.missingCodes).toEqual(expect.arrayContaining(['#N/A', 999]));
    expect(plan.missingCodes).not.toContain('1O');
    expect(plan.missingCodes).not.toContain('#DIV/0!');
    expect(r.stderr).toMatch(/"1O" \(column "RMDQ"\), "#DIV\/0!" \(column "RMDQ"\): not numbers, and not drafted as missing-value codes/);
    // So validate finds them, at their lines.
    const v = await runCli('validate', csv, '--plan', out);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(':5:7 (RMDQ_3mdr): "1O" — expected a whole number from 0 to 24');
    expect(v.stderr).toMatch(/:7:7 \(RMDQ_3mdr\): "#DIV\/0!" — expected .*; an Excel error value: a formula failed in the spreadsheet/);
  });

  it('validate refuses an Excel error or a per-cent number in a covariate instead of making it a category', async () => {
    const dir = tempDir();
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify(PLAN));
    const csv = join(dir, 'forsoeg.csv');
    writeFileSync(csv, exportWith({ '3:BMI': '#VALUE!', '5:Alder': '#N/A', '9:Adherens': '70%', '11:RMDQ_3mdr': '7 %' }));
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/:4:4 \(BMI\): "#VALUE!" — expected a value of the covariate \(a number or a category\); an Excel error value: a formula failed/);
    expect(r.stderr).toMatch(/:6:3 \(Alder\): "#N\/A" — expected .*; an Excel error value meaning "no value": add it to the plan's "missingCodes"/);
    expect(r.stderr).toContain(':10:5 (Adherens): "70%" — expected a number without the % sign (70, not 70%)');
    // An outcome's score gets the same advice (ODI written `33 %`).
    expect(r.stderr).toMatch(/:12:7 \(RMDQ_3mdr\): "7 %" — expected a whole number from 0 to 24 \(.*\), without the % sign \(7, not 7 %\): format the column as a plain number/);
    // Declared, "#N/A" is missing like any code.
    writeFileSync(plan, JSON.stringify({ ...PLAN, missingCodes: ['#N/A'] }));
    writeFileSync(csv, exportWith({ '5:Alder': '#N/A' }));
    const ok = await runCli('validate', csv, '--plan', plan);
    expect(ok.code).toBe(0);
    expect(ok.stdout).toContain('Alder: "#N/A" → missing × 1');
  });
});
