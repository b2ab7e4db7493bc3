import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { characteristicsFromExport } from '../../src/trial/baseline-table.js';
import type { TrialData } from '../../src/trial/trial-data.js';

const plan = parsePlan({
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});

describe('characteristicsFromExport (one pass, single cells)', () => {
  it('takes the baseline row when it has a value, else the first row with one; numbers only when every value is one', () => {
    const csv = parseCsvText(
      [
        'id,arm,time,age,sex,note',
        'P1,app,3m,41,F,x',
        'P1,app,baseline,40,,"a, b"',
        'P2,usual,baseline,NA,M,',
        'P2,usual,3m,55,M,y',
        '"P3",usual,3m, 60 ,F,.',
      ].join('\n'),
      'trial.csv',
    );
    const out = characteristicsFromExport(csv, { plan } as TrialData, ['age', 'sex', 'note', 'absent']);
    expect([...out.get('age')!]).toEqual([['P1', 40], ['P2', 55], ['P3', 60]]);
    expect([...out.get('sex')!]).toEqual([['P1', 'F'], ['P2', 'M'], ['P3', 'F']]);
    expect([...out.get('note')!]).toEqual([['P1', 'a, b'], ['P2', 'y']]);
    expect([...out.get('absent')!]).toEqual([]);
  });
});
