/**
 * Transported rows on too little information (docs/subgroups.md#extreme-weights and
 * #inverse-odds-weights): weights whose effective sample size is under half the patients analysed
 * (or a weight over 10 times the mean) are flagged in results.json, warned of, marked on the page
 * and never stated as a finding in the conclusion; a target sample below the plan's minimum is not
 * transported at all.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { weightsExtreme } from '../../src/analysis/extreme-weights.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import type { Plan } from '../../src/plan/plan-schema.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { essText } from '../../src/report/ess-text.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { sofPopulationRows } from '../../src/report/sof-target-rows.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { wholeTrialFixture } from '../support/whole-trial-fixture.js';

afterAll(removeTempDirs);

const SAMPLE = 'test/fixtures/subgroups/target-sample.csv';
let plan: Plan;
let trial: TrialData;

/** The fixture's target sample, every age shifted by `shift` years and only the first `keep` rows. */
function sample(shift: number, keep?: number): string {
  const [h, ...rest] = readFileSync(SAMPLE, 'utf8').trim().split('\n');
  const file = join(tempDir(), 'target-sample.csv');
  writeFileSync(file, [h, ...rest.slice(0, keep).map((l) => l.replace(/^(\d+),/, (_, a) => `${Number(a) + shift},`))].join('\n') + '\n');
  return file;
}
const analyse = (file: string) => analyzeTrial(trial, { version: 'test', targetSample: readTargetSample(file, plan, trial)! });

beforeAll(() => {
  ({ plan, trial } = wholeTrialFixture());
});

describe('an effective sample size as the page prints it', () => {
  it('one decimal under 10, as the conclusion and the warning; whole above', () => {
    expect(essText(1.46, 'en')).toBe('1.5');
    expect(essText(1.46, 'da')).toBe('1,5');
    expect(essText(27.4, 'en')).toBe('27');
    expect(essText(1213.2, 'da')).toBe('1.213');
  });
});

describe('the rule', () => {
  it('flags an effective sample size under half the patients, or a weight over 10 times the mean', () => {
    expect(weightsExtreme({ effectiveSampleSize: 46, max: 3 }, 91)).toBe(false);
    expect(weightsExtreme({ effectiveSampleSize: 45, max: 3 }, 91)).toBe(true);
    expect(weightsExtreme({ effectiveSampleSize: 80, max: 10 }, 91)).toBe(false);
    expect(weightsExtreme({ effectiveSampleSize: 80, max: 10.5 }, 91)).toBe(true);
  });
});

describe('extreme inverse-odds weights (target ages 10 years above the sample: eff. n 43 of 91)', () => {
  let result: AnalysisResult;
  let plain: AnalysisResult;
  beforeAll(() => {
    result = analyse(sample(10));
    plain = analyse(sample(0));
  });

  it('results.json flags every row and warns once; the fixture as it is (eff. n 60 of 91) is not flagged', () => {
    const rows = result.targetPopulation!.transported!;
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.weights!.effectiveSampleSize).toBeLessThan(0.5 * (r.effect.n.intervention + r.effect.n.control));
      expect(r.weights!.extreme).toBe(true);
      // The estimate is kept: the numbers are what R gives, only their reading changes.
      expect(r.effect.difference).not.toBeNull();
    }
    const warned = result.warnings.filter((w) => w.includes('extreme weights'));
    expect(warned).toEqual([expect.stringMatching(/^transported effect \(inverse-odds\): extreme weights in every row \(effective sample size 4\d\.\d(–4\d\.\d)? of 91 patients analysed, largest weight [\d.–]+ times the mean; the limits are half the patients and 10 times the mean\): .*not a finding$/)]);
    expect(trialWarningText(warned[0]!, 'da', { outcome: (k) => k, time: (t) => t, method: (m) => m, subgroup: (c) => c })).toMatch(/^Effekten i målgruppen, vægtet til stikprøven \(inverse odds\): ekstreme vægte i alle rækker \(effektiv stikprøvestørrelse 4\d,\d.* af 91 analyserede patienter, .*ikke et fund$/);
    for (const r of plain.targetPopulation!.transported!) expect(r.weights!.extreme).toBe(false);
    expect(plain.warnings.filter((w) => w.includes('extreme weights'))).toEqual([]);
  });

  it.each(['en', 'da'] as const)('the page marks the rows, says why, and the conclusion states no finding (%s)', (lang) => {
    const ctx = trialChartContext(trial, lang);
    const section = subgroupReport(result, plan, ctx, () => 10).sections[0]!;
    const cells = section.tables!.flatMap((t) => t.table.rows.map((r) => r[2]));
    expect(cells.some((c) => c!.includes(lang === 'en' ? '; extreme weights)' : '; ekstreme vægte)'))).toBe(true);
    // Each marked row's verdict cell states no finding (not "Significantly worse…"), as the conclusion.
    const marked = section.tables!.flatMap((t) => t.table.rows).filter((r) => r[2]!.includes(lang === 'en' ? '; extreme weights)' : '; ekstreme vægte)'));
    for (const r of marked) expect(r[4]).toBe(lang === 'en' ? 'Not a finding (extreme weights)' : 'Intet fund (ekstreme vægte)');
    expect(section.notes!.some((n) => n.startsWith(lang === 'en' ? 'Extreme weights (Trial patients weighted to the target sample: every row)' : 'Ekstreme vægte (Forsøgets patienter vægtet til stikprøven fra målgruppen: alle rækker)'))).toBe(true);
    const text = conclusionParagraphs(summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang), ctx, result)[0]!;
    expect(text).toContain(lang === 'en' ? 'no finding – the weights are extreme (effective sample size 4' : 'intet fund – vægtene er ekstreme (effektiv stikprøvestørrelse 4');
    // The estimate set off by commas, not parentheses within parentheses.
    expect(text).toMatch(lang === 'en' ? /, so the estimate, MD [^()]+ \(95% CI [^()]+\), rests on a few patients\./ : /, så estimatet, MD [^()]+ \(95 %-KI [^()]+\), hviler på få patienter\./);
    // The summary of findings' transported row says so in its label.
    const primary = result.effects.find((e) => e.method === ctx.primaryMethod)!;
    const sof = sofPopulationRows(result.targetPopulation!, primary, ctx);
    expect(sof.map((r) => r.label)).toEqual([expect.stringMatching(lang === 'en' ? /, eff\. n 4\d, extreme weights: not a finding$/ : /, eff\. n 4\d, ekstreme vægte: intet fund$/)]);
    const { table } = summaryOfFindings(summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang), ctx, result.targetPopulation);
    const sofRow = table.rows.find((r) => r[0] === `  ${sof[0]!.label}`)!;
    expect(sofRow[6]).toBe(lang === 'en' ? 'Not a finding (extreme weights)' : 'Intet fund (ekstreme vægte)');
    const ok = conclusionParagraphs(summaryOfFindingsRows(plain, plan, ctx.primaryMethod, lang), ctx, plain)[0]!;
    expect(ok).not.toMatch(/extreme|ekstreme/);
  });
});

