/**
 * A registry whose date columns are plain day numbers (`23513`), read with `"dateFormat": "auto"`.
 * Until 3 December 2026 `auto` took every such file for Excel serials, although SAS writes a date
 * column without a format as days since 1960-01-01: 21,916 days (60 years) apart, and nothing in
 * the numbers tells them apart. Now the reading whose dates fall inside the plan's date window is
 * taken when the other's do not (with a note); otherwise the file is refused with both readings
 * and the two dateFormat values (docs/input-registry.md "Dates"). `plan init` drafts by the same
 * rule (test/uptake/sas-dates.test.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dayNumberFormat } from '../../src/uptake/registry-dates.js';
import { isoToDay } from '../../src/uptake/referral.js';
import { runCli, tempDir } from '../support/run-cli.js';

const SAS = 'test/fixtures/exports/registry-sas';
const EXCEL = 'test/fixtures/exports/registry-excel-serial';

/** The plan at `file` with `change` applied, written to a temporary file. */
function planWith(file: string, change: Record<string, unknown>): string {
  const path = join(tempDir(), 'plan.json');
  writeFileSync(path, JSON.stringify({ ...JSON.parse(readFileSync(file, 'utf8')), ...change }));
  return path;
}

const day = (iso: string) => isoToDay(iso)!;

// The reading is compared, not the suppression: threshold 1 shows every count (a stronger
// comparison) and spares seconds of suppression solving per run (test/cli/uptake-utf16.test.ts).
const EVERY_COUNT = { suppression: { threshold: 1, acknowledgeLowThreshold: true } };

