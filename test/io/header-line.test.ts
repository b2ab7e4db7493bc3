import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { headerLayoutError } from '../../src/io/header-line.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { HtaError } from '../../src/errors.js';
import { registryRecordsWithLines } from '../../src/uptake/read-registry.js';
import { Readable } from 'node:stream';
import { tempDir } from '../support/run-cli.js';

const FX = 'test/fixtures/exports';
const text = (path: string) => readFileSync(path, 'utf8');

describe('headerLayoutError: a title above the header', () => {
  it('names the title line, the header line and what to delete (Excel: one title line)', () => {
    const e = headerLayoutError('t.csv', text(`${FX}/header-rows/trial-title.csv`));
    expect(e?.message).toBe('t.csv: line 1 is a title, not the header: the header seems to be on line 2 (Løbenr;Gruppe;Alder;…) — delete line 1 and save again');
    expect(e?.problems[0]).toMatchObject({ file: 't.csv', line: 1, kind: 'header.title' });
  });
  it('a report title and an empty row (Epic): the header on line 3, lines 1–2 to delete', () => {
    const e = headerLayoutError('r.csv', text(`${FX}/header-rows/registry-title.csv`));
    expect(e?.message).toBe('r.csv: line 1 is a title, not the header: the header seems to be on line 3 (PatientID;Region;Klinik;…) — delete lines 1–2 and save again');
  });
  it('SAS\'s BY line above the header (PROC PRINT with BY, saved to CSV): named so, re-export without BY, its value not echoed', () => {
    const block = (r: string, first: number) => [`Region=${r}`, '', 'PatientID;Region;Klinik;Henvist', ...[0, 1, 2].map((k) => `P${first + k};${r};K${k};0${k + 1}-03-2025`), ''];
    const e = headerLayoutError('s.csv', [...block('Region Hovedstaden', 7000), ...block('Region Sjælland', 7003)].join('\r\n'));
    expect(e?.message).toBe('s.csv: line 1 is a SAS BY line (name=value), not the header: the header seems to be on line 3 (PatientID;Region;Klinik;…) — the export is grouped by a BY statement, each group under its own BY line and header line: export it again without the BY statement (one header line, every row with its own values), or delete lines 1–2 and every later BY line and repeated header line, and save again');
    expect(e?.problems[0]).toMatchObject({ line: 1, kind: 'header.title' });
    const trial = headerLayoutError('t.csv', '------ Gruppe=P5001 ------\nid;arm;rmdq\n1;App;5\n2;App;6\n');
    expect(trial?.message).toContain('t.csv: line 1 is a SAS BY line (name=value), not the header: the header seems to be on line 2 (id;arm;rmdq)');
    expect(trial?.message).not.toContain('P5001');
    // A title that is no BY line is a title as before.
    expect(headerLayoutError('u.csv', 'Udtræk 01-12-2025\nid;arm;rmdq\n1;App;5\n2;Kontrol;6\n')?.message).toContain('line 1 is a title');
  });

  it('a title line without separators, and two title lines', () => {
    expect(headerLayoutError('a.csv', 'Udtræk 01-12-2025\nid;arm;rmdq\n1;App;5\n2;Kontrol;6\n')?.message).toContain('line 1 is a title, not the header: the header seems to be on line 2 (id;arm;rmdq)');
    expect(headerLayoutError('b.csv', 'Rapport;;\nDato: 01-12-2025;;\n\nid;arm;rmdq\n1;App;5\n')?.message).toContain('lines 1–2 are a title, not the header: the header seems to be on line 4 (id;arm;rmdq) — delete lines 1–3');
  });
  it("an export's description of label/value lines above the table (OpenClinica 3's tab extract): delete them, not 'expected 2 fields'", () => {
    const description = ['Dataset Name:\tSELFBACK_ALL', 'Dataset Description:\tall outcomes', 'Study Name:\tselfBACK DK', 'Protocol ID:\tSB-DK-01', 'Date:\t05-Dec-2026', 'Subjects:\t4', 'Study Event Definitions\t2', 'Study Event Definition 1\tBaseline\tE1', 'CRF\tSpoergeskema\tC1', 'Study Event Definition 2\t3 maaneder\tE2', 'CRF\tSpoergeskema\tC1', ''];
    const header = ['SubjID', 'Protocol ID', 'Sex', 'Randomisering', 'NRS_E1_C1', 'NRS_E2_C1', 'AGE_E1_C1', 'RMDQ_E1_C1', 'RMDQ_E2_C1'];
    const rows = ['SB1000\tSB-DK-01\tm\tSelfBACK\t5\t3\t67\t12\t8', 'SB1001\tSB-DK-01\tf\tKontrol\t6\t6\t38\t10\t9', 'SB1002\tSB-DK-01\tf\tSelfBACK\t4\t2\t51\t9\t5'];
    const err = headerLayoutError('oc3.tsv', [...description, header.join('\t'), ...rows].join('\n') + '\n');
    expect(err?.message).toContain('oc3.tsv: lines 1–11 are notes above the table (a title, a label with its value), not the header: the header seems to be on line 13 (SubjID\tProtocol ID\tSex\t…) — delete lines 1–12 and save again');
    // Too narrow a table beside them (less than 3 times as wide as each line above): not taken for notes.
    expect(headerLayoutError('n.tsv', [...description, 'id\tarm\tnrs\tx', '1\tA\t5\t1', '2\tB\t6\t2'].join('\n') + '\n')?.message ?? '').not.toContain('are notes above the table');
  });
  it('notes with a label and its value on a line (`Udtrukket;04-12-2026;af;BioStat`): the header still found, for plan init and validate', () => {
    const FILE = `${FX}/plan-init-s16/excel-notes.csv`;
    const said = 'lines 1–4 are notes above the table (a title, a label with its value), not the header: the header seems to be on line 6 (Løbenr;Gruppe;Besøg;…) — delete lines 1–5 and save again';
    expect(headerLayoutError('x.csv', text(FILE))?.message).toBe(`x.csv: ${said}`);
    // readCsvFile is what plan init and validate read an export with.
    expect(() => readCsvFile(FILE)).toThrow(said);
    // A header missing one name over rows a cell wider is no note: the reader names the unnamed column.
    expect(headerLayoutError('w.csv', 'id;arm;rmdq\n1;App;5;x\n2;Kontrol;6;y\n3;App;4;z\n')).toBeUndefined();
    expect(headerLayoutError('v.csv', 'Rapport;;;;\nid;arm;rmdq;smerte\nP1;App;Kontrol;x;y\nP2;Kontrol;App;y;x\nP3;App;App;x;x\n')?.message ?? '').not.toContain('P1');
  });
  it('never echoes a data row taken for a header (a file with a title and no header line)', () => {
    const e = headerLayoutError('n.csv', 'Udtræk;;;;\nP5001;Region Hovedstaden;2025-03-23;64;K\nP5002;Region Sjælland;2025-04-01;58;M\nP5003;Region Sjælland;2025-04-02;51;K\n');
    expect(e?.message ?? '').not.toContain('P500');
  });
});

