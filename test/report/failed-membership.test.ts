/**
 * A membership model that cannot be fitted (the target sample's ages 100 years above the trial's:
 * separation, src/analysis/inverse-odds-transport.ts): the page still says how many target patients
 * were read and that the method was inverse odds (docs/subgroups.md#inverse-odds-weights), and
 * gives the reason in the page's language.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import type { Plan } from '../../src/plan/plan-schema.js';
import { type TrialChartContext, trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { formatThousands } from '../../src/report/i18n.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { wholeTrialFixture } from '../support/whole-trial-fixture.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

let plan: Plan;
let trial: TrialData;
let result: AnalysisResult;

beforeAll(() => {
  ({ plan, trial } = wholeTrialFixture());
  // Every target age 100 years above the trial's; symptom weeks 1000 above on every other row.
  const [h, ...rest] = readFileSync('test/fixtures/subgroups/target-sample.csv', 'utf8').split('\n');
  const file = join(tempDir(), 'target-sample.csv');
  writeFileSync(file, [h, ...rest.map((l, i) => l.replace(/^(\d+),(\d+),/, (_, a, w) => `${Number(a) + 100},${i % 2 ? Number(w) + 1000 : w},`))].join('\n'));
  result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample(file, plan, trial)! });
});

describe('a failed membership model', () => {
  it("results.json keeps the sample's file, rows, rows left out and model, without coefficients", () => {
    const rows = result.targetPopulation!.transported!.filter((x) => x.weighting === 'inverse-odds');
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) expect(r.effect.error).toMatch(/^target sample: the membership model separates/);
    const s = result.targetPopulation!.targetSample!;
    expect(s).toMatchObject({ file: 'target-sample.csv', model: ['age', 'symptom_weeks', 'country'] });
    expect(s.rows).toBeGreaterThan(0);
    expect(s.excludedMissing).toBeGreaterThan(0);
    expect(s.trialPatients).toBeGreaterThan(0);
    expect(s).not.toHaveProperty('coefficients');
  });
});

describe.each(['en', 'da'] as const)('a failed membership model on the page (%s)', (lang) => {
  let ctx: TrialChartContext;
  beforeAll(() => {
    ctx = trialChartContext(trial, lang);
  });
  const k = () => formatThousands(result.targetPopulation!.targetSample!.rows, 0, lang);

  it('the Target population section names the sample read, not "a sample of 0", and the reason in the language of the page', () => {
    const section = subgroupReport(result, plan, ctx, () => 10).sections[0]!;
    const intro = section.intro!.join(' ');
    expect(intro).toContain(lang === 'en' ? `weighted to a sample of ${k()} target patients` : `vægtet til en stikprøve på ${k()} patienter fra målgruppen`);
    const reason = section.notes!.filter((n) => n.includes('"age"'));
    expect(reason).toHaveLength(1);
    expect(reason[0]).toMatch(lang === 'en' ? /target rows outside the trial's range \(another scale or population\?\): "age" — \d+ of \d+; "symptom_weeks" — \d+ of \d+$/ : /rækker fra målgruppen uden for forsøgets område \(en anden skala eller population\?\): "age" — \d+ af \d+; "symptom_weeks" — \d+ af \d+$/);
    if (lang === 'da') expect(reason[0]).not.toMatch(/på engelsk|target rows|separates/);
  });

  it('the conclusion names the inverse odds weighting, never raking', () => {
    const text = conclusionParagraphs(summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang), ctx, result)[0]!;
    expect(text).toContain(lang === 'en' ? `weighted to ${k()} target patients` : `vægtet til ${k()} patienter fra målgruppen`);
    expect(text).not.toMatch(/raked|omvægtet/);
  });
});
