// Cold regeneration of every bundled report (no chart cache, fresh process), with a breakdown:
// what `npm run bench` reports for issue 15's target (≤ 2.5 s on a 2-core machine).
//
//   node bench/report-cold.js            # standalone: median of HTA_BENCH_REPORT_RUNS (3) runs
//   import { reportColdBench } …          # from bench/run.js
//
// Each run is a new Node process (module loading included, as a user runs `hta report
// --no-cache`). The child runs the CLI as bin/hta.js does and times the phases from its progress
// messages: start-up (modules, the manifest, the input checks), per report the analysis (until its
// first chart) and the chart drawing (vega → SVG on the main thread; PNGs in worker threads
// overlap it), then the wait for the last PNGs and the writing; and the CPU time of all threads,
// which says what the wall time would be on an idle machine (CPU ÷ cores at best).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

// A thread that samples the CPU time of every thread of this process (Linux:
// /proc/self/task/<tid>/stat, clock ticks of 10 ms) every 25 ms: a worker's task disappears when it
// ends, and the main thread is often too busy to sample on time itself.
const SAMPLER = `
const { parentPort } = require('node:worker_threads');
const { readdirSync, readFileSync, readlinkSync } = require('node:fs');
const self = readlinkSync('/proc/thread-self').split('/').pop();
const t0 = performance.now();
const threads = new Map();
function sample() {
  for (const tid of readdirSync('/proc/self/task')) {
    if (tid === self) continue;
    let stat;
    try { stat = readFileSync('/proc/self/task/' + tid + '/stat', 'utf8'); } catch { continue; }
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ms = (Number(f[11]) + Number(f[12])) * 10;
    const known = threads.get(tid);
    if (known) known.ms = ms; else threads.set(tid, { tid: Number(tid), ms, seenAt: performance.now() - t0 });
  }
}
sample();
const before = [...threads.keys()];
const timer = setInterval(sample, 25);
function selfMs() {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
parentPort.once('message', () => { clearInterval(timer); sample(); parentPort.postMessage({ before, threads: [...threads.values()], selfMs: selfMs() }); });
parentPort.postMessage({ selfMs: selfMs() });
`;

/** Starts the sampler; `stop()` gives the main thread's CPU, the helper threads' (V8's compiler and GC, libuv) and each worker's, in order of start. */
async function threadSampler() {
  if (!existsSync('/proc/thread-self')) return undefined;
  const w = new Worker(SAMPLER, { eval: true });
  const ready = await new Promise((resolve) => w.once('message', resolve));
  return {
    async stop() {
      const done = new Promise((resolve) => w.once('message', resolve));
      w.postMessage('stop');
      const { before, threads, selfMs } = await done;
      await w.terminate();
      const main = threads.find((t) => t.tid === process.pid);
      const sum = (xs) => xs.reduce((a, t) => a + t.ms, 0);
      const helpers = threads.filter((t) => before.includes(String(t.tid)) && t !== main);
      const later = threads.filter((t) => !before.includes(String(t.tid))).sort((a, b) => a.seenAt - b.seenAt);
      return { samplerMs: selfMs - ready.selfMs, mainMs: main?.ms ?? 0, helpersMs: sum(helpers), workers: later.filter((t) => t.ms >= 100).map((t) => ({ startedMs: t.seenAt, ms: t.ms })), otherMs: sum(later.filter((t) => t.ms < 100)) };
    },
  };
}

