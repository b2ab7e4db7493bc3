// SPSS writes a DATETIME variable as `20-APR-2024 14:03:00` (DATETIME20; `20-apr-2024 00:00:00`
// with a Danish locale's month abbreviations) and an SDATE10 one as `2024/04/20`. Both were refused
// under every "dateFormat", `auto` too, while `dd-mm-yyyy` read a time of day and `dd-mon-yyyy` the
// same date without one; the refusal did not say the time part was the reason. Found by the SPSS
// explorer, session 34 (docs/input-registry.md "Dates").
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser, hasTimeOfDay } from '../../src/uptake/registry-dates.js';
import { dayToIso, referralFieldSchemas } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';
import { runCli, tempDir } from '../support/run-cli.js';

const iso = (d: number | undefined) => (d === undefined ? undefined : dayToIso(d));
const detect = (texts: readonly string[]) => {
  const d = createDateFormatDetector();
  for (const t of texts) d.add(t);
  return d.result();
};
const refusal = (format: Parameters<typeof referralFieldSchemas>[0]['dateFormat'], v: string) => {
  const r = referralFieldSchemas({ regions: regionSet([]), dateFormat: format }).referred.safeParse(v);
  return r.success ? undefined : r.error.issues[0]!.message;
};

describe('SPSS DATETIME dates (dd-mon-yyyy with a time of day)', () => {
  it('read as their date under dd-mon-yyyy and dd-mon-yy, Danish and English months, the time ignored', () => {
    const four = dateParser('dd-mon-yyyy');
    for (const t of ['20-apr-2024 00:00:00', '20-APR-2024 14:03:00', '20-APR-2024 14:03', '20-Apr-2024 14:03:00.00']) expect(iso(four(t)), t).toBe('2024-04-20');
    expect(iso(four('17-maj-2024 00:00:00'))).toBe('2024-05-17');
    expect(iso(four('30-okt.-2024 08:15:00'))).toBe('2024-10-30');
    expect(iso(dateParser('dd-mon-yy')('03-JAN-24 00:00:00'))).toBe('2024-01-03');
    // Not a time, or none in range: no date (refused below, naming the time).
    for (const t of ['20-apr-2024 24:00:00', '20-apr-2024 12:60', '20-apr-2024 00-00', '20-apr-2024  00:00', '20-apr-2024T00:00:00']) expect(four(t), t).toBeUndefined();
  });

  it('a time other than midnight is said once, as after a day/month date', () => {
    expect(hasTimeOfDay('20-apr-2024 00:00:00', 'dd-mon-yyyy')).toBe(false);
    expect(hasTimeOfDay('20-apr-2024 00:00:00.00', 'dd-mon-yyyy')).toBe(false);
    expect(hasTimeOfDay('20-APR-2024 14:03:00', 'dd-mon-yyyy')).toBe(true);
    expect(hasTimeOfDay('03-JAN-24 00:00:01', 'dd-mon-yy')).toBe(true);
  });

  it('auto detects them as dd-mon-yyyy', () => {
    expect(detect(['20-apr-2024 00:00:00', '18-aug-2025 00:00:00', '03-maj-2025 14:03:00', ''])).toEqual({ format: 'dd-mon-yyyy' });
  });

  it('refused for its time, the message says the time part is the problem', () => {
    expect(refusal('dd-mon-yyyy', '20-apr-2024 00:00:00')).toBeUndefined();
    expect(refusal('dd-mon-yyyy', '20-apr-2024 24:00:00')).toContain('its date part reads, but its time of day "24:00:00" is out of range (hours 00–23, minutes and seconds 00–59)');
    expect(refusal('dd-mon-yyyy', '20-apr-2024 00-00')).toContain('its date part reads, but its time of day "00-00" is not written hh:mm or hh:mm:ss (the time is not used)');
    expect(refusal('dd-mon-yyyy', '31-feb-2024 00:00:00')).not.toContain('time of day');
    // Under SAS's ddmonyyyy, the format that reads it is named, SPSS among its writers.
    expect(refusal('ddmonyyyy', '20-apr-2024 00:00:00')).toContain('(this is a date with a month abbreviation, as Oracle, Qlik and SPSS write it: set "dateFormat": "dd-mon-yyyy" or "auto" in the uptake plan)');
  });
});

