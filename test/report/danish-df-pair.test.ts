/**
 * A Danish page writes an F test's two degrees of freedom apart by a semicolon: "1,37 (3; 407)".
 * With the decimal comma, "1,37 (3, 407)" in the subgroup tests' table reads as the number 3,407
 * (docs/glossary-da.md). Each df is grouped as every count: a trial of 1,240 patients has
 * residual df 1.234.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { dfText } from '../../src/report/sections/subgroups.js';

describe('degrees of freedom in the subgroup tests', () => {
  it('Danish: a semicolon between the two, grouped; English: a comma, grouped', () => {
    expect(dfText(3, 407, 'da')).toBe('3; 407');
    expect(dfText(3, 1234, 'da')).toBe('3; 1.234');
    expect(dfText(3, 407, 'en')).toBe('3, 407');
    expect(dfText(3, 1234, 'en')).toBe('3, 1,234');
    // Cochran's Q has one df.
    expect(dfText(3, null, 'da')).toBe('3');
  });

  it('the bundled Danish page: every F test reads "(3; 407)", never "(3, 407)"', () => {
    const page = readFileSync('reports/selfback-da/index.html', 'utf8');
    // The table's number cells, their text without the spans that keep a value on one line.
    const cells = [...page.matchAll(/<td class="num">(.*?)<\/td>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '')).filter((c) => /^\d+,\d{2} \(/.test(c));
    expect(cells.some((c) => /\(\d+; \d+\)/.test(c))).toBe(true);
    expect(cells.filter((c) => /\(\d+, \d+\)/.test(c))).toEqual([]);
  });
});
