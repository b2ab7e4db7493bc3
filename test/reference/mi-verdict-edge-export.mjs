// Writes test/reference/mi-verdict-edge-input.json, the input of mi-verdict-edge.R: the m = 20
// per-imputation ANCOVA estimates of the arm effect and their variances (with the complete-data
// df) that hta's multiple imputation gives at 6m on test/fixtures/mi-verdict-edge/ (plan seed 1),
// and on trial-mcid.csv, whose estimated difference sits on −MCID. R then pools them by Rubin's
// rules by hand and computes the jackknife Monte Carlo errors (White, Royston & Wood 2011, §7).
// Run from the repository root after `npm run build`:
//   node test/reference/mi-verdict-edge-export.mjs && Rscript test/reference/mi-verdict-edge.R
import { readFileSync, writeFileSync } from 'node:fs';
import { parseCsvText } from '../../dist/io/read-csv.js';
import { parsePlan } from '../../dist/plan/load-plan.js';
import { loadTrial } from '../../dist/trial/load-trial.js';
import { imputationWide } from '../../dist/trial/outcome-wide.js';
import { imputeOutcome } from '../../dist/analysis/missing-data-effects.js';
import { miAncova } from '../../dist/stats/missing/mi-ancova.js';

const dir = 'test/fixtures/mi-verdict-edge';
const plan = parsePlan(JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8')));
const cases = ['trial.csv', 'trial-mcid.csv'].map((file) => {
  const trial = loadTrial(parseCsvText(readFileSync(`${dir}/${file}`, 'utf8'), file), plan);
  const run = imputeOutcome(imputationWide(trial, 'rmdq'), plan.missing.m, plan.missing.seed);
  const r = miAncova(run.completed, { outcome: 'y_6m', treated: 'treated', baseline: 'baseline', covariates: [], confLevel: 1 - plan.alpha });
  return { file, alpha: plan.alpha, mcid: 5, estimates: r.perImputation.map((q) => q.estimate), variances: r.perImputation.map((q) => q.variance), dfComplete: r.dfComplete };
});
writeFileSync('test/reference/mi-verdict-edge-input.json', JSON.stringify({ generatedBy: 'test/reference/mi-verdict-edge-export.mjs', cases }, null, 2) + '\n');
console.log('wrote test/reference/mi-verdict-edge-input.json');
