/**
 * A subgroup of a True/False column (pandas' `smoker`) without "levelLabels": an explorer's Danish
 * page drew "alle patienter False True" under "Subgruppeanalyse efter ryger", where Table 1 on the
 * same page read the column "Ryger, ja". Now a yes/no level is named in the page's words, as Table 1
 * does (trial/subgroup-level-name.ts; docs/subgroups.md), and the plan's "levelLabels" still win.
 */
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { subgroupLevelName } from '../../src/trial/subgroup-level-name.js';

// The pandas fixture (True/False in `smoker`), its two missing countries written empty.
const text = readFileSync('test/fixtures/pandas-missing/trial.csv', 'utf8').replaceAll(',None,', ',,');
const planJson = {
  ...JSON.parse(readFileSync('test/fixtures/pandas-missing/plan.json', 'utf8')),
  methods: ['ancova'],
  subgroups: [{ column: 'smoker', label: { en: 'smoker', da: 'ryger' }, prespecified: true, minPerArm: 2 }],
};
let trial: TrialData;
let result: AnalysisResult;

beforeAll(() => {
  trial = loadTrial(parseCsvText(text, 'trial.csv'), parsePlan(planJson));
  result = analyzeTrial(trial, { version: 'test' });
});

const forestLabels = (t: TrialData, lang: 'en' | 'da') => {
  const { charts } = subgroupReport(result, t.plan, trialChartContext(t, lang), () => 10);
  return (charts[0]!.spec as unknown as { data: { values: { labelText: string }[] } }).data.values.map((v) => v.labelText);
};

describe('a True/False subgroup without levelLabels', () => {
  it('the Danish forest names its levels nej/ja, the English no/yes; never False/True', () => {
    expect(result.subgroups?.[0]?.levels.map((l) => l.level)).toEqual(['False', 'True']);
    const da = forestLabels(trial, 'da');
    expect(da).toEqual(expect.arrayContaining(['alle patienter', 'nej', 'ja']));
    expect(da.join(' ')).not.toMatch(/False|True/);
    const en = forestLabels(trial, 'en');
    expect(en).toEqual(expect.arrayContaining(['no', 'yes']));
    expect(en.join(' ')).not.toMatch(/False|True/);
  });

  it('the plan\'s levelLabels win; a one-letter code and other words stay as written', () => {
    expect(subgroupLevelName({ True: { en: 'smokers', da: 'rygere' } }, 'True', 'da')).toBe('rygere');
    expect(subgroupLevelName(undefined, 'TRUE', 'da')).toBe('ja');
    expect(subgroupLevelName(undefined, 'Nej', 'en')).toBe('no');
    expect(subgroupLevelName(undefined, 'N', 'da')).toBe('N');
    expect(subgroupLevelName(undefined, 'gp', 'da')).toBe('gp');
  });
});
