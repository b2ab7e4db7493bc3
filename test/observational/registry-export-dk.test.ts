/**
 * A region's registry outcome export (test/fixtures/exports/registry-outcomes-dk/,
 * docs/observational.md): the bundled synthetic registry as a Danish system writes it — BOM, `;`,
 * CRLF, Danish column names, `Ja`/`Nej` exposure and a `Ja`/`Nej` work outcome, empty cells for
 * missing age and follow-up, referrers in Danish. The reference is the bundled canonical file:
 * the same patients must give the same RMDQ and pain estimates.
 */
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/registry-outcomes-dk';

interface Effect { method: string; difference: number; se: number }
interface Analysis { outcome: string; time: string; error?: string; effects: Effect[] }

async function analyses(file: string, plan: string, code = 0): Promise<Analysis[]> {
  const r = await runCli('analyze', file, '--plan', plan, '--json');
  expect(r.code, r.stderr).toBe(code);
  return (JSON.parse(r.stdout) as { analyses: Analysis[] }).analyses;
}

describe('a Danish regional registry outcome export', () => {
  it('gives the bundled registry\'s RMDQ and pain estimates, and analyses the Ja/Nej outcome', async () => {
    const [dk, bundled] = await Promise.all([
      analyses(`${DIR}/registry.csv`, `${DIR}/plan.json`),
      analyses('data/synthetic/registry-outcomes.csv', 'data/plans/registry-outcomes.plan.json'),
    ]);
    for (const outcome of ['rmdq', 'pain']) {
      const mine = dk.find((a) => a.outcome === outcome)!.effects;
      const ref = bundled.find((a) => a.outcome === outcome && a.time === '3m')!.effects;
      expect(mine.map((e) => e.method)).toEqual(ref.map((e) => e.method));
      mine.forEach((e, i) => {
        expect(e.difference).toBeCloseTo(ref[i]!.difference, 10);
        expect(e.se).toBeCloseTo(ref[i]!.se, 10);
      });
    }
    const work = dk.find((a) => a.outcome === 'arbejde')!;
    expect(work.error).toBeUndefined();
    expect(work.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
  });

  it('a numeric confounder with one value for everybody is said to be constant, not taken for separation', async () => {
    const rows = await analyses(`${DIR}/registry.csv`, `${DIR}/plan-constant.json`, 1);
    expect(rows.map((a) => a.error)).toEqual(rows.map(() => 'the propensity model is singular: a confounder is constant or collinear with others'));
  });
});
