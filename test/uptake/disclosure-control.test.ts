import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { MetricRow } from '../../src/uptake/aggregate.js';
import { SUPPRESSED, suppressUptakeOutputs, type UptakeOutputs } from '../../src/uptake/suppression.js';
import { buildCellModel, metricCellKey } from '../../src/uptake/disclosure/cell-model.js';
import { isSensitive } from '../../src/uptake/disclosure/disclosure-rule.js';
import { suppressionPattern } from '../../src/uptake/disclosure/secondary-suppression.js';
import { certificateProblems } from '../../src/uptake/disclosure/suppression-certificate.js';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { loadUptakePlanFile, lowThresholdWarning, parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { runUptake } from '../../src/uptake/uptake-analysis.js';
import { uptakeAudit } from '../../src/cli/uptake.js';
import { tempDir } from '../support/run-cli.js';

const RULE = { threshold: 5, protectionLevel: 5, zerosSensitive: false };
const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

/** A metric row with counts given and rates computed (CIs left empty: not needed here). */
function row(region: string, period: string, c: Partial<Record<'referrals' | 'activations' | 'atRisk4w' | 'retained4w' | 'atRisk12w' | 'retained12w', number>>): MetricRow {
  const referrals = c.referrals ?? 0, activations = c.activations ?? 0;
  const atRisk4w = c.atRisk4w ?? 0, retained4w = c.retained4w ?? 0, atRisk12w = c.atRisk12w ?? 0, retained12w = c.retained12w ?? 0;
  const rate = (x: number, n: number) => (n > 0 ? x / n : null);
  return {
    region: region as MetricRow['region'], period, periodType: period === 'all' ? 'all' : period.length === 4 ? 'year' : 'month', dimension: 'all', level: 'all',
    referrals, activations, activationRate: rate(activations, referrals), activationCiLower: null, activationCiUpper: null,
    medianDaysToActivation: activations > 0 ? 3 : null,
    atRisk4w, retained4w, retention4w: rate(retained4w, atRisk4w), retention4wCiLower: null, retention4wCiUpper: null,
    atRisk12w, retained12w, retention12w: rate(retained12w, atRisk12w), retention12wCiLower: null, retention12wCiUpper: null,
  };
}

/** What the attacker sees: the masked outputs as they would be printed. */
function published(out: UptakeOutputs, masked: ReturnType<typeof suppressUptakeOutputs>, exportDate = '2025-12-31'): PublishedUptake {
  const national = masked.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all');
  return JSON.parse(JSON.stringify({
    exportDate, rows: national?.referrals ?? null, metrics: masked.metrics, uptake: masked.uptake,
    funnel: { rows: masked.clinics }, budget: { observed: masked.observed },
  })) as PublishedUptake;
}

/** Two regions × two years of referrals only (all activations 0 except where given). */
function twoByTwo(a2024: number): UptakeOutputs {
  const cells: [string, string, number][] = [['A', '2024', a2024], ['A', '2025', 40], ['B', '2024', 30], ['B', '2025', 50]];
  const metrics: MetricRow[] = [];
  const sum = (f: (c: [string, string, number]) => boolean) => cells.filter(f).reduce((s, c) => s + c[2], 0);
  for (const [r, y, n] of cells) metrics.push(row(r, y, { referrals: n }));
  for (const r of ['A', 'B']) metrics.push(row(r, 'all', { referrals: sum((c) => c[0] === r) }));
  for (const y of ['2024', '2025']) metrics.push(row('national', y, { referrals: sum((c) => c[1] === y) }));
  metrics.push(row('national', 'all', { referrals: sum(() => true) }));
  return { metrics, exportDate: '2025-12-31' };
}

describe('the audit is an independent attacker', () => {
  it('finds the differencing attack on a hand-built table when secondary suppression is off, and nothing when it is on', () => {
    const out = twoByTwo(2);
    const primaryOnly = suppressUptakeOutputs(out, RULE, { secondary: false });
    expect(primaryOnly.metrics.find((m) => m.region === 'A' && m.period === '2024')!.referrals).toBe(SUPPRESSED);
    const attacked = auditPublishedUptake(published(out, primaryOnly), RULE);
    // A 2024 = A all (42) − A 2025 (40) = 2: pinned exactly.
    expect(attacked.narrow).toEqual([{ cell: 'referrals · A · 2024 · all=all', lower: 2, upper: 2 }]);
    // Referred − activated = 2 for that row is a count of patients too.
    expect(attacked.disclosedDifferences.map((d) => d.cell)).toContain('referrals − activations · A · 2024 · all=all');

    const protectedOut = suppressUptakeOutputs(out, RULE);
    const audit = auditPublishedUptake(published(out, protectedOut), RULE);
    // A 2 × 2 block of A and B (the cheapest cycle for an outside reader) is not enough: with two
    // regions, region B subtracts its own counts from the country's and has A's. The country's
    // years are hidden too (docs/disclosure-control.md "Insiders").
    expect(audit.suppressedCells).toBe(6);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
    for (const i of audit.intervals) expect(i.upper - i.lower).toBeGreaterThanOrEqual(5);
  });

  it('finds "activated − at risk at 12 weeks = 1" (the 1,586 / 1,585 pair) when both are printed', () => {
    const counts = { referrals: 2240, activations: 1586, atRisk4w: 1586, retained4w: 932, atRisk12w: 1585, retained12w: 530 };
    const metrics = [row('S', 'all', counts), row('national', 'all', counts)];
    const out = { metrics, exportDate: '2025-12-30' };
    const model = buildCellModel(out);
    const gap = model.cells[model.index.get(metricCellKey('notYetAtRisk12w', metrics[0]!))!]!;
    expect([gap.value, gap.published, isSensitive(gap, RULE)]).toEqual([1, false, true]);

    const naive = suppressUptakeOutputs(out, RULE, { secondary: false });
    expect(auditPublishedUptake(published(out, naive, '2025-12-30'), RULE).disclosedDifferences.map((d) => [d.cell, d.lower, d.upper]))
      .toContainEqual(['activations − atRisk12w · S · all · all=all', 1, 1]);
    const masked = suppressUptakeOutputs(out, RULE);
    const s = masked.metrics[0]!;
    expect(typeof s.activations === 'number' && typeof s.atRisk12w === 'number').toBe(false);
    expect(auditPublishedUptake(published(out, masked, '2025-12-30'), RULE).disclosedDifferences).toEqual([]);
  });
});

describe('the audit and structural zeros', () => {
  it('a 2-month export has nobody at risk at 12 weeks even in its year and "all" rows: no disclosure there, zeros sensitive or not', () => {
    const c = { referrals: 40, activations: 30, atRisk4w: 10, retained4w: 6, atRisk12w: 0, retained12w: 0 };
    const two = { referrals: 80, activations: 60, atRisk4w: 10, retained4w: 6, atRisk12w: 0, retained12w: 0 };
    const metrics = [row('S', '2025-11', c), row('S', '2025-12', { ...c, atRisk4w: 0, retained4w: 0 }), row('S', '2025', two), row('S', 'all', two)];
    const out = { metrics, exportDate: '2025-12-31' };
    const rule = { ...RULE, zerosSensitive: true };
    const audit = auditPublishedUptake(published(out, suppressUptakeOutputs(out, rule)), rule);
    expect(audit.disclosedDifferences).toEqual([]);
  });
});

describe('primary rule', () => {
  it('structural zeros (a cohort too recent to be at risk) are never sensitive and never trigger suppression, even with zerosSensitive', () => {
    // Export 2025-12-30: the December cohort began 29 days before, so nobody can be at risk at 12 weeks.
    const c = { referrals: 40, activations: 30, atRisk4w: 10, retained4w: 5, atRisk12w: 0, retained12w: 0 };
    const metrics = [row('S', '2025-12', c), row('S', '2025', c), row('S', 'all', c), row('national', '2025-12', c), row('national', '2025', c), row('national', 'all', c)];
    const out = { metrics, exportDate: '2025-12-30' };
    const model = buildCellModel(out);
    const at12 = model.cells[model.index.get(metricCellKey('atRisk12w', metrics[0]!))!]!;
    expect(at12.structural).toBe(true);
    const rule = { ...RULE, zerosSensitive: true };
    const masked = suppressUptakeOutputs(out, rule);
    for (const m of masked.metrics) expect([m.atRisk12w, m.retained12w, m.atRisk4w, m.referrals]).toEqual([0, 0, 10, 40]);
    expect(masked.summary.suppressedCells).toBe(0);
  });

  it('a region or year with no activations prints 0, not a suppression, when zeros are not sensitive', () => {
    const metrics = [row('E', 'all', { referrals: 12 }), row('F', 'all', { referrals: 30, activations: 20, atRisk4w: 20, atRisk12w: 20, retained4w: 10, retained12w: 5 })];
    metrics.push(row('national', 'all', { referrals: 42, activations: 20, atRisk4w: 20, atRisk12w: 20, retained4w: 10, retained12w: 5 }));
    const uptake = [{ region: 'E', year: 2024, activations: 0, eligible: 1000, per1000: 0, ciLower: 0, ciUpper: 3.8, method: 'wilson' as const }];
    const masked = suppressUptakeOutputs({ metrics, uptake: uptake as UptakeOutputs['uptake'], exportDate: '2025-12-31' }, RULE);
    const e = masked.metrics[0]!;
    expect([e.activations, e.atRisk4w, e.activationRate]).toEqual([0, 0, 0]);
    expect(masked.uptake[0]!.activations).toBe(0);
    expect(JSON.stringify(masked)).not.toContain('<5');
  });

  it('with zerosSensitive a hidden 0 and a hidden 3 look the same in every field, derived ones included', () => {
    const variant = (x: number) => {
      const metrics = [
        row('A', 'all', { referrals: 40, activations: x, atRisk4w: x, atRisk12w: x }),
        row('B', 'all', { referrals: 60, activations: 50, atRisk4w: 50, atRisk12w: 50, retained4w: 30, retained12w: 20 }),
        row('national', 'all', { referrals: 100, activations: 50 + x, atRisk4w: 50 + x, atRisk12w: 50 + x, retained4w: 30, retained12w: 20 }),
      ];
      const observed = [
        { region: 'A', year: 2024, activations: x, cost: 1500 * x, averagePrice: x > 0 ? 1500 : null, partialYear: false },
        { region: 'B', year: 2024, activations: 50, cost: 75000, averagePrice: 1500, partialYear: false },
        { region: 'national', year: 2024, activations: 50 + x, cost: 1500 * (50 + x), averagePrice: 1500, partialYear: false },
      ] as UptakeOutputs['observed'];
      return suppressUptakeOutputs({ metrics, observed, exportDate: '2025-12-31' }, { ...RULE, zerosSensitive: true });
    };
    const [zero, three] = [variant(0), variant(3)];
    const a0 = zero.metrics[0]!, a3 = three.metrics[0]!;
    for (const f of ['activations', 'activationRate', 'medianDaysToActivation', 'atRisk4w', 'retained4w', 'retention4w', 'retention12w', 'retention12wCiLower'] as const) {
      expect(a0[f], f).toBe(SUPPRESSED);
      expect(a3[f], f).toBe(SUPPRESSED);
    }
    expect([zero.observed[0]!.averagePrice, three.observed[0]!.averagePrice, zero.observed[0]!.cost]).toEqual([SUPPRESSED, SUPPRESSED, SUPPRESSED]);
  });

  it('a threshold below 3 is refused unless acknowledged, and then warned about', () => {
    const base = loadUptakePlanFile(root('data/plans/uptake.plan.json'));
    expect(() => parseUptakePlan({ ...base, suppression: { threshold: 1 } })).toThrow(/not a valid uptake plan/);
    try {
      parseUptakePlan({ ...base, suppression: { threshold: 2 } });
    } catch (e) {
      expect(JSON.stringify(e)).toContain('acknowledgeLowThreshold');
    }
    const ok = parseUptakePlan({ ...base, suppression: { threshold: 1, acknowledgeLowThreshold: true } });
    expect(lowThresholdWarning(ok)).toMatch(/warning: suppression threshold 1/);
    expect(lowThresholdWarning(base)).toBeNull();
  });
});

describe('the bundled registry, referrals before 2025-09-01', () => {
  it('no subtraction recovers a count, the 4-week column is shown, and the audit finds no narrow cell', async () => {
    const dir = tempDir();
    const lines = readFileSync(root('data/synthetic/registry.csv'), 'utf8').split('\n');
    writeFileSync(join(dir, 'early.csv'), [lines[0], ...lines.slice(1).filter((l) => l.split(',')[3]! < '2025-09-01')].join('\n'));
    const plan = loadUptakePlanFile(root('data/plans/uptake.plan.json'));
    const run = await runUptake({ registryFile: join(dir, 'early.csv'), eligibleFile: root('data/synthetic/eligible.csv'), plan });
    const a = run.analysis;
    for (const m of a.metrics) {
      if (typeof m.activations === 'number' && typeof m.atRisk12w === 'number') {
        const d = m.activations - m.atRisk12w;
        expect(d === 0 || d >= 5, `${m.region} ${m.period} ${m.level}: ${d}`).toBe(true);
      }
    }
    const nat = a.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    expect(typeof nat.atRisk4w).toBe('number');
    expect(typeof nat.retention4w).toBe('number');
    expect(a.suppression).toMatchObject({ threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(a.suppression.suppressedCells).toBeGreaterThan(0);
    const { audit, informationLoss } = await uptakeAudit(run);
    expect(audit.suppressedCells).toBe(a.suppression.suppressedCells);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
    expect(informationLoss.countShare).toBeGreaterThan(0);
    expect(informationLoss.countShare).toBeLessThan(0.1);
  });
});

describe('property: the audit never finds a suppressed cell narrower than the protection level', () => {
  it('random region × year tables (with month rows and retention) with many small and zero cells', () => {
    const count = fc.oneof(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 80 }));
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 4 }).chain((R) => fc.array(fc.array(count, { minLength: 3, maxLength: 3 }), { minLength: R, maxLength: R })),
        fc.integer({ min: 3, max: 6 }),
        fc.boolean(),
        (table, threshold, zerosSensitive) => {
          // Each region: referrals per month (3 months of 2025); every total is the sum of its parts.
          type C = { referrals: number; activations: number; atRisk4w: number; atRisk12w: number; retained4w: number; retained12w: number };
          const leaf = (n: number): C => {
            const act = Math.floor((2 * n) / 3);
            return { referrals: n, activations: act, atRisk4w: act, atRisk12w: act, retained4w: Math.floor(act / 2), retained12w: Math.floor(act / 3) };
          };
          const sum = (xs: C[]): C => xs.reduce((t, x) => ({
            referrals: t.referrals + x.referrals, activations: t.activations + x.activations, atRisk4w: t.atRisk4w + x.atRisk4w,
            atRisk12w: t.atRisk12w + x.atRisk12w, retained4w: t.retained4w + x.retained4w, retained12w: t.retained12w + x.retained12w,
          }), leaf(0));
          const metrics: MetricRow[] = [];
          const leaves = table.map((months) => months.map(leaf));
          leaves.forEach((months, i) => {
            months.forEach((c, m) => metrics.push(row(`R${i}`, `2025-0${m + 1}`, c)));
            metrics.push(row(`R${i}`, '2025', sum(months)), row(`R${i}`, 'all', sum(months)));
          });
          [0, 1, 2].forEach((m) => metrics.push(row('national', `2025-0${m + 1}`, sum(leaves.map((r) => r[m]!)))));
          metrics.push(row('national', '2025', sum(leaves.flat())), row('national', 'all', sum(leaves.flat())));
          const out = { metrics, exportDate: '2025-12-31' };
          const rule = { threshold, protectionLevel: threshold, zerosSensitive };
          const masked = suppressUptakeOutputs(out, rule);
          const audit = auditPublishedUptake(published(out, masked), rule);
          // The suppression's own proof holds too (suppression-certificate.ts).
          const model = buildCellModel(out);
          expect(certificateProblems(model, rule, suppressionPattern(model, rule))).toEqual([]);
          expect(audit.narrow).toEqual([]);
          expect(audit.disclosedDifferences).toEqual([]);
          expect(audit.suppressedCells).toBe(masked.summary.suppressedCells);
        },
      ),
      { numRuns: 15 },
    );
  });
});
