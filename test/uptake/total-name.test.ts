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
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { uptakeConclusion } from '../../src/report/uptake-conclusion.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { totalNameNote } from '../../src/uptake/total-name-check.js';

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

  // The units a totalName sums are a region's municipalities (or other areas), not regions, and
  // the total is not the whole country: the page's notes and conclusion say neither (found in review).
  it('the page\'s cost note and conclusion name the total and call the units areas, not regions or the whole country', async () => {
    const a = await analyseUptake({ registryFile: 'test/uptake/fixtures/registry-small.csv', eligibleFile: 'test/uptake/fixtures/eligible-small.csv', plan: uptakePlanSchema.parse({ ...plan, totalName: 'Region Sjælland', priceModel: { ...(plan.priceModel as object), volumeScope: 'region' } }) });
    // A total's count printed beside its hidden average price: the note on why is shown.
    const observed = a.budget.observed.map((o) => (o.region === 'national' ? { ...o, activations: 40, averagePrice: 'suppressed' as const } : o));
    for (const [lang, whole, regions] of [['en', /whole country/, /regions|region's/], ['da', /hele landet/, /regioner|regions /]] as const) {
      const tables = uptakeTables({ ...a, budget: { ...a.budget, observed } }, lang);
      const notes = tables.observed.intro ?? [];
      const note = notes.find((n) => n.includes('Region Sjælland'))!;
      expect(note, notes.join('\n')).toBeDefined();
      expect(note).not.toMatch(whole);
      expect(note).not.toMatch(regions);
      // Every unit's activation rate shown: the conclusion gives their range.
      const rows = tables.activation.table!.rows.map((r, i) => [...r.slice(0, 3), lang === 'en' ? `${60 + i}.0 (50.0–70.0)` : `${60 + i},0 (50,0–70,0)`, ...r.slice(4)]);
      const text = uptakeConclusion({ ...tables, activation: { ...tables.activation, table: { ...tables.activation.table!, rows } } }, 'DKK', lang);
      expect(text).toMatch(lang === 'en' ? /across the \S+ areas, from 60\.0% in/ : /i de \S+ områder, fra 60,0 % i/);
      expect(text).not.toMatch(regions);
    }
  });

  it('set on an eligible file of several Danish regions, is said on stderr: it would relabel their total', async () => {
    const run = await runUptake({ registryFile: 'test/uptake/fixtures/registry-small.csv', eligibleFile: 'test/uptake/fixtures/eligible-small.csv', plan: uptakePlanSchema.parse({ ...plan, totalName: 'Region Sjælland' }) });
    expect(run.notes.find((n) => n.includes('totalName'))).toBe('the plan\'s "totalName" ("Region Sjælland") names the total, but the units of test/uptake/fixtures/eligible-small.csv are 5 Danish regions (Hovedstaden, Midtjylland, Syddanmark, Sjælland, Nordjylland): their total is the whole country, printed as "Total (Region Sjælland)". totalName is for a file whose units are one region\'s municipalities; leave it out of the plan otherwise (docs/plan-uptake.md "Regions and the total")');
    // A region's municipalities, one region, or no totalName: nothing said.
    expect(totalNameNote('Region Sjælland', ['Greve', 'Køge', 'Solrød'], 'e.csv')).toBeUndefined();
    expect(totalNameNote('Region Sjælland', ['Sjælland'], 'e.csv')).toBeUndefined();
    expect(totalNameNote(undefined, ['Hovedstaden', 'Sjælland'], 'e.csv')).toBeUndefined();
  });
});
