// What Excel's "CSV (semikolonsepareret)" writes on a Danish Windows, read as the user meant it:
// trailing separators of once-touched columns (`;;;`, empty header names or none) are not
// columns, a value under an unnamed column is refused without echoing it, and thousands dots
// (`642.025`) beside decimal commas are whole numbers, not decimals (docs/input-trial-export.md).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { commaOf } from '../support/decimal-comma-of.js';
import { parseNumber } from '../../src/io/parse-number.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-sheet-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('trailing empty columns', () => {
  const text = 'id ;arm;pain;;; \r\nP1;app;6,5;;;\r\nP2;usual;"4,0";;;\r\nP3;app;3;\r\n\r\n';
  it('are dropped when the header names them with empty names and every cell is blank', () => {
    const t = parseCsvText(text, 'sheet.csv');
    expect(t.header).toEqual(['id', 'arm', 'pain']);
    expect(t.records.map((r) => r.cells)).toEqual([['P1', 'app', '6,5'], ['P2', 'usual', '4,0'], ['P3', 'app', '3']]);
    expect(t.records.map((r) => r.raw)).toEqual([['P1', 'app', '6,5'], ['P2', 'usual', '4,0'], ['P3', 'app', '3']]);
  });
  it('are dropped the same when the file is streamed in small chunks', () => {
    const file = join(dir, 'sheet.csv');
    writeFileSync(file, text);
    const t = readCsvFile(file, { chunkBytes: 7 });
    expect(t.header).toEqual(['id', 'arm', 'pain']);
    expect([...t.records].map((r) => r.cells)).toEqual([['P1', 'app', '6,5'], ['P2', 'usual', '4,0'], ['P3', 'app', '3']]);
  });
  it('also when only the rows carry them (the header has none)', () => {
    const t = parseCsvText('id;arm\nP1;app;;\nP2;usual;;\n', 'rows.csv');
    expect(t.records.map((r) => r.cells)).toEqual([['P1', 'app'], ['P2', 'usual']]);
  });
  it('a value under an empty header name is refused at its line and column, not echoed', () => {
    const e = errorOf(() => parseCsvText('id;arm;;\nP1;app;;\nP2;usual;;SECRET\n', 'stray.csv'));
    expect(e.exitCode).toBe(2);
    expect(e.problems).toEqual([expect.objectContaining({ file: 'stray.csv', line: 3, column: 4, kind: 'csv.unnamed-value' })]);
    expect(JSON.stringify(e.problems)).not.toContain('SECRET');
  });
  it('a value beyond the header is still a field-count problem, and an empty name in the middle still refused', () => {
    expect(errorOf(() => parseCsvText('id;arm\nP1;app;;x\n', 'long.csv')).problems[0]).toMatchObject({ line: 2, value: '4 fields' });
    expect(errorOf(() => parseCsvText('id;;arm\nP1;;app\n', 'mid.csv')).problems[0]).toMatchObject({ line: 1, column: 2 });
  });
});

describe('thousands dots in a decimal-comma file', () => {
  it('do not make the file dot-decimal, and read as whole numbers', () => {
    expect(commaOf(';', ['6,5', '642.025'])).toBe(true);
    expect(commaOf(';', ['642.025', '1.234.567', '6,5'])).toBe(true);
    expect(commaOf(';', ['12.345,6'])).toBe(true);
    expect(parseNumber('642.025', true)).toBe(642025);
    expect(parseNumber('1.234.567', true)).toBe(1234567);
    expect(parseNumber('-12.345,5', true)).toBe(-12345.5);
  });
  it('dot decimals settle the file as dot-decimal when more cells show them; alone, a grouped-looking number in a ; file reads as thousands', () => {
    // The one rule (decimal-mark.ts): a majority, not the first dot; a tie is refused by the readers.
    expect(commaOf(';', ['6,5', '12.5', '0.5'])).toBe(false);
    expect(commaOf(';', ['6,5', '12.5'])).toBeUndefined();
    // `1.250` votes for neither mark; the `;` decides, as for the unit-cost list's whole kroner.
    // A tab file says nothing: its `1.250` is refused, as the unit-cost list refuses it (rule 5).
    expect(commaOf(';', ['1.250', '3'])).toBe(true);
    expect(commaOf('\t', ['1.250', '3'])).toBeUndefined();
    expect(commaOf('\t', ['1.5', '1.250'])).toBe(false);
    expect(parseNumber('1.250', false)).toBe(1.25);
  });
  it('dots that are not whole thousands groups are not numbers in a decimal-comma file', () => {
    for (const bad of ['1.5', '12.34', '1.2345', '0.500', '1.234,5.6']) expect(parseNumber(bad, true)).toBeUndefined();
  });
  it('a semicolon export with income in thousands and decimal-comma pain reads both', () => {
    const t = parseCsvText('id;arm;income;pain\nP1;app;642.025;6,5\nP2;usual;1.250.000;4\n', 'dk.csv');
    expect(t.dialect.decimalComma).toBe(true);
    expect(t.records.map((r) => r.cells.slice(2).map((c) => parseNumber(c!, true)))).toEqual([[642025, 6.5], [1250000, 4]]);
  });
});

describe('files that are not CSV at all', () => {
  const write = (name: string, bytes: Buffer) => {
    const file = join(dir, name);
    writeFileSync(file, bytes);
    return file;
  };
  it('an Excel workbook, a Parquet file, an SPSS .sav are named as such with how to get a CSV', () => {
    const xlsx = errorOf(() => readCsvFile(write('book.xlsx', Buffer.concat([Buffer.from('PK\x03\x04', 'latin1'), Buffer.alloc(40, 0x88)]))));
    expect(xlsx.message).toMatch(/is an Excel workbook \(\.xlsx\)/);
    expect(xlsx.problems[0]!.expected).toMatch(/CSV UTF-8/);
    expect(errorOf(() => readCsvFile(write('r.parquet', Buffer.from('PAR1\x15\x04\x15"quoted', 'latin1')))).message).toMatch(/is a Parquet file/);
    expect(errorOf(() => readCsvFile(write('d.sav', Buffer.from('$FL2@(#) SPSS DATA FILE', 'latin1')))).message).toMatch(/is an SPSS data file/);
  });
});

describe('rows of separators only', () => {
  it('are skipped like blank lines (Excel writes them for rows once touched), in memory and streamed', () => {
    const text = 'id;arm;pain\r\nP1;app;6,5\r\n;;\r\n  ; ;\r\nP2;usual;4\r\n;;\r\n';
    const t = parseCsvText(text, 'rows.csv');
    expect(t.records.map((r) => [r.line, ...r.cells])).toEqual([[2, 'P1', 'app', '6,5'], [5, 'P2', 'usual', '4']]);
    const file = join(dir, 'rows.csv');
    writeFileSync(file, text);
    const s = readCsvFile(file, { chunkBytes: 5 });
    expect(s.records.length).toBe(2);
    expect([...s.records].map((r) => [r.line, ...r.cells])).toEqual([[2, 'P1', 'app', '6,5'], [5, 'P2', 'usual', '4']]);
  });
  it('a row with one value among empty cells is still a row', () => {
    expect(parseCsvText('id;arm;pain\n;;5\n', 'one.csv').records.map((r) => r.cells)).toEqual([[null, null, '5']]);
  });
});
