/**
 * Ctrl-C (SIGINT) or SIGTERM while an analysis runs on a worker thread (`hta report`'s uptake
 * analysis, src/report/off-thread.ts) leaves no temporary folder: signals reach only the main
 * thread, so the worker's own cleanup list never ran and each interrupt left an `hta-duckdb-…`
 * folder in TMPDIR (docs/output-safety.md, "Staging files never outlive the run"). A real signal
 * needs a child process; it runs the modules built from src/ on the fly, with a stand-in job that
 * opens DuckDB as the uptake analysis does and then waits.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const offThread = { url: sharedBuiltClosure().url('src/report/off-thread.ts') };
const duckdb = { url: sharedBuiltClosure().url('src/uptake/engine/duckdb-session.ts') };

// The stand-in job: DuckDB's spill folder made and listed as withDuckDb does, then a long wait.
writeFileSync(
  fileURLToPath(new URL('./hang.js', offThread.url)),
  `import { withDuckDb } from ${JSON.stringify(duckdb.url)};
export async function hang() {
  return withDuckDb({}, () => new Promise(() => setInterval(() => {}, 1000)));
}
`,
);

/** Every entry under `dir`, as paths relative to it. */
function entries(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' });
}

function runUntilSpilling(script: string, tmp: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; during: string[] }> {
  return new Promise((resolve, reject) => {
    let during: string[] = [];
    const child = spawn(process.execPath, [script], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
    const poll = setInterval(() => {
      const now = entries(tmp);
      if (!now.some((e) => /hta-duckdb-\w+$/.test(e))) return;
      clearInterval(poll);
      during = now;
      child.kill(signal);
    }, 20);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, during });
    });
  });
}

describe.skipIf(process.platform === 'win32')('an analysis on a worker thread stopped by a signal', () => {
  it('SIGINT and SIGTERM remove the temporary folders the worker made; the process ends by that signal', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    const script = join(dir, 'run.mjs');
    writeFileSync(
      script,
      `import { runOffThread } from ${JSON.stringify(offThread.url)};
await runOffThread({ module: new URL('./hang.js', ${JSON.stringify(offThread.url)}), name: 'hang', input: null, inThread: () => undefined, what: 'stand-in' });
`,
    );
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const r = await runUntilSpilling(script, tmp, signal);
      expect(r.during.some((e) => e.includes('hta-duckdb-'))).toBe(true);
      expect(r.signal ?? r.code).toBe(signal);
      expect(entries(tmp)).toEqual([]);
    }
  });
});
