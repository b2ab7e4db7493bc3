import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseJsonWithPositions } from '../../src/io/json-positions.js';
import { readJsonFile } from '../../src/io/read-json.js';
import { firstInvalidUtf8 } from '../../src/io/utf8.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { tempDir } from '../support/run-cli.js';
import { errorOf } from '../support/error-of.js';


describe('parseJsonWithPositions', () => {
  it('accepts what JSON.parse accepts, with the same value', () => {
    const texts = ['{"a":[1,-2.5e3,true,false,null,"x\\u00e6\\n\\"y"],"b":{}}', ' [ ] ', '"s"', '0', '{"__proto__":{"x":1}}'];
    for (const t of texts) expect(parseJsonWithPositions(t).value).toEqual(JSON.parse(t));
    const proto = parseJsonWithPositions('{"__proto__":{"x":1}}').value as Record<string, unknown>;
    expect(Object.getPrototypeOf(proto)).toBe(Object.prototype);
    expect(Object.keys(proto)).toEqual(['__proto__']);
  });
  it('refuses what JSON.parse refuses', () => {
    for (const t of ['{a:1}', '[1,]', '01', '"\t"', '{"a":1}x', '-', '1.', "'s'", '[1 2]']) {
      expect(() => JSON.parse(t)).toThrow();
      expect(() => parseJsonWithPositions(t)).toThrow();
    }
  });
  it('remembers where values and keys start (1-based line:column)', () => {
    const { positions } = parseJsonWithPositions('{\n  "arms": {\n    "control": 5\n  }\n}');
    expect(positions.keyAt(['arms'])).toEqual({ line: 2, column: 3 });
    expect(positions.valueAt(['arms', 'control'])).toEqual({ line: 3, column: 16 });
  });
  it('stops at the nesting limit instead of exhausting the stack', () => {
    const deep = '['.repeat(5000) + ']'.repeat(5000);
    expect(() => parseJsonWithPositions(deep)).toThrow(/at most 64 levels/);
    expect(parseJsonWithPositions('['.repeat(64) + ']'.repeat(64)).value).toBeDefined();
  });
  it('refuses numbers that overflow to Infinity', () => {
    expect(() => parseJsonWithPositions('{"alpha": 1e400}')).toThrow(/finite number/);
  });
});

describe('firstInvalidUtf8', () => {
  it('finds the first bad byte and accepts what TextDecoder accepts', () => {
    expect(firstInvalidUtf8(Buffer.from('æøå €𝄞', 'utf8'))).toBe(-1);
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe6, 0x62]))).toBe(1); // Latin-1 æ
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xc0, 0x80]))).toBe(1); // overlong
    expect(firstInvalidUtf8(Buffer.from([0xed, 0xa0, 0x80]))).toBe(0); // surrogate
    expect(firstInvalidUtf8(Buffer.from([0x61, 0xe2, 0x82]))).toBe(1); // truncated at end
  });
});

