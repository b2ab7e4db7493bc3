/**
 * A numeric subgroup column without "cuts" or "levels" (docs/subgroups.md#subgroups): every value
 * is a level, as documented, but with many values a warning says so with the "cuts" hint.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { numericLevelsWarning } from '../../src/analysis/subgroup-levels.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

function warningsWith(subgroup: Record<string, unknown>): string[] {
  const { population: _, ...base } = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
  const plan = parsePlan({ ...base, subgroups: [{ label: { en: 'age' }, prespecified: false, ...subgroup }] });
  return analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan), { version: 'test' }).warnings;
}

describe('a numeric subgroup column without cuts', () => {
  it('age without cuts: one warning with the number of values and the cuts hint, in both languages', () => {
    const hint = warningsWith({ column: 'age' }).filter((w) => w.includes('did you mean "cuts"'));
    expect(hint).toEqual([expect.stringMatching(/^subgroup age: the column holds numbers with \d{2,} different values and the plan gives no "cuts" or "levels", so every value is a level of its own; /)]);
    const da = trialWarningText(hint[0]!, 'da', { outcome: (k) => k, time: (t) => t, method: (m) => m, subgroup: () => 'alder' });
    expect(da).toMatch(/^Subgruppeanalyse efter alder: kolonnen indeholder tal med \d+ forskellige værdier/);
    expect(da.replace(/"[^"]*"/g, '')).not.toMatch(ENGLISH_WORDS);
  });

  it('no warning with cuts, with levels, for text, or for a few numeric codes', () => {
    expect(warningsWith({ column: 'age', cuts: [40, 60] }).filter((w) => w.includes('did you mean "cuts"'))).toEqual([]);
    expect(warningsWith({ column: 'country' }).filter((w) => w.includes('did you mean "cuts"'))).toEqual([]);
    const sg = { column: 'x', label: { en: 'x' }, prespecified: false, minPerArm: 5 };
    expect(numericLevelsWarning(sg, [0, 1, 2, 1, 0, null, 2, 3, 4, 5, 6, 7, 8, 9])).toBeNull();
    expect(numericLevelsWarning(sg, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toMatch(/with 11 different values/);
    expect(numericLevelsWarning({ ...sg, levels: [1, 2] }, [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10])).toBeNull();
  });
});
