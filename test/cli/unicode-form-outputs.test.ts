/**
 * An output name typed composed (NFC, `Årsrapport`) beside a folder or file of the same name
 * decomposed (NFD, as macOS writes names): hta would make a second, identical-looking name, and
 * `report --check` would call every page missing. Refused, naming the one on disk (docs/cli.md
 * "File names").
 */
import { existsSync, mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const NFC = '\u00c5rsrapport';
const NFD = 'A\u030arsrapport';

describe('output names in another Unicode form than the one on disk', () => {
  it('report --out (and --check, and a folder under it): exit 2 naming the folder on disk; nothing made', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, NFD));
    for (const [out, extra] of [[NFC, ['--check']], [NFC, []], [`${NFC}/site`, ['--check']]] as const) {
      const r = await runCli('report', '--manifest', 'data/reports.json', '--out', join(dir, out), ...extra);
      expect({ out, code: r.code, stdout: r.stdout }).toEqual({ out, code: 2, stdout: '' });
      expect(r.stderr).toContain(`a folder named "${join(dir, NFD)}" is there, whose name differs only in its Unicode form (decomposed, as macOS writes names)`);
    }
    expect(readdirSync(dir)).toEqual([NFD]);
  });

  it('an output file: exit 2 naming the file on disk; the name as on disk is judged as usual', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, `${NFD}.csv`), 'mine');
    const r = await runCli('simulate', 'trial', '--out', join(dir, `${NFC}.csv`));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`a file named "${join(dir, `${NFD}.csv`)}" is there`);
    expect(existsSync(join(dir, `${NFC}.csv`))).toBe(false);
    // The name as on disk is that file: the usual refusal of an existing file, no Unicode note.
    const same = await runCli('simulate', 'trial', '--out', join(dir, `${NFD}.csv`));
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('exists; hta does not write over a file');
    expect(same.stderr).not.toContain('Unicode form');
  });
});
