/**
 * A "columnCodes" key that names no column the plan reads did nothing, silently: keyed by a wide
 * export's visit column (`EQ5D_3mdr` for the plan's `EQ5D`, session 22) or mistyped (`Koen` for
 * `Køn`), its missing code 9 was read as an answer of 9. Such keys are refused with the column to
 * write (docs/plan-trial.md#codes-order-and-scope); a key naming a column the plan reads passes.
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';

const PLAN = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m', '9m'],
  timeLabels: { '3mdr': '3m', '9mdr': '9m', '0': 'baseline' },
  outcomes: [{ key: 'eq5d', instrument: 'eq5d5l', column: 'EQ5D', valueSet: 'dk-5l-2021' }, { key: 'nrs', instrument: 'nrs', column: 'NRS' }],
  covariates: ['Køn'],
};

const problems = (columnCodes: object) => errorOf(() => parsePlan({ ...PLAN, columnCodes }, 'p.json')).problems;

describe('columnCodes keys', () => {
  it('a key with a visit suffix, as the export writes it or as the plan labels it, names the column to write instead', () => {
    for (const key of ['EQ5D_3mdr', 'EQ5D_9m', 'NRS_0']) {
      const p = problems({ [key]: { missing: [9] } });
      expect(p).toHaveLength(1);
      expect(p[0]).toMatchObject({ field: `columnCodes.${key}`, value: key });
      expect(p[0]!.expected).toContain(`without its visit suffix: "${key.split('_')[0]}" — a column's codes apply at every visit`);
    }
  });

  it('a near miss of a column the plan reads gets "did you mean"', () => {
    const p = problems({ Koen: { missing: [9] } });
    expect(p).toHaveLength(1);
    expect(p[0]!.expected).toBe('a column the plan reads (did you mean "Køn"?); as written the codes apply to no column');
  });

  it('keys naming the plan\'s columns pass, and a key the check cannot place is left alone', () => {
    expect(() => parsePlan({ ...PLAN, columnCodes: { EQ5D: { missing: [9] }, Køn: { missing: [9] }, NRS: { missing: ['Ved ikke'] } } }, 'p.json')).not.toThrow();
    expect(() => parsePlan({ ...PLAN, columnCodes: { ae_alvorlig: { answers: { '1': 1, '2': 0 } } } }, 'p.json')).not.toThrow();
  });
});
