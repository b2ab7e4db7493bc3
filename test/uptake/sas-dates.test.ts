/**
 * SAS exports (docs/input-registry.md "Dates"): PROC EXPORT writes date columns as DATE9.
 * (`17MAY2024`) and datetime columns as DATETIME20. (`17MAY2024:00:00:00`); a date column without
 * a format is a day number counted from 1960-01-01 (`23513` = 2024-05-17), which looks like an
 * Excel serial (as one, 1964-05-16). Until 3 December 2026 plan init said "date format not
 * detected" and drafted firstYear 2027 for the texts, `auto` refused them, and the day numbers
 * were drafted as Excel serials and refused as out of the window without the date read (`auto` on day numbers: day-numbers-auto.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser } from '../../src/uptake/registry-dates.js';
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
    expect(['30FEB2024', '17MAI2024', '17MAY24', '17MAY2024:25:00:00', '2024-05-17'].map(read)).toEqual([undefined, undefined, undefined, undefined, undefined]);
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
    expect(detect([...isoDates, ...isoDates.map(() => '17MAY2024')])).toEqual({ reason: expect.stringContaining('17MAY2024 (SAS DATE9./DATETIME20.) mixed with') });
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
