/**
 * One folder per report (docs/manifest.md): `out` values are compared in one spelling, so "r" and
 * "r/" are one folder, and a report's folder may not hold another's. Values in manifest problems
 * are quoted once.
 */
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseManifest } from '../../src/report/manifest.js';
import { runCli, tempDir } from '../support/run-cli.js';

const meta = (id: string, out: string) => ({ id, kind: 'meta', out, data: 'studies.csv' });

function problemsOf(reports: unknown[]): HtaError['problems'] {
  try {
    parseManifest({ reports }, 'm.json');
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return (err as HtaError).problems;
  }
  throw new Error('expected the manifest to be refused');
}

describe('one folder per report', () => {
  it('"r" and "r/" (and "r/.") are one folder: refused naming both entries', () => {
    for (const second of ['r/', 'r/.', 'r//']) {
      const [p, ...rest] = problemsOf([meta('en', 'r'), meta('da', second)]);
      expect(rest).toEqual([]);
      expect(p).toMatchObject({ field: 'reports.1.out', value: second });
      expect(p?.expected).toContain('report "en" (reports.0.out "r")');
    }
  });

  it('a report folder inside another report\'s folder is refused, in either order', () => {
    expect(problemsOf([meta('a', 'r'), meta('b', 'r/sub')])[0]).toMatchObject({ field: 'reports.1.out', expected: expect.stringContaining('inside the folder of report "a"') });
    expect(problemsOf([meta('a', 'r/sub/'), meta('b', 'r')])[0]).toMatchObject({ field: 'reports.1.out', expected: expect.stringContaining('holds the folder of report "a"') });
  });

  it('names that differ only in case are one folder (macOS, Windows): refused naming both entries, on every system', () => {
    const [p, ...rest] = problemsOf([meta('a', 'Uptake'), meta('b', 'uptake/')]);
    expect(rest).toEqual([]);
    expect(p).toMatchObject({ field: 'reports.1.out', value: 'uptake/' });
    expect(p?.expected).toContain('the folder of report "a" (reports.0.out "Uptake") too');
    expect(p?.expected).toContain('differing only in case');
    expect(problemsOf([meta('a', 'R'), meta('b', 'r/sub')])[0]?.expected).toContain('inside the folder of report "a"');
  });

  it('names Windows cannot use are refused on every system: a trailing dot ("a" and "a."), device names in any case, with or without extension', () => {
    const [dot, ...rest] = problemsOf([meta('a', 'a'), meta('b', 'a.')]);
    expect(rest).toEqual([]);
    expect(dot).toMatchObject({ field: 'reports.1.out', value: 'a.', expected: expect.stringContaining('no folder name ending in "." ("a."): Windows drops the dot, so it would be the folder "a" there') });
    expect(problemsOf([meta('a', 'r/sub..')])[0]).toMatchObject({ expected: expect.stringContaining('("sub..")') });
    for (const name of ['CON', 'con', 'aux', 'Aux.md', 'NUL', 'nul.txt', 'COM1', 'com9.x', 'LPT1', 'lpt3.tar.gz', 'r/prn']) {
      const [p] = problemsOf([meta('a', name)]);
      expect(p, name).toMatchObject({ field: 'reports.0.out', value: name, expected: expect.stringMatching(/is a device name on Windows/) });
    }
    // Names that only start like one are fine.
    for (const name of ['console', 'auxiliary', 'com10', 'lpt', 'nullable', 'a.b', 'r/con-sub']) expect(() => parseManifest({ reports: [meta('a', name)] }, 'm.json'), name).not.toThrow();
  });

  it('hta report refuses entries whose folders are one through a symbolic link (exit 2, both ids named, nothing written), --force or --check too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'studies.csv'), 'x');
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [meta('en', 'a'), meta('da', 'b'), meta('sub', 'c')] }));
    mkdirSync(join(dir, 'out/a/inner'), { recursive: true });
    symlinkSync('a', join(dir, 'out/b'));
    symlinkSync('a/inner', join(dir, 'out/c'));
    for (const extra of [[], ['--force'], ['--check']]) {
      const r = await runCli('report', '--manifest', manifest, '--out', join(dir, 'out'), ...extra);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('(reports.1.out): "b" — expected a folder of its own, used by one report only: this is the same folder as that of report "en" (reports.0.out "a")');
      expect(r.stderr).toContain('(reports.2.out): "c" — expected a folder of its own, used by one report only: this is a folder inside that of report "en"');
      expect(r.stderr).not.toMatch(/internal error|    at /);
      expect(readdirSync(join(dir, 'out/a'))).toEqual(['inner']);
    }
  });

  it('folders that only share a prefix of their name are separate', () => {
    expect(parseManifest({ reports: [meta('a', 'r'), meta('b', 'r2'), meta('c', 'r-da/x')] }, 'm.json')).toHaveLength(3);
  });

  it('hta report refuses such a manifest with exit 2 and writes nothing; the value is quoted once', async () => {
    const dir = tempDir();
    const manifest = join(dir, 'm.json');
    writeFileSync(manifest, JSON.stringify({ reports: [meta('en', 'r'), meta('da', 'r/')] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(reports.1.out): "r/" — expected a folder of its own');
    writeFileSync(manifest, JSON.stringify({ reports: [meta('en', '.')] }));
    const dot = await runCli('report', '--manifest', manifest, '--out', join(dir, 'out'));
    expect(dot.code).toBe(2);
    expect(dot.stderr).toContain('(reports.0.out): "." — expected');
    expect(dot.stderr).not.toContain('\\"');
  });
});
