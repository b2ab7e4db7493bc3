/**
 * The plan's `totalName` (docs/plan-uptake.md "Regions and the total"): what the outputs call the
 * total when the units are one region's municipalities. Carried into the published JSON (which
 * its schema reads), and a name that is no plain name is refused with what is expected.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseUptake } from '../../src/uptake/uptake-analysis.js';
import { uptakePlanSchema } from '../../src/uptake/uptake-plan.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';

const plan = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;

describe('the plan\'s totalName', () => {
  it('is published as totalName and read back by the results schema', async () => {
    const a = await analyseUptake({ registryFile: 'test/uptake/fixtures/registry-small.csv', eligibleFile: 'test/uptake/fixtures/eligible-small.csv', plan: uptakePlanSchema.parse({ ...plan, totalName: 'Region Sjælland' }) });
    expect(a.totalName).toBe('Region Sjælland');
    expect(uptakeResultsSchema.parse(JSON.parse(JSON.stringify(a))).totalName).toBe('Region Sjælland');
    const without = await analyseUptake({ registryFile: 'test/uptake/fixtures/registry-small.csv', eligibleFile: 'test/uptake/fixtures/eligible-small.csv', plan: uptakePlanSchema.parse(plan) });
    expect('totalName' in without).toBe(false);
  });

  it('refuses a formula-like or overlong name, saying what a name may hold', () => {
    for (const bad of ['=HYPERLINK(1)', '', ' Region', 'R'.repeat(81)]) {
      const r = uptakePlanSchema.safeParse({ ...plan, totalName: bad });
      expect(r.success, bad).toBe(false);
      expect(r.error!.issues[0]!.message).toMatch(/at most 80 letters, digits, spaces/);
    }
    expect(uptakePlanSchema.safeParse({ ...plan, totalName: 'Region Sjælland (kommuner)' }).success).toBe(true);
  });
});
