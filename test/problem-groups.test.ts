import { describe, expect, it } from 'vitest';
import { formatError, HtaError, type Problem } from '../src/errors.js';
import { formatLineRanges, formatProblemGroup, groupProblems, lineRanges, shownValue } from '../src/problem-groups.js';
import { createProblemCollector } from '../src/problem-collector.js';
import { DANISH_PROBLEM_WORDS } from '../src/report/problem-text.js';

const arm = (line: number, value: string): Problem => ({ file: 'x.csv', line, column: 2, field: 'arm', value, expected: 'an arm value of the plan' });

describe('problem groups', () => {
  it('compresses lines to ranges', () => {
    expect(lineRanges([5, 2, 3, 4, 9, 9, 11])).toEqual([[2, 5], [9, 9], [11, 11]]);
    expect(formatLineRanges([[2, 5], [9, 9]])).toBe('2–5, 9');
  });

  it('groups thousands of identical problems into one line with a count, ranges and examples', () => {
    const problems = Array.from({ length: 4000 }, (_, i) => arm(i + 2, i % 2 ? 'SelfBack' : 'selfback'));
    problems.push({ file: 'x.csv', line: 7, column: 5, field: 'rmdq', value: '25', expected: 'a whole number from 0 to 24' });
    const groups = groupProblems(problems);
    expect(groups).toHaveLength(2);
    expect(groups[0]).toMatchObject({ count: 4000, lines: [[2, 4001]], values: ['selfback', 'SelfBack'], field: 'arm', column: 2 });
    const text = formatError(new HtaError('input.invalid', 'bad', problems));
    expect(text.split('\n')).toEqual([
      'error: bad',
      '  4000 × x.csv:lines 2–4001, column 2 (arm): "selfback", "SelfBack" — expected an arm value of the plan',
      '  x.csv:7:5 (rmdq): "25" — expected a whole number from 0 to 24',
    ]);
  });

  it('groups by kind when the expected text varies, and carries the hint', () => {
    const problems: Problem[] = [
      { ...arm(2, 'a'), kind: 'dup', expected: 'one row (already on line 1)', hint: 'remove duplicates' },
      { ...arm(3, 'b'), kind: 'dup', expected: 'one row (already on line 2)' },
    ];
    const [g] = groupProblems(problems);
    expect(g!.count).toBe(2);
    expect(formatProblemGroup(g!)).toBe('2 × x.csv:lines 2–3, column 2 (arm): "a", "b" — expected one row (already on line 1); remove duplicates');
  });

  it('lists the columns of a group that spans several (one outcome at each visit of a wide export), in the collector too', () => {
    const cols = ['RMDQ_3mdr', 'RMDQ_6mdr', 'RMDQ_12mdr', 'RMDQ_18mdr', 'RMDQ_24mdr'];
    const problems: Problem[] = cols.map((field, i) => ({ file: 'x.csv', line: i + 2, column: 10 + i, field, value: '30', expected: 'a whole number from 0 to 24', kind: 'score.range:rmdq' }));
    const two = groupProblems(problems.slice(0, 2));
    expect(two).toMatchObject([{ count: 2, fields: ['RMDQ_3mdr', 'RMDQ_6mdr'] }]);
    expect(two[0]!.field).toBeUndefined();
    expect(formatProblemGroup(two[0]!)).toBe('2 × x.csv:lines 2–3 (RMDQ_3mdr, RMDQ_6mdr): "30" — expected a whole number from 0 to 24');
    const all = groupProblems(problems);
    expect(formatProblemGroup(all[0]!)).toContain('(RMDQ_3mdr, RMDQ_6mdr, RMDQ_12mdr, RMDQ_18mdr, … (1 more))');
    // On a Danish run the count of columns not shown is Danish too (it stayed "(1 more)").
    const da = formatProblemGroup(groupProblems(problems.map((p) => ({ ...p, expected: 'a number from 0 to 24' })))[0]!, DANISH_PROBLEM_WORDS);
    expect(da).toContain('(RMDQ_3mdr, RMDQ_6mdr, RMDQ_12mdr, RMDQ_18mdr, … (1 mere))');
    expect(da).toContain('— forventet ');
    const collector = createProblemCollector();
    for (const p of problems) collector.add(p);
    expect(collector.groups()).toEqual(all);
    // One column: "field" as before, no list.
    expect(groupProblems([problems[0]!, { ...problems[0]!, line: 9 }])[0]).not.toHaveProperty('fields');
  });
});

describe('a quoted value', () => {
  it('is cut to 80 characters, and a CPR number in it is masked before the cut (no part of one is left)', () => {
    const cell = `${'x'.repeat(72)}0101901234${'y'.repeat(30)}`;
    const shown = shownValue(cell);
    expect(shown.length).toBeLessThanOrEqual(80);
    expect(shown.endsWith('…')).toBe(true);
    expect(shown).not.toMatch(/0101|1234/);
    expect(shown).toContain('DDMMYY');
    expect(shownValue(' 12 ')).toBe(' 12 '); // short values as they are, spaces included
  });

  it('a quoted cell\'s e-mail address and phone number are masked, in the value and a detail\'s quotes; a bare number and the message\'s own numbers are not (docs/output-safety.md#quoted-cells)', () => {
    expect(shownValue('mette.hansen@gmail.com')).toBe('[e-mail]');
    expect(shownValue('ring til mig på 20 45 67 89')).toBe('ring til mig på XX XX XX XX');
    expect(shownValue('Mette Hansen tlf +45 2045 6789')).toBe('Mette Hansen tlf +XX XXXX XXXX');
    // One bare number is what a message about a number shows; a date, an amount, a EudraCT number are no phone number.
    for (const kept of ['20456789', '20240517', '17.06.2020 10:15', '12.345.678 kr', 'EudraCT 2019-001234-22']) expect(shownValue(kept), kept).toBe(kept);
    const conflict: Problem = { file: 'x.csv', line: 9, column: 5, field: 'reason', value: 'Flyttet', expected: 'one withdrawal reason per patient', detail: 'this patient\'s line 3 has "ring 20304050 el. jens@example.dk"', kind: 'withdrawal.conflict' };
    const text = formatError(new HtaError('input.invalid', 'bad', [conflict]));
    expect(text).toContain('this patient\'s line 3 has "ring XXXXXXXX el. [e-mail]"');
    expect(JSON.stringify(groupProblems([conflict]))).not.toMatch(/20304050|jens/);
    // A detail's own number outside quotes (a SAS datetime's reading) is the message's: kept.
    const sas: Problem = { file: 'x.csv', line: 2, column: 4, field: 'referred', value: '2054626200', expected: 'a real calendar date', detail: 'line 2: 2054626200 = 2025-02-08 09:30' };
    expect(formatError(new HtaError('input.invalid', 'bad', [sas]))).toContain('"2054626200" — expected a real calendar date (line 2: 2054626200 = 2025-02-08 09:30)');
  });
});
