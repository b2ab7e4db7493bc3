// An encoding error names the line of its byte whatever the file's line ends: a CR-only file
// (Excel for Mac's "CSV (Macintosh)") said line 1 for a byte on line 5, and "like line 1" for
// UTF-8 mixed with Windows-1252, because only LF bytes were counted (utf8.ts lineEndsIn).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvBytes, readCsvFile } from '../../src/io/read-csv.js';
import { lineEndsIn, lineOfByte } from '../../src/io/utf8.js';
import { errorOf } from '../support/error-of.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-enc-line-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const ENDS = { lf: '\n', crlf: '\r\n', cr: '\r' };
/** Lines 1–4 plain ASCII, line 5 `bad`'s bytes between two letters. */
const file = (eol: string, bad: Buffer, utf8Line2 = false) =>
  Buffer.concat([Buffer.from(['id,site', utf8Line2 ? '1,Ærø' : '1,Aarhus', '2,Odense', '3,Vejle', '4,S'].join(eol)), bad, Buffer.from(`nder${eol}`)]);

describe('the line of an encoding error', () => {
  for (const [name, eol] of Object.entries(ENDS)) {
    it(`is the byte's own line in a file of ${name} line ends, read in memory or streamed in any chunks`, () => {
      // 0x81: a byte Windows-1252 does not define (as in Excel for Mac's exports).
      const undefinedByte = file(eol, Buffer.from([0x81]));
      // Windows-1252's Ø in a file of UTF-8: the other encoding came in on line 5, the UTF-8 is on line 2.
      const mixed = file(eol, Buffer.from([0xd8]), true);
      const path = join(dir, `${name}.csv`);
      const mixedPath = join(dir, `${name}-mixed.csv`);
      writeFileSync(path, undefinedByte);
      writeFileSync(mixedPath, mixed);
      expect(errorOf(() => parseCsvBytes(undefinedByte, 'x.csv')).problems[0]).toMatchObject({ line: 5 });
      expect(errorOf(() => parseCsvBytes(mixed, 'x.csv')).problems[0]).toMatchObject({ line: 5, expected: expect.stringContaining('UTF-8 text like line 2') });
      for (const chunkBytes of [3, 7, 1000]) {
        expect(errorOf(() => readCsvFile(path, { chunkBytes })).problems[0]).toMatchObject({ line: 5 });
        expect(errorOf(() => readCsvFile(mixedPath, { chunkBytes })).problems[0]).toMatchObject({ line: 5, expected: expect.stringContaining('UTF-8 text like line 2') });
      }
    });
  }

  // Found by an explorer: the docs' awk recipe run on SurveyXact's Windows-1252 CSV files adds a UTF-8 "Besøg" to each
  // Windows-1252 line; the refusal said "line 1 … expected UTF-8 text like line 1" and advised saving the file again.
  it('a line holding both encodings says so, with the byte as Windows-1252 reads it, and to convert each file before joining', () => {
    const mixedLine = Buffer.concat([Buffer.from('id;K'), Buffer.from([0xf8]), Buffer.from('n;Bes\u00f8g\r\n1;Mand;Baseline\r\n', 'utf8')]);
    for (const read of [() => parseCsvBytes(mixedLine, 'x.csv'), () => readCsvFile(join(dir, 'same-line.csv'), { chunkBytes: 5 })]) {
      writeFileSync(join(dir, 'same-line.csv'), mixedLine);
      const p = errorOf(read).problems[0]!;
      expect(p.line).toBe(1);
      expect(p.expected).toMatch(/^UTF-8 text throughout: this line holds UTF-8 text \(at byte offset \d+\) and text in another encoding \(this byte, most likely Windows-1252, where it is "ø"\)/);
      expect(p.expected).not.toContain('like line 1');
      expect(p.expected).toContain('convert each Windows-1252 file to UTF-8 before joining them (iconv -f CP1252 -t UTF-8');
    }
  });

  it('counts a CRLF as one line end, also split between two chunks', () => {
    const b = Buffer.from('a\r\nb\rc\nd');
    expect(lineEndsIn(b)).toBe(3);
    expect(lineEndsIn(b, 0, 2) + lineEndsIn(b, 2)).toBe(3);
    expect(lineEndsIn(b.subarray(0, 2)) + lineEndsIn(b.subarray(2), 0, 6, true)).toBe(3);
    expect(lineOfByte(b, 7)).toBe(4);
  });
});
