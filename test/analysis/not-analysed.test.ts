/**
 * CONSORT item 16: per visit and arm, the patients observed but left out of the complete-case
 * analysis, and why (no baseline score; a covariate value missing), on the ANCOVA and MMRM rows of
 * results.json (`notAnalysed`) and in the flow diagram's visit boxes — counted here again straight
 * from the export's cells (test/fixtures/mi-gaps: baselines, age, sex and region missing).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { flowBoxes, flowList } from '../../src/report/charts/flow-boxes.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const dir = 'test/fixtures/mi-gaps';
const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
const plan = parsePlan({ ...planJson, methods: ['ancova', 'welch', 'mmrm'], missing: { method: 'complete-case' } });
const csv = readFileSync(`${dir}/trial.csv`, 'utf8');
const trial = loadTrial(parseCsvText(csv, 'trial.csv'), plan);
const result = analyzeTrial(trial, { version: 'test' });

/** Per arm at `time`, from the cells: observed without a baseline, and with one but missing a covariate. */
function fromCells(time: string) {
  const [header, ...lines] = csv.trimEnd().split('\n').map((l) => l.split(',').map((c) => c.replace(/^"|"$/g, '')));
  const at = (name: string) => header!.indexOf(name);
  const out = { intervention: { missingBaseline: 0, missingCovariate: 0 }, control: { missingBaseline: 0, missingCovariate: 0 } };
  for (const cells of lines) {
    if (cells[at(`nrs_${time}`)] === '') continue;
    const arm = cells[at('gruppe')] === 'App' ? 'intervention' : 'control';
    if (cells[at('nrs_baseline')] === '') out[arm].missingBaseline++;
    else if (['alder', 'koen', 'region'].some((c) => cells[at(c)] === '')) out[arm].missingCovariate++;
  }
  return out;
}

describe('observed patients left out of the complete-case analysis, with reasons', () => {
  for (const time of ['3m', '6m', '12m']) {
    it(`at ${time}: the ANCOVA and MMRM rows count them by reason, and with the analysed they add up to the observed`, () => {
      const expected = fromCells(time);
      expect(expected.intervention.missingBaseline + expected.control.missingBaseline).toBeGreaterThan(0);
      expect(expected.intervention.missingCovariate + expected.control.missingCovariate).toBeGreaterThan(0);
      for (const method of ['ancova', 'mmrm'] as const) {
        const r = result.effects.find((e) => e.time === time && e.method === method)!;
        expect(r.notAnalysed).toEqual(expected);
        for (const arm of ['intervention', 'control'] as const) {
          const observed = result.missingness.find((m) => m.time === time && m.arm === arm)!.observed;
          expect(r.n[arm] + r.notAnalysed![arm].missingBaseline + r.notAnalysed![arm].missingCovariate).toBe(observed);
        }
      }
      // Welch analyses every observed patient: nothing to say.
      expect(result.effects.find((e) => e.time === time && e.method === 'welch')!.notAnalysed).toBeUndefined();
    });
  }

  it('the flow diagram says them under the analysed count of each visit, with the reasons, and so does its text version', () => {
    const expected = fromCells('12m').intervention;
    const ctx = trialChartContext(trial, 'en');
    const boxes = flowBoxes(result, ctx);
    const visit = boxes.arms.intervention.find((b) => b[0]!.text === ctx.timeLabel('12m'))!.map((l) => l.text);
    const analysed = visit.findIndex((l) => l.startsWith('Analysed (ANCOVA)'));
    expect(visit.slice(analysed + 1)).toEqual([
      `Not in the analysis: n = ${expected.missingBaseline + expected.missingCovariate}`,
      `· No baseline score: n = ${expected.missingBaseline}`,
      `· A covariate value missing: n = ${expected.missingCovariate}`,
    ]);
    const text = JSON.stringify(flowList(boxes));
    expect(text).toContain(`Not in the analysis: n = ${expected.missingBaseline + expected.missingCovariate} (No baseline score: n = ${expected.missingBaseline}; A covariate value missing: n = ${expected.missingCovariate})`);
    const da = flowBoxes(result, trialChartContext(trial, 'da')).arms.intervention.flat().map((l) => l.text);
    expect(da).toContain(`· Ingen baselinescore: n = ${expected.missingBaseline}`);
    expect(da).toContain(`· Mangler en kovariatværdi: n = ${expected.missingCovariate}`);
  });
});

describe('a cluster-randomised trial: the cluster-robust ANCOVA row says whom it leaves out too', () => {
  // The same export, randomised by practice: the ANCOVA (cluster-robust SEs) uses the same complete cases.
  const clustered = parsePlan({ ...planJson, clusters: 'praksis', methods: ['ancova', 'welch'], missing: { method: 'complete-case' } });
  const r = analyzeTrial(loadTrial(parseCsvText(csv, 'trial.csv'), clustered), { version: 'test' });
  for (const time of ['3m', '12m']) {
    it(`at ${time}: counted by reason as from the cells, adding up to the observed with the analysed; the unadjusted row has none`, () => {
      const row = r.effects.find((e) => e.time === time && e.method === 'ancova')!;
      expect(row.error ?? null).toBeNull();
      expect(row.ciMethod).toContain('cluster-robust');
      expect(row.notAnalysed).toEqual(fromCells(time));
      for (const arm of ['intervention', 'control'] as const) {
        const observed = r.missingness.find((m) => m.time === time && m.arm === arm)!.observed;
        expect(row.n[arm] + row.notAnalysed![arm].missingBaseline + row.notAnalysed![arm].missingCovariate).toBe(observed);
      }
      expect(r.effects.find((e) => e.time === time && e.method === 'cluster-difference')!.notAnalysed).toBeUndefined();
    });
  }
});
