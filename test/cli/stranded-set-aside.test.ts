/**
 * A batch that replaces two files (--force) sets the old ones aside; when a later rename fails and
 * putting an old file back fails too, that old file — the user's — is stranded. It must not keep
 * its staging name, which a later run removes as a stale leftover once its process is gone
 * (stale-staging.ts): it is given a visible name no cleanup touches, `<name>.hta-kept`, and the
 * error says where it is (write-atomic.ts keepStranded; docs/output-safety.md).
 */
import fs, { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseStagingName, stagingFilesIn } from '../../src/io/stale-staging.js';
import { runCli, tempDir } from '../support/run-cli.js';

// Every rename onto one of `targets` from the second on fails with a full disk: the batch's second
// replacement, and then the putting back of the first old file.
const inject = { targets: undefined as ReadonlySet<string> | undefined, seen: 0, noLinks: false };
const real = { renameSync: fs.renameSync, linkSync: fs.linkSync };
const fail = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, path });
beforeAll(() => {
  fs.renameSync = ((from: string, to: string) => {
    if (inject.targets?.has(String(to)) && ++inject.seen >= 2) throw fail('ENOSPC', 'rename', String(from));
    return real.renameSync(from, to);
  }) as typeof fs.renameSync;
  fs.linkSync = ((from: string, to: string) => {
    if (inject.noLinks) throw fail('EPERM', 'link', String(from));
    return real.linkSync(from, to);
  }) as typeof fs.linkSync;
  syncBuiltinESMExports();
});
afterAll(() => {
  Object.assign(fs, real);
  syncBuiltinESMExports();
});
afterEach(() => {
  inject.targets = undefined;
  inject.seen = 0;
  inject.noLinks = false;
});

const TRIAL = 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\nP3,app,baseline,11\nP3,app,3m,5\nP4,usual,baseline,14\nP4,usual,3m,13\nP5,app,baseline,12\nP5,app,3m,x9\n';
const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });

describe('a stranded set-aside copy of the user\'s file', () => {
  for (const noLinks of [false, true]) {
    it(`keeps a name no cleanup touches, and the error names it${noLinks ? ' (a file system without hard links)' : ''}`, async () => {
      const dir = tempDir();
      writeFileSync(join(dir, 'trial.csv'), TRIAL);
      writeFileSync(join(dir, 'p.json'), PLAN);
      for (const n of ['effects.csv', 'ex.csv']) writeFileSync(join(dir, n), `my ${n}\n`);
      inject.targets = new Set([join(dir, 'effects.csv'), join(dir, 'ex.csv')]);
      inject.noLinks = noLinks;
      const r = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'p.json'), '--exclude-invalid', '--excluded-out', join(dir, 'ex.csv'), '--csv', join(dir, 'effects.csv'), '--force');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|    at /);
      expect(inject.seen).toBeGreaterThanOrEqual(3);
      const m = /could not all be put back: (\S+) is kept as (\S+) — rename it back by hand/.exec(r.stderr);
      expect(m, r.stderr).not.toBeNull();
      const [, target, kept] = m!;
      // The old bytes under the name the error gives, beside their target: visible, not a staging name.
      expect(kept).toBe(`${target}.hta-kept`);
      expect(readFileSync(kept!, 'utf8')).toBe(`my ${basename(target!)}\n`);
      expect(parseStagingName(basename(kept!))).toBeUndefined();
      // No copy of the user's file is left under a staging name for a later run to remove.
      expect(stagingFilesIn(dir)).toEqual([]);
      // The other target was never replaced: it keeps its old bytes.
      const other = ['effects.csv', 'ex.csv'].map((n) => join(dir, n)).find((p) => p !== target)!;
      expect(readFileSync(other, 'utf8')).toBe(`my ${basename(other)}\n`);
      expect(readdirSync(dir).sort()).toEqual(['effects.csv', 'ex.csv', basename(kept!), 'p.json', 'trial.csv'].sort());
    });
  }
});
