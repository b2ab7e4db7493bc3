// An uptake plan whose price bands are selected by each region's own volume ("volumeScope":
// "region") was read at the cost-effectiveness plan's national volume, giving the national-scope
// price without a word. No one national volume gives a price there: refused, with the way out.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

function withUptake(volumeScope: 'national' | 'region') {
  const f = ceaFixture({ planExtra: { interventionCost: { uptakePlan: 'uptake.plan.json', nationalVolume: 5000 } } });
  writeFileSync(join(f.dir, 'uptake.plan.json'), JSON.stringify({
    currency: 'EUR', priceYear: 2021,
    priceModel: { mode: 'all-units', volumeScope, tiers: [{ upTo: 5000, price: 150 }, { upTo: 20000, price: 110 }, { upTo: null, price: 90 }] },
    scenarios: { low: [0.02], base: [0.05], high: [0.08] },
    firstYear: 2025,
  }));
  return f;
}

describe('an uptake plan priced by each region\'s volume', () => {
  it('is refused, naming the field, the bands and the way out', () => {
    let text = '';
    try {
      loadCeaPlanFile(withUptake('region').plan);
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      expect((e as HtaError).exitCode).toBe(2);
      text = formatError(e as HtaError);
    }
    expect(text).toContain('whose price bands are selected by each region\'s own volume ("volumeScope": "region"), not by the national volume 5000');
    expect(text).toMatch(/cea\.json:\d+:\d+ \(interventionCost\.nationalVolume\): "5000" — expected the price of the region this analysis is for, as a fixed price/);
    expect(text).toContain('up to 5000: 150 EUR, up to 20000: 110 EUR, above 20000: 90 EUR');
    expect(text).toContain('or an uptake plan with "volumeScope": "national"');
  });

  it('a national-scope plan is read at the national volume as before', () => {
    expect(loadCeaPlanFile(withUptake('national').plan).interventionPrice.price).toBe(150);
  });
});
