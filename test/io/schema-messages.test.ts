/**
 * Every kind of problem zod can find in a plan, an uptake plan, a cost-effectiveness plan or a
 * report manifest reads as plain English — the key path, the value given, what is expected — never
 * zod's "Too small: expected number to be >0", "Invalid input" or "expected int, received number"
 * (docs/limits.md "JSON files"). One test per kind of issue.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { formatProblem, MAX_PROBLEMS, type Problem } from '../../src/errors.js';
import { jsonProblems, parseJsonText } from '../../src/io/read-json.js';
import { zodShapeHint } from '../../src/io/zod-shape.js';
import { issueExpected } from '../../src/io/zod-issue-text.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { parseManifest } from '../../src/report/manifest.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../support/run-cli.js';

const base = {
  arms: { intervention: 'app', control: 'usual' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};

/** The problems of a plan written as `plan.json` (two-space indent, as editors write it). */
function planProblems(plan: Record<string, unknown>): { text: string; problems: Problem[] } {
  const text = JSON.stringify(plan, null, 2);
  return { text, problems: errorOf(() => parsePlan(parseJsonText(text, 'plan.json'), 'plan.json')).problems };
}
/** The problem at a key path. */
function at(plan: Record<string, unknown>, field: string): Problem & { text: string } {
  const { text, problems } = planProblems(plan);
  const p = problems.find((x) => x.field === field);
  expect(p, `a problem at ${field} in ${JSON.stringify(problems)}`).toBeDefined();
  return { ...p!, text };
}
/** 1-based line and column of the first `needle` in `text`. */
const where = (text: string, needle: string) => {
  const before = text.slice(0, text.indexOf(needle)).split('\n');
  return { line: before.length, column: before[before.length - 1]!.length + 1 };
};
/** zod's own wording, which no message may carry. */
const ZOD = /Invalid (input|option|string|number|key|value|discriminator)|Too (small|big)|received|expected \w+ to (be|have)|[<>]=?\d|"\|"|Unrecognized/;

/** The problems `schema` finds in `json` as text, each as `jsonProblems` words it. */
function schemaProblems(schema: z.ZodType, text: string): Problem[] {
  const json = parseJsonText(text, 'x.json');
  const r = schema.safeParse(json);
  expect(r.success).toBe(false);
  return jsonProblems(json, r.error!.issues, 'x.json', zodShapeHint(schema));
}

describe('invalid_type: the value is of another kind', () => {
  it('a number in quotes: write it without them', () => {
    const p = at({ ...base, alpha: '0.05' }, 'alpha');
    expect(p.expected).toBe('a number without quotes: write 0.05, not "0.05"');
    expect(p).toMatchObject(where(p.text, '"0.05"'));
    expect(at({ ...base, outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: '3,5' }] }, 'outcomes.0.mcid').expected).toBe('a number without quotes and with a decimal point: write 3.5, not "3,5"');
  });
  it('a number with decimals where a whole number belongs', () => {
    expect(at({ ...base, missing: { method: 'mi', m: 2.5 } }, 'missing.m').expected).toBe('a whole number (2.5 has decimals)');
  });
  it('a number where a text belongs, a text where a list belongs, a text where an object belongs', () => {
    expect(at({ ...base, covariates: [3] }, 'covariates.0').expected).toBe('a text in double quotes: write "3"');
    expect(at({ ...base, timepoints: '3m' }, 'timepoints').expected).toBe('a list in [ ]: write ["3m"] for one entry');
    expect(at({ ...base, title: 'My trial' }, 'title').expected).toBe('an object { "en": … }, not a text');
  });
  it('true or false in quotes', () => {
    expect(at({ ...base, missing: { sensitivity: 'false' } }, 'missing.sensitivity').expected).toBe('true or false without quotes: write false, not "false"');
  });
  it('a missing value still says it is required, in words', () => {
    const { arms: _a, ...rest } = base;
    const noTimepoints = { arms: base.arms, outcomes: base.outcomes };
    expect(at(noTimepoints, 'timepoints').expected).toBe('"timepoints" is required: [ … ]');
    expect(at({ ...rest, arms: { intervention: 'app' } }, 'arms.control').expected).toBe('"control" is required: a text in double quotes');
  });
});

