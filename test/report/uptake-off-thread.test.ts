/**
 * The uptake analysis on a worker thread (src/report/uptake-off-thread.ts). Under the test runner
 * the module is `.ts` and runs the analysis in-thread, so this compiles it (and the error module)
 * to JavaScript in a temp folder beside a stand-in `uptake/uptake-analysis.js`, and checks that a
 * result crosses whole and that errors come back as what they were: an HtaError with its code and
 * problems, a file-system error with its code and path.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { transpileTs } from '../support/built-closure.js';

// With the workers' module and set-up (it imports zod: the folder is inside the repository, as built-closure.ts's).
const MODULES = ['src/report/uptake-off-thread.ts', 'src/report/off-thread.ts', 'src/report/short-run-jit.ts', 'src/report/analysis-worker.ts', 'src/report/analysis-worker-setup.ts', 'src/native-work.ts', 'src/io/staging-files.ts', 'src/errors.ts', 'src/problem-groups.ts', 'src/io/cpr-number.ts', 'src/io/contact-details.ts', 'src/io/date-text.ts', 'src/io/excerpt.ts', 'src/io/visible-text.ts', 'src/io/temp-folder.ts', 'src/io/stale-staging.ts', 'src/io/fs-error.ts'];

function tempDir(): string {
  mkdirSync('node_modules/.cache', { recursive: true });
  const dir = mkdtempSync(join(process.cwd(), 'node_modules/.cache/hta-test-uptake-'));
  onTestFinished(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

const STAND_IN = `
import { HtaError } from '../errors.js';
export async function analyseUptake(input) {
  if (input.registryFile === 'bad.csv') throw new HtaError('input.invalid', 'bad.csv lacks registry columns', [{ file: 'bad.csv', line: 1, field: 'id', expected: 'a column named "id"' }]);
  if (input.registryFile === 'nope.csv') throw Object.assign(new Error('ENOENT: no such file'), { code: 'ENOENT', syscall: 'open', path: 'nope.csv', errno: -2 });
  return { rows: 3, plan: input.plan, ratio: Infinity, nested: { threadId: (await import('node:worker_threads')).threadId } };
}
`;

function compile(dir: string): string {
  for (const m of MODULES) {
    const out = join(dir, relative('src', m)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, transpileTs(readFileSync(m, 'utf8')));
  }
  mkdirSync(join(dir, 'uptake'), { recursive: true });
  writeFileSync(join(dir, 'uptake/uptake-analysis.js'), STAND_IN);
  return pathToFileURL(join(dir, 'report/uptake-off-thread.js')).href;
}

describe('analyseUptakeOffThread (built modules)', () => {
  it('runs on a worker thread and brings the result and the errors back as they were', async () => {
    const mod = (await import(compile(tempDir()))) as typeof import('../../src/report/uptake-off-thread.js');
    const plan = { currency: 'DKK' } as never;
    const ok = (await mod.analyseUptakeOffThread({ registryFile: 'r.csv', eligibleFile: 'e.csv', plan })) as unknown as Record<string, unknown>;
    expect(ok).toMatchObject({ rows: 3, plan: { currency: 'DKK' }, ratio: Infinity });
    expect((ok.nested as { threadId: number }).threadId).toBeGreaterThan(0); // not the main thread (0)
    const bad = await mod.analyseUptakeOffThread({ registryFile: 'bad.csv', eligibleFile: 'e.csv', plan }).catch((e: unknown) => e);
    expect(bad).toMatchObject({ name: 'HtaError', code: 'input.invalid', message: 'bad.csv lacks registry columns', exitCode: 2 });
    expect((bad as { problems: unknown[] }).problems).toEqual([{ file: 'bad.csv', line: 1, field: 'id', expected: 'a column named "id"' }]);
    const missing = await mod.analyseUptakeOffThread({ registryFile: 'nope.csv', eligibleFile: 'e.csv', plan }).catch((e: unknown) => e);
    expect(missing).toMatchObject({ code: 'ENOENT', syscall: 'open', path: 'nope.csv' });
    await mod.stopOffThreadAnalyses();
  });
});
