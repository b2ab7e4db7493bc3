/**
 * Ctrl-C (SIGINT) or SIGTERM while `hta simulate registry --format parquet` converts its CSV
 * with DuckDB leaves no temporary folder: the CSV's private folder (`hta-simulate-…`) is on the
 * process-wide cleanup list as DuckDB's spill folder is (docs/output-safety.md). Runs the CLI
 * built from src/ on the fly, signalled once the CSV is complete and DuckDB has started.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const built = builtClosure('src/cli/main.ts');
symlinkSync(resolve('package.json'), join(built.dir, 'package.json'));
afterAll(() => rmSync(built.dir, { recursive: true, force: true }));

const entries = (dir: string) => readdirSync(dir, { recursive: true, encoding: 'utf8' });

describe.skipIf(process.platform === 'win32')('hta simulate registry --format parquet stopped by a signal', () => {
  it('SIGINT and SIGTERM while DuckDB converts leave TMPDIR empty; the process ends by the signal', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const script = join(dir, 'hta.mjs');
    writeFileSync(script, `import { main } from ${JSON.stringify(built.url)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const r = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; during: string[] }>((done, reject) => {
        let during: string[] = [];
        const out = join(dir, `${signal}.parquet`);
        const child = spawn(process.execPath, [script, 'simulate', 'registry', '--rows', '1000000', '--format', 'parquet', '--out', out], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
        const poll = setInterval(() => {
          const now = entries(tmp);
          // The CSV is in place in its folder, and DuckDB's spill folder is there: the conversion runs.
          if (!now.some((e) => /hta-simulate-\w+\/registry\.csv$/.test(e)) || !now.some((e) => /hta-duckdb-\w+$/.test(e))) return;
          clearInterval(poll);
          during = now;
          child.kill(signal);
        }, 10);
        child.on('error', reject);
        child.on('exit', (code, sig) => {
          clearInterval(poll);
          done({ code, signal: sig, during });
        });
      });
      expect(r.during.length).toBeGreaterThan(0);
      expect(r.signal ?? r.code).toBe(signal);
      expect(entries(tmp)).toEqual([]);
    }
  });
});