describe('too_small and too_big: a bound', () => {
  it('a number above 0 (the brief\'s "outcomes[0].mcid is 0")', () => {
    const p = at({ ...base, outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 0 }] }, 'outcomes.0.mcid');
    expect(p.expected).toBe('a number above 0');
    expect(formatProblem(p)).toMatch(/^plan\.json:\d+:\d+ \(outcomes\.0\.mcid\): "0" — expected a number above 0$/);
  });
  it('whole numbers with their bounds', () => {
    expect(at({ ...base, missing: { m: 1 } }, 'missing.m').expected).toBe('a whole number of at least 2');
    expect(at({ ...base, missing: { m: 5000 } }, 'missing.m').expected).toBe('a whole number of at most 1000');
  });
  it('a whole number past the safe-integer limit says it is too large, not a rounded bound', () => {
    const outcomes = [{ key: 'rmdq', instrument: 'rmdq', maxMissingItems: 1e20 }];
    expect(at({ ...base, outcomes }, 'outcomes.0.maxMissingItems').expected).toBe('a whole number (this one is too large)');
    const below = { code: 'too_small', origin: 'int', minimum: Number.MIN_SAFE_INTEGER, inclusive: true, path: [], message: 'Too small: expected int to be >=-9007199254740991' } as const;
    expect(issueExpected(below, { found: -1e20 })).toBe('a whole number (this one is too far below zero)');
  });
  it('a large whole-number bound is written exactly', () => {
    const big = { code: 'too_big', origin: 'number', maximum: 9007199254740991, inclusive: true, path: [], message: 'Too big: expected number to be <=9007199254740991' } as const;
    expect(issueExpected(big, { found: 1e20 })).toBe('a number of at most 9007199254740991');
    const fraction = { code: 'too_big', origin: 'number', maximum: 0.1 + 0.2, inclusive: true, path: [], message: 'Too big: expected number to be <=0.30000000000000004' } as const;
    expect(issueExpected(fraction, { found: 1 })).toBe('a number of at most 0.3');
  });
  it('a number at most a bound, and below one', () => {
    expect(at({ ...base, responders: [{ key: 'r', outcome: 'rmdq', percent: 150 }] }, 'responders.0.percent').expected).toBe('a number of at most 100');
    expect(issueExpected({ code: 'too_big', origin: 'number', maximum: 1, inclusive: false, path: [], message: 'Too big: expected number to be <1' }, { found: 1 })).toBe('a number below 1');
  });
  it('an empty text and an empty list', () => {
    expect(at({ ...base, title: { en: '' } }, 'title.en').expected).toBe('a text that is not empty');
    expect(at({ ...base, outcomes: [] }, 'outcomes').expected).toBe('a list with at least one entry');
  });
  it('a list of the wrong length says how many it has', () => {
    const instruments = { odi: { label: { en: 'ODI' }, range: [0, 50, 100], direction: 'lower-is-better', mcid: 10 } };
    expect(at({ ...base, instruments }, 'instruments.odi.range').expected).toBe('a list of at most 2 entries (it has 3 entries)');
  });
});

describe('invalid_value: one of the allowed values', () => {
  it('lists them as JSON, with the nearest when one is close', () => {
    const p = at({ ...base, methods: ['ancova', 'ancov'] }, 'methods.1');
    expect(p.expected).toBe('one of "ancova", "welch", "pooled-t", "change", "mmrm"');
    expect(p.hint).toBe('did you mean "ancova"?');
    expect(p).toMatchObject(where(p.text, '"ancov"'));
  });
  it('uptake plan: a misspelt price model', () => {
    const plan = JSON.parse(JSON.stringify({ currency: 'DKK', priceModel: { mode: 'all-unit', tiers: [{ upTo: null, price: 800 }] }, scenarios: { low: [0.1], base: [0.2], high: [0.3] }, firstYear: 2026 }));
    const problems = errorOf(() => parseUptakePlan(plan, 'u.json')).problems;
    expect(problems.find((p) => p.field === 'priceModel.mode')).toMatchObject({ expected: 'one of "all-units", "marginal"', hint: 'did you mean "all-units"?' });
  });
});

