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
 */
import { Worker } from 'node:worker_threads';
import { type ErrorCode, HtaError } from '../errors.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then((m) => m[workerData.name](workerData.input)).then(
  (value) => parentPort.postMessage({ value }),
  (err) => parentPort.postMessage({ error: {
    name: err && err.name, message: String((err && err.message) || err), code: err && err.code, problems: err && err.problems,
    groups: err && err.groups, errno: err && err.errno, syscall: err && err.syscall, path: err && err.path,
  } }),
);
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

const running = new Set<Worker>();

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
}

/** `job.name(job.input)` of `job.module` on a worker thread when running from built modules, else on this thread. */
export async function runOffThread<T>(job: OffThreadJob<T>): Promise<T> {
  if (!builtModules) return job.inThread();
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: job.module.href, name: job.name, input: job.input } });
  running.add(worker);
  try {
    return await new Promise<T>((resolve, reject) => {
      worker.once('message', (msg: { value?: T; error?: SentError }) => (msg.error ? reject(rebuild(msg.error)) : resolve(msg.value as T)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the ${job.what} worker stopped (exit code ${code})`)));
    });
  } finally {
    running.delete(worker);
    void worker.terminate();
  }
}

/** Stops analyses still running (a run that failed elsewhere should not wait for them). */
export async function stopOffThreadAnalyses(): Promise<void> {
  await Promise.all([...running].map((w) => w.terminate()));
  running.clear();
}
