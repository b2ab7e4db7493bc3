/**
 * Registry exports as regional systems write them (test/fixtures/exports/registry-dk-shapes/,
 * files found by an exploratory review, copied as they were): dates with a time of day, footnote
 * rows under the table, CPR-shaped cells, repeated rows and ids, JSON exports and ASCII spellings
 * of æ, ø, å in region names (docs/input-registry.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { dateParser, hasTimeOfDay, ymdToDay } from '../../src/uptake/registry-dates.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const F = 'test/fixtures/exports/registry-dk-shapes';

interface Json {
  metrics: { region: string; period: string; dimension: string; level: string; referrals: number; activations: number }[];
}

/** The fixture's plan with threshold 1 (every count visible) and `over`. */
function plan(over: Record<string, unknown> = {}): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

const uptake = (registry: string, planFile: string, ...more: string[]) =>
  runCli('uptake', registry, '--eligible', `${F}/eligible.csv`, '--plan', planFile, ...more);

/** A copy of `lines` (CRLF) in a temporary folder. */
function csv(lines: readonly string[], name = 'registry.csv'): string {
  const out = join(tempDir(), name);
  writeFileSync(out, lines.join('\r\n') + '\r\n');
  return out;
}

const fixtureLines = (name: string) => readFileSync(`${F}/${name}`, 'utf8').split(/\r?\n/).filter((l) => l !== '');

/** The whole export's referrals and activations of a region. */
function whole(stdout: string, region = 'national'): [number, number] {
  const m = (JSON.parse(stdout) as Json).metrics.find((x) => x.region === region && x.period === 'all' && x.dimension === 'all')!;
  return [m.referrals, m.activations];
}

describe('dates with a time of day (Epic / Sundhedsplatformen, Excel)', () => {
  const day = (y: number, m: number, d: number) => ymdToDay(y, m, d)!;

  it('the day/month formats read a date followed by a time; an impossible time is no date', () => {
    expect(dateParser('dd-mm-yyyy')('23-03-2025 00:00')).toBe(day(2025, 3, 23));
    expect(dateParser('dd.mm.yyyy')('23.03.2025 00:00:00')).toBe(day(2025, 3, 23));
    expect(dateParser('dd.mm.yyyy')('23.03.2025 08:15:00.000')).toBe(day(2025, 3, 23));
    expect(dateParser('mm/dd/yyyy')('3/23/2025 12:00:00 AM')).toBe(day(2025, 3, 23));
    expect(dateParser('dd-mm-yyyy')('23-03-2025 24:00')).toBeUndefined();
    expect(dateParser('mm/dd/yyyy')('3/23/2025 13:00 PM')).toBeUndefined();
    expect(hasTimeOfDay('23.03.2025 00:00:00.000', 'dd.mm.yyyy')).toBe(false);
    expect(hasTimeOfDay('3/23/2025 12:00:00 AM', 'mm/dd/yyyy')).toBe(false);
    expect(hasTimeOfDay('23.03.2025 08:15', 'dd.mm.yyyy')).toBe(true);
  });

  it.each(['dd.mm.yyyy', 'auto'])('dateFormat %s reads them, and a time that is not midnight is said once', async (dateFormat) => {
    const r = await uptake(`${F}/dates-time.csv`, plan({ dateFormat }), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([40, 28]);
    expect(r.stderr.match(/time of day/g)).toHaveLength(1);
    expect(r.stderr).toContain('dates-time.csv: a date is written with a time of day (not midnight): each is read as the calendar date');
  });

  it('Epic\'s "23-03-2025 00:00" under dd-mm-yyyy: read, and midnight is not worth a note', async () => {
    const r = await uptake(csv(fixtureLines('epic-nohdr.csv').slice(0, 41)), plan({ dateFormat: 'dd-mm-yyyy' }), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([40, 28]);
    expect(r.stderr).not.toContain('time of day');
  });

  it('plan init --uptake drafts the day/month format', async () => {
    for (const [file, format] of [['dates-time.csv', 'dd.mm.yyyy'], ['epic-nohdr.csv', 'dd-mm-yyyy']] as const) {
      const r = await runCli('plan', 'init', '--uptake', `${F}/${file}`);
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { dateFormat: string }).dateFormat).toBe(format);
    }
  });
});

