/**
 * Registry and eligible files as regions' warehouses write them (docs/input-registry.md): Oracle
 * DATE texts (`03-JAN-24`, `03-JAN-2024`, SQL Developer's export under NLS_DATE_FORMAT DD-MON-RR;
 * Danish NLS writes MAJ and OKT), ages with a zero decimal part (`84,0`, Excel), eligible years
 * written with a thousands mark (`2.024`, Danish Excel) and an Excel pivot copied to CSV with the
 * region on the first row of each block only. Until 3 December 2026 each was refused (exit 2),
 * Oracle dates by every dateFormat, and the pivot's blanks as 497 × "" with no hint.
 */
import { createReadStream, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser } from '../../src/uptake/registry-dates.js';
import { dayToIso, isoToDay } from '../../src/uptake/referral.js';
import { readRegistry, readRegistryStream } from '../../src/uptake/read-registry.js';
import { regionSet } from '../../src/uptake/regions.js';
import { runCli, tempDir } from '../support/run-cli.js';

const iso = (d: number | undefined) => (d === undefined ? undefined : dayToIso(d));
const MON = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'];
const DANISH: Record<string, string> = { MAY: 'MAJ', OCT: 'OKT' };
const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const REGIONS = ['REGION MIDTJYLLAND', 'Syddanmark', 'Region Nordjylland'];

/** A registry of 2024 as the tester's files hold it: dates written by `date`, ages by `age`, regions by `region`. */
function registry(date: (y: number, m: number, d: number) => string, age: (a: number) => string = String, region: (r: string, i: number, first: boolean) => string = (r) => r): string {
  const lines = [HEADER];
  let i = 0;
  for (const r of REGIONS) {
    for (let k = 0; k < 40; k++, i++) {
      const m = 1 + (i % 11), d = 1 + (i % 27);
      const act = i % 3 === 0 ? '' : date(2024, m, d + 1);
      const last = act === '' ? '' : date(2024, m + 1, d);
      lines.push([String(5000 + i), region(r, i, k === 0), k % 2 ? '0101' : '0102', date(2024, m, d), act, last, age(20 + (i % 60)), k % 2 ? 'K' : 'M', 'Egen læge'].join(';'));
    }
  }
  return '\uFEFF' + lines.join('\r\n') + '\r\n';
}
const pad = (n: number) => String(n).padStart(2, '0');
const ddmmyyyy = (y: number, m: number, d: number) => `${pad(d)}-${pad(m)}-${y}`;
const oracle = (digits: 2 | 4, danish = false) => (y: number, m: number, d: number) => {
  const mon = MON[m - 1]!;
  return `${pad(d)}-${danish ? DANISH[mon] ?? mon : mon}-${digits === 2 ? String(y).slice(2) : y}`;
};

const ELIGIBLE = '\uFEFFRegion;År;Antal\r\n' + ['Region Nordjylland', 'Region Midtjylland', 'Region Syddanmark'].flatMap((r, k) => [2024, 2025, 2026, 2027].map((y) => `${r};${y};${12 + k}.${y - 2024}00`)).join('\r\n') + '\r\n';

