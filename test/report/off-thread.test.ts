/**
 * The analysis workers of src/report/off-thread.ts, from built modules (compiled here to a temp
 * folder with stand-in jobs): jobs share at most ANALYSIS_THREADS workers, a shared worker runs
 * its jobs one after another in the order they came, and an error in one job reaches that job
 * only (the next one on the same worker still answers).
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { transpileTs } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const MODULES = ['src/report/off-thread.ts', 'src/errors.ts', 'src/problem-groups.ts', 'src/io/cpr-number.ts'];

const JOBS = `
import { threadId } from 'node:worker_threads';
import { HtaError } from '../errors.js';
export async function slow(input) {
  const started = Date.now();
  await new Promise((resolve) => setTimeout(resolve, 40));
  return { input, threadId, started, ended: Date.now() };
}
export function fail(input) {
  throw new HtaError('input.invalid', 'bad ' + input, []);
}
`;

function compile(dir: string): string {
  for (const m of MODULES) {
    const out = join(dir, relative('src', m)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, transpileTs(readFileSync(m, 'utf8')));
  }
  writeFileSync(join(dir, 'report/jobs.js'), JOBS);
  return pathToFileURL(join(dir, 'report/off-thread.js')).href;
}

interface Slow { input: number; threadId: number; started: number; ended: number }

describe('runOffThread (built modules)', () => {
  it('shares at most ANALYSIS_THREADS workers, one job after another, errors to their own job', async () => {
    const url = compile(tempDir());
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
});
