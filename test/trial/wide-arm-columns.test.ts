// A wide export's arm is one value per patient line, also when its column ends in a visit
// (REDCap's `randomisering_baseline_arm_1`, OpenClinica's `RANDO_ARM_E1_C1`, `gruppe_baseline`),
// and a sheet with the arm only on the first row of each block is named once, with the fix
// (src/trial/wide-to-long.ts lineColumnsOf, src/trial/export-shape.ts; docs/input-trial-export.md).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const w1 = 'id,gruppe_baseline,rmdq_baseline,rmdq_3m\n1,A,10,8\n2,B,12,11\n3,A,9,4\n4,B,14,12\n5,A,11,6\n6,B,13,12\n';
const w1Plan = (arm: string) =>
  parsePlan({ columns: { id: 'id', arm }, layout: 'wide', arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
const arms = (t: ReturnType<typeof loadTrial>) => t.patients.map((p) => p.arm);

describe('a wide export whose arm column carries the baseline suffix', () => {
  it('reads the arm named as written ("gruppe_baseline") on every visit row of the line', () => {
    const t = loadTrial(parseCsvText(w1, 'w1.csv'), w1Plan('gruppe_baseline'));
    expect(arms(t)).toEqual(['intervention', 'control', 'intervention', 'control', 'intervention', 'control']);
    expect(t.rows.length).toBe(12);
  });
  it('reads it by its stem ("gruppe") too; column names are compared as the plan spells them', () => {
    expect(arms(loadTrial(parseCsvText(w1, 'w1.csv'), w1Plan('gruppe')))).toHaveLength(6);
    expect(arms(loadTrial(parseCsvText(w1.replace('gruppe_baseline', 'Gruppe_Baseline'), 'w1.csv'), w1Plan('gruppe')))).toHaveLength(6);
  });
  it('OpenClinica 3: RANDO_ARM_E1_C1 and AGE_E1_C1 named as written', () => {
    const oc = 'SubjID\tProtocol ID\tRANDO_ARM_E1_C1\tAGE_E1_C1\tRMDQ_SCORE_E1_C1\tRMDQ_SCORE_E2_1_C2\nODE-001\tSB-DK\tSELFBACK\t45\t13\t10\nODE-002\tSB-DK\tUSUAL\t56\t10\t8\n';
    const plan = parsePlan({
      columns: { id: 'SubjID', arm: 'RANDO_ARM_E1_C1', covariates: { age: 'AGE_E1_C1' } },
      layout: 'wide',
      arms: { intervention: 'SELFBACK', control: 'USUAL' },
      timeLabels: { E1_C1: 'baseline', E2_1_C2: '3m' },
      timepoints: ['3m'],
      covariates: ['age'],
      outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ_SCORE' }],
    });
    const t = loadTrial(parseCsvText(oc, 'oc3.tsv'), plan);
    expect(t.patients.map((p) => [p.arm, p.covariates.age])).toEqual([['intervention', 45], ['control', 56]]);
  });
  it("REDCap's wide export: the arm by its field name (randomisering for randomisering_baseline_arm_1)", () => {
    const rc = 'record_id,randomisering_baseline_arm_1,rmdq_baseline_arm_1,rmdq_3_months_arm_1\n1,1,10,8\n2,2,12,11\n';
    const plan = parsePlan({
      columns: { id: 'record_id', arm: 'randomisering' },
      layout: 'wide',
      arms: { intervention: '1', control: '2' },
      timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
      timepoints: ['3m'],
      outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
    });
    expect(arms(loadTrial(parseCsvText(rc, 'rc.csv'), plan))).toEqual(['intervention', 'control']);
  });
  it('two visit columns of the arm: the one value they hold; two that disagree are one problem naming both', () => {
    const w3 = 'id,gruppe_baseline,gruppe_3m,rmdq_baseline,rmdq_3m\n1,A,A,10,8\n2,B,,12,11\n3,,A,9,4\n4,B,A,14,12\n';
    const err = errorOf(() => loadTrial(parseCsvText(w3, 'w3.csv'), w1Plan('gruppe')));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 5, column: 3, field: 'gruppe_3m', value: 'A', kind: 'arm.columns-disagree' });
    expect(err.problems[0]!.expected).toContain('"gruppe_baseline" and "gruppe_3m"');
    const ok = loadTrial(parseCsvText(w3, 'w3.csv'), w1Plan('gruppe'), { excludeInvalid: true });
    expect(arms(ok)).toEqual(['intervention', 'control', 'intervention']);
  });
  it('an arm column missing from the file is never listed as present', () => {
    const err = errorOf(() => loadTrial(parseCsvText(w1, 'w1.csv'), w1Plan('gruppe_3m')));
    expect(err.problems[0]).toMatchObject({ kind: 'column.arm', value: 'gruppe_3m' });
    expect(err.problems[0]!.expected).toContain('columns are: id, gruppe_baseline, rmdq_baseline, rmdq_3m)');
  });
});

describe('the arm only on the first row of its block (merged cells)', () => {
  const plan = parsePlan({
    columns: { id: 'Løbenr', arm: 'Gruppe' },
    layout: 'wide',
    arms: { intervention: 'Selfback', control: 'Kontrol' },
    timeLabels: { basis: 'baseline', '3mdr': '3m' },
    timepoints: ['3m'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
  });
  const block = (arm: string, from: number) => Array.from({ length: 12 }, (_, i) => `${i === 0 ? arm : ''};${from + i};${40 + i};${5 + (i % 8)};${3 + (i % 6)}`);
  const pivot = ['\ufeffGruppe;Løbenr;Alder;RMDQ_basis;RMDQ_3mdr', ...block('Selfback', 100), ...block('Kontrol', 200)].join('\n') + '\n';
  it('is one problem naming the shape and the fix, not one per row; nothing is filled in', () => {
    const err = errorOf(() => loadTrial(parseCsvText(pivot, 'pivot.csv'), plan));
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]).toMatchObject({ line: 3, field: 'Gruppe', kind: 'arm.only-first-row' });
    expect(err.problems[0]!.expected).toMatch(/the arm is only on the first row of each block of patients \(22 rows below them have none\).*fill the arm down/);
    expect(err.message).toContain('has 1 problem(s) in 22 row(s)');
    expect(err.message).not.toContain('--exclude-invalid');
  });
  it('the same in a long export', () => {
    const long = parsePlan({ columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' }, arms: { intervention: 'Selfback', control: 'Kontrol' }, timeLabels: { basis: 'baseline', '3mdr': '3m' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] });
    const rows = (arm: string, from: number) => Array.from({ length: 6 }, (_, i) => [`${i === 0 ? arm : ''};${from + i};basis;${5 + i}`, `;${from + i};3mdr;${3 + i}`]).flat();
    const text = ['Gruppe;Løbenr;Besøg;RMDQ', ...rows('Selfback', 100), ...rows('Kontrol', 200)].join('\n') + '\n';
    const err = errorOf(() => loadTrial(parseCsvText(text, 'long.csv'), long));
    expect(err.problems.map((p) => p.kind)).toEqual(['arm.only-first-row']);
  });
  it('a few empty arm cells among many rows are each their own problem', () => {
    const few = pivot.replace(/^;/gm, 'Selfback;').replace(/\n;(2\d\d)/g, '\nKontrol;$1').replace('\nSelfback;101', '\n;101');
    const err = errorOf(() => loadTrial(parseCsvText(few, 'few.csv'), plan));
    // The line's only arm cell is empty: a patient with no arm on any row (docs/plan-trial.md#participant-flow).
    expect(err.problems.map((p) => p.kind)).toEqual(['arm.none']);
  });
});
