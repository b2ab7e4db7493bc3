/**
 * `--exclude-invalid` leaves out rows, not patients (docs/input-trial-export.md#bad-rows): in a
 * REDCap long export the arm sits on the baseline event only; a patient whose baseline row is
 * excluded (an age typed "4O") stays in the arm that row gives (intention to treat), and every
 * value of that row — baseline score, age, sex — is missing. The message says so.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { formatExclusion, summarizeExclusion } from '../../src/trial/exclusion-summary.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const plan = parsePlan({
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
  allTimepoints: ['baseline', '3m'],
  timepoints: ['3m'],
  covariates: ['alder', 'koen'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});
const lines = ['record_id,redcap_event_name,randomisering,alder,koen,rmdq'];
for (let i = 1; i <= 12; i++) {
  const id = String(i).padStart(3, '0');
  // Patient 001's baseline row: age "4O" (letter O), the only row with its arm.
  lines.push(`${id},baseline_arm_1,${i % 2 ? 1 : 2},${i === 1 ? '4O' : 30 + i},${i % 3 ? 'K' : 'M'},${10 + (i % 5)}`);
  lines.push(`${id},3_months_arm_1,,,,${6 + (i % 4)}`);
}
const trial = loadTrial(parseCsvText(lines.join('\n') + '\n', 'export.csv'), plan, { excludeInvalid: true });

describe('a row excluded as invalid: its patient stays in the arm randomised to, its values are missing', () => {
  it('the patient is still randomised to the arm only the excluded row gave, and observed at 3 months', () => {
    expect(trial.excluded!.rows).toBe(1);
    const p = trial.patients.find((x) => x.id === '001')!;
    expect(p.arm).toBe('intervention');
    expect(trial.patients.filter((x) => x.arm === 'intervention')).toHaveLength(6);
    // The excluded row's valid values are missing too: baseline score, age and sex.
    expect(p.covariates.alder ?? null).toBeNull();
    expect(p.covariates.koen ?? null).toBeNull();
    const r = analyzeTrial(trial, { version: 'test' });
    expect(r.missingness.find((m) => m.time === 'baseline' && m.arm === 'intervention')!.observed).toBe(5);
    expect(r.missingness.find((m) => m.time === '3m' && m.arm === 'intervention')!.observed).toBe(6);
    expect(r.effects.find((e) => e.method === 'ancova')!.notAnalysed!.intervention).toEqual({ missingBaseline: 1, missingCovariate: 0 });
  });

  it('the message says the rows are read as missing and the patients stay in their arm', () => {
    const [head] = formatExclusion(summarizeExclusion(trial.excluded!, 'record_id'));
    expect(head).toBe(
      'excluded 1 row(s) with 1 problem(s) (line 2); their values are read as missing (in no count or analysis; multiple imputation imputes them), but a patient with other rows stays in, in the arm the export randomised them to, also when only an excluded row gives the arm (intention to treat):',
    );
  });
});