describe('headerLayoutError: header rows of labels under the header', () => {
  it('a second header row of labels (SPSS / Excel label sheet)', () => {
    const e = headerLayoutError('l.csv', text(`${FX}/header-rows/trial-labels.csv`));
    expect(e?.message).toBe('l.csv: line 2 looks like a second header row (column labels or question texts), not data — delete it and save again (SPSS and Excel label sheets write the labels under the names)');
    // No label is quoted: a row judged wrongly would be a patient's.
    expect(JSON.stringify(e?.problems)).not.toContain('Patientnummer');
  });
  it('Qualtrics: question texts and import ids, lines 2–3', () => {
    const e = headerLayoutError('q.csv', text(`${FX}/header-rows/qualtrics.csv`));
    expect(e?.message).toContain('q.csv: lines 2–3 look like more header rows (question texts and Qualtrics import ids {"ImportId":…}), not data — delete lines 2–3');
    // Unquoted import ids, which the strict reader stops at with a quoting error.
    const unquoted = 'id;arm;rmdq\nPatient;Group;RMDQ score\n{"ImportId":"QID1"};{"ImportId":"QID2"};{"ImportId":"QID3"}\n1;App;5\n';
    expect(headerLayoutError('u.csv', unquoted)?.message).toContain('lines 2–3 look like more header rows');
  });
});

