// `node bench/disclosure.js [rows…]`: time and information loss of the disclosure control
// (docs/disclosure-control.md, "Information loss" and "Limits"), against the built dist/.
// A benchmark, not a test: it prints numbers and never fails on them.
//
// Cases: the bundled registry, its referrals before 2025-09-01, and simulateRegistry({ rows,
// seed: 1 }) for each size given (default 100, 500, 1,000, 2,000, 5,000). For each: seconds of
// the analysis from the aggregate (almost all of it the secondary suppression), seconds of the
// independent audit (wall clock, and CPU seconds of this process: the LPs are single-threaded,
// so on a busy machine the CPU time is what the same run takes on an idle one), suppressed cells, share of the total count hidden, narrow cells found.
// `--json` prints the rows as JSON (bench/run.js reads them).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const load = (p) => import(pathToFileURL(join(root, 'dist', p)).href);
const { uptakeRunFromAggregate } = await load('uptake/uptake-analysis.js');
const { readRegistry, readEligible } = await load('uptake/read-registry.js');
const { loadUptakePlanFile } = await load('uptake/uptake-plan.js');
const { uptakeAudit } = await load('cli/uptake.js');
const { simulateRegistry } = await load('simulate/registry.js');

const args = process.argv.slice(2);
const json = args.includes('--json');
const sizes = args.filter((a) => /^\d+$/.test(a)).map(Number);
const plan = loadUptakePlanFile(join(root, 'data/plans/uptake.plan.json'));
const eligible = readEligible(join(root, 'data/synthetic/eligible.csv'));
const dir = mkdtempSync(join(tmpdir(), 'hta-disclosure-'));

const bundled = readFileSync(join(root, 'data/synthetic/registry.csv'), 'utf8');
const lines = bundled.split('\n');
const cases = [
  ['bundled registry', bundled],
  ['bundled, referrals before 2025-09-01', [lines[0], ...lines.slice(1).filter((l) => l.split(',')[3] < '2025-09-01')].join('\n')],
  ...(sizes.length ? sizes : [100, 500, 1000, 2000, 5000]).map((n) => [`${n} simulated rows`, simulateRegistry({ rows: n, seed: 1 })]),
];

const out = [];
for (const [name, text] of cases) {
  const f = join(dir, 'registry.csv');
  writeFileSync(f, text);
  const agg = await readRegistry(f);
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const run = uptakeRunFromAggregate(agg, eligible, plan);
  const t1 = performance.now();
  const c1 = process.cpuUsage();
  const { audit, informationLoss } = await uptakeAudit(run);
  const t2 = performance.now();
  const c2 = process.cpuUsage();
  const cpu = (a, b) => (b.user + b.system - a.user - a.system) / 1e6;
  const r = {
    name, suppressionSeconds: (t1 - t0) / 1000, auditSeconds: (t2 - t1) / 1000, suppressionCpu: cpu(c0, c1), auditCpu: cpu(c1, c2), suppressed: audit.suppressedCells, countCells: audit.countCells,
    cellShare: informationLoss.cellShare, countShare: informationLoss.countShare, auditLps: audit.lpSolves, narrow: audit.narrow.length + audit.disclosedDifferences.length,
  };
  out.push(r);
  if (!json) {
    console.log(`${name}: suppression ${r.suppressionSeconds.toFixed(2)} s + audit ${r.auditSeconds.toFixed(2)} s (CPU ${r.suppressionCpu.toFixed(2)} + ${r.auditCpu.toFixed(2)} s; audit ${r.auditLps} LPs); ` +
      `${r.suppressed} of ${r.countCells} cells (${(100 * r.cellShare).toFixed(1)}%), ${(100 * r.countShare).toFixed(2)}% of the count hidden; ${r.narrow} narrow`);
  }
}
rmSync(dir, { recursive: true, force: true });
if (json) process.stdout.write(JSON.stringify(out) + '\n');
