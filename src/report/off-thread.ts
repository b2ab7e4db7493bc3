/**
 * An analysis on a worker thread. The analyses `hta report` runs are CPU-bound and independent
 * of each other, so the slow ones (uptake, cost-effectiveness) start first (ReportKind.prefetch)
 * on workers while the main thread analyses the trials and draws charts: on two cores a cold
 * regeneration then takes about the longer of the two lines of work instead of their sum
 * (docs/architecture.md#the-cost-of-a-cold-regeneration).
 *
 * The worker is a short CommonJS script given inline (as png-pool.ts's) that imports a built
 * module next to this one and calls one of its exports with plain data; under the TypeScript
 * test runner (this file is `.ts`) there are no built modules, so the caller's `inThread` runs
 * the same function on this thread — same code, same result. The result crosses by structured
 * clone (plain data: numbers keep every bit, −0 and non-finite values included); an error crosses
 * as its fields and is rebuilt, so an HtaError keeps its code and problems and a file-system error
 * its code and path (the CLI words both as before).
 *
 * Analyses share workers: at most one per core the main thread leaves (`ANALYSIS_THREADS`), each
 * running its jobs one after another, the earliest report's first (`order`). Every worker is a new V8 isolate that
 * starts Node and loads its modules anew (zod, the file readers, the plan schemas, @stdlib: about
 * 0.1 CPU-s that the uptake and cost-effectiveness analyses have in common); on two cores, where
 * the analyses could not run at the same time as the main thread anyway, one worker loads them
 * once instead of twice (docs/architecture.md#the-cost-of-a-cold-regeneration).
 */
import { availableParallelism } from 'node:os';
import { makeTempFolder } from '../io/temp-folder.js';
import { Worker } from 'node:worker_threads';
import { type ErrorCode, HtaError } from '../errors.js';
import { discardStagingFolder, registerStagingFolder } from '../io/staging-files.js';
import { newNativeWorkFlag, stopIfNoNativeWork } from '../native-work.js';
import { preferShortRunJit } from './short-run-jit.js';

