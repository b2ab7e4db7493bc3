/**
 * A Ctrl-C that lands while `hta score` or `hta uptake --csv-dir` puts its outputs in place:
 * or after, while it says what it wrote. The outputs are complete; the run then ends as it would
 * have — its "wrote …" line and exit 0 — not exit 130 after writing them (with no staging file
 * left, hta's handlers were gone and Node's default ended the process at once) (a wrapper reading 130 as "nothing happened" was wrong), as `hta report` does since
 * session 29 (test/report/report-interrupt-placed.test.ts; docs/output-safety.md). A signal before
 * the outputs are placed still ends the run by it with nothing of ours left
 * (test/cli/score-interrupt.test.ts; below, for uptake).
 *
 * A real signal needs a child process; it runs the CLI built from src/ on the fly, its file-system
 * calls and stderr wrapped so that the signal is sent exactly then.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateTrial, trialToCsv } from '../../src/simulate/trial.js';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const built = sharedBuiltClosure();
// `hta uptake` reads its SQL beside its modules: a file added beside the built ones, never a change to one.
if (!existsSync(join(built.dir, 'sql'))) symlinkSync(resolve('sql'), join(built.dir, 'sql'));

/**
 * Runs the CLI with SIGINT sent once a file named `at` is in place (linked when new, renamed over
 * an old one) and the run says what it wrote, or — `before` — the moment its staging file is opened.
 */
function runSignalled(dir: string, argv: string[], at: string, when: 'placed' | 'before'): Promise<{ code: number | null; signal: NodeJS.Signals | null; stderr: string; sent: boolean }> {
  const script = join(dir, `hta-${when}.mjs`);
  writeFileSync(script, `
import fs from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { main } from ${JSON.stringify(built.url('src/cli/main.ts'))};
let sent = false;
const name = (p) => String(p).split('/').pop();
const send = () => { if (!sent) { sent = true; process.stderr.write('SENT\\n'); process.kill(process.pid, 'SIGINT'); } };
let placed = false;
for (const fn of ['linkSync', 'renameSync']) {
  const real = fs[fn];
  fs[fn] = (from, to) => {
    const r = real(from, to);
    if (name(to) === ${JSON.stringify(at)}) placed = true;
    return r;
  };
}
// Placed, the run says so: Ctrl-C as it does (the outputs are complete; the run has only to end).
const write = process.stderr.write.bind(process.stderr);
process.stderr.write = (text, ...rest) => {
  const r = write(text, ...rest);
  if (${JSON.stringify(when)} === 'placed' && placed && String(text).startsWith('wrote ')) send();
  return r;
};
const realOpen = fs.openSync;
fs.openSync = (p, ...rest) => {
  const r = realOpen(p, ...rest);
  if (${JSON.stringify(when)} === 'before' && name(p).startsWith('.' + ${JSON.stringify(at)} + '.') && name(p).endsWith('.tmp')) send();
  return r;
};
syncBuiltinESMExports();
process.exitCode = await main(process.argv.slice(2));
`);
  return new Promise((resolve, reject) => {
    let stderr = '';
    const child = spawn(process.execPath, [script, ...argv], { stdio: ['ignore', 'ignore', 'pipe'] });
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => resolve({ code, signal, stderr: stderr.replace('SENT\n', ''), sent: stderr.includes('SENT\n') }));
  });
}

/**
 * `hta uptake` on the 8-row registry: these tests are about when the signal lands (the same tables
 * are staged and placed, one file each, whatever the registry's size), not the analysis; the
 * bundled 20,000-row registry cost ~0.7 CPU-s more a run.
 */
const UPTAKE = ['uptake', 'test/uptake/fixtures/registry-small.csv', '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication'];

/** Files of ours a run may leave: staging files and set-aside copies start with a dot. */
const hidden = (folder: string) => readdirSync(folder).filter((n) => n.startsWith('.') && n !== '.hta-files.json');

describe.skipIf(process.platform === 'win32')('a signal while the outputs are put in place', () => {
  it('hta score: the scored export is placed and complete, "wrote …" is said, exit 0', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), trialToCsv(simulateTrial({ patients: 200, seed: 2 })));
    const r = await runSignalled(dir, ['score', join(dir, 'export.csv'), '--plan', 'data/plans/selfback.plan.json', '--out', join(dir, 'scored.csv')], 'scored.csv', 'placed');
    expect(r.sent).toBe(true);
    expect(r.signal ?? r.code, r.stderr).toBe(0);
    expect(r.stderr).toMatch(/wrote .*scored\.csv: \d+ rows/);
    const lines = readFileSync(join(dir, 'scored.csv'), 'utf8').trimEnd().split('\n');
    expect(lines.length).toBe(readFileSync(join(dir, 'export.csv'), 'utf8').trimEnd().split('\n').length);
    expect(hidden(dir)).toEqual([]);
  });

  it('hta uptake --csv-dir: every table is placed, "wrote N CSV files" is said, exit 0', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const out = join(dir, 'tables');
    const args = [...UPTAKE, '--csv-dir', out];
    const r = await runSignalled(dir, args, 'activation-metrics.csv', 'placed');
    expect(r.sent, r.stderr).toBe(true);
    expect(r.signal ?? r.code, r.stderr).toBe(0);
    const said = /wrote (\d+) CSV files to /.exec(r.stderr);
    expect(said, r.stderr).not.toBeNull();
    expect(readdirSync(out).filter((n) => n.endsWith('.csv'))).toHaveLength(Number(said![1]));
    expect(hidden(out)).toEqual([]);
  });

  it('hta uptake --csv-dir stopped before its tables are placed: exit by the signal, no folder of ours left', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    const out = join(dir, 'tables');
    const args = [...UPTAKE, '--csv-dir', out];
    const r = await runSignalled(dir, args, 'activation-metrics.csv', 'before');
    expect(r.sent, r.stderr).toBe(true);
    expect(r.signal ?? r.code, r.stderr).toBe('SIGINT');
    expect(readdirSync(dir).filter((n) => n !== 'hta-before.mjs')).toEqual([]);
  });
});
