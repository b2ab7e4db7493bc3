// The streamed reader (readCsvFile, chunk by chunk from disk) must read exactly what the
// in-memory reader reads, wherever the chunk boundaries fall: inside a quoted line break, a
// CRLF, a multi-byte letter, the BOM or the header. Tiny chunks put a boundary everywhere.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvBytes, readCsvFile, type CsvTable } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-stream-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const outcome = (f: () => CsvTable) => {
  try {
    const t = f();
    return { header: t.header, dialect: t.dialect, length: t.records.length, records: [...t.records].map((r) => ({ line: r.line, cells: r.cells, raw: r.raw })) };
  } catch (err) {
    const e = err as { message: string; problems?: unknown };
    return { error: e.message, problems: e.problems };
  }
};

describe('streamed CSV reading', () => {
  it('reads generated files exactly as the in-memory reader, for any chunk size', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zæø0-9 .,]{0,5}$/),
      fc.stringMatching(/^[a-z;"\n\r ]{0,5}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
      fc.constantFrom('NA', '.', '1,5', '2.5', ' x ', 'x"y', '"q" z'),
    );
    let k = 0;
    fc.assert(
      fc.property(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 4 }), { minLength: 0, maxLength: 6 }),
        fc.constantFrom('\n', '\r\n', '\r'),
        fc.constantFrom(',', ';', '\t'),
        fc.boolean(),
        fc.boolean(),
        (rows, eol, sep, bom, blankFirst) => {
          const text = (bom ? '\uFEFF' : '') + (blankFirst ? eol : '') + ['id', 'arm', 'x'].join(sep) + eol + rows.map((r) => r.join(sep)).join(eol) + (rows.length ? eol : '');
          const bytes = Buffer.from(text, 'utf8');
          const file = join(dir, `t${k++}.csv`);
          writeFileSync(file, bytes);
          const expected = outcome(() => parseCsvBytes(bytes, file));
          for (const chunkBytes of [1, 2, 3, 5, 8, 13, 64]) expect(outcome(() => readCsvFile(file, { chunkBytes }))).toEqual(expected);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('sniffs the separator and line ends from the whole header when a BOM and a long header span chunks', () => {
    for (const eol of ['\n', '\r\n']) {
      const bytes = Buffer.from(`\uFEFFa,b,c;d;e${eol}1,2,3;4;5${eol}`, 'utf8');
      const file = join(dir, 'bom-header.csv');
      writeFileSync(file, bytes);
      for (const chunkBytes of [1, 2, 3, 4, 5, 8]) {
        const t = readCsvFile(file, { chunkBytes });
        expect(t.dialect).toEqual(parseCsvBytes(bytes, file).dialect);
        expect(t.header).toEqual(['a', 'b', 'c;d;e']);
        expect([...t.records].map((r) => r.cells)).toEqual([['1', '2', '3;4;5']]);
      }
    }
  });

  it('names the line and byte offset of a byte that is neither UTF-8 nor Windows-1252 in a later chunk, before an earlier quoting error', () => {
    // Code page 850's æ (0x91) reads "‘" in Windows-1252: between two letters, not a letter.
    const bytes = Buffer.concat([Buffer.from('id,region\n1,"open\n2,x\n3,Sj'), Buffer.from([0x91]), Buffer.from('lland\n')]);
    const file = join(dir, 'cp850.csv');
    writeFileSync(file, bytes);
    const e = errorOf(() => readCsvFile(file, { chunkBytes: 5 }));
    expect(e.message).toBe(`${file} is not UTF-8 text, nor Windows-1252 text`);
    expect(e.problems[0]).toMatchObject({ line: 4, value: 'byte 0x91 at byte offset 26: ‘ between two letters' });
  });

  it('reads a Windows-1252 file again, decoded, each time its records are iterated (quoting error named after it is decoded)', () => {
    const file = join(dir, 'cp1252.csv');
    writeFileSync(file, Buffer.concat([Buffer.from('id,region\n1,Sj'), Buffer.from([0xe6]), Buffer.from('lland\n2,'), Buffer.from([0xc6]), Buffer.from('r'), Buffer.from([0xf8]), Buffer.from('\n')]));
    const t = readCsvFile(file, { chunkBytes: 3 });
    expect([...t.records].map((r) => r.cells[1])).toEqual(['Sjælland', 'Ærø']);
    expect([...t.records].map((r) => r.cells[1])).toEqual(['Sjælland', 'Ærø']);
    const bad = join(dir, 'cp1252-quote.csv');
    writeFileSync(bad, Buffer.concat([Buffer.from('id,region\n1,"Sj'), Buffer.from([0xe6]), Buffer.from('lland\n')]));
    expect(errorOf(() => readCsvFile(bad, { chunkBytes: 4 })).message).toBe(`${bad} is not valid CSV`);
  });

  it('refuses to read on when the file changed after it was checked', () => {
    const file = join(dir, 'changing.csv');
    writeFileSync(file, 'id,arm\n1,a\n');
    const t = readCsvFile(file);
    writeFileSync(file, 'id,arm\n1,a\n2,b\n');
    expect(errorOf(() => [...t.records]).message).toBe(`${file} changed while it was being read; run the command again`);
  });

  it('refuses a small file changed after a whole pass too (its records are kept between passes), and a removed one as unreadable', () => {
    const file = join(dir, 'kept.csv');
    writeFileSync(file, 'id,arm\n1,a\n2,b\n');
    const t = readCsvFile(file);
    const first = [...t.records].map((r) => [r.line, ...r.cells]);
    expect([...t.records].map((r) => [r.line, ...r.cells])).toEqual(first);
    writeFileSync(file, 'id,arm\n1,a\n2,c\n3,d\n');
    expect(errorOf(() => [...t.records]).message).toBe(`${file} changed while it was being read; run the command again`);
    const gone = join(dir, 'gone.csv');
    writeFileSync(gone, 'id,arm\n1,a\n');
    const g = readCsvFile(gone);
    expect([...g.records]).toHaveLength(1);
    rmSync(gone);
    expect(errorOf(() => [...g.records]).message).toBe(errorOf(() => readCsvFile(gone)).message);
  });
});
