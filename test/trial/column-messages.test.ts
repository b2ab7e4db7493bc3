// A plan column the export lacks is named with its role in readable English and a near miss.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

describe('a missing arm column', () => {
  it('reads "an arm column" and suggests the same name in another case', () => {
    const plan = parsePlan({ columns: { arm: 'Gruppe' }, arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    const e = errorOf(() => loadTrial(parseCsvText('id,gruppe,time,rmdq\n1,app,baseline,3\n', 'x.csv'), plan));
    expect(e.problems[0]!.expected).toMatch(/^an arm column named "Gruppe"/);
    expect(e.problems[0]!.hint).toBe('did you mean "gruppe"?');
  });
});
