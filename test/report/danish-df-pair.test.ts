/**
 * A page writes an F test's two degrees of freedom apart by a semicolon: "1,37 (3; 407)".
 * With the decimal comma, "1,37 (3, 407)" in the subgroup tests' table reads as the number 3,407
 * (docs/glossary-da.md). Each df is grouped as every count: a trial of 1,240 patients has
 * residual df 1.234 — and in English "(3, 1,234)" would read as three numbers, so English has the
 * semicolon too. `hta analyze` prints the same pair ("F(3; 407) = 1,37"): it printed "F(3, 407)"
 * in Danish, ungrouped.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { subgroupText } from '../../src/analysis/subgroup-text.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { dfText } from '../../src/report/sections/subgroups.js';

describe('degrees of freedom in the subgroup tests', () => {
  it('a semicolon between the two, grouped, in Danish and English', () => {
    expect(dfText(3, 407, 'da')).toBe('3; 407');
    expect(dfText(3, 1234, 'da')).toBe('3; 1.234');
    expect(dfText(3, 407, 'en')).toBe('3; 407');
    expect(dfText(3, 1234, 'en')).toBe('3; 1,234');
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

  it('`hta analyze` prints the pair as the page does: "F(3; 407) = 1,37", grouped (da, en)', () => {
    const result = JSON.parse(readFileSync('reports/selfback-da/results.json', 'utf8')) as AnalysisResult;
    const g = result.subgroups![0]!;
    expect(g.interaction.df2).toBe(407);
    const line = (lang: 'en' | 'da', df2: number) => subgroupText([{ ...g, interaction: { ...g.interaction, df2 } }], lang, () => undefined).match(/(?:Interaktionstest|Interaction test): [FQ]\([^)]*\) = [\d.,]*\d/)?.[0];
    expect(line('da', 407)).toBe('Interaktionstest: F(3; 407) = 1,37');
    expect(line('da', 1234)).toBe('Interaktionstest: F(3; 1.234) = 1,37');
    expect(line('en', 1234)).toBe('Interaction test: F(3; 1,234) = 1.37');
    // Cochran's Q: one df.
    expect(subgroupText([{ ...g, interaction: { ...g.interaction, df2: null } }], 'en', () => undefined)).toContain('Interaction test: Q(3) = 1.37');
  });
});
