// `npm run bench`: timings and peak memory of hta's heavy paths, against the built dist/.
// A benchmark, not a test: it prints numbers and never fails on them.
//
//  1. Uptake at scale: 1,000,000 synthetic referral rows streamed to a temp file
//     (dist/simulate/registry.js), then the whole uptake analysis (dist/uptake/uptake-analysis.js)
//     in a child process, so peak memory is that process's own maxRSS.
//     The child also times the disclosure control (suppression, audit) at 1M rows and on
//     100-, 1,000- and 5,000-row registries; `node bench/disclosure.js [rows …]` alone prints
//     the times and information loss of docs/disclosure-control.md.
//     1b. bench/uptake-engine.js: `hta uptake --json` processes, 1M/10M rows, CSV and Parquet.
//  2. The trial pipeline: `hta analyze` on the bundled synthetic trial, in-process; and on the
//     bundled registry of outcomes with its observational plan.
//  3. `hta report` into a temp dir, if dist/cli/report.js exists: every chart drawn (--no-cache),
//     then again with a warm chart cache (what a rerun after a data edit costs); then the cold
//     regeneration's median and its breakdown by phase and CPU (bench/report-cold.js).
//  4. Multiple imputation (m = 50) and MMRM on the bundled trial's RMDQ, if those modules exist.
//  6. `hta cea`: 5,000 bootstrap replicates with nested imputation (bench/cea.js).
//  7. Hostile shapes: plan init on 4,000 and 32,000 columns, validate with 150,000 missing-value
//     codes against plan check of the same plan (bench/hostile-shapes.js; docs/limits.md).
//  5. A large trial export (HTA_BENCH_TRIAL_MB, default 200 MB: the bundled trial repeated with
//     new ids) validated as `hta validate` does (`readCsvFile`'s streamed checking pass, the
//     default plan, `loadTrial`, `summarizeTrial`) in a child process: seconds, CPU seconds and
//     peak memory against the file size (docs/limits.md).
//
// Build first: `npx tsc -p .` (or `npm run build`).
import { spawnSync } from 'node:child_process';
import { createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const dist = (p) => join(root, 'dist', p);
const load = (p) => import(pathToFileURL(dist(p)).href);
const PLAN = join(root, 'data/plans/uptake.plan.json');
const TRIAL = join(root, 'data/synthetic/selfback-trial.csv');
const TRIAL_PLAN = join(root, 'data/plans/selfback.plan.json');

// ---- child mode: one uptake analysis, report time and this process's peak memory -----------
if (process.argv[2] === '--uptake-child') {
  const [registryFile, eligibleFile] = process.argv.slice(3);
  const { runUptake, uptakeRunFromAggregate } = await load('uptake/uptake-analysis.js');
  const { readRegistry, readEligible } = await load('uptake/read-registry.js');
  const { loadUptakePlanFile } = await load('uptake/uptake-plan.js');
  const { uptakeAudit } = await load('cli/uptake.js');
  const plan = loadUptakePlanFile(PLAN);
  const t0 = performance.now();
  const agg = await readRegistry(registryFile);
  const t1 = performance.now();
  // Analysis from the aggregate: metrics, funnel, budget and the disclosure control (LPs).
  const run = uptakeRunFromAggregate(agg, readEligible(eligibleFile), plan);
  const t2 = performance.now();
  const audit = await uptakeAudit(run);
  const t3 = performance.now();
  const a = run.analysis;
  // The bundled registry: information loss of the disclosure control, and the loss of the
  // primary rule alone (the "before" of docs/disclosure-control.md).
  const bundledRun = await runUptake({ registryFile: join(root, 'data/synthetic/registry.csv'), eligibleFile: join(root, 'data/synthetic/eligible.csv'), plan });
  const bundled = await uptakeAudit(bundledRun);
  // Small registries (50–5,000 rows, where most cells are small): suppression + audit seconds.
  const { simulateRegistry } = await load('simulate/registry.js');
  const { writeFileSync } = await import('node:fs');
  const small = [];
  for (const n of [100, 1000, 5000]) {
    const f = `${registryFile}.${n}.csv`;
    writeFileSync(f, simulateRegistry({ rows: n, seed: 1 }));
    const s0 = performance.now();
    const sr = uptakeRunFromAggregate(await readRegistry(f), readEligible(eligibleFile), plan);
    const s1 = performance.now();
    const sa = await uptakeAudit(sr);
    small.push({ rows: n, suppressionSeconds: (s1 - s0) / 1000, auditSeconds: (performance.now() - s1) / 1000, lps: sa.audit.lpSolves, ...sa.informationLoss, narrow: sa.audit.narrow.length });
  }
  // maxRSS is in kilobytes.
  process.stdout.write(JSON.stringify({
    seconds: (t2 - t0) / 1000, readSeconds: (t1 - t0) / 1000, suppressionSeconds: (t2 - t1) / 1000, auditSeconds: (t3 - t2) / 1000,
    suppressed: a.suppression.suppressedCells, countCells: a.suppression.countCells, auditNarrow: audit.audit.narrow.length,
    bundled: { suppressed: bundled.audit.suppressedCells, countCells: bundled.audit.countCells, ...bundled.informationLoss, narrow: bundled.audit.narrow.length }, loss: audit.informationLoss, small,
    maxRssKb: process.resourceUsage().maxRSS, rows: a.rows, metricRows: a.metrics.length,
  }) + '\n');
  process.exit(0);
}

// ---- child mode: read and validate one big trial export -------------------------------------
if (process.argv[2] === '--trial-child') {
  const file = process.argv[3];
  const { readCsvFile } = await load('io/read-csv.js');
  const { defaultPlanFor } = await load('plan/default-plan.js');
  const { loadTrial } = await load('trial/load-trial.js');
  const { summarizeTrial } = await load('trial/summarize-trial.js');
  const t0 = performance.now();
  const csv = readCsvFile(file);
  const readSeconds = (performance.now() - t0) / 1000;
  const readRssKb = process.resourceUsage().maxRSS;
  const { rows } = summarizeTrial(loadTrial(csv, defaultPlanFor(csv)));
  const seconds = (performance.now() - t0) / 1000;
  const u = process.resourceUsage();
  process.stdout.write(JSON.stringify({ seconds, readSeconds, cpuSeconds: (u.userCPUTime + u.systemCPUTime) / 1e6, readRssKb, maxRssKb: u.maxRSS, rows }) + '\n');
  process.exit(0);
}

if (!existsSync(dist('uptake/uptake-analysis.js'))) {
  console.error('bench: dist/ is missing or stale — run `npx tsc -p .` (or `npm run build`) first.');
  process.exit(1);
}

const ROWS = Number(process.env.HTA_BENCH_ROWS ?? 1_000_000);
const results = [];
const fmt = (n, d = 0) => n.toLocaleString('en-GB', { minimumFractionDigits: d, maximumFractionDigits: d });
const mb = (bytes) => `${fmt(bytes / 2 ** 20, 0)} MiB`;
const note = (what, value, detail = '') => {
  results.push([what, value, detail]);
  console.error(`  ${what}: ${value}${detail ? ` (${detail})` : ''}`);
};
const time = async (fn) => {
  const t0 = performance.now();
  const value = await fn();
  return { seconds: (performance.now() - t0) / 1000, value };
};

const dir = mkdtempSync(join(tmpdir(), 'hta-bench-'));
try {
  // 1. Uptake ---------------------------------------------------------------------------------
  console.error(`bench: generating ${fmt(ROWS)} referral rows …`);
  const { simulateRegistryLines, simulateEligible } = await load('simulate/registry.js');
  const registry = join(dir, 'registry.csv');
  const eligible = join(dir, 'eligible.csv');
  const gen = await time(async () => {
    const out = createWriteStream(registry);
    let chunk = '';
    for (const line of simulateRegistryLines({ rows: ROWS, seed: 1 })) {
      chunk += line + '\n';
      if (chunk.length >= 1 << 20) {
        if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
        chunk = '';
      }
    }
    await new Promise((r, j) => out.end(chunk, (e) => (e ? j(e) : r())));
  });
  await new Promise((r, j) => createWriteStream(eligible).end(simulateEligible({ seed: 1 }), (e) => (e ? j(e) : r())));
  const size = statSync(registry).size;
  note('simulate registry', `${fmt(ROWS / gen.seconds)} rows/s`, `${fmt(gen.seconds, 1)} s, ${mb(size)} on disk`);

  console.error('bench: uptake analysis in a child process …');
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--uptake-child', registry, eligible], { encoding: 'utf8', maxBuffer: 1 << 20 });
  if (child.status !== 0) {
    note('uptake analysis', 'failed', child.stderr.trim().split('\n')[0] ?? '');
  } else {
    const r = JSON.parse(child.stdout.trim().split('\n').pop());
    note('uptake analysis', `${fmt(ROWS / r.seconds)} rows/s`, `${fmt(r.seconds, 1)} s, ${fmt(r.metricRows)} metric rows`);
    note('uptake peak memory (maxRSS)', mb(r.maxRssKb * 1024), `${fmt(ROWS)} rows, file ${mb(size)}`);
    note('disclosure control: suppression (analysis from the aggregate)', `${fmt(r.suppressionSeconds, 1)} s`, `${fmt(r.suppressed)} of ${fmt(r.countCells)} count cells suppressed`);
    note('disclosure control: audit (LP attacker)', `${fmt(r.auditSeconds, 1)} s`, `${r.auditNarrow} cells narrower than the protection level`);
    const b = r.bundled;
    note(`information loss, ${fmt(ROWS)}-row registry`, `${fmt(100 * r.loss.countShare, 2)}% of the count`, `${fmt(100 * r.loss.cellShare, 2)}% of the count cells`);
    for (const m of r.small) note(`disclosure control, ${fmt(m.rows)}-row registry`, `${fmt(m.suppressionSeconds, 1)} s + audit ${fmt(m.auditSeconds, 1)} s`, `${m.lps} LPs, ${fmt(100 * m.cellShare, 1)}% of cells hidden, ${m.narrow} narrow`);
    note('information loss, bundled registry', `${fmt(100 * b.countShare, 2)}% of the count`, `${fmt(b.suppressed)} of ${fmt(b.countCells)} cells (${fmt(100 * b.cellShare, 2)}%), ${b.narrow} narrow`);
  }
  rmSync(registry, { force: true });
  // 1b. The uptake engine: whole `hta uptake --json` processes at 1M/10M rows, CSV and Parquet.
  (await import('./uptake-engine.js')).benchUptakeEngine({ root, dir, note, fmt, mb });

  // 2. Trial pipeline -------------------------------------------------------------------------
  const { main } = await load('cli/main.js');
  const silentIo = { stdout: () => {}, stderr: () => {}, stderrIsTTY: false };
  if (existsSync(TRIAL)) {
    await main(['analyze', TRIAL, '--plan', TRIAL_PLAN, '--json'], silentIo); // warm-up (module loading, JIT)
    const runs = 5;
    const t = await time(async () => {
      for (let i = 0; i < runs; i++) {
        const code = await main(['analyze', TRIAL, '--plan', TRIAL_PLAN, '--json'], silentIo);
        if (code !== 0) throw new Error(`hta analyze exited ${code}`);
      }
    });
    note('hta analyze (bundled trial)', `${fmt((1000 * t.seconds) / runs)} ms`, `mean of ${runs} runs after a warm-up`);
  } else {
    note('hta analyze (bundled trial)', 'skipped', `${TRIAL} missing`);
  }
  {
    // Observational design (docs/observational.md): propensity score, weights, 3 estimates × 3 analyses.
    const args = ['analyze', join(root, 'data/synthetic/registry-outcomes.csv'), '--plan', join(root, 'data/plans/registry-outcomes.plan.json'), '--json'];
    await main(args, silentIo);
    const t = await time(async () => { for (let i = 0; i < 5; i++) await main(args, silentIo); });
    note('hta analyze (observational registry)', `${fmt((1000 * t.seconds) / 5)} ms`, '1,200 patients, mean of 5 runs after a warm-up');
  }
  {
    // The synthetic trial export (461 patients, 5 visits): was a timing test, now measured here.
    const { simulateTrial, trialToCsv } = await load('simulate/trial.js');
    trialToCsv(simulateTrial({ seed: 5 })); // warm-up
    const runs = 5;
    const t = await time(async () => {
      for (let i = 0; i < runs; i++) trialToCsv(simulateTrial({}));
    });
    note('simulate trial (461 patients)', `${fmt((1000 * t.seconds) / runs)} ms`, `mean of ${runs} runs after a warm-up`);
  }

  // 3. Report ---------------------------------------------------------------------------------
  if (existsSync(dist('cli/report.js'))) {
    let help = '';
    await main(['report', '--help'], { stdout: (s) => (help += s), stderr: () => {}, stderrIsTTY: false });
    const flag = ['--out-dir', '--out', '--dir', '--output'].find((f) => new RegExp(`${f}\\b`).test(help));
    if (flag) {
      // Whole processes, as a user runs them (node start-up and module loading included).
      const cache = join(dir, 'chart-cache');
      const run = (...extra) => {
        const t0 = performance.now();
        const r = spawnSync(process.execPath, [join(root, 'bin/hta.js'), 'report', flag, join(dir, 'reports'), ...extra], { cwd: root, env: { ...process.env, HTA_CACHE_DIR: cache }, encoding: 'utf8' });
        const seconds = (performance.now() - t0) / 1000;
        return r.status === 0 ? `${fmt(seconds, 1)} s` : `exit ${r.status}: ${r.stderr.trim().split('\n').pop()}`;
      };
      note('hta report, every chart drawn', run('--no-cache'), 'vega → SVG, resvg → PNG in worker threads');
      run();
      note('hta report, charts from the cache', run(), 'analyses rerun; unchanged charts reused');
    } else {
      note('hta report', 'skipped', 'no output-directory flag found in `hta report --help`');
    }
  } else {
    note('hta report', 'skipped', 'dist/cli/report.js not built yet');
  }
  // 3b. Cold regeneration of every bundled report, with a breakdown (bench/report-cold.js).
  if (existsSync(dist('report/build-reports.js'))) {
    const { reportColdBench, breakdownLines } = await import('./report-cold.js');
    const r = reportColdBench();
    if (r.error) note('hta report cold (breakdown)', 'failed', r.error);
    else {
      note('hta report cold, all bundled reports', `${fmt(r.seconds, 2)} s`, `median of ${r.runs} fresh processes, --no-cache, ${r.cores} cores; target ≤ 2.5 s`);
      for (const [what, value] of breakdownLines(r.breakdown)) note(`  ${what}`, value);
    }
  }

  // 4. MI (m = 50) and MMRM -------------------------------------------------------------------
  if (existsSync(dist('stats/missing/mmrm.js')) && existsSync(dist('stats/missing/chained-equations.js')) && existsSync(TRIAL)) {
    const { loadTrialInputs } = await load('cli/load-inputs.js');
    const { chainedEquations } = await load('stats/missing/chained-equations.js');
    const { mmrm } = await load('stats/missing/mmrm.js');
    const { trial } = loadTrialInputs(TRIAL, TRIAL_PLAN);
    const key = 'rmdq';
    const times = trial.times;
    const score = new Map(trial.observations.map((o) => [`${o.id}|${o.time}`, o.scores[key] ?? null]));
    const patients = trial.patients.filter((p) => score.get(`${p.id}|${times[0]}`) !== null && score.get(`${p.id}|${times[0]}`) !== undefined);
    const columns = [
      { name: 'treated', values: patients.map((p) => (p.arm === 'intervention' ? 1 : 0)) },
      ...times.map((t) => ({ name: `${key}_${t}`, values: patients.map((p) => score.get(`${p.id}|${t}`) ?? null) })),
    ];
    const missing = columns.reduce((s, c) => s + c.values.filter((v) => v === null).length, 0);
    const mi = await time(() => chainedEquations(columns, { m: 50, seed: 1 }));
    note('MI chained equations, m = 50', `${fmt(mi.seconds, 2)} s`, `PMM, maxit 5, ${patients.length} patients × ${times.length} RMDQ visits, ${missing} missing values`);

    const follow = times.slice(1);
    const rows = patients.flatMap((p) => follow.map((t) => ({ p, t })));
    const data = {
      id: rows.map((r) => r.p.id),
      time: rows.map((r) => r.t),
      treated: rows.map((r) => (r.p.arm === 'intervention' ? 1 : 0)),
      baseline: rows.map((r) => score.get(`${r.p.id}|${times[0]}`) ?? null),
      y: rows.map((r) => score.get(`${r.p.id}|${r.t}`) ?? null),
    };
    const fit = await time(() => mmrm(data, { timeLevels: follow }));
    note('MMRM (REML, unstructured)', `${fmt(fit.seconds, 2)} s`, `${fit.value.nPatients} patients, ${fit.value.nObservations} observations, ${fit.value.iterations} iterations`);
  } else {
    note('MI and MMRM', 'skipped', 'dist/stats/missing/{mmrm,chained-equations}.js or the bundled trial missing');
  }

  // 6. Cost-effectiveness bootstrap with MI (bench/cea.js) ------------------------------------
  await (await import('./cea.js')).benchCea({ root, load, note, time, fmt });

  // 5. A large trial export -------------------------------------------------------------------
  const trialMb = Number(process.env.HTA_BENCH_TRIAL_MB ?? 200);
  if (trialMb > 0 && existsSync(TRIAL) && existsSync(dist('trial/load-trial.js'))) {
    console.error(`bench: writing a ${trialMb} MB trial export …`);
    const big = join(dir, 'big-trial.csv');
    const text = readFileSync(TRIAL, 'utf8');
    const nl = text.indexOf('\n');
    const body = text.slice(nl + 1);
    const out = createWriteStream(big);
    out.write(text.slice(0, nl + 1));
    let bytes = nl + 1;
    for (let k = 0; bytes < trialMb * 1e6; k++) {
      // New ids per copy ("SB0001" → "S17B0001"), so every copy adds patients.
      const chunk = body.replace(/^SB/gm, `S${k}B`);
      bytes += Buffer.byteLength(chunk);
      if (!out.write(chunk)) await new Promise((r) => out.once('drain', r));
    }
    await new Promise((r, j) => out.end((e) => (e ? j(e) : r())));
    const size = statSync(big).size;
    console.error('bench: reading and validating it in a child process …');
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--trial-child', big], { encoding: 'utf8', maxBuffer: 1 << 20 });
    if (child.status !== 0) {
      note('trial export read + validated', 'failed', child.stderr.trim().split('\n')[0] ?? '');
    } else {
      const r = JSON.parse(child.stdout.trim().split('\n').pop());
      note('trial export read + validated', `${fmt(r.seconds, 1)} s`, `${mb(size)}, ${fmt(r.rows)} rows; ${fmt(r.cpuSeconds, 1)} CPU s; checking pass alone ${fmt(r.readSeconds, 1)} s`);
      note('trial export peak memory (maxRSS)', `${fmt((r.maxRssKb * 1024) / size, 1)} × the file`, `${mb(r.maxRssKb * 1024)}; after the checking pass ${mb(r.readRssKb * 1024)} (${fmt((r.readRssKb * 1024) / size, 1)} ×)`);
    }
    rmSync(big, { force: true });
  }
  // 7. Hostile shapes (bench/hostile-shapes.js) ------------------------------------------------
  {
    console.error('bench: hostile shapes (a wide export, many missing-value codes) …');
    const { hostileShapesBench } = await import('./hostile-shapes.js');
    const h = hostileShapesBench();
    const [a, b] = h.widths;
    note('plan init, wide export', `× ${fmt(b.seconds / a.seconds, 1)}`, `${fmt(a.columns)} → ${fmt(b.columns)} columns: ${fmt(a.seconds, 2)} → ${fmt(b.seconds, 2)} s (linear ≈ × ${b.columns / a.columns})`);
    note('validate, many missing codes', `× ${fmt(h.codes.validate / h.codes.check, 1)} plan check`, `${fmt(h.codes.count)} codes: plan check ${fmt(h.codes.check, 2)} s, validate ${fmt(h.codes.validate, 2)} s`);
  }
} finally {
  rmSync(dir, { recursive: true, force: true });
}

// ---- the table ------------------------------------------------------------------------------
const header = ['what', 'result', 'detail'];
const widths = header.map((h, i) => Math.max(h.length, ...results.map((r) => String(r[i]).length)));
const line = (cells) => cells.map((c, i) => String(c).padEnd(widths[i])).join('  ').trimEnd();
console.log(`hta bench — Node ${process.version}, ${process.platform}/${process.arch}`);
console.log(line(header));
console.log(widths.map((w) => '─'.repeat(w)).join('  '));
for (const r of results) console.log(line(r));
