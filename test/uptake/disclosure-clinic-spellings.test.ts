/**
 * Earlier clinic names spelled otherwise now only by case or blanks (previous-publication.ts
 * `foldClinicSpellings`, by the rule of respell-counts.ts that region names follow too; docs/
 * disclosure-control.md "A clinic, level or region gone"), on counts written out by hand.
 */
import { describe, expect, it } from 'vitest';
import { foldClinicSpellings, type PreviousCount, type PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';

const clinic = (region: string, name: string, asOf = '2025-06-30', value = 30): PreviousCount => ({ asOf, kind: 'clinic', measure: 'referrals', region, clinic: name, value });
const year = (region: string): PreviousCount => ({ asOf: '2025-06-30', kind: 'year', region, year: 2025, value: 40 });
const pub = (counts: PreviousCount[], hidden: PreviousCount[] = []): PreviousPublication => ({ file: 'p1.json', exportDate: '2025-09-30', exportDates: ['2025-06-30', '2025-09-30'], counts, hidden, uncarried: [] });
const NOW = [{ region: 'Syddanmark', clinic: 'Odense C Lægehus' }, { region: 'Syddanmark', clinic: 'Vejle' }];

describe('foldClinicSpellings', () => {
  it('writes an earlier spelling (printed or hidden, any date) as the clinic now in its region, and names it once with its dates', () => {
    const r = foldClinicSpellings(pub([clinic('Syddanmark', 'ODENSE  C lægehus'), year('Syddanmark'), clinic('Syddanmark', 'ODENSE  C lægehus', '2025-09-30'), clinic('Syddanmark', 'VEJLE')], [clinic('Syddanmark', 'ODENSE  C lægehus', '2025-06-30', 0)]), NOW);
    expect(r.previous.counts.map((c) => (c.kind === 'clinic' ? c.clinic : c.kind))).toEqual(['Odense C Lægehus', 'year', 'Odense C Lægehus', 'Vejle']);
    expect(r.previous.hidden!.map((c) => (c.kind === 'clinic' ? c.clinic : c.kind))).toEqual(['Odense C Lægehus']);
    expect(r.respelled).toEqual([
      { region: 'Syddanmark', earlier: 'ODENSE  C lægehus', now: 'Odense C Lægehus', asOf: ['2025-06-30', '2025-09-30'] },
      { region: 'Syddanmark', earlier: 'VEJLE', now: 'Vejle', asOf: ['2025-06-30'] },
    ]);
  });

  it('not two spellings of one date that fold into one clinic now (two clinics then), nor a spelling of another region, nor one that is a clinic now', () => {
    const two = foldClinicSpellings(pub([clinic('Syddanmark', 'ODENSE C LÆGEHUS'), clinic('Syddanmark', 'odense c lægehus')]), NOW);
    expect(two.previous.counts.map((c) => (c.kind === 'clinic' ? c.clinic : ''))).toEqual(['ODENSE C LÆGEHUS', 'odense c lægehus']);
    expect(two.respelled).toEqual([]);
    // On different dates they are one clinic then too: each folded.
    const apart = foldClinicSpellings(pub([clinic('Syddanmark', 'ODENSE C LÆGEHUS'), clinic('Syddanmark', 'odense c lægehus', '2025-09-30')]), NOW);
    expect(apart.respelled.map((r) => r.earlier)).toEqual(['ODENSE C LÆGEHUS', 'odense c lægehus']);
    expect(foldClinicSpellings(pub([clinic('Hovedstaden', 'vejle')]), NOW).respelled).toEqual([]);
    expect(foldClinicSpellings(pub([clinic('Syddanmark', 'Vejle')]), [...NOW, { region: 'Syddanmark', clinic: 'VEJLE' }]).respelled).toEqual([]);
  });
});