describe('region names with æ, ø, å written in ASCII', () => {
  it('"Region Sjaelland" and "Sjaelland" are Region Sjælland, beside its other spellings', async () => {
    const r = await uptake(`${F}/regions.csv`, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout, 'Region Sjælland')).toEqual([7, 7]);
    expect(whole(r.stdout, 'Region Hovedstaden')).toEqual([40, 28]);
  });

  it('only where the ASCII spelling names one region; its own spelling always does', async () => {
    const { regionSet } = await import('../../src/uptake/regions.js');
    const dk = regionSet(['Hovedstaden', 'Sjælland', 'Syddanmark']);
    expect(['Region Sjaelland', 'SJAELLAND', 'Sjælland'].map(dk.resolve)).toEqual(['Sjælland', 'Sjælland', 'Sjælland']);
    expect(dk.resolve('Sjalland')).toBeUndefined();
    const clash = regionSet(['Aeroe', 'Ærø']);
    expect([clash.resolve('aeroe'), clash.resolve('ÆRØ'), clash.resolve('Aerø')]).toEqual(['Aeroe', 'Ærø', undefined]);
    expect(regionSet(['Aalborg']).resolve('Ålborg')).toBe('Aalborg');
  });
});

describe('cells shaped like a CPR number', () => {
  const CPR = /120385.?4321/;

  it.each([
    ['cpr.csv', 6, 3, 'Klinik', []],
    ['cpr-bad.csv', 42, 2, 'Region', []],
    ['cpr.csv', 6, 3, 'Klinik', ['--exclude-invalid']],
  ] as const)('%s: the run stops naming line and column, never the value (%s)', async (file, line, column, field, more) => {
    const dir = join(tempDir(), 'out');
    const r = await uptake(`${F}/${file}`, plan(), '--json', '--csv-dir', dir, ...more);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file}:${line}:${column} (${field}): — expected no CPR number: the cell looks like a CPR number (DDMMYY-NNNN), and hta never publishes one`);
    expect(r.stderr).toContain('also with --exclude-invalid');
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(r.stdout + r.stderr).not.toMatch(CPR);
    expect(r.stdout).toBe('');
    expect(() => readFileSync(join(dir, 'clinic-funnel.csv'))).toThrow();
  });

  it('ten digits, and in a coded column or a date column, too; an impossible date is no CPR number', async () => {
    const lines = fixtureLines('simple.csv');
    lines[5] = lines[5]!.replace('Egen læge', '1203854321');
    lines[7] = lines[7]!.replace(/;2025-0?\d-\d\d;/, ';120385-4321;');
    lines[9] = lines[9]!.replace(/;HOV0\d;/, ';321385-4321;');
    const r = await uptake(csv(lines), plan(), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/registry\.csv:6:9 \(Henviser\): — expected no CPR number/);
    expect(r.stderr).toMatch(/registry\.csv:8:\d \((Henvist|Aktiveret|SidstAktiv)\): — expected no CPR number/);
    expect(r.stderr).not.toMatch(CPR);
    expect(r.stderr).not.toContain('registry.csv:10:'); // 321385-4321 is no date (nor a Swedish one): an ordinary clinic code
    expect(r.stderr).toMatch(/2 cell\(s\) that look like CPR numbers/);
  });

  it('plan init --uptake refuses it the same way and prints nothing of it', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/cpr-bad.csv`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cpr-bad.csv:42:2 (Region): — expected no CPR number');
    expect(r.stderr).toContain('cpr-bad.csv:6:3 (Klinik): — expected no CPR number');
    expect(r.stdout + r.stderr).not.toMatch(CPR);
  });

  describe('ten-digit clinic codes (P-numbers, SOR codes)', () => {
    const R = 'test/fixtures/exports/registry-dk-regional';
    // Made-up P-numbers: ten digits whose first six make a date, as real ones do.
    const P = ['1003388394', '1003389511', '1003390628', '1003391745', '1003392862', '1003393979', '1003394086', '1003395103', '1003396210', '1003397327'];
    /** registry-dk-regional's rows (header first) with each Klinik replaced by a P-number. */
    const withP = (): string[][] => {
      const rows = readFileSync(`${R}/registry.csv`, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(';'));
      const codes = new Map<string, string>();
      for (const c of rows.slice(1)) c[2] = codes.get(c[2]!) ?? codes.set(c[2]!, P[codes.size]!).get(c[2]!)!;
      return rows;
    };
    const regional = (rows: readonly string[][], ...more: string[]) => {
      const p = { ...JSON.parse(readFileSync(`${R}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } };
      const planFile = join(tempDir(), 'plan.json');
      writeFileSync(planFile, JSON.stringify(p));
      return runCli('uptake', csv(rows.map((c) => c.join(';'))), '--eligible', `${R}/eligible.csv`, '--plan', planFile, '--json', ...more);
    };

    it('a clinic column of P-numbers (10 clinics over 420 rows) is read as codes: the counts of the named clinics', async () => {
      const named = await regional(readFileSync(`${R}/registry.csv`, 'utf8').replace(/^\uFEFF/, '').split(/\r?\n/).filter((l) => l !== '').map((l) => l.split(';')));
      const r = await regional(withP());
      expect(r.code, r.stderr).toBe(0);
      expect(whole(r.stdout)).toEqual(whole(named.stdout));
      expect(r.stdout).toMatch(/"clinic": ?"1003388394"/);
      expect(r.stderr).not.toContain('CPR');
      const d = await runCli('plan', 'init', '--uptake', csv(withP().map((c) => c.join(';'))));
      expect(d.code, d.stderr).toBe(0);
    });

    it('a one-off CPR-shaped clinic cell among them, or a code on 4 rows only, is still refused, unquoted, with what to do', async () => {
      const rows = withP();
      rows[10]![2] = '1203854321';
      // 1003393979 (NOR01, 44 rows) left on 4 rows, the rest a name.
      let left = 4;
      for (const c of rows.slice(1)) if (c[2] === '1003393979' && left-- <= 0) c[2] = 'NOR01';
      const r = await regional(rows, '--exclude-invalid');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('5 cell(s) that look like CPR numbers');
      // Line 11 (the one-off) and the four rows of 1003393979, named together by line.
      expect(r.stderr).toContain('registry.csv:lines 7, 11–13, 15, column 3 (Klinik): — expected no CPR number');
      expect(r.stderr).toContain('A code of ten to twelve digits (a clinic\'s P-number or SOR code, a Swedish arbetsplatskod) is fine when the same number is on at least 5 rows of the column (a CPR number is one patient\'s); a code on fewer rows is refused: write it in the export with a letter before all its digits ("P" before a P-number\'s ten, a letter before an arbetsplatskod\'s eleven) and it is read as written');
      expect(r.stdout + r.stderr).not.toMatch(CPR);
      expect(r.stdout + r.stderr).not.toContain('1003393979');
    });

    it('the hyphenated shape is refused however often it repeats', async () => {
      const rows = withP().map((c, i) => (i > 0 && c[2] === '1003388394' ? [...c.slice(0, 2), '120385-4321', ...c.slice(3)] : c));
      const r = await regional(rows);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/\d+ cell\(s\) that look like CPR numbers/);
      expect(r.stdout + r.stderr).not.toMatch(CPR);
    });
  });

  it('a CPR-shaped id is not refused: the id is never printed (docs/input-registry.md)', async () => {
    const r = await uptake(`${F}/cpr.csv`, plan(), '--json', '--exclude-invalid');
    expect(r.code).toBe(2); // for the clinic on line 6 only
    expect(r.stderr).toMatch(/1 cell\(s\) that look like CPR numbers/);
  });
});

describe('footnote rows under the table', () => {
  const body = () => fixtureLines('simple.csv');

  it.each([
    ['epic-iso.csv, unpadded', () => fixtureLines('epic-iso.csv'), [42], 'iso-datetime'],
    ['padded to every column', () => [...body(), 'Antal rækker: 40;;;;;;;;'], [42], 'iso'],
    ['after a blank row and a row of separators, two of them', () => [...body(), '', ';;;;;;;;', 'Antal rækker: 40', ';;;;Udtrukket 02-12-2025 af Region Hovedstaden;;;;'], [44, 45], 'iso'],
  ] as const)('%s: left out with a note naming the lines', async (_name, lines, at, dateFormat) => {
    const r = await uptake(csv(lines()), plan({ dateFormat }), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([40, 28]);
    expect(r.stderr).toContain(`registry.csv: ${at.length === 1 ? `line ${at[0]}` : `lines ${at.join(', ')}`} under the last referral ${at.length === 1 ? 'is a footnote' : 'are footnotes'}`);
    expect(r.stderr).not.toContain('invalid');
    // --lang da: the note in Danish, whole (it had been English under "bemærk:").
    const da = await uptake(csv(lines()), plan({ dateFormat }), '--lang', 'da');
    expect(da.code, da.stderr).toBe(0);
    expect(da.stderr).toContain(`registry.csv: ${at.length === 1 ? `linje ${at[0]}` : `linjerne ${at.slice(0, -1).join(', ')} og ${at.at(-1)}`} under den sidste henvisning ${at.length === 1 ? 'er en fodnote' : 'er fodnoter'} (én celle med tekst, såsom "Antal rækker: 40"), ikke ${at.length === 1 ? 'en henvisning' : 'henvisninger'}: udeladt`);
    expect(da.stderr).not.toContain('under the last referral');
  });

  it('one among the referrals is refused by that name', async () => {
    const lines = body();
    lines.splice(10, 0, 'Antal rækker: 40;;;;;;;;');
    const r = await uptake(csv(lines), plan());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:11:1 (PatientID): "Antal rækker: 40" — expected a referral: this row is one cell of text, like a footnote');
    expect(r.stderr).toContain('1 invalid value(s) in 1 row(s)');
  });

  it('an id alone on a row is no footnote (a broken referral)', async () => {
    const r = await uptake(csv([...body(), 'P9999;;;;;;;;']), plan());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('footnote');
  });

  it('plan init --uptake leaves them out of the draft (no "" referrer code) and names them', async () => {
    const r = await runCli('plan', 'init', '--uptake', csv([...body(), ';;;;;;;;', 'Antal rækker: 40;;;;;;;;']));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('line 43 is a footnote');
    expect(r.stderr).not.toContain('codes not recognised');
    expect(r.stderr).toContain('all 40 rows');
  });
});

describe('JSON exports', () => {
  it.each(['reg.json', 'reg.ndjson'])('%s is named as JSON, not "not valid CSV"; plan init too', async (file) => {
    const r = await uptake(`${F}/${file}`, plan());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} is JSON: JSON is not read — export the registry as CSV or Parquet`);
    expect(r.stderr).not.toContain('not valid CSV');
    const d = await runCli('plan', 'init', '--uptake', `${F}/${file}`);
    expect(d.code).toBe(2);
    expect(d.stderr).toContain('JSON is not read');
  });

  it('by its content whatever its name; a CSV whose header starts with "[" is still CSV', async () => {
    const json = join(tempDir(), 'registry.csv');
    writeFileSync(json, '\uFEFF  [\n  {"PatientID": "P1"}\n]\n');
    expect((await uptake(json, plan())).stderr).toContain('registry.csv is JSON');
    const bracketed = fixtureLines('simple.csv');
    bracketed[0] = bracketed[0]!.replace('PatientID', '[PatientID]');
    const r = await uptake(csv(bracketed), plan({ columns: { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')).columns, registry: { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')).columns.registry, id: '[PatientID]' } } }), '--json');
    expect(r.code, r.stderr).toBe(0);
  });
});

