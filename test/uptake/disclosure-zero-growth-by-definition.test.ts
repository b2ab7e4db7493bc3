/**
 * A growth that is 0 by definition is not a disclosure (docs/disclosure-control.md "Audit"): the
 * cohort of November 2025 has nobody at risk at 12 weeks on 30 November nor on 31 December, and
 * with zeros sensitive the audit of a monthly chain reported each of those growths as "pinned"
 * at 0 … 0 — every zeros-sensitive chain failed its audit (review of session 27, finding 4;
 * fixture test/uptake/fixtures/monthly-chain-zeros, made by hta itself).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/monthly-chain-zeros';

describe('a zeros-sensitive monthly chain whose newest cohort has nobody at risk at 12 weeks yet', () => {
  it('the fixture is what the test needs: November\'s cohort printed 0 at risk at 12 weeks in both files', () => {
    for (const f of ['nov.json', 'dec.json']) {
      const pub = JSON.parse(readFileSync(join(FIX, f), 'utf8')) as { suppression: { zerosSensitive: boolean }; metrics: Record<string, unknown>[] };
      expect(pub.suppression.zerosSensitive).toBe(true);
      const nov = pub.metrics.filter((m) => m.period === '2025-11' && m.dimension === 'all');
      expect(nov.map((m) => m.region).sort()).toEqual(['Hovedstaden', 'Nordjylland', 'Sjælland', 'national']);
      for (const m of nov) expect([m.atRisk12w, m.retained12w]).toEqual([0, 0]);
    }
  });

  it('the audit of the December file against November\'s reports no growth 0 … 0 of them, and passes', async () => {
    const audit = await runCli('uptake', '--audit', '--published', join(FIX, 'dec.json'), '--previous', join(FIX, 'nov.json'), '--json');
    const report = JSON.parse(audit.stdout) as { audit: { narrow: unknown[]; disclosedDifferences: { cell: string }[] } };
    expect(report.audit.disclosedDifferences.map((d) => d.cell).filter((c) => /12w · \S+ · 2025-11 /.test(c))).toEqual([]);
    expect(report.audit.disclosedDifferences).toEqual([]);
    expect(report.audit.narrow).toEqual([]);
    expect(audit.code).toBe(0);
  }, 120_000);
});
