/**
 * `hta report` removes a chart an earlier run wrote and this run does not (an "extra" file) only
 * while it still holds what hta wrote: its SHA-256 is re-checked just before the removal, so a
 * file the user (or another run) changed after this run compared the folder is kept and said
 * (build-reports.ts removeExtraFiles; docs/output-safety.md).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { outputIndexText, sha256 } from '../../src/io/output-index.js';
import { compareWithDisk, REPORT_INDEX, removeExtraFiles } from '../../src/report/build-reports.js';
import { tempDir } from '../support/run-cli.js';

/** A report folder `r` whose index lists two old charts of hta's, as an earlier run left it. */
function folderWithOldCharts() {
  const dir = tempDir();
  mkdirSync(join(dir, 'r'));
  const old = { 'old-chart.svg': '<svg>old</svg>', 'gone-chart.svg': '<svg>gone</svg>' };
  for (const [name, text] of Object.entries(old)) writeFileSync(join(dir, 'r', name), text);
  writeFileSync(join(dir, 'r', REPORT_INDEX), outputIndexText(new Map(Object.entries(old).map(([n, t]) => [n, sha256(t)])), 'hta'));
  return dir;
}

describe('an extra file is removed only while it is unchanged', () => {
  it('removes the unchanged one; keeps (and returns) the one edited between the comparison and the removal', () => {
    const dir = folderWithOldCharts();
    const drift = compareWithDisk(new Map([['r/index.html', '<html></html>']]), dir, ['r']);
    expect(drift.extra).toEqual(['r/gone-chart.svg', 'r/old-chart.svg']);
    // The user opens the old chart and saves it while the run draws the new pages.
    writeFileSync(join(dir, 'r/old-chart.svg'), '<svg>my edits</svg>');
    const kept = removeExtraFiles(dir, drift.extra, drift.extraSha256);
    expect(kept).toEqual(['r/old-chart.svg']);
    expect(readFileSync(join(dir, 'r/old-chart.svg'), 'utf8')).toBe('<svg>my edits</svg>');
    expect(existsSync(join(dir, 'r/gone-chart.svg'))).toBe(false);
  });

  it('a file replaced by another of the same size and name is kept too; with no hash known, nothing is removed', () => {
    const dir = folderWithOldCharts();
    const drift = compareWithDisk(new Map([['r/index.html', '<html></html>']]), dir, ['r']);
    writeFileSync(join(dir, 'r/gone-chart.svg'), '<svg>GONE</svg>');
    expect(removeExtraFiles(dir, drift.extra, drift.extraSha256)).toEqual(['r/gone-chart.svg']);
    expect(readFileSync(join(dir, 'r/gone-chart.svg'), 'utf8')).toBe('<svg>GONE</svg>');
    expect(existsSync(join(dir, 'r/old-chart.svg'))).toBe(false);
    writeFileSync(join(dir, 'r/x-chart.svg'), '<svg/>');
    expect(removeExtraFiles(dir, ['r/x-chart.svg'], new Map())).toEqual(['r/x-chart.svg']);
    expect(existsSync(join(dir, 'r/x-chart.svg'))).toBe(true);
  });
});
