import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseCsvBytes, parseCsvText } from '../../src/io/read-csv.js';
import { errorOf } from '../support/error-of.js';


describe('packed CSV reading', () => {
  it('reads the same fields as csv-parse (trim, quotes, CRLF, blank lines) for generated files', () => {
    const cell = fc.oneof(
      fc.stringMatching(/^[a-zæøå0-9 .]{0,6}$/),
      fc.stringMatching(/^[a-z,;"\n ]{0,6}$/).map((s) => `"${s.replace(/"/g, '""')}"`),
    );
    fc.assert(
      fc.property(fc.array(fc.array(cell, { minLength: 3, maxLength: 3 }), { minLength: 1, maxLength: 6 }), fc.boolean(), (rows, crlf) => {
        const eol = crlf ? '\r\n' : '\n';
        const text = ['a,b,c', ...rows.map((r) => r.join(','))].join(eol) + eol;
        const ours = parseCsvText(text, 'x.csv');
        const theirs = (parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][]).filter((r) => r.some((c) => c.trim() !== ''));
        // csv-parse keeps a whole-line empty record; ours skips blank lines and rows of (quoted)
        // blanks only: compare the others.
        expect(ours.records.map((r) => r.raw).filter((r) => r.some((c) => c.trim() !== ''))).toEqual(theirs.slice(1).filter((r) => r.length === 3));
        // cells are raw with the missing tokens, and quoted blanks only, as null.
        for (const r of ours.records) expect(r.cells).toEqual(r.raw.map((c) => (c.trim() === '' || ['NA', '.'].includes(c) ? null : c)));
      }),
      { numRuns: 200 },
    );
  });
  it('gives each record its first physical line, across quoted line breaks and CR-only files', () => {
    const t = parseCsvText('id,note\n\n1,"two\nlines"\n2,x\n', 'q.csv');
    expect(t.records.map((r) => r.line)).toEqual([3, 5]);
    expect(t.records[0]!.cells).toEqual(['1', 'two\nlines']);
    expect(parseCsvText('id,x\r1,a\r2,b\r', 'mac.csv').records.map((r) => [r.line, r.raw[1]])).toEqual([[2, 'a'], [3, 'b']]);
  });
  it('reads Windows-1252 (Excel\'s plain "CSV"), and refuses other bytes that are not UTF-8, naming the line and byte offset', () => {
    const cp1252 = Buffer.concat([Buffer.from('id,region\n1,Sj'), Buffer.from([0xe6]), Buffer.from('lland\n')]);
    const t = parseCsvBytes(cp1252, 'cp1252.csv');
    expect(t.records[0]!.cells).toEqual(['1', 'Sjælland']);
    expect(t.dialect.windows1252).toEqual({ characters: 'æ' });
    // Code page 850 writes æ as 0x91, which Windows-1252 reads as "‘": not between two letters.
    const dos = Buffer.concat([Buffer.from('id,region\n1,Sj'), Buffer.from([0x91]), Buffer.from('lland\n')]);
    const e = errorOf(() => parseCsvBytes(dos, 'cp850.csv'));
    expect(e.message).toBe('cp850.csv is not UTF-8 text, nor Windows-1252 text');
    expect(e.problems[0]).toMatchObject({ line: 2, value: 'byte 0x91 at byte offset 14: ‘ between two letters' });
    expect(e.problems[0]!.expected).toMatch(/CSV UTF-8/);
  });
  it('reads a quoted semicolon header (SPSS, Excel)', () => {
    const t = parseCsvText('"id";"arm";"eq5d"\r\n"P1";"app";"0,761"\r\n', 'spss.csv');
    expect(t.header).toEqual(['id', 'arm', 'eq5d']);
    expect(t.dialect).toEqual({ delimiter: ';', decimalComma: true, shownMark: { mark: ',', basis: 'votes', first: { line: 2, column: 3, value: '0,761' } }, bom: false, crlf: true });
    expect(t.records[0]!.cells).toEqual(['P1', 'app', '0,761']);
  });
  it('reads quoted fields of a tab-separated file: the tab after a closing quote or before an opening one is the separator', () => {
    // Stata `outsheet`, R `write.table(sep = "\t")`: text quoted, numbers not.
    const stata = parseCsvText('id\tarm\tage\n1\t"App"\t30\n2\t"Usual care"\t40\n', 'stata.txt');
    expect(stata.records.map((r) => r.raw)).toEqual([['1', 'App', '30'], ['2', 'Usual care', '40']]);
    // An empty field before a quoted one stays a field (it was swallowed: 3 fields, not 4).
    expect(parseCsvText('id\tarm\tage\tsite\n1\tApp\t\t"Aarhus"\n', 'gap.txt').records[0]!.cells).toEqual(['1', 'App', null, 'Aarhus']);
    // A quoted header (R quotes names), and Excel's "Unicode text" (UTF-16 with tabs and quotes).
    expect(parseCsvText('"id"\t"arm"\n"1"\t"App"\n', 'r.txt').header).toEqual(['id', 'arm']);
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('id\tarm\tsite\r\n1\t"App"\t"Ærø"\r\n', 'utf16le')]);
    expect(parseCsvBytes(utf16, 'unicode.txt').records[0]!.raw).toEqual(['1', 'App', 'Ærø']);
    // Spaces around the quotes are still trimmed; in a comma file, tabs too.
    expect(parseCsvText('a\tb\n1\t  "x"  \n', 't.txt').records[0]!.raw).toEqual(['1', 'x']);
    expect(parseCsvText('a,b\n1,\t"x"\t\n', 'c.csv').records[0]!.raw).toEqual(['1', 'x']);
  });
  it('names the line of quoting errors', () => {
    expect(errorOf(() => parseCsvText('a,b\n1,"open\n2,3\n', 'q.csv')).problems[0]).toMatchObject({ line: 2, column: 2 });
    expect(errorOf(() => parseCsvText('a,b\n1,2\n3,x"y\n', 'q.csv')).problems[0]).toMatchObject({ line: 3, column: 2 });
    expect(errorOf(() => parseCsvText('a,b\n1,"x"y\n', 'q.csv')).problems[0]).toMatchObject({ line: 2 });
  });
  it('calls a file of blank lines empty, and lists every row with the wrong number of fields', () => {
    expect(errorOf(() => parseCsvText('\n  \n\n', 'blank.csv')).message).toBe('blank.csv is empty (only blank lines)');
    const rows = ['a,b', ...Array.from({ length: 60 }, () => '1,2,3')].join('\n');
    expect(errorOf(() => parseCsvText(rows, 'wide.csv')).problems).toHaveLength(60);
  });
});
