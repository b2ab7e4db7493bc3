/**
 * What a schema problem of a plan, manifest or results file expects, in plain English: zod's own
 * wording ("Too small: expected number to be >0", "Invalid input", "expected int, received
 * number") is written for programmers. Each kind of issue zod can raise on JSON is said here
 * from the issue's facts (its bounds, its allowed values, the value found); a message the schema
 * wrote itself (a rule's own words, `alpha`'s "did you mean a confidence level of 95%?") is kept
 * as it is. docs/limits.md "JSON files".
 */
import { z } from 'zod';

/** A zod issue as `jsonProblems` receives it (zod's issue types fit it). */
export interface SchemaIssue {
  path: readonly PropertyKey[];
  message: string;
  code?: string;
  keys?: readonly string[];
  expected?: string;
  origin?: string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  inclusive?: boolean;
  exact?: boolean;
  values?: readonly unknown[];
  format?: string;
  pattern?: string;
  prefix?: string;
  suffix?: string;
  includes?: string;
  divisor?: number | bigint;
  options?: readonly unknown[];
  discriminator?: string;
  errors?: readonly (readonly SchemaIssue[])[];
  issues?: readonly SchemaIssue[];
  /** A rule's own facts; `{ at: 'key' }` points the problem at the key rather than its value. */
  params?: Record<string, unknown>;
}

/** How a JSON value of each kind reads in a message. */
export function kindOf(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'a list';
  if (typeof v === 'string') return 'a text';
  if (typeof v === 'number') return 'a number';
  if (typeof v === 'boolean') return `${v}`;
  if (typeof v === 'object') return 'an object';
  return typeof v;
}

/** What a value of zod's type name is, as a user writes it. */
export function typeText(type: string | undefined): string {
  switch (type) {
    case 'string':
      return 'a text in double quotes';
    case 'number':
      return 'a number';
    case 'int':
      return 'a whole number';
    case 'boolean':
      return 'true or false';
    case 'object':
    case 'record':
      return 'an object { … }';
    case 'array':
    case 'tuple':
      return 'a list [ … ]';
    case 'null':
      return 'null';
    default:
      return type ? `a value of type ${type}` : 'another value';
  }
}

/**
 * A number as a user would write it: a whole number exactly (a bound of 9007199254740991 must not
 * read 9007199254740000), a fraction without binary noise (0.30000000000000004 reads 0.3).
 */
const plainNumber = (v: number | bigint) => (typeof v === 'bigint' || Number.isInteger(v) ? String(v) : String(Number(v.toPrecision(12))));
const entries = (n: number | bigint) => `${plainNumber(n)} ${n === 1 ? 'entry' : 'entries'}`;
const characters = (n: number | bigint) => `${plainNumber(n)} ${n === 1 ? 'character' : 'characters'}`;

/**
 * An amount written as a Danish or English page writes money (`"300.000 kr."`, `"DKK 1,500"`,
 * `"kr. 310,-"`): the plain number. Only with a currency mark, which says the dots or commas
 * between groups of three are thousands (`"300.000"` alone could be 300).
 */
function moneyNumber(t: string): string | undefined {
  const m = /^(?:(?:kr\.?|DKK|EUR|€)\s*)?([\d.,\u00a0 ]*\d)(?:,-)?(?:\s*(?:kr\.?|DKK|EUR|€))?$/i.exec(t);
  if (!m || m[0] === m[1]) return undefined;
  const n = m[1]!.replace(/[\u00a0 ](?=\d{3}(?:\D|$))/g, '');
  if (/^\d+$/.test(n)) return n;
  if (/^\d{1,3}(\.\d{3})+(,\d+)?$/.test(n) || /^\d+,\d+$/.test(n)) return n.replace(/\./g, '').replace(',', '.');
  if (/^\d{1,3}(,\d{3})+(\.\d+)?$/.test(n)) return n.replace(/,/g, '');
  return undefined;
}

/** A number written in quotes (`"0.05"`, `"3,5"`, `"300.000 kr."`): what to write instead. */
function quotedNumber(found: unknown, whole: boolean): string | undefined {
  if (typeof found !== 'string') return undefined;
  const t = found.trim();
  const money = moneyNumber(t);
  if (money !== undefined) return `without quotes, currency or thousands separators: write ${money}, not "${found}"`;
  if (/^[-+]?\d+(\.\d+)?$/.test(t)) return `without quotes: write ${t.replace(/^\+/, '')}, not "${found}"`;
  if (!whole && /^[-+]?\d+,\d+$/.test(t)) return `without quotes and with a decimal point: write ${t.replace(',', '.').replace(/^\+/, '')}, not "${found}"`;
  return undefined;
}

