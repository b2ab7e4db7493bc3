/**
 * Two outputs of one run that are the same file — the same path spelled twice, or two names of
 * one file (a hard link) — are refused before anything is written, naming the first of the two
 * (src/cli/guard-output.ts; docs/output-safety.md).
 */
import { linkSync, mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardPaths } from '../../src/cli/guard-output.js';
import { runCli, tempDir } from '../support/run-cli.js';

const refusal = (spec: Parameters<typeof guardPaths>[0]) => {
  try {
    guardPaths(spec);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
};

describe('guardPaths: two outputs that are one file', () => {
  it('refuses the same path spelled twice, and two names of one file', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    const others = Array.from({ length: 5 }, (_, i) => ({ option: '--file', path: join(dir, `f${i}.csv`) }));
    const again = { option: '--excluded-out', path: relative(process.cwd(), join(dir, 'sub', '..', 'a.csv')) };
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: [...others, again] })).toBe(`--excluded-out ${again.path} is the same file as --out ${a}; choose two different names`);
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: others })).toBeUndefined();

    writeFileSync(a, 'x\n');
    const link = join(dir, 'link.csv');
    linkSync(a, link);
    const files = [...others, { option: '--file', path: link }];
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: files, force: true })).toBe(`--file ${link} is the same file as --out ${a}; choose two different names`);
    // The first of the earlier outputs it repeats is named.
    expect(refusal({ folderFiles: [others[0]!, { option: '--one', path: a }, others[1]!, { option: '--two', path: link }, { option: '--three', path: a }] })).toBe(`--two ${link} is the same file as --one ${a}; choose two different names`);
  });
});

describe.runIf(process.platform !== 'win32')('guardPaths: two outputs that are one place through a linked folder', () => {
  it('refuses a new file named through a link to its folder, and through `..` after a link, before either exists', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', 'inner'), { recursive: true });
    symlinkSync(join(dir, 'sub', 'inner'), join(dir, 'linkdir'));
    const viaLink = { option: '--out', path: join(dir, 'linkdir', 'r.csv') };
    const real = { option: '--eligible-out', path: join(dir, 'sub', 'inner', 'r.csv') };
    // Neither file exists: compared by the real path of the folder, with --force too.
    expect(refusal({ outputs: [viaLink, real], force: true })).toBe(`--eligible-out ${real.path} is the same file as --out ${viaLink.path}; choose two different names`);
    // `linkdir/..` is the folder above the link's target (sub), not dir: the system's reading.
    const up = { option: '--csv', path: `${join(dir, 'linkdir')}/../x.csv` };
    expect(refusal({ outputs: [up, { option: '--excluded-out', path: join(dir, 'sub', 'x.csv') }], force: true })).toContain(`is the same file as --csv ${up.path}`);
    expect(refusal({ outputs: [up, { option: '--excluded-out', path: join(dir, 'x.csv') }], force: true })).toBeUndefined();
    // A folder not made yet under the link: the same place too.
    expect(refusal({ outputs: [{ option: '--out', path: join(dir, 'linkdir', 'new', 'r.csv') }], folderFiles: [{ option: '--csv-dir', path: join(dir, 'sub', 'inner', 'new', 'r.csv') }] })).toContain('is the same file as --out');
    expect(refusal({ outputs: [viaLink, { option: '--eligible-out', path: join(dir, 'sub', 'r.csv') }] })).toBeUndefined();
  });

  it('hta simulate registry refuses --out and --eligible-out that are one file through a link, with --force, writing nothing', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'sub', 'inner'), { recursive: true });
    symlinkSync(join(dir, 'sub', 'inner'), join(dir, 'linkdir'));
    const r = await runCli('simulate', 'registry', '--rows', '100', '--out', join(dir, 'linkdir', 'r.csv'), '--eligible-out', join(dir, 'sub', 'inner', 'r.csv'), '--force');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`--eligible-out ${join(dir, 'sub', 'inner', 'r.csv')} is the same file as --out ${join(dir, 'linkdir', 'r.csv')}`);
    expect(readdirSync(join(dir, 'sub', 'inner'))).toEqual([]);
  });
});

describe('two new outputs whose names differ only in case or Unicode form', () => {
  it('are refused before anything is written (one file on macOS and Windows); an existing file of another case is not', async () => {
    const dir = tempDir();
    const r = await runCli('simulate', 'registry', '--rows', '20', '--out', join(dir, 'Rapport.csv'), '--eligible-out', join(dir, 'rapport.csv'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toBe(`error: --eligible-out ${join(dir, 'rapport.csv')} and --out ${join(dir, 'Rapport.csv')} differ only in upper and lower case (or in Unicode form): on macOS and Windows they are one file, and one would replace the other — choose two different names\n`);
    const nfd = await runCli('simulate', 'registry', '--rows', '20', '--out', join(dir, 'new', '\u00c5r.csv'), '--eligible-out', join(dir, 'new', 'A\u030ar.csv'));
    expect(nfd.code, nfd.stderr).toBe(2);
    expect(nfd.stderr).toContain('differ only in upper and lower case (or in Unicode form)');
    expect(readdirSync(dir)).toEqual([]);
    // On a case-sensitive file system an existing `Rapport.csv` is another file than a new `rapport.csv`.
    writeFileSync(join(dir, 'Rapport.csv'), 'mine\n');
    const ok = await runCli('simulate', 'registry', '--rows', '20', '--out', join(dir, 'rapport.csv'), '--eligible-out', join(dir, 'Rapport.csv'), '--force');
    if (process.platform === 'linux') expect(ok.code, ok.stderr).toBe(0);
  });
});

