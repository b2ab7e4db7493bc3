/**
 * A foreign or hand-edited `.hta-report.json` listing files of the user's with their right
 * SHA-256 (`mine.txt`, `sub/p3.txt`) must not make `hta report` remove them: only names a report
 * can write (report-file-names.ts) are ever extra, and so removed (docs/output-safety.md).
 */
import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputIndexText, sha256 } from '../../src/io/output-index.js';
import { compareWithDisk, REPORT_INDEX } from '../../src/report/build-reports.js';
import { isChartName, isReportFileName } from '../../src/report/report-file-names.js';
import { tempDir } from '../support/run-cli.js';

describe('removal trusts an index only for names a report writes', () => {
  it('user files listed with their right hashes are neither extra nor kept; an old chart of hta\'s is extra', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r/sub'), { recursive: true });
    const onDisk: Record<string, string> = {
      'mine.txt': 'my notes',
      'sub/p3.txt': 'page three',
      'notes.csv': 'a,b\n',
      'Old.svg': '<svg/>',
      'old-chart.svg': '<svg>old</svg>',
      'old-chart.vl.json': '{}',
      'old-chart.png': 'png',
    };
    for (const [name, text] of Object.entries(onDisk)) writeFileSync(join(dir, 'r', name), text);
    const listed = new Map(Object.entries(onDisk).map(([n, t]) => [n, sha256(t)]));
    writeFileSync(join(dir, 'r', REPORT_INDEX), outputIndexText(listed, 'hand-edited'));
    const report = new Map([['r/index.html', '<html></html>']]);
    const drift = compareWithDisk(report, dir, ['r']);
    expect(drift.extra).toEqual(['r/old-chart.png', 'r/old-chart.svg', 'r/old-chart.vl.json']);
    expect(drift.kept).toEqual([]);
    expect(readFileSync(join(dir, 'r/sub/p3.txt'), 'utf8')).toBe('page three');
  });

  it('the names: pages and chart files only, no subfolders', () => {
    for (const ok of ['index.html', 'README.md', 'results.json', 'ce-plane.png', 'forest-rmdq-3m-md.vl.json', 'ceac.svg']) expect(isReportFileName(ok)).toBe(true);
    for (const no of ['mine.txt', 'sub/p3.txt', 'sub/index.html', 'readme.md', 'Chart.svg', '.hta-report.json', 'x.csv', '-a.svg', 'a.svg.bak']) expect(isReportFileName(no)).toBe(false);
    expect(isChartName('subgroup-sex-3m')).toBe(true);
    expect(isChartName('Subgroup')).toBe(false);
  });

  it.skipIf(process.platform === 'win32')('a link or folder at a page\'s name is blocked (not stale, edited or missing) unless it already shows the right bytes', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'r/results.json'), { recursive: true });
    writeFileSync(join(dir, 'same.md'), '# page\n');
    writeFileSync(join(dir, 'other.html'), 'other');
    symlinkSync(join(dir, 'same.md'), join(dir, 'r/README.md'));
    symlinkSync(join(dir, 'other.html'), join(dir, 'r/index.html'));
    const report = new Map([['r/README.md', '# page\n'], ['r/index.html', '<html></html>'], ['r/results.json', '{}\n']]);
    const drift = compareWithDisk(report, dir, ['r']);
    expect(drift.blocked).toEqual([{ rel: 'r/index.html', kind: 'a symbolic link' }, { rel: 'r/results.json', kind: 'a folder' }]);
    expect([...drift.stale, ...drift.missing, ...drift.edited, ...drift.foreign]).toEqual([]);
  });
});
