// Writes test/reference/cea-input.json, the input of cea.R: patient-level utilities, costs and a
// covariate from the bundled synthetic export and CEA plan (no ids), and the bootstrap resamples
// exactly as hta draws them, so R's boot can recompute every replicate on the same patients.
// Run from the repository root after `npx tsc -p tsconfig.json`:
//   node test/reference/cea-export.mjs && Rscript test/reference/cea.R
import { writeFileSync } from 'node:fs';
import { readCsvFile } from '../../dist/io/read-csv.js';
import { loadTrial } from '../../dist/trial/load-trial.js';
import { loadCeaPlanFile } from '../../dist/cea/load-cea-plan.js';
import { ceaPatients } from '../../dist/cea/cea-patients.js';
import { patientCosts } from '../../dist/cea/patient-costs.js';
import { bootstrapIndexSets } from '../../dist/cea/cea-bootstrap.js';

const resolved = loadCeaPlanFile('data/plans/selfback.cea.json');
const csv = readCsvFile('data/synthetic/selfback-trial.csv');
const trial = loadTrial(csv, resolved.trialPlan);
const data = ceaPatients(trial, csv, resolved);
const cost = patientCosts(data, resolved, { perspective: 'healthcare', unitCostFactor: 1, priceFactor: 1 });
const idCol = csv.header.indexOf('id');
const sexCol = csv.header.indexOf('sex');
const sex = new Map([...csv.records].map((r) => [r.cells[idCol], r.cells[sexCol]]));
const arm = data.patients.map((p) => (p.arm === 'intervention' ? 1 : 0));
// Complete cases of the regression: every utility and the cost observed.
const complete = data.patients.map((p, i) => (p.utilities.every((u) => u !== null) && cost[i] !== null ? i : -1)).filter((i) => i >= 0);
const replicates = 300;
const seed = 11;
const out = {
  note: 'Synthetic data (data/synthetic/selfback-trial.csv, Danish patients) and hta bootstrap resamples; written by test/reference/cea-export.mjs',
  years: data.yearsAt,
  arm,
  utilities: data.patients.map((p) => p.utilities),
  cost,
  female: data.patients.map((p) => (sex.get(p.id) === 'F' ? 1 : 0)),
  complete,
  bootstrap: { replicates, seed, indexSets: bootstrapIndexSets(complete.map((i) => arm[i]), replicates, seed) },
  wtp: [0, 5000, 10000, 20000, 23250, 30000, 50000, 100000],
  thresholds: [20000, 23250],
};
writeFileSync('test/reference/cea-input.json', JSON.stringify(out) + '\n');
console.log(`wrote test/reference/cea-input.json: ${arm.length} patients, ${complete.length} complete`);
