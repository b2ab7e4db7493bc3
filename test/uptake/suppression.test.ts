import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SUPPRESSED, suppressCells, suppressUptakeOutputs, uptakeCellsAndLines, uptakeSuppressionMask, type SuppressionLine,
} from '../../src/uptake/suppression.js';
import { simulateRegistry } from '../../src/simulate/registry.js';
import { aggregateRegistryStream } from '../../src/uptake/read-registry.js';
import { clinicFunnel } from '../../src/uptake/clinic-funnel.js';
import { uptakePerEligible } from '../../src/uptake/uptake-per-eligible.js';
import { budgetImpact } from '../../src/uptake/budget-impact.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';

/** A rows × cols table with row totals, column totals and the grand total, as cells + lines. */
function tableCells(t: number[][]): { cells: Map<string, number>; lines: SuppressionLine[] } {
  const cells = new Map<string, number>();
  const lines: SuppressionLine[] = [];
  const R = t.length, C = t[0]!.length;
  let grand = 0;
  for (let i = 0; i < R; i++) {
    let row = 0;
    for (let j = 0; j < C; j++) {
      cells.set(`${i},${j}`, t[i]![j]!);
      row += t[i]![j]!;
    }
    cells.set(`${i},T`, row);
    grand += row;
    lines.push({ total: `${i},T`, parts: Array.from({ length: C }, (_, j) => `${i},${j}`) });
  }
  for (let j = 0; j < C; j++) {
    cells.set(`T,${j}`, t.reduce((s, r) => s + r[j]!, 0));
    lines.push({ total: `T,${j}`, parts: Array.from({ length: R }, (_, i) => `${i},${j}`) });
  }
  cells.set('T,T', grand);
  lines.push({ total: 'T,T', parts: Array.from({ length: C }, (_, j) => `T,${j}`) });
  lines.push({ total: 'T,T', parts: Array.from({ length: R }, (_, i) => `${i},T`) });
  return { cells, lines };
}

function assertProtected(cells: ReadonlyMap<string, number>, lines: readonly SuppressionLine[], hidden: (k: string) => boolean, threshold: number) {
  for (const [k, v] of cells) if (v < threshold) expect(hidden(k), `${k} = ${v} is visible`).toBe(true);
  for (const l of lines) {
    const n = [l.total, ...l.parts].filter(hidden).length;
    expect(n, `line ${l.total} = ${l.parts.join(' + ')} has exactly one hidden cell`).not.toBe(1);
  }
}

describe('suppressCells on a table with margins', () => {
  it('hand-worked: one small cell pulls in the smallest complements', () => {
    //        c1  c2  c3 | T
    //  r1     2  10  20 | 32
    //  r2     8  12  30 | 50
    //  T     10  22  50 | 82
    const { cells, lines } = tableCells([[2, 10, 20], [8, 12, 30]]);
    const m = suppressCells(cells, lines, 5);
    expect([...m.primary]).toEqual(['0,0']);
    expect([...m.secondary].sort()).toEqual(['0,1', '1,0', '1,1']);
  });

  it('a small total is hidden and protected too', () => {
    const { cells, lines } = tableCells([[1, 2], [20, 30]]);
    const m = suppressCells(cells, lines, 5);
    const hidden = (k: string) => m.primary.has(k) || m.secondary.has(k);
    expect(hidden('0,T')).toBe(true); // row total 3
    assertProtected(cells, lines, hidden, 5);
  });

  it('property: no count below the threshold is visible and no hidden cell is one subtraction from a total', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }).chain((R) =>
          fc.integer({ min: 1, max: 6 }).chain((C) =>
            fc.array(fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 60 })), { minLength: C, maxLength: C }), { minLength: R, maxLength: R }),
          ),
        ),
        fc.integer({ min: 1, max: 10 }),
        (table, threshold) => {
          const { cells, lines } = tableCells(table);
          const m = suppressCells(cells, lines, threshold);
          assertProtected(cells, lines, (k) => m.primary.has(k) || m.secondary.has(k), threshold);
        },
      ),
      { numRuns: 300 },
    );
  });
});

