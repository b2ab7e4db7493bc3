import { describe, expect, it, vi } from 'vitest';
import { padColumns, textWidth } from '../../src/report/text-width.js';
import { renderTextTable } from '../../src/report/text-table.js';

describe('textWidth: terminal columns, not code points', () => {
  it('a letter and its combining marks are one column; wide and emoji characters two; a zero-width space none', () => {
    expect(textWidth('Sandal 2021')).toBe(11);
    expect(textWidth('A\u030arhus')).toBe(5);
    expect(textWidth('Århus')).toBe(5);
    expect(textWidth('−0.79 (−1.51 to −0.06)')).toBe(22);
    expect(textWidth('東京 2024')).toBe(9);
    expect(textWidth('ｆｕｌｌ')).toBe(8);
    expect(textWidth('ok ✅')).toBe(5);
    expect(textWidth('a\u200bb')).toBe(2);
    expect(padColumns('A\u030a', 3, 'right')).toBe('  A\u030a');
  });

  it('a text table with a decomposed and a CJK name pads each to the same terminal columns', () => {
    const out = renderTextTable({ header: ['Study', 'n'], rows: [['A\u030arhus', '1'], ['東京', '2'], ['Odense', '3']], align: ['left', 'right'] });
    const rows = out.split('\n').slice(2, 5);
    expect(rows).toEqual(['A\u030arhus   1', '東京    2', 'Odense  3']);
  });
});

describe('textWidth: the grapheme segmenter is made only when a text needs it', () => {
  it('loading the module and measuring ASCII make none; the first non-ASCII text makes one, and only one', async () => {
    // Setting up ICU's segmenter costs ~10 ms of CPU in every command that loads this module
    // (docs/architecture.md#the-cost-of-a-cold-regeneration): made at first use, not at load.
    const Real = Intl.Segmenter;
    let made = 0;
    Intl.Segmenter = class extends Real {
      constructor(...args: ConstructorParameters<typeof Intl.Segmenter>) {
        super(...args);
        made++;
      }
    } as typeof Intl.Segmenter;
    try {
      vi.resetModules();
      const fresh = await import('../../src/report/text-width.js');
      expect(made).toBe(0);
      expect(fresh.textWidth('Sandal 2021')).toBe(11);
      expect(made).toBe(0);
      expect(fresh.textWidth('A\u030arhus')).toBe(5);
      expect(fresh.textWidth('東京 2024')).toBe(9);
      expect(made).toBe(1);
    } finally {
      Intl.Segmenter = Real;
    }
  });
});
