/**
 * results.json `missingness` and a visit before the baseline (a REDCap randomisation event in
 * "allTimepoints"): where the outcome was never recorded it is no visit of the outcome, not
 * "missing" for every randomised patient; where it was recorded it is counted as any visit.
 */
import { describe, expect, it } from 'vitest';
import { missingnessOf } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const plan = parsePlan({
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
  timeLabels: { randomisering_arm_1: 'randomisering', baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
  allTimepoints: ['randomisering', 'baseline', '3m'],
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});

/** Eight patients: the arm on the randomisation event, RMDQ at baseline and 3 months (and at randomisation when `atRandomisation`). */
function times(atRandomisation: boolean): string[] {
  const lines = ['record_id,redcap_event_name,randomisering,rmdq'];
  for (let i = 1; i <= 8; i++) {
    lines.push(`${i},randomisering_arm_1,${i % 2 ? 1 : 2},${atRandomisation ? 12 : ''}`, `${i},baseline_arm_1,,${10 + (i % 5)}`, `${i},3_months_arm_1,,${6 + (i % 4)}`);
  }
  const trial = loadTrial(parseCsvText(lines.join('\n') + '\n', 'export.csv'), plan);
  return [...new Set(missingnessOf(trial).map((m) => m.time))];
}

describe('missingness at a visit before the baseline', () => {
  it('left out where the outcome was never recorded', () => {
    expect(times(false)).toEqual(['baseline', '3m']);
  });
  it('kept where it was', () => {
    expect(times(true)).toEqual(['randomisering', 'baseline', '3m']);
  });
});
