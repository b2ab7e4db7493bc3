/**
 * A Ctrl-C that lands while `hta report` puts its pages in place: JavaScript handles the signal
 * only after that synchronous work, when every page is already placed. The run then ends as it
 * would have — its summary ("… 3 written …") and exit 0 — not with exit 130 after printing that it
 * wrote them (a CI wrapper reading 130 as "nothing happened" was wrong; docs/output-safety.md).
 * Before, a temporary folder still listed (an analysis worker's TMPDIR, discarded when the worker
 * has ended, a moment after the run) kept the signal handler installed past the renames, and it
 * re-raised the signal after the summary.
 *
 * A real signal needs a child process; it runs the CLI built from src/ on the fly, its file-system
 * calls wrapped so that the signal is sent exactly while the pages are put in place.
 */
import { spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const built = sharedBuiltClosure();

describe.skipIf(process.platform === 'win32')('hta report interrupted while its pages are put in place', () => {
  it('every page is placed, the summary is printed, exit 0; the temporary folders still go', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    copyFileSync('data/published/selfback-studies.csv', join(dir, 'data', 'studies.csv'));
    writeFileSync(join(dir, 'data', 'reports.json'), JSON.stringify({ reports: [{ id: 'meta', kind: 'meta', out: 'meta', lang: 'en', data: 'studies.csv' }] }));
    const worker = join(dir, 'hta-worker-x');
    const script = join(dir, 'hta.mjs');
    writeFileSync(script, `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { discardStagingFolder, registerStagingFolder } from ${JSON.stringify(built.url('src/io/staging-files.ts'))};
import { main } from ${JSON.stringify(built.url('src/cli/main.ts'))};
// A temporary folder still listed while the pages are placed, as an analysis worker's is.
fs.mkdirSync(${JSON.stringify(worker)});
registerStagingFolder(${JSON.stringify(worker)});
// Ctrl-C the moment the first README.md is put in place (linked when new, renamed over an old one).
let sent = false;
for (const name of ['linkSync', 'renameSync']) {
  const real = fs[name];
  fs[name] = (from, to) => {
    const r = real(from, to);
    if (!sent && String(to).endsWith('README.md')) {
      sent = true;
      process.kill(process.pid, 'SIGINT');
    }
    return r;
  };
}
syncBuiltinESMExports();
process.exitCode = await main(process.argv.slice(2));
// The worker ends a moment after the run (its 'exit' event discards its folder, off-thread.ts).
setTimeout(() => discardStagingFolder(${JSON.stringify(worker)}), 200);
`);
    const r = await new Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string }>((resolve, reject) => {
      let stderr = '';
      const child = spawn(process.execPath, [script, 'report', '--manifest', join(dir, 'data', 'reports.json'), '--out', join(dir, 'reports'), '--no-cache'], { stdio: ['ignore', 'ignore', 'pipe'] });
      child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
      child.on('error', reject);
      child.on('exit', (code, signal) => resolve({ code, signal, stderr }));
    });
    expect(r.stderr).toMatch(/files in 1 report\(s\) under .*: \d+ written, 0 removed/);
    expect(r.signal ?? r.code, r.stderr).toBe(0);
    expect(readdirSync(join(dir, 'reports', 'meta'))).toContain('README.md');
    expect(readdirSync(join(dir, 'reports', 'meta')).filter((n) => n.startsWith('.') && n !== '.hta-report.json')).toEqual([]);
    // The signal still removed what it always removes.
    expect(existsSync(worker)).toBe(false);
  });
});
