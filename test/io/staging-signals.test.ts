/**
 * A run stopped by SIGINT or SIGTERM while streaming an output removes its staging file and ends
 * as the signal demands. The point is a real signal, so this runs a child process; it runs the
 * writer compiled from src/ on the fly (no dependence on a stale dist/).
 */
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transpileTs } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const MODULES = ['src/io/write-atomic.ts', 'src/io/staging-files.ts', 'src/io/stale-staging.ts', 'src/io/fs-error.ts', 'src/errors.ts', 'src/problem-groups.ts', 'src/io/cpr-number.ts', 'src/io/contact-details.ts', 'src/io/date-text.ts', 'src/io/excerpt.ts', 'src/io/visible-text.ts'];

function compileWriter(dir: string): string {
  for (const m of MODULES) {
    const out = join(dir, relative('src', m)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    const js = transpileTs(readFileSync(m, 'utf8'));
    writeFileSync(out, js);
  }
  const main = join(dir, 'child.mjs');
  writeFileSync(main, `
import { writeLinesAtomic } from './io/write-atomic.js';
function* endless() {
  for (let i = 0; ; i++) {
    if (i === 60000) process.stdout.write('started\\n');
    yield 'id' + i + ',Region Hovedstaden,C01,2024-01-01,,,,,';
  }
}
await writeLinesAtomic(process.argv[2], endless());
`);
  return main;
}

function runUntilStarted(script: string, target: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; staged: string[] }> {
  let staged: string[] = [];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, target], { stdio: ['ignore', 'pipe', 'inherit'] });
    child.stdout.on('data', (d: Buffer) => {
      if (!d.toString().includes('started')) return;
      staged = readdirSync(dirname(target));
      child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => resolve({ code, signal: sig, staged }));
  });
}

describe.skipIf(process.platform === 'win32')('staging files and signals', () => {
  it('SIGINT and SIGTERM during a streamed write remove the staging file; the process ends by that signal', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    const script = compileWriter(join(dir, 'lib'));
    const outDir = join(dir, 'out');
    mkdirSync(outDir);
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const r = await runUntilStarted(script, join(outDir, `registry-${signal}.csv`), signal);
      expect(r.staged).toEqual([expect.stringMatching(new RegExp(`^\\.registry-${signal}\\.csv\\.\\d+-[0-9a-f]{8}-[0-9a-f]{8}\\.[0-9a-f]{16}\\.tmp$`))]);
      expect(r.signal ?? r.code).toBe(signal); // re-raised: the shell sees 130 / 143
      expect(readdirSync(outDir)).toEqual([]);
    }
  });

  it('SIGTERM removes a registered temporary folder (DuckDB\'s spill folder) with what is in it', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib');
    compileWriter(lib);
    const spill = join(dir, 'spill');
    const script = join(lib, 'folder-child.mjs');
    writeFileSync(script, `
import { mkdirSync, writeFileSync } from 'node:fs';
import { registerStagingFolder } from './io/staging-files.js';
mkdirSync(process.argv[2]);
writeFileSync(process.argv[2] + '/duckdb_temp_block-1.block', 'x');
registerStagingFolder(process.argv[2]);
process.stdout.write('started\\n');
setInterval(() => {}, 1000);
`);
    const r = await runUntilStarted(script, spill, 'SIGTERM');
    expect(r.signal ?? r.code).toBe('SIGTERM');
    expect(readdirSync(dir).sort()).toEqual(['lib']);
  });

  it('a temporary folder that cannot be removed (TMPDIR remounted read-only) neither crashes the exit nor the signal handler (tmpfs; run as root only)', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    const lib = join(dir, 'lib');
    compileWriter(lib);
    const tmp = join(dir, 'tmp');
    mkdirSync(tmp);
    try {
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=1m', 'tmpfs', tmp], { stdio: 'ignore' });
    } catch {
      return; // not root, or no tmpfs here
    }
    try {
      mkdirSync(join(tmp, 'hta-duckdb-Ab12Cd'));
      writeFileSync(join(tmp, 'hta-duckdb-Ab12Cd', 'duckdb_temp_block-1.block'), 'x');
      execFileSync('mount', ['-o', 'remount,ro', tmp], { stdio: 'ignore' });
      const script = join(lib, 'ro-child.mjs');
      writeFileSync(script, `
import { registerStagingFolder } from './io/staging-files.js';
registerStagingFolder(process.argv[2]);
process.stdout.write('started\\n');
if (process.argv[3] === 'exit') { process.stderr.write('error: the run\\'s own message\\n'); process.exit(2); }
setInterval(() => {}, 1000);
`);
      const exit = spawnSync(process.execPath, [script, join(tmp, 'hta-duckdb-Ab12Cd'), 'exit'], { encoding: 'utf8' });
      expect(exit.stderr).toBe('error: the run\'s own message\n'); // no stack trace after it
      expect(exit.status).toBe(2);
      const r = await runUntilStarted(script, join(tmp, 'hta-duckdb-Ab12Cd'), 'SIGTERM');
      expect(r.signal ?? r.code).toBe('SIGTERM');
    } finally {
      execFileSync('umount', [tmp], { stdio: 'ignore' });
    }
  });
});
