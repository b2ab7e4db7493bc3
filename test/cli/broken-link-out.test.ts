/**
 * An output folder that is a link to a folder that is not there (an unsynced OneDrive folder) is
 * refused at once, naming the link — `hta report --out` (and so `--check`, which runs the same
 * check first) and `hta uptake --csv-dir` — not after the work with "it does not exist"
 * (docs/output-safety.md).
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refuseNonFolder } from '../../src/cli/guard-output.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { errorOf } from '../support/error-of.js';

afterAll(removeTempDirs);

const FIX = 'test/uptake/fixtures/small-three-regions';

const refusal = errorOf;

describe.runIf(process.platform !== 'win32')('an output folder that is a broken link', () => {
  it('is refused naming the link and where it points, for the folder and for a folder under it', () => {
    const dir = tempDir();
    const link = join(dir, 'OneDrive-ud');
    symlinkSync(join(dir, 'not-synced', 'ud'), link);
    const e = refusal(() => refuseNonFolder({ option: '--out', path: link }));
    expect(e.message).toBe(`cannot write into --out ${link}: it is a link to ${join(dir, 'not-synced', 'ud')}, which does not exist (a OneDrive or network folder not synced, or moved?) — make the folder it points to available, or give another --out folder`);
    expect(refusal(() => refuseNonFolder({ option: '--csv-dir', path: join(link, 'tabeller') })).message).toContain(`${link} is a link to`);
  });

  it('typed relative, the link is named by where it points from the current folder, never by a full path', () => {
    const dir = tempDir();
    // `ln -s ../missing-share f7/pub` and `--out f7/pub`, as typed from the current folder.
    mkdirSync(join(dir, 'f7'));
    symlinkSync('../missing-share', join(dir, 'f7', 'pub'));
    const typed = relative(process.cwd(), join(dir, 'f7', 'pub'));
    const e = refusal(() => refuseNonFolder({ option: '--out', path: typed }));
    expect(e.message).toContain(`cannot write into --out ${typed}: it is a link to ${relative(process.cwd(), join(dir, 'missing-share'))}, which does not exist`);
    expect(e.message).not.toContain(` ${dir}`); // no full path anywhere
    // A link holding an absolute path is named as it holds it.
    symlinkSync('/nonexistent-share/ud', join(dir, 'f7', 'abs'));
    expect(refusal(() => refuseNonFolder({ option: '--csv-dir', path: join(typed, '..', 'abs') })).message).toContain('it is a link to /nonexistent-share/ud, which does not exist');
  });

  it('a link to a folder that exists, and a folder not made yet, are fine', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'real'));
    symlinkSync(join(dir, 'real'), join(dir, 'ok'));
    expect(() => refuseNonFolder({ option: '--out', path: join(dir, 'ok') })).not.toThrow();
    expect(() => refuseNonFolder({ option: '--out', path: join(dir, 'new', 'sub') })).not.toThrow();
  });

  it('hta report --check and hta uptake --csv-dir refuse it, naming where a relative link points from the link\'s folder', async () => {
    const dir = tempDir();
    const link = join(dir, 'OneDrive-ud');
    // Relative: from the link's folder, not the working folder.
    symlinkSync(join('not-synced', 'ud'), link);
    const where = `it is a link to ${join(dir, 'not-synced', 'ud')}, which does not exist`;
    const check = await runCli('report', '--check', '--out', link);
    expect(check.code, check.stderr).toBe(2);
    expect(check.stderr).toContain(`cannot write into --out ${link}: ${where}`);
    const uptake = await runCli('uptake', join(FIX, 'registry.csv'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'totals.plan.json'), '--csv-dir', link);
    expect(uptake.code, uptake.stderr).toBe(2);
    expect(uptake.stderr).toContain(`cannot write into --csv-dir ${link}: ${where}`);
  });
});