if (process.argv[2] === '--child') {
  const sampler = await threadSampler();
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  // The CLI as bin/hta.js runs it (one bundle after `npm run build`), its progress messages
  // captured as a terminal would show them.
  const { main } = await import(pathToFileURL(join(root, 'dist/cli/bin-entry.js')).href);
  const events = [];
  let summary = '';
  const io = {
    stdout: () => {},
    stderr: (text) => {
      const m = /^\r(report \S+: .*?) *$/.exec(text);
      if (m) events.push({ at: performance.now(), message: m[1] });
      else if (/ files in /.test(text)) summary = text;
    },
    stderrIsTTY: true,
  };
  const out = mkdtempSync(join(tmpdir(), 'hta-bench-report-'));
  const code = await main(['report', '--no-cache', '--manifest', join(root, 'data/reports.json'), '--out', out], io);
  rmSync(out, { recursive: true, force: true });
  if (code !== 0) throw new Error(`hta report exited ${code}`);
  const files = { size: Number(/^(\d+) files/.exec(summary)?.[1] ?? 0) };
  // Start-up: modules, commander, the manifest and the input checks, until the first analysis.
  const tLoaded = events[0]?.at ?? t0;
  const tEnd = performance.now();
  const cpu = process.cpuUsage(cpu0);
  const threads = await sampler?.stop();
  // Whether this thread's bundles compiled from V8's code cache (src/bundle-loader.ts; written by
  // `npm run build`): without it, each thread compiles them from their source.
  const loaderFile = join(root, 'dist/bundle-loader.js');
  const codeCache = existsSync(loaderFile) ? (await import(pathToFileURL(loaderFile).href)).bundlesLoaded().map((b) => `${b.file.split('/').pop()} ${b.cache}`) : [];
  // Phases: "report <id>: analysing" … "report <id>: rendering <chart>" …
  const phases = [];
  for (let i = 0; i < events.length; i++) {
    const m = /^report (\S+): (analysing|rendering)/.exec(events[i].message);
    if (!m) continue;
    const next = events[i + 1]?.at ?? tEnd;
    const kind = m[2] === 'analysing' ? 'analysis' : 'charts';
    const last = phases.at(-1);
    if (last && last.report === m[1] && last.kind === kind) last.ms += next - events[i].at;
    else phases.push({ report: m[1], kind, ms: next - events[i].at });
  }
  // The time after the last chart's SVG is waiting for PNG workers (and the folder indexes, the
  // comparison with the (empty) output folder and writing the files).
  const lastCharts = phases.findLast((p) => p.kind === 'charts');
  const lastEvent = events.at(-1)?.at ?? tEnd;
  const pngWait = tEnd - lastEvent;
  if (lastCharts) lastCharts.ms -= pngWait;
  process.stdout.write(JSON.stringify({
    wallMs: tEnd - t0, loadMs: tLoaded - t0, pngWaitMs: pngWait,
    // The sampler's own CPU time while hta ran is the bench's, not hta's.
    cpuMs: (cpu.user + cpu.system) / 1000 - (threads?.samplerMs ?? 0), files: files.size, phases, threads, codeCache,
  }) + '\n');
  process.exit(0);
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

/** Runs `runs` cold regenerations: the `hta report --no-cache` wall time, and one breakdown. */
export function reportColdBench({ runs = Number(process.env.HTA_BENCH_REPORT_RUNS ?? 3) } = {}) {
  const walls = [];
  for (let i = 0; i < runs; i++) {
    const out = mkdtempSync(join(tmpdir(), 'hta-bench-report-'));
    try {
      const t0 = performance.now();
      const r = spawnSync(process.execPath, [join(root, 'bin/hta.js'), 'report', '--no-cache', '--out', out], { cwd: root, encoding: 'utf8' });
      if (r.status !== 0) return { error: `hta report exited ${r.status}: ${r.stderr.trim().split('\n').pop()}` };
      walls.push((performance.now() - t0) / 1000);
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) return { error: child.stderr.trim().split('\n').pop() };
  const b = JSON.parse(child.stdout.trim().split('\n').pop());
  return { seconds: median(walls), runs: walls.length, cores: availableParallelism(), breakdown: b };
}

/** The breakdown as lines: "start-up 0.5 s", "selfback: analysis 1.9 s", … */
export function breakdownLines(b) {
  const s = (ms) => `${(ms / 1000).toFixed(2)} s`;
  return [
    ['start-up (modules, manifest, input checks)', s(b.loadMs)],
    ...b.phases.map((p) => [`${p.report}: ${p.kind === 'analysis' ? 'analysis' : 'charts (SVG; PNGs overlap)'}`, s(p.ms)]),
    ['waiting for the last PNGs, writing', s(b.pngWaitMs)],
    ['total in-process (wall)', s(b.wallMs)],
    ['CPU, all threads', `${s(b.cpuMs)} (${b.files} files)`],
    ...(b.threads
      ? [
          ['  main thread (trial/registry analyses, vega → SVG, pages)', s(b.threads.mainMs)],
          ...b.threads.workers.map((w, i) => [`  worker ${i + 1}, started at ${s(w.startedMs)}`, s(w.ms)]),
          ['  V8 compiler and GC threads, libuv, other small threads', s(b.threads.helpersMs + b.threads.otherMs)],
        ]
      : []),
    ...(b.codeCache?.length ? [['V8 code cache, main thread', b.codeCache.join(', ')]] : []),
  ];
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = reportColdBench();
  if (r.error) {
    console.error(`report bench failed: ${r.error}`);
    process.exit(1);
  }
  console.log(`hta report --no-cache, all bundled reports: ${r.seconds.toFixed(2)} s (median of ${r.runs}, ${r.cores} cores; target ≤ 2.5 s)`);
  for (const [what, value] of breakdownLines(r.breakdown)) console.log(`  ${what.padEnd(44)} ${value}`);
}
