import { describe, expect, it } from 'vitest';
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
