/**
 * The quote-free shortcut (src/io/plain-csv-records.ts) reads what the streamed registry reader
 * reads: the same records on the same lines, for any text without a quote.
 */
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Delimiter } from '../../src/io/dialect.js';
import { visitPlainCsvRecords } from '../../src/io/plain-csv-records.js';
import { registryRecordsWithLines } from '../../src/uptake/read-registry.js';

type Row = [number, string[]];

async function streamed(bytes: Buffer, delimiter: Delimiter): Promise<Row[]> {
  const out: Row[] = [];
  for await (const { record, line } of registryRecordsWithLines(Readable.from([bytes]), 'r.csv', delimiter)) out.push([line, record]);
  return out;
}

function plain(bytes: Buffer, delimiter: Delimiter): Row[] | undefined {
  const out: Row[] = [];
  return visitPlainCsvRecords(bytes, delimiter, (record, line) => out.push([line, record])) ? out : undefined;
}

describe('visitPlainCsvRecords', () => {
  it('gives the streamed reader\'s records and lines: line ends of every kind, blank lines, a byte-order mark, ragged rows', async () => {
    const text = '\uFEFF\r\nid;region;år\r\n\r\nR1;Nord;2024\nR2;Syd\r  \r\nR3;;2025;x\n;;\n\nR4;Øst;2026';
    const bytes = Buffer.from(text);
    const rows = plain(bytes, ';');
    expect(rows).toEqual([[4, ['R1', 'Nord', '2024']], [5, ['R2', 'Syd']], [7, ['R3', '', '2025', 'x']], [8, ['', '', '']], [10, ['R4', 'Øst', '2026']]]);
    expect(rows).toEqual(await streamed(bytes, ';'));
  });

  it('agrees with the streamed reader on any quote-free text', async () => {
    const piece = fc.constantFrom('a', 'Ø', 'æ ', ' ', ',', ';', '\t', '\r', '\n', '\r\n', '1', '\uFEFF', 'sep');
    await fc.assert(
      fc.asyncProperty(fc.array(piece, { maxLength: 40 }), fc.boolean(), fc.constantFrom<Delimiter>(',', ';', '\t'), async (pieces, bom, delimiter) => {
        const bytes = Buffer.from((bom ? '\uFEFF' : '') + pieces.join(''));
        const rows = plain(bytes, delimiter);
        if (rows === undefined) return; // a separator hint first: left to the stream
        expect(rows).toEqual(await streamed(bytes, delimiter));
      }),
      { numRuns: 300 },
    );
  });

  it('leaves to the full reader a file with a quote, bytes that are not UTF-8, or a separator hint', () => {
    const visit = () => {
      throw new Error('visited');
    };
    expect(visitPlainCsvRecords(Buffer.from('id;x\n"1";2\n'), ';', visit)).toBe(false);
    expect(visitPlainCsvRecords(Buffer.from([0x69, 0x64, 0x0a, 0xe6, 0x0a]), ';', visit)).toBe(false);
    expect(visitPlainCsvRecords(Buffer.from('\uFEFFSEP=;\nid;x\n1;2\n'), ';', visit)).toBe(false);
  });
});
