/**
 * An export cut short (docs/input-registry.md "An export cut short"): a registry of exactly a BI
 * tool's row limit (Power BI's "Export data": 30,000 rows to .csv), and referrals that stop months
 * before the activation and last-active dates, are said in notes on how the file was read — and
 * neither note comes for a file one row short of the limit, nor for referrals that run to the
 * export date, nor for a small registry whose referrals are weeks apart anyway.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { referralsEndNote, rowLimitNote } from '../../src/uptake/export-cut.js';

const H = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';
const REGIONS = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'];
const iso = (day: number) => new Date(Date.UTC(2024, 0, 1) + day * 86_400_000).toISOString().slice(0, 10);

/**
 * `n` referrals spread evenly over the days 0 … lastDay (from 2024-01-01), as a Power BI export
 * sorted by referral date writes them; every second one activated 3 days later and last active
 * until `activeUntil` (a day number), as patients go on using the app after the referrals stop.
 */
function registry(n: number, lastDay: number, activeUntil: number): string {
  const lines = [H];
  for (let i = 0; i < n; i++) {
    const day = Math.floor((i * lastDay) / Math.max(1, n - 1));
    const active = i % 2 === 0;
    lines.push(`P${i},${REGIONS[i % 5]},C${i % 7},${iso(day)},${active ? iso(day + 3) : ''},${active ? iso(Math.max(day + 3, activeUntil - (i % 11))) : ''},${30 + (i % 40)},${i % 3 ? 'f' : 'm'},gp`);
  }
  return lines.join('\n') + '\n';
}

describe('an export cut short', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-export-cut-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));
  const notesOf = async (name: string, text: string, exportDate?: string) => {
    const file = join(dir, name);
    writeFileSync(file, text);
    return (await readRegistryFile(file, { threads: 1, ...(exportDate ? { exportDate } : {}) })).notes ?? [];
  };

  it('30,000 rows whose referrals stop four months before the other dates: both notes', async () => {
    // Referrals 2024-01-01 … 2025-08-23 (day 600), activity to 2025-12-30 (day 729).
    const notes = await notesOf('registry-30000.csv', registry(30_000, 600, 729));
    const limit = notes.find((n) => n.includes('exactly 30,000 rows under the header'));
    expect(limit, notes.join('\n')).toContain('Power BI\'s "Export data" writes to a .csv file');
    const end = notes.find((n) => n.includes('the last referral is of'));
    expect(end, notes.join('\n')).toContain('the last referral is of 2025-08-23, 129 days before the export date 2025-12-30 (the latest activation or last-active date in the file)');
    expect(end).toContain("2025's referrals, uptake and cost are too low");
  }, 60_000);

  it('one row short of the limit, referrals to the export date: neither note', async () => {
    const notes = await notesOf('registry-29999.csv', registry(29_999, 725, 729));
    expect(notes.filter((n) => n.includes('rows under the header') || n.includes('the last referral'))).toEqual([]);
  }, 60_000);

  it("the plan's exportDate months after the last referral: said against it", async () => {
    const notes = await notesOf('registry-plan-date.csv', registry(3_000, 500, 510), '2025-12-31');
    expect(notes.find((n) => n.includes('the last referral'))).toContain("days before the export date 2025-12-31 (the plan's exportDate)");
  }, 60_000);

  it('a small registry whose referrals are weeks apart: a gap of two months is no cut', async () => {
    // 12 referrals in 500 days, last active 60 days after the last: under one referral expected in the gap.
    const notes = await notesOf('registry-small.csv', registry(12, 500, 560));
    expect(notes.filter((n) => n.includes('the last referral'))).toEqual([]);
  }, 60_000);

  it('the rule: at least 30 days without referrals where 20 or more were due; the known limits only', () => {
    const end = { lastReferral: '2025-08-23', exportDate: '2025-12-30', exportDateGiven: false, recentReferrals: 365, rateDays: 365 };
    expect(referralsEndNote('r.csv', end)).toContain('129 days before');
    // 29 days at 1 a day: too short a gap.
    expect(referralsEndNote('r.csv', { ...end, exportDate: '2025-09-21' })).toBeUndefined();
    // 129 days at 1 in 10 days: 13 due, not enough.
    expect(referralsEndNote('r.csv', { ...end, recentReferrals: 36 })).toBeUndefined();
    // Referrals of 100 days, then 129 without: the rate of so short an export says nothing of the gap.
    expect(referralsEndNote('r.csv', { ...end, recentReferrals: 1000, rateDays: 100 })).toBeUndefined();
    expect(referralsEndNote('r.csv', end, 'da')).toContain('den sidste henvisning er fra 2025-08-23, 129 dage før udtrækkets dato 2025-12-30');
    expect(rowLimitNote('r.csv', 150_000)).toContain('.xlsx');
    expect(rowLimitNote('r.csv', 1_048_575)).toContain('Excel sheet');
    expect(rowLimitNote('r.csv', 1_048_576)).toBeUndefined();
    expect(rowLimitNote('r.csv', 30_000, 'da')).toContain('præcis 30.000 rækker under overskriften');
  });
});