describe('repeated rows and ids', () => {
  it('an identical row twice is counted once, with a note naming the lines and no id', async () => {
    const r = await uptake(`${F}/dup.csv`, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([41, 29]);
    expect(r.stderr).toContain('dup.csv: a row is an identical copy of another row — the same text in every one of the 9 columns, the id and any column hta does not read included — so each is counted once, as one referral exported twice (e.g. lines 42 and 43;');
    expect(r.stderr).not.toContain('P8004');
  });

  /** simple.csv with a referral number (HenvisningsID, not read by hta) in a tenth column. */
  const withReferralIds = () => fixtureLines('simple.csv').map((l, i) => `${l};${i === 0 ? 'HenvisningsID' : `H${String(i).padStart(5, '0')}`}`);

  it('two rows alike in every column hta reads but with different referral numbers are two referrals, with the id warning saying so', async () => {
    const lines = withReferralIds();
    lines.push(lines[4]!.replace(/;H\d+$/, ';H99999'));
    const r = await uptake(csv(lines), plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([41, 28]);
    expect(r.stderr).not.toContain('identical copy');
    expect(r.stderr).toContain('registry.csv: warning: one patient id is on 2 different rows, each row counted as a referral (e.g. lines 5 and 42). A patient referred twice is two referrals, and stays so. Here the rows read the same in every column hta reads and differ only in a column it does not read (a referral number, say): they are not identical, so each is counted.');
    expect(r.stderr).not.toContain('P5004');
  });

  it('a row the same in all ten columns, the referral number too, is counted once', async () => {
    const lines = withReferralIds();
    lines.push(lines[4]!);
    const r = await uptake(csv(lines), plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([40, 28]);
    expect(r.stderr).toContain('registry.csv: a row is an identical copy of another row — the same text in every one of the 10 columns, the id and any column hta does not read included — so each is counted once, as one referral exported twice (e.g. lines 5 and 42;');
    expect(r.stderr).not.toContain('patient id');
  });

  it('one id on a referral row and an activation row: counted as the rows are, with a warning that says how to merge them', async () => {
    const r = await uptake(`${F}/tworows.csv`, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([42, 29]);
    expect(r.stderr).toContain('tworows.csv: warning: one patient id is on 2 different rows, each row counted as a referral (e.g. lines 42 and 43). A patient referred twice is two referrals, and stays so. Here the two rows look like one referral written twice');
    expect(r.stderr).toContain('merge each such pair into one row');
    expect(r.stderr).not.toContain('P8001');
  });

  it('a patient referred twice (two dates): the warning, without the merge advice', async () => {
    const lines = fixtureLines('simple.csv');
    lines.push(lines[3]!.replace(/;2025-10-14;2025-11-01;2025-12-02;/, ';2025-11-20;;;'));
    const r = await uptake(csv(lines), plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([41, 28]);
    expect(r.stderr).toContain('registry.csv: warning: one patient id is on 2 different rows, each row counted as a referral (e.g. lines 4 and 42)');
    expect(r.stderr).not.toContain('merge');
  });

  it('no note for a file without repeats', async () => {
    const r = await uptake(`${F}/simple.csv`, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/identical|patient id/);
  });
});

describe('repeated rows and ids in a Parquet registry', () => {
  it('are found the same way, named by row', async () => {
    const { duckdb } = await import('../../src/uptake/engine/duckdb-api.js');
    const file = join(tempDir(), 'registry.parquet');
    const inst = await duckdb.DuckDBInstance.create(':memory:');
    const db = await inst.connect();
    await db.run(`COPY (SELECT * FROM read_csv('${F}/tworows.csv', all_varchar = true, delim = ';', header = true) UNION ALL SELECT * FROM read_csv('${F}/dup.csv', all_varchar = true, delim = ';', header = true) WHERE PatientID = 'P8004') TO '${file}' (FORMAT parquet)`);
    db.closeSync();
    inst.closeSync();
    const r = await uptake(file, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([43, 30]);
    expect(r.stderr).toMatch(/a row is an identical copy of another row .* \(e\.g\. rows 43 and 44;/);
    expect(r.stderr).toContain('one patient id is on 2 different rows, each row counted as a referral (e.g. rows 41 and 42)');
  });

  it('compare every column, those hta does not read too', async () => {
    const { duckdb } = await import('../../src/uptake/engine/duckdb-api.js');
    const file = join(tempDir(), 'registry.parquet');
    const inst = await duckdb.DuckDBInstance.create(':memory:');
    const db = await inst.connect();
    // dup.csv's two copies of P8004 given two referral numbers (HenvisningsID, an integer column).
    await db.run(`COPY (SELECT *, row_number() OVER () AS HenvisningsID FROM read_csv('${F}/dup.csv', all_varchar = true, delim = ';', header = true)) TO '${file}' (FORMAT parquet)`);
    db.closeSync();
    inst.closeSync();
    const r = await uptake(file, plan(), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(whole(r.stdout)).toEqual([42, 30]);
    expect(r.stderr).not.toContain('identical copy');
    expect(r.stderr).toContain('one patient id is on 2 different rows, each row counted as a referral (e.g. rows 41 and 42). A patient referred twice is two referrals, and stays so. Here the rows read the same in every column hta reads');
  });
});

describe('maskCpr', () => {
  it('writes a CPR-shaped number inside a text as DDMMYY-XXXX, and leaves other numbers', async () => {
    const { maskCpr, looksLikeCpr } = await import('../../src/uptake/cpr-shape.js');
    expect(maskCpr('e.g. "120385-4321" and 1203854321, not 3213854321 or 12138543210')).toBe('e.g. "DDMMYY-XXXX" and DDMMYY-XXXX, not 3213854321 or 12138543210');
    expect([looksLikeCpr(' 290200-1234 '), looksLikeCpr('300200-1234'), looksLikeCpr('120385-432')]).toEqual([true, false, false]);
  });
});

describe('Swedish and Norwegian region names in plain letters', () => {
  it('"Region Skane", "Vastra Gotalandsregionen", "Helse Sor-Ost" are the regions, where that names one', async () => {
    const { regionSet } = await import('../../src/uptake/regions.js');
    const se = regionSet(['Region Skåne', 'Västra Götalandsregionen', 'Region Jämtland Härjedalen', 'Helse Sør-Øst']);
    expect(['Region Skane', 'SKANE', 'Region Skaane', 'Vastra Gotalandsregionen', 'Jamtland Harjedalen', 'Helse Sor-Ost', 'Helse Soer-Oest'].map(se.resolve)).toEqual(['Region Skåne', 'Region Skåne', 'Region Skåne', 'Västra Götalandsregionen', 'Region Jämtland Härjedalen', 'Helse Sør-Øst', 'Helse Sør-Øst']);
    expect(se.resolve('Skone')).toBeUndefined();
    // Two regions alike in plain letters are told apart by their own spelling only.
    const clash = regionSet(['Å', 'A']);
    expect([clash.resolve('a'), clash.resolve('å')]).toEqual(['A', 'Å']);
  });
});
