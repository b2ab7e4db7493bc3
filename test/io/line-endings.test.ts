/** Files that differ from what hta wrote in CRLF line ends only (git core.autocrlf), and the remedy's .gitattributes line. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { differsInLineEndingsOnly, sha256 } from '../../src/io/output-index.js';
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
});
