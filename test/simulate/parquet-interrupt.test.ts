/**
 * Ctrl-C (SIGINT) or SIGTERM while `hta simulate registry --format parquet` has DuckDB write the
 * Parquet file: nothing is left beside the target — neither hta's staging file nor the `tmp_…`
 * file DuckDB's COPY writes first (a partial Parquet file, which no later run would remove) — the
 * user's old file stays, and the process ends by the signal (docs/output-safety.md).
 *
 * A real signal needs a child process; it runs the CLI built from src/ on the fly (no dependence
 * on a stale dist/), and is signalled as soon as DuckDB's `tmp_…` file appears, i.e. once DuckDB's COPY
 * has begun writing. A million rows keep DuckDB writing for about a second (more on a loaded
 * machine), far longer than the poll's 10 ms: the signal always lands mid-write, without the
 * three million rows and fixed delay this test once needed (~10 s of the suite, now ~3 s).
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const built = { url: sharedBuiltClosure().url('src/cli/main.ts') };

function simulateUntilCopying(script: string, folder: string, tmp: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; during: string[] }> {
  return new Promise((resolve, reject) => {
    let during: string[] = [];
    const child = spawn(process.execPath, [script, 'simulate', 'registry', '--rows', '1000000', '--format', 'parquet', '--out', join(folder, 'r.parquet'), '--force'], { stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
    // DuckDB's COPY creates its tmp_ file when it starts writing (hta's staging file comes first).
    const poll = setInterval(() => {
      const files = readdirSync(folder);
      if (!files.some((f) => f.startsWith('tmp_'))) return;
      clearInterval(poll);
      during = files.sort();
      child.kill(signal);
    }, 10);
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      clearInterval(poll);
      resolve({ code, signal: sig, during });
    });
  });
}

describe.skipIf(process.platform === 'win32')('hta simulate registry --format parquet stopped by a signal while DuckDB writes', () => {
  it('SIGINT and SIGTERM: no staging file and no DuckDB tmp_ file left, the old file stays, the process ends by the signal', { timeout: 90_000 }, async () => {
    const dir = tempDir();
    const script = join(dir, 'hta.mjs');
    writeFileSync(script, `import { main } from ${JSON.stringify(built.url)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const folder = join(dir, signal);
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(folder);
      mkdirSync(tmp);
      writeFileSync(join(folder, 'r.parquet'), 'the old registry\n');
      const r = await simulateUntilCopying(script, folder, tmp, signal);
      expect(r.during.length, JSON.stringify(r)).toBeGreaterThan(1);
      expect(r.during.some((f) => f.startsWith('tmp_')), JSON.stringify(r)).toBe(true);
      expect(r.signal ?? r.code, JSON.stringify(r)).toBe(signal);
      expect(readdirSync(folder), JSON.stringify(r)).toEqual(['r.parquet']);
      expect(readFileSync(join(folder, 'r.parquet'), 'utf8')).toBe('the old registry\n');
      expect(readdirSync(tmp)).toEqual([]);
    }
  });
});
