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
  }, 10_000);

  it('an eligible region without referrals, zeros sensitive: its rows, hidden, and no crash', async () => {
    const a = await analyse('test/uptake/fixtures/eligible-without-referrals', 'uptake.plan.json');
    expect(keys(a, 'Sjælland')).toEqual(keys(a, 'Hovedstaden'));
    expect(a.metrics.find((m) => m.region === 'Sjælland')!.referrals).toBe('suppressed');
  }, 10_000);

  it('the audit names the rows a file lacks, and none when zeros are shown', () => {
    const row = (region: string, period: string, level = 'all', dimension = 'all') => ({ region, period, dimension, level });
    const pub = {
      exportDate: '2025-03-31',
      metrics: [row('A', 'all'), row('A', '2025-01'), row('A', '2025-02'), row('A', 'all', 'female', 'sex'), row('B', 'all'), row('B', '2025-02'), row('national', 'all'), row('national', '2025-01'), row('national', '2025-02'), row('national', 'all', 'female', 'sex')],
      uptake: [{ region: 'C', year: 2025 }],
    };
    expect(absentRows(pub, true)).toEqual([
      'A · 2025-03 · all=all', 'B · 2025-01 · all=all', 'B · 2025-03 · all=all', 'B · all · sex=female',
      'C · 2025-01 · all=all', 'C · 2025-02 · all=all', 'C · 2025-03 · all=all', 'C · all · all=all', 'C · all · sex=female',
      'national · 2025-03 · all=all',
    ]);
    expect(absentRows(pub, false)).toEqual([]);
  });
});
