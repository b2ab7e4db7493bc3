/**
 * Which spellings of a region without its Nordic letters are read (docs/input-registry.md
 * "Regions"): ø, å, ä, ö written as the plain letter are (a Swedish or Norwegian system without
 * them); æ written as a is not (its plain letters are ae), nor is a letter left out.
 */
import { describe, expect, it } from 'vitest';
import { regionSet } from '../../src/uptake/regions.js';

describe('a region spelled without its Nordic letters', () => {
  const regions = regionSet(['Køge', 'Region Sjælland', 'Region Skåne', 'Västra Götaland', 'Helse Sør-Øst']);

  it('ø, å, ä, ö as the plain letter are the region', () => {
    expect(['Koge', 'Region Skane', 'Vastra Gotaland', 'Helse Sor-Ost', 'Sjaelland'].map((t) => regions.resolve(t))).toEqual(['Køge', 'Region Skåne', 'Västra Götaland', 'Helse Sør-Øst', 'Region Sjælland']);
  });

  it('æ as a, or a letter left out, is no spelling of it: mapped with the plan\'s regions', () => {
    expect(['Sjalland', 'Region Sjalland', 'Kge'].map((t) => regions.resolve(t))).toEqual([undefined, undefined, undefined]);
    expect(regionSet(['Region Sjælland'], { Sjalland: 'Region Sjælland' }).resolve('Sjalland')).toBe('Region Sjælland');
  });
});
