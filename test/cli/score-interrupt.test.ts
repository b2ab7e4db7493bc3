/**
 * Ctrl-C (SIGINT) or SIGTERM while `hta score` writes a large export stops it there: the old
 * file stays, no staging file is left, and the process ends by the signal (130 / 143). Before,
 * the writing loop ran synchronously to the end, so the handler only ran after the new file had
 * been renamed over the old one, and the run ended with exit 0 (docs/output-safety.md).
 *
 * A real signal needs a child process; it runs the CLI built from src/ on the fly (no dependence
 * on a stale dist/), and is signalled the moment its staging file appears, i.e. while it writes.
 */
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, watch, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateTrial, trialToCsv } from '../../src/simulate/trial.js';
import { sharedBuiltClosure } from '../support/built-closure.js';
import { tempDir } from '../support/run-cli.js';

const built = { url: sharedBuiltClosure().url('src/cli/main.ts') };

function scoreUntilWriting(script: string, exportFile: string, out: string, signal: NodeJS.Signals): Promise<{ code: number | null; signal: NodeJS.Signals | null; sawStaging: boolean }> {
  return new Promise((resolve, reject) => {
    const folder = join(out, '..');
    let sawStaging = false;
    const child = spawn(process.execPath, [script, 'score', exportFile, '--plan', 'data/plans/selfback.plan.json', '--out', out, '--force'], { stdio: ['ignore', 'ignore', 'inherit'] });
    const watcher = watch(folder, (_event, name) => {
      if (sawStaging || !name || !/^\.scored\.csv\.\d+-[0-9a-f]{8}-[0-9a-f]{8}\.[0-9a-f]{16}\.tmp$/.test(name.toString())) return;
      sawStaging = true;
      child.kill(signal);
    });
    child.on('error', reject);
    child.on('exit', (code, sig) => {
      watcher.close();
      resolve({ code, signal: sig, sawStaging });
    });
  });
}

describe.skipIf(process.platform === 'win32')('hta score stopped by a signal while it writes', () => {
  it('SIGINT and SIGTERM: the old file stays, nothing is left behind, the process ends by the signal', { timeout: 30_000 }, async () => {
    const dir = tempDir();
    const exportFile = join(dir, 'big.csv');
    writeFileSync(exportFile, trialToCsv(simulateTrial({ patients: 4_000, seed: 1 })));
    const script = join(dir, 'hta.mjs');
    writeFileSync(script, `import { main } from ${JSON.stringify(built.url)};\nprocess.exitCode = await main(process.argv.slice(2));\n`);
    const runs = (['SIGINT', 'SIGTERM'] as const).map((signal) => {
      const folder = join(dir, signal);
      mkdirSync(folder);
      writeFileSync(join(folder, 'scored.csv'), 'the old scored export\n');
      return scoreUntilWriting(script, exportFile, join(folder, 'scored.csv'), signal).then((r) => ({ ...r, folder, sent: signal }));
    });
    for (const r of await Promise.all(runs)) {
      expect(r.sawStaging).toBe(true);
      expect(r.signal ?? r.code).toBe(r.sent);
      expect(readFileSync(join(r.folder, 'scored.csv'), 'utf8')).toBe('the old scored export\n');
      expect(readdirSync(r.folder), JSON.stringify(r)).toEqual(['scored.csv']);
    }
  });
});
