/**
 * Paths as a Windows/OneDrive user types them (docs/cli.md "File names", docs/output-safety.md):
 * a `\` in an input path, every missing input named at once, a name on disk ending in a space,
 * and `--csv-dir` holding the patient-level registry (at any depth).
 */
import { copyFileSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { refuseInputsInside } from '../../src/cli/guard-output.js';
import { missingFileHint } from '../../src/io/missing-file.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIX = 'test/uptake/fixtures/small-three-regions';

describe.runIf(process.platform !== 'win32')('input paths typed the Windows way', () => {
  it('a \\ in a missing input path says to write /, and whether that file is there', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    writeFileSync(join(dir, 'data', 'udtræk.csv'), 'id\n');
    expect(missingFileHint(`${dir}/data\\udtræk.csv`)).toBe(`a \\ is part of a name on Linux and macOS, not a folder separator — write / between folders: ${JSON.stringify(`${dir}/data/udtræk.csv`)}, which is there`);
  });

  it('a name on disk ending in a space, typed without it, is named', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'udtræk.csv '), 'id\n');
    expect(missingFileHint(join(dir, 'udtræk.csv'))).toContain('a file named "udtræk.csv " is there, whose name ends in a space');
  });

  it('every missing input is named in one message', async () => {
    const dir = tempDir();
    const r = await runCli('uptake', join(dir, 'nope.csv'), '--eligible', join(dir, 'nope2.csv'), '--plan', join(dir, 'nope3.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('cannot read 3 of the inputs');
    for (const f of ['nope.csv', 'nope2.csv', 'nope3.json']) expect(r.stderr).toContain(join(dir, f));
  });

  it('--csv-dir holding the registry, directly or several folders down, is refused before anything is read', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'OneDrive', 'a', 'b'), { recursive: true });
    const reg = join(dir, 'OneDrive', 'a', 'b', 'udtræk.csv');
    copyFileSync(join(FIX, 'registry.csv'), reg);
    for (const out of [join(dir, 'OneDrive', 'a', 'b'), join(dir, 'OneDrive')]) {
      const r = await runCli('uptake', reg, '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'totals.plan.json'), '--csv-dir', out);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain(`--csv-dir ${out} holds <registry> ${reg}`);
    }
    // Beside it is fine.
    const ok = await runCli('uptake', reg, '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'totals.plan.json'), '--csv-dir', join(dir, 'tables'));
    expect(ok.code, ok.stderr).toBe(0);
  });

  it('a link inside --csv-dir to the registry elsewhere is refused (zip -r and rsync -L publish its target)', () => {
    const dir = tempDir();
    const reg = join(dir, 'udtræk.csv');
    writeFileSync(reg, 'id\n');
    const out = join(dir, 'tables');
    mkdirSync(out);
    symlinkSync(reg, join(out, 'udtræk.csv'));
    const inside = () => refuseInputsInside([{ option: '--csv-dir', path: out }], [{ option: '<registry>', path: join(out, 'udtræk.csv') }], 'the published tables are written into that folder');
    expect(inside).toThrow(`--csv-dir ${out} holds <registry> ${join(out, 'udtræk.csv')}`);
    // The registry by its own path, beside the folder, is fine.
    expect(() => refuseInputsInside([{ option: '--csv-dir', path: out }], [{ option: '<registry>', path: reg }])).not.toThrow();
  });
});