describe('day numbers under dateFormat "auto"', () => {
  it('the detector gives the range of whole day numbers; a time fraction is Excel\'s alone', () => {
    const detect = (texts: string[]) => {
      const d = createDateFormatDetector();
      texts.forEach((t) => d.add(t));
      return d.result();
    };
    expect(detect(['23513', '23590', '', '23515'])).toEqual({ format: 'excel-serial', dayNumbers: { min: 23513, max: 23590, example: '23513' } });
    expect(detect(['45993.5', '45994'])).toEqual({ format: 'excel-serial' });
    // Danish Excel writes a date-time cell formatted "Standard" with a decimal comma.
    expect(detect(['45993,5', '45994'])).toEqual({ format: 'excel-serial' });
  });

  it('takes the one reading inside the window, else refuses naming both readings and both values', () => {
    const n = { min: 23513, max: 23590, example: '23513' };
    const sas = dayNumberFormat(n, day('2000-01-01'), day('2025-11-30'));
    expect(sas).toMatchObject({ format: 'sas-day' });
    expect(dayNumberFormat({ min: 45993, max: 46100, example: '45993' }, day('2000-01-01'), day('2026-12-03'))).toMatchObject({ format: 'excel-serial' });
    const both = dayNumberFormat(n, day('1960-01-01'), day('2025-11-30'));
    expect(both).toEqual({ reason: expect.stringContaining('day numbers (such as 23513) that are dates inside the date window 1960-01-01 – 2025-11-30 read either way: as Excel serials (days since 1899-12-30) they are 1964-05-16 – 1964-08-01, as SAS dates (days since 1960-01-01) 2024-05-17 – 2024-08-02') });
    expect('reason' in both && both.reason).toContain('set "dateFormat": "excel-serial" or "dateFormat": "sas-day" in the uptake plan');
    expect(dayNumberFormat(n, day('2025-01-01'), day('2025-11-30'))).toEqual({ reason: expect.stringContaining('outside the date window') });
  });

  it('SAS day numbers: read as SAS dates with a note, as with "dateFormat": "sas-day"', async () => {
    const args = (plan: string) => ['uptake', `${SAS}/registry-sas-numbers.csv`, '--eligible', `${SAS}/eligible.csv`, '--plan', plan, '--json'];
    const auto = await runCli(...args(planWith(`${SAS}/auto.plan.json`, EVERY_COUNT)));
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toContain('registry-sas-numbers.csv: dates are day numbers (such as 23513), read as SAS dates ("dateFormat": "sas-day"), the only reading inside the date window 2000-01-01 – 2025-11-30');
    const sas = await runCli(...args(planWith(`${SAS}/auto.plan.json`, { ...EVERY_COUNT, dateFormat: 'sas-day' })));
    expect(sas.code, sas.stderr).toBe(0);
    expect(JSON.parse(auto.stdout).metrics).toEqual(JSON.parse(sas.stdout).metrics);
  }, 30_000);

  it('with a window both readings fall in, refused with both readings and the values to choose', async () => {
    const plan = planWith(`${SAS}/auto.plan.json`, { dateWindow: { from: '1960-01-01' } });
    const r = await runCli('uptake', `${SAS}/registry-sas-numbers.csv`, '--eligible', `${SAS}/eligible.csv`, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the date format cannot be detected');
    expect(r.stderr).toContain('day numbers (such as 23513) that are dates inside the date window 1960-01-01 – 2025-11-30 read either way: as Excel serials (days since 1899-12-30) they are 1964-01-04 – 1965-11-29, as SAS dates (days since 1960-01-01) 2024-01-05 – 2025-11-30 — set "dateFormat": "excel-serial" or "dateFormat": "sas-day"');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
  }, 30_000);

  it('Excel serials: read as Excel serials with a note (SAS dates would be 60 years on)', async () => {
    const args = (plan: string) => ['uptake', `${EXCEL}/registry.csv`, '--eligible', `${EXCEL}/eligible.csv`, '--plan', plan, '--json'];
    const auto = await runCli(...args(planWith(`${EXCEL}/uptake.plan.json`, { ...EVERY_COUNT, dateFormat: 'auto' })));
    expect(auto.code, auto.stderr).toBe(0);
    expect(auto.stderr).toMatch(/read as Excel serials \("dateFormat": "excel-serial"\), the only reading inside the date window 2000-01-01 – /);
    const excel = await runCli(...args(planWith(`${EXCEL}/uptake.plan.json`, EVERY_COUNT)));
    expect(JSON.parse(auto.stdout).metrics).toEqual(JSON.parse(excel.stdout).metrics);
  }, 30_000);

  it('Excel serial date-times with a decimal comma (45892,5 in a ";" file) read as with a point, auto and excel-serial', async () => {
    // Danish Excel saves a date-time cell formatted "Standard" as 45892,5; until 6 December 2026
    // only 45892.5 was read, and "auto" refused the file naming excel-serial among the formats.
    const dir = tempDir();
    const lines = readFileSync(`${EXCEL}/registry.csv`, 'utf8').split('\r\n');
    const withTime = lines.map((line, i) => i === 0 || line === '' ? line : line.split(';').map((cell, c) => (c >= 3 && c <= 5 && /^\d{5}$/.test(cell) ? `${cell},5` : cell)).join(';'));
    expect(withTime[1]).toMatch(/^90000;Nordjylland;NOR2;45892,5;45905,5;45921,5;/);
    writeFileSync(join(dir, 'registry.csv'), withTime.join('\r\n'));
    const args = (file: string, plan: string) => ['uptake', file, '--eligible', `${EXCEL}/eligible.csv`, '--plan', plan, '--json'];
    const plain = await runCli(...args(`${EXCEL}/registry.csv`, planWith(`${EXCEL}/uptake.plan.json`, EVERY_COUNT)));
    for (const dateFormat of ['auto', 'excel-serial']) {
      const r = await runCli(...args(join(dir, 'registry.csv'), planWith(`${EXCEL}/uptake.plan.json`, { ...EVERY_COUNT, dateFormat })));
      expect(r.code, r.stderr).toBe(0);
      expect(JSON.parse(r.stdout).metrics).toEqual(JSON.parse(plain.stdout).metrics);
    }
  }, 30_000);
});