describe('invalid_format: a text of a form', () => {
  it('the schema\'s own words are kept (a key of letters, digits and _)', () => {
    expect(at({ ...base, responders: [{ key: '1st', outcome: 'rmdq', points: 3 }] }, 'responders.0.key').expected).toBe('a name of letters, digits and _');
  });
  it('zod\'s wording of a pattern, a start, a date is replaced', () => {
    const schema = z.object({ a: z.string().regex(/^x+$/), b: z.string().startsWith('./'), c: z.iso.date(), d: z.string().includes('{i}') }).strict();
    const problems = schemaProblems(schema, '{"a": "y", "b": "z", "c": "4/12/2026", "d": "q"}');
    expect(problems.map((p) => p.expected)).toEqual(['a text of the form /^x+$/', 'a text starting with "./"', 'a date written YYYY-MM-DD, e.g. "2026-12-04"', 'a text containing "{i}"']);
  });
});

describe('not_multiple_of', () => {
  it('a multiple of the step', () => {
    expect(schemaProblems(z.object({ step: z.number().multipleOf(5) }), '{"step": 7}')[0]!.expected).toBe('a multiple of 5');
  });
});

describe('invalid_union: one of several forms', () => {
  it('names each form the value may take', () => {
    expect(at({ ...base, missingCodes: [true] }, 'missingCodes.0').expected).toBe('a text in double quotes or a number, not true');
    expect(at({ ...base, flow: { excluded: [{ reason: 5, n: 1 }] } }, 'flow.excluded.0.reason').expected).toBe('a text in double quotes or an object { "en": … }, not a number');
  });
  it('a discriminated union names its kinds, with the nearest', () => {
    const schema = z.object({ r: z.discriminatedUnion('kind', [z.object({ kind: z.literal('trial') }), z.object({ kind: z.literal('meta') })]) });
    const p = schemaProblems(schema, '{"r": {"kind": "trail"}}')[0]!;
    expect(p).toMatchObject({ field: 'r.kind', value: 'trail', expected: 'one of "trial", "meta"', hint: 'did you mean "trial"?' });
  });
});

describe('invalid_key: a key its object does not take', () => {
  it('an instrument key with a space, at the key', () => {
    const instruments = { 'my odi': { label: { en: 'ODI' }, range: [0, 100], direction: 'lower-is-better', mcid: 10 } };
    const p = at({ ...base, instruments }, 'instruments.my odi');
    expect(p).toMatchObject({ value: 'my odi', expected: 'the key to be a name of letters, digits and _, starting with a letter' });
    expect(p).toMatchObject(where(p.text, '"my odi"'));
  });
});

describe('invalid_element and anything else zod may add', () => {
  it('reads as plain words', () => {
    expect(issueExpected({ code: 'invalid_element', origin: 'set', path: [], message: 'Invalid value in set' }, { found: undefined })).toBe('another entry');
    expect(issueExpected({ code: 'something_new', path: [], message: 'Invalid input' }, { found: 1 })).toBe('another value');
  });
});

describe('custom: a rule\'s own message', () => {
  it('is kept as the rule wrote it', () => {
    expect(at({ ...base, alpha: 0.95 }, 'alpha').expected).toMatch(/^an alpha of at most 0\.2 .*did you mean a confidence level of 95%/);
    expect(at({ ...base, timepoints: ['3m', '3m'] }, 'timepoints.1').expected).toMatch(/^each entry once: given twice/);
  });
});

describe('problems come in the order the file is read', () => {
  it('by line, then column, also past column 1,000,000 (a minified plan)', () => {
    const schema = z.object({ c: z.number(), b: z.number(), a: z.string() });
    const text = `{"a": "${'x'.repeat(1_000_010)}", "b": "bad",\n"c": "bad"}`;
    expect(schemaProblems(schema, text).map((p) => [p.field, p.line])).toEqual([['b', 1], ['c', 2]]);
  });
  it('sorted before they are capped: the first 50 in the file, not the first 50 zod reported', () => {
    const keys = Array.from({ length: 60 }, (_, k) => `k${String(k).padStart(2, '0')}`);
    const schema = z.object(Object.fromEntries([...keys].reverse().map((k) => [k, z.number()])));
    const text = `{\n${keys.map((k) => `  "${k}": "x"`).join(',\n')}\n}`;
    const fields = schemaProblems(schema, text).map((p) => p.field);
    expect(fields).toEqual(keys.slice(0, MAX_PROBLEMS));
  });
});

