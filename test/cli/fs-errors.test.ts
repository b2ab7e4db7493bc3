/**
 * Failures only a real system produces on demand (a full disk; permission denied while running
 * as root in CI) are injected into node:fs: each must give one line naming the path, exit 2, and
 * leave nothing behind.
 */
import fs, { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const inject = { write: undefined as string | undefined, rename: undefined as string | undefined, readOnly: undefined as string | undefined, linkAt: undefined as string | undefined, renameAt: undefined as string | undefined, secondRenameOnto: undefined as { targets: ReadonlySet<string>; seen: number } | undefined, noLinks: false, calls: undefined as string[] | undefined };

// The failures are injected by patching node:fs and syncing its ESM exports (every module's
// `import { writeSync } from 'node:fs'` sees the patch), not by vi.mock: the file runs in the
// shared module graph (vitest.config.ts), where a mock would miss the modules already imported.
// Each patch passes the call through unless a test has set its failure; all are restored after.
const real = { writeSync: fs.writeSync, write: fs.write, renameSync: fs.renameSync, mkdirSync: fs.mkdirSync, linkSync: fs.linkSync };
const fail = (code: string, syscall: string, path?: string) => Object.assign(new Error(`${code}: injected, ${syscall}`), { code, syscall, ...(path ? { path } : {}) });
const patched = {
  writeSync: ((...args: Parameters<typeof fs.writeSync>) => {
    if (inject.write) throw fail(inject.write, 'write');
    return real.writeSync(...args);
  }) as typeof fs.writeSync,
  write: ((...args: unknown[]) => {
    if (inject.write) return (args[args.length - 1] as (e: Error) => void)(fail(inject.write, 'write'));
    return (real.write as (...a: unknown[]) => void)(...args);
  }) as typeof fs.write,
  renameSync: ((from: string, to: string) => {
    inject.calls?.push(`rename ${from} -> ${to}`);
    if (inject.rename) throw fail(inject.rename, 'rename', from);
    // The placing of one --force target only: a full disk as it is renamed into place.
    if (inject.renameAt !== undefined && String(to) === inject.renameAt) throw fail('ENOSPC', 'rename', from);
    // The second file of a batch renamed over an existing target (--force) fails, whichever it is.
    const onto = inject.secondRenameOnto;
    if (onto !== undefined && onto.targets.has(String(to)) && ++onto.seen === 2) throw fail('ENOSPC', 'rename', from);
    return real.renameSync(from, to);
  }) as typeof fs.renameSync,
  // A read-only file system under `inject.readOnly`, as Node reports it: a plain mkdir fails with
  // EROFS, a recursive one with ENOENT (it looks for the folder after its mkdir failed).
  mkdirSync: ((path: string, options?: { recursive?: boolean }) => {
    if (inject.readOnly && String(path).startsWith(inject.readOnly)) {
      throw options?.recursive ? fail('ENOENT', 'mkdir', String(path)) : fail('EROFS', 'mkdir', String(path));
    }
    return real.mkdirSync(path, options);
  }) as typeof fs.mkdirSync,
  // A new output is put in place by a hard link (never over a file); the same failure applies.
  linkSync: ((from: string, to: string) => {
    inject.calls?.push(`link ${from} -> ${to}`);
    if (inject.rename) throw fail(inject.rename, 'link', from);
    // The placing of one target only (a batch's second file): a full disk as the link is made.
    if (inject.linkAt !== undefined && String(to) === inject.linkAt) throw fail('ENOSPC', 'link', from);
    // A file system without hard links (some network and FAT file systems).
    if (inject.noLinks) throw fail('EPERM', 'link', from);
    return real.linkSync(from, to);
  }) as typeof fs.linkSync,
};

beforeAll(() => {
  Object.assign(fs, patched);
  syncBuiltinESMExports();
});
afterAll(() => {
  Object.assign(fs, real);
  syncBuiltinESMExports();
});

const CSV = 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\n';

afterEach(() => {
  inject.write = inject.rename = inject.readOnly = inject.linkAt = inject.renameAt = inject.secondRenameOnto = inject.calls = undefined;
  inject.noLinks = false;
});

function setup() {
  const dir = tempDir();
  writeFileSync(join(dir, 'x.csv'), CSV);
  return { dir, csv: join(dir, 'x.csv'), out: join(dir, 'out', 'scored.csv') };
}

describe('file-system failures are the user’s to fix: one line, exit 2, nothing left behind', () => {
  for (const [code, phrase] of [['ENOSPC', 'disk is full'], ['EACCES', 'permission denied'], ['EDQUOT', 'quota'], ['EROFS', 'read-only']] as const) {
    it(`${code} while writing the scored export`, async () => {
      const w = setup();
      inject.write = code;
      const r = await runCli('score', w.csv, '--out', w.out);
      expect(r.code).toBe(2);
      expect(r.stderr).not.toMatch(/internal error|    at /);
      expect(r.stderr).toContain(w.out);
      expect(r.stderr).toContain(phrase);
      // The folder the run made for its output goes too.
      expect(readdirSync(w.dir)).toEqual(['x.csv']);
    });
  }

  it('ENOSPC while streaming a simulated registry leaves no staging file', async () => {
    const dir = tempDir();
    inject.write = 'ENOSPC';
    const r = await runCli('simulate', 'registry', '--rows', '50', '--out', join(dir, 'r.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'r.csv'));
    expect(r.stderr).toContain('disk is full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('EACCES at the rename (a folder you cannot write to)', async () => {
    const w = setup();
    inject.rename = 'EACCES';
    const r = await runCli('score', w.csv, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
    expect(r.stderr).toContain(w.out);
    expect(readdirSync(w.dir)).toEqual(['x.csv']);
  });

  it('a read-only file system is reported as read-only (not "does not exist") when the output\'s folder is made', async () => {
    const w = setup();
    inject.readOnly = join(w.dir, 'out');
    const r = await runCli('score', w.csv, '--out', join(w.dir, 'out', 'r', 'scored.csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(at ${join(w.dir, 'out')})`);
    expect(r.stderr).toContain('read-only');
    expect(r.stderr).not.toContain('does not exist');
    expect(readdirSync(w.dir)).toEqual(['x.csv']);
  });

  it('hta report on a read-only file system says so, and a failed first run leaves no folder it made', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    // One study row (one forest plot per report): what is tested is the folders, not the charts.
    writeFileSync(join(dir, 'studies.csv'), readFileSync('data/published/selfback-studies.csv', 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'a', kind: 'meta', out: 'a', data: 'studies.csv' }, { id: 'b', kind: 'meta', out: 'b', data: 'studies.csv' }] }));
    // Report "a"'s folder is made; report "b"'s cannot be.
    inject.readOnly = join(dir, 'out', 'b');
    const r = await runCli('report', '--manifest', manifest, '--out', join(dir, 'out'), '--no-cache');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`(at ${join(dir, 'out', 'b')}): the file system is read-only`);
    expect(readdirSync(dir).sort()).toEqual(['m.json', 'studies.csv']);
  });
});

/**
 * A command's two files are one batch (write-atomic.ts): a failure at the second, while it is
 * written or put in place, leaves neither — never the first alone beside an error.
 */
describe('two outputs of one command: both or neither', () => {
  const TRIAL = `${CSV}P3,app,baseline,11\nP3,app,3m,5\nP4,usual,baseline,14\nP4,usual,3m,13\nP5,app,baseline,12\nP5,app,3m,x9\n`;
  const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
  function trialWorkspace() {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), TRIAL);
    writeFileSync(join(dir, 'p.json'), PLAN);
    // The user's own earlier file at --excluded-out, replaced only by a run that succeeds (--force).
    writeFileSync(join(dir, 'ex.csv'), 'mine\n');
    return { dir, trial: join(dir, 'trial.csv'), plan: join(dir, 'p.json'), ex: join(dir, 'ex.csv') };
  }
  const expectFailed = (r: { code: number; stderr: string }, path: string) => {
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(r.stderr).toContain(path);
  };

  for (const format of ['csv', 'parquet']) {
    it(`simulate registry --format ${format}: --eligible-out on a read-only file system leaves no --out either`, { timeout: 30_000 }, async () => {
      const dir = tempDir();
      inject.readOnly = join(dir, 'ro');
      const r = await runCli('simulate', 'registry', '--rows', '50', '--format', format, '--out', join(dir, `r.${format}`), '--eligible-out', join(dir, 'ro', 'eligible.csv'));
      expectFailed(r, join(dir, 'ro'));
      expect(r.stderr).toContain('read-only');
      expect(readdirSync(dir)).toEqual([]);
    });
  }

  it('simulate registry: --out on a read-only file system leaves no --eligible-out either', async () => {
    const dir = tempDir();
    inject.readOnly = join(dir, 'ro');
    const r = await runCli('simulate', 'registry', '--rows', '50', '--out', join(dir, 'ro', 'r.csv'), '--eligible-out', join(dir, 'eligible.csv'));
    expectFailed(r, join(dir, 'ro'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('simulate registry: a full disk as --eligible-out is put in place takes the registry, already placed, back', async () => {
    const dir = tempDir();
    inject.linkAt = join(dir, 'eligible.csv');
    const r = await runCli('simulate', 'registry', '--rows', '50', '--out', join(dir, 'r.csv'), '--eligible-out', join(dir, 'eligible.csv'));
    expectFailed(r, join(dir, 'eligible.csv'));
    expect(r.stderr).toContain('disk is full');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('analyze: --csv on a read-only file system leaves --excluded-out unwritten (the user\'s file there intact, --force too)', async () => {
    const w = trialWorkspace();
    inject.readOnly = join(w.dir, 'ro');
    const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.ex, '--csv', join(w.dir, 'ro', 'effects.csv'), '--force');
    expectFailed(r, join(w.dir, 'ro'));
    expect(r.stderr).not.toContain(`wrote ${w.ex}`);
    expect(readFileSync(w.ex, 'utf8')).toBe('mine\n');
    expect(readdirSync(w.dir).sort()).toEqual(['ex.csv', 'p.json', 'trial.csv']);
    // The same run with a --csv it can write: both files, the user's replaced as asked.
    inject.readOnly = undefined;
    const ok = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.ex, '--csv', join(w.dir, 'effects.csv'), '--force');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`wrote ${w.ex}: 1 problem(s) on the 1 excluded row(s)`);
    expect(readFileSync(w.ex, 'utf8')).toMatch(/^line,column,field,problem/);
    expect(readFileSync(join(w.dir, 'effects.csv'), 'utf8')).toContain('rmdq');
  });

  it('analyze: a full disk as --excluded-out is put in place takes --csv, already placed, back', async () => {
    const w = trialWorkspace();
    const ex = join(w.dir, 'new-ex.csv');
    inject.linkAt = ex;
    const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', ex, '--csv', join(w.dir, 'effects.csv'));
    expectFailed(r, ex);
    expect(readdirSync(w.dir).sort()).toEqual(['ex.csv', 'p.json', 'trial.csv']);
  });

  it('analyze --force: a failure placing the new --excluded-out leaves the user\'s --csv file as it was (files at free targets are placed before any replaced one)', async () => {
    const w = trialWorkspace();
    const eff = join(w.dir, 'effects.csv');
    writeFileSync(eff, 'my effects\n');
    const ex = join(w.dir, 'new-ex.csv');
    inject.renameAt = ex;
    const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', ex, '--csv', eff, '--force');
    expectFailed(r, ex);
    expect(readFileSync(eff, 'utf8')).toBe('my effects\n');
    expect(readdirSync(w.dir).sort()).toEqual(['effects.csv', 'ex.csv', 'p.json', 'trial.csv']);
    // The replaced file failing instead: the new --excluded-out, already placed, is taken back.
    inject.renameAt = eff;
    const r2 = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', ex, '--csv', eff, '--force');
    expectFailed(r2, eff);
    expect(readFileSync(eff, 'utf8')).toBe('my effects\n');
    expect(readdirSync(w.dir).sort()).toEqual(['effects.csv', 'ex.csv', 'p.json', 'trial.csv']);
  });

  it('simulate registry --force: a failure replacing the user\'s --eligible-out file takes the new registry, already placed, back', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'eligible.csv'), 'my eligible\n');
    inject.renameAt = join(dir, 'eligible.csv');
    const r = await runCli('simulate', 'registry', '--rows', '50', '--out', join(dir, 'r.csv'), '--eligible-out', join(dir, 'eligible.csv'), '--force');
    expectFailed(r, join(dir, 'eligible.csv'));
    expect(readFileSync(join(dir, 'eligible.csv'), 'utf8')).toBe('my eligible\n');
    expect(readdirSync(dir)).toEqual(['eligible.csv']);
  });

  it('score: --excluded-out on a read-only file system leaves no scored export either', async () => {
    const w = trialWorkspace();
    inject.readOnly = join(w.dir, 'ro');
    const r = await runCli('score', w.trial, '--plan', w.plan, '--exclude-invalid', '--out', join(w.dir, 'scored.csv'), '--excluded-out', join(w.dir, 'ro', 'ex.csv'));
    expectFailed(r, join(w.dir, 'ro'));
    expect(readdirSync(w.dir).sort()).toEqual(['ex.csv', 'p.json', 'trial.csv']);
  });
});

