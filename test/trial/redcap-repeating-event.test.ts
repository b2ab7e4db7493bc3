// A REDCap repeating *event* (no instrument named, `redcap_repeat_instance` 1, 2 on one visit): a
// tester's export was refused as repeated rows without a word about the repeat (load-trial.ts).
import { describe, expect, it } from 'vitest';
import { problemText } from '../../src/report/problem-text.js';
import { runCli } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/redcap-repeating-event';

describe('a REDCap repeating event', () => {
  it('is refused as repeated rows that name the instance and what to do (en), worded in Danish for a Danish page', async () => {
    const r = await runCli('validate', `${DIR}/export.csv`, '--plan', `${DIR}/plan.json`);
    expect(r.code).toBe(2);
    const expected = 'one row per patient and time point (this patient\'s "opfoelgning_arm_1" row is on line 3); this row is instance 2 of a REDCap repeating event — keep one instance per visit (e.g. the first) or set each repeat up as an event of its own';
    expect(r.stderr).toContain(expected);
    expect(problemText(expected, 'da')).toBe('én række pr. patient og tidspunkt (patientens "opfoelgning_arm_1"-række står på linje 3); rækken er gentagelse 2 af en gentaget REDCap-hændelse — behold én gentagelse pr. besøg (fx den første), eller opret hver gentagelse som sin egen hændelse');
  });
});