function planOf(dateFormat: string): string {
  return JSON.stringify({
    currency: 'DKK',
    priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
    scenarios: { low: [0.02, 0.04, 0.06], base: [0.05, 0.08, 0.11], high: [0.08, 0.13, 0.18] },
    // The readings are compared, not the suppression: threshold 1 shows every count (a stronger
    // comparison) and spares seconds of suppression solving per run.
    firstYear: 2025, suppression: { threshold: 1, acknowledgeLowThreshold: true },
    columns: { registry: { id: 'PatientID', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' }, eligible: { year: 'År', eligible: 'Antal' } },
    dateFormat, exportDate: '2024-12-31',
  });
}

/** Writes the files of a run into a fresh folder: name → content. */
function files(content: Record<string, string>): (name: string) => string {
  const dir = tempDir();
  for (const [name, text] of Object.entries(content)) writeFileSync(join(dir, name), text);
  return (name) => join(dir, name);
}

/** `hta uptake --json` on the DD-MM-YYYY registry: the run the other spellings are compared with, made once for the file. */
let wanted: ReturnType<typeof runCli> | undefined;
function want(): ReturnType<typeof runCli> {
  if (!wanted) {
    const f = files({ 'reg.csv': registry(ddmmyyyy), 'elig.csv': ELIGIBLE, 'dmy.json': planOf('dd-mm-yyyy') });
    wanted = runCli('uptake', f('reg.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'), '--json');
  }
  return wanted;
}

/** What the engine reads from the DD-MM-YYYY registry (readRegistry, no CLI): the aggregate the other spellings must give, read once for the file. */
const base = {
  regions: regionSet(['Region Nordjylland', 'Region Midtjylland', 'Region Syddanmark']),
  columns: { id: 'PatientID', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' },
  exportDate: '2024-12-31', threads: 1,
} as const;
let aggregate: ReturnType<typeof readRegistry> | undefined;
const wantedAggregate = () => (aggregate ??= readRegistry(files({ 'dmy.csv': registry(ddmmyyyy) })('dmy.csv'), { ...base, dateFormat: 'dd-mm-yyyy' }));

type Out = { dateFormatDetected?: string; metrics: unknown[] };
const withoutDetected = (o: Out) => ({ ...o, dateFormatDetected: undefined });

describe('Oracle dates (DD-MON-RR, DD-MON-YYYY)', () => {
  it('dd-mon-yyyy and dd-mon-yy read English and Danish month abbreviations in any case; the two-digit year by the date window', () => {
    const four = dateParser('dd-mon-yyyy');
    expect(['03-JAN-2024', '3-jan-2024', '17-Maj-2024', '01-OKT-2024', '29-FEB-2024'].map((t) => iso(four(t)))).toEqual(['2024-01-03', '2024-01-03', '2024-05-17', '2024-10-01', '2024-02-29']);
    expect(['30-FEB-2024', '03-JAN-24', '03JAN2024', '03-MAG-2024', '03-01-2024'].map(four)).toEqual([undefined, undefined, undefined, undefined, undefined]);
    const two = dateParser('dd-mon-yy', { from: isoToDay('2000-01-01')!, to: isoToDay('2024-12-31')! });
    expect(['03-JAN-24', '17-maj-24', '31-DEC-99', '01-JAN-00'].map((t) => iso(two(t)))).toEqual(['2024-01-03', '2024-05-17', '1999-12-31', '2000-01-01']);
    // 1999 is nearer the window than 2099: read so, and refused by the window check naming that date.
    expect(iso(two('31-DEC-99'))).toBe('1999-12-31');
    // From 1990: '95' is 1995 (2095 is after the window); a window over a century holds '24' twice: refused.
    expect(iso(dateParser('dd-mon-yy', { from: isoToDay('1990-01-01')!, to: isoToDay('2024-12-31')! })('03-JAN-95'))).toBe('1995-01-03');
    expect(dateParser('dd-mon-yy', { from: isoToDay('1900-01-01')!, to: isoToDay('2024-12-31')! })('03-JAN-24')).toBeUndefined();
    expect(['03-JAN-2024', '29-FEB-23'].map(two)).toEqual([undefined, undefined]);
  });

  it('auto detects each (one odd cell aside) and refuses a mix of two- and four-digit years', () => {
    const detect = (texts: string[]) => {
      const d = createDateFormatDetector();
      texts.forEach((t) => d.add(t));
      return d.result();
    };
    expect(detect(['02-JAN-24', '11-JAN-24', '', '03-MAJ-24'])).toEqual({ format: 'dd-mon-yy' });
    expect(detect(['02-JAN-2024', '11-okt-2024'])).toEqual({ format: 'dd-mon-yyyy' });
    const many = Array.from({ length: 30 }, () => '02-JAN-24');
    expect(detect([...many, '2024-01-02'])).toEqual({ format: 'dd-mon-yy', odd: { count: 1, example: '2024-01-02' } });
    expect(detect([...many, ...many.map(() => '02-JAN-2024')])).toEqual({ reason: expect.stringContaining('two-digit years (such as "02-JAN-24") mixed with four-digit ones (such as "02-JAN-2024")') });
    const dmy = Array.from({ length: 30 }, () => '13-01-2024');
    expect(detect([...dmy, '02-JAN-24'])).toEqual({ format: 'dd-mm-yyyy', odd: { count: 1, example: '02-JAN-24' } });
  });

  it('the CSV row reader and the SQL engine (CSV and Parquet) read the same referrals from Oracle dates as from DD-MM-YYYY', async () => {
    const f = files({ 'ora.csv': registry(oracle(2, true)), 'ora4.csv': registry(oracle(4)) });
    const expected = await wantedAggregate();
    expect(await readRegistry(f('ora.csv'), { ...base, dateFormat: 'dd-mon-yy' })).toEqual(expected);
    expect(await readRegistry(f('ora.csv'), { ...base, dateFormat: 'auto' })).toEqual(expected);
    expect(await readRegistry(f('ora4.csv'), { ...base, dateFormat: 'dd-mon-yyyy' })).toEqual(expected);
    const stream = await readRegistryStream(createReadStream(f('ora.csv')), 'ora.csv', ';', { ...base, dateFormat: 'dd-mon-yy' });
    expect(stream.aggregate).toEqual(expected);
    // Parquet with the dates as text, as a warehouse's VARCHAR export holds them.
    const parquet = f('ora.parquet');
    const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    await db.run(`COPY (SELECT * FROM read_csv('${f('ora.csv')}', all_varchar = true, delim = ';', header = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    expect(await readRegistry(parquet, { ...base, dateFormat: 'auto' })).toEqual(expected);
  }, 60_000);

  it('hta uptake reads the tester\'s file with "auto" and "dd-mon-yy"; "ddmonyyyy" names the format that reads it; plan init drafts it and the real years', async () => {
    const f = files({ 'reg-ora.csv': registry(oracle(2)), 'elig.csv': ELIGIBLE, 'auto.json': planOf('auto'), 'yy.json': planOf('dd-mon-yy'), 'sas.json': planOf('ddmonyyyy') });
    const wantRun = await want();
    expect(wantRun.code, wantRun.stderr).toBe(0);
    for (const plan of ['auto.json', 'yy.json']) {
      const run = await runCli('uptake', f('reg-ora.csv'), '--eligible', f('elig.csv'), '--plan', f(plan), '--json');
      expect(run.code, run.stderr).toBe(0);
      expect(withoutDetected(JSON.parse(run.stdout) as Out)).toEqual(withoutDetected(JSON.parse(wantRun.stdout) as Out));
    }
    const sas = await runCli('uptake', f('reg-ora.csv'), '--eligible', f('elig.csv'), '--plan', f('sas.json'));
    expect(sas.code).toBe(2);
    expect(sas.stderr).toContain('this is a date with a month abbreviation, as Oracle, Qlik and SPSS write it: set "dateFormat": "dd-mon-yy" or "auto"');
    const draft = await runCli('plan', 'init', '--uptake', f('reg-ora.csv'));
    expect(draft.code, draft.stderr).toBe(0);
    const plan = JSON.parse(draft.stdout) as { dateFormat: string; firstYear: number };
    expect([plan.dateFormat, plan.firstYear]).toEqual(['dd-mon-yy', 2025]);
  }, 60_000);
});

const ddmmyy = (sep: string) => (y: number, m: number, d: number) => `${pad(d)}${sep}${pad(m)}${sep}${String(y).slice(2)}`;
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;

describe('dates a user cannot name otherwise: two-digit years, ISO under another dateFormat, typed Parquet DATEs', () => {
  it('dd-mm-yy and dd.mm.yy read Excel\'s short dates, the two-digit year in the century inside the date window', () => {
    const window = { from: isoToDay('2000-01-01')!, to: isoToDay('2024-12-31')! };
    expect(['17-05-24', '1-2-24', '17-05-24 00:00', '31-12-99'].map((t) => iso(dateParser('dd-mm-yy', window)(t)))).toEqual(['2024-05-17', '2024-02-01', '2024-05-17', '1999-12-31']);
    expect(iso(dateParser('dd.mm.yy', window)('17.05.24'))).toBe('2024-05-17');
    expect(['17-05-2024', '30-02-24', '17.05.24', '2024-05-17'].map(dateParser('dd-mm-yy', window))).toEqual([undefined, undefined, undefined, undefined]);
  });

  it('hta uptake reads them under "dd-mm-yy"; under another dateFormat, or "auto", the refusal names "dd-mm-yy"; ISO dates under a day-first format name "iso"', async () => {
    const f = files({ 'yy.csv': registry(ddmmyy('-')), 'iso.csv': registry(isoDate), 'elig.csv': ELIGIBLE, 'yy.json': planOf('dd-mm-yy'), 'dmy.json': planOf('dd-mm-yyyy'), 'auto.json': planOf('auto') });
    const wantRun = await want();
    expect(wantRun.code, wantRun.stderr).toBe(0);
    const yy = await runCli('uptake', f('yy.csv'), '--eligible', f('elig.csv'), '--plan', f('yy.json'), '--json');
    expect(yy.code, yy.stderr).toBe(0);
    expect(JSON.parse(yy.stdout)).toEqual(JSON.parse(wantRun.stdout));
    const dmy = await runCli('uptake', f('yy.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(dmy.code).toBe(2);
    expect(dmy.stderr).toContain('set "dateFormat": "dd-mm-yy" in the uptake plan');
    const auto = await runCli('uptake', f('yy.csv'), '--eligible', f('elig.csv'), '--plan', f('auto.json'));
    expect(auto.code).toBe(2);
    expect(auto.stderr).toContain('set "dateFormat": "dd-mm-yy" in the uptake plan');
    const isoRun = await runCli('uptake', f('iso.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(isoRun.code).toBe(2);
    expect(isoRun.stderr).toContain('this is an ISO date, YYYY-MM-DD: set "dateFormat": "iso"');
    expect(isoRun.stderr).not.toMatch(/internal error|    at /);
  }, 60_000);

  it('a Parquet DATE column is read under a written dateFormat (a typed date has no written format)', async () => {
    const f = files({ 'dmy.csv': registry(ddmmyyyy) });
    const expected = await wantedAggregate();
    const parquet = f('typed.parquet');
    const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    const date = (c: string) => `CAST(strptime(NULLIF(${c}, ''), '%d-%m-%Y') AS DATE) AS ${c}`;
    await db.run(`COPY (SELECT * REPLACE (${['Henvist', 'Aktiveret', 'SidstAktiv'].map(date).join(', ')}) FROM read_csv('${f('dmy.csv')}', all_varchar = true, delim = ';', header = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    for (const dateFormat of ['dd-mm-yyyy', 'dd.mm.yy', 'dd-mon-yy', 'ddmonyyyy', 'excel-serial', 'sas-day', 'iso', 'auto'] as const) {
      expect(await readRegistry(parquet, { ...base, dateFormat }), dateFormat).toEqual(expected);
    }
  }, 60_000);
});

describe('ages with a zero decimal part', () => {
  it('84,0 is the age 84 (the same run as 84); 84,5 stays refused, saying why', async () => {
    const f = files({
      'reg-age.csv': registry(ddmmyyyy, (a) => `${a},0`), 'reg-age5.csv': registry(ddmmyyyy, (a) => (a === 25 ? '25,5' : `${a},0`)),
      'elig.csv': ELIGIBLE, 'dmy.json': planOf('dd-mm-yyyy'),
    });
    const run = await runCli('uptake', f('reg-age.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe((await want()).stdout);
    const half = await runCli('uptake', f('reg-age5.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(half.code).toBe(2);
    expect(half.stderr).toMatch(/column 7 \(Alder\): "25,5" — expected a whole number of years 0–120 \(a zero decimal part, 84,0 or 84\.0, is read as the whole age/);
  }, 60_000);
});

describe("Excel's number formats and error values in the registry and the eligible file", () => {
  // Excel's "Scientific" format (7.70E+01), its Number format with two decimals (12.000,00), and a
  // lookup's #N/A were refused with messages that did not say so, while the trial read them
  // (io/scientific-number.ts, uptake/parse-count.ts, io/spreadsheet-cells.ts).
  it('ages in scientific notation and counts with a zero decimal part are read as written without them', async () => {
    const sci = (a: number) => `${String(a)[0]},${String(a).slice(1).padEnd(2, '0')}E+0${String(a).length - 1}`;
    const f = files({
      'reg-sci.csv': registry(ddmmyyyy, sci), 'reg.csv': registry(ddmmyyyy),
      'elig-dec.csv': ELIGIBLE.replace(/;(\d+\.\d{3})\r/g, ';$1,00\r'), 'elig-plain-dec.csv': ELIGIBLE.replace(/;(\d+)\.(\d{3})\r/g, ';$1$2,00\r'),
      'elig.csv': ELIGIBLE, 'dmy.json': planOf('dd-mm-yyyy'),
    });
    expect(readFileSync(f('reg-sci.csv'), 'utf8')).toContain(';2,00E+01;');
    expect(readFileSync(f('elig-dec.csv'), 'utf8')).toContain('Region Nordjylland;2024;12.000,00');
    expect(readFileSync(f('elig-plain-dec.csv'), 'utf8')).toContain('Region Nordjylland;2025;12100,00');
    const wanted = (await want()).stdout;
    for (const [reg, elig] of [['reg-sci.csv', 'elig.csv'], ['reg.csv', 'elig-dec.csv'], ['reg.csv', 'elig-plain-dec.csv']] as const) {
      const run = await runCli('uptake', f(reg), '--eligible', f(elig), '--plan', f('dmy.json'), '--json');
      expect([reg, elig, run.code, run.stderr]).toEqual([reg, elig, 0, expect.any(String)]);
      expect(run.stdout).toBe(wanted);
    }
  }, 60_000);

  it('refuses a count with decimals, a rounded count in scientific notation and error values, saying what each is', async () => {
    const bad = ELIGIBLE.replace('Region Nordjylland;2024;12.000', 'Region Nordjylland;2024;12.000,50').replace('Region Nordjylland;2025;12.100', 'Region Nordjylland;2025;1,21E+04').replace('Region Nordjylland;2026;12.200', 'Region Nordjylland;2026;#N/A');
    const f = files({ 'reg.csv': registry(ddmmyyyy, (a) => (a === 25 ? '#VALUE!' : a === 26 ? '#I/T' : String(a))), 'elig.csv': ELIGIBLE, 'bad.csv': bad, 'dmy.json': planOf('dd-mm-yyyy') });
    const el = await runCli('uptake', f('reg.csv'), '--eligible', f('bad.csv'), '--plan', f('dmy.json'));
    expect(el.code).toBe(2);
    expect(el.stderr).toContain('bad.csv:2:3 (Antal): "12.000,50" — expected a whole number of eligible people > 0 (37000 or 37.000); a count has no decimals: format the column as Number with 0 decimals');
    expect(el.stderr).toContain('bad.csv:3:3 (Antal): "1,21E+04" — expected a whole number of eligible people > 0 (37000 or 37.000); scientific notation: it shows only the digits Excel displayed, not the exact number — format the column as Number');
    expect(el.stderr).toContain('bad.csv:4:3 (Antal): "#N/A" — expected a whole number of eligible people > 0 (37000 or 37.000); an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again');
    // Rounded counts in scientific notation group into one line, as other problems of one kind do:
    // the cell is in the value list, not in the words.
    const sci = ELIGIBLE.replace('Region Nordjylland;2025;12.100', 'Region Nordjylland;2025;1,21E+04').replace('Region Nordjylland;2026;12.200', 'Region Nordjylland;2026;1,22E+04');
    const g = files({ 'sci.csv': sci });
    const grouped = await runCli('uptake', f('reg.csv'), '--eligible', g('sci.csv'), '--plan', f('dmy.json'));
    expect(grouped.stderr).toMatch(/2 × [^\n]*sci\.csv:lines 3–4, column 3 \(Antal\): "1,21E\+04", "1,22E\+04" — expected [^\n]*; scientific notation: it shows only the digits Excel displayed, not the exact number/);
    const reg = await runCli('uptake', f('reg.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(reg.code).toBe(2);
    expect(reg.stderr).toMatch(/\(Alder\): "#VALUE!"[^\n]*— expected a whole number of years 0–120, an age band such as 50-59 or 80\+, or empty; an Excel error value: a formula failed in the spreadsheet/);
    // A "no value" age gets the uptake plan's "missingCodes" as the way on (they apply to age), not "not data: fill in the cell".
    expect(reg.stderr).toMatch(/\(Alder\): "#I\/T"[^\n]*— expected a whole number of years 0–120, an age band such as 50-59 or 80\+, or empty — "#I\/T" is an Excel error value meaning "no value" \(a lookup found nothing\): if the cell is empty in the source, add "missingCodes": \["#I\/T"\] to the uptake plan/);
    expect(reg.stderr).not.toContain('not data: fill in the cell');
  }, 60_000);
});

describe('eligible years written with a thousands mark', () => {
  it('2.024 in the year column is 2024, with a note; 20.24 stays refused', async () => {
    const marked = ELIGIBLE.replace(/;(\d)(\d{3});/g, ';$1.$2;');
    const f = files({ 'reg.csv': registry(ddmmyyyy), 'el5.csv': marked, 'bad.csv': marked.replace(';2.025;', ';20.25;'), 'dmy.json': planOf('dd-mm-yyyy') });
    expect(marked).toContain('Region Nordjylland;2.024;12.000');
    const run = await runCli('uptake', f('reg.csv'), '--eligible', f('el5.csv'), '--plan', f('dmy.json'), '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe((await want()).stdout);
    expect(run.stderr).toContain('12 year cell(s) written with a thousands mark (such as "2.024"');
    const bad = await runCli('uptake', f('reg.csv'), '--eligible', f('bad.csv'), '--plan', f('dmy.json'));
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('bad.csv:3:2 (År): "20.25" — expected a four-digit year');
  }, 60_000);
});

describe('an Excel pivot copied to CSV: the region on the first row of each block only', () => {
  const pivot = () => registry(ddmmyyyy, String, (r, i, first) => (first || i === 1 ? r : ''));
  it('hta uptake says it in one problem with how to fill it down, and fills nothing; plan init says the same', async () => {
    const f = files({ 'reg-pivot.csv': pivot(), 'elig.csv': ELIGIBLE, 'dmy.json': planOf('dd-mm-yyyy') });
    const run = await runCli('uptake', f('reg-pivot.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(run.code).toBe(2);
    const lines = run.stderr.split('\n').filter((l) => /^ {2}\S/.test(l));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^ {2}116 × .*column 2 \(Region\): "" — expected a region on every row: the region is written only on the first row of each block/);
    expect(lines[0]).toContain('Go To Special → Blanks');
    expect(lines[0]).toContain('Repeat All Item Labels');
    const draft = await runCli('plan', 'init', '--uptake', f('reg-pivot.csv'));
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).toContain('116 region cell(s) blank below a filled one (lines 4–41, 43–81, 83–121): hta uptake refuses them, expecting a region on every row');
  }, 60_000);

  it('a blank region with no filled one above it is refused as before', async () => {
    const f = files({ 'reg.csv': registry(ddmmyyyy, String, (r, i) => (i === 0 ? '' : r)), 'elig.csv': ELIGIBLE, 'dmy.json': planOf('dd-mm-yyyy') });
    const run = await runCli('uptake', f('reg.csv'), '--eligible', f('elig.csv'), '--plan', f('dmy.json'));
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('first row of each block');
  }, 60_000);
});
