/**
 * `Regionskode` names the region column of the eligible file as it does the registry's
 * (docs/input-registry.md "The eligible file"): an SSMS export `Regionskode,Aar,Antal` with the DAGI
 * codes 1081–1085 was drafted for the registry but not for the eligible file, and hta uptake then
 * refused it for want of a region column.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { eligibleColumnsFor, readEligibleFile } from '../../src/uptake/read-registry.js';

describe('an eligible file whose region column is Regionskode', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-eligible-regionskode-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is mapped as the registry\'s is, and its DAGI codes read as the regions', () => {
    expect(eligibleColumnsFor(['Regionskode', 'Aar', 'Antal'])).toEqual({ region: 'Regionskode', year: 'Aar', eligible: 'Antal' });
    expect(eligibleColumnsFor(['regionkode', 'År', 'Antal'])?.region).toBe('regionkode');
    const file = join(dir, 'eligible.csv');
    writeFileSync(file, 'Regionskode,Aar,Antal\n1084,2025,37590\n1082,2025,27284\n1083,2025,24673\n1085,2025,17047\n1081,2025,12061\n');
    const read = readEligibleFile(file, { columns: eligibleColumnsFor(['Regionskode', 'Aar', 'Antal'])! });
    expect(read.rows.map((r) => [r.region, r.eligible])).toEqual([
      ['Region Hovedstaden', 37590], ['Region Midtjylland', 27284], ['Region Syddanmark', 24673], ['Region Sjælland', 17047], ['Region Nordjylland', 12061],
    ]);
  });
});
