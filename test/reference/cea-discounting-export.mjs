// Writes test/reference/cea-discounting-input.json, the input of cea-discounting.R: for both plans
// of test/fixtures/cea-discounting, per patient the arm, the UNDISCOUNTED utilities at each visit
// (hta's EQ-5D-5L scoring, checked elsewhere) and units per item and period, with the visit and
// period times, unit costs, price and rates: R discounts them independently (numerical
// integration) and fits lm. Run from the repository root after `npm run build`:
//   node test/reference/cea-discounting-export.mjs && Rscript test/reference/cea-discounting.R
import { writeFileSync } from 'node:fs';
import { readCsvFile } from '../../dist/io/read-csv.js';
import { loadTrial } from '../../dist/trial/load-trial.js';
import { loadCeaPlanFile } from '../../dist/cea/load-cea-plan.js';
import { ceaPatients } from '../../dist/cea/cea-patients.js';

const dir = 'test/fixtures/cea-discounting';
const cases = ['cea-24m', 'cea-18m'].map((name) => {
  const resolved = loadCeaPlanFile(`${dir}/${name}.plan.json`);
  const csv = readCsvFile(`${dir}/export.csv`);
  const trial = loadTrial(csv, resolved.trialPlan);
  const data = ceaPatients(trial, csv, resolved);
  const { plan } = resolved;
  const monthsToYears = 1 / 12;
  return {
    name,
    visitYears: data.yearsAt,
    periodEndYears: plan.periods.map((p) => plan.visitTimes.times[p] * monthsToYears),
    rates: plan.discountRate,
    price: resolved.interventionPrice.price,
    unitCosts: Object.fromEntries(plan.resourceUse.map((r) => [r.key, resolved.unitCosts[r.key].cost])),
    arm: data.patients.map((p) => (p.arm === 'intervention' ? 1 : 0)),
    utilities: data.patients.map((p) => p.utilities),
    units: Object.fromEntries(plan.resourceUse.map((r) => [r.key, data.patients.map((p) => p.units[r.key])])),
  };
});
writeFileSync('test/reference/cea-discounting-input.json', JSON.stringify({ note: 'written by test/reference/cea-discounting-export.mjs', cases }) + '\n');
console.log('wrote test/reference/cea-discounting-input.json');