describe('headerLayoutError: files whose first line is their header', () => {
  it('the fixture exports, labels as header (REDCap, SPSS) included', () => {
    const files = [
      'spss-danish/export.csv', 'redcap-labels/export.csv', 'spss-labels-da/export.csv', 'excel-semicolon-wide/export.csv',
      'registry-dk-regional/registry.csv', 'registry-dk-totals/registry.csv', 'redcap-events/export.csv', 'stata-tab-wide/export.csv',
    ];
    for (const f of files) expect(headerLayoutError(f, text(`${FX}/${f}`)), f).toBeUndefined();
  });
  it.each([
    ['one column', 'id\n1\n2\n'],
    ['a header with an unnamed second column', 'id;\n1;5\n2;6\n'],
    ['a header line of values (said so by the reader)', '1;App;5\n2;Kontrol;6\n'],
    ['a patient whose every score is the same word', 'id;arm;a;b;c\nP1;App;Udgået;Udgået;Udgået\nP2;App;4;5;6\nP3;Kontrol;7;8;9\n'],
    ['a patient row of text scores with a numeric id', 'id;arm;a;b;c\n1;App;ikke målt;mangler;ved ikke\n2;App;4;5;6\n3;Kontrol;7;8;9\n'],
    ['only the header', 'id;arm;rmdq\n'],
    // A first patient with text codes in every score is no label row (the pain diary of the review).
    ['a first row of missing codes under the header, id, arm and visit as below', 'id;arm;time;smerte_gns;odi\nP1;app;baseline;Ved ikke;Ikke udfyldt\nP1;app;3m;5,7;25\nP2;usual;baseline;6,8;18\nP2;usual;3m;6,3;6\n'],
    ['a first row whose id has the shape of the ids below', 'id;gruppe;a;b\nK-001;ukendt;mangler;ikke målt\nK-002;App;4;5\nK-003;Kontrol;6;7\n'],
    ['a first row whose arm is written below', 'id;arm;a;b\nXY;App;mangler;ikke målt\nP2;App;4;5\nP3;Kontrol;6;7\n'],
    ["a first row of Excel's error values", 'id;a;b\nQ;#N/A;#VALUE!\nP1;4;5\nP2;6;7\n'],
    ['blank lines before the header', '\n\nid;arm;rmdq\n1;App;5\n'],
  ])('%s', (_name, csv) => {
    expect(headerLayoutError('x.csv', csv)).toBeUndefined();
  });
});

describe("the plan's codes are values, not labels", () => {
  const csv = 'id;a;b\nQ;Ved ikke;Ikke udfyldt\nP1;4;5\nP2;6;7\n';
  it('a row of them is data when the plan lists them, labels when nothing says otherwise', () => {
    expect(headerLayoutError('c.csv', csv)?.message).toContain('line 2 looks like a second header row');
    expect(headerLayoutError('c.csv', csv, { knownValues: ['Ved ikke', 'Ikke udfyldt'] })).toBeUndefined();
  });
  it('readCsvFile takes them from its options', () => {
    const file = join(tempDir(), 'codes.csv');
    writeFileSync(file, csv);
    expect(() => readCsvFile(file)).toThrow(/second header row/);
    expect(readCsvFile(file, { knownValues: ['Ved ikke', 'Ikke udfyldt'] }).records.length).toBe(3);
  });
});

describe('the trial reader refuses them before reading a record', () => {
  it('parseCsvText', () => {
    expect(() => parseCsvText(text(`${FX}/header-rows/trial-title.csv`), 't.csv')).toThrow(/line 1 is a title, not the header/);
  });
  it('readCsvFile, in chunks of any size, a file with a byte-order mark', () => {
    const dir = tempDir();
    const file = join(dir, 'labels.csv');
    writeFileSync(file, readFileSync(`${FX}/header-rows/trial-labels.csv`));
    for (const chunkBytes of [1, 2, 3, 7, 64, 1 << 20]) {
      let err: unknown;
      try {
        readCsvFile(file, { chunkBytes });
      } catch (e) {
        err = e;
      }
      expect(err, String(chunkBytes)).toBeInstanceOf(HtaError);
      expect((err as HtaError).message).toContain('line 2 looks like a second header row');
    }
    // The same file without its label row reads, in any chunks.
    const lines = readFileSync(file, 'utf8').split('\r\n');
    writeFileSync(file, [lines[0], ...lines.slice(2)].join('\r\n'));
    for (const chunkBytes of [1, 2, 3, 7, 64, 1 << 20]) expect(readCsvFile(file, { chunkBytes }).records.length).toBe(10);
  });
});