/** An `invalid_type` issue: what to write, given what was found. */
function typeExpected(expected: string | undefined, found: unknown, example: string | undefined): string {
  const want = expected === 'object' && example?.startsWith('{') ? `an object ${example}` : expected === 'array' && example?.startsWith('[') ? `a list ${example}` : typeText(expected);
  if (expected === 'number' || expected === 'int') {
    if (typeof found === 'number' && expected === 'int') return `a whole number (${plainNumber(found)} has decimals)`;
    const q = quotedNumber(found, expected === 'int');
    if (q) return `${want} ${q}`;
  }
  if (expected === 'boolean' && (found === 'true' || found === 'false')) return `true or false without quotes: write ${found}, not "${found}"`;
  if (expected === 'string' && (typeof found === 'number' || typeof found === 'boolean')) return `a text in double quotes: write "${String(found)}"`;
  if ((expected === 'array' || expected === 'tuple') && (typeof found === 'string' || typeof found === 'number')) return `a list in [ ]: write [${JSON.stringify(found)}] for one entry`;
  return `${want}, not ${kindOf(found)}`;
}

/** `too_small` and `too_big`: the bound, in words for a number, a text or a list. */
function boundExpected(issue: SchemaIssue, found: unknown, whole: boolean): string {
  const small = issue.code === 'too_small';
  const bound = (small ? issue.minimum : issue.maximum) ?? 0;
  const inclusive = issue.inclusive !== false;
  switch (issue.origin) {
    case 'string': {
      const n = typeof found === 'string' ? ` (it has ${characters([...found].length)})` : '';
      if (issue.exact) return `a text of exactly ${characters(bound)}${n}`;
      if (small && bound === 1) return 'a text that is not empty';
      return `a text of ${small ? 'at least' : 'at most'} ${characters(bound)}${n}`;
    }
    case 'array':
    case 'set': {
      const n = Array.isArray(found) ? ` (it has ${entries(found.length)})` : '';
      if (issue.exact) return `a list of exactly ${entries(bound)}${n}`;
      if (small && bound === 1) return 'a list with at least one entry';
      return `a list of ${small ? 'at least' : 'at most'} ${entries(bound)}${n}`;
    }
    case 'number':
    case 'int':
    case 'bigint': {
      const what = issue.origin === 'number' && !whole ? 'a number' : 'a whole number';
      if (issue.exact) return `exactly ${plainNumber(bound)}`;
      // zod's own limit on every whole number (±9007199254740991, past which a double is no longer
      // exact): no plan means a number that size, so the bound itself would only puzzle.
      if (issue.origin === 'int' && inclusive && bound === (small ? Number.MIN_SAFE_INTEGER : Number.MAX_SAFE_INTEGER)) {
        return `a whole number (this one is too ${small ? 'far below zero' : 'large'})`;
      }
      const relation = small ? (inclusive ? 'of at least' : 'above') : inclusive ? 'of at most' : 'below';
      return `${what} ${relation} ${plainNumber(bound)}`;
    }
    default:
      return `a value ${small ? (inclusive ? 'of at least' : 'above') : inclusive ? 'of at most' : 'below'} ${plainNumber(bound)}`;
  }
}

/** `invalid_format`: a text's pattern or form. */
function formatExpected(issue: SchemaIssue): string {
  switch (issue.format) {
    case 'regex':
      return `a text of the form ${issue.pattern ?? 'the schema gives'}`;
    case 'starts_with':
      return `a text starting with ${JSON.stringify(issue.prefix)}`;
    case 'ends_with':
      return `a text ending with ${JSON.stringify(issue.suffix)}`;
    case 'includes':
      return `a text containing ${JSON.stringify(issue.includes)}`;
    case 'date':
      return 'a date written YYYY-MM-DD, e.g. "2026-12-04"';
    case 'datetime':
      return 'a date and time written as ISO 8601, e.g. "2026-12-04T09:30:00Z"';
    case 'email':
      return 'an e-mail address';
    case 'url':
      return 'a web address (URL)';
    default:
      return `a text in the ${issue.format ?? 'required'} format`;
  }
}

/** The allowed values of an enum or literal, as a user writes them. */
export function valuesText(values: readonly unknown[]): string {
  const shown = values.map((v) => (typeof v === 'bigint' ? String(v) : JSON.stringify(v) ?? String(v)));
  return shown.length === 1 ? shown[0]! : `one of ${shown.join(', ')}`;
}

