/**
 * `hta report --out notes.txt --check` (or `--out /dev/null`): no run could write there, so the
 * check refuses as the run does, exit 2, instead of listing every page as missing and
 * suggesting a command that fails (docs/output-safety.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const MANIFEST = 'data/reports.json';

describe('hta report with --out at a file or a device', () => {
  it('a file, with or without --check: exit 2 naming it, the file untouched', async () => {
    const dir = tempDir();
    const notes = join(dir, 'notes.txt');
    writeFileSync(notes, 'mine');
    for (const extra of [['--check'], []]) {
      const r = await runCli('report', '--manifest', MANIFEST, '--out', notes, ...extra);
      expect(r).toEqual({ code: 2, stdout: '', stderr: `error: cannot write into --out ${notes}: it is a file, where a folder is needed — give a folder name\n` });
    }
    expect(readFileSync(notes, 'utf8')).toBe('mine');
  });

  it('a folder under a file, and a device: the part that is no folder is named', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    const under = await runCli('report', '--manifest', MANIFEST, '--out', join(dir, 'notes.txt/site'), '--check');
    expect(under.code).toBe(2);
    expect(under.stderr).toContain(`${join(dir, 'notes.txt')} is a file, where a folder is needed`);
    if (existsSync('/dev/null')) {
      const dev = await runCli('report', '--manifest', MANIFEST, '--out', '/dev/null', '--check');
      expect(dev).toEqual({ code: 2, stdout: '', stderr: 'error: cannot write into --out /dev/null: it is a device, where a folder is needed — give a folder name\n' });
    }
  });
});
