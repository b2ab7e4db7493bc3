// A per-protocol population ("population": { "purpose": "per-protocol" }, docs/plan-trial.md#per-protocol-and-itt)
// is a sensitivity analysis beside the primary analysis of all randomised patients: its section,
// table, flow branch and summary-of-findings rows say so in English and Danish, never "target
// population" or "the recommendation concerns this population". The numbers are those of a
// target population with the same criteria (only the words change).
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { targetBranch } from '../../src/report/charts/flow-boxes.js';
import { participantFlowSpec } from '../../src/report/charts/participant-flow.js';
import { targetPopulationText } from '../../src/analysis/subgroup-text.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { sofPopulationNote, sofPopulationRows } from '../../src/report/sof-target-rows.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const lines = ['id,arm,time,pain,pp'];
for (let id = 1; id <= 24; id++) {
  const arm = id % 2 ? 'A' : 'B';
  lines.push(`${id},${arm},baseline,${(id % 5) + 4},${id % 6 ? 1 : 0}`, `${id},${arm},3m,${(id % 4) + (arm === 'A' ? 1 : 3)},`);
}
const population = (purpose?: string) => ({ label: { en: 'Adhered to protocol', da: 'Fulgte protokollen' }, ...(purpose ? { purpose } : {}), criteria: [{ column: 'pp', op: '==', value: 1, label: { en: 'adhered', da: 'fulgte protokollen' } }], minPerArm: 5 });
const planOf = (purpose?: string) => parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], primary: { outcome: 'pain', time: '3m' }, outcomes: [{ key: 'pain', instrument: 'nrs' }], methods: ['ancova'], population: population(purpose) });
const run = (purpose?: string) => {
  const trial = loadTrial(parseCsvText(lines.join('\n') + '\n', 'pp.csv'), planOf(purpose));
  return { trial, result: analyzeTrial(trial, { version: 'test' }) };
};

describe('a per-protocol population', () => {
  const pp = run('per-protocol');
  const target = run();
  it('has the numbers of the same criteria as a target population, and results.json says its purpose', () => {
    expect(pp.result.targetPopulation!.effects).toEqual(target.result.targetPopulation!.effects);
    expect(pp.result.targetPopulation!.purpose).toBe('per-protocol');
    expect(target.result.targetPopulation!.purpose).toBeUndefined();
  });
  for (const [lang, title, intro, col, flowPanel] of [
    ['en', 'Per-protocol analysis: Adhered to protocol', /^A sensitivity analysis, not the trial's result: .*intention to treat/, 'Per protocol (sensitivity)', 'Per-protocol subset of all randomised patients (a sensitivity analysis, not a stage of the trial)'],
    ['da', 'Per-protokol-analyse: Fulgte protokollen', /^En følsomhedsanalyse, ikke forsøgets resultat: .*intention-to-treat/, 'Per protokol (følsomhedsanalyse)', 'Per protokol: delmængde af alle randomiserede patienter (en følsomhedsanalyse, ikke et trin i forsøget)'],
  ] as const) {
    it(`is presented as a per-protocol sensitivity analysis (${lang})`, () => {
      const ctx = trialChartContext(pp.trial, lang);
      const section = subgroupReport(pp.result, pp.trial.plan, ctx, () => undefined).sections[0]!;
      expect(section.title).toBe(title);
      expect(section.intro![0]).toMatch(intro);
      const text = JSON.stringify(section);
      expect(text).toContain(col);
      expect(text).not.toMatch(/recommendation|target population|Patients meeting the criteria|anbefaling|målgruppe/i);
      const primaryRow = pp.result.effects.find((e) => e.outcome === 'pain' && e.method === 'ancova')!;
      expect(sofPopulationRows(pp.result.targetPopulation!, primaryRow, ctx)[0]!.label).toBe(col);
      expect(sofPopulationNote(pp.result.targetPopulation!, lang)).not.toMatch(/target population|målgruppe/i);
      expect(targetBranch(pp.result, ctx).at(-1)![0]).toBe(lang === 'en' ? 'Per protocol' : 'Per protokol');
      // The same criteria as a target population keep the target population's words.
      const tctx = trialChartContext(target.trial, lang);
      expect(subgroupReport(target.result, target.trial.plan, tctx, () => undefined).sections[0]!.title).toMatch(lang === 'en' ? /^Target population: / : /^Målgruppe: /);
      expect(JSON.stringify(participantFlowSpec(pp.result, ctx))).toContain(JSON.stringify(flowPanel));
    });
  }
  it.each([
    ['en', 'Per-protocol analysis (sensitivity): Adhered to protocol', /Target population/],
    ['da', 'Per-protokol-analyse (følsomhedsanalyse): Fulgte protokollen', /målpopulation|målgruppe/i],
  ] as const)('hta analyze prints it as a per-protocol sensitivity analysis (%s); a target population keeps its words', (lang, heading, not) => {
    const text = (r: typeof pp) => targetPopulationText(r.result.targetPopulation!, lang, () => undefined, (k) => k);
    expect(text(pp).split('\n')[1]).toBe(heading);
    expect(text(pp)).not.toMatch(not);
    expect(text(target).split('\n')[1]).toBe(lang === 'en' ? 'Target population: Adhered to protocol' : 'Målgruppe: Fulgte protokollen');
  });
  it('refuses reweighting margins with a per-protocol purpose', () => {
    const e = errorOf(() => parsePlan({ ...planOf(), population: { ...population('per-protocol'), margins: [{ column: 'pp', shares: { 1: 0.5, 0: 0.5 } }] } }));
    expect(e.problems).toEqual([expect.objectContaining({ field: 'population.margins', expected: expect.stringContaining('"purpose": "per-protocol"') })]);
  });
});
