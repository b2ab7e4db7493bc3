/**
 * A chain of monthly publications in which a region was added once (review of session 26,
 * finding 2; docs/disclosure-control.md "A region added since"): October with Hovedstaden and
 * Nordjylland only, November with Sjælland too, December with one Nordjylland patient of May 2025
 * removed from the registry. Until 6 December 2026 the region added in November switched the
 * whole-country-only spread off for every later publication: December listed the whole country's
 * units only, and a removed patient's region, activation and year showed whenever that region's
 * printed counts fell (the listing differed with what the patient was). Now the spread is decided
 * per period: Sjælland explains the country's change of a month only where that change is exactly
 * Sjælland's referrals (now − October's print); a removed patient's month is not explained.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { registryAsOf } from '../support/registry-as-of.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/uptake/fixtures/hidden-parts';
const dir = tempDir();
const run = async (...args: string[]) => runCli('uptake', ...args);
/** The stderr of each run of beforeAll (English, --json), by the file it wrote: the English note's test reads it, not a run of its own. */
const stderrOf = new Map<string, string>();
const listing = (file: string) => (JSON.parse(readFileSync(join(dir, file), 'utf8')) as { previous: { changed: { periods: { region: string; period: string }[]; activationYears: { region: string; year: number }[]; addedRegions?: string[]; addedSince?: unknown } } }).previous.changed;

beforeAll(async () => {
  const registry = readFileSync(join(FIXTURE, 'registry.csv'), 'utf8');
  const plan = { ...JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>, publish: { months: true, clinics: false, equity: [] } };
  const [head, ...rows] = registryAsOf(registry, '2025-10-31').trim().split('\n');
  // October: the registry and the eligible file had no Sjælland yet.
  writeFileSync(join(dir, 'oct.csv'), `${[head, ...rows.filter((r) => r.split(',')[1] !== 'Sjælland')].join('\n')}\n`);
  writeFileSync(join(dir, 'nov.csv'), registryAsOf(registry, '2025-11-30'));
  // December: one Nordjylland patient of May 2025 removed — never activated (P01307) or activated in June (P01334).
  writeFileSync(join(dir, 'dec-never.csv'), registry.split('\n').filter((l) => !l.startsWith('P01307,')).join('\n'));
  writeFileSync(join(dir, 'dec-act.csv'), registry.split('\n').filter((l) => !l.startsWith('P01334,')).join('\n'));
  writeFileSync(join(dir, 'dec.csv'), registry);
  const eligible = readFileSync(join(FIXTURE, 'eligible.csv'), 'utf8');
  writeFileSync(join(dir, 'eligible-oct.csv'), eligible.split('\n').filter((l) => !l.startsWith('Sjælland,')).join('\n'));
  for (const d of ['2025-10-31', '2025-11-30', '2025-12-31']) writeFileSync(join(dir, `plan-${d}.json`), JSON.stringify({ ...plan, exportDate: d }));
  const ok = async (args: string[], out: string) => {
    const r = await run(...args, '--json');
    expect(r.code, r.stderr).toBe(0);
    writeFileSync(join(dir, out), r.stdout);
    stderrOf.set(out, r.stderr);
  };
  await ok([join(dir, 'oct.csv'), '--eligible', join(dir, 'eligible-oct.csv'), '--plan', join(dir, 'plan-2025-10-31.json'), '--first-publication'], 'oct.json');
  await ok([join(dir, 'nov.csv'), '--eligible', join(FIXTURE, 'eligible.csv'), '--plan', join(dir, 'plan-2025-11-30.json'), '--previous', join(dir, 'oct.json')], 'nov.json');
  for (const v of ['never', 'act', 'none']) {
    await ok([join(dir, v === 'none' ? 'dec.csv' : `dec-${v}.csv`), '--eligible', join(FIXTURE, 'eligible.csv'), '--plan', join(dir, 'plan-2025-12-31.json'), '--previous', join(dir, 'nov.json')], `dec-${v}.json`);
  }
}, 120_000);

describe('the whole-country-only spread in a chain that once added a region', () => {
  it('November records since when Sjælland was absent (previous.changed.addedSince)', () => {
    expect(listing('nov.json').addedRegions).toEqual(['Sjælland']);
    expect(listing('nov.json').addedSince).toEqual([{ region: 'Sjælland', since: '2025-10-31' }]);
  });

  it('December, a removed Nordjylland patient: every region listed alike, the same listing whether activated or not', async () => {
    const never = listing('dec-never.json');
    const act = listing('dec-act.json');
    expect(act).toEqual(never);
    // Nordjylland is named only beside every other region: its whole export and activation years
    // from 2025 on — or no region at all, as since the insider rule (docs/disclosure-control.md
    // "Insiders") every region's whole-export count is hidden here (with three regions, one hidden
    // beside another would be recovered by the third), and only the country's cells are listed.
    // Never Nordjylland, or any one region, alone.
    expect(never.periods).toContainEqual({ region: 'national', period: 'all' });
    expect(never.activationYears).toContainEqual({ region: 'national', year: 2025 });
    const regions = ['Hovedstaden', 'Sjælland', 'Nordjylland'];
    expect([0, regions.length]).toContain(regions.filter((region) => never.periods.some((p) => p.region === region && p.period === 'all')).length);
    expect([0, regions.length]).toContain(regions.filter((region) => never.activationYears.some((y) => y.region === region && y.year === 2025)).length);
    // No region's activation year 2024 alone (the patients were referred in 2025).
    expect(never.activationYears.filter((y) => y.region !== 'national' && y.year === 2024)).toEqual([]);
    // The stderr note (with --json; the text output prints it on stdout) says it in the same words
    // for both: English, the stderr of beforeAll's runs. The note is the listing in words, so the
    // Danish one is read for one variant (a run with --lang da), the listings being equal above.
    const note = (stderr: string) => stderr.split('\n').find((l) => /Changed since|Ændret siden/.test(l));
    const en = note(stderrOf.get('dec-never.json')!);
    expect(note(stderrOf.get('dec-act.json')!)).toEqual(en);
    const da = note((await run(join(dir, 'dec-never.csv'), '--eligible', join(FIXTURE, 'eligible.csv'), '--plan', join(dir, 'plan-2025-12-31.json'), '--previous', join(dir, 'nov.json'), '--json', '--lang', 'da')).stderr);
    for (const n of [en, da]) {
      expect(n).toBeDefined();
      // Nordjylland named only with Hovedstaden (every region), never alone.
      expect(/Nordjylland/.test(n!)).toBe(/Hovedstaden/.test(n!));
    }
  }, 120_000);

  it('December, nothing removed: the months Sjælland explains are not spread (no region\'s whole export listed)', () => {
    const none = listing('dec-none.json');
    expect(none.periods.filter((p) => p.region !== 'national')).toEqual([]);
    expect(none.activationYears.filter((y) => y.region !== 'national')).toEqual([]);
  });
});
