// `npm run bench` section: `hta cea`'s bootstrap of 5,000 replicates (HTA_BENCH_CEA_REPLICATES)
// with one imputation by chained equations nested in each (docs/plan-cea.md), on the bundled
// synthetic Danish patients; the sensitivity scenarios are left out (they repeat the same loop).
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export async function benchCea({ root, load, note, time, fmt }) {
  const planFile = join(root, 'data/plans/selfback.cea.json');
  if (!existsSync(planFile) || !existsSync(join(root, 'dist/cea/analyze-cea.js'))) {
    note('cea bootstrap with MI', 'skipped', 'dist/cea or the bundled CEA plan missing');
    return;
  }
  const { loadCeaPlanFile } = await load('cea/load-cea-plan.js');
  const { readCsvFile } = await load('io/read-csv.js');
  const { loadTrial } = await load('trial/load-trial.js');
  const { analyzeCea } = await load('cea/analyze-cea.js');
  const replicates = Number(process.env.HTA_BENCH_CEA_REPLICATES ?? 5000);
  const resolved = loadCeaPlanFile(planFile);
  resolved.plan.sensitivity.replicates = 20;
  const csv = readCsvFile(join(root, 'data/synthetic/selfback-trial.csv'));
  const trial = loadTrial(csv, resolved.trialPlan);
  const r = await time(() => analyzeCea(trial, csv, resolved, { version: 'bench', names: { export: '', plan: '', trialPlan: '' }, replicates, sensitivityReplicates: 20 }));
  const n = r.value.patients.intervention + r.value.patients.control;
  note('cea bootstrap with MI', `${fmt(r.seconds, 1)} s`, `${fmt(replicates)} replicates (+ 2 × 20 recomputed sensitivity scenarios), ${n} patients, m = ${r.value.method.imputations}; ${fmt((1000 * r.seconds) / replicates, 1)} ms per replicate`);
}
