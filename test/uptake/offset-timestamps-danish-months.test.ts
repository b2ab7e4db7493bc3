/**
 * Registry dates as regional warehouses and BI tools write them (docs/input-registry.md "Dates"):
 * timestamps with a UTC offset in every spelling (SQL Server's datetimeoffset as text
 * `2025-04-21 09:15:00.1234567 +02:00`, PostgreSQL's timestamptz `2025-04-21 09:15:00+02`, ISO's
 * `…T09:15:00.000+0200` and `…Z`), and Qlik's Danish dates (`21-apr.-2025`, `09-maj-2025`,
 * `4. marts 2025`). Until 4 December 2026 the first two and both Qlik spellings were refused by
 * every dateFormat, `auto` called a Qlik file "Oracle dates (03-JAN-24) mixed with dates in
 * other formats", and a refused timestamp's error did not say which part was wrong. Until
 * session 33 an offset was ignored, so R readr's `2025-10-14T22:00:00Z` (every POSIXct in UTC: a
 * Danish local midnight of 15 October) and pandas' `2025-10-14 22:00:00+00:00` counted on 14
 * October — every referral a day early, the 1 January ones in the year before; now an offset
 * names an instant, read on its Danish day, as a Parquet TIMESTAMP WITH TIME ZONE is.
 */
