/**
 * validate/analyze on a CDISC ADaM BDS dataset of several parameters: one refusal naming the
 * layout and its pivot (src/trial/bds-layout-check.ts), not a "one row per patient and time point"
 * problem per row; one parameter is read as it is (docs/plan-trial.md "Layouts plan init refuses").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const fixture = readFileSync(new URL('../fixtures/adam/adqs-rmdq.csv', import.meta.url), 'utf8');
const [head, ...rows] = fixture.trim().split('\n');
// The same rows again as a second parameter: ADQS with RMDQ and NRSAVG.
const twoParameters = [head, ...rows, ...rows.map((r) => r.replace('"RMDQ"', '"NRSAVG"'))].join('\n') + '\n';
const plan = parsePlan({
  arms: { intervention: 'Selfback app', control: 'Usual care' },
  columns: { id: 'USUBJID', time: 'AVISIT', arm: 'TRT01P' },
  timeLabels: { Baseline: 'baseline', 'Week 12': '12w', 'Week 39': '39w' },
  timepoints: ['12w', '39w'],
  ignoreTimepoints: ['Unscheduled 1.01'],
  derivedRows: 'leave-out',
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'AVAL' }],
});

describe('an ADaM BDS dataset given to validate or analyze', () => {
  it('of several parameters is refused once, as that layout, with the pivot of the observed records', () => {
    const err = errorOf(() => loadTrial(parseCsvText(twoParameters, 'adqs.csv'), plan));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe("adqs.csv is a CDISC ADaM BDS dataset (one row per subject, visit and parameter: the outcome's code in PARAMCD, its value in AVAL), where hta reads one column per outcome; it needs pivoting first");
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ file: 'adqs.csv', line: 1, column: 6, field: 'PARAMCD', kind: 'layout.adam-bds' });
    expect(err.problems[0]!.expected).toContain('tidyr::pivot_wider(dplyr::filter(adam, is.na(DTYPE) | DTYPE == "", ANL01FL %in% "Y"), id_cols = c(USUBJID, TRT01P, AVISIT, AGE, SEX), names_from = PARAMCD, values_from = AVAL)');
  });
  it('of one parameter is read, AVAL its score', () => {
    const trial = loadTrial(parseCsvText(fixture, 'adqs-rmdq.csv'), plan);
    expect(trial.patients.length).toBe(80);
  });
});
