/**
 * The page text's fast paths (session 34, a speed step): pageText and escapeHtml test a text once
 * and return it as it is when there is nothing to change, and pageTextDeep (every chart spec on its
 * way to the page) walks the spec by plain loops. Each must give what the plain replaces and
 * `Object.fromEntries(Object.entries(…).map(…))` / `Array.prototype.map` gave.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { pageText, pageTextDeep, visibleControls } from '../../src/io/visible-text.js';
import { escapeHtml } from '../../src/report/text-table.js';

/** The former implementations, kept as the reference. */
const pageTextReference = (text: string) => visibleControls(text.replace(/[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c]/g, '').replace(/\r\n?/g, '\n'));
const escapeHtmlReference = (s: string) => pageTextReference(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
function reference(value: unknown): unknown {
  if (typeof value === 'string') return pageTextReference(value);
  if (Array.isArray(value)) return value.map(reference);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [pageText(k), reference(v)]));
  return value;
}

// Strings mixing plain text with what pageText rewrites or drops: controls, CR and CRLF, bidi marks, tab and line feed.
const special = ['&', '<', '>', '"', '\x08', '\x0b', '\x1f', '\x80', '\u202a', '\u200e', '\x00', '\x1b', '\x7f', '\x85', '\x9f', '\r', '\r\n', '\n', '\t', '\u202e', '\u2066', '\u200f', '\u061c', 'a', 'Æ', ' ', '0'];
const text = fc.array(fc.oneof(fc.constantFrom(...special), fc.string({ maxLength: 3 })), { maxLength: 6 }).map((parts) => parts.join(''));
const key = fc.oneof(text, fc.constantFrom('__proto__', 'constructor', '0', '10', 'x', 'x\u202e'));
const spec = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, text, fc.double(), fc.boolean(), fc.constant(null), tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.array(fc.tuple(key, tie('value')), { maxLength: 4 }).map((pairs) => Object.fromEntries(pairs)),
})).value;

/** Own keys in order, prototypes and holes too: what toEqual does not compare. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return { array: value.length, holes: value.flatMap((_, i) => (i in value ? [] : [i])), items: Array.from(value, shape) };
  if (value !== null && typeof value === 'object') return { proto: Object.getPrototypeOf(value) === Object.prototype, keys: Reflect.ownKeys(value), values: Object.values(value).map(shape) };
  return value;
}

describe('pageText and escapeHtml', () => {
  it('give what the plain replaces gave, for text with and without anything to change', () => {
    fc.assert(
      fc.property(fc.oneof(text, fc.string(), fc.string({ unit: 'binary' })), (s) => {
        expect(pageText(s)).toBe(pageTextReference(s));
        expect(escapeHtml(s)).toBe(escapeHtmlReference(s));
      }),
      { numRuns: 2000 },
    );
    // Every code point below U+3000 alone, and inside plain text.
    for (let c = 0; c < 0x3000; c++) {
      const s = String.fromCharCode(c);
      expect(pageText(s)).toBe(pageTextReference(s));
      expect(pageText(`ab${s}cd`)).toBe(pageTextReference(`ab${s}cd`));
      expect(escapeHtml(`ab${s}cd`)).toBe(escapeHtmlReference(`ab${s}cd`));
    }
  });
});

describe('pageTextDeep', () => {
  it('copies a spec as the entries-and-map walk did: the same keys in the same order, the same strings, numbers and nulls', () => {
    fc.assert(
      fc.property(spec, (value) => {
        const got = pageTextDeep(value);
        expect(JSON.stringify(got)).toBe(JSON.stringify(reference(value)));
        expect(shape(got)).toEqual(shape(reference(value)));
      }),
      { numRuns: 400 },
    );
  });

  it('keeps a "__proto__" key a property and the copy an ordinary object', () => {
    const value = JSON.parse('{"__proto__": {"a": "x\\u202ey"}, "b": ["\\r\\n", 1]}') as object;
    const got = pageTextDeep(value) as Record<string, unknown>;
    expect(Object.getPrototypeOf(got)).toBe(Object.prototype);
    expect(Object.keys(got)).toEqual(['__proto__', 'b']);
    expect(JSON.stringify(got)).toBe('{"__proto__":{"a":"xy"},"b":["\\n",1]}');
  });

  it('leaves a hole a hole and returns a copy, never the spec itself', () => {
    // eslint-disable-next-line no-sparse-arrays
    const value = { a: [1, , 'x\x1b'] };
    const got = pageTextDeep(value);
    expect(got).not.toBe(value);
    expect(got.a).not.toBe(value.a);
    expect(1 in got.a).toBe(false);
    expect(got.a[2]).toBe('x\\x1b');
  });
});
