/**
 * The uptake report page and its results.json say of invalid rows left out only how many (from
 * the threshold up, as a band, else "some") and the kinds of problem of at least threshold rows in the page's language — never a value
 * or a line of one patient's row (docs/disclosure-control.md "Excluded rows").
 */
import { readFileSync, writeFileSync, copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { tempDir } from '../support/run-cli.js';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';

const NO = 'test/fixtures/exports/registry-no';

function fixtureWithBadRows(): string {
  const dir = tempDir();
  const lines = readFileSync(`${NO}/registry.csv`, 'utf8').split('\n');
  lines[5] = lines[5]!.replace(/^(\d+),[^,]+,/, '$1,Bergen,');
  lines[9] = lines[9]!.replace(/^(\d+),([^,]+),([^,]+),[^,]+,/, '$1,$2,$3,2025-02-30T10:00:00,');
  writeFileSync(join(dir, 'registry.csv'), lines.join('\n'));
  copyFileSync(`${NO}/eligible.csv`, join(dir, 'eligible.csv'));
  // Only the totals published: the page's words on excluded rows are what this is about, not the
  // suppression of months, clinics and breakdowns (seconds of solving on this registry).
  const plan = { ...JSON.parse(readFileSync(`${NO}/uptake.plan.json`, 'utf8')), invalidRows: 'exclude', publish: { months: false, clinics: false, equity: [] } };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return dir;
}

describe('the uptake report on a registry with invalid rows excluded', () => {
  it('says "some rows" and the kinds in Danish, with no value, line or per-kind count; results.json the same', async () => {
    const dir = fixtureWithBadRows();
    const content = await uptakeReportKind.build(
      { id: 'x', kind: 'uptake', out: 'x', lang: 'da', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' } as never,
      { input: (p: string) => join(dir, p), lang: 'da', version: 'test', memo: <T>(_k: string, f: () => T) => f() },
    );
    const page = JSON.stringify(content.page);
    expect(page).toContain('Nogle ugyldige registerrækker (færre end 5) er udeladt af alle tal');
    // Each kind concerns fewer than 5 rows: named, it would say what those rows were.
    expect(page).toContain('Fejltyperne nævnes ikke: hver gælder færre end 5 rækker.');
    expect(page).not.toMatch(/henvisningsdato ugyldig|der ikke findes i filen/);
    expect(page).not.toMatch(/Bergen|2025-02-30|registry\.csv:|lines? \d|expected|× /);
    const results = content.results as { excluded?: unknown };
    expect(results.excluded).toEqual({ rows: 'suppressed', kinds: [] });
    expect(uptakeResultsSchema.safeParse(JSON.parse(JSON.stringify(content.results))).success).toBe(true);
  });
});
