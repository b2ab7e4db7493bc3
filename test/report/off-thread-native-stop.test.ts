/**
 * A run that stops early (another report failed) while an analysis worker is inside DuckDB:
 * terminating the worker then aborted the whole process (`terminate called after throwing an
 * instance of 'Napi::Error'`, exit 134) and the run's own error was never printed. Now the worker
 * interrupts its DuckDB query and says it has stopped, and only then is it terminated
 * (src/native-work.ts). Built modules (workers run only from them), in a child process, so that an
 * abort is the child's exit status, not this test runner's.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, onTestFinished } from 'vitest';
import { copyOfSharedClosure } from '../support/built-closure.js';

// A job that opens DuckDB, says so (a file), and runs a query that would take hours.
const JOBS = `
import { writeFileSync } from 'node:fs';
import { withDuckDb } from '../uptake/engine/duckdb-session.js';
export async function endless(marker) {
  return withDuckDb({ threads: 1 }, async (db) => {
    writeFileSync(marker, 'in DuckDB');
    await db.run('SELECT sum(range) FROM range(10000000000000)');
    return 'finished';
  });
}
export function quick(input) {
  return input;
}
`;

describe('stopping analysis workers', () => {
  it('interrupts a worker inside DuckDB instead of aborting the process, and still stops one that runs JavaScript', () => {
    const closure = copyOfSharedClosure();
    onTestFinished(() => rmSync(closure.dir, { recursive: true, force: true }));
    const built = { url: closure.url('src/report/off-thread.ts') };
    const jobs = new URL('./jobs.js', built.url);
    writeFileSync(fileURLToPath(jobs), JOBS);
    const marker = fileURLToPath(new URL('./in-duckdb', built.url));
    const script = `
      import { existsSync } from 'node:fs';
      const off = await import(${JSON.stringify(built.url)});
      const job = (name, input) => off.runOffThread({ module: new URL(${JSON.stringify(jobs.href)}), name, input, inThread: () => { throw new Error('not built'); }, what: name });
      const endless = job('endless', ${JSON.stringify(marker)});
      endless.then((v) => console.log('endless: ' + v), () => console.log('endless: rejected'));
      while (!existsSync(${JSON.stringify(marker)})) await new Promise((r) => setTimeout(r, 20));
      await off.stopOffThreadAnalyses();
      console.log('stopped');
      // A worker with no DuckDB session open is stopped at once, as before.
      console.log('quick: ' + await job('quick', 7));
      await off.stopOffThreadAnalyses();
      console.log('stopped again');
    `;
    // A file, not \`node --input-type=module -e\`: workers inherit that flag, and it would make the
    // worker's own (CommonJS) source a module.
    const child = fileURLToPath(new URL('./stop-child.mjs', built.url));
    writeFileSync(child, script);
    const r = spawnSync(process.execPath, [child], { encoding: 'utf8', timeout: 60_000 });
    expect(r.stderr).not.toContain('terminate called');
    expect(r.status, r.stderr).toBe(0);
    expect(existsSync(marker)).toBe(true);
    expect(r.stdout).toContain('stopped\n');
    expect(r.stdout).toContain('quick: 7\n');
    expect(r.stdout).toContain('stopped again\n');
    expect(r.stdout).not.toContain('endless: finished');
  });
});
