/**
 * Which header names say a column holds counts (src/uptake/counts-table.ts): a Swedish
 * per-referral export was called "a table of counts" because `\b` took the "n" ending "Kön" for
 * the count word "n".
 */
import { describe, expect, it } from 'vitest';
import { countColumns } from '../../src/uptake/counts-table.js';

describe('count column names', () => {
  it('names ending in a non-ASCII letter and n are no counts: Kön, Län, Køn', () => {
    expect(countColumns(['Personnummer', 'Region', 'Län', 'Vårdcentral', 'Remissdatum', 'Ålder', 'Kön', 'Køn', 'Kjønn', 'Remittent'])).toEqual([]);
  });

  it('count words standing alone are counts, in Danish, Swedish, Norwegian and English', () => {
    expect(countColumns(['Antal henvist', 'Antall', 'henviste_n', 'Ålder n', 'Summa', 'count', 'Region'])).toEqual(['Antal henvist', 'Antall', 'henviste_n', 'Ålder n', 'Summa', 'count']);
  });
});