// Jobs one after another, the one for the report earliest in the manifest first (its `order`;
// then the order they came): a job sent a moment later than the next report's, after an await
// (the uptake analysis first looks for earlier reports of its registry), still runs before it, so
// the main thread does not wait for a result the worker left for last. The continuations of an
// analysis that waits (for a file, for DuckDB) must not queue behind a second analysis's
// CPU-bound work, since the first result is the one the reports need first. A result that
// cannot be cloned is uncaught, the worker's 'error' (a bug, as before).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const setupModule = import(workerData.setup);
const setup = setupModule.then((m) => m.setUpAnalysisWorker(workerData.nativeWork));
const waiting = [];
let draining = false;
parentPort.on('message', (job) => {
  if (job.stop) {
    // The run stops: no job starts any more, and the running one's DuckDB queries are interrupted
    // until it has none open; then the main thread may terminate this thread (native-work.ts).
    waiting.length = 0;
    const stopped = () => parentPort.postMessage({ stopped: true });
    setupModule.then((m) => m.interruptNativeWork(stopped), stopped);
    return;
  }
  waiting.push(job);
  if (draining) return;
  draining = true;
  setup.then(drain, drain);
});
const before = (a, b) => a.order < b.order || (a.order === b.order && a.id < b.id);
async function drain() {
  while (waiting.length > 0) {
    let k = 0;
    for (let i = 1; i < waiting.length; i++) if (before(waiting[i], waiting[k])) k = i;
    await run(waiting.splice(k, 1)[0]);
  }
  draining = false;
}
async function run(job) {
  let answer;
  try {
    await setup;
    const m = await import(job.module);
    answer = { id: job.id, value: await m[job.name](job.input) };
  } catch (err) {
    answer = { id: job.id, error: {
      name: err && err.name, message: String((err && err.message) || err), code: err && err.code, problems: err && err.problems,
      groups: err && err.groups, errno: err && err.errno, syscall: err && err.syscall, path: err && err.path,
    } };
  }
  parentPort.postMessage(answer);
}
`;

interface SentError {
  name?: string;
  message: string;
  code?: string;
  problems?: HtaError['problems'];
  groups?: HtaError['groups'];
  errno?: number;
  syscall?: string;
  path?: string;
}

function rebuild(e: SentError): Error {
  if (e.name === 'HtaError') return new HtaError(e.code as ErrorCode, e.message, e.problems ?? [], e.groups);
  const err = new Error(e.message) as Error & Record<string, unknown>;
  for (const k of ['code', 'errno', 'syscall', 'path'] as const) if (e[k] !== undefined) err[k] = e[k];
  return err;
}

/** Whether this module runs built (`.js`), so that workers can import the built modules beside it. */
export const builtModules = import.meta.url.endsWith('.js');

export interface OffThreadJob<T> {
  /** The built module (a URL resolved from the caller's module) and the export to call with `input`. */
  module: URL;
  name: string;
  /** Plain data (structured clone). */
  input: unknown;
  /** The same call on this thread, for runs from TypeScript sources. */
  inThread: () => T | Promise<T>;
  /** Says what stopped, should the worker exit without an answer. */
  what: string;
  /**
   * The place in the manifest of the report that needs it (ReportEnv.place): of the jobs waiting
   * for a worker, the lowest runs first; none, after those that have one.
   */
  order?: number;
}

/**
 * The module each worker imports first, for its set-up (`setUpAnalysisWorker`, run before its
 * first job), and the analyses' jobs name: built, it is one bundle of the worker's code
 * (analysis-worker.ts), which the jobs' own import then finds already loaded.
 */
export const ANALYSIS_WORKER = new URL('./analysis-worker.js', import.meta.url);

/**
 * Analysis workers at most: the cores besides the main thread's (at least one), or
 * `HTA_ANALYSIS_THREADS` (a whole number ≥ 1: the tests of the job order use 1 on any machine).
 */
export const ANALYSIS_THREADS = ((given) => (Number.isInteger(given) && given >= 1 ? given : Math.max(1, availableParallelism() - 1)))(Number(process.env.HTA_ANALYSIS_THREADS));

interface Pending {
  resolve: (value: unknown) => void;
  reject: (err: unknown) => void;
  what: string;
}

/** A worker and the jobs sent to it that have not answered yet. */
interface AnalysisWorker {
  worker: Worker;
  pending: Map<number, Pending>;
  /** Its open DuckDB sessions, shared with it (native-work.ts). */
  nativeWork: Int32Array;
}

const workers: AnalysisWorker[] = [];
let nextId = 0;

/**
 * Signals reach only the main thread, so temporary folders a worker makes (DuckDB's spill folder,
 * a registry's UTF-8 copy) on its own cleanup list would outlive Ctrl-C. Each worker therefore
 * gets a private temporary folder of its own as its TMPDIR (TMP, TEMP on Windows), made and
 * listed here, on the main thread: a signal, or the worker's end, removes it with all the worker
 * made inside (docs/output-safety.md, "Staging files never outlive the run").
 */
function workerTempFolder(): { folder: string; env: NodeJS.ProcessEnv } {
  const folder = makeTempFolder('hta-worker-');
  registerStagingFolder(folder);
  return { folder, env: { ...process.env, TMPDIR: folder, TMP: folder, TEMP: folder } };
}

function startWorker(): AnalysisWorker {
  // The report's V8 flags before the worker exists: flags are process-wide, and V8 takes the
  // worker bundle's code cache only under the flags it was made with. Started first thing
  // (prestartAnalysisWorkers, before buildReports sets them), the worker compiled its bundle under
  // V8's defaults or the report's, whichever its start met, while the cache writer (its copy of
  // the environment taken before the flags) made the cache under neither: rejected in every run,
  // so the worker compiled its 2 MB bundle from source (docs/architecture.md#the-cost-of-a-cold-regeneration).
  preferShortRunJit();
  const temp = workerTempFolder();
  const nativeWork = newNativeWorkFlag();
  const w: AnalysisWorker = { worker: new Worker(WORKER_SOURCE, { eval: true, workerData: { setup: ANALYSIS_WORKER.href, nativeWork }, env: temp.env }), pending: new Map(), nativeWork };
  w.worker.once('exit', () => discardStagingFolder(temp.folder));
  workers.push(w);
  const fail = (err: (p: Pending) => unknown) => {
    retire(w);
    for (const p of w.pending.values()) p.reject(err(p));
    w.pending.clear();
  };
  w.worker.on('message', (msg: { id?: number; value?: unknown; error?: SentError }) => {
    if (msg.id === undefined) return;
    const p = w.pending.get(msg.id);
    if (!p) return;
    w.pending.delete(msg.id);
    if (msg.error) p.reject(rebuild(msg.error));
    else p.resolve(msg.value);
    // A worker with nothing left to do ends (a later job starts a new one).
    if (w.pending.size === 0) retire(w);
  });
  w.worker.once('error', (err) => fail(() => err));
  w.worker.once('exit', (code) => fail((p) => new Error(`the ${p.what} worker stopped (exit code ${code})`)));
  return w;
}

function retire(w: AnalysisWorker): void {
  const i = workers.indexOf(w);
  if (i < 0) return;
  workers.splice(i, 1);
  void w.worker.terminate();
}

/**
 * A worker started before its first job (`prestartAnalysisWorkers`) and still without one, else a
 * new worker while fewer than ANALYSIS_THREADS run, else the one with the fewest jobs waiting.
 */
function workerForJob(): AnalysisWorker {
  const idle = workers.find((w) => w.pending.size === 0);
  if (idle) return idle;
  if (workers.length < ANALYSIS_THREADS) return startWorker();
  return workers.reduce((a, b) => (b.pending.size < a.pending.size ? b : a));
}

/**
 * Starts the workers `jobs` analyses will need (at most ANALYSIS_THREADS) before the run sends
 * them, so that a worker's own start — a new V8 isolate booting Node, then its bundle: ~0.1 CPU-s
 * — runs while the main thread still loads its modules and checks the inputs, on a core that is
 * otherwise idle then, instead of delaying the first analysis
 * (docs/architecture.md#the-cost-of-a-cold-regeneration). A started worker holds the process
 * open only while it has a job: a run refused before its analyses exits as before.
 */
export function prestartAnalysisWorkers(jobs: number): void {
  if (!builtModules) return;
  while (workers.length < Math.min(jobs, ANALYSIS_THREADS)) startWorker().worker.unref();
}

/** `job.name(job.input)` of `job.module` on a worker thread when running from built modules, else on this thread. */
export async function runOffThread<T>(job: OffThreadJob<T>): Promise<T> {
  if (!builtModules) return job.inThread();
  const w = workerForJob();
  const id = nextId++;
  // A prestarted worker (unreferenced while idle) keeps the process open while it works.
  w.worker.ref();
  return new Promise<T>((resolve, reject) => {
    w.pending.set(id, { resolve: resolve as (value: unknown) => void, reject, what: job.what });
    w.worker.postMessage({ id, order: job.order ?? Number.MAX_SAFE_INTEGER, module: job.module.href, name: job.name, input: job.input });
  });
}

/**
 * Stops analyses still running (a run that failed elsewhere should not wait for them): a worker
 * with no DuckDB session open at once, one with a session once it has interrupted it — never
 * under native work, which would abort the process (native-work.ts).
 */
export async function stopOffThreadAnalyses(): Promise<void> {
  const all = workers.splice(0);
  await Promise.all(all.map(stopWorker));
}

async function stopWorker(w: AnalysisWorker): Promise<void> {
  if (!stopIfNoNativeWork(w.nativeWork)) {
    await new Promise<void>((resolve) => {
      w.worker.on('message', (msg: { stopped?: boolean }) => {
        if (msg.stopped) resolve();
      });
      w.worker.once('exit', () => resolve());
      w.worker.postMessage({ stop: true });
    });
  }
  await w.worker.terminate();
}
