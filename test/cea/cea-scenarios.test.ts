// The price and unit-cost sensitivity scenarios are read off the base-case replicates by an
// affine map (analyze-cea.ts); this checks them against a full recomputation with the changed
// prices, with missing data imputed (the equivariance must hold through PMM and Rubin's rules).
import { writeFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeCea } from '../../src/cea/analyze-cea.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ceaFixture } from '../support/cea-fixture.js';

function run(planFile: string, exportFile: string) {
  const resolved = loadCeaPlanFile(planFile);
  const csv = readCsvFile(exportFile);
  return analyzeCea(loadTrial(csv, resolved.trialPlan), csv, resolved, { version: 't', names: { export: '', plan: '', trialPlan: '' } });
}

describe('sensitivity scenarios by the affine map', () => {
  it('equal a recomputation with the app price +50% and with unit costs −20%', () => {
    const f = ceaFixture({ missingMiddleVisit: true, planExtra: { interventionCost: { price: 100 } } });
    const base = run(f.plan, f.exportFile);
    expect(base.method.missing).toBe('mi');
    const plan = JSON.parse(readFileSync(f.plan, 'utf8'));
    const changed = [
      { key: 'price-high', edit: () => ({ ...plan, interventionCost: { price: 150 } }), units: 'gp,30,EUR,2021,test tariff' },
      { key: 'unit-costs-low', edit: () => plan, units: 'gp,24,EUR,2021,test tariff' },
    ];
    for (const c of changed) {
      writeFileSync(join(f.dir, 'unit-costs.csv'), `item,unit_cost,currency,price_year,source\n${c.units}\n`);
      writeFileSync(join(f.dir, `${c.key}.json`), JSON.stringify(c.edit()));
      const direct = run(join(f.dir, `${c.key}.json`), f.exportFile);
      const scenario = base.sensitivity.find((s) => s.key === c.key)!;
      expect(scenario.incrementalCost).toBeCloseTo(direct.incrementalCost.estimate, 6);
      expect(scenario.incrementalQaly).toBeCloseTo(direct.incrementalQaly.estimate, 10);
      expect(scenario.thresholds[0]!.probabilityCostEffective).toBe(direct.thresholds[0]!.probabilityCostEffective);
      expect(scenario.thresholds[0]!.nmb.ciLower).toBeCloseTo(direct.thresholds[0]!.nmb.ciLower, 6);
      expect(scenario.thresholds[0]!.nmb.ciUpper).toBeCloseTo(direct.thresholds[0]!.nmb.ciUpper, 6);
    }
  });
});
