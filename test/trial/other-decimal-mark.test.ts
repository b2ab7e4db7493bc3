// A decimal in the file's other mark (`2.5` among `4,5`, `"5,5"` in a comma file, `'5.5`) was refused
// as `"2.5" — expected a number from 0 to 10`, which contradicts itself (io/decimal-mark.ts, otherMarkHint).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { otherMarkHint } from '../../src/io/decimal-mark.js';
import { problemText } from '../../src/report/problem-text.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/decimal-mark-mix';

describe('a decimal in the file\'s other mark', () => {
  it('a point among decimal commas (; file): says so, and what to do', async () => {
    const r = await runCli('validate', `${DIR}/semicolon-points-among-commas.csv`, '--plan', `${DIR}/plan-semicolon.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('17 × ');
    expect(r.stderr).toContain("expected a number from 0 to 10 (Pain (0–10, with decimals)) with the file's decimal comma; the cell writes its decimals with a point (2.5), but the file uses the decimal comma (2,5)");
    expect(r.stderr).toContain('Find & Replace "." with ","');
  });

  it('a quoted decimal comma in a comma-separated file', async () => {
    const r = await runCli('validate', `${DIR}/comma-file-quoted-commas.csv`, '--plan', `${DIR}/plan-comma.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("with the file's decimal point; the cell writes its decimals with a comma (2,5), but the file uses the decimal point (2.5)");
  });

  it("'5.5: the apostrophe and the point, in a group of their own", async () => {
    const r = await runCli('validate', `${DIR}/semicolon-apostrophe-points.csv`, '--plan', `${DIR}/plan-semicolon.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("13 × ");
    expect(r.stderr).toContain("behind Excel's text apostrophe ('), but the file uses the decimal comma (2,5)");
  });

  it('only cells that are numbers with the other mark or behind an apostrophe', () => {
    expect(otherMarkHint('2.5', true)?.reason).toBe('other-mark');
    expect(otherMarkHint('2,5', false)?.reason).toBe('other-mark');
    expect(otherMarkHint("'5,5", true)?.reason).toBe('apostrophe');
    expect(otherMarkHint('1.234', true)).toBeUndefined(); // thousands or decimals: not this cell's problem
    expect(otherMarkHint('abc', true)).toBeUndefined();
    expect(otherMarkHint('12', true)).toBeUndefined();
    expect(problemText("a number from 0 to 10 (Pain) with the file's decimal comma", 'da')).toBe('et tal fra 0 til 10 (Pain) med filens decimalkomma');
  });
});

describe('a thousands dot in an index column of a decimal-comma file', () => {
  it('"1.000" is said to be read as 1000, with the comma it was likely meant to have', async () => {
    const dir = tempDir();
    const rows = ['id;arm;time;idx'];
    for (let i = 1; i <= 8; i++) for (const t of ['0', '3']) rows.push(`P${i};${i % 2 ? 'A' : 'B'};${t};${i === 3 && t === '3' ? '1.000' : `0,${700 + i * 10 + Number(t)}`}`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'A', control: 'B' }, baseline: '0', timepoints: ['3'], outcomes: [{ key: 'eq5d', instrument: 'eq5d5l', valueSet: 'dk-5l-2021', column: 'idx' }] }));
    const r = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/export\.csv:7:4 \(idx\): "1\.000" — expected a number from -0\.758 to 1 \([^)]*\)+; read as 1000: the file writes the decimal comma \(as its other numbers do\), so the dot groups thousands — if it is 1,000 with a dot typed for the comma, write 1,000/);
  });
});
