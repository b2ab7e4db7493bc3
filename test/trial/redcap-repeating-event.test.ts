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
    // Each row's own line and instance are its detail, said per line (errors.ts, Problem.detail).
    const expected = 'one row per patient and time point; a repeating event (redcap_repeat_instance) gives a row per instance — keep one instance per visit (e.g. the first), or give each repeat a visit of its own';
    expect(r.stderr).toContain(`${expected} (line 4: this patient's "opfoelgning_arm_1" row is on line 3; this row is instance 2; line 7: this patient's "opfoelgning_arm_1" row is on line 6; this row is instance 2;`);
    expect(problemText(expected, 'da')).toBe('én række pr. patient og tidspunkt; en gentaget hændelse (redcap_repeat_instance) giver en række pr. gentagelse — behold én gentagelse pr. besøg (fx den første), eller giv hver gentagelse sit eget besøg');
  });

  it("OpenClinica's StudyEventRepeatKey is named the same way", async () => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../support/run-cli.js');
    const dir = tempDir();
    const rows = ['SubjectKey\tStudySubjectID\tStudyEventOID\tStudyEventRepeatKey\tI_RANDO_ARM\tI_RMDQ_SCORE'];
    for (let i = 1; i <= 6; i++) {
      const id = `ODE-00${i}`;
      rows.push(`SS${i}\t${id}\tSE_BASELINE\t1\t${i % 2 ? 'SELFBACK' : 'USUAL'}\t10`, `SS${i}\t${id}\tSE_FOLLOWUP\t1\t\t3`, `SS${i}\t${id}\tSE_FOLLOWUP\t2\t\t4`);
    }
    writeFileSync(join(dir, 'oc.tsv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ columns: { id: 'StudySubjectID', arm: 'I_RANDO_ARM', time: 'StudyEventOID' }, arms: { intervention: 'SELFBACK', control: 'USUAL' }, timeLabels: { SE_BASELINE: 'baseline', SE_FOLLOWUP: '3m' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'I_RMDQ_SCORE' }] }));
    const r = await runCli('validate', join(dir, 'oc.tsv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('a repeating event (StudyEventRepeatKey) gives a row per instance — keep one instance per visit');
    expect(r.stderr).toContain('(line 4: this patient\'s "3m" row is on line 3; this row is instance 2;');
  });
});
