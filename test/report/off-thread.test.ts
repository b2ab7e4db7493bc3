/**
 * The analysis workers of src/report/off-thread.ts, from built modules (compiled here to a temp
 * folder with stand-in jobs): jobs share at most ANALYSIS_THREADS workers, a shared worker runs
 * its jobs one after another (the earliest report's first, else in the order they came), and an error in one job reaches that job
 * only (the next one on the same worker still answers).
 */
import { rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyOfSharedClosure } from '../support/built-closure.js';

const JOBS = `
import { threadId } from 'node:worker_threads';
import { z } from 'zod';
import { HtaError } from '../errors.js';
export function zodJitless() {
  return z.config().jitless === true;
}
export async function slow(input) {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 40));
  return { input, threadId, started, ended: Date.now() };
}
export function origin() {
  // When this thread's Node environment began, in the process's clock (performance.now() of the main thread).
  return performance.nodeTiming.environment;
}
export function fail(input) {
  throw new HtaError('input.invalid', 'bad ' + input, []);
}
`;

/** off-thread.ts and what it imports (its worker set-up too), built — fresh modules for each test, copied from the worker's shared closure — with the stand-in jobs beside it. */
function compile(): string {
  const built = copyOfSharedClosure();
  onTestFinished(() => rmSync(built.dir, { recursive: true, force: true }));
  const url = built.url('src/report/off-thread.ts');
  writeFileSync(fileURLToPath(new URL('./jobs.js', url)), JOBS);
  return url;
}

interface Slow { input: number; threadId: number; started: number; ended: number }

describe('runOffThread (built modules)', () => {
  it('shares at most ANALYSIS_THREADS workers, one job after another, errors to their own job', async () => {
    const url = compile();
    const off = (await import(url)) as typeof import('../../src/report/off-thread.js');
    expect(off.builtModules).toBe(true);
    const jobs = new URL('./jobs.js', url);
    const job = <T>(name: string, input: unknown) =>
      off.runOffThread<T>({ module: jobs, name, input, inThread: () => Promise.reject(new Error('not built')), what: name });
    const [a, bad, b] = await Promise.allSettled([job<Slow>('slow', 1), job('fail', 'plan'), job<Slow>('slow', 2)]);
    expect(bad).toMatchObject({ status: 'rejected', reason: { name: 'HtaError', code: 'input.invalid', message: 'bad plan' } });
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    const [r1, r2] = [(a as PromiseFulfilledResult<Slow>).value, (b as PromiseFulfilledResult<Slow>).value];
    expect([r1.input, r2.input]).toEqual([1, 2]);
    expect(r1.threadId).toBeGreaterThan(0); // not the main thread (0)
    // The three jobs go out at once: slow 1 and fail each start a worker when two may run, and
    // slow 2 gets a worker of its own only when a third may start (else the first one's queue).
    expect(r1.threadId === r2.threadId).toBe(off.ANALYSIS_THREADS < 3);
    if (r1.threadId === r2.threadId) expect(r2.started).toBeGreaterThanOrEqual(r1.ended);
    // The workers end with their last job: a later job starts a new one, and still answers.
    expect(await job<Slow>('slow', 3)).toMatchObject({ input: 3 });
    await off.stopOffThreadAnalyses();
  });

  it('runs the waiting job of the report earliest in the manifest first, whatever order the jobs came in', async () => {
    // One worker, whatever the machine's cores: the order of one queue is what is tested.
    const saved = process.env.HTA_ANALYSIS_THREADS;
    process.env.HTA_ANALYSIS_THREADS = '1';
    onTestFinished(() => {
      if (saved === undefined) delete process.env.HTA_ANALYSIS_THREADS;
      else process.env.HTA_ANALYSIS_THREADS = saved;
    });
    const url = compile();
    const off = (await import(url)) as typeof import('../../src/report/off-thread.js');
    expect(off.ANALYSIS_THREADS).toBe(1);
    const jobs = new URL('./jobs.js', url);
    const job = (input: number, order?: number) =>
      off.runOffThread<Slow>({ module: jobs, name: 'slow', input, inThread: () => Promise.reject(new Error('not built')), what: 'slow', ...(order !== undefined ? { order } : {}) });
    // Sent in the order 5, (none), 3, 1, as a later report's job may reach the worker first
    // (the uptake analysis sends its job only after an await).
    const sent = [job(5, 5), job(0), job(3, 3)];
    await Promise.resolve();
    sent.push(job(1, 1));
    const done = await Promise.all(sent);
    const byStart = [...done].sort((a, b) => a.started - b.started).map((r) => r.input);
    expect(byStart).toEqual([1, 3, 5, 0]);
    await off.stopOffThreadAnalyses();
  });

  it("sets each worker up before its first job: zod without its compiled fast path (a worker parses each plan once)", async () => {
    const url = compile();
    const off = (await import(url)) as typeof import('../../src/report/off-thread.js');
    const jitless = await off.runOffThread<boolean>({ module: new URL('./jobs.js', url), name: 'zodJitless', input: null, inThread: () => Promise.reject(new Error('not built')), what: 'zod' });
    expect(jitless).toBe(true);
    await off.stopOffThreadAnalyses();
  });

  it('a worker prestarted before the run sends its job takes the job: its start overlaps the input checks (that a refused run does not wait for it: test/cli/bin-bundle.test.ts)', async () => {
    const url = compile();
    const off = (await import(url)) as typeof import('../../src/report/off-thread.js');
    off.prestartAnalysisWorkers(1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const sent = performance.now();
    // The thread that answers began before the job was sent: the one prestarted 300 ms earlier.
    const began = await off.runOffThread<number>({ module: new URL('./jobs.js', url), name: 'origin', input: null, inThread: () => Promise.reject(new Error('not built')), what: 'origin' });
    expect(began).toBeLessThan(sent - 150);
    await off.stopOffThreadAnalyses();
  });
});