import { createReadStream, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterEach, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { createDateFormatDetector, dateParser, isoDateTimeFault, type DateFormatOption } from '../../src/uptake/registry-dates.js';
import { dayToIso } from '../../src/uptake/referral.js';
import { readRegistry, readRegistryFile, readRegistryStream } from '../../src/uptake/read-registry.js';
import { regionSet } from '../../src/uptake/regions.js';
import { tempDir } from '../support/run-cli.js';

const iso = (d: number | undefined) => (d === undefined ? undefined : dayToIso(d));
const pad = (n: number) => String(n).padStart(2, '0');
const detect = (texts: readonly string[]) => {
  const d = createDateFormatDetector();
  texts.forEach((t) => d.add(t));
  return d.result();
};

describe('timestamps with a UTC offset (iso-datetime, auto)', () => {
  const read = dateParser('iso-datetime');
  const spellings = [
    '2025-04-21T09:15:00+02:00', '2025-04-21T09:15:00Z', '2025-04-21 09:15:00+02:00', '2025-04-21T09:15:00.000+0200',
    '2025-04-21T09:15:00.1234567+02:00', '2025-04-21 09:15:00.1234567 +02:00', '2025-04-21 09:15:00 +02:00', '2025-04-21 09:15:00+02',
    '2025-04-21 09:15-05', '2025-04-21T09:15:00 -0330',
  ];

  it('every spelling is read (each of these instants falls on 21 April in Denmark)', () => {
    expect(spellings.map((t) => iso(read(t)))).toEqual(spellings.map(() => '2025-04-21'));
  });

  // Each text and the Danish day of its instant: R readr's and pandas' UTC shapes of a local
  // midnight, a late evening in UTC on 31 December (the next year in Denmark), the nights summer
  // time begins (30 March 2025, 31 March 2024) and ends (26 October 2025), offsets far from
  // Denmark's, and times without an offset (read on the date written).
  const edges: [string, string][] = [
    ['2025-10-14T22:00:00Z', '2025-10-15'], ['2025-10-14 22:00:00+00:00', '2025-10-15'], ['2025-01-14T23:00:00Z', '2025-01-15'], ['2025-01-14 23:00:00+00:00', '2025-01-15'],
    ['2025-10-14T21:59:59Z', '2025-10-14'], ['2025-01-14T22:59:59.999Z', '2025-01-14'],
    ['2024-12-31T23:30:00Z', '2025-01-01'], ['2024-12-31 23:30:00+00:00', '2025-01-01'], ['2024-12-31T22:59:00Z', '2024-12-31'],
    ['2025-03-29T23:00:00Z', '2025-03-30'], ['2025-03-29T22:59:00Z', '2025-03-29'], ['2025-03-30T21:59:00Z', '2025-03-30'], ['2025-03-30T22:00:00Z', '2025-03-31'],
    ['2024-03-30T23:00:00Z', '2024-03-31'], ['2024-03-31T22:00:00Z', '2024-04-01'],
    ['2025-10-25T22:00:00Z', '2025-10-26'], ['2025-10-25T21:59:00Z', '2025-10-25'], ['2025-10-26T22:59:00Z', '2025-10-26'], ['2025-10-26T23:00:00Z', '2025-10-27'],
    ['2025-10-26 02:30:00+02:00', '2025-10-26'], ['2025-10-26 02:30:00+01:00', '2025-10-26'],
    ['2025-04-21 00:30:00+02', '2025-04-21'], ['2025-04-21T23:30:00Z', '2025-04-22'], ['2025-04-21 23:30:00.5 -05:00', '2025-04-22'], ['2025-04-21 00:15:00 +14:00', '2025-04-20'],
    ['2025-05-09T00:00:00Z', '2025-05-09'], ['2025-01-09T00:00:00Z', '2025-01-09'],
    ['2025-04-21T23:30:00', '2025-04-21'], ['2024-12-31 23:30:00', '2024-12-31'], ['2025-10-14T22:00:00.000000', '2025-10-14'],
  ];
  const savedTz = process.env.TZ;
  afterEach(() => {
    if (savedTz === undefined) delete process.env.TZ;
    else process.env.TZ = savedTz;
  });
  it('an offset names an instant, read on its calendar day in Danish time; the machine\'s time zone does not matter', () => {
    for (const tz of ['UTC', 'Europe/Copenhagen', 'Pacific/Kiritimati', 'America/Los_Angeles']) {
      process.env.TZ = tz;
      expect(edges.map(([t]) => [t, iso(read(t))]), tz).toEqual(edges);
    }
  });

  it('auto detects iso-datetime from each spelling; a file of one refused spelling is refused naming its wrong part', () => {
    for (const t of spellings) expect(detect([t, t.replace('04-21', '05-30'), '']), t).toEqual({ format: 'iso-datetime' });
    const bad = detect(['2025-04-21 09:15:00+2', '2025-05-30 09:15:00+2']);
    expect(bad).toEqual({ reason: expect.stringContaining('"2025-04-21 09:15:00+2"); it is an ISO date with a time of day, but what follows its time is not a UTC offset written Z, ±hh, ±hhmm or ±hh:mm') });
  });

  it('a timestamp still refused says which part is wrong, the same words for every cell with that fault', () => {
    const cases: [string, RegExp][] = [
      ['2025-04-21 09:15:00+2', /not a UTC offset written Z, ±hh, ±hhmm or ±hh:mm/],
      ['2025-04-21 09:15:00 CEST', /not a UTC offset written/],
      ['2025-04-21 09:15:00  +02:00', /not a UTC offset written .*at most one space/],
      ['2025-04-21 09:15:00+15:00', /UTC offset is out of range \(hours 00–14, minutes 00–59\)/],
      ['2025-04-21 09:15:00+02:60', /UTC offset is out of range/],
      ['2025-04-21 24:00:00+02', /time of day is out of range/],
      ['2025-04-21 9:15:00+02', /time of day is not written hh:mm or hh:mm:ss \(two digits each\)/],
      ['2025-04-21T09h15', /time of day is not written hh:mm or hh:mm:ss/],
      ['2025-04-21 09:15:00,5+02', /fraction of a second is written after a comma/],
      ['2025-04-21 09:15:00.1234567890+02', /fraction of a second is not 1 to 9 digits/],
      ['2025-02-29 09:15:00+01', /date part is not a real calendar date/],
    ];
    for (const [text, fault] of cases) {
      expect(read(text), text).toBeUndefined();
      expect(isoDateTimeFault(text), text).toMatch(fault);
    }
    expect(isoDateTimeFault('2025-04-21 11:00:00+16')).toBe(isoDateTimeFault('2024-01-02 08:00:00 -1530'));
    // Texts iso-datetime reads, or that are no timestamp at all, have no fault to name.
    expect(['2025-04-21 09:15:00+02', '2025-04-21', '21-04-2025 09:15', 'x'].map(isoDateTimeFault)).toEqual([undefined, undefined, undefined, undefined]);
  });
});

describe('Danish month names as Qlik writes them', () => {
  it('dd-mon-yyyy and dd-mon-yy read Danish abbreviations with their point (21-apr.-2025, 09-maj-2025)', () => {
    const four = dateParser('dd-mon-yyyy');
    const texts = ['21-apr.-2025', '09-maj-2025', '30-okt.-2024', '11-dec.-2024', '01-mar.-2024', '03-JAN.-2024', '17-Sep.-2024'];
    expect(texts.map((t) => iso(four(t)))).toEqual(['2025-04-21', '2025-05-09', '2024-10-30', '2024-12-11', '2024-03-01', '2024-01-03', '2024-09-17']);
    expect(['21-apr..-2025', '21.apr.2025', '30-feb.-2024', '21-april-2025'].map(four)).toEqual([undefined, undefined, undefined, undefined]);
    expect(iso(dateParser('dd-mon-yy')('21-apr.-24'))).toBe('2024-04-21');
  });

  it('"d. month yyyy" reads Qlik\'s Danish long date, names or abbreviations, in any case', () => {
    const long = dateParser('d. month yyyy');
    const texts = ['4. marts 2025', '21. april 2025', '9. maj 2025', '30. oktober 2024', '1. DECEMBER 2024', '04. Januar 2024', '4. mar. 2025', '4. mar 2025', '29. februar 2024'];
    expect(texts.map((t) => iso(long(t)))).toEqual(['2025-03-04', '2025-04-21', '2025-05-09', '2024-10-30', '2024-12-01', '2024-01-04', '2025-03-04', '2025-03-04', '2024-02-29']);
    expect(['30. februar 2024', '4. march 2025', '4 martz 2025', '4. marts 25', '4. maj. 2025x', '4.marts 2025'].map(long)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('auto detects both Qlik spellings; a real mix names what it found, not "Oracle dates (03-JAN-24)"', () => {
    expect(detect(['21-apr.-2025', '09-maj-2025', '', '30-okt.-2024'])).toEqual({ format: 'dd-mon-yyyy' });
    expect(detect(['21. april 2025', '9. maj 2025', '', '4. marts 2025'])).toEqual({ format: 'd. month yyyy' });
    const many = Array.from({ length: 30 }, () => '4. marts 2025');
    expect(detect([...many, '2025-03-04'])).toEqual({ format: 'd. month yyyy', odd: { count: 1, example: '2025-03-04' } });
    const isoMany = Array.from({ length: 30 }, () => '2025-03-04');
    expect(detect([...isoMany, '4. marts 2025'])).toEqual({ format: 'iso', odd: { count: 1, example: '4. marts 2025' } });
    const abbrevMix = detect(['21-apr.-2025', '09-maj-2025', '2025-04-21', '2025-05-09']);
    expect(abbrevMix).toEqual({ reason: 'dates written with a month abbreviation (such as "21-apr.-2025", as Oracle and Qlik write them; "dateFormat": "dd-mon-yyyy") mixed with dates in other formats (such as "2025-04-21") in one file' });
    const yearMix = detect(['21-apr.-25', '09-maj-25', '21-apr.-2025', '09-maj-2025']);
    expect(yearMix).toEqual({ reason: 'dates with a month abbreviation and two-digit years (such as "21-apr.-25") mixed with four-digit ones (such as "21-apr.-2025") in one file' });
    expect(detect(['4. marts 2025', '9. maj 2025', '2025-04-21', '2025-05-09'])).toEqual({ reason: expect.stringContaining('dates written with the month\'s name (such as "4. marts 2025", as Qlik writes a long date in Danish; "dateFormat": "d. month yyyy") mixed with dates in other formats (such as "2025-04-21")') });
  });
});

// A small registry of 2024, its dates written by `date` (day numbers since 1970 in, text out).
const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const REGIONS = ['Region Nordjylland', 'Region Midtjylland', 'Region Syddanmark'];
function registry(date: (y: number, m: number, d: number, k: number) => string): string {
  const lines = [HEADER];
  let i = 0;
  for (const r of REGIONS) {
    for (let k = 0; k < 30; k++, i++) {
      const m = 1 + (i % 11), d = 1 + (i % 27);
      const act = i % 3 === 0 ? '' : date(2024, m, d + 1, i);
      const last = act === '' ? '' : date(2024, m + 1, d, i + 1);
      lines.push([String(5000 + i), r, k % 2 ? '0101' : '0102', date(2024, m, d, i), act, last, String(20 + (i % 60)), k % 2 ? 'K' : 'M', 'Egen læge'].join(';'));
    }
  }
  return lines.join('\r\n') + '\r\n';
}
const isoDate = (y: number, m: number, d: number) => `${y}-${pad(m)}-${pad(d)}`;
// Denmark's offset at 00:30 on a day, by the EU rule written out here (not the time-zone database
// hta uses): summer time (+02) from the last Sunday of March, after its 02:00, to the last Sunday of
// October, before its 03:00 — so a switch day's early morning has the offset of the day before.
const lastSunday = (y: number, m: number) => {
  const last = new Date(Date.UTC(y, m, 0));
  return Date.UTC(y, m - 1, last.getUTCDate() - last.getUTCDay());
};
const danishOffset = (y: number, m: number, d: number) => (Date.UTC(y, m - 1, d) > lastSunday(y, 3) && Date.UTC(y, m - 1, d) <= lastSunday(y, 10) ? 2 : 1);
// A Danish day's early morning as an instant, each cell in another spelling: local time with its
// offset, and the UTC evening before as R readr (`Z`) and pandas (`+00:00`) write it — read on the
// written day only when the offset is taken.
const dayBefore = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d - 1)).toISOString().slice(0, 10);
const TIMESTAMP_SPELLINGS = [
  (y: number, m: number, d: number) => `${isoDate(y, m, d)} 00:30:00.1234567 +0${danishOffset(y, m, d)}:00`,
  (y: number, m: number, d: number) => `${isoDate(y, m, d)} 00:30:00+0${danishOffset(y, m, d)}`,
  (y: number, m: number, d: number) => `${dayBefore(y, m, d)}T${24 - danishOffset(y, m, d)}:00:00Z`,
  (y: number, m: number, d: number) => `${dayBefore(y, m, d)} ${24 - danishOffset(y, m, d)}:30:00+00:00`,
  (y: number, m: number, d: number) => `${isoDate(y, m, d)}T00:15:00.000+0${danishOffset(y, m, d)}00`,
  (y: number, m: number, d: number) => `${dayBefore(y, m, d)} ${19 - danishOffset(y, m, d)}:45:00 -05:00`,
];
const timestamp = (y: number, m: number, d: number, k: number) => TIMESTAMP_SPELLINGS[k % TIMESTAMP_SPELLINGS.length]!(y, m, d);
const DANISH_ABBREVIATIONS = ['jan.', 'feb.', 'mar.', 'apr.', 'maj', 'jun.', 'jul.', 'aug.', 'sep.', 'okt.', 'nov.', 'dec.'];
const NAMES = ['januar', 'februar', 'marts', 'april', 'maj', 'juni', 'juli', 'august', 'september', 'oktober', 'november', 'december'];
const qlikShort = (y: number, m: number, d: number) => `${pad(d)}-${DANISH_ABBREVIATIONS[m - 1]!}-${y}`;
const qlikLong = (y: number, m: number, d: number) => `${d}. ${NAMES[m - 1]!} ${y}`;

describe('the CSV row reader and the SQL engine (CSV and Parquet) read the same referrals as from ISO dates', () => {
  const dir = tempDir();
  const f = (name: string) => join(dir, name);
  for (const [name, date] of [['iso.csv', isoDate], ['ts.csv', timestamp], ['qlik-short.csv', qlikShort], ['qlik-long.csv', qlikLong]] as const) writeFileSync(f(name), registry(date));
  const columns = { id: 'PatientID', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' } as const;
  const base = { regions: regionSet(REGIONS), columns, exportDate: '2024-12-31', threads: 1 };
  let expected: Awaited<ReturnType<typeof readRegistry>> | undefined;
  const want = async () => (expected ??= await readRegistry(f('iso.csv'), { ...base, dateFormat: 'iso' }));

  for (const [file, formats] of [['ts.csv', ['iso-datetime', 'auto']], ['qlik-short.csv', ['dd-mon-yyyy', 'auto']], ['qlik-long.csv', ['d. month yyyy', 'auto']]] as const) {
    it(`${file} under ${formats.join(' and ')}`, async () => {
      for (const dateFormat of formats as readonly DateFormatOption[]) {
        const { aggregate, notes } = await readRegistryFile(f(file), { ...base, dateFormat });
        expect(aggregate, dateFormat).toEqual(await want());
        // The offsets said once: how many distinct texts, and how many fell on another day than written.
        const offsetTexts = [...new Set(registry(timestamp).split('\r\n').slice(1, -1).flatMap((l) => l.split(';').slice(3, 6)))].filter((t) => t !== '');
        // The UTC and -05:00 spellings write the evening before: those fall on another day than written.
        const moved = offsetTexts.filter((t) => /(?:Z|\+00:00| -05:00)$/.test(t)).length;
        expect(notes, dateFormat).toEqual(file === 'ts.csv' ? [`${f(file)}: ${offsetTexts.length} distinct dates are written with a UTC offset (Z, +00:00, +01:00 …): each is read on its calendar day in Danish time (Europe/Copenhagen), as a Parquet TIMESTAMP WITH TIME ZONE is — ${moved} of them thereby fall on another day than the date written (2025-10-14T22:00:00Z, as R's readr writes midnight of 15 October, is 15 October) (docs/input-registry.md "Dates")`] : undefined);
      }
      const stream = await readRegistryStream(createReadStream(f(file)), file, ';', { ...base, dateFormat: formats[0] });
      expect(stream.aggregate).toEqual(await want());
    }, 30_000);
  }

  it('Parquet: typed DATEs under "d. month yyyy"; TIMESTAMP WITH TIME ZONE as its Danish calendar date, not the date in the machine\'s zone', async () => {
    // Each instant is 00:30 in Copenhagen, the day before in UTC and in every zone west of it: on such
    // a machine (CI runs in UTC) the date read without the engine's conversion would be a day early.
    // (On a machine in Danish time the two readings agree, and this test cannot tell them apart.)
    const db = await (await DuckDBInstance.create(':memory:', { autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    const cols = ['Henvist', 'Aktiveret', 'SidstAktiv'];
    const typed = (c: string) => `CAST(NULLIF(${c}, '') AS DATE) AS ${c}`;
    await db.run(`COPY (SELECT * REPLACE (${cols.map(typed).join(', ')}) FROM read_csv('${f('iso.csv')}', all_varchar = true, delim = ';', header = true)) TO '${f('typed.parquet')}' (FORMAT parquet)`);
    // Each date stored as an instant at 00:30 Danish time (22:30 or 23:30 UTC the day before).
    const instant = (c: string) => `timezone('Europe/Copenhagen', CAST(NULLIF(${c}, '') AS DATE) + INTERVAL 30 MINUTE) AS ${c}`;
    await db.run(`COPY (SELECT * REPLACE (${cols.map(instant).join(', ')}) FROM read_csv('${f('iso.csv')}', all_varchar = true, delim = ';', header = true)) TO '${f('tz.parquet')}' (FORMAT parquet)`);
    const types = (await db.runAndReadAll(`SELECT DISTINCT typeof(Henvist) FROM read_parquet('${f('tz.parquet')}')`)).getRowsJS();
    db.closeSync();
    expect(types).toEqual([['TIMESTAMP WITH TIME ZONE']]);
    expect(await readRegistry(f('typed.parquet'), { ...base, dateFormat: 'd. month yyyy' })).toEqual(await want());
    for (const dateFormat of ['iso-datetime', 'auto'] as const) expect(await readRegistry(f('tz.parquet'), { ...base, dateFormat }), dateFormat).toEqual(await want());
  }, 30_000);

  it('a refused timestamp\'s problem names the part that is wrong; under "iso" it names iso-datetime too', async () => {
    // One referral date (line 5) with an offset of one digit.
    const lines = registry(isoDate).split('\r\n');
    const cells = lines[4]!.split(';');
    cells[3] += ' 09:15:00+2';
    lines[4] = cells.join(';');
    writeFileSync(f('bad.csv'), lines.join('\r\n'));
    const problemsOf = async (dateFormat: DateFormatOption) => {
      try {
        await readRegistry(f('bad.csv'), { ...base, dateFormat });
      } catch (e) {
        if (e instanceof HtaError) return (e.groups ?? e.problems).map((p) => `${p.field}: ${p.expected}`);
        throw e;
      }
      throw new Error('read');
    };
    expect(await problemsOf('iso-datetime')).toEqual([expect.stringMatching(/^Henvist: a real calendar date written YYYY-MM-DD or YYYY-MM-DDThh:mm\[:ss\[\.fff\]\], optionally with a UTC offset Z, ±hh, ±hhmm or ±hh:mm — what follows its time is not a UTC offset/)]);
    expect(await problemsOf('iso')).toEqual([expect.stringMatching(/^Henvist: a real calendar date written YYYY-MM-DD — a date with a time of day, as "dateFormat": "iso-datetime" reads, but what follows its time is not a UTC offset/)]);
  }, 30_000);
});