describe('a target sample below the plan\'s minimum', () => {
  it('4 target patients (minimum 20): no inverse-odds estimate, the reason on every row and one warning; a lower minimum in the plan transports them', () => {
    const file = sample(0, 4);
    const result = analyse(file);
    const rows = result.targetPopulation!.transported!;
    for (const r of rows) {
      expect(r.effect.difference).toBeNull();
      expect(r.effect.error).toBe('target sample: too few target patients: 4 with every model value in target-sample.csv, the plan\'s minimum is 20 ("population.targetSample.minPatients")');
    }
    expect(result.warnings.filter((w) => w.includes('too few target patients'))).toHaveLength(1);
    expect(result.targetPopulation!.targetSample!.rows).toBe(4);
    const lowered = { ...plan, population: { ...plan.population!, targetSample: { ...plan.population!.targetSample!, minPatients: 4 } } } as Plan;
    const again = analyzeTrial({ ...trial, plan: lowered }, { version: 'test', targetSample: readTargetSample(file, lowered, trial)! });
    for (const r of again.targetPopulation!.transported!) expect(r.effect.error).toBeUndefined();
  });
});

describe('criteria beside reweighted rows', () => {
  it.each(['en', 'da'] as const)('names, for each weighting on its own, the criteria it leaves out, by their labels (%s)', async (lang) => {
    // The fixture's plan: criteria on age, symptom_weeks and recruited_by; margins on recruited_by and age; target sample on age, symptom_weeks, country.
    const { parsePlan } = await import('../../src/plan/load-plan.js');
    const { loadTrial } = await import('../../src/trial/load-trial.js');
    const { readCsvFile } = await import('../../src/io/read-csv.js');
    const full = parsePlan(JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')));
    const t = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), full);
    const said = (r: AnalysisResult, labels?: ReadonlyMap<string, string>) =>
      subgroupReport(r, full, trialChartContext(t, lang), () => 10, labels).sections[0]!.notes!.filter((n) => n.includes(lang === 'en' ? 'not on the criteria' : 'ikke på kriterierne'));
    // The margins have no labels in this plan (their columns, as the raking note names them); the model's columns
    // are named as Table 1 names them. Together the two weightings cover every criterion's column; each alone leaves one out: two notes.
    const withSample = analyzeTrial(t, { version: 'test', targetSample: readTargetSample(SAMPLE, full, t)! });
    const labels = new Map([['symptom_weeks', lang === 'en' ? 'Weeks with symptoms' : 'Uger med symptomer']]);
    expect(said(withSample, labels)).toEqual(
      lang === 'en'
        ? [
            'Trial reweighted to the target: every trial patient is kept, not only those who meet the criteria, and weighted on recruited_by and age only, not on the criteria "symptoms more than 4 weeks". These rows say what the trial\'s effect would be in a population of the target\'s make-up on recruited_by and age, not whether the effect differs in the patients who meet the criteria: the rows of those patients say that.',
            expect.stringMatching(/^Trial patients weighted to the target sample: every trial patient is kept, not only those who meet the criteria, and weighted on age \(years\), weeks with symptoms and country only, not on the criteria "recruited by a physiotherapist or GP"\. /),
          ]
        : [
            expect.stringMatching(/^Forsøget omvægtet til målgruppen: alle forsøgets patienter indgår, ikke kun dem, der opfylder kriterierne, og de er vægtet alene på recruited_by og age, ikke på kriterierne "symptoms more than 4 weeks"\. /),
            expect.stringMatching(/^Forsøgets patienter vægtet til stikprøven fra målgruppen: .* vægtet alene på alder \(år\), uger med symptomer og land, ikke på kriterierne "recruited by a physiotherapist or GP"\. /),
          ],
    );
    // Raked only: one note, for the raked rows; a margin's label names its column.
    const rakedOnly = analyzeTrial(t, { version: 'test' });
    expect(said(rakedOnly)).toHaveLength(1);
    const margins = full.population!.margins!.map((m) => (m.column === 'recruited_by' ? { ...m, label: { en: 'recruitment setting', da: 'rekrutteringssted' } } : m));
    const labelled = subgroupReport(rakedOnly, { ...full, population: { ...full.population!, margins } }, trialChartContext(t, lang), () => 10).sections[0]!.notes!;
    expect(labelled.join(' ')).toContain(lang === 'en' ? 'weighted on recruitment setting and age only' : 'vægtet alene på rekrutteringssted og age');
  });
});
