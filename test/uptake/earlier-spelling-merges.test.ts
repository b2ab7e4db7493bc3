/**
 * An earlier publication (made before clinic spellings were merged) printed `0123` and `123`
 * side by side; this export counts them as one clinic `0123` (clinic-names.ts). Read with
 * --previous, `123` must not read as a category gone (which hides every clinic count of its
 * region): hta's own merge is applied as a declared one would be (earlier-as-read.ts
 * `spellingMerges`; docs/disclosure-control.md "Changed since an earlier publication").
 */
import { describe, expect, it } from 'vitest';
import { readEarlier, spellingMerges } from '../../src/uptake/disclosure/earlier-as-read.js';
import { absentCategories, type PreviousCount, type PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';

const H = 'Region Hovedstaden';
const c = (clinic: string, value: number, measure: 'referrals' | 'activations' = 'referrals', region = H): PreviousCount => ({ asOf: '2025-06-30', kind: 'clinic', measure, region, clinic, value });
const publication = (counts: PreviousCount[], hidden: PreviousCount[] = []): PreviousPublication => ({ file: 'p1.json', exportDate: '2025-06-30', exportDates: ['2025-06-30'], counts, hidden, uncarried: [] });
const now = { regions: [H], clinics: [{ region: H, clinic: '0123' }, { region: H, clinic: 'H01' }, { region: H, clinic: 'Lægehuset' }] };

describe('spellings an earlier publication printed apart, one clinic now', () => {
  it('are merged like with like: the earlier counts summed, nothing absent', () => {
    const p = publication([c('0123', 30), c('123', 20), c('0123', 12, 'activations'), c('123', 8, 'activations'), c('H01', 40)]);
    const read = readEarlier(p, now, []);
    expect(read.appliedMerges).toEqual([{ region: H, from: '123', into: '0123' }]);
    expect(read.previous.counts.filter((x) => x.kind === 'clinic' && x.clinic === '0123').map((x) => x.value)).toEqual([50, 20]);
    expect(read.previous.counts.some((x) => x.kind === 'clinic' && x.clinic === '123')).toBe(false);
    expect(absentCategories(read.previous.counts, { metrics: [], clinics: now.clinics }, '2025-12-31').absent).toEqual([]);
  });
  it('a sum it cannot know (one spelling hidden) drops the earlier count rather than guess it', () => {
    const read = readEarlier(publication([c('0123', 30), c('H01', 40)], [c('123', 0)]), now, []);
    expect(read.appliedMerges).toEqual([{ region: H, from: '123', into: '0123' }]);
    expect(read.previous.counts.filter((x) => x.kind === 'clinic' && x.clinic !== 'H01')).toEqual([]);
    expect(read.previous.hidden).toEqual([]);
  });
  it('case and æ written ae too; only within the region; a name present now is not merged', () => {
    const p = publication([c('Lægehuset', 30), c('LAEGEHUSET', 9), c('123', 5, 'referrals', 'Region Sjælland'), c('H01', 40), c('h01', 3)]);
    // h01 differs from H01 only in case, but H01 is there now and h01 is not: merged; 123 of Sjælland is not Hovedstaden's 0123.
    expect(spellingMerges(p, now.clinics)).toEqual([{ region: H, from: 'LAEGEHUSET', into: 'Lægehuset' }, { region: H, from: 'h01', into: 'H01' }]);
    expect(spellingMerges(p, [...now.clinics, { region: H, clinic: 'h01' }])).toEqual([{ region: H, from: 'LAEGEHUSET', into: 'Lægehuset' }]);
  });
});
