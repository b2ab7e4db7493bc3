/**
 * `hta report` with no --manifest in a folder without data/reports.json (a committee member ran
 * it in data/, beside reports.json): the error says where it looked — relative to the current
 * folder, which it does not name: the full path, pasted into a ticket, named the user's home or
 * a person's folder, where every other path hta prints is as typed — and that `--manifest <file>` names another, with the manifest of the
 * current folder when there is one (docs/manifest.md). Nothing is written; exit 2.
 */
import { mkdirSync, readdirSync, rmdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** Runs `hta report …` in `dir` (the default manifest is relative to the current folder). */
async function reportIn(dir: string, ...argv: string[]) {
  const home = process.cwd();
  process.chdir(dir);
  try {
    return await runCli('report', ...argv);
  } finally {
    process.chdir(home);
  }
}

describe('a missing default manifest', () => {
  it('names data/reports.json under the current folder and --manifest, with the reports.json that is here', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [] }));
    const run = await reportIn(dir, '--lang', 'da', '--out', 'ud');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`fejl: cannot read report manifest data/reports.json: the file does not exist — without --manifest, hta report reads data/reports.json under the current folder; name another manifest with --manifest <file>: reports.json is in the current folder (--manifest reports.json)\n`);
    expect(readdirSync(dir)).toEqual(['reports.json']);
  });

  it('in a folder named with a CPR number: the folder is neither named nor masked, only said (as the other commands print paths as typed)', async () => {
    const dir = join(tempDir(), 'Anna Jensen', '010190-1234');
    mkdirSync(dir, { recursive: true });
    const run = await reportIn(dir, '--out', 'ud');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: cannot read report manifest data/reports.json: the file does not exist — without --manifest, hta report reads data/reports.json under the current folder; name another manifest with --manifest <file>\n');
    expect(run.stderr).not.toContain('Anna Jensen');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('in a folder with no manifest at all: where it looked and the option, no guess', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'data'));
    const run = await reportIn(dir, '--check');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: cannot read report manifest data/reports.json: the file does not exist — without --manifest, hta report reads data/reports.json under the current folder');
    expect(run.stderr).toMatch(/name another manifest with --manifest <file>\n$/);
  });

  it('in a current folder deleted under the shell: the same message without the folder\'s name, not "it does not exist"', async () => {
    const dir = join(tempDir(), 'gone');
    mkdirSync(dir);
    const home = process.cwd();
    process.chdir(dir);
    rmdirSync(dir);
    let run;
    try {
      run = await runCli('report');
    } finally {
      process.chdir(home);
    }
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: cannot read report manifest data/reports.json: the file does not exist — without --manifest, hta report reads data/reports.json under the current folder; name another manifest with --manifest <file>\n');
  });

  it('a manifest named with --manifest keeps the reader\'s short message (the user chose the name)', async () => {
    const dir = tempDir();
    const run = await reportIn(dir, '--manifest', 'mine.json');
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: cannot read report manifest mine.json: the file does not exist\n');
  });
});
