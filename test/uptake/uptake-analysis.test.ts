import { describe, expect, it } from 'vitest';
import { fileURLToPath } from 'node:url';
import { analyseUptake } from '../../src/uptake/uptake-analysis.js';
import { loadUptakePlanFile, parseUptakePlan, uptakePlanJsonSchema } from '../../src/uptake/uptake-plan.js';
import { tempDir } from '../support/run-cli.js';

const fx = (name: string) => fileURLToPath(new URL(`./fixtures/${name}`, import.meta.url));
const planFile = fileURLToPath(new URL('../../data/plans/uptake.plan.json', import.meta.url));

describe('analyseUptake on the hand-computed registry', () => {
  it('with threshold 5 every patient count of this 8-row registry is hidden, and no id appears', async () => {
    const plan = loadUptakePlanFile(planFile);
    const a = await analyseUptake({ registryFile: fx('registry-small.csv'), eligibleFile: fx('eligible-small.csv'), plan });
    const json = JSON.stringify(a);
    expect(json).not.toMatch(/"(referrals|activations|atRisk4w|retained4w|atRisk12w|retained12w)":[1-4][,}]/);
    expect(json).not.toMatch(/P0\d/);
    const nat = a.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    // 2 not activated (8 − 6) is sensitive; every count of the country is moved by the protecting
    // perturbation (the regions under it are all small), so all are hidden.
    expect(nat.referrals).toBe('suppressed');
    expect(nat.activations).toBe('suppressed');
    expect(a.rows).toBe('suppressed');
    expect(nat.activationRate).toBe('suppressed');
    expect(a.funnel.overallRate).toBe('suppressed');
    expect(a.budget.observed.find((o) => o.region === 'Hovedstaden')!.cost).toBe('suppressed');
    expect(a.budget.projection.length).toBe(3 * 3 * 6);
  });

  it('with threshold 1 the numbers are the unsuppressed ones', async () => {
    const plan = parseUptakePlan({ ...loadUptakePlanFile(planFile), suppression: { threshold: 1, acknowledgeLowThreshold: true } });
    const a = await analyseUptake({ registryFile: fx('registry-small.csv'), eligibleFile: fx('eligible-small.csv'), plan });
    const nat = a.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    expect([nat.referrals, nat.activations, nat.activationRate, nat.medianDaysToActivation]).toEqual([8, 6, 0.75, 7.5]);
    expect(a.funnel.overallRate).toBe(0.75);
    expect(a.funnel.rows.map((r) => r.clinic)).toEqual(['H001', 'H002', 'M001', 'S001']);
    // All-units, national volume 6 in 2024 → band 1 (1,500 DKK).
    expect(a.budget.observed.find((o) => o.region === 'national')!.cost).toBe(9000);
  });
});

describe('uptake plan JSON Schema', () => {
  it('is generated from the zod schema', () => {
    const schema = uptakePlanJsonSchema() as { properties: Record<string, unknown>; required: string[] };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(['priceModel', 'scenarios', 'firstYear', 'suppression']));
    expect(schema.required).toEqual(expect.arrayContaining(['priceModel', 'scenarios', 'firstYear']));
  });
});

describe('funnel verdicts are suppressed with the counts they rest on', () => {
  it('a clinic with hidden counts has no visible outside flag and is not listed as an outlier', async () => {
    const { simulateRegistry, simulateEligible } = await import('../../src/simulate/registry.js');
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const dir = tempDir();
    // A small registry: many clinics have fewer than 5 referrals.
    writeFileSync(join(dir, 'r.csv'), simulateRegistry({ rows: 400, seed: 3 }));
    writeFileSync(join(dir, 'e.csv'), simulateEligible({ seed: 3 }));
    // Clinics and totals only: the monthly series and equity breakdowns, whose suppression is most
    // of the seconds an analysis of this registry takes, are not what this is about.
    const plan = parseUptakePlan({ ...loadUptakePlanFile(planFile), publish: { months: false, equity: [] } });
    const a = await analyseUptake({ registryFile: join(dir, 'r.csv'), eligibleFile: join(dir, 'e.csv'), plan });
    const hidden = a.funnel.rows.filter((c) => typeof c.rate !== 'number');
    expect(hidden.length).toBeGreaterThan(0);
    for (const c of hidden) {
      expect(c.outside95).toBe('suppressed');
      expect(c.outside998).toBe('suppressed');
      expect(a.funnel.outside95).not.toContain(c.clinic);
      expect(a.funnel.outside998).not.toContain(c.clinic);
    }
  });
});
