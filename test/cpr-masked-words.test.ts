/**
 * A problem's own words (expected, detail, hint) and an error's message may quote a cell read
 * from a file (`this patient's line 3 has "…"`, a plan's visit): a CPR-shaped number in them is
 * masked as a problem's value is, in text, --json groups and --excluded-out records
 * (docs/output-safety.md "Patient ids").
 */
import { describe, expect, it } from 'vitest';
import { formatError, formatProblem, HtaError, type Problem } from '../src/errors.js';
import { excludedRowCells, groupProblems } from '../src/problem-groups.js';

const p: Problem = { file: 'x.csv', line: 3, column: 7, field: 'reason', value: 'flyttet', expected: 'one withdrawal reason per patient; leave the other rows empty', detail: 'this patient\'s line 2 has "121070-2073"', hint: 'did you mean "0101901234"?', kind: 'withdrawal.conflict' };

describe('CPR-shaped numbers in a problem\'s words', () => {
  it('are masked in formatProblem, formatError, the groups (--json) and --excluded-out records', () => {
    const texts = [
      formatProblem(p),
      formatError(new HtaError('input.invalid', 'x.csv has no rows at the plan\'s visit "230874-8804"', [p, { ...p, line: 4 }])),
      JSON.stringify(groupProblems([p, { ...p, line: 4 }])),
      JSON.stringify(excludedRowCells(p)),
    ];
    for (const text of texts) {
      expect(text).not.toMatch(/121070-2073|0101901234|230874-8804/);
      expect(text).toContain('DDMMYY-XXXX');
    }
  });
});

describe('a file name with a date and time (registry-20240517-1230.csv)', () => {
  it('stays masked in every message (a 2000s personnummer has its shape), and the error says the name is masked and how to rename it', () => {
    const q: Problem = { file: 'data/registry-20240517-1230.csv', line: 3, column: 4, field: 'Henvist', value: '2024-13-27', expected: 'a date' };
    const text = formatError(new HtaError('input.invalid', 'registry has 1 invalid value(s)', [q]));
    expect(text).not.toContain('20240517');
    expect(text).toContain('data/registry-YYYYMMDD-XXXX.csv:3:4');
    expect(text).toContain('note: a file or folder name is masked');
    expect(text).toContain('"_" between the date and the time');
    // A name with nothing masked gets no note.
    expect(formatError(new HtaError('input.invalid', 'bad', [{ ...q, file: 'registry-20240517_1230.csv' }]))).not.toContain('note:');
  });
});
