/**
 * Norwegian and Swedish month names and abbreviations in registry dates (src/uptake/registry-dates.ts;
 * docs/input-registry.md "Dates"): `mai`, `des` were invalid under dd-mon-yyyy (and --exclude-invalid
 * silently dropped every May and December referral), and `8 februari 2025` was refused as "mixed formats".
 */
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser, unknownMonthName } from '../../src/uptake/registry-dates.js';

const iso = (day: number | undefined) => (day === undefined ? undefined : new Date(day * 86_400_000).toISOString().slice(0, 10));

describe('Nordic month abbreviations under dd-mon-yyyy', () => {
  const read = dateParser('dd-mon-yyyy');
  it('reads Norwegian mai, okt, des and Swedish maj, in any case', () => {
    expect(['08-mai-2025', '08-MAI-2025', '08-okt-2025', '08-des-2025', '08-DES-2025', '08-maj-2025', '08-dec-2025'].map((t) => iso(read(t)))).toEqual(['2025-05-08', '2025-05-08', '2025-10-08', '2025-12-08', '2025-12-08', '2025-05-08', '2025-12-08']);
  });
});

describe('long dates with Norwegian and Swedish month names', () => {
  const read = dateParser('d. month yyyy');
  it('reads the Norwegian D. MONTH YYYY and the Swedish D MONTH YYYY, names and abbreviations', () => {
    const texts = ['4. mars 2025', '4. marts 2025', '17. mai 2025', '24. desember 2025', '8 februari 2025', '8 feb. 2025', '8 feb 2025', '17 maj 2025', '5 augusti 2025', '5 aug. 2025', '9 sept. 2025', '31 december 2025', '8. februar 2025'];
    expect(texts.map((t) => iso(read(t)))).toEqual(['2025-03-04', '2025-03-04', '2025-05-17', '2025-12-24', '2025-02-08', '2025-02-08', '2025-02-08', '2025-05-17', '2025-08-05', '2025-08-05', '2025-09-09', '2025-12-31', '2025-02-08']);
  });

  it('no word reads as two months across the languages, and an unknown word reads as none', () => {
    // Every name and abbreviation of each month reads as that month, whichever language wrote it.
    const months = [['jan', 'januar', 'januari'], ['feb', 'februar', 'februari'], ['mar', 'marts', 'mars'], ['apr', 'april'], ['maj', 'mai'], ['jun', 'juni'], ['jul', 'juli'], ['aug', 'august', 'augusti'], ['sep', 'sept', 'september'], ['okt', 'oktober'], ['nov', 'november'], ['dec', 'des', 'december', 'desember']];
    months.forEach((words, i) => {
      for (const w of words) expect(iso(read(`1 ${w} 2025`)), w).toBe(`2025-${String(i + 1).padStart(2, '0')}-01`);
    });
    expect(read('8 febbraio 2025')).toBeUndefined();
    expect(read('8 mart 2025')).toBeUndefined();
  });

  it('reads all twelve English abbreviations (8 May 2025 and 8 Oct 2025 were read by no format, 8 Mar 2025 was)', () => {
    const english = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
    expect(english.map((m) => iso(read(`8 ${m} 2025`)))).toEqual(english.map((_, i) => `2025-${String(i + 1).padStart(2, '0')}-08`));
    expect([iso(read('8 MAY 2025')), iso(read('8 oct. 2025'))]).toEqual(['2025-05-08', '2025-10-08']);
    const d = createDateFormatDetector();
    for (let i = 1; i <= 24; i++) d.add(`${i} ${english[i % 12]} 2025`);
    expect(d.result()).toEqual({ format: 'd. month yyyy' });
  });

  it('auto detects the Swedish long dates as one format, not "mixed formats"', () => {
    const d = createDateFormatDetector();
    for (let i = 1; i <= 28; i++) d.add(`${i} ${['januari', 'februari', 'mars', 'maj', 'december'][i % 5]} 2025`);
    expect(d.result()).toEqual({ format: 'd. month yyyy' });
  });
});

describe('month names hta does not know', () => {
  it('are found and said as such', () => {
    expect(unknownMonthName('8 febbraio 2025')).toBe('febbraio');
    expect(unknownMonthName('08-mär-2025')).toBe('mär');
    // dd-mon-yyyy reads three letters: `sept` there is named (it was called known, then refused as a mix of formats).
    expect(unknownMonthName('08-sept.-2025')).toBe('sept');
    expect(dateParser('dd-mon-yyyy')('08-sept.-2025')).toBeUndefined();
    expect([unknownMonthName('8 sept. 2025'), unknownMonthName('8 May 2025'), unknownMonthName('08-MAY-2025')]).toEqual([undefined, undefined, undefined]);
    expect([unknownMonthName('8 februari 2025'), unknownMonthName('08-des-2025'), unknownMonthName('2025-02-08')]).toEqual([undefined, undefined, undefined]);
    const d = createDateFormatDetector();
    for (let i = 1; i <= 28; i++) d.add(`${i} febbraio 2025`);
    const r = d.result();
    expect('reason' in r && r.reason).toContain('month names not recognised: "febbraio" is no month name hta knows');
  });
});
