// Writes test/reference/cea-mcse-input.json, the input of cea-mcse.R: the m completed data sets
// (arm, baseline utility, cost, QALY; no ids) that hta's multiple imputation makes of the bundled
// synthetic Danish patients, in the healthcare and the societal perspective, so that R's
// mice::pool on lm fits of the same data sets gives the between-imputation variance b and the
// fraction of missing information that hta's Monte Carlo error comes from.
// Run from the repository root after `npm run build`:
//   node test/reference/cea-mcse-export.mjs && Rscript test/reference/cea-mcse.R
import { writeFileSync } from 'node:fs';
import { readCsvFile } from '../../dist/io/read-csv.js';
import { loadTrial } from '../../dist/trial/load-trial.js';
import { loadCeaPlanFile } from '../../dist/cea/load-cea-plan.js';
import { ceaExportColumns, ceaPatients, patientQalys } from '../../dist/cea/cea-patients.js';
import { patientCosts } from '../../dist/cea/patient-costs.js';
import { imputeByArm } from '../../dist/cea/cea-imputation.js';

const resolved = loadCeaPlanFile('data/plans/selfback.cea.json');
const csv = readCsvFile('data/synthetic/selfback-trial.csv');
const trial = loadTrial(csv, resolved.trialPlan, { alsoColumns: ceaExportColumns(resolved.plan) });
const data = ceaPatients(trial, csv, resolved);
const arm = data.patients.map((p) => (p.arm === 'intervention' ? 1 : 0));
const baselineUtility = data.patients.map((p) => p.utilities[0] ?? null);
const qaly = patientQalys(data, false);
const m = 10;
const seed = 5;
const round = (xs) => xs.map((x) => Number(x.toPrecision(15)));
const cases = ['healthcare', 'societal'].map((perspective) => {
  const cost = patientCosts(data, resolved, { perspective, unitCostFactor: 1, priceFactor: 1 });
  const sets = imputeByArm({ arm, baselineUtility, cost, qaly, covariates: [] }, arm.map((_, i) => i), m, seed);
  return { perspective, m, seed, datasets: sets.map((d) => ({ u0: round(d.baselineUtility), cost: round(d.cost), qaly: round(d.qaly) })) };
});
writeFileSync('test/reference/cea-mcse-input.json', JSON.stringify({ note: 'Synthetic data (data/synthetic/selfback-trial.csv, Danish patients) imputed by hta; written by test/reference/cea-mcse-export.mjs', arm, cases }) + '\n');
console.log(`wrote test/reference/cea-mcse-input.json: ${arm.length} patients, ${cases.length} cases of m = ${m}`);
