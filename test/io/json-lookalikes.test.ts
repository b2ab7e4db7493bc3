/**
 * Characters Word, Outlook or a web page leave in a hand-written plan, and a Danish decimal comma:
 * each error names the character (its Unicode name and code) or the number, at its line:column,
 * and says what to do (docs/limits.md "JSON files").
 */
import { describe, expect, it } from 'vitest';
import { formatProblem } from '../../src/errors.js';
import { parseJsonText } from '../../src/io/read-json.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { errorOf } from '../support/error-of.js';

/** The one problem of a syntax error in `text`. */
const problemOf = (text: string) => {
  const e = errorOf(() => parseJsonText(text, 'plan.json'));
  expect(e.message).toBe('plan.json is not valid JSON');
  return e.problems[0]!;
};
/** 1-based line and column of the first `needle` in `text`. */
const where = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
};

describe('a character that looks like (or hides among) JSON\'s own', () => {
  it('a no-break space as an indent is named, with its code, at its place, and what to do', () => {
    const text = '{\n\u00a0\u00a0"arms": {}\n}';
    const p = problemOf(text);
    expect(p).toMatchObject({ line: 2, column: 1 });
    expect(p.expected).toContain('found a space-like character (U+00A0 NO-BREAK SPACE)');
    expect(p.expected).toContain('replace it with an ordinary space');
  });
  it('a zero-width space between two keys', () => {
    const text = '{\n  "arms": {"intervention": "a",\u200b "control": "b"}\n}';
    const p = problemOf(text);
    expect(p).toMatchObject(where(text, '\u200b'));
    expect(p.expected).toContain('an invisible character (U+200B ZERO WIDTH SPACE)');
    expect(p.expected).toContain('delete it');
  });
  it('a byte-order mark inside the file (not at its start, where it is read past)', () => {
    const text = '{\n  "arms": {},\n\ufeff  "timepoints": []\n}';
    const p = problemOf(text);
    expect(p).toMatchObject({ line: 3, column: 1 });
    expect(p.expected).toContain('(U+FEFF ZERO WIDTH NO-BREAK SPACE, a byte-order mark inside the file)');
  });
  it('curly quotes around a key, as Word and Outlook write them', () => {
    const text = '{\n  \u201carms\u201d: {}\n}';
    const p = problemOf(text);
    expect(p).toMatchObject({ line: 2, column: 3 });
    expect(p.expected).toContain('found the quote \u201c (U+201C LEFT DOUBLE QUOTATION MARK)');
    expect(p.expected).toContain('JSON takes only straight double quotes (")');
  });
  it('a curly quote meant to close a key or a text is named at the quote, not where JSON gave up', () => {
    for (const text of ['{\n  "arms\u201d: {"a": 1}\n}', '{\n  "arms": "x\u201d  \n}', '{\n  "arms": "x\u201d,\n  "b": 1\n}', '{\n  "arms": "x\u201d}']) {
      const p = problemOf(text);
      expect(p).toMatchObject(where(text, '\u201d'));
      expect(p.expected).toMatch(/^a straight double quote \("\), found the quote ” \(U\+201D RIGHT DOUBLE QUOTATION MARK\)/);
    }
  });
  it('curly quotes inside a text are kept, and do not take the blame for an error elsewhere', () => {
    expect(parseJsonText('{"label": "the \u201cbest\u201d app"}', 'p.json')).toEqual({ label: 'the \u201cbest\u201d app' });
    expect(problemOf('{"label": "the \u201cbest\u201d app"}x').expected).toBe('the end of the file after the value, found "x"');
  });
  it('typographic quotes inside a text are not blamed for a missing comma after it', () => {
    const text = '{"title": {"en": "The \u201cApp\u201d trial" "da": "x"}}';
    const p = problemOf(text);
    expect(p).toMatchObject(where(text, '"da"'));
    expect(p.expected).not.toContain('straight double quote');
    expect(p.expected).toContain('found "\\""');
  });
});

describe('a decimal comma in a JSON number', () => {
  it('"mcid": 3,5 says JSON numbers use a decimal point, at the number', () => {
    const text = '{\n  "outcomes": [{"key": "rmdq",\n    "mcid": 3,5}]\n}';
    const p = problemOf(text);
    expect(p).toMatchObject(where(text, '3,5'));
    expect(p.expected).toBe('a number with a decimal point: JSON numbers use "." (write 3.5, not 3,5)');
  });
  it('a negative number and a comma before the next key', () => {
    const text = '{\n  "alpha": -0,05,\n  "x": 1\n}';
    const p = problemOf(text);
    expect(p).toMatchObject(where(text, '-0,05'));
    expect(p.expected).toContain('write -0.05, not -0,05');
  });
  it('a comma and a space before a number is not taken for a decimal comma', () => {
    expect(problemOf('{"a": 3, 5}').expected).toBe('a key in double quotes, found "5"');
  });
});

describe('a key or value holding a character the editor does not show', () => {
  const plan = (outcome: Record<string, unknown>) => JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', ...outcome }] }, null, 2);
  const problems = (text: string) => errorOf(() => parsePlan(parseJsonText(text, 'plan.json'), 'plan.json')).problems;
  it('an unknown key "mcid" + zero-width space says so beside the near miss', () => {
    const p = problems(plan({ 'mcid\u200b': 3 }))[0]!;
    expect(p).toMatchObject({ value: 'mcid\u200b', hint: 'did you mean "mcid"?' });
    expect(p.detail).toBe('it holds an invisible character (U+200B ZERO WIDTH SPACE) at its end, after "mcid", which the editor does not show: delete it');
    expect(formatProblem(p)).toContain('(U+200B ZERO WIDTH SPACE)');
  });
  it('an instrument "rmdq" + no-break space, found unknown after the schema, says so', () => {
    const p = problems(plan({ instrument: 'rmdq\u00a0' })).find((x) => x.field === 'outcomes.0.instrument')!;
    expect(p.detail).toContain('a space-like character (U+00A0 NO-BREAK SPACE) at its end, after "rmdq"');
  });
  it('a value of ordinary characters (and a curly quote in a label) gets no such note', () => {
    const p = problems(plan({ instrument: 'rmdqq', label: { en: 'the \u201cbest\u201d' } })).find((x) => x.field === 'outcomes.0.instrument')!;
    expect(p.detail).toBeUndefined();
  });
});
