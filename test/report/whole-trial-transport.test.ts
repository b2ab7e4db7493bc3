/**
 * A target population with no criteria is the whole trial transported (docs/subgroups.md#target-population):
 * its own rows repeat the trial's, so the conclusion, the summary of findings, the Target population
 * section, the participant flow and `hta analyze`'s text carry the transported estimate instead —
 * said to be transported, with how (inverse odds, not raking) and to how many target patients.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { AnalysisResult } from '../../src/analysis/results-schema.js';
import { targetPopulationText } from '../../src/analysis/subgroup-text.js';
import { targetBranch } from '../../src/report/charts/flow-boxes.js';
import { type TrialChartContext, trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { conclusionParagraphs } from '../../src/report/conclusion.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { sofPopulationNote, sofPopulationRows } from '../../src/report/sof-target-rows.js';
import { summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { wholeTrialFixture } from '../support/whole-trial-fixture.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { Plan } from '../../src/plan/plan-schema.js';
import type { TrialData } from '../../src/trial/trial-data.js';

let plan: Plan;
let trial: TrialData;
let result: AnalysisResult;

beforeAll(() => {
  ({ plan, trial } = wholeTrialFixture());
  result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample('test/fixtures/subgroups/target-sample.csv', plan)! });
});

const transportedPrimary = () => result.targetPopulation!.transported!.find((x) => x.outcome === 'pain' && x.time === '3m' && x.weighting === 'inverse-odds')!;

describe.each(['en', 'da'] as const)('the whole trial transported to a target sample (%s)', (lang) => {
  let ctx: TrialChartContext;
  beforeAll(() => {
    ctx = trialChartContext(trial, lang);
  });
  const k = () => String(result.targetPopulation!.targetSample!.rows);

  it('the conclusion gives the transported estimate, not the trial patients "in the target population"', () => {
    const rows = summaryOfFindingsRows(result, plan, ctx.primaryMethod, lang);
    const text = conclusionParagraphs(rows, ctx, result)[0]!;
    const moved = transportedPrimary().effect;
    const trialRow = result.effects.find((e) => e.outcome === 'pain' && e.time === '3m' && e.method === 'ancova')!;
    // The estimates differ, so the sentence shows which it carries.
    expect(moved.difference!.toFixed(2)).not.toBe(trialRow.difference!.toFixed(2));
    const two = (v: number) => Math.abs(v).toFixed(2).replace('.', lang === 'da' ? ',' : '.');
    const sentence = text.slice(text.indexOf(lang === 'en' ? 'Transported to the target population' : 'Overført til målgruppen'));
    expect(sentence.length).toBeLessThan(text.length);
    expect(sentence).toContain(two(moved.difference!));
    expect(sentence).toContain(`${k()} ${lang === 'en' ? 'target patients' : 'patienter fra målgruppen'}`);
    expect(text).not.toMatch(lang === 'en' ? /In the target population/ : /I målgruppen \(/);
  });

  it('the summary of findings has only the transported row, naming the target sample\'s size; its note says transported', () => {
    const trialRow = result.effects.find((e) => e.outcome === 'pain' && e.time === '3m' && e.method === 'ancova')!;
    const rows = sofPopulationRows(result.targetPopulation!, trialRow, ctx);
    expect(rows.map((r) => r.row)).toEqual([transportedPrimary().effect]);
    expect(rows[0]!.label).toMatch(lang === 'en' ? /^Transported to the target population \(weighted to a sample of \d+ target patients\), eff\. n/ : /^Overført til målgruppen \(vægtet til en stikprøve på \d+ patienter fra målgruppen\)/);
    expect(rows[0]!.label).toContain(k());
    expect(sofPopulationNote(result.targetPopulation!, lang)).toMatch(lang === 'en' ? /whole trial transported/ : /hele forsøget overført/);
  });

  it('the Target population section: no criteria table, no "meeting the criteria" rows, the method named as inverse odds', () => {
    const section = subgroupReport(result, plan, ctx, () => 10).sections[0]!;
    expect(section.tables).toHaveLength(1);
    const cells = section.tables![0]!.table.rows.map((r) => r[1]);
    expect(cells.filter((c) => c === (lang === 'en' ? 'Patients meeting the criteria' : 'Patienter, der opfylder kriterierne'))).toEqual([]);
    expect(cells.some((c) => /target sample|stikprøven/.test(c!))).toBe(true);
    const intro = section.intro!.join(' ');
    expect(intro).toMatch(lang === 'en' ? /inverse odds of trial membership/ : /inverse odds for forsøgsdeltagelse/);
    expect(intro).not.toMatch(/raked|meet every criterion|opfylder alle kriterier/);
    expect(intro).toContain(k());
  });

  it('the participant flow has no target-population branch ("meet every criterion" would be the trial)', () => {
    expect(targetBranch(result, ctx)).toEqual([]);
  });

  it("hta analyze's text: no table of the trial's own rows under the target heading; the target sample's size", () => {
    const text = targetPopulationText(result.targetPopulation!, lang, () => 2, (key) => key);
    const trialRow = result.effects.find((e) => e.outcome === 'pain' && e.time === '3m' && e.method === 'ancova')!;
    // Each transported row once; the trial's own estimate never.
    const shown = (v: number) => v.toFixed(2).replace('-', '−').replace('.', lang === 'da' ? ',' : '.');
    expect(text).not.toContain(shown(trialRow.difference!));
    expect(text).toContain(shown(transportedPrimary().effect.difference!));
    expect(text).toContain(`${k()} ${lang === 'en' ? 'target patients' : 'patienter'}`);
    // The target rows left out for a missing model value (results.json: targetSample.excludedMissing), and whose n it is.
    const left = result.targetPopulation!.targetSample!.excludedMissing;
    expect(left).toBeGreaterThan(0);
    // The fixture leaves one row out: in the singular.
    expect(left).toBe(1);
    expect(text).toContain(lang === 'en' ? '(1 row left out for a missing model value)' : '(1 række udeladt for en manglende værdi i modellen)');
    expect(text).toContain(lang === 'en' ? "n: the trial's patients, reweighted (not target patients)" : 'n: forsøgets patienter, omvægtet (ikke patienter fra målgruppen)');
  });

  it("hta analyze's text: one target patient in the singular, two rows left out in the plural", () => {
    const t = result.targetPopulation!;
    const one = targetPopulationText({ ...t, targetSample: { ...t.targetSample!, rows: 1, excludedMissing: 2 } }, lang, () => 2, (key) => key);
    expect(one).toContain(lang === 'en' ? ': 1 target patient in the membership model (2 rows left out for a missing model value)' : ': 1 patient i modellen for deltagelse (2 rækker udeladt for en manglende værdi i modellen)');
  });
});
