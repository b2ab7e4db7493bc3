// A small long export (baseline, 6w, 3m; 24 patients per arm) with resource use, its trial plan,
// unit-cost CSV and cost-effectiveness plan, for the `hta cea` and cea report tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRandom } from '../../src/stats/random.js';
import { tempDir } from './run-cli.js';

export interface Options {
  /** Intervention minus control shift of the QALY-curve utilities. */
  utilityShift?: number;
  /** Mean GP visits per period, per arm. */
  gp?: { intervention: number; control: number };
  /** Leave the 6w EQ-5D of every 5th patient empty. */
  missingMiddleVisit?: boolean;
  unitCostRows?: string[];
  planExtra?: Record<string, unknown>;
  /** Add an `age` column and name it a covariate of the trial plan. */
  ageCovariate?: boolean;
}

/** A small long export (baseline, 6w, 3m; 24 patients per arm), its trial plan and CEA plan. */
export function ceaFixture(o: Options = {}) {
  const dir = tempDir();
  const rng = createRandom(5);
  const lines = [`id,arm,time,eq5d,rmdq,ru_gp${o.ageCovariate ? ',age' : ''}`];
  for (let i = 0; i < 48; i++) {
    const app = i % 2 === 0;
    const u0 = 0.6 + 0.2 * rng.uniform();
    const r0 = 10 + Math.floor(8 * rng.uniform());
    const gpMean = app ? (o.gp?.intervention ?? 1) : (o.gp?.control ?? 1);
    for (const [t, time] of ['baseline', '6w', '3m'].entries()) {
      const u = Math.min(1, u0 + 0.05 * t + (app && t > 0 ? (o.utilityShift ?? 0) : 0) + 0.05 * rng.normal());
      const eq = o.missingMiddleVisit && time === '6w' && i % 5 === 0 ? '' : u.toFixed(3);
      const gp = time === '3m' ? String(gpMean === 0 ? 0 : Math.round(gpMean + 2 * rng.uniform())) : '';
      lines.push(`P${i},${app ? 'app' : 'usual'},${time},${eq},${Math.max(0, r0 - 3 * t - (app ? 1 : 0))},${gp}${o.ageCovariate ? `,${30 + (i % 17)}` : ''}`);
    }
  }
  writeFileSync(join(dir, 'export.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({
    arms: { intervention: 'app', control: 'usual' }, allTimepoints: ['baseline', '6w', '3m'], timepoints: ['3m'],
    outcomes: [{ key: 'eq5d', instrument: 'eq5d5l' }, { key: 'rmdq', instrument: 'rmdq' }],
    responders: [{ key: 'rmdq5', outcome: 'rmdq', points: 5 }],
    ...(o.ageCovariate ? { covariates: ['age'] } : {}),
  }));
  writeFileSync(join(dir, 'unit-costs.csv'), ['item,unit_cost,currency,price_year,source', ...(o.unitCostRows ?? ['gp,30,EUR,2021,test tariff'])].join('\n') + '\n');
  writeFileSync(join(dir, 'cea.json'), JSON.stringify({
    trialPlan: 'trial.plan.json', currency: 'EUR', priceYear: 2021, utility: 'eq5d',
    visitTimes: { unit: 'weeks', times: { baseline: 0, '6w': 6, '3m': 13 } }, periods: ['3m'],
    resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care' }], unitCosts: 'unit-costs.csv',
    interventionCost: { price: 0 }, wtp: { to: 40000, step: 10000, thresholds: [20000] },
    bootstrap: { replicates: 100, seed: 3 }, imputation: { m: 5, seed: 3 }, sensitivity: { replicates: 20 },
    ...o.planExtra,
  }));
  return { dir, exportFile: join(dir, 'export.csv'), plan: join(dir, 'cea.json') };
}

