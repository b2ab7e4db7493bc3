/**
 * `hta plan init --uptake` on an Excel semicolon export with emptied rows (`;;;;;`): the draft
 * counts and reads only rows with values, as the engine does (read-csv.ts skips them), so its
 * notes neither count the emptied rows nor report "" as an unrecognised referrer code.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';

describe('plan init --uptake on a registry with emptied rows', () => {
  it('skips rows of separators only', () => {
    const source = readFileSync('test/fixtures/exports/registry-dk-excel/registry.csv', 'utf8').split(/\r?\n/).filter((l) => l !== '');
    const [header, ...rows] = source;
    const blank = ';'.repeat(header!.split(';').length - 1);
    const file = join(mkdtempSync(join(tmpdir(), 'hta-draft-')), 'registry.csv');
    writeFileSync(file, [header, ...rows.flatMap((r, i) => (i % 10 === 0 ? [r, blank, ' ; ;'] : [r])), blank].join('\r\n') + '\r\n');
    const notes = draftUptakePlan(file).notes.join('\n');
    expect(notes).toContain(`regions seen in all ${rows.length} rows`);
    expect(notes).not.toMatch(/not recognised: ""/);
  });
});