async function outputsFor(rows: number, seed: number) {
  const csv = simulateRegistry({ rows, seed });
  const agg = await aggregateRegistryStream(Readable.from([csv]), 'sim.csv', ',');
  const eligible = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'].flatMap((region, i) =>
    [2024, 2025].map((year) => ({ region: region as 'Hovedstaden', year, eligible: 1000 + 300 * i })),
  );
  const plan = parseUptakePlan({
    priceModel: { mode: 'marginal', tiers: [{ upTo: 50, price: 1000 }, { upTo: null, price: 700 }] },
    scenarios: { low: [0.01], base: [0.02], high: [0.03] },
    firstYear: 2024,
  });
  const out = {
    metrics: agg.metrics,
    uptake: uptakePerEligible(agg.activationsByYear, eligible),
    clinics: clinicFunnel(agg.clinics).rows,
    observed: budgetImpact({ plan, activationsByYear: agg.activationsByYear, eligible, exportDate: agg.exportDate }).observed,
  };
  return { csv, out };
}

const COUNT_FIELDS = ['referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w'] as const;

describe('suppressUptakeOutputs on simulated registries', () => {
  it('property: no visible count below 5, lines protected, derived values hidden with their counts, no ids', async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 10, max: 400 }), fc.integer({ min: 0, max: 2 ** 31 - 1 }), async (rows, seed) => {
        const { csv, out } = await outputsFor(rows, seed);
        const s = suppressUptakeOutputs(out, 5);
        const isShown = (v: unknown): v is number => typeof v === 'number';
        for (const r of s.metrics) {
          for (const f of COUNT_FIELDS) if (isShown(r[f])) expect(r[f]).toBeGreaterThanOrEqual(5);
          if (!isShown(r.referrals) || !isShown(r.activations)) expect([SUPPRESSED, null]).toContain(r.activationRate);
          if (!isShown(r.activations)) expect([SUPPRESSED, null]).toContain(r.medianDaysToActivation);
          if (isShown(r.referrals) && isShown(r.activations)) expect(r.referrals - r.activations === 0 || r.referrals - r.activations >= 5).toBe(true);
          if (!isShown(r.atRisk12w) || !isShown(r.retained12w)) expect([SUPPRESSED, null]).toContain(r.retention12w);
        }
        for (const c of s.clinics) {
          for (const f of ['referrals', 'activations'] as const) if (isShown(c[f])) expect(c[f]).toBeGreaterThanOrEqual(5);
          if (!isShown(c.referrals)) expect(c.lower95).toBe(SUPPRESSED);
        }
        for (const u of s.uptake) if (isShown(u.activations)) expect(u.activations).toBeGreaterThanOrEqual(5);
        for (const o of s.observed) if (!isShown(o.activations)) expect(o.cost).toBe(SUPPRESSED);

        const { cells, lines } = uptakeCellsAndLines(out);
        const mask = uptakeSuppressionMask(out, 5);
        assertProtected(cells, lines, (k) => mask.primary.has(k) || mask.secondary.has(k), 5);

        const json = JSON.stringify(s);
        const firstId = csv.split('\n')[1]!.split(',')[0]!;
        expect(json.includes(firstId)).toBe(false);
      }),
      { numRuns: 25 },
    );
  });

  it('a region × month table: hidden months cannot be recovered from the region-year total', async () => {
    const { out } = await outputsFor(150, 7);
    const s = suppressUptakeOutputs(out, 5);
    const months = s.metrics.filter((r) => r.region === 'Nordjylland' && r.periodType === 'month' && r.period.startsWith('2024') && r.dimension === 'all');
    const hiddenMonths = months.filter((r) => typeof r.referrals !== 'number');
    expect(hiddenMonths.length === 0 || hiddenMonths.length >= 2).toBe(true);
    expect(JSON.stringify(s)).not.toMatch(/"referrals":[0-4],/);
  });
});
