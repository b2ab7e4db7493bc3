/**
 * Patient ids as a whole: one patient written `0001` on one row and `1` on another (Excel
 * dropped the leading zeros on a re-save) is a problem naming both lines, never the id, in long
 * and wide exports, with --exclude-invalid too (found by a tester: validate said 23/20 patients,
 * the ANCOVA used 17 of 20).
 */
import { describe, expect, it } from 'vitest';
import { expectedText, HtaError, type Problem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const plan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });

function errorOf(text: string, exclude = false): HtaError {
  try {
    loadTrial(parseCsvText(text, 'e.csv'), plan, { excludeInvalid: exclude });
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return e as HtaError;
  }
  throw new Error('expected the export to be refused');
}

const LONG = ['id,arm,time,rmdq', '0001,app,baseline,9', '1,app,3m,7', '0002,usual,baseline,8', '0002,usual,3m,8', '0003,app,baseline,5', '3,app,3m,4'].join('\n');

describe('ids equal but for leading zeros', () => {
  it.each([false, true])('long export (exclude-invalid %s): an error at the rows, naming the lines, never the id', (exclude) => {
    const e = errorOf(LONG, exclude);
    expect(e.exitCode).toBe(2);
    expect(e.problems.map((p) => [p.line, p.column, p.kind])).toEqual([
      [3, 1, 'id.leading-zeros'],
      [7, 1, 'id.leading-zeros'],
    ]);
    const p = e.problems[0]!;
    expect(p.value).toBeUndefined();
    expect(p.expected).toContain("this row's id is another line's id number, once with leading zeros and once without");
    expect(p.detail).toBe('the same id number as line 2');
    expect(p.expected).toContain('a spreadsheet (Excel) dropped the leading zeros');
    expect(p.expected).not.toMatch(/"0*1"/);
    // Ids that differ otherwise stay different patients: P01 beside P1 (not all digits), 10 beside 100.
    const t = loadTrial(parseCsvText(['id,arm,time,rmdq', 'P01,app,baseline,9', 'P1,app,baseline,7', '10,usual,baseline,8', '100,usual,baseline,8'].join('\n'), 'ok.csv'), plan, { excludeInvalid: exclude });
    expect(t.patients).toHaveLength(4);
  });

  it('plan init still drafts the plan: the rows are the data\'s problem, counted for validate to list', () => {
    const csv = parseCsvText(LONG, 'e.csv');
    expect(checkDraft(csv, draftPlan(csv, 'plan.schema.json').plan)).toEqual({ badRows: 2, badLines: [[3, 3], [7, 7]] });
  });

  it('wide export: the second line of the patient', () => {
    const wide = ['id,arm,rmdq_baseline,rmdq_3m', '007,app,9,7', '008,usual,8,8', '7,app,5,4'].join('\n');
    const e = errorOf(wide);
    expect(e.problems).toMatchObject([{ line: 4, column: 1, kind: 'id.leading-zeros' }]);
    expect(e.problems[0]!.detail).toBe('the same id number as line 2');
  });
});

