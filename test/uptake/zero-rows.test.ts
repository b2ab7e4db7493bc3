/**
 * With zeros sensitive, every row a region could have is printed (docs/disclosure-control.md
 * "Primary rule"). Found by an attacker on a 103-row registry: publishing sex and age bands,
 * Nordjylland (3 patients) had only the rows "45-59" and "female", both suppressed — all its
 * patients women of 45–59, from the rows that were absent; with months, its present months gave
 * its months without referrals; the audit passed. And an eligible region with no referrals had
 * no rows at all while its uptake row was printed, which left its hidden zero nothing to move:
 * "internal error: … no perturbation found (infeasible)" and a stack trace.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { absentRows } from '../../src/uptake/disclosure/absent-rows.js';
import { analyseUptake, type UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { loadUptakePlanFile } from '../../src/uptake/uptake-plan.js';
import { fixedLevels } from '../../src/uptake/referral.js';

const SMALL = 'test/uptake/fixtures/small-three-regions';
const analyse = (dir: string, plan: string, eligible = 'eligible.csv') =>
  analyseUptake({ registryFile: join(dir, 'registry.csv'), eligibleFile: join(dir, eligible), plan: loadUptakePlanFile(join(dir, plan)) });
const keys = (a: UptakeAnalysis, region: string) => a.metrics.filter((m) => m.region === region).map((m) => `${m.period} ${m.dimension}=${m.level}`);

describe('rows of no patients, zeros sensitive', () => {
  it('every region of the eligible file has every age band, sex and month the country has, up to the export date\'s month, each suppressed where hidden', async () => {
    const a = await analyse(SMALL, 'zeros.plan.json', 'eligible-5-regions.csv');
    const national = keys(a, 'national');
    expect(national).toContain('all ageBand=<18');
    expect(national.filter((k) => /^\d{4}-/.test(k))).toEqual(Array.from({ length: 12 }, (_, i) => `2025-${String(i + 1).padStart(2, '0')} all=all`));
    // Syddanmark is in the eligible file only.
    for (const region of ['Hovedstaden', 'Midtjylland', 'Nordjylland', 'Syddanmark']) expect(keys(a, region)).toEqual(national);
    expect(a.metrics.filter((m) => m.region === 'Nordjylland').every((m) => m.referrals === 'suppressed')).toBe(true);
    expect(absentRows(a as never, true)).toEqual([]);
    // Another cut of the same extract made knowing this one models its rows of no patients too:
    // without them Midtjylland's and Nordjylland's hidden 75+ rows were missing from the model,
    // which pinned the country's 75+ to Hovedstaden's and left a small count no room (exit 1).
    const other = await analyseUptake({ registryFile: join(SMALL, 'registry.csv'), eligibleFile: join(SMALL, 'eligible.csv'), plan: loadUptakePlanFile(join(SMALL, 'zeros-months.plan.json')), previousRead: [{ file: 'first.json', json: JSON.parse(JSON.stringify(a)) }] });
    expect(other.metrics.some((m) => m.periodType === 'month')).toBe(true);
  }, 60_000);

  it('levels of a fixed list that no patient has (sex unknown, age unknown) are printed too, hidden: a reader of the docs knows the list', async () => {
    // No patient of the registry has sex "unknown", nor an unknown age: until 5 December 2026
    // those rows were absent, a 0 for everybody to anyone who knows the levels.
    const a = await analyse(SMALL, 'zeros.plan.json');
    for (const region of ['national', 'Hovedstaden', 'Nordjylland']) {
      const rows = a.metrics.filter((m) => m.region === region && m.period === 'all');
      expect(rows.filter((m) => m.dimension === 'sex').map((m) => m.level).sort()).toEqual(['female', 'male', 'unknown']);
      expect(rows.find((m) => m.dimension === 'sex' && m.level === 'unknown')!.referrals).toBe('suppressed');
      expect(rows.find((m) => m.dimension === 'ageBand' && m.level === 'unknown')!.referrals).toBe('suppressed');
    }
    // The standard age bands, "unknown" (no missing age here) among them, in every scope.
    expect(a.metrics.filter((m) => m.region === 'Midtjylland' && m.period === 'all' && m.dimension === 'ageBand').map((m) => m.level)).toEqual(['<18', '18-29', '30-44', '45-59', '60-74', '75+', 'unknown']);
    expect(absentRows(a as never, true)).toEqual([]);
  }, 60_000);

  it('the export\'s own age bands are not a fixed list: none is added', () => {
    expect(fixedLevels('ageBand', new Set(['20-29', '30-39', 'unknown']))).toEqual([]);
    expect(fixedLevels('ageBand', new Set(['45-59']))).toContain('<18');
  });

  it('an eligible region without referrals, zeros sensitive: its rows, hidden, and no crash', async () => {
    const a = await analyse('test/uptake/fixtures/eligible-without-referrals', 'uptake.plan.json');
    expect(keys(a, 'Sjælland')).toEqual(keys(a, 'Hovedstaden'));
    expect(a.metrics.find((m) => m.region === 'Sjælland')!.referrals).toBe('suppressed');
  }, 60_000);

  it('the audit names the rows a file lacks, and none when zeros are shown', () => {
    const row = (region: string, period: string, level = 'all', dimension = 'all') => ({ region, period, dimension, level });
    const pub = {
      exportDate: '2025-03-31',
      metrics: [row('A', 'all'), row('A', '2025-01'), row('A', '2025-02'), row('A', 'all', 'female', 'sex'), row('B', 'all'), row('B', '2025-02'), row('national', 'all'), row('national', '2025-01'), row('national', '2025-02'), row('national', 'all', 'female', 'sex')],
      uptake: [{ region: 'C', year: 2025 }],
    };
    // Sex has a fixed list (female, male, unknown): its levels no scope printed are absent too.
    const sexes = (scope: string) => ['female', 'male', 'unknown'].filter((l) => l !== 'female' || scope === 'B' || scope === 'C').map((l) => `${scope} · all · sex=${l}`);
    expect(absentRows(pub, true)).toEqual([
      'A · 2025-03 · all=all', ...sexes('A'), 'B · 2025-01 · all=all', 'B · 2025-03 · all=all', ...sexes('B'),
      'C · 2025-01 · all=all', 'C · 2025-02 · all=all', 'C · 2025-03 · all=all', 'C · all · all=all', ...sexes('C'),
      'national · 2025-03 · all=all', ...sexes('national'),
    ]);
    expect(absentRows(pub, false)).toEqual([]);
  });

  it('the audit counts a standard age band no scope prints (<18 with exact ages, nobody under 18): its absence read as 0', () => {
    // Found by an attacker on 4 December 2026 (planB, exact ages, nobody under 18): "<18" was in no
    // scope. zero-rows.ts now prints it; the audit of a file without it must say so.
    const bands = ['18-29', '30-44', '45-59', '60-74', '75+', 'unknown'];
    const pub = {
      exportDate: '2025-12-31',
      metrics: ['A', 'national'].flatMap((region) => [{ region, period: 'all', dimension: 'all', level: 'all' }, ...bands.map((level) => ({ region, period: 'all', dimension: 'ageBand', level }))]),
      uptake: [],
    };
    expect(absentRows(pub, true)).toEqual(['A · all · ageBand=<18', 'national · all · ageBand=<18']);
  });
});