/** Whether `issue.message` is zod's default wording (from its English locale), not the schema's own. */
function zodWording(issue: SchemaIssue, found: unknown): boolean {
  if (issue.code === 'invalid_type') return /^Invalid input: expected \S+, received \S+$/.test(issue.message);
  const locale = z.locales.en().localeError as unknown as (i: unknown) => string | { message: string } | undefined;
  const text = locale({ ...issue, input: found });
  return (typeof text === 'string' ? text : text?.message) === issue.message;
}

/** The value at `path` inside `found` (undefined where there is none). */
function valueAt(found: unknown, path: readonly PropertyKey[]): unknown {
  let v = found;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/**
 * An object that has the keys of one of the union's object forms and fails only on a value inside
 * it (`{ "price": 600, "source": { … } }` against `{ "price": …, "source": text }`): that field
 * and what it expects, which "an object … or an object …, not an object" never said. A form fits
 * when none of its problems is with the object itself (unknown keys, another kind of value) or a
 * key it lacks; the first that fits is said.
 */
function innerFieldExpected(issue: SchemaIssue, found: unknown, alternatives: readonly string[] | undefined, inner?: IssueContext['inner']): string | undefined {
  if (found === null || typeof found !== 'object' || Array.isArray(found)) return undefined;
  const options = issue.errors ?? [];
  const k = options.findIndex((o) => o.length > 0 && o.every((i) => i.path.length > 0 && valueAt(found, i.path) !== undefined));
  if (k < 0) return undefined;
  const first = options[k]![0]!;
  const form = alternatives?.length === options.length ? alternatives[k]! : 'an object';
  const shape = inner?.(first.path);
  const ctx: IssueContext = { found: valueAt(found, first.path), ...(shape?.example ? { example: shape.example } : {}), ...(shape?.alternatives ? { alternatives: shape.alternatives } : {}) };
  return `${form} whose "${first.path.join('.')}" is ${issueExpected(first, ctx)}`;
}

/** What the schema's alternatives (a union's parts) are, when the issue itself says only "Invalid input". */
function unionExpected(issue: SchemaIssue, found: unknown, alternatives: readonly string[] | undefined, shapeInside?: IssueContext['inner']): string {
  if (issue.discriminator !== undefined && issue.options?.length) return valuesText(issue.options);
  const inner = innerFieldExpected(issue, found, alternatives, shapeInside);
  if (inner !== undefined) return inner;
  let parts = alternatives?.filter(Boolean) ?? [];
  if (!parts.length) {
    parts = (issue.errors ?? []).map((option) => {
      const first = option[0];
      if (!first) return '';
      if (first.path.length === 0) return first.code === 'invalid_type' ? typeText(first.expected) : first.code === 'invalid_value' && first.values ? valuesText(first.values) : '';
      return '';
    });
  }
  const unique = [...new Set(parts.filter(Boolean))];
  return unique.length ? `${unique.join(' or ')}, not ${kindOf(found)}` : `another value, not ${kindOf(found)}`;
}

/** Context a message can use: the value found, an example of the expected shape, a union's alternatives. */
export interface IssueContext {
  found: unknown;
  example?: string;
  alternatives?: readonly string[];
  /** The example and alternatives at a path inside the value (a union member's field), relative to it. */
  inner?: (path: readonly PropertyKey[]) => { example?: string; alternatives?: readonly string[] } | undefined;
}

/**
 * The `expected` text of a Problem for a zod issue on a value that is present (a missing one is
 * "required": read-json.ts). A schema's own message is kept; zod's wording is replaced.
 */
export function issueExpected(issue: SchemaIssue, ctx: IssueContext): string {
  if (issue.code === 'custom' || !zodWording(issue, ctx.found)) return issue.message;
  switch (issue.code) {
    case 'invalid_type':
      return typeExpected(issue.expected, ctx.found, ctx.example);
    case 'too_small':
    case 'too_big':
      return boundExpected(issue, ctx.found, ctx.example === 'a whole number');
    case 'invalid_value':
      return valuesText(issue.values ?? []);
    case 'invalid_format':
      return formatExpected(issue);
    case 'not_multiple_of':
      return `a multiple of ${plainNumber(issue.divisor ?? 1)}`;
    case 'invalid_union':
      return unionExpected(issue, ctx.found, ctx.alternatives, ctx.inner);
    case 'invalid_key': {
      const inner = issue.issues?.[0];
      return inner ? `the key to be ${issueExpected(inner, { found: issue.path[issue.path.length - 1] })}` : 'another key';
    }
    case 'invalid_element':
      return 'another entry';
    default:
      return 'another value';
  }
}