describe('SPSS SDATE10 dates (yyyy/mm/dd)', () => {
  it('iso reads them, year first; auto detects iso', () => {
    const read = dateParser('iso');
    expect(iso(read('2024/04/20'))).toBe('2024-04-20');
    for (const t of ['2024/04-20', '2024/4/20', '2024/02/30', '20/04/2024']) expect(read(t), t).toBeUndefined();
    expect(detect(['2024/04/20', '2025/08/18', ''])).toEqual({ format: 'iso' });
  });

  it('a day/month format names iso, which reads them', () => {
    expect(refusal('dd-mm-yyyy', '2024/04/20')).toContain('(this is a year-first date, YYYY/MM/DD, as SPSS\'s SDATE10 writes it: set "dateFormat": "iso" in the uptake plan, which reads it, or "auto")');
  });
});

describe('hta uptake on an SPSS registry', () => {
  const HEADER = 'løbenr;region;klinik;henvist;aktiveret;sidst_aktiv;alder;koen;henviser';
  const MON = ['jan', 'feb', 'mar', 'apr', 'maj', 'jun', 'jul', 'aug', 'sep', 'okt', 'nov', 'dec'];
  const pad = (n: number) => String(n).padStart(2, '0');
  /** 120 referrals of 2024 in three regions, each date written by `date` (with the time `time`). */
  function registry(date: (y: number, m: number, d: number, time: string) => string): string {
    const lines = [HEADER];
    for (let i = 0; i < 120; i++) {
      const m = 1 + (i % 10), d = 1 + (i % 27);
      const time = i % 7 === 0 ? '14:03:00' : '00:00:00';
      const act = i % 3 === 0 ? '' : date(2024, m, d + 1, time);
      const last = act === '' ? '' : date(2024, m + 1, d, '00:00:00');
      lines.push([String(1 + i), ['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark'][i % 3], `K${i % 4}`, date(2024, m, d, time), act, last, String(30 + (i % 50)), i % 2 ? 'Kvinde' : 'Mand', 'Egen læge'].join(';'));
    }
    return lines.join('\r\n') + '\r\n';
  }
  const ELIGIBLE = 'region;aar;antal\r\n' + ['Region Hovedstaden', 'Region Sjælland', 'Region Syddanmark'].flatMap((r) => [2024, 2025, 2026, 2027].map((y) => `${r};${y};1200`)).join('\r\n') + '\r\n';
  const plan = (dateFormat: string) => JSON.stringify({
    currency: 'DKK',
    priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
    scenarios: { low: [0.02, 0.04, 0.06], base: [0.05, 0.08, 0.11], high: [0.08, 0.13, 0.18] },
    firstYear: 2025, suppression: { threshold: 1, acknowledgeLowThreshold: true },
    columns: { registry: { id: 'løbenr', clinic: 'klinik', referred: 'henvist', activated: 'aktiveret', last_active: 'sidst_aktiv', age: 'alder', sex: 'koen', referrer: 'henviser' }, eligible: { year: 'aar', eligible: 'antal' } },
    dateFormat, exportDate: '2024-12-31',
  });

  it('reads DATETIME and SDATE registries as the DATE11 one, and says when a time is not midnight', async () => {
    const dir = tempDir();
    const put = (name: string, text: string) => (writeFileSync(join(dir, name), text), join(dir, name));
    const date11 = put('date11.csv', registry((y, m, d) => `${pad(d)}-${MON[m - 1]}-${y}`));
    const datetime = put('datetime.csv', registry((y, m, d, t) => `${pad(d)}-${MON[m - 1]}-${y} ${t}`));
    const sdate = put('sdate.csv', registry((y, m, d) => `${y}/${pad(m)}/${pad(d)}`));
    const elig = put('elig.csv', ELIGIBLE);
    const [mon, isoPlan, auto] = [put('mon.json', plan('dd-mon-yyyy')), put('iso.json', plan('iso')), put('auto.json', plan('auto'))];
    const run = (file: string, p: string) => runCli('uptake', file, '--eligible', elig, '--plan', p, '--json');
    const want = await run(date11, mon);
    expect(want.code, want.stderr).toBe(0);
    const metrics = (r: { stdout: string }) => JSON.parse(r.stdout).metrics;
    for (const [file, p] of [[datetime, mon], [datetime, auto], [sdate, isoPlan], [sdate, auto]] as const) {
      const got = await run(file, p);
      expect(got.code, `${file} ${p}: ${got.stderr}`).toBe(0);
      expect(metrics(got)).toEqual(metrics(want));
    }
    const timed = await run(datetime, mon);
    expect(timed.stderr).toMatch(/datetime\.csv: \d+ distinct dates are written with a time of day \(not midnight\)/);
    expect(want.stderr).not.toContain('time of day');
  }, 60_000);
});
