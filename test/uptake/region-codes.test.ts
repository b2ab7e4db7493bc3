/** DAGI region codes read as the Danish regions (src/uptake/region-codes.ts, docs/input-registry.md "Regions"). */
import { describe, expect, it } from 'vitest';
import { regionOfCode } from '../../src/uptake/region-codes.js';
import { regionSet } from '../../src/uptake/regions.js';

describe('region codes', () => {
  it('1081–1085 are the five regions, as DAGI numbers them; nothing else is a code', () => {
    expect(['1081', '1082', '1083', '1084', '1085'].map(regionOfCode)).toEqual([
      'Region Nordjylland', 'Region Midtjylland', 'Region Syddanmark', 'Region Hovedstaden', 'Region Sjælland',
    ]);
    for (const other of ['1080', '1086', '84', 'DK-84', '01084', '1084a']) expect(regionOfCode(other)).toBeUndefined();
  });

  it('resolve to the eligible file\'s own spelling of the region, and only to a region it has', () => {
    const set = regionSet(['Hovedstaden', 'Region Sjælland']);
    expect(set.resolve('1084')).toBe('Hovedstaden');
    expect(set.resolve(' 1085 ')).toBe('Region Sjælland');
    expect(set.resolve('1081')).toBeUndefined();
  });

  it('a region set that names a region "1084" itself keeps it', () => {
    const set = regionSet(['1084', 'Region Hovedstaden']);
    expect(set.resolve('1084')).toBe('1084');
  });
});