describe('a patient on two lines', () => {
  const WIDE = ['id,arm,rmdq_baseline,rmdq_3m', 'A1,app,9,7', 'A2,usual,8,8', 'A1,app,9,7'].join('\n');
  it('wide: worded for one line per patient, also when the lines share no visit', () => {
    const e = errorOf(WIDE);
    expect(e.problems).toMatchObject([{ line: 4, column: 1, kind: 'row.duplicate', expected: 'one line per patient — delete the repeated line, or correct its id', detail: 'this patient is also on line 2' }]);
    const apart = errorOf(['id,arm,rmdq_baseline,rmdq_3m', 'A1,app,9,', 'A1,app,,7'].join('\n'));
    // Lines that differ are no copy: refused as such, naming the columns (below).
    expect(apart.problems).toMatchObject([{ line: 3, kind: 'row.one-to-many', detail: 'this patient is also on line 2, differing in "rmdq_baseline", "rmdq_3m"' }]);
  });
  it('--exclude-invalid says which line is read instead (or that it is left out too)', () => {
    const t = loadTrial(parseCsvText(WIDE, 'w.csv'), plan, { excludeInvalid: true });
    expect(expectedText(t.excluded!.problems[0]!)).toBe('one line per patient — delete the repeated line, or correct its id (this patient is also on line 2; line 2 is read and this one left out)');
    const long = ['id,arm,time,rmdq', 'A1,app,baseline,30', 'A1,app,baseline,30', 'A2,usual,baseline,8', 'A2,usual,baseline,8'].join('\n');
    const problems = loadTrial(parseCsvText(long, 'l.csv'), plan, { excludeInvalid: true }).excluded!.problems.filter((p) => p.kind === 'row.duplicate');
    expect(problems.map(expectedText)).toEqual([
      'one row per patient and time point (this patient\'s "baseline" row is on line 2; line 2 is left out too, for its own problems)',
      'one row per patient and time point (this patient\'s "baseline" row is on line 4; line 4 is read and this one left out)',
    ]);
  });
  // Found by a trial manager: R's merge(main, ae, all.x = TRUE) gave a patient with two adverse events two lines; validate said
  // "delete the repeated line" and --exclude-invalid kept each patient's first line (a serious event on the second line vanished).
  const JOINED = ['id,arm,rmdq_baseline,rmdq_3m,ae_term,ae_serious_3m', 'A1,app,9,7,Headache,0', 'A2,usual,8,8,,', 'A1,app,9,7,Nausea,1', 'A3,usual,5,4,Nausea,0', 'A3,usual,5,4,Nausea,0'].join('\n');
  it.each([false, true])('wide, a listing joined on (exclude-invalid %s): the differing lines are refused, naming the columns; an exact copy keeps "delete"', (exclude) => {
    const e = errorOf(JOINED, exclude);
    expect(e.exitCode).toBe(2);
    expect(e.problems.map((p) => [p.line, p.kind])).toEqual([
      [4, 'row.one-to-many'],
      [6, 'row.duplicate'],
    ]);
    const [joined, copy] = e.problems as [Problem, Problem];
    expect(joined.expected).toContain('one line per patient: the patient\'s lines differ in "ae_term", "ae_serious_3m", so neither is a copy to delete');
    expect(joined.expected).toContain('a 0/1 flag for any event and one for a serious event');
    expect(joined.expected).not.toContain('delete the repeated line');
    expect(joined.detail).toBe('this patient is also on line 2, differing in "ae_term", "ae_serious_3m"');
    expect(copy.expected).toBe('one line per patient — delete the repeated line, or correct its id');
    // No tip to leave such rows out: they stop the run with --exclude-invalid too.
    expect(e.message).not.toContain('--exclude-invalid leaves');
  });
  it('long: a second row at a visit that differs is a join too; exact copies stay repeats', () => {
    const e = errorOf(['id,arm,time,rmdq,ae_term', 'A1,app,baseline,9,', 'A1,app,3m,7,Headache', 'A1,app,3m,7,Nausea', 'A2,usual,baseline,8,', 'A2,usual,baseline,8,'].join('\n'), true);
    expect(e.problems.map((p) => [p.line, p.kind, p.detail])).toEqual([
      [4, 'row.one-to-many', 'this patient\'s "3m" row is on line 3, differing in "ae_term"'],
      [6, 'row.duplicate', 'this patient\'s "baseline" row is on line 5'],
    ]);
    expect(e.problems[0]!.expected).toMatch(/^one row per patient and time point: the patient's lines differ in "ae_term", so neither is a copy to delete — /);
  });
  // Found by an explorer (SurveyXact): a patient who opened the 3-month link twice has two responses, one "Påbegyndt",
  // one "Gennemført", each with its own Respondent-id — it was blamed on an adverse-event listing joined on.
  it('long: two rows at a visit that differ in the survey\'s response id are two responses, not a join; a listing beside them stays a join', () => {
    const e = errorOf(
      ['Respondent-id,id,arm,time,Status,rmdq,ae_term', '11,A1,app,baseline,Gennemført,9,', '12,A1,app,3m,Påbegyndt,,', '13,A1,app,3m,Gennemført,7,', '14,A2,usual,baseline,Gennemført,8,Headache', '14,A2,usual,baseline,Gennemført,8,Nausea'].join('\n'),
      true,
    );
    expect(e.problems.map((p) => [p.line, p.kind, p.detail])).toEqual([
      [4, 'row.two-responses', 'this patient\'s "3m" row is on line 3, differing in "Respondent-id", "Status", "rmdq"'],
      [6, 'row.one-to-many', 'this patient\'s "baseline" row is on line 5, differing in "ae_term"'],
    ]);
    const [twice, joined] = e.problems as [Problem, Problem];
    expect(twice.expected).toMatch(/^one row per patient and time point: the patient's rows at one visit differ in "Respondent-id", the survey's id of each response, so they are two responses to that visit's survey — /);
    expect(twice.expected).toContain('Keep the response that counts (the completed one) and delete the other row');
    expect(twice.expected).not.toContain('listing');
    expect(joined.expected).toMatch(/^one row per patient and time point: the patient's lines differ in "ae_term", so neither is a copy to delete — /);
    expect(e.message).not.toContain('--exclude-invalid leaves');
  });
  it('a repeat in the other arm says the patient was randomised twice or the id reused, with the earlier arm', () => {
    const e = errorOf(['id,arm,time,rmdq', 'A1,app,baseline,9', 'A1,app,3m,7', 'A2,usual,baseline,8', 'A1,usual,baseline,5', 'A1,usual,3m,4'].join('\n'));
    expect(e.problems).toMatchObject([
      { line: 5, kind: 'row.duplicate-other-arm', detail: 'this patient\'s "baseline" row is on line 2, in arm "app"' },
      { line: 6, kind: 'row.duplicate-other-arm', detail: 'this patient\'s "3m" row is on line 3, in arm "app"' },
    ]);
    expect(e.problems[0]!.expected).toContain('a patient randomised twice (re-randomised) or one id reused for another patient');
  });
});

describe('ids equal but for letter case or blanks (one id spelled two ways)', () => {
  // Found by a tester: `sb-001` at one site, `SB-001` at another, and R's write.csv keeping `"SB-017 "` in its quotes, split patients (validate said 46/46 in an 80-patient trial; analyze ran on 34/34).
  it.each([false, true])('long export (exclude-invalid %s): case, a space inside quotes — an error at the rows, naming the lines, never the id', (exclude) => {
    const text = ['id,arm,time,rmdq', 'SB-001,app,baseline,9', 'sb-001,app,3m,7', 'SB-002,usual,baseline,8', '"SB-002 ",usual,3m,8', 'SB-003,app,baseline,5', 'SB-003,app,3m,4'].join('\n');
    const e = errorOf(text, exclude);
    expect(e.exitCode).toBe(2);
    expect(e.problems.map((p) => [p.line, p.column, p.kind, p.detail])).toEqual([
      [3, 1, 'id.spelling:case', 'the same id as line 2'],
      [5, 1, 'id.spelling:spaces', 'the same id as line 4'],
    ]);
    expect(e.problems[0]!.expected).toContain('one id spelled two ways');
    expect(e.problems[0]!.expected).toContain('letter case');
    expect(e.problems[1]!.expected).toContain('a space before or after it');
    for (const p of e.problems) {
      expect(p.value).toBeUndefined();
      expect(expectedText(p)).not.toMatch(/SB-00|sb-00/i);
    }
  });

  it('the arm on the baseline row only (REDCap): the other spelling is refused for its id, not as an empty arm', () => {
    const text = ['id,arm,time,rmdq', 'SB-001,app,baseline,9', 'sb-001,,3m,7', 'SB-002,usual,baseline,8', 'SB-002,,3m,8'].join('\n');
    const e = errorOf(text);
    expect(e.problems.map((p) => [p.line, p.kind])).toEqual([[3, 'id.spelling:case']]);
    // A follow-up row met before its baseline row: the arm is looked up by the id's key too.
    const later = errorOf(['id,arm,time,rmdq', 'sb-001,,3m,7', 'SB-001,app,baseline,9', 'SB-002,usual,baseline,8'].join('\n'));
    expect(later.problems.map((p) => [p.line, p.kind])).toEqual([[3, 'id.spelling:case']]);
  });

  it('wide export: the patient\'s second line; ids that differ otherwise stay two patients', () => {
    const e = errorOf(['id,arm,rmdq_baseline,rmdq_3m', 'P-7,app,9,7', 'P-8,usual,8,8', 'p-7,app,5,4'].join('\n'));
    expect(e.problems).toMatchObject([{ line: 4, column: 1, kind: 'id.spelling:case', detail: 'the same id as line 2' }]);
    const t = loadTrial(parseCsvText(['id,arm,time,rmdq', 'P-7,app,baseline,9', 'P-71,app,baseline,7', 'P 7,usual,baseline,8'].join('\n'), 'ok.csv'), plan);
    expect(t.patients).toHaveLength(3);
  });

  it('plan init still drafts the plan and counts the rows for validate', () => {
    const csv = parseCsvText(['id,arm,time,rmdq', 'SB-001,app,baseline,9', 'sb-001,app,3m,7', 'SB-002,usual,baseline,8', 'SB-002,usual,3m,8'].join('\n'), 'e.csv');
    expect(checkDraft(csv, draftPlan(csv, 'plan.schema.json').plan)).toEqual({ badRows: 1, badLines: [[3, 3]] });
  });
});
