/** Files that differ from what hta wrote in CRLF line ends only (git core.autocrlf), and the remedy's .gitattributes line. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differsInLineEndingsOnly, fileStanding, outputIndexText, readOutputIndex, sha256 } from '../../src/io/output-index.js';
import { compareWithDisk, REPORT_INDEX } from '../../src/report/build-reports.js';
import { gitattributesAdvice, lineEndingsRemedy } from '../../src/io/line-endings.js';
import { tempDir } from '../support/run-cli.js';

const git = (cwd: string, ...args: string[]) => execFileSync('git', args, { cwd, encoding: 'utf8', env: { ...process.env, GIT_CONFIG_NOSYSTEM: '1', GIT_CONFIG_GLOBAL: '/dev/null' } });

function hasGit(): boolean {
  try {
    execFileSync('git', ['--version']);
    return true;
  } catch {
    return false;
  }
}

describe('line endings only', () => {
  const wrote = 'a,b\n1,"x\ny"\næ\n';
  it('tells CRLF conversion of what hta wrote from an edit, byte for byte in any encoding', () => {
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n')), sha256(wrote))).toBe(true);
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n'), 'latin1'), sha256(Buffer.from(wrote, 'latin1')))).toBe(true);
    expect(differsInLineEndingsOnly(Buffer.from(wrote.replaceAll('\n', '\r\n') + 'x'), sha256(wrote))).toBe(false);
    expect(differsInLineEndingsOnly(Buffer.from(wrote), sha256(wrote + ' '))).toBe(false); // no CRLF at all
  });

  // Patterns in a .gitattributes are relative to its own folder: the one suggested lies in the
  // output folder, so it holds whichever folder hta ran in (a line for the repository's root file
  // would need the folder's path from the root). Checked against git itself, as Windows would read it.
  it.skipIf(!hasGit())('suggests a .gitattributes in the output folder, which git applies to every file below it from anywhere', () => {
    const repo = tempDir();
    git(repo, 'init', '-q');
    mkdirSync(join(repo, 'site', 'out', 'trial'), { recursive: true });
    // hta run from site/ with --out out: the file goes where the advice says, from there.
    const advice = gitattributesAdvice('out');
    expect(advice).toBe(`add the line \`* -text\` to ${join('out', '.gitattributes')} (making the file if need be)`);
    writeFileSync(join(repo, 'site', 'out', '.gitattributes'), '* -text\n');
    const attrs = git(repo, 'check-attr', 'text', '--', 'site/out/trial/README.md', 'site/out/tables.csv', 'site/other.md');
    expect(attrs).toBe('site/out/trial/README.md: text: unset\nsite/out/tables.csv: text: unset\nsite/other.md: text: unspecified\n');
    expect(lineEndingsRemedy('out', '`hta report --out out --force`')).toContain(`${advice} and commit it, so that git keeps hta's line endings there`);
  });

  // One reading of each file says which it is: a CRLF copy is "line-endings", apart from a hand edit
  // (so no caller reads the file again to tell them apart).
  it('gives a CRLF copy of what hta wrote a standing of its own, apart from an edit, in an output folder and in a report folder', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r'));
    const files = new Map<string, string>([['same.csv', wrote], ['crlf.csv', wrote], ['edited.csv', wrote], ['crlf-edited.csv', wrote], ['mine.csv', wrote]]);
    for (const [name, text] of [['same.csv', wrote], ['crlf.csv', wrote.replaceAll('\n', '\r\n')], ['edited.csv', wrote + 'x'], ['crlf-edited.csv', wrote.replaceAll('\n', '\r\n') + 'x'], ['mine.csv', 'mine']]) writeFileSync(join(dir, 'r', name!), text!);
    const listed = new Map([...files].filter(([name]) => name !== 'mine.csv').map(([name, text]) => [name, sha256(text)] as const));
    writeFileSync(join(dir, 'r', 'idx.json'), outputIndexText(listed, 'test'));
    const index = readOutputIndex(join(dir, 'r'), 'idx.json');
    expect([...files.keys()].map((name) => fileStanding(join(dir, 'r'), name, index))).toEqual(['unchanged', 'line-endings', 'edited', 'edited', 'foreign']);
    expect(fileStanding(join(dir, 'r'), 'absent.csv', index)).toBe('absent');

    writeFileSync(join(dir, 'r', REPORT_INDEX), outputIndexText(listed, 'test'));
    const report = new Map([...files].map(([name, text]) => [`r/${name}`, text] as const));
    report.set(`r/${REPORT_INDEX}`, outputIndexText(listed, 'test'));
    const drift = compareWithDisk(report, dir, ['r']);
    expect(drift.lineEndings).toEqual(['r/crlf.csv']);
    expect(drift.edited).toEqual(['r/crlf-edited.csv', 'r/edited.csv']);
    expect(drift.foreign).toEqual(['r/mine.csv']);
    expect(drift.stale).toEqual(['r/crlf-edited.csv', 'r/crlf.csv', 'r/edited.csv', 'r/mine.csv']);
  });
});
