/**
 * A batch that replaces two files (--force) sets the old ones aside; when a later rename fails and
 * putting an old file back fails too, that old file — the user's — is stranded. It must not keep
 * its staging name, which a later run removes as a stale leftover once its process is gone
 * (stale-staging.ts): it is given a visible name no cleanup touches, `<name>.hta-kept`, and the
 * error says where it is (write-atomic.ts keepStranded; docs/output-safety.md).
 */
import fs, { readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { basename, join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { parseAsideName, parseStagingName, stagingFilesIn } from '../../src/io/stale-staging.js';
import { runCli, tempDir } from '../support/run-cli.js';

// Every rename onto one of `targets` from the second on fails with a full disk: the batch's second
// replacement, and then the putting back of the first old file.
const inject = { targets: undefined as ReadonlySet<string> | undefined, seen: 0, noLinks: false, readOnlyKept: false };
const real = { renameSync: fs.renameSync, linkSync: fs.linkSync, copyFileSync: fs.copyFileSync };
const fail = (code: string, syscall: string, path: string) => Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, path });
beforeAll(() => {
  fs.renameSync = ((from: string, to: string) => {
    if (inject.targets?.has(String(to)) && ++inject.seen >= 2) throw fail('ENOSPC', 'rename', String(from));
    return real.renameSync(from, to);
  }) as typeof fs.renameSync;
  fs.linkSync = ((from: string, to: string) => {
    // The folder turned read-only before the put-back: no `<name>.hta-kept` can be made.
    if (inject.readOnlyKept && /\.hta-kept/.test(String(to))) throw fail('EACCES', 'link', String(to));
    if (inject.noLinks) throw fail('EPERM', 'link', String(from));
    return real.linkSync(from, to);
  }) as typeof fs.linkSync;
  fs.copyFileSync = ((from: string, to: string, mode?: number) => {
    if (inject.readOnlyKept && /\.hta-kept/.test(String(to))) throw fail('EACCES', 'copyfile', String(to));
    return real.copyFileSync(from, to, mode);
  }) as typeof fs.copyFileSync;
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
  inject.readOnlyKept = false;
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

  it('stays, and is never removed by a later run, when no other name can be made in its folder (read-only)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), TRIAL);
    writeFileSync(join(dir, 'p.json'), PLAN);
    for (const n of ['effects.csv', 'ex.csv']) {
      writeFileSync(join(dir, n), `my ${n}, a week of work\n`);
      // The user's own files, written long ago: no grace period protects them.
      utimesSync(join(dir, n), new Date('2026-11-01'), new Date('2026-11-01'));
    }
    inject.targets = new Set([join(dir, 'effects.csv'), join(dir, 'ex.csv')]);
    inject.readOnlyKept = true;
    const args = ['analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'p.json'), '--exclude-invalid', '--excluded-out', join(dir, 'ex.csv'), '--csv', join(dir, 'effects.csv'), '--force'];
    const r = await runCli(...args);
    expect(r.code, r.stderr).toBe(2);
    const m = /could not all be put back: (\S+) is kept as (\S+) \(a hidden name no hta run removes; no other name could be made in its folder\)/.exec(r.stderr);
    expect(m, r.stderr).not.toBeNull();
    const [, target, kept] = m!;
    expect(parseStagingName(basename(kept!))).toBeUndefined();
    const a = parseAsideName(basename(kept!));
    expect(a).toBeDefined();
    // As a later run sees it once this process is gone (a pid no process has).
    const gone = join(dir, basename(kept!).replace(`.${a!.pid}-`, '.2147483646-'));
    renameSync(kept!, gone);
    inject.targets = undefined;
    inject.readOnlyKept = false;
    // The user runs again, twice; the set-aside copy of the old file survives both.
    for (let k = 0; k < 2; k++) {
      const again = await runCli(...args);
      expect(again.code, again.stderr).toBe(0);
      expect(again.stderr).not.toMatch(/removed/);
      expect(again.stderr).toContain(`note: ${gone} holds an earlier ${basename(target!)}`);
      expect(readFileSync(gone, 'utf8')).toBe(`my ${basename(target!)}, a week of work\n`);
    }
  });

  it('is removed by a later run only when the file at its target has its bytes (a spare)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), TRIAL);
    writeFileSync(join(dir, 'p.json'), PLAN);
    const args = ['analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'p.json'), '--exclude-invalid', '--excluded-out', join(dir, 'ex.csv'), '--csv', join(dir, 'effects.csv'), '--force'];
    expect((await runCli(...args)).code).toBe(0);
    // A spare a killed run left: a hard link of the file still at its target.
    const spare = join(dir, '.effects.csv.2147483646-00000000-00000000.0123456789abcdef.hta-aside');
    fs.linkSync(join(dir, 'effects.csv'), spare);
    const { HOST_TAG, targetTag } = await import('../../src/io/stale-staging.js');
    const named = join(dir, `.effects.csv.2147483646-${HOST_TAG}-${targetTag('effects.csv')}.0123456789abcdef.hta-aside`);
    renameSync(spare, named);
    const again = await runCli(...args);
    expect(again.code, again.stderr).toBe(0);
    expect(again.stderr).toContain(`note: removed ${named}, a spare copy`);
    expect(stagingFilesIn(dir)).toEqual([]);
  });
});
