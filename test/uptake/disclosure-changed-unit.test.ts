/**
 * The "Changed since an earlier publication" listing says nothing of what the corrected patients
 * were (docs/disclosure-control.md "Changed since an earlier publication": the unit is the period,
 * not the cell). On the registry of fixture `hidden-parts/`, published as of 31 December 2025
 * (`dec-before-fix.json`), two Nordjylland patients referred in 2024 withdraw their consent and
 * the export is published again as of 2 January 2026 (`--previous` that file). Until 5 December
 * 2026 the listing named "activations in 2024 (Nordjylland …)" and Nordjylland's whole export
 * only where one removed patient had been activated (P01301): with both never activated (P01304,
 * P01315) neither was listed — the patient's activation, and its year, on the page.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { changedSinceOf, closeChangedUnits } from '../../src/uptake/disclosure/previous-publication.js';

const FIX = 'test/uptake/fixtures/hidden-parts';

describe('a corrected export lists the same units whether the removed patients were activated or not', () => {
  it('one activated and one never activated, or two never activated: one listing, counts protected', async () => {
    const dir = tempDir();
    const registry = readFileSync(join(FIX, 'registry.csv'), 'utf8');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(FIX, 'plan.json'), 'utf8')), exportDate: '2026-01-02' }));
    const run = async (removed: string[]) => {
      const file = join(dir, `${removed.join('-')}.csv`);
      const lines = registry.split(/\r?\n/);
      const kept = lines.filter((l) => !removed.includes(l.split(',')[0]!));
      expect(lines.length - kept.length).toBe(removed.length);
      writeFileSync(file, kept.join('\n'));
      const r = await runCli('uptake', file, '--eligible', join(FIX, 'eligible.csv'), '--plan', join(dir, 'plan.json'), '--previous', join(FIX, 'dec-before-fix.json'), '--json');
      expect(r.code, r.stderr).toBe(0);
      const out = join(dir, `${removed.join('-')}.json`);
      writeFileSync(out, r.stdout);
      const audit = await runCli('uptake', '--audit', '--published', out, '--previous', join(FIX, 'dec-before-fix.json'));
      expect(audit.code, audit.stdout).toBe(0);
      const note = /note: Changed since an earlier publication[^\n]*/.exec(r.stderr)?.[0];
      return { changed: (JSON.parse(r.stdout) as { previous: { changed: unknown } }).previous.changed, note };
    };
    const activated = await run(['P01301', 'P01304']);
    const never = await run(['P01304', 'P01315']);
    expect(never.changed).toEqual(activated.changed);
    expect(never.note).toBe(activated.note);
    expect(activated.changed).toMatchObject({ activationYears: expect.arrayContaining([{ region: 'Nordjylland', year: 2024 }]), periods: expect.arrayContaining([{ region: 'Nordjylland', period: 'all' }]) });
  }, 120_000);
});

describe('a change seen only in the whole country\'s row says nothing of whose it was', () => {
  // Months published; Nordjylland's March 2024 hidden in both publications, the whole country's
  // printed (it fell by one: a patient removed), Nordjylland's activations of 2024 printed in both.
  // Activated in 2024, the patient's removal makes that year fall too; never activated, it does not.
  const yearsNow = new Map([['Hovedstaden', [2023, 2024, 2025]], ['Nordjylland', [2024, 2025]], ['Sjælland', [2023, 2024, 2025]], ['national', [2023, 2024, 2025]]]);
  const regions = ['Hovedstaden', 'Nordjylland', 'Sjælland', 'national'];
  const listing = (units: string[]) => changedSinceOf(closeChangedUnits(new Set(units), yearsNow, regions));

  it('the activated and the never-activated patient give one listing, naming every region alike', () => {
    const activated = listing(['m|national|2024-03', 'y|Nordjylland|2024', 'y|national|2024']);
    const never = listing(['m|national|2024-03']);
    // Until 6 December 2026 the first also listed "activations in 2024 (Nordjylland)" and its
    // whole export: the region, and that the patient was activated there, that year.
    expect(activated).toEqual(never);
    for (const region of ['Hovedstaden', 'Nordjylland', 'Sjælland']) {
      expect(never.activationYears).toEqual(expect.arrayContaining([{ region, year: 2024 }, { region, year: 2025 }]));
      expect(never.activationYears).not.toContainEqual({ region, year: 2023 });
      expect(never.periods).toContainEqual({ region, period: 'all' });
    }
    // No region's month is named: which one changed is not said.
    expect(never.periods.filter((p) => p.period === '2024-03')).toEqual([{ region: 'national', period: '2024-03' }]);
  });

  // A region added since (Sjælland, absent from the earlier publication, with referrals from
  // 2025-01 on) explains the country's change of its own periods only. Until 6 December 2026 one
  // added region switched the spread off for every period, in every later publication of the
  // chain: a removed Nordjylland patient of 2024-03 gave the pre-fix listing again.
  const sjaellandFrom2025 = (period: string) => period.startsWith('2025');
  const listingAdded = (units: string[]) => changedSinceOf(closeChangedUnits(new Set(units), yearsNow, regions, sjaellandFrom2025));

  it('a region added since: a period it has no rows of is still spread, the activated and never-activated patient alike', () => {
    const activated = listingAdded(['m|national|2024-03', 'y|Nordjylland|2024', 'y|national|2024']);
    const never = listingAdded(['m|national|2024-03']);
    expect(activated).toEqual(never);
    for (const region of ['Hovedstaden', 'Nordjylland', 'Sjælland']) {
      expect(never.activationYears).toEqual(expect.arrayContaining([{ region, year: 2024 }, { region, year: 2025 }]));
      expect(never.periods).toContainEqual({ region, period: 'all' });
    }
  });

  it('a region added since: a period it has rows of is explained by it and not spread', () => {
    const explained = listingAdded(['m|national|2025-02']);
    expect(explained.activationYears).toEqual([{ region: 'national', year: 2025 }]);
    expect(explained.periods.map((p) => p.region).sort()).toEqual(['national', 'national']);
  });

  it('a change in a region\'s own printed row lists that region\'s units and the country\'s, as before', () => {
    const own = listing(['m|Sjælland|2024-03', 'm|national|2024-03']);
    expect(own.activationYears.map((y) => y.region).sort()).toEqual(['Sjælland', 'Sjælland', 'national', 'national']);
  });
});
