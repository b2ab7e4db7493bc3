// Cold regeneration of every bundled report (no chart cache, fresh process), with a breakdown:
// what `npm run bench` reports for issue 15's target (≤ 2.5 s on a 2-core machine).
//
//   node bench/report-cold.js            # standalone: median of HTA_BENCH_REPORT_RUNS (3) runs
//   node bench/report-cold.js --timeline # one run: when a core is idle, per 100 ms (below)
//   import { reportColdBench } …          # from bench/run.js
//
// Each run is a new Node process (module loading included, as a user runs `hta report
// --no-cache`). The child runs the CLI as bin/hta.js does and times the phases from its progress
// messages: start-up (modules, the manifest, the input checks), per report the analysis (until its
// first chart) and the chart drawing (vega → SVG on the main thread; PNGs in worker threads
// overlap it), then the wait for the last PNGs and the writing; and the CPU time of all threads,
// which says what the wall time would be on an idle machine (CPU ÷ cores at best).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync as readText, rmSync } from 'node:fs';
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
// With a timeline (workerData.every ms): each thread's time on a core and waiting for one, from
// /proc/self/task/<tid>/schedstat (nanoseconds), at every tick.
const every = require('node:worker_threads').workerData?.every;
const history = [];
function schedSample() {
  const row = { at: performance.timeOrigin + performance.now(), t: {} };
  for (const tid of readdirSync('/proc/self/task')) {
    if (tid === self) continue;
    try {
      const s = readFileSync('/proc/self/task/' + tid + '/schedstat', 'utf8').split(' ');
      row.t[tid] = [Number(s[0]) / 1e6, Number(s[1]) / 1e6];
    } catch {}
  }
  history.push(row);
}
if (every) schedSample();
const timer = setInterval(() => { sample(); if (every) schedSample(); }, every ?? 25);
function selfMs() {
  const stat = readFileSync('/proc/thread-self/stat', 'utf8');
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(f[11]) + Number(f[12])) * 10;
}
parentPort.once('message', () => { clearInterval(timer); sample(); if (every) schedSample(); parentPort.postMessage({ before, threads: [...threads.values()], selfMs: selfMs(), history }); });
parentPort.postMessage({ selfMs: selfMs() });
`;

/**
 * Starts the sampler; `stop()` gives the main thread's CPU, the helper threads' (V8's compiler and GC, libuv) and each worker's, in order of start.
 * With `every` (ms), also the timeline's samples (`idleCoreTimeline`).
 */
async function threadSampler(every) {
  if (!existsSync('/proc/thread-self')) return undefined;
  const w = new Worker(SAMPLER, { eval: true, workerData: { every } });
  const ready = await new Promise((resolve) => w.once('message', resolve));
  return {
    async stop() {
      const done = new Promise((resolve) => w.once('message', resolve));
      w.postMessage('stop');
      const { before, threads, selfMs, history } = await done;
      await w.terminate();
      const main = threads.find((t) => t.tid === process.pid);
      const sum = (xs) => xs.reduce((a, t) => a + t.ms, 0);
      const helpers = threads.filter((t) => before.includes(String(t.tid)) && t !== main);
      const later = threads.filter((t) => !before.includes(String(t.tid))).sort((a, b) => a.seenAt - b.seenAt);
      const workers = later.filter((t) => t.ms >= 100);
      // The timeline's samples by thread group: main, each worker (in order of start), the rest.
      const group = (tid) => (Number(tid) === process.pid ? 'main' : workers.some((t) => String(t.tid) === tid) ? `w${workers.findIndex((t) => String(t.tid) === tid) + 1}` : 'helpers');
      const samples = every ? history.map((h) => ({ at: h.at, threads: Object.entries(h.t).map(([tid, [runMs, waitMs]]) => ({ id: Number(tid), group: group(tid), runMs, waitMs })) })) : undefined;
      return { samplerMs: selfMs - ready.selfMs, mainMs: main?.ms ?? 0, helpersMs: sum(helpers), workers: workers.map((t) => ({ startedMs: t.seenAt, ms: t.ms })), otherMs: sum(later.filter((t) => t.ms < 100)), ...(samples ? { samples } : {}) };
    },
  };
}

/**
 * The timeline of a run from the sampler's ticks (each thread `id`'s cumulated ms on a core, `runMs`,
 * and waiting for one, `waitMs`, and its `group`: main, w1, w2, …, helpers), in buckets of `bucketMs`
 * from `t0` (both in the process's clock, ms since its time origin; a tick late by a busy sampler
 * gives its bucket all the time since the one before): per bucket each group's CPU
 * and the core time no thread of the run wanted (`cores` × the bucket, less what the threads ran
 * or waited to run). A thread waiting for a core on a busy machine still counts as wanting one, so
 * the idle time is the run's own, what an idle machine would have left unused.
 */
export function idleCoreTimeline(samples, { t0, end, bucketMs = 100, cores = 2 }) {
  const buckets = [];
  const bucket = (k) => (buckets[k] ??= { atMs: k * bucketMs, cpu: {}, wantMs: 0 });
  for (let i = 1; i < samples.length; i++) {
    const a = new Map(samples[i - 1].threads.map((t) => [t.id, t]));
    const from = samples[i - 1].at - t0;
    const to = samples[i].at - t0;
    if (to <= from) continue;
    // The time since the previous tick is spread over the buckets the interval covers, in
    // proportion to its overlap with each, and what fell before 0 or after `end` is left out: a
    // tick the sampler missed on a busy machine leaves a long interval, whose time is not all the
    // last bucket's (that would show the bucket before it idle while a thread ran).
    const lo = Math.max(0, from);
    const hi = Math.min(end, to);
    const parts = [];
    for (let k = Math.floor(lo / bucketMs); k * bucketMs < hi; k++) {
      const share = (Math.min(hi, (k + 1) * bucketMs) - Math.max(lo, k * bucketMs)) / (to - from);
      if (share > 0) parts.push([bucket(k), share]);
    }
    for (const t of samples[i].threads) {
      const prev = a.get(t.id) ?? { runMs: 0, waitMs: 0 };
      const run = Math.max(0, t.runMs - prev.runMs);
      const wait = Math.max(0, t.waitMs - prev.waitMs);
      for (const [b, share] of parts) {
        b.cpu[t.group] = (b.cpu[t.group] ?? 0) + run * share;
        b.wantMs += (run + wait) * share;
      }
    }
  }
  const out = [];
  for (let k = 0; k * bucketMs < end; k++) {
    const b = buckets[k] ?? { atMs: k * bucketMs, cpu: {}, wantMs: 0 };
    const span = Math.min(bucketMs, end - k * bucketMs);
    out.push({ ...b, idleMs: Math.max(0, cores * span - b.wantMs) });
  }
  return out;
}

if (process.argv[2] === '--child') {
  // Where every thread's bundle loader says what became of its code cache (bundle-loader.ts).
  const cacheLog = join(mkdtempSync(join(tmpdir(), 'hta-bench-cache-')), 'code-cache.log');
  process.env.HTA_BENCH_CODE_CACHE_LOG = cacheLog;
  const timeline = process.argv.includes('--timeline');
  const sampler = await threadSampler(timeline ? 20 : undefined);
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
  // Every worker's too (bundle-loader.ts writes them where HTA_BENCH_CODE_CACHE_LOG says): thread id, bundle, what became of its cache.
  const workerCodeCache = existsSync(cacheLog) ? readText(cacheLog, 'utf8').trim().split('\n').filter((l) => !l.startsWith('0 ')).map((l) => l.replace(/^(\d+) /, 'thread $1: ')) : [];
  rmSync(dirname(cacheLog), { recursive: true, force: true });
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
  const samples = threads?.samples;
  if (threads) delete threads.samples;
  process.stdout.write(JSON.stringify({
    wallMs: tEnd - t0, loadMs: tLoaded - t0, pngWaitMs: pngWait,
    // The sampler's clock is the epoch's (its own time origin + now): made this thread's.
    ...(samples ? { timeline: idleCoreTimeline(samples.map((s) => ({ ...s, at: s.at - performance.timeOrigin })), { t0, end: tEnd - t0, cores: availableParallelism() }), events: events.map((e) => ({ atMs: e.at - t0, message: e.message })) } : {}),
    // The sampler's own CPU time while hta ran is the bench's, not hta's.
    cpuMs: (cpu.user + cpu.system) / 1000 - (threads?.samplerMs ?? 0), files: files.size, phases, threads, codeCache, workerCodeCache,
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
    ...(b.workerCodeCache?.length ? [['V8 code cache, workers', b.workerCodeCache.join(', ')]] : []),
  ];
}

/** The timeline as lines: per bucket each group's CPU (% of the bucket), the idle core time and the phases begun. */
export function timelineLines(b) {
  const groups = ['main', ...(b.threads?.workers ?? []).map((_, i) => `w${i + 1}`), 'helpers'];
  const lines = [`   ms  ${groups.map((g) => g.padStart(7)).join('')}  idle core-ms  (main: hta's thread; w1…: workers in order of start, as above; CPU in % of the bucket)`];
  let e = 0;
  const idle = { start: 0, middle: 0, end: 0 };
  const firstAnalysis = b.events.find((x) => / analysing$/.test(x.message))?.atMs ?? 0;
  const lastChart = b.events.at(-1)?.atMs ?? b.wallMs;
  for (const t of b.timeline) {
    const began = [];
    while (e < b.events.length && b.events[e].atMs < t.atMs + 100) began.push(b.events[e++].message.replace(/^report /, ''));
    idle[t.atMs + 50 < firstAnalysis ? 'start' : t.atMs + 50 > lastChart ? 'end' : 'middle'] += t.idleMs;
    lines.push(`${String(t.atMs).padStart(5)}  ${groups.map((g) => String(Math.round(t.cpu[g] ?? 0)).padStart(7)).join('')}  ${String(Math.round(t.idleMs)).padStart(6)}  ${began.slice(0, 2).join('; ')}${began.length > 2 ? ' …' : ''}`);
  }
  lines.push(`idle core time: ${Math.round(idle.start)} ms in the start-up, ${Math.round(idle.middle)} ms while the reports build, ${Math.round(idle.end)} ms after the last chart's SVG`);
  return lines;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href && process.argv.includes('--timeline')) {
  // One run, sampled every 20 ms: where a core is idle (start-up, waits, the end).
  const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--child', '--timeline'], { cwd: root, encoding: 'utf8' });
  if (child.status !== 0) {
    console.error(`report bench failed: ${child.stderr.trim().split('\n').pop()}`);
    process.exit(1);
  }
  const b = JSON.parse(child.stdout.trim().split('\n').pop());
  for (const [what, value] of breakdownLines(b)) console.log(`  ${what.padEnd(44)} ${value}`);
  for (const line of timelineLines(b)) console.log(line);
} else if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const r = reportColdBench();
  if (r.error) {
    console.error(`report bench failed: ${r.error}`);
    process.exit(1);
  }
  console.log(`hta report --no-cache, all bundled reports: ${r.seconds.toFixed(2)} s (median of ${r.runs}, ${r.cores} cores; target ≤ 2.5 s)`);
  for (const [what, value] of breakdownLines(r.breakdown)) console.log(`  ${what.padEnd(44)} ${value}`);
}