/**
 * A batch that replaces two or more existing files (--force) is all or nothing too: each old file
 * is set aside before the first is replaced, and put back when a later one fails
 * (docs/output-safety.md "Several files written together").
 */
describe('--force over two existing files: a failure at the second replacement leaves both as they were', () => {
  const TRIAL = `${CSV}P3,app,baseline,11\nP3,app,3m,5\nP4,usual,baseline,14\nP4,usual,3m,13\nP5,app,baseline,12\nP5,app,3m,x9\n`;
  const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
  const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));
  function mine(...names: string[]) {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), TRIAL);
    writeFileSync(join(dir, 'p.json'), PLAN);
    for (const n of names) writeFileSync(join(dir, n), `my ${n}\n`);
    inject.secondRenameOnto = { targets: new Set(names.map((n) => join(dir, n))), seen: 0 };
    return { dir, trial: join(dir, 'trial.csv'), plan: join(dir, 'p.json'), before: snapshot(dir), at: (n: string) => join(dir, n) };
  }
  const expectUnchanged = (r: { code: number; stderr: string }, w: ReturnType<typeof mine>) => {
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(r.stderr).toContain('the disk is full');
    expect(inject.secondRenameOnto?.seen).toBeGreaterThanOrEqual(2);
    // Every target keeps its old bytes; nothing else is left in the folder (no set-aside copy).
    expect(snapshot(w.dir)).toEqual(w.before);
  };

  it('analyze --csv and --excluded-out', async () => {
    const w = mine('effects.csv', 'ex.csv');
    const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.at('ex.csv'), '--csv', w.at('effects.csv'), '--force');
    expectUnchanged(r, w);
    // Without the failure both are replaced, and no set-aside copy stays behind.
    inject.secondRenameOnto = undefined;
    const ok = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.at('ex.csv'), '--csv', w.at('effects.csv'), '--force');
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(w.at('effects.csv'), 'utf8')).toContain('rmdq');
    expect(readFileSync(w.at('ex.csv'), 'utf8')).toMatch(/^line,column,field,problem/);
    expect(readdirSync(w.dir).sort()).toEqual(['effects.csv', 'ex.csv', 'p.json', 'trial.csv']);
  });

  it('analyze on a file system without hard links: the old files are copied aside, never moved away, and put back', async () => {
    const w = mine('effects.csv', 'ex.csv');
    inject.noLinks = true;
    inject.calls = [];
    const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.at('ex.csv'), '--csv', w.at('effects.csv'), '--force');
    expectUnchanged(r, w);
    // Each old file stays at its target until its replacement is renamed over it: a reader, or a
    // run after a kill -9, never finds a target empty with the user's file under a staging name
    // (which a later run would remove as stale).
    expect(inject.calls.filter((c) => c.startsWith(`rename ${w.at('effects.csv')} `) || c.startsWith(`rename ${w.at('ex.csv')} `))).toEqual([]);
    // Replaced when nothing fails, each keeping its own mode (a chmod 600 survives --force).
    fs.chmodSync(w.at('effects.csv'), 0o600);
    inject.secondRenameOnto = undefined;
    const ok = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--excluded-out', w.at('ex.csv'), '--csv', w.at('effects.csv'), '--force');
    expect(ok.code, ok.stderr).toBe(0);
    expect(readFileSync(w.at('effects.csv'), 'utf8')).toContain('rmdq');
    expect(fs.statSync(w.at('effects.csv')).mode & 0o777).toBe(0o600);
    expect(readdirSync(w.dir).sort()).toEqual(['effects.csv', 'ex.csv', 'p.json', 'trial.csv']);
  });

  // One replaced file is one rename over it, the batch's last step: nothing set aside, with or
  // without hard links (a file of another user's in a shared folder refuses a link under Linux's
  // protected_hardlinks), so the target never stands empty.
  for (const noLinks of [false, true]) {
    it(`--force over one existing file${noLinks ? ' on a file system without hard links' : ''}: one rename over it, nothing set aside`, async () => {
      const w = mine('effects.csv');
      inject.secondRenameOnto = undefined;
      inject.noLinks = noLinks;
      inject.calls = [];
      const r = await runCli('analyze', w.trial, '--plan', w.plan, '--exclude-invalid', '--csv', w.at('effects.csv'), '--force');
      expect(r.code, r.stderr).toBe(0);
      const target = w.at('effects.csv');
      const touching = inject.calls.filter((c) => c.includes(target));
      expect(touching).toHaveLength(1);
      expect(touching[0]!.startsWith(`rename ${join(w.dir, '.effects.csv.')}`) && touching[0]!.endsWith(`.tmp -> ${target}`), touching[0]).toBe(true);
      expect(readFileSync(target, 'utf8')).toContain('rmdq');
      expect(readdirSync(w.dir).sort()).toEqual(['effects.csv', 'p.json', 'trial.csv']);
    });
  }

  it('score --out and --excluded-out', async () => {
    const w = mine('scored.csv', 'ex.csv');
    const r = await runCli('score', w.trial, '--plan', w.plan, '--exclude-invalid', '--out', w.at('scored.csv'), '--excluded-out', w.at('ex.csv'), '--force');
    expectUnchanged(r, w);
  });

  it('simulate registry --out and --eligible-out', async () => {
    const w = mine('r.csv', 'eligible.csv');
    const r = await runCli('simulate', 'registry', '--rows', '50', '--out', w.at('r.csv'), '--eligible-out', w.at('eligible.csv'), '--force');
    expectUnchanged(r, w);
  });

  it('hta report --force over two pages the user edited', { timeout: 60_000 }, async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'studies.csv'), readFileSync('data/published/selfback-studies.csv', 'utf8').split('\n').slice(0, 2).join('\n') + '\n');
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'a', kind: 'meta', out: 'a', data: 'studies.csv' }] }));
    const out = join(dir, 'out');
    const first = await runCli('report', '--manifest', manifest, '--out', out, '--no-cache');
    expect(first.code, first.stderr).toBe(0);
    const folder = join(out, 'a');
    for (const page of ['README.md', 'index.html']) writeFileSync(join(folder, page), `my ${page}\n`);
    const before = snapshot(folder);
    inject.secondRenameOnto = { targets: new Set(readdirSync(folder).map((f) => join(folder, f))), seen: 0 };
    const r = await runCli('report', '--manifest', manifest, '--out', out, '--no-cache', '--force');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).not.toMatch(/internal error|    at /);
    expect(inject.secondRenameOnto.seen).toBeGreaterThanOrEqual(2);
    expect(snapshot(folder)).toEqual(before);
  });
});
