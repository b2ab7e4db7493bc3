/**
 * The rules of a manifest's paths said where they refuse (docs/manifest.md): `out` names the
 * characters it allows, `./ryg` is the folder `ryg`, and a `\` between folders (a Windows habit)
 * is refused by `hta plan check` as by `hta report`, naming the backslash — not read as one odd
 * file name that then "does not exist".
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseManifest, reportFolder } from '../../src/report/manifest.js';
import { runCli, tempDir } from '../support/run-cli.js';

const meta = (out: string, extra: Record<string, unknown> = {}) => ({ id: 'm', kind: 'meta', out, data: 'studies.csv', ...extra });

function problemOf(entry: unknown): HtaError['problems'][number] {
  try {
    parseManifest({ reports: [entry] }, 'm.json');
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return (err as HtaError).problems[0]!;
  }
  throw new Error('expected the manifest to be refused');
}

describe('manifest path rules', () => {
  it('an out with a space, æøå or a backslash is refused with the rule it breaks', () => {
    for (const out of ['ryg forsøg', 'rygforsøg']) {
      const p = problemOf(meta(out));
      expect(p).toMatchObject({ field: 'reports.0.out', value: out });
      expect(p.expected).toContain('ASCII letters, digits, ".", "_" and "-", with "/" between folders');
      expect(p.expected).toContain('no spaces, no letters such as æ ø å');
    }
    const p = problemOf(meta('ryg\\forsoeg'));
    expect(p.expected).toContain('write / between folders, not \\');
    expect(p.expected).toContain('a manifest is read the same on every system');
  });

  it('"./ryg" is accepted as the folder "ryg"', () => {
    const [e] = parseManifest({ reports: [meta('./ryg')] }, 'm.json');
    expect(reportFolder(e!.out)).toBe('ryg');
  });

  it('a Windows drive or network path is named as such, with or without --allow-outside, not "fixed" to a relative C:/… that cannot exist', async () => {
    for (const [data, what] of [['C:\\Users\\me\\trial.csv', 'an absolute Windows path (drive C:)'], ['c:/Users/me/trial.csv', 'an absolute Windows path (drive C:)'], ['\\\\server\\share\\trial.csv', 'a Windows network (UNC) path (\\\\server\\share)']]) {
      const p = problemOf(meta('r', { data }));
      expect(p).toMatchObject({ field: 'reports.0.data', value: data });
      expect(p.expected).toContain(`this is ${what}, which names nothing on Linux or macOS`);
      expect(p.expected).toContain('e.g. "trial.csv"');
      expect(p.expected).not.toContain('"C:/Users');
    }
    const dir = tempDir();
    const manifest = join(dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [meta('r', { data: 'C:/Users/me/trial.csv' })] }));
    const r = await runCli('report', '--manifest', manifest, '--out', join(dir, 'out'), '--allow-outside');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('an absolute Windows path (drive C:)');
    expect(r.stderr).not.toContain('does not exist');
  });

  it('an input path with \\ between folders is refused by plan check and report alike, naming the backslash', async () => {
    const p = problemOf(meta('r', { data: '..\\data\\forsøg æøå.csv' }));
    expect(p).toMatchObject({ field: 'reports.0.data' });
    expect(p.expected).toContain('write / between folders, not \\');
    const dir = tempDir();
    const manifest = join(dir, 'reports.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'u', kind: 'uptake', out: 'u', registry: 'r.csv', eligible: 'e.csv', plan: 'my\\plan.json' }] }));
    for (const args of [['plan', 'check', manifest], ['report', '--manifest', manifest, '--out', join(dir, 'out')]]) {
      const r = await runCli(...args);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('(reports.0.plan)');
      expect(r.stderr).toContain('write / between folders');
      expect(r.stderr).not.toContain('does not exist');
    }
  });
});
