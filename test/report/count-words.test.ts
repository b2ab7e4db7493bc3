// Counts in words, one module (src/report/count-words.ts): the trial conclusion's "To af de fem
// øvrige", the registry and meta conclusions, the uptake funnel and the trial loader's "three
// categories" all take their words from it (a reviewer found three copies).
import { describe, expect, it } from 'vitest';
import { countWord, numberWord } from '../../src/report/count-words.js';
import { countWord as categoriesWord } from '../../src/trial/column-kind.js';

describe('counts in words', () => {
  it('Danish running text up to ten in words, English and larger counts in digits', () => {
    expect([0, 1, 2, 5, 10, 11].map((n) => countWord(n, 'da'))).toEqual(['nul', 'et', 'to', 'fem', 'ti', 11]);
    expect(countWord(5, 'en')).toBe(5);
  });

  it('capitalised at a sentence start; Danish one as the numeral "Ét"', () => {
    expect(countWord(1, 'da', { capitalise: true })).toBe('Ét');
    expect(countWord(2, 'da', { capitalise: true })).toBe('To');
    expect(numberWord(3, 'en', { capitalise: true })).toBe('Three');
  });

  it('the loader\'s "three categories" in English words from the same list', () => {
    expect(categoriesWord(3)).toBe('three');
    expect(categoriesWord(12)).toBe('12');
    expect(numberWord(7, 'da')).toBe('syv');
  });
});
