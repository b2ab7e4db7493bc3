/**
 * Every V8 flag hta sets at run time is set by `hta report`'s main thread before any worker
 * starts (report/short-run-jit.ts): flags are process-wide, and V8 accepts a code cache only under
 * the flags it was made with. A flag set by a worker alone was unknown to the main thread's cache
 * writer (bundle-loader.ts), so the CLI's cache was written under it and every later run rejected
 * it (`npm run bench`: "bin-entry.cjs rejected").
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const flagsSetIn = (source: string) => [...source.matchAll(/setFlagsFromString\(\s*'(--[\w-]+=[^']+)'\s*\)/g)].map((m) => m[1]!);

describe('the V8 flags hta sets', () => {
  it('are all set by preferShortRunJit on the main thread', () => {
    const shortRun = readFileSync('src/report/short-run-jit.ts', 'utf8');
    const mainThread = [...flagsSetIn(shortRun), ...[...shortRun.matchAll(/= '(--[\w-]+=[^']+)'/g)].map((m) => m[1]!)];
    const elsewhere = readdirSync('src', { recursive: true })
      .map(String)
      .filter((f) => f.endsWith('.ts') && f !== join('report', 'short-run-jit.ts') && f !== 'bundle-loader.ts')
      .flatMap((f) => flagsSetIn(readFileSync(join('src', f), 'utf8')));
    // The scan finds the LP solver's flag (uptake/disclosure/linear-program.ts).
    expect(elsewhere.some((f) => f.startsWith('--wasm-tiering-budget='))).toBe(true);
    for (const flag of elsewhere) expect(mainThread, flag).toContain(flag);
  });

  it('are set before an analysis worker starts, which `hta report` does before it builds any report', () => {
    // prestartAnalysisWorkers starts the worker while the inputs are checked, before buildReports
    // sets the flags: the worker's bundle cache (made under the flags the worker's copy of the
    // environment knew, none) was then rejected in every run, and the worker compiled its bundle
    // from source. startWorker sets them first.
    const source = readFileSync('src/report/off-thread.ts', 'utf8');
    const start = source.slice(source.indexOf('function startWorker('));
    const body = start.slice(0, start.indexOf('\n}\n'));
    expect(source).toMatch(/import \{ preferShortRunJit \} from '\.\/short-run-jit\.js';/);
    expect(body).toContain('new Worker(');
    const call = body.search(/^\s*preferShortRunJit\(\);/m);
    expect(call).toBeGreaterThan(-1);
    expect(call).toBeLessThan(body.indexOf('new Worker('));
  });
});
