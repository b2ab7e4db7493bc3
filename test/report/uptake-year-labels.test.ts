/**
 * The uptake page labels the export's year, still running, the same in its chart and its table:
 * Figure 2's axis said "2025" where Table 1 said "2025 (so far)" (src/report/uptake-year-label.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { uptakeOverTimeSpec } from '../../src/report/charts/uptake-over-time.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';

const analysis = JSON.parse(readFileSync('reports/uptake/results.json', 'utf8')) as UptakeAnalysis;

// Danish names the export's date (30 December 2025), not "indtil nu", which dates with the page (review).
describe.each([['en', '2025 (so far)'], ['da', '2025 (til og med 30. december)']] as const)('uptake years (%s)', (lang, partial) => {
  it('the per-1,000 chart\'s axis uses the table\'s year labels, the running year marked', () => {
    expect(analysis.exportDate.slice(0, 4)).toBe('2025');
    const spec = uptakeOverTimeSpec(analysis, { measure: 'per1000', lang }) as unknown as { data: { values: { year: string }[] }; encoding: { x: { sort: string[] } } };
    const axis = spec.encoding.x.sort;
    expect(axis).toContain(partial);
    expect(axis).not.toContain('2025');
    for (const v of spec.data.values) expect(axis).toContain(v.year);
    const tableYears = new Set(uptakeTables(analysis, lang).uptake.table!.rows.map((r) => r[1]));
    expect(new Set(axis)).toEqual(tableYears);
  });
});
