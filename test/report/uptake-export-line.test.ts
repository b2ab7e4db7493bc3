/** The uptake summary's first line says how many referrals were read, or that the count is hidden. */
import { describe, expect, it } from 'vitest';
import { SUPPRESSED } from '../../src/suppressed-marker.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import { bundledAnalysis } from './charts/uptake-chart-support.js';

describe('the uptake export line', () => {
  it('reads "N referrals read", and "referrals read: suppressed" when the total is hidden', async () => {
    const a = await bundledAnalysis();
    expect(uptakeTables(a, 'en').exportLine).toBe(`Registry export date ${a.exportDate}; 20,000 referrals read.`);
    const hidden = { ...a, rows: SUPPRESSED };
    expect(uptakeTables(hidden, 'en').exportLine).toBe(`Registry export date ${a.exportDate}; referrals read: suppressed.`);
    expect(uptakeTables(hidden, 'da').exportLine).toMatch(/; henvisninger indlæst: \S+\.$/);
  });
});