describe('no zod wording reaches a user', () => {
  it('in a plan with one of each mistake', () => {
    const { problems } = planProblems({
      ...base,
      title: 5,
      timepoints: '3m',
      alpha: '0.05',
      methods: ['ancov'],
      missing: { m: 2.5, sensitivity: 'true' },
      missingCodes: [true, ''],
      covariates: [3],
      instruments: { 'my odi': {}, odi: { label: { en: '' }, range: [0], direction: 'up', mcid: -1 } },
      outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 0, maxMissingItems: -1, importance: 'x', label: 'x' }],
      responders: [{ key: 'r', outcome: 'rmdq', points: -1, percent: 101 }],
      flow: { assessed: 0, excluded: [{ reason: 5, n: 1.5 }] },
    });
    expect(problems.length).toBeGreaterThan(15);
    for (const p of problems) expect(formatProblem(p)).not.toMatch(ZOD);
  });
  it('in an uptake plan, a cost-effectiveness plan and a report manifest', () => {
    const uptake = errorOf(() => parseUptakePlan({ currency: 'DKK', priceModel: { mode: 'marginal', tiers: [{ upTo: 'x', price: -1 }] }, scenarios: { low: [1.5], base: [], high: ['0.3'] }, firstYear: 2026.5, suppression: { threshold: 0 } }, 'u.json')).problems;
    expect(uptake.find((p) => p.field === 'suppression.threshold')!.expected).toBe('a whole number of at least 1');
    const dir = tempDir();
    writeFileSync(join(dir, 'cea.json'), JSON.stringify({ trialPlan: 5, currency: 'eur', priceYear: 2021.5, wtp: { from: -1 } }));
    const cea = errorOf(() => loadCeaPlanFile(join(dir, 'cea.json'))).problems;
    expect(cea.find((p) => p.field === 'trialPlan')!.expected).toBe('a text in double quotes: write "5"');
    const manifest = errorOf(() => parseManifest({ reports: [{ id: 'a', kind: 'trial', out: 'a', lang: 'de', data: 5, plan: '' }] }, 'm.json')).problems;
    expect(manifest.find((p) => p.field === 'reports.0.lang')!.expected).toBe('one of "en", "da"');
    for (const p of [...uptake, ...cea, ...manifest]) expect(formatProblem(p)).not.toMatch(ZOD);
  });
});

describe('a rule about one field points at that field, not at the "{" of its object', () => {
  it('an instrument\'s range of one value ([5, 5]) is named at the "range" key', () => {
    const instruments = { odi: { label: { en: 'ODI' }, direction: 'lower-is-better', mcid: 10, range: [5, 5] } };
    const p = at({ ...base, instruments }, 'instruments.odi.range');
    expect(p).toMatchObject(where(p.text, '"range"'));
    expect(p.value).toBe('[5,5]');
    expect(p.expected).toMatch(/^a range \[min, max\] with min below max/);
  });
  it('a covariate range with min above max is named at "max"', () => {
    const p = at({ ...base, covariateRanges: { age: { min: 120, max: 18 } } }, 'covariateRanges.age.max');
    expect(p).toMatchObject(where(p.text, '"max"'));
    expect(p.expected).toBe('a "max" at least as large as "min"');
  });
  it('subgroup cuts that do not increase and a margin whose shares do not sum to 1, at their lists', () => {
    const subgroups = [{ column: 'age', label: { en: 'age' }, prespecified: true, cuts: [60, 40] }];
    const p = at({ ...base, subgroups }, 'subgroups.0.cuts');
    expect(p).toMatchObject(where(p.text, '[\n        60'));
    const population = { label: { en: 'all' }, criteria: [{ column: 'age', op: '>=', value: 18, label: { en: 'adults' } }], margins: [{ column: 'sex', shares: { f: 0.5, m: 0.4 } }] };
    const shares = at({ ...base, population }, 'population.margins.0.shares');
    expect(shares.expected).toBe('shares that sum to 1 (within ±0.002, which is rescaled); these sum to 0.9 — divide each by 0.9 (their sum) if they are in the right proportions');
    expect(shares.line).toBe(where(shares.text, '"shares"').line);
  });
});

describe('a manifest\'s own checks', () => {
  it('an unknown report kind is at its line:column', () => {
    const text = JSON.stringify({ reports: [{ id: 'a', kind: 'trail', out: 'a' }] }, null, 2);
    expect(errorOf(() => parseManifest(parseJsonText(text, 'm.json'), 'm.json')).problems[0]).toMatchObject({ field: 'reports.0.kind', ...where(text, '"trail"') });
  });
});
