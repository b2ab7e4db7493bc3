// `npm run bench`, uptake engine section (docs/uptake-aggregates.md): the whole
// `hta uptake --json` process on 1M and 10M synthetic referrals, CSV and Parquet — wall time from
// spawn to exit, rows/s, the process's peak memory (maxRSS) — and the pre-engine streaming path
// (reference-aggregator.ts) at 1M for comparison. Files come from `hta simulate registry`
// (its speed is reported too). CPU is user + system time of the whole process (every DuckDB
// thread): steadier than wall time on a shared machine. HTA_ENGINE_TIMINGS=1 (statement-timings.ts)
// breaks one run down by statement.
//   HTA_BENCH_ENGINE_ROWS      comma-separated row counts (default 1000000,10000000)
//   HTA_BENCH_SKIP_10M=1       leave out 10M;  HTA_BENCH_ENGINE_30M=1  add 30M (spilling: memory
//                              should stay within 1.2× of 10M's; the ratio is printed)
//   HTA_BENCH_MEMORY_LIMIT     --memory-limit for every uptake run (e.g. 500MB; default the CLI's)
//   HTA_BENCH_ENGINE_FORMATS   csv,parquet (default both)
import { spawnSync } from 'node:child_process';
import { rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// One child process: runs `main` (the CLI) or the old streaming path, discards stdout, reports maxRSS.
const CHILD = `
const [mode, root, ...args] = process.argv.slice(1);
const load = (p) => import(new URL('dist/' + p, root));
if (mode === 'cli') {
  const { main } = await load('cli/main.js');
  let err = '';
  const code = await main(args, { stdout: () => {}, stderr: (t) => { err += t; }, stderrIsTTY: false });
  if (code !== 0) { process.stderr.write(err); process.exit(code); }
} else {
  const { createReadStream } = await import('node:fs');
  const [registry, eligible, plan] = args;
  const { readRegistryStream, readEligible } = await load('uptake/read-registry.js');
  const { uptakeRunFromAggregate } = await load('uptake/uptake-analysis.js');
  const { loadUptakePlanFile } = await load('uptake/uptake-plan.js');
  const read = await readRegistryStream(createReadStream(registry), registry, ',');
  JSON.stringify(uptakeRunFromAggregate(read.aggregate, readEligible(eligible), loadUptakePlanFile(plan)).analysis);
}
const u = process.resourceUsage();
process.stdout.write(JSON.stringify({ maxRssKb: u.maxRSS, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6 }));
`;

function child(root, mode, args) {
  const t0 = performance.now();
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', CHILD, mode, pathToFileURL(root + '/').href, ...args], { encoding: 'utf8', maxBuffer: 1 << 20 });
  const seconds = (performance.now() - t0) / 1000;
  if (r.status !== 0) return { error: (r.stderr || `exit ${r.status}`).trim().split('\n')[0] };
  const { maxRssKb, cpuSeconds } = JSON.parse(r.stdout);
  return { seconds, maxRssKb, cpuSeconds };
}

export function benchUptakeEngine({ root, dir, note, fmt, mb }) {
  const plan = join(root, 'data/plans/uptake.plan.json');
  const eligible = join(root, 'data/synthetic/eligible.csv');
  let sizes = (process.env.HTA_BENCH_ENGINE_ROWS ?? '1000000,10000000').split(',').map(Number);
  if (process.env.HTA_BENCH_SKIP_10M === '1') sizes = sizes.filter((n) => n !== 10_000_000);
  if (process.env.HTA_BENCH_ENGINE_30M === '1') sizes.push(30_000_000);
  const report = (what, rows, r, detail = '') => {
    if (r.error) note(what, 'failed', r.error);
    else note(what, `${fmt(r.seconds, 1)} s`, `${fmt(rows / r.seconds)} rows/s, peak ${mb(r.maxRssKb * 1024)}, CPU ${fmt(r.cpuSeconds, 1)} s${detail}`);
  };
  const limit = process.env.HTA_BENCH_MEMORY_LIMIT;
  const formats = (process.env.HTA_BENCH_ENGINE_FORMATS ?? 'csv,parquet').split(',');
  const peak = new Map(); // format → rows → peak RSS (kB)
  for (const rows of sizes) {
    const label = rows >= 1e6 ? `${rows / 1e6}M` : fmt(rows);
    for (const format of formats) {
      const file = join(dir, `engine-${label}.${format}`);
      console.error(`bench: simulate registry ${label} rows (${format}) …`);
      const gen = child(root, 'cli', ['simulate', 'registry', '--rows', String(rows), '--seed', '1', '--format', format, '--out', file]);
      if (gen.error) { note(`simulate registry ${label} ${format}`, 'failed', gen.error); continue; }
      note(`simulate registry ${label} ${format}`, `${fmt(gen.seconds, 1)} s`, `${mb(statSync(file).size)} on disk`);
      console.error(`bench: hta uptake --json, ${label} rows (${format}) …`);
      const run = child(root, 'cli', ['uptake', file, '--eligible', eligible, '--plan', plan, '--json', ...(limit ? ['--memory-limit', limit] : [])]);
      report(`hta uptake --json${limit ? ` --memory-limit ${limit}` : ''}, ${label} rows ${format}`, rows, run);
      if (!run.error) peak.set(format, new Map([...(peak.get(format) ?? []), [rows, run.maxRssKb]]));
      if (rows === 1_000_000 && format === 'csv') {
        console.error('bench: the pre-engine streaming path, 1M rows (csv) …');
        report('pre-engine streaming path, 1M rows csv', rows, child(root, 'stream', [file, eligible, plan]), ' (reference-aggregator.ts)');
      }
      rmSync(file, { force: true });
    }
  }
  // Spilling: peak memory at 30M rows against 10M (the target: within 1.2×).
  for (const [format, byRows] of peak) {
    const p10 = byRows.get(10_000_000), p30 = byRows.get(30_000_000);
    if (p10 && p30) note(`peak memory 30M / 10M rows ${format}`, `${fmt(p30 / p10, 2)}×`, `${mb(p30 * 1024)} / ${mb(p10 * 1024)}${limit ? `, --memory-limit ${limit}` : ''}`);
  }
}