describe("Excel's separator hint (sep=;) on line 1", () => {
  it('is no title: skipped, its separator taken, the lines the file\'s own', () => {
    expect(headerLayoutError('s.csv', 'sep=;\r\nid;arm;rmdq\r\n1;App;5\r\n2;Kontrol;6\r\n')).toBeUndefined();
    expect(headerLayoutError('s.csv', '\uFEFFsep=;\nUdtræk 01-12-2025\nid;arm;rmdq\n1;App;5\n')?.message).toBe(
      's.csv: line 2 is a title, not the header: the header seems to be on line 3 (id;arm;rmdq) — delete line 2 and save again',
    );
  });
  it('a separator hta does not read is named', () => {
    expect(() => headerLayoutError('p.csv', 'sep=:\nid:arm\n1:App\n')).toThrow('p.csv: line 1 is Excel\'s separator hint (sep=…) naming ":" as the separator, which hta does not read');
  });
  it.each([
    ['sep=;', 'sep=;\r\nid;arm;rmdq\r\n1;App;5,5\r\n2;Kontrol;6\r\n', ';'],
    ['quoted', '"sep=,"\nid,arm,rmdq\n1,App,5.5\n2,Kontrol,6\n', ','],
    ['a tab', 'sep=\t\nid\tarm\trmdq\n1\tApp\t5,5\n2\tKontrol\t6\n', '\t'],
    // The hint decides: a header with more commas than semicolons is still `;`-separated.
    ['the hint over the header', 'sep=;\nid;arm, group;rmdq, score, total\n1;App;5\n2;Kontrol;6\n', ';'],
  ])('parseCsvText reads the table under it (%s)', (_name, csv, delimiter) => {
    const t = parseCsvText(csv, 'h.csv');
    expect(t.dialect.delimiter).toBe(delimiter);
    expect(t.header[0]).toBe('id');
    expect(t.header.length).toBe(3);
    expect(t.records.map((r) => [r.line, r.raw[0]])).toEqual([[3, '1'], [4, '2']]);
  });
  it('readCsvFile, in chunks of any size, a file with a byte-order mark: the header is line 2, rows from line 3', () => {
    const file = join(tempDir(), 'hint.csv');
    writeFileSync(file, '\uFEFFsep=;\r\nid;arm;rmdq\r\n1;App;5,5\r\n2;Kontrol;6\r\n');
    for (const chunkBytes of [1, 2, 3, 7, 64, 1 << 20]) {
      const t = readCsvFile(file, { chunkBytes });
      expect(t.header, String(chunkBytes)).toEqual(['id', 'arm', 'rmdq']);
      expect([...t.records].map((r) => [r.line, ...r.raw]), String(chunkBytes)).toEqual([[3, '1', 'App', '5,5'], [4, '2', 'Kontrol', '6']]);
      expect(t.dialect).toMatchObject({ delimiter: ';', decimalComma: true, bom: true, crlf: true });
    }
  });
  it('the registry parser meets it as a blank line 1, in chunks of any size', async () => {
    const rows = async (text: string, size: number) => {
      const bytes = Buffer.from(text);
      const chunks = Array.from({ length: Math.ceil(bytes.length / size) }, (_, i) => bytes.subarray(i * size, (i + 1) * size));
      const out: [number, string][] = [];
      for await (const r of registryRecordsWithLines(Readable.from(chunks), 'r.csv', ';')) out.push([r.line, r.record.join('|')]);
      return out;
    };
    for (const size of [1, 2, 5, 11, 4096]) {
      expect(await rows('\uFEFFsep=;\r\nid;region\r\n1;Nord\r\n2;Syd\r\n', size), String(size)).toEqual([[3, '1|Nord'], [4, '2|Syd']]);
      // Shorter than a hint line could be, and no hint: passed on as it is.
      expect(await rows('a;b\n1;2\n', size), String(size)).toEqual([[2, '1|2']]);
    }
    expect(await rows('sep=;', 4096)).toEqual([]);
  });
});
