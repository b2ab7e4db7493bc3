/**
 * `hta report` killed with `kill -9` (the OOM killer, a cancelled CI job) while it puts a changed
 * report in place: the folder's new `.hta-report.json` is renamed first, so the folder holds the
 * new index beside the pages not yet replaced, with the copies the run set aside (the old index
 * among them) and the staging files of those pages. The next run must not call those pages
 * "edited since hta wrote it" (they are the old pages hta wrote, as its set-aside index records),
 * must write without --force, remove the charts the new report no longer has, and leave no
 * leftover, so that `--check` passes (docs/output-safety.md#kill-9). The on-disk state is built as
 * the kill leaves it (no signal).
 */
import { existsSync, linkSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPORT_INDEX } from '../../src/io/index-names.js';
import { asideName, stagingFilesIn, stagingName } from '../../src/io/stale-staging.js';
import { runCli, tempDir } from '../support/run-cli.js';

const STUDIES = readFileSync('data/published/selfback-studies.csv', 'utf8');
/** A process id no process has (above Linux's largest, 2^22). */
const DEAD = 2 ** 30;

const snapshot = (dir: string) => new Map(readdirSync(dir).sort().map((f) => [f, readFileSync(join(dir, f))]));

describe('hta report after a run killed while it replaced a report', () => {
  it('takes the pages the killed run left for its own: no --force, the report is written whole, nothing is left over', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const manifest = join(dir, 'in/m.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv' }] }));
    const out = join(dir, 'out');
    const folder = join(out, 'm');
    const run = (...more: string[]) => runCli('report', '--manifest', manifest, '--out', out, ...more);
    // Last night's report (every outcome), and tonight's (the RMDQ rows only: other pages, fewer charts).
    writeFileSync(join(dir, 'in/studies.csv'), STUDIES);
    expect((await run()).code).toBe(0);
    const before = snapshot(folder);
    writeFileSync(join(dir, 'in/studies.csv'), STUDIES.split('\n').filter((l, i) => i === 0 || /,rmdq,/.test(l)).join('\n') + '\n');
    expect((await run()).code).toBe(0);
    const after = snapshot(folder);
    const replaced = [...after.keys()].filter((f) => before.has(f) && !before.get(f)!.equals(after.get(f)!));
    expect(replaced[0]).toBe(REPORT_INDEX); // put in place first of the files it replaces
    expect(replaced).toEqual(expect.arrayContaining(['README.md', 'index.html', 'results.json']));
    // Tonight's run as kill -9 after its first rename left it: last night's files, each file it
    // replaces set aside (a hard link), the new index in place, the other new pages still staged.
    rmSync(folder, { recursive: true });
    mkdirSync(folder);
    for (const [f, bytes] of before) writeFileSync(join(folder, f), bytes);
    for (const f of replaced) linkSync(join(folder, f), join(folder, asideName(f, DEAD)));
    const placed = join(folder, stagingName(REPORT_INDEX, DEAD));
    writeFileSync(placed, after.get(REPORT_INDEX)!);
    renameSync(placed, join(folder, REPORT_INDEX));
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    for (const f of replaced.slice(1)) {
      const staged = join(folder, stagingName(f, DEAD));
      writeFileSync(staged, after.get(f)!, { mode: 0o600 });
      utimesSync(staged, hourAgo, hourAgo);
    }
    // --check tells the pages as stale, not as edited by hand.
    const check = await run('--check');
    expect(check.code).toBe(1);
    expect(check.stdout).not.toContain('edited:');
    expect(check.stdout).toContain(`stale: ${join(folder, 'README.md')}`);
    expect(check.stdout).toContain(`left by an interrupted run: ${join(folder, asideName(REPORT_INDEX, DEAD)).slice(0, -'0123456789abcdef.hta-aside'.length)}`);
    expect(check.stdout).toContain("(the folder's earlier index, which a stopped hta report set aside while replacing it;");
    // The next nightly run, no --force: every page written, the charts the report no longer draws removed.
    const next = await run();
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).not.toContain('edited');
    expect(snapshot(folder)).toEqual(after);
    expect(stagingFilesIn(folder)).toEqual([]);
    // One note for each kind of leftover, not one line each.
    expect(next.stderr.match(/^note: removed \d+ staging files left in /gm)).toHaveLength(1);
    expect(next.stderr.match(/^note: removed \d+ spare copies /gm)).toHaveLength(1);
    expect(next.stderr).not.toContain('rename it to');
    expect((await run('--check')).code).toBe(0);
  });

  it('the set-aside index of a killed --force run goes once the next run has put its files in place', { timeout: 120_000 }, async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'in'));
    const manifest = join(dir, 'in/m.json');
    writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv' }] }));
    writeFileSync(join(dir, 'in/studies.csv'), STUDIES.split('\n').filter((l, i) => i === 0 || /,rmdq,/.test(l)).join('\n') + '\n');
    const out = join(dir, 'out');
    const folder = join(out, 'm');
    expect((await runCli('report', '--manifest', manifest, '--out', out)).code).toBe(0);
    // All the killed run left: its copy of the index it replaced with one now in place (here: the same pages).
    const edited = readFileSync(join(folder, REPORT_INDEX), 'utf8').replace(/"README\.md": "[0-9a-f]{64}"/, `"README.md": "${'0'.repeat(64)}"`);
    writeFileSync(join(folder, asideName(REPORT_INDEX, DEAD)), edited);
    const next = await runCli('report', '--manifest', manifest, '--out', out);
    expect(next.code, next.stderr).toBe(0);
    expect(next.stderr).toContain(`note: removed ${join(folder, asideName(REPORT_INDEX, DEAD)).slice(0, -'0123456789abcdef.hta-aside'.length)}`);
    expect(next.stderr).not.toContain('rename it to');
    expect(stagingFilesIn(folder)).toEqual([]);
    expect(existsSync(join(folder, REPORT_INDEX))).toBe(true);
    expect((await runCli('report', '--manifest', manifest, '--out', out, '--check')).code).toBe(0);
  });
});
