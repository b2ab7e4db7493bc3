/**
 * The UTF-8 copy of a Windows-1252 or UTF-16 registry (src/uptake/registry-encoding.ts) lives in
 * a private temporary folder that Ctrl-C (SIGINT) and kill (SIGTERM) remove too, while the
 * engine reads it. A real signal needs a child process; it runs the module compiled from src/ on
 * the fly (no dependence on a stale dist/), as test/io/staging-signals.test.ts does.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { transpileTs } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const MODULES = ['src/uptake/registry-encoding.ts', 'src/io/private-copy.ts', 'src/io/staging-files.ts', 'src/io/windows-1252.ts', 'src/io/utf16.ts', 'src/errors.ts', 'src/problem-groups.ts', 'src/io/cpr-number.ts', 'src/io/contact-details.ts', 'src/io/date-text.ts', 'src/io/excerpt.ts', 'src/io/visible-text.ts', 'src/io/temp-folder.ts', 'src/io/stale-staging.ts', 'src/io/fs-error.ts'];

function compileChild(dir: string): string {
  for (const m of MODULES) {
    const out = join(dir, relative('src', m)).replace(/\.ts$/, '.js');
    mkdirSync(dirname(out), { recursive: true });
    writeFileSync(out, transpileTs(readFileSync(m, 'utf8')));
  }
  const main = join(dir, 'child.mjs');
  // Reads the copy "forever", as a long engine run would.
  writeFileSync(main, `
import { withUtf8Copy } from './uptake/registry-encoding.js';
await withUtf8Copy(process.argv[2], 'windows-1252', async () => {
  process.stdout.write('started\\n');
  await new Promise(() => setInterval(() => {}, 1000));
});
`);
  return main;
}

describe.skipIf(process.platform === 'win32')('the UTF-8 copy of a registry and signals', () => {
  it('SIGINT and SIGTERM while the copy is read remove its temporary folder; the process ends by that signal', { timeout: 20_000 }, async () => {
    const dir = tempDir();
    const script = compileChild(join(dir, 'lib'));
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      const tmp = join(dir, `tmp-${signal}`);
      mkdirSync(tmp);
      const r = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; during: string[] }>((resolve, reject) => {
        let during: string[] = [];
        const child = spawn(process.execPath, [script, 'test/fixtures/exports/registry-dk-windows-1252/registry.csv'], { stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, TMPDIR: tmp } });
        child.stdout.on('data', (d: Buffer) => {
          if (!d.toString().includes('started')) return;
          during = readdirSync(tmp).flatMap((f) => readdirSync(join(tmp, f)).map((g) => `${f.replace(/-\d+_[0-9a-f]{8}_\w{6}$/, '-*')}/${g}`));
          child.kill(signal);
        });
        child.on('error', reject);
        child.on('exit', (code, sig) => resolve({ code, signal: sig, during }));
      });
      expect(r.during).toEqual(['hta-registry-*/registry-utf8.csv']);
      expect(r.signal ?? r.code).toBe(signal);
      expect(readdirSync(tmp)).toEqual([]);
    }
  });
});
