/**
 * Registry and eligible files as Excel users save them (docs/input-registry.md): Excel's short
 * dates with slashes and a two-digit year (`4/20/24`, `20/4/24`) read by "mm/dd/yy" and
 * "dd/mm/yy" and named by the other formats' refusals; a column added
 * twice (a corrected copy at the sheet's end, also in another case or spacing) is refused naming
 * both, by the SQL engine, the row check and for Parquet alike, while a known synonym beside the
 * default name (`Praksisnavn` beside `clinic`) is read as before, with a note; an Excel error value (`#N/A` from
 * a failed VLOOKUP) is never a clinic or a region; a header cell wrapped with Alt+Enter in a CRLF
 * or CR-only file is read as the row check reads it, and the mapping the advice prints reads it.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { HtaError, formatError } from '../../src/errors.js';
import { readEligibleFile, readRegistryFile, readRegistryStream } from '../../src/uptake/read-registry.js';
import { dateParser, ymdToDay } from '../../src/uptake/registry-dates.js';
import { runCli, tempDir } from '../support/run-cli.js';

const H = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'];
// Six referrals, four activated in the first `activated` column; the second copy (the corrected one) activates all six.
const ROWS = [
  ['P1', 'Hovedstaden', 'H001', '2024-01-05', '2024-01-08', '2024-03-10', '25', 'f', 'gp'],
  ['P2', 'Hovedstaden', 'H001', '2024-01-10', '', '', '35', 'm', 'gp'],
  ['P3', 'Hovedstaden', 'H002', '2024-02-01', '2024-02-03', '2024-02-20', '45', 'f', 'physio'],
  ['P4', 'Midtjylland', 'M001', '2024-02-05', '2024-02-06', '2024-04-01', '55', 'm', 'gp'],
  ['P5', 'Midtjylland', 'M001', '2024-03-01', '', '', '65', 'f', 'chiro'],
  ['P6', 'Midtjylland', 'M002', '2024-03-10', '2024-03-12', '2024-03-30', '75', 'm', 'other'],
];
const csv = (header: string[], rows: string[][], eol = '\n') => [header, ...rows].map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join(eol) + eol;
const withSecond = (name: string) => csv([...H, name], ROWS.map((r) => [...r, r[3]!]));

async function refusal(p: Promise<unknown>): Promise<HtaError> {
  const err = await p.then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(HtaError);
  return err as HtaError;
}

describe('a registry column named twice', () => {
  const dir = tempDir();
  it.each([
    ['activated', 'have the same name'],
    ['Activated', 'have the same name'],
  ])('"activated" and a second column "%s" are refused by the engine and the row check alike, naming both', async (second, said) => {
    const file = join(dir, `dup-${second}.csv`);
    writeFileSync(file, withSecond(second));
    const engine = await refusal(readRegistryFile(file, { threads: 1 }));
    const rows = await refusal(readRegistryStream(createReadStream(file), file, ','));
    expect(engine.message).toBe(`${file} names a registry column twice`);
    expect(engine.problems).toEqual(rows.problems);
    expect(engine.problems).toHaveLength(1);
    expect(engine.problems[0]).toMatchObject({ line: 1, column: 10, field: 'activated', value: second, kind: 'header.duplicate' });
    expect(engine.problems[0]!.expected).toContain(`"activated" (column 5) and "${second}" (column 10) ${said}`);
  });

  it('a repeated clinic column is refused too; a synonym the plan maps is read, the other column ignored', async () => {
    const rep = join(dir, 'rep-clinic.csv');
    writeFileSync(rep, csv([...H, 'clinic'], ROWS.map((r) => [...r, 'x'])));
    expect((await refusal(readRegistryFile(rep, { threads: 1 }))).problems[0]!.expected).toContain('"clinic" (column 3) and "clinic" (column 10) have the same name');
    const da = join(dir, 'mapped.csv');
    writeFileSync(da, withSecond('Aktiveret'));
    // The plan names the column to read: the corrected copy activates all six referrals.
    const read = await readRegistryFile(da, { threads: 1, columns: { activated: 'Aktiveret', last_active: 'last_active' } }).catch((e: unknown) => e);
    expect(read).not.toBeInstanceOf(Error);
    const activations = (read as Awaited<ReturnType<typeof readRegistryFile>>).aggregate.clinics.reduce((n, c) => n + c.activations, 0);
    expect(activations).toBe(6);
  });

  it('a header with a synonym of another column is still read (only two names of one field are refused)', async () => {
    const file = join(dir, 'other.csv');
    writeFileSync(file, csv([...H, 'Uger aktiv', 'Aldersgruppe'], ROWS.map((r) => [...r, '3', '50-59'])));
    const read = await readRegistryFile(file, { threads: 1 });
    expect(read.aggregate.clinics.reduce((n, c) => n + c.activations, 0)).toBe(4);
  });

  it('"last_active" and "Last Active" (spacing): refused, the advice offering the column read before first', async () => {
    const file = join(dir, 'dup-space.csv');
    writeFileSync(file, csv([...H, 'Last Active'], ROWS.map((r) => [...r, r[5]!])));
    const engine = await refusal(readRegistryFile(file, { threads: 1 }));
    expect(engine.problems).toEqual((await refusal(readRegistryStream(createReadStream(file), file, ','))).problems);
    expect(engine.problems[0]!.expected).toContain('"last_active" (column 6) and "Last Active" (column 10) both name it');
    expect(engine.problems[0]!.expected).toContain('columns.registry.last_active: "last_active" or "Last Active"');
    // The mapping offered first reads the file as before.
    const read = await readRegistryFile(file, { threads: 1, columns: { last_active: 'last_active' } });
    expect(read.aggregate.clinics.reduce((n, c) => n + c.activations, 0)).toBe(4);
  });

  it('a Parquet registry with "last_active" and "Last Active" is refused the same way', async () => {
    const src = join(dir, 'pq.csv'), parquet = join(dir, 'dup.parquet');
    writeFileSync(src, csv([...H, 'Last Active'], ROWS.map((r) => [...r, r[5]!])));
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await db.run(`COPY (SELECT * FROM read_csv('${src}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    const err = await refusal(readRegistryFile(parquet, { threads: 1 }));
    expect(err.message).toBe(`${parquet} names a registry column twice`);
    expect(err.problems[0]!.expected).toContain('"last_active" (column 6) and "Last Active" (column 10) both name it');
  });
});

describe('a known synonym beside the default name is a related column: the default name is read, with a note', () => {
  const dir = tempDir();
  const plain = join(dir, 'plain.csv');
  writeFileSync(plain, csv(H, ROWS));
  // The plain file's aggregate, the one every synonym file must give: read once for the cases.
  let plainRead: ReturnType<typeof readRegistryFile> | undefined;
  const plainAggregate = async () => (await (plainRead ??= readRegistryFile(plain, { threads: 1 }))).aggregate;
  // Registry exports as regions send them: a code next to a name, a practice's name next to its code.
  it.each([
    ['region', 'Regionskode', (r: string[]) => (r[1] === 'Hovedstaden' ? '1084' : '1082')],
    ['clinic', 'Praksisnavn', (r: string[]) => `Lægerne ${r[2]}`],
    ['clinic', 'Ydernr', (r: string[]) => `0${r[2]!.slice(1)}17`],
    ['clinic', 'Behandlingssted', () => 'OUH Ortopædkirurgi'],
    ['id', 'Patient ID', (r: string[]) => `X${r[0]}`],
    ['sex', 'Køn', (r: string[]) => (r[7] === 'f' ? 'K' : 'M')],
    ['activated', 'Aktiveret', (r: string[]) => r[3]!],
  ])('%s beside "%s": read from the default name, by the engine and the row check alike, the note naming the mapping', async (col, other, cell) => {
    const file = join(dir, `syn-${other.replace(/\W/g, '')}.csv`);
    writeFileSync(file, csv([...H, other], ROWS.map((r) => [...r, cell(r)])));
    const read = await readRegistryFile(file, { threads: 1 });
    expect(read.aggregate).toEqual(await plainAggregate());
    expect(read.aggregate).toEqual((await readRegistryStream(createReadStream(file), file, ',')).aggregate);
    const note = (read.notes ?? []).find((n) => n.includes('hta knows for it'));
    expect(note).toContain(`the registry's ${col} is read from the column named "${col}" (column ${H.indexOf(col) + 1})`);
    expect(note).toContain(`"${other}" (column 10)`);
    expect(note).toContain(`{ "${col}": "${other}" }`);
    expect(note).toContain(`{ "${col}": "${col}" }`);
    // Mapped to the default name: no note.
    expect((await readRegistryFile(file, { threads: 1, columns: { [col]: col } })).notes ?? []).not.toContainEqual(expect.stringContaining('hta knows for it'));
  });

  it('plan init drafts no mapping and says the same; uptake reads the draft', async () => {
    const file = join(dir, 'syn-cli.csv');
    writeFileSync(file, csv([...H, 'Praksisnavn'], ROWS.map((r) => [...r, `Lægerne ${r[2]}`])));
    const init = await runCli('plan', 'init', '--uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv');
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(init.stdout).columns?.registry?.clinic).toBeUndefined();
    expect(init.stderr).toContain('"Praksisnavn" (column 10) is another name hta knows for it');
    const drafted = join(dir, 'drafted.json');
    writeFileSync(drafted, init.stdout);
    const up = await runCli('uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', drafted);
    expect(up.code, up.stderr).toBe(0);
    expect(up.stderr).toContain('"Praksisnavn" (column 10) is another name hta knows for it');
  });
});

describe('Excel error values are no clinic and no region', () => {
  const dir = tempDir();
  it.each(['#N/A', '#I/T', '#VALUE!', 'Err:502', '#ERROR!'])('%s in the clinic column is refused by both readers, as an Excel error value', async (error) => {
    const file = join(dir, `clinic-${error.replace(/\W/g, '')}.csv`);
    writeFileSync(file, csv(H, ROWS.map((r, i) => (i === 2 ? r.map((c, j) => (j === 2 ? error : c)) : r))));
    const engine = await refusal(readRegistryFile(file, { threads: 1 }));
    const rows = await refusal(readRegistryStream(createReadStream(file), file, ','));
    expect(engine.problems).toEqual(rows.problems);
    expect(engine.problems).toMatchObject([{ line: 4, column: 3, field: 'clinic', value: error }]);
    expect(engine.problems[0]!.expected).toMatch(/^a clinic name — an Excel error value/);
    expect(engine.problems[0]!.expected).not.toContain('missingCodes');
  });

  it('#N/A as a region of the eligible file is refused, not counted in the whole country', () => {
    const file = join(dir, 'eligible.csv');
    writeFileSync(file, 'region,year,eligible\nHovedstaden,2024,1000\nMidtjylland,2024,800\n#N/A,2024,5000\n');
    const err = (() => { try { readEligibleFile(file); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems).toMatchObject([{ line: 4, column: 1, value: '#N/A' }]);
    expect((err as HtaError).problems[0]!.expected).toMatch(/^a region name — an Excel error value meaning "no value"/);
  });

  it('LibreOffice\'s Err:502 and Google Sheets\' #ERROR! as regions are refused as failed formulas', () => {
    const file = join(dir, 'eligible-lo.csv');
    writeFileSync(file, 'region,year,eligible\nHovedstaden,2024,1000\nMidtjylland,2024,800\nErr:502,2024,5000\n#ERROR!,2024,5000\n');
    const err = (() => { try { readEligibleFile(file); } catch (e) { return e; } return undefined; })();
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems).toMatchObject([{ line: 4, column: 1, value: 'Err:502' }, { line: 5, column: 1, value: '#ERROR!' }]);
    for (const p of (err as HtaError).problems) expect(p.expected).toMatch(/^a region name — an Excel error value, not a name: a formula failed/);
  });
});

describe('a header cell wrapped with Alt+Enter', () => {
  const dir = tempDir();
  const plan = join(dir, 'plan.json');
  writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')), $schema: undefined, columns: { registry: { last_active: 'last\nactive' } } }));
  const expected = { referrals: 6, activations: 4 };
  const total = (r: Awaited<ReturnType<typeof readRegistryFile>>) => ({ referrals: r.aggregate.clinics.reduce((n, c) => n + c.referrals, 0), activations: r.aggregate.clinics.reduce((n, c) => n + c.activations, 0) });

  it.each([['CRLF', '\r\n'], ['CR only', '\r'], ['LF', '\n']])('in a column hta does not read, %s: the rows are read, by the engine as by the row check', async (_name, eol) => {
    const file = join(dir, `extra-${eol.length}${eol[0] === '\r' ? 'r' : 'n'}.csv`);
    writeFileSync(file, csv([...H, 'Note\nfield'], ROWS.map((r) => [...r, 'x']), eol));
    const read = await readRegistryFile(file, { threads: 1 });
    expect(total(read)).toEqual(expected);
    expect(read.aggregate).toEqual((await readRegistryStream(createReadStream(file), file, ',')).aggregate);
  });

  it.each([['at the end of an unread column', 'Note\n'], ['at the start of an unread column', '\nNote'], ['at the end of a needed column', 'activated\n']])('a line break %s (CRLF): the rows are read, not "a header but no rows"', async (_name, cell) => {
    const file = join(dir, `edge-${cell.trim()}-${cell.startsWith('\n') ? 'lead' : 'trail'}.csv`);
    const header = cell.trim() === 'activated' ? H.map((h) => (h === 'activated' ? cell : h)) : [...H, cell];
    writeFileSync(file, csv(header, ROWS.map((r) => (header.length > H.length ? [...r, 'x'] : r)), '\r\n'));
    const read = await readRegistryFile(file, { threads: 1 });
    expect(total(read)).toEqual(expected);
    expect(read.aggregate).toEqual((await readRegistryStream(createReadStream(file), file, ',')).aggregate);
  });

  it('a header cell with CRLF inside, the plan naming it with LF: the message shows the file\'s \\r, not the plan\'s name twice', async () => {
    const file = join(dir, 'crlf-cell.csv');
    writeFileSync(file, csv(H.map((h) => (h === 'last_active' ? 'last\r\nactive' : h)), ROWS, '\r\n'));
    const text = formatError(await refusal(readRegistryFile(file, { threads: 1, columns: { last_active: 'last\nactive' } })));
    expect(text).toContain('have: id, region, clinic, referred, activated, last\\r\\nactive, age');
  });

  it('a needed column so named: the advice prints no raw line break, and the mapping it gives reads the file (CRLF, also with an invalid row)', async () => {
    const file = join(dir, 'wrap.csv');
    const header = H.map((h) => (h === 'last_active' ? 'last\nactive' : h));
    writeFileSync(file, csv(header, ROWS, '\r\n'));
    const err = await refusal(readRegistryFile(file, { threads: 1 }));
    const text = formatError(err);
    expect(text).toContain('have: id, region, clinic, referred, activated, last\\nactive, age, sex, referrer');
    expect(text).toContain('"columns": { "registry": { "last_active": "last\\nactive" } }');
    expect(text.split('\n').every((l) => !/^active/.test(l))).toBe(true);
    const read = await readRegistryFile(file, { threads: 1, columns: { last_active: 'last\nactive' } });
    expect(total(read)).toEqual(expected);
    // An invalid row: the engine's row check reads the user's header, so the plan's name still finds the column.
    const bad = join(dir, 'wrap-bad.csv');
    writeFileSync(bad, csv(header, [...ROWS, ['P7', 'Hovedstaden', 'H001', 'not a date', '', '', '40', 'f', 'gp']], '\r\n'));
    const refused = await refusal(readRegistryFile(bad, { threads: 1, columns: { last_active: 'last\nactive' } }));
    expect(refused.problems).toMatchObject([{ line: 9, field: 'referred', value: 'not a date' }]);
    const excluded = await readRegistryFile(bad, { threads: 1, columns: { last_active: 'last\nactive' }, invalidRows: 'exclude' });
    expect(total(excluded)).toEqual(expected);
    // The plan's wrapped name on a file without it: named as the plan's JSON writes it, on one line.
    const plain = join(dir, 'plain.csv');
    writeFileSync(plain, csv(H, ROWS, '\r\n'));
    const missing = await refusal(readRegistryFile(plain, { threads: 1, columns: { last_active: 'last\nactive' } }));
    expect(missing.problems[0]).toMatchObject({ field: 'last\\nactive' });
    expect(formatError(missing).split('\n').every((l) => !/^active/.test(l))).toBe(true);
    const cli = await runCli('uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', plan);
    expect(cli.code, cli.stderr).toBe(0);
  });
});

describe('Excel short dates with a two-digit year and slashes', () => {
  const dir = tempDir();
  const us = (iso: string) => (iso === '' ? '' : `${Number(iso.slice(5, 7))}/${Number(iso.slice(8, 10))}/${iso.slice(2, 4)}`);
  const uk = (iso: string) => (iso === '' ? '' : `${Number(iso.slice(8, 10))}/${Number(iso.slice(5, 7))}/${iso.slice(2, 4)}`);
  const dated = (write: (iso: string) => string) => csv(H, ROWS.map((r) => r.map((c, j) => (j >= 3 && j <= 5 ? write(c) : c))));
  const iso = join(dir, 'iso.csv');
  writeFileSync(iso, csv(H, ROWS));
  // The ISO copy's aggregate, the one each date spelling must give: read once for the tests.
  let isoRead: ReturnType<typeof readRegistryFile> | undefined;
  const isoAggregate = async () => (await (isoRead ??= readRegistryFile(iso, { threads: 1 }))).aggregate;

  it('dateParser: m/d/yy and d/m/yy, the year in the century inside the date window', () => {
    expect(dateParser('mm/dd/yy')('4/20/24')).toBe(ymdToDay(2024, 4, 20));
    expect(dateParser('dd/mm/yy')('20/4/24')).toBe(ymdToDay(2024, 4, 20));
    expect(dateParser('mm/dd/yy')('20/4/24')).toBeUndefined();
    expect(dateParser('dd/mm/yy')('4/20/24')).toBeUndefined();
    expect(dateParser('mm/dd/yy')('4/20/2024')).toBeUndefined();
    // 99 is 1999 (2099 is after the window's end); 1999 is then refused as before the window.
    expect(dateParser('mm/dd/yy', { from: ymdToDay(1990, 1, 1)!, to: ymdToDay(2025, 12, 31)! })('12/31/99')).toBe(ymdToDay(1999, 12, 31));
  });

  it.each([['mm/dd/yy', us], ['dd/mm/yy', uk]] as const)('"dateFormat": "%s" reads the file as its ISO copy is read, by both readers', async (format, write) => {
    const file = join(dir, `${format.replace(/\//g, '')}.csv`);
    writeFileSync(file, dated(write));
    const read = await readRegistryFile(file, { threads: 1, dateFormat: format });
    expect(read.aggregate).toEqual(await isoAggregate());
    expect(read.aggregate).toEqual((await readRegistryStream(createReadStream(file), file, ',', { dateFormat: format })).aggregate);
  });

  it('auto and the four-digit formats refuse them saying the year has two digits, which format reads them, and what to do in Excel', async () => {
    const file = join(dir, 'us.csv');
    writeFileSync(file, dated(us));
    const auto = await refusal(readRegistryFile(file, { threads: 1, dateFormat: 'auto' }));
    expect(auto.problems[0]!.expected).toContain('(e.g. "1/5/24"); the year has two digits (as Excel writes its short date), which auto does not guess: set "dateFormat": "mm/dd/yy" (month first, Excel\'s US short date) or "dd/mm/yy" (day first), whichever the export uses');
    expect(auto.problems[0]!.expected).toContain('format the date columns in Excel with a four-digit year (yyyy-mm-dd)');
    const four = await refusal(readRegistryFile(file, { threads: 1, dateFormat: 'mm/dd/yyyy' }));
    const p = four.problems.find((q) => q.value === '2/20/24');
    expect(p).toMatchObject({ field: 'last_active', line: 4 });
    expect(p?.expected).toContain('a real calendar date written MM/DD/YYYY, or empty (the year has two digits (as Excel writes its short date): set "dateFormat": "mm/dd/yy" (month first, as Excel writes a US short date)');
  });

  it('a Parquet file\'s typed dates are read under "mm/dd/yy" too', async () => {
    const parquet = join(dir, 'typed.parquet');
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1' })).connect();
    await db.run(`COPY (SELECT * REPLACE (CAST(referred AS DATE) AS referred, CAST(activated AS DATE) AS activated, CAST(last_active AS DATE) AS last_active) FROM read_csv('${iso}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    expect((await readRegistryFile(parquet, { threads: 1, dateFormat: 'mm/dd/yy' })).aggregate).toEqual(await isoAggregate());
  });
});
