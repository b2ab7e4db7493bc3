/**
 * `hta report` removes only files it wrote itself (the folder's .hta-report.json says which),
 * never overwrites a file it did not write, and refuses output folders that hold its inputs.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { shellWord } from '../../src/io/shell-word.js';
import { stagingName } from '../../src/io/stale-staging.js';

const STUDIES = readFileSync('data/published/selfback-studies.csv', 'utf8');
const snapshot = (dir: string) => new Map(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f), 'latin1')]));

function metaWorkspace() {
  const dir = tempDir();
  mkdirSync(join(dir, 'in'));
  writeFileSync(join(dir, 'in/studies.csv'), STUDIES);
  const manifest = join(dir, 'in/m.json');
  writeFileSync(manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv' }] }));
  return { dir, manifest, out: join(dir, 'out'), folder: join(dir, 'out/m') };
}

describe('hta report never removes or overwrites what it did not write', () => {
  it('a report whose folder holds its input is refused (exit 2) and the input is kept', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'trial'));
    copyFileSync('data/published/selfback-studies.csv', join(dir, 'trial/export.csv'));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'meta', out: 'trial', lang: 'en', data: 'trial/export.csv' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(dir, 'trial/export.csv'));
    expect(r.stderr).toContain('report "t"');
    expect(readdirSync(join(dir, 'trial'))).toEqual(['export.csv']);
    expect(readFileSync(join(dir, 'trial/export.csv'), 'utf8')).toBe(STUDIES);
  });

  it('an --out that holds the manifest or an input is refused (exit 2), nothing written', async () => {
    const w = metaWorkspace();
    const r = await runCli('report', '--manifest', w.manifest, '--out', join(w.dir, 'in'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/--out .* holds/);
    expect(readdirSync(join(w.dir, 'in')).sort()).toEqual(['m.json', 'studies.csv']);
  });

  it('removes only files an earlier run wrote and left unchanged; --check lists only those as extra', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const index = JSON.parse(readFileSync(join(w.folder, '.hta-report.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(index.files).sort()).toEqual(readdirSync(w.folder).filter((f) => f !== '.hta-report.json').sort());
    writeFileSync(join(w.folder, 'notes.svg'), 'mine'); // a file of the user's, named like a chart
    // Only the RMDQ rows remain: the other outcomes' forest plots are no longer produced.
    writeFileSync(join(w.dir, 'in/studies.csv'), STUDIES.split('\n').filter((l, i) => i === 0 || /,rmdq,/.test(l)).join('\n') + '\n');
    writeFileSync(join(w.folder, 'forest-pseq-9m-md.vl.json'), 'edited by hand');
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    const extra = check.stdout.split('\n').filter((l) => l.startsWith('extra: ')).map((l) => l.slice('extra: '.length).replace(`${w.folder}/`, '')).sort();
    expect(extra).toEqual(['forest-pain-avg-3m-md.png', 'forest-pain-avg-3m-md.svg', 'forest-pain-avg-3m-md.vl.json', 'forest-pain-avg-9m-md.png', 'forest-pain-avg-9m-md.svg', 'forest-pain-avg-9m-md.vl.json', 'forest-pseq-9m-md.png', 'forest-pseq-9m-md.svg']);
    const run = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('8 removed');
    expect(run.stderr).toMatch(/kept .*forest-pseq-9m-md\.vl\.json/);
    expect(readFileSync(join(w.folder, 'notes.svg'), 'utf8')).toBe('mine');
    expect(readFileSync(join(w.folder, 'forest-pseq-9m-md.vl.json'), 'utf8')).toBe('edited by hand');
    expect(existsSync(join(w.folder, 'forest-pain-avg-3m-md.svg'))).toBe(false);
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check')).code).toBe(0);
  });

  it('a file in a report folder that hta did not write is never overwritten (exit 2, file kept)', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    mkdirSync(w.folder, { recursive: true });
    writeFileSync(join(w.folder, 'README.md'), 'my own notes');
    const r = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(join(w.folder, 'README.md'));
    expect(readdirSync(w.folder)).toEqual(['README.md']);
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toBe('my own notes');
  });

  it.skipIf(process.platform === 'win32')('a symbolic link at a page\'s name is named in the first message, which does not offer --force (that refuses links too); --check names it', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    const mine = join(w.dir, 'mine.md');
    writeFileSync(mine, 'my page');
    mkdirSync(w.folder, { recursive: true });
    symlinkSync(mine, join(w.folder, 'README.md'));
    const r = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(w.folder, 'README.md')} (a symbolic link) — hta never writes through or replaces a link`);
    expect(r.stderr).not.toMatch(/hta report [^`]*--force`/);
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`not a regular file (a symbolic link): ${join(w.folder, 'README.md')}\n`);
    expect(check.stdout).not.toContain('edited:');
    expect(readFileSync(mine, 'utf8')).toBe('my page');
  });

  it('a page hta wrote and the user edited since is not overwritten silently: exit 2 naming it; --force replaces it', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const page = readFileSync(join(w.folder, 'README.md'), 'utf8');
    writeFileSync(join(w.folder, 'README.md'), page + 'edit\n');
    const r = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`edited since hta wrote it: ${join(w.folder, 'README.md')} — move your copy away`);
    // The user's own manifest: the exact command to paste, with their --manifest and --out, not npm's.
    expect(r.stderr).toContain(`hta report --manifest ${shellWord(w.manifest)} --out ${shellWord(w.out)} --force`);
    expect(r.stderr).not.toContain('npm start');
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toBe(page + 'edit\n');
    // --check tells CI which files a person must decide on: "edited", not "stale".
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`edited: ${join(w.folder, 'README.md')}`);
    expect(check.stdout).not.toMatch(/^stale: /m);
    expect(check.stdout).toContain('1 of them edited by hand or not written by hta');
    expect(check.stdout).toContain(`run \`hta report --manifest ${shellWord(w.manifest)} --out ${shellWord(w.out)}\` to regenerate`);
    expect(check.stdout).not.toContain('npm start');
    const forced = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(forced.stderr).toContain('1 written');
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toBe(page);

    // Pages git checked out with CRLF line ends (core.autocrlf on Windows) are no one's edits:
    // said so, with the remedy, and still not overwritten (a real edit beside them stays "edited").
    const html = readFileSync(join(w.folder, 'index.html'), 'utf8');
    writeFileSync(join(w.folder, 'README.md'), page.replaceAll('\n', '\r\n'));
    writeFileSync(join(w.folder, 'index.html'), html.replaceAll('\n', '\r\n'));
    const crlf = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(crlf.code).toBe(2);
    expect(crlf.stderr).toContain(`refusing to overwrite 2 file(s) that differ only in line endings from what hta wrote (git core.autocrlf?): ${join(w.folder, 'README.md')}, ${join(w.folder, 'index.html')} — `);
    expect(crlf.stderr).toContain(`add the line \`* -text\` to ${join(w.out, '.gitattributes')} (making the file if need be) and commit it`);
    expect(crlf.stderr).not.toContain('edited since hta wrote it');
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toBe(page.replaceAll('\n', '\r\n'));
    writeFileSync(join(w.folder, 'results.json'), readFileSync(join(w.folder, 'results.json'), 'utf8').replaceAll('\n', '\r\n') + ' ');
    const crlfCheck = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(crlfCheck.code).toBe(1);
    expect(crlfCheck.stdout).toContain(`differs only in line endings (git core.autocrlf?): ${join(w.folder, 'README.md')}\n`);
    expect(crlfCheck.stdout).toContain(`edited: ${join(w.folder, 'results.json')}\n`);
    expect(crlfCheck.stdout).not.toContain(`edited: ${join(w.folder, 'README.md')}`);
    expect(crlfCheck.stdout).toContain('1 of them edited by hand or not written by hta');
    expect(crlfCheck.stdout).toContain('2 file(s) differ only in line endings (git core.autocrlf?): git converts text files on checkout');
  });

  it('an index with git merge-conflict markers, or empty, is named as unreadable with what to do, not as a file hta did not write', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    const indexPath = join(w.folder, '.hta-report.json');
    const index = readFileSync(indexPath, 'utf8');
    const lines = index.split('\n');
    const at = lines.findIndex((l) => l.includes('"README.md"'));
    // Two branches that both regenerated the report, merged.
    const conflicted = [...lines.slice(0, at), '<<<<<<< HEAD', lines[at], '=======', lines[at]!.replace(/"[0-9a-f]{64}"/, `"${'0'.repeat(64)}"`), '>>>>>>> other', ...lines.slice(at + 1)].join('\n');
    writeFileSync(indexPath, conflicted);
    const before = snapshot(w.folder);
    const r = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${indexPath}, hta's index of the files it wrote in ${w.folder}, is unreadable (merge conflict?): it holds git merge-conflict markers (line ${at + 1}: <<<<<<< HEAD), so hta cannot tell which files there are its own — keep one side of the merge conflict (\`git checkout --ours -- ${shellWord(indexPath)}\`, or --theirs)`);
    expect(r.stderr).toContain(`--force\`, which replaces every file hta writes there (hand edits included); nothing was written`);
    expect(r.stderr).not.toContain('not in their folder');
    expect(snapshot(w.folder)).toEqual(before);
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`unreadable index: ${indexPath}, hta's index`);
    expect(check.stdout).not.toContain('not written by hta');
    expect(check.stdout).not.toContain(`stale: ${indexPath}`);

    writeFileSync(indexPath, '');
    const empty = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`is unreadable: it is empty, so hta cannot tell which files there are its own — restore it (\`git checkout -- ${shellWord(indexPath)}\`)`);
    const forced = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(indexPath, 'utf8')).toBe(index);
  });

  it('a page made from a manifest of the user\'s names the command that regenerates it', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    // The manifest by its file name, the command being run in its folder (in/); --out from there
    // (../out: without it, or as `out`, the command would write in/reports or in/out).
    const command = 'hta report --manifest m.json --out ../out';
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toContain(`Regenerate with \`${command}\`.`);
    expect(readFileSync(join(w.folder, 'index.html'), 'utf8')).toContain(`Regenerate with <code>${command}</code>.`);
    // --lang changes every page and --allow-outside is needed to run: both are named.
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--lang', 'da', '--allow-outside', '--force')).code).toBe(0);
    expect(readFileSync(join(w.folder, 'README.md'), 'utf8')).toContain(`${command} --lang da --allow-outside\``);
  });


  it('a report dropped from the manifest is not left published silently: --check lists its folder, the run notes it and keeps it', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    writeFileSync(w.manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv' }, { id: 'old', kind: 'meta', out: 'gammel/da', lang: 'da', data: 'studies.csv' }] }));
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    writeFileSync(w.manifest, JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', lang: 'en', data: 'studies.csv' }] }));
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`not in the manifest: ${join(w.out, 'gammel/da')}/`);
    expect(check.stdout).not.toContain('file(s) out of date');
    // --only leaves the other reports out on purpose: no such line.
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check', '--only', 'm')).code).toBe(0);
    const run = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`note: ${join(w.out, 'gammel/da')}/ is a report hta wrote that the manifest no longer names`);
    expect(existsSync(join(w.out, 'gammel/da/index.html'))).toBe(true);
  });

  it('a staging file a killed run left in a report folder is named by --check and removed by the next run when its process is gone', { timeout: 60_000 }, async () => {
    const w = metaWorkspace();
    // One outcome's studies: fewer charts to draw.
    writeFileSync(join(w.dir, 'in/studies.csv'), STUDIES.split('\n').filter((l, i) => i === 0 || /,rmdq,/.test(l)).join('\n') + '\n');
    expect((await runCli('report', '--manifest', w.manifest, '--out', w.out)).code).toBe(0);
    // As kill -9 midway leaves them: part of a page, mode 0600 (one of a process that ended, one of an older hta).
    const stale = stagingName('README.md', 2 ** 30);
    const legacy = '.index.html.0123456789abcdef.tmp';
    for (const f of [stale, legacy]) writeFileSync(join(w.folder, f), '# half a page', { mode: 0o600 });
    // Not written for longer than a live run's file would be (stale-staging.ts STALE_AFTER_MS).
    const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
    utimesSync(join(w.folder, stale), hourAgo, hourAgo);
    const check = await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check');
    expect(check.code).toBe(1);
    expect(check.stdout).toContain(`left by an interrupted run: ${join(w.folder, stale)} (a staging file`);
    expect(check.stdout).toContain(`left by an interrupted run: ${join(w.folder, legacy)} (a staging file`);
    // The pages are up to date, so nothing is written; the stale leftover goes all the same.
    const run = await runCli('report', '--manifest', w.manifest, '--out', w.out);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain(`note: removed ${join(w.folder, stale)}, a staging file left while writing README.md`);
    expect(run.stderr).toContain(`${join(w.folder, legacy)} looks like a staging file an interrupted run of an earlier hta left`);
    expect(existsSync(join(w.folder, stale))).toBe(false);
    expect(existsSync(join(w.folder, legacy))).toBe(true);
  });

  it('two hta report runs of one manifest at once into one --out both succeed: a file the other run just wrote, byte for byte the same, is not called the user\'s', { timeout: 120_000 }, async () => {
    for (let round = 0; round < 3; round++) {
      const w = metaWorkspace();
      const [a, b] = await Promise.all([runCli('report', '--manifest', w.manifest, '--out', w.out), runCli('report', '--manifest', w.manifest, '--out', w.out)]);
      expect(a.code, a.stderr).toBe(0);
      expect(b.code, b.stderr).toBe(0);
      expect((await runCli('report', '--manifest', w.manifest, '--out', w.out, '--check')).code).toBe(0);
    }
  });
});
