/**
 * An empty repeat of a visit (a Castor EDC repeating-data instance created twice, the second never
 * filled): refused saying so, not with the advice about adverse-event listings joined on, and left
 * out by --exclude-invalid, which loses no value (src/trial/patient-ids.ts emptyRepeatExpected;
 * docs/input-trial-export.md#empty-repeats). When the earlier row is the empty one, or the rows
 * hold two different values, no row is picked.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { danishProblemText } from '../../src/report/problem-text.js';
import { emptyRepeatExpected } from '../../src/trial/patient-ids.js';
import { refusalText } from '../support/error-of.js';

const HEADER = 'Participant Id;Repeating data Creation Date;Repeating data Name Custom;Randomization Group;Site Abbreviation;rmdq_total;nrs_pain';
const VISITS = ['Baseline', 'Follow-up 3 months', 'Follow-up 12 months'];

/** 12 patients, a row per visit; `extra` is placed after patient 110002's 3-month row (line 6). */
function exportWith(extra: string, swap = false): string {
  const lines = [HEADER];
  for (let k = 1; k <= 12; k++) {
    const id = `1100${String(k).padStart(2, '0')}`;
    const arm = k % 2 ? 'App' : 'Usual care';
    VISITS.forEach((v, t) => {
      const row = `${id};0${t + 1}-0${t + 1}-2022 10:00:00;${v};${arm};${k % 3 ? 'RH' : 'OUH'};${(k * 3 + t * 5) % 20};${(k + t) % 10}`;
      if (k === 2 && t === 1 && swap) lines.push(extra, row);
      else lines.push(row, ...(k === 2 && t === 1 ? [extra] : []));
    });
  }
  return lines.join('\r\n') + '\r\n';
}

const plan = parsePlan({
  arms: { intervention: 'App', control: 'Usual care' },
  columns: { id: 'Participant Id', time: 'Repeating data Name Custom', arm: 'Randomization Group', covariates: { site: 'Site Abbreviation' } },
  timepoints: ['3m', '12m'],
  timeLabels: { Baseline: 'baseline', 'Follow-up 3 months': '3m', 'Follow-up 12 months': '12m' },
  covariates: ['site'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'rmdq_total' }, { key: 'nrs_pain', instrument: 'nrs' }],
  methods: ['ancova'],
  missing: { sensitivity: false },
});
const EMPTY = '110002;15-04-2022 11:00:00;Follow-up 3 months;Usual care;RH;;';
const load = (text: string, excludeInvalid = false) => loadTrial(parseCsvText(text, 'castor_rep.csv'), plan, { excludeInvalid });

describe('an empty repeat of a visit', () => {
  it('is refused as an empty repeat, not a joined listing; --exclude-invalid leaves it out and keeps the filled row', () => {
    const out = refusalText(() => load(exportWith(EMPTY)));
    expect(out).toContain(`castor_rep.csv:7:1 (Participant Id): — expected ${emptyRepeatExpected(false)} (this patient's "3m" row is on line 6)`);
    expect(out).toContain('an empty repeat of the visit, such as a Castor EDC repeating-data or REDCap instance created twice and never filled');
    expect(out).not.toContain('adverse events');
    expect(out).toContain('--exclude-invalid leaves such rows out and reports them');
    const trial = load(exportWith(EMPTY), true);
    expect(trial.excluded?.rows).toBe(1);
    const at3m = trial.observations.find((o) => o.id === '110002' && o.time === '3m')!;
    // Line 6's values (k = 2, t = 1: rmdq (6 + 5) % 20, nrs 3 % 10), read as the patient's 3-month row.
    expect(at3m.scores).toEqual({ rmdq: 11, nrs_pain: 3 });
    expect(at3m.line).toBe(6);
    // Said in Danish whole, on the terminal and the page's rows left out.
    expect(danishProblemText(emptyRepeatExpected(false))).toContain('en tom gentagelse af besøget');
  });

  it('the earlier row empty: said so, and --exclude-invalid does not pick (it would keep the empty one)', () => {
    const filledLater = exportWith(EMPTY, true);
    const out = refusalText(() => load(filledLater, true));
    expect(out).toContain("the patient's earlier row at the visit holds none of the plan's values that this one lacks");
    expect(out).not.toContain('--exclude-invalid leaves such rows out');
  });

  it('a repeat holding a value of its own is still a joined listing, never left out', () => {
    const out = refusalText(() => load(exportWith('110002;15-04-2022 11:00:00;Follow-up 3 months;Usual care;RH;;7'), true));
    expect(out).toContain("the patient's lines differ in");
    expect(out).toContain('--exclude-invalid does not leave these rows out');
    // So is one whose only other value is another site: leaving either out would change the patient's covariate.
    expect(refusalText(() => load(exportWith(EMPTY.replace(';RH;', ';OUH;')), true))).toContain("the patient's lines differ in");
  });
});
