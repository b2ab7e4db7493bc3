/**
 * The uptake analysis of a report on a worker thread. It is CPU-bound (aggregation and the
 * disclosure-control linear programs) and independent of the trial and meta reports, so
 * `hta report` starts it first (ReportKind.prefetch) and analyses the trials and draws their
 * charts on the main thread meanwhile: on two cores a cold regeneration then takes about the
 * longer of the two analyses instead of their sum (docs/architecture.md#the-cost-of-a-cold-regeneration).
 *
 * The worker is a short CommonJS script given inline (as png-pool.ts's) that imports the built
 * modules next to this one; under the TypeScript test runner (this file is `.ts`) there are no
 * built modules, so the analysis runs on this thread — same code, same result. The result
 * crosses by structured clone (plain data, as written to results.json); an error crosses as its
 * fields and is rebuilt, so an HtaError keeps its code and problems and a file-system error its
 * code and path (the CLI words both as before).
 */
import { Worker } from 'node:worker_threads';
import { type ErrorCode, HtaError } from '../errors.js';
import type { UptakeAnalysis } from '../uptake/uptake-analysis.js';
import type { UptakePlan } from '../uptake/uptake-plan.js';

const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
import(workerData.module).then((m) => m.analyseUptake(workerData.input)).then(
  (analysis) => parentPort.postMessage({ analysis }),
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

/** The uptake analysis, off the main thread when running from built modules. */
export async function analyseUptakeOffThread(input: { registryFile: string; eligibleFile: string; plan: UptakePlan }): Promise<UptakeAnalysis> {
  const module = new URL('../uptake/uptake-analysis.js', import.meta.url);
  if (!import.meta.url.endsWith('.js')) {
    const { analyseUptake } = await import('../uptake/uptake-analysis.js');
    return analyseUptake(input);
  }
  const worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { module: module.href, input } });
  running.add(worker);
  try {
    return await new Promise<UptakeAnalysis>((resolve, reject) => {
      worker.once('message', (msg: { analysis?: UptakeAnalysis; error?: SentError }) => (msg.error ? reject(rebuild(msg.error)) : resolve(msg.analysis as UptakeAnalysis)));
      worker.once('error', reject);
      worker.once('exit', (code) => reject(new Error(`the uptake analysis worker stopped (exit code ${code})`)));
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