describe('readJsonFile and plan errors', () => {
  const dir = tempDir();
  /** 1-based line and column of the first `needle` in `text`. */
  const where = (text: string, needle: string) => {
    const before = text.slice(0, text.indexOf(needle)).split('\n');
    return [before.length, before[before.length - 1]!.length + 1];
  };
  const write = (name: string, content: string | Buffer) => {
    const f = join(dir, name);
    writeFileSync(f, content);
    return f;
  };
  const plan = {
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
  };

  it('gives line:column and a short excerpt for a syntax error', () => {
    const f = write('bad.json', '{\n  "a": 1,\n  "b": [1, 2,, 3]\n}');
    const p = errorOf(() => readJsonFile(f, 'plan')).problems[0]!;
    expect([p.line, p.column]).toEqual([3, 14]);
    expect(p.value).toBe('"b": [1, 2,, 3]');
  });
  it('refuses 5,000 levels of nesting with a clear error and an excerpt ≤ 80 characters', () => {
    const f = write('deep.json', '['.repeat(5000) + ']'.repeat(5000));
    const e = errorOf(() => readJsonFile(f, 'plan'));
    expect(e.problems[0]!.expected).toMatch(/at most 64 levels/);
    expect(e.problems[0]!.value!.length).toBeLessThanOrEqual(80);
  });
  it('refuses invalid UTF-8 with the line and byte offset', () => {
    const f = write('latin1.json', Buffer.concat([Buffer.from('{\n"arms": "'), Buffer.from([0xe6]), Buffer.from('"}')]));
    const e = errorOf(() => readJsonFile(f, 'plan'));
    expect(e.message).toMatch(/not UTF-8/);
    expect(e.problems[0]).toMatchObject({ line: 2, value: 'byte 0xE6 at byte offset 11' });
  });
  it('refuses a file over 10 MB before reading it', () => {
    const f = write('huge.json', `{"x":"${'a'.repeat(10 * 1024 * 1024)}"}`);
    expect(errorOf(() => readJsonFile(f, 'plan')).problems[0]!.expected).toMatch(/at most 10485760 bytes/);
  });
  it('says which required field is missing and what it looks like, at the line of the enclosing object', () => {
    const { arms: _arms, ...rest } = plan;
    const f = write('noarms.json', JSON.stringify(rest, null, 2));
    const p = errorOf(() => loadPlanFile(f)).problems[0]!;
    expect(p.expected).toBe('"arms" is required: { "intervention": …, "control": … }');
    expect(p.line).toBe(1);
    expect(JSON.stringify(p)).not.toMatch(/undefined/);
  });
  it('points an unknown key at its line:column, with a near-miss hint, without echoing the plan', () => {
    const text = JSON.stringify({ ...plan, outcomse: [] }, null, 2);
    const f = write('unknown.json', text);
    const e = errorOf(() => loadPlanFile(f));
    const p = e.problems[0]!;
    expect(p).toMatchObject({ field: 'outcomse', value: 'outcomse', hint: 'did you mean "outcomes"?' });
    expect([p.line, p.column]).toEqual(where(text, '"outcomse"'));
    expect(JSON.stringify(e.problems)).not.toMatch(/intervention/);
  });
  it('gives the line:column of a wrong value, and bounds missing.m', () => {
    const text = JSON.stringify({ ...plan, missing: { method: 'mi', m: 10000000 } }, null, 2);
    const f = write('m.json', text);
    const p = errorOf(() => loadPlanFile(f)).problems[0]!;
    expect(p).toMatchObject({ field: 'missing.m', value: '10000000' });
    expect([p.line, p.column]).toEqual(where(text, '10000000'));
    expect(p.expected).toMatch(/1000/);
  });
  it('gives line:column to problems found after the schema (an unknown instrument, a primary outcome not in the plan)', () => {
    const text = JSON.stringify({ ...plan, outcomes: [{ key: 'rmdq', instrument: 'rmdqq' }], primary: { outcome: 'pain', time: '3m' } }, null, 2);
    const f = write('xref.json', text);
    const problems = errorOf(() => loadPlanFile(f)).problems;
    expect(problems.find((p) => p.field === 'outcomes.0.instrument')).toMatchObject({ line: where(text, '"rmdqq"')[0], column: where(text, '"rmdqq"')[1] });
    expect(problems.find((p) => p.field === 'primary.outcome')).toMatchObject({ line: where(text, '"pain"')[0] });
  });
});

describe('a plan saved as UTF-16 (Notepad\'s "Unicode")', () => {
  const text = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], title: 'Ærø' });
  it('with its byte-order mark (little- and big-endian) is read like the UTF-8 one', () => {
    const dir = tempDir();
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const be = Buffer.from(le);
    be.swap16();
    for (const [name, bytes] of [['le.json', le], ['be.json', be]] as const) {
      writeFileSync(join(dir, name), bytes);
      expect(readJsonFile(join(dir, name), 'plan')).toEqual(JSON.parse(text));
    }
  });
  it('without the mark is named as UTF-16, not as a NUL where a key was expected', () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, Buffer.from(text, 'utf16le'));
    const err = errorOf(() => readJsonFile(file, 'plan'));
    expect(err.message).toBe(`${file} is UTF-16 text without a byte-order mark: save it as UTF-8`);
    expect(JSON.stringify(err.problems)).toContain('iconv -f UTF-16LE -t UTF-8');
  });
});

describe('a plan with a comment above it (as JavaScript or JSONC allow)', () => {
  it('is refused as a comment on its line, not as "a CSV or text file"', () => {
    const file = join(tempDir(), 'p.json');
    writeFileSync(file, '\n// plan for the registry\n{ "arms": {} }\n');
    const err = errorOf(() => readJsonFile(file, 'plan'));
    expect(err.message).toBe(`${file} starts with a comment: JSON has no comments`);
    expect(err.problems[0]).toMatchObject({ line: 2, expected: 'the plan as JSON starting with "{": delete the comment lines' });
  });
});
