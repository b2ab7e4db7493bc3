/**
 * The subgroup warnings summarised per subgroup (docs/subgroups.md#too-few-patients-in-a-level,
 * #small-counts): a subgroup of many small levels gave one warning per level × outcome × time
 * (404 lines for 24 clinics), and nothing said that the printed counts are under 5.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS } from '../support/english-words.js';

function warningsWith(subgroup: Record<string, unknown>): string[] {
  const { population: _, ...base } = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
  const plan = parsePlan({ ...base, subgroups: [{ label: { en: 'age' }, prespecified: false, ...subgroup }] });
  return analyzeTrial(loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan), { version: 'test' }).warnings;
}
const da = (w: string) => trialWarningText(w, 'da', { outcome: (k) => k, time: (t) => t, method: (m) => m, subgroup: () => 'alder' });

describe('a subgroup of many small levels (one per age)', () => {
  const warnings = warningsWith({ column: 'age' }).filter((w) => w.startsWith('subgroup age'));

  it('gives one line for the levels held back and one for the small counts, none per level', () => {
    expect(warnings.filter((w) => /^subgroup age, .* at .*, level /.test(w))).toEqual([]);
    const [held, small, ...rest] = warnings.filter((w) => !w.includes('did you mean "cuts"'));
    expect(held).toMatch(/^subgroup age: (\d+) of (\d+) levels had fewer than 5 patients in an arm in at least one of its 3 analyses \(outcome × time\), \d+ of them with patients in one arm only: no estimate for them there, and left out of the tests for interaction; 3 of the 3 tests not run, fewer than 2 levels being left \(/);
    expect(small).toMatch(/^subgroup age: \d+ of \d+ levels have fewer than 5 patients in an arm in at least one analysis; their counts are printed beside the level's name, not suppressed \(docs\/subgroups\.md#small-counts\)$/);
    expect(rest).toEqual([]);
  });

  it('says both in Danish', () => {
    for (const w of warnings.filter((x) => !x.includes('did you mean "cuts"'))) {
      const text = da(w);
      expect(text).toMatch(/^Subgruppeanalyse efter alder: \d+ af \d+ niveauer (havde|har) færre end 5 patienter i en gruppe/);
      expect(text.replace(/"[^"]*"|\([^()]*docs\/[^()]*\)|docs\/\S+/g, '')).not.toMatch(ENGLISH_WORDS);
    }
  });

  it('says the small counts even when "minPerArm" lets the levels be estimated', () => {
    const w = warningsWith({ column: 'age', minPerArm: 1 }).filter((x) => x.includes('not suppressed'));
    expect(w).toHaveLength(1);
  });
});

describe('a subgroup of levels with at least 5 patients per arm', () => {
  it('gives no summary line', () => {
    expect(warningsWith({ column: 'age', cuts: [40, 60] }).filter((w) => w.startsWith('subgroup age'))).toEqual([]);
  });
});

describe('the page under a forest of levels with fewer than 5 patients in an arm', () => {
  const page = (column: string, cuts: number[] | undefined, lang: 'en' | 'da') => {
    const { population: _, ...base } = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
    const plan = parsePlan({ ...base, subgroups: [{ column, label: { en: 'age', da: 'alder' }, prespecified: false, ...(cuts ? { cuts } : {}) }] });
    const trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan);
    const result = analyzeTrial(trial, { version: 'test' });
    return subgroupReport(result, trial.plan, trialChartContext(trial, lang), () => 10).sections.flatMap((s) => s.notes ?? []);
  };

  it('says the counts are not suppressed, in English and Danish', () => {
    expect(page('age', undefined, 'en').filter((n) => n.startsWith('The counts are printed as they are, not suppressed: '))).toEqual([expect.stringMatching(/^The counts are printed as they are, not suppressed: \d+ of the \d+ levels show fewer than 5 patients in an arm, /)]);
    expect(page('age', undefined, 'da').filter((n) => n.startsWith('Antallene vises, som de er, ikke diskretioneret: '))).toHaveLength(1);
  });

  it('says nothing when every level has 5 or more in each arm', () => {
    expect(page('age', [40, 60], 'en').filter((n) => n.includes('not suppressed'))).toEqual([]);
  });
});
