import { describe, expect, it } from 'vitest';
import { parseCsvBytes, parseCsvText } from '../../src/io/read-csv.js';
import { sniffDelimiter } from '../../src/io/dialect.js';
import { commaOf } from '../support/decimal-comma-of.js';
import { parseNumber } from '../../src/io/parse-number.js';
import { HtaError } from '../../src/errors.js';
import { errorOf } from '../support/error-of.js';

describe('dialect sniffing', () => {
  it('finds comma, semicolon and tab separators from the header', () => {
    expect(sniffDelimiter('id,arm,time')).toBe(',');
    expect(sniffDelimiter('id;arm;time')).toBe(';');
    expect(sniffDelimiter('id\tarm\ttime')).toBe('\t');
    expect(sniffDelimiter('"a;b",c,d')).toBe(',');
  });
  it('detects a decimal comma when the comma is not the separator, or when a comma file quotes every decimal with a comma', () => {
    expect(commaOf(';', ['12,5', '3'])).toBe(true);
    // One of each is a tie, refused by the readers (decimal-mark.ts rule 4); before, the dot won.
    expect(commaOf(';', ['12.5', '3,5'])).toBeUndefined();
    // A comma file: the point, unless no number has one and quoted cells write decimal commas (rule 2).
    expect(commaOf(',', ['12,5', '1.5'])).toBe(false);
    expect(commaOf(',', ['12,5', '3'])).toBe(true);
    expect(commaOf(',', ['0,424', '-0,125', '3'])).toBe(true);
    // "1,234": thousands or three decimals, and only the quoted commas speak for the comma: refused.
    expect(commaOf(',', ['12,5', '1,234'])).toBeUndefined();
    expect(commaOf(',', ['1,234'])).toBe(false);
    expect(commaOf(';', ['12', '3'])).toBe(true);
    expect(commaOf('\t', ['12', '3'])).toBe(false);
  });
});

describe('parseCsvText', () => {
  it('reads a semicolon + decimal-comma file (Danish Excel)', () => {
    const t = parseCsvText('id;arm;eq5d\nP1;app;0,761\nP2;usual;NA\n', 'dk.csv');
    // What the cells show is kept, for a plan that declares a mark (declared-mark.ts): 0,761 on line 2, column 3.
    expect(t.dialect).toEqual({ delimiter: ';', decimalComma: true, shownMark: { mark: ',', basis: 'votes', first: { line: 2, column: 3, value: '0,761' } }, bom: false, crlf: false });
    expect(t.records[0]?.cells).toEqual(['P1', 'app', '0,761']);
    expect(t.records[1]?.cells).toEqual(['P2', 'usual', null]);
  });
  it('strips a UTF-8 BOM and handles CRLF line ends', () => {
    const t = parseCsvText('\uFEFFid,arm\r\nP1,app\r\nP2,usual\r\n', 'bom.csv');
    expect(t.header).toEqual(['id', 'arm']);
    expect(t.dialect.bom).toBe(true);
    expect(t.dialect.crlf).toBe(true);
    expect(t.records.map((r) => r.line)).toEqual([2, 3]);
  });
  it('treats empty, NA and . as missing and keeps quoted fields', () => {
    const t = parseCsvText('id,note,x,y,z\nP1,"a, quoted ""note""",,NA,.\n', 'q.csv');
    expect(t.records[0]?.cells).toEqual(['P1', 'a, quoted "note"', null, null, null]);
  });
  it('gives physical line numbers across blank lines and multi-line quoted fields', () => {
    const t = parseCsvText('id,note\nP1,"two\nlines"\n\nP2,x\n', 'm.csv');
    expect(t.records.map((r) => r.line)).toEqual([2, 5]);
  });
  it('reports rows with the wrong number of fields with their line', () => {
    try {
      parseCsvText('id,arm,time\nP1,app,baseline\nP2,usual\n', 'short.csv');
      expect.unreachable();
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      const err = e as HtaError;
      expect(err.exitCode).toBe(2);
      expect(err.problems[0]).toMatchObject({ file: 'short.csv', line: 3, value: '2 fields' });
    }
  });
  it('rejects duplicate and empty column names', () => {
    expect(() => parseCsvText('id,id\n1,2\n', 'dup.csv')).toThrow(HtaError);
  });
});

describe('parseNumber', () => {
  it('accepts whole-cell numbers only', () => {
    expect(parseNumber('12', false)).toBe(12);
    expect(parseNumber('-0.5', false)).toBe(-0.5);
    expect(parseNumber('1e-3', false)).toBe(0.001);
    expect(parseNumber('12,5', true)).toBe(12.5);
    for (const bad of ['12 kg', '1.2.3', '≥5', 'abc', '12,5', 'Infinity', '0x10']) expect(parseNumber(bad, false)).toBeUndefined();
  });
});

describe('UTF-16 without a byte-order mark', () => {
  it('is refused by name, LE and BE (its ASCII would read as valid UTF-8 with NUL bytes)', () => {
    const text = 'id,score,arm\r\n1,2,A\r\n';
    for (const [bytes, order] of [[Buffer.from(text, 'utf16le'), 'LE'], [Buffer.from(text, 'utf16le').swap16(), 'BE']] as const) {
      let err: unknown;
      try {
        parseCsvBytes(bytes, 'export.csv');
      } catch (e) {
        err = e;
      }
      expect(err).toBeInstanceOf(HtaError);
      expect((err as HtaError).message).toBe('export.csv looks like UTF-16 text without a byte-order mark: its encoding cannot be told for certain');
      expect((err as HtaError).problems[0]!.expected).toContain(`iconv -f UTF-16${order} -t UTF-8`);
    }
    // With the mark it is read.
    expect(parseCsvBytes(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]), 'export.csv').header).toEqual(['id', 'score', 'arm']);
  });

  it('a Danish header (ø = F8 00 in the first eight characters) is UTF-16 too, not "a binary file"', () => {
    // Excel's "Unicode text" of a Danish export with its mark cut off (iconv -t UTF-16LE writes none).
    const text = 'Løbenr\tGruppe\tAlder\tKøn\r\nP001\tIntervention\t62\tKvinde\r\n';
    for (const [bytes, order] of [[Buffer.from(text, 'utf16le'), 'LE'], [Buffer.from(text, 'utf16le').swap16(), 'BE']] as const) {
      const err = errorOf(() => parseCsvBytes(bytes, 'eksport.txt'));
      expect(err.message).toBe('eksport.txt looks like UTF-16 text without a byte-order mark: its encoding cannot be told for certain');
      expect(err.problems[0]!.expected).toContain(`iconv -f UTF-16${order} -t UTF-8`);
    }
  });

  it('a binary file with NULs between control bytes stays "a binary file"', () => {
    // Little-endian 16-bit counters 1, 2, 3, … (a data file of short integers): a NUL after each byte, but no text.
    const bytes = Buffer.from(Uint16Array.from({ length: 32 }, (_, k) => k + 1).buffer);
    expect(errorOf(() => parseCsvBytes(bytes, 'data.csv')).message).toBe('data.csv is a binary file (its first bytes hold NUL bytes, which no text has), not a CSV file');
  });
});
