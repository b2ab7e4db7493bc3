/**
 * Chart file names from a subgroup column: `Køn` gave `subgroup-k-n-3m.svg` (ø → hyphen). Danish
 * letters are written out as Danish writes them without (docs/subgroups.md#report).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { forestChartName } from '../../src/report/kinds/meta-report.js';
import { chartSlug, isChartName } from '../../src/report/report-file-names.js';
import { spelledOut } from '../../src/plan/wide-visits.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { loadTrial } from '../../src/trial/load-trial.js';

describe('chartSlug', () => {
  it('writes æ, ø, å out (upper case too) and drops other accents', () => {
    expect(chartSlug('Køn')).toBe('koen');
    expect(chartSlug('Ærø Lægehus')).toBe('aeroe-laegehus');
    expect(chartSlug('ÅRHUS')).toBe('aarhus');
    expect(chartSlug('Café Müller')).toBe('cafe-muller');
    expect(chartSlug('6 uger')).toBe('6-uger');
    expect(chartSlug('???')).toBe('x');
    for (const s of ['Køn', 'Ærø Lægehus', 'Ångström', 'e\u0301']) expect(isChartName(chartSlug(s))).toBe(true);
  });
});

/**
 * A decomposed letter (`A` + U+030A, as macOS file names and some exports write `Å`) is the same
 * name as the composed one: the chart gets one file name whatever the export's Unicode form, so
 * a re-run from a Mac export renames no file (finding s29 ids 4).
 */
describe('chart names of a name in either Unicode form', () => {
  const pairs: [string, string][] = [
    ['Område', 'Omra\u030ade'],
    ['ÅRHUS', 'A\u030aRHUS'],
    ['Smerte i år', 'Smerte i a\u030ar'],
    ['Café', 'Cafe\u0301'],
  ];
  it('chartSlug gives one slug, with å written out as aa', () => {
    for (const [composed, decomposed] of pairs) {
      expect(decomposed.normalize('NFC')).toBe(composed);
      expect(chartSlug(decomposed), decomposed).toBe(chartSlug(composed));
    }
    expect(chartSlug('Omra\u030ade')).toBe('omraade');
  });

  it('plan init compares names by the same helper', () => {
    for (const [composed, decomposed] of pairs) expect(spelledOut(decomposed)).toBe(spelledOut(composed));
  });

  it('a meta-analysis forest plot gets one name', () => {
    expect(forestChartName({ outcome: 'smerte_a\u030ar', time: '3m', measure: 'md' })).toBe('forest-smerte-aar-3m-md');
    expect(forestChartName({ outcome: 'smerte_år', time: '3m', measure: 'md' })).toBe('forest-smerte-aar-3m-md');
    expect(forestChartName({ outcome: 'pain_avg', time: '3m', measure: 'md' })).toBe('forest-pain-avg-3m-md');
  });
});

describe('a subgroup on a column named Køn', () => {
  it('is drawn as subgroup-koen-3m', () => {
    const { population: _, ...base } = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
    const csv = readFileSync('test/fixtures/subgroups/trial.csv', 'utf8').replace(/^id,arm,time,country,/, 'id,arm,time,Køn,');
    const plan = parsePlan({ ...base, covariates: [], subgroups: [{ column: 'Køn', label: { en: 'sex', da: 'køn' }, prespecified: false }] });
    const trial = loadTrial(parseCsvText(csv, 'trial.csv'), plan);
    const { charts, sections } = subgroupReport(analyzeTrial(trial, { version: 'test' }), trial.plan, trialChartContext(trial, 'da'), () => 10);
    expect(charts.map((c) => c.name)).toEqual(['subgroup-koen-3m']);
    expect(sections.map((s) => s.id)).toContain('subgroup-tests-koen');
  });
});
