/**
 * SAS exports (docs/input-registry.md "Dates"): PROC EXPORT writes date columns as DATE9.
 * (`17MAY2024`) and datetime columns as DATETIME20. (`17MAY2024:00:00:00`); a date column without
 * a format is a day number counted from 1960-01-01 (`23513` = 2024-05-17), which looks like an
 * Excel serial (as one, 1964-05-16). Until 3 December 2026 plan init said "date format not
 * detected" and drafted firstYear 2027 for the texts, `auto` refused them, and the day numbers
 * were drafted as Excel serials and refused as out of the window without the date read (`auto` on day numbers: day-numbers-auto.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser, ymdToDay } from '../../src/uptake/registry-dates.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { formatError, type HtaError } from '../../src/errors.js';
import { dayToIso } from '../../src/uptake/referral.js';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { runCli, tempDir } from '../support/run-cli.js';

const F = 'test/fixtures/exports/registry-sas';
const iso = (d: number | undefined) => (d === undefined ? undefined : dayToIso(d));

describe('SAS date formats', () => {
  it('ddmonyyyy reads DATE9. and DATETIME20. texts in any case; sas-day counts from 1960-01-01', () => {
    const read = dateParser('ddmonyyyy');
    expect(['17MAY2024', '17may2024:00:00:00', '2Aug2024:13:45:10', '29FEB2024'].map((t) => iso(read(t)))).toEqual(['2024-05-17', '2024-05-17', '2024-08-02', '2024-02-29']);
    expect(['30FEB2024', '17MAI2024', '17MAY202', '17MAY2024:25:00:00', '2024-05-17', '17MAY2024  08:40:00'].map(read)).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(iso(dateParser('sas-day')('23513'))).toBe('2024-05-17');
    expect(iso(dateParser('sas-day')('3653'))).toBe('1970-01-01');
  });

  it('auto detects them; one stray SAS text among ISO dates is an odd cell, many are a mix', () => {
    const detect = (texts: string[]) => {
      const d = createDateFormatDetector();
      texts.forEach((t) => d.add(t));
      return d.result();
    };
    expect(detect(['17MAY2024:00:00:00', '02AUG2024:00:00:00', ''])).toEqual({ format: 'ddmonyyyy' });
    expect(detect(['17MAY2024', '02aug2024'])).toEqual({ format: 'ddmonyyyy' });
    const isoDates = Array.from({ length: 30 }, () => '2024-05-17');
    expect(detect([...isoDates, '17MAY2024'])).toEqual({ format: 'iso', odd: { count: 1, example: '17MAY2024' } });
    expect(detect([...isoDates, ...isoDates.map(() => '17MAY2024')])).toEqual({ reason: 'dates written 17MAY2024 (SAS DATE9./DATETIME20., such as "17MAY2024"; "dateFormat": "ddmonyyyy") mixed with dates in other formats (such as "2024-05-17") in one file' });
    // The odd cell quoted; a bare letter (SAS PROC EXPORT's .A) with how to declare it.
    const sasDates = Array.from({ length: 10 }, () => '17MAY2024');
    expect(detect([...sasDates, ...sasDates.map(() => 'A')])).toEqual({ reason: expect.stringContaining('mixed with dates in other formats (such as "A") in one file — if "A" means "no date", add "missingCodes": ["A"] to the uptake plan') });
  });

  for (const file of ['registry-datetime20.csv', 'registry-date9.csv']) {
    it(`${file}: plan init drafts "ddmonyyyy" and the real years; hta uptake reads it with "auto"`, async () => {
      const draft = await runCli('plan', 'init', '--uptake', `${F}/${file}`);
      expect(draft.code, draft.stderr).toBe(0);
      const plan = JSON.parse(draft.stdout) as { dateFormat: string; firstYear: number };
      expect([plan.dateFormat, plan.firstYear]).toEqual(['ddmonyyyy', 2026]);
      expect(draft.stderr).not.toContain('date format not detected');
      // The reading is the point, not the suppression: threshold 1 spares seconds of suppression solving.
      const auto = join(tempDir(), 'auto.plan.json');
      writeFileSync(auto, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/auto.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
      const run = await runCli('uptake', `${F}/${file}`, '--eligible', `${F}/eligible.csv`, '--plan', auto, '--json');
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout) as { dateFormatDetected: string; metrics: { period: string }[] };
      expect(out.dateFormatDetected).toBe('ddmonyyyy');
      expect([...new Set(out.metrics.map((m) => m.period))].filter((p) => p.length === 4)).toEqual(['2024', '2025']);
    }, 30_000);
  }

  it('SAS day numbers: plan init drafts "sas-day" naming both readings; "excel-serial" shows the date it read', async () => {
    const draft = await runCli('plan', 'init', '--uptake', `${F}/registry-sas-numbers.csv`);
    expect(draft.code, draft.stderr).toBe(0);
    const plan = JSON.parse(draft.stdout) as { dateFormat: string; firstYear: number };
    expect([plan.dateFormat, plan.firstYear]).toEqual(['sas-day', 2026]);
    expect(draft.stderr).toContain('the first referral date, 23513, is 1964-05-16 as an Excel serial and 2024-05-17 as a SAS date');
    // (`auto` takes the SAS reading here, the only one inside the window: day-numbers-auto.test.ts.)
    const excel = join(tempDir(), 'excel.plan.json');
    writeFileSync(excel, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/auto.plan.json`, 'utf8')), dateFormat: 'excel-serial' }));
    const run = await runCli('uptake', `${F}/registry-sas-numbers.csv`, '--eligible', `${F}/eligible.csv`, '--plan', excel, '--json');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('read as 1964-05-16 (excel-serial); as a SAS date (days since 1960-01-01) it is 2024-05-17: set "dateFormat": "sas-day"');
  }, 30_000);
});

describe('Stata %tc, SAS DATE7./DATETIME16., compact YYYYMMDD and unformatted SAS datetimes (5 December 2026)', () => {
  const detect = (texts: string[]) => {
    const d = createDateFormatDetector();
    texts.forEach((t) => d.add(t));
    return d.result();
  };

  it('ddmonyyyy reads Stata %tc (a space before the time, with or without milliseconds) and detects it', () => {
    const read = dateParser('ddmonyyyy');
    expect(['08feb2025 08:40:00', '08feb2025 23:10:00.000', '08FEB2025:08:40'].map((t) => iso(read(t)))).toEqual(['2025-02-08', '2025-02-08', '2025-02-08']);
    expect(['08feb2025 24:00:00', '08feb2025T08:40:00'].map(read)).toEqual([undefined, undefined]);
    expect(detect(['08feb2025 08:40:00', '10feb2025 01:54:00.000', ''])).toEqual({ format: 'ddmonyyyy' });
  });

  it('ddmonyyyy reads DATE7. and DATETIME16. two-digit years in the century inside the date window', () => {
    const read = dateParser('ddmonyyyy', { from: ymdToDay(2000, 1, 1)!, to: ymdToDay(2025, 11, 30)! });
    expect(['08FEB25', '08FEB25:23:10:00', '01JAN00'].map((t) => iso(read(t)))).toEqual(['2025-02-08', '2025-02-08', '2000-01-01']);
    // A window from 1990: 31DEC99 is 1999, inside it (not 2099).
    expect(iso(dateParser('ddmonyyyy', { from: ymdToDay(1990, 1, 1)!, to: ymdToDay(2025, 11, 30)! })('31DEC99'))).toBe('1999-12-31');
    expect(detect(['08FEB25', '29MAR24:04:54:00'])).toEqual({ format: 'ddmonyyyy' });
  });

  it('yyyymmdd reads compact dates; auto detects them only as real dates of 1900–2099, not ids', () => {
    const read = dateParser('yyyymmdd');
    expect(['20250208', '20240229'].map((t) => iso(read(t)))).toEqual(['2025-02-08', '2024-02-29']);
    expect(['20250230', '2025028', '2025-02-08'].map(read)).toEqual([undefined, undefined, undefined]);
    expect(detect(['20250208', '20240329', ''])).toEqual({ format: 'yyyymmdd' });
    // Eight-digit ids and numbers are no dates: 12345678 (month 56), 30001231 (year 3000).
    expect(detect(['12345678', '30001231'])).toEqual({ reason: expect.stringContaining('dates in a format none of') });
    expect(detect([...Array.from({ length: 30 }, () => '2025-02-08'), '20250208'])).toEqual({ format: 'iso', odd: { count: 1, example: '20250208' } });
    expect(detect([...Array.from({ length: 10 }, () => '2025-02-08'), ...Array.from({ length: 10 }, () => '20250208')])).toEqual({ reason: expect.stringContaining('dates written YYYYMMDD (such as "20250208"; "dateFormat": "yyyymmdd") mixed with') });
  });

  it('an unformatted SAS datetime is named with its date under auto and under sas-day, its cells one problem', async () => {
    expect(detect(['2054626200', '2054799000'])).toEqual({ reason: expect.stringContaining('"2054626200" looks like a SAS datetime (seconds since 1960-01-01) = 2025-02-08 09:30: export the column with the DATETIME20. format (or its date with DATEPART() and DATE9.)') });
    const file = join(tempDir(), 'seconds.csv');
    writeFileSync(file, 'id,region,clinic,referred,activated,last_active,age,sex,referrer\np1,Hovedstaden,K1,2054626200,,,40,F,gp\np2,Hovedstaden,K1,2027323800,,,40,F,gp\n');
    const err = await readRegistryFile(file, { dateFormat: 'sas-day', exportDate: '2025-11-30', threads: 1 }).then(() => undefined, (e: unknown) => e as HtaError);
    expect(err?.exitCode).toBe(2);
    expect(err!.groups?.length).toBe(1);
    expect(formatError(err!)).toContain('this looks like a SAS datetime (seconds since 1960-01-01): export the column with the DATETIME20. format (or its date with DATEPART() and DATE9.), and read it with "dateFormat": "ddmonyyyy" (line 2: 2054626200 = 2025-02-08 09:30; line 3: 2027323800 = 2024-03-29 09:30)');
  });

  it('a CPR-shaped cell under auto gets no SAS datetime reading: the message gives back none of its digits', async () => {
    // 1511911234 read as seconds since 1960 is 1991-11-15 05:13: the birth date and more.
    const reason = JSON.stringify(detect(['1511911234', '2304851234']));
    expect(reason).toContain('dates in a format none of');
    expect(reason).not.toContain('SAS datetime');
    expect(reason).not.toMatch(/1991|1985/);
    const file = join(tempDir(), 'cpr-dates.csv');
    writeFileSync(file, 'id,region,clinic,referred,activated,last_active,age,sex,referrer\np1,Hovedstaden,K1,1511911234,,,40,F,gp\np2,Hovedstaden,K1,2304851234,,,40,F,gp\n');
    const err = await readRegistryFile(file, { dateFormat: 'auto', exportDate: '2025-11-30', threads: 1 }).then(() => undefined, (e: unknown) => e as HtaError);
    expect(err?.exitCode).toBe(2);
    const text = formatError(err!);
    expect(text).toContain('DDMMYY-XXXX');
    expect(text).not.toMatch(/1991|1985|SAS datetime/);
  });

  it('hta uptake reads each of them to the same counts', async () => {
    const rows = [['p1', '2025-02-08', '2025-02-10'], ['p2', '2024-03-29', ''], ['p3', '2025-10-07', '2025-10-08']] as const;
    const write = (name: string, text: (isoDate: string) => string) => {
      const file = join(tempDir(), name);
      writeFileSync(file, ['id,region,clinic,referred,activated,last_active,age,sex,referrer', ...rows.map(([id, r, a]) => `${id},Hovedstaden,K1,${text(r)},${a === '' ? '' : text(a)},,40,F,gp`)].join('\n'));
      return file;
    };
    const mon = (d: string) => `${d.slice(8)}${['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC'][Number(d.slice(5, 7)) - 1]}`;
    const files = [
      write('iso.csv', (d) => d),
      write('tc.csv', (d) => `${mon(d).toLowerCase()}${d.slice(0, 4)} 08:40:00.000`),
      write('dt16.csv', (d) => `${mon(d)}${d.slice(2, 4)}:23:10:00`),
      write('date7.csv', (d) => `${mon(d)}${d.slice(2, 4)}`),
      write('compact.csv', (d) => d.replaceAll('-', '')),
    ];
    const reads = await Promise.all(files.map((f) => readRegistryFile(f, { dateFormat: 'auto', exportDate: '2025-11-30', threads: 1 })));
    expect(reads.map((r) => r.dateFormat)).toEqual(['iso', 'ddmonyyyy', 'ddmonyyyy', 'ddmonyyyy', 'yyyymmdd']);
    for (const r of reads.slice(1)) expect(r.aggregate).toEqual(reads[0]!.aggregate);
  });
});
