/**
 * A small JSON parser that accepts exactly what `JSON.parse` accepts but also remembers where
 * every value and key starts, so plan and manifest errors can say `plan.json:12:5`. It refuses
 * nesting deeper than a limit (a plan is a handful of levels deep; a 5,000-level file would
 * otherwise exhaust the stack) and numbers that overflow to Infinity. See docs/limits.md.
 */

import { excerptAround } from './excerpt.js';
import { DOUBLE_QUOTE_LOOKALIKES, lookalikeAt } from './lookalike-characters.js';

export interface JsonPosition {
  line: number;
  column: number;
}

export class JsonSyntaxError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** Where each value (and each object key) sits, by JSON path. */
export interface JsonPositions {
  /** Start of the value at `path` (undefined when there is no such value). */
  valueAt(path: readonly PropertyKey[]): JsonPosition | undefined;
  /** Start of the key naming `path`'s last element inside its object. */
  keyAt(path: readonly PropertyKey[]): JsonPosition | undefined;
  /** Line and column of a character offset into the text. */
  at(offset: number): JsonPosition;
  /** The text of the line holding `offset`, shortened to at most 80 characters around it. */
  excerpt(offset: number): string;
}

/** A key an object gives twice: where each starts (offsets into the text). JSON.parse keeps the later value silently. */
export interface DuplicateKey {
  path: PropertyKey[];
  first: number;
  second: number;
}

export interface ParsedJson {
  value: unknown;
  positions: JsonPositions;
  /** Keys given twice in one object, in file order (the value keeps the later, as JSON.parse). */
  duplicateKeys: DuplicateKey[];
}

const pathKey = (path: readonly PropertyKey[]) => path.map(String).join('\u0000');

/** Nesting limit for plans and manifests (objects + arrays). */
export const MAX_JSON_DEPTH = 64;

export function parseJsonWithPositions(text: string, maxDepth = MAX_JSON_DEPTH): ParsedJson {
  const values = new Map<string, number>();
  const keys = new Map<string, number>();
  const duplicateKeys: DuplicateKey[] = [];
  let i = 0;
  const n = text.length;

  /** Where the last string (key or value) opened and ended: a curly quote in it may have ended it in the writer's eyes. */
  let lastString = { start: -1, end: -1 };
  /** Where the last number started and ended, for a decimal comma (`3,5`). */
  let lastNumber = { start: -1, end: -1 };
  const fail = (message: string, at = i): never => {
    // A comment where a value or key belongs: JSON has none, whatever editors for JSONC accept.
    if (text.startsWith('//', at) || text.startsWith('/*', at)) throw new JsonSyntaxError('no comment (JSON has none): delete it', at);
    // A character from Word, Outlook or a web page that looks like JSON's own (docs/limits.md "JSON files").
    const odd = lookalikeAt(text, at);
    if (odd) throw new JsonSyntaxError(`${message}; ${odd.fix}`, at);
    // `"title”: "x"`: the curly quote did not close the string, so JSON read on to the next straight
    // one and stumbled just after it; the error is named at the curly quote, not there.
    if (lastString.end >= 0 && lastString.end <= at && text.slice(lastString.end, at).trim() === '') curlyQuoteIn(lastString.start, lastString.end);
    throw new JsonSyntaxError(message, at);
  };
  /**
   * A curly double quote in text[from, to) (not at `from`, the straight opening quote) that was meant
   * to close the string is the error, named at it. Meant to close = only spaces or tabs between it and
   * `:` `,` `}` `]` or the end of the line (`"arms”: {`, `"x”,⏎`); a quote followed by more text
   * (`"The “App” trial"`) is typography, and the real syntax error is reported instead.
   */
  const curlyQuoteIn = (from: number, to: number) => {
    const curly = new RegExp(`[${DOUBLE_QUOTE_LOOKALIKES}][ \\t]*(?:[:,}\\]\\r\\n]|$)`, 'g');
    curly.lastIndex = from + 1;
    const m = curly.exec(text);
    if (!m || m.index >= to) return;
    const quote = lookalikeAt(text, m.index)!;
    throw new JsonSyntaxError(`a straight double quote ("), found ${quote.name}: the text opened with " does not end at it; ${quote.fix}`, m.index);
  };
  /** After a ",": the object or list must go on; a closing bracket means a trailing comma. */
  const noTrailingComma = (comma: number, close: '}' | ']') => {
    if (text[i] === close) fail(`no trailing comma after the last ${close === '}' ? 'item of the object' : 'item of the list'} (JSON allows none): delete this ","`, comma);
  };
  const describe = (at: number) => (at >= n ? 'the end of the file' : (lookalikeAt(text, at)?.name ?? `${JSON.stringify(text[at])}`));
  const ws = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) i++;
      else break;
    }
  };

  const parseString = (): string => {
    const start = i;
    i++; // opening quote
    let out = '';
    let run = i;
    while (true) {
      if (i >= n) {
        // `"x”}` to the end of the file, `"x”,⏎`: a curly quote meant to close the string.
        curlyQuoteIn(start, i);
        fail('a closing " for the string', start);
      }
      const c = text.charCodeAt(i);
      if (c === 0x22) {
        out += text.slice(run, i);
        i++;
        lastString = { start, end: i };
        return out;
      }
      if (c < 0x20) curlyQuoteIn(start, i);
      if (c < 0x20) fail('no control characters (line breaks, tabs) inside a string; write them as \\n or \\t');
      if (c === 0x5c) {
        out += text.slice(run, i);
        const e = text[i + 1];
        const simple: Record<string, string> = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
        if (e !== undefined && simple[e] !== undefined) {
          out += simple[e];
          i += 2;
        } else if (e === 'u' && /^[0-9a-fA-F]{4}$/.test(text.slice(i + 2, i + 6))) {
          out += String.fromCharCode(parseInt(text.slice(i + 2, i + 6), 16));
          i += 6;
        } else {
          fail('a valid escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t or \\u followed by 4 hex digits)');
        }
        run = i;
        continue;
      }
      i++;
    }
  };

  const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
  const parseNumber = (): number => {
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (!m || m[0] === '-' ) fail(`a value, found ${describe(i)}`);
    const start = i;
    i += m![0].length;
    lastNumber = { start, end: i };
    const v = Number(m![0]);
    if (!Number.isFinite(v)) fail(`a finite number (${m![0].length > 20 ? m![0].slice(0, 20) + '…' : m![0]} is too large)`, start);
    return v;
  };

  /**
   * `"mcid": 3,5` (a Danish decimal comma): JSON read the number 3, then waited for a key and found
   * 5. Named as the number it is, at its start (docs/limits.md "JSON files").
   */
  const decimalComma = () => {
    if (lastNumber.end < 0 || text[lastNumber.end] !== ',' || i !== lastNumber.end + 1) return;
    const decimals = /\d+/y;
    decimals.lastIndex = i;
    const m = decimals.exec(text);
    if (!m) return;
    const written = `${text.slice(lastNumber.start, lastNumber.end)},${m[0]}`;
    fail(`a number with a decimal point: JSON numbers use "." (write ${written.replace(',', '.')}, not ${written})`, lastNumber.start);
  };

  const parseValue = (path: PropertyKey[], depth: number): unknown => {
    ws();
    values.set(pathKey(path), i);
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= maxDepth) fail(`at most ${maxDepth} levels of nesting`);
      return c === '{' ? parseObject(path, depth + 1) : parseArray(path, depth + 1);
    }
    if (c === '"') return parseString();
    if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return parseNumber();
    for (const [word, v] of [['true', true], ['false', false], ['null', null]] as const) {
      if (text.startsWith(word, i)) {
        i += word.length;
        return v;
      }
    }
    return fail(`a value (an object, array, string, number, true, false or null), found ${describe(i)}`);
  };

  const parseObject = (path: PropertyKey[], depth: number): Record<string, unknown> => {
    const obj: Record<string, unknown> = {};
    /** Where each key of this object started, to name both places of a key given twice. */
    const seen = new Map<string, number>();
    i++;
    ws();
    if (text[i] === '}') {
      i++;
      return obj;
    }
    while (true) {
      ws();
      if (text[i] !== '"') {
        decimalComma();
        fail(`a key in double quotes, found ${describe(i)}`);
      }
      const keyStart = i;
      const key = parseString();
      ws();
      if (text[i] !== ':') fail(`":" after the key ${JSON.stringify(key)}, found ${describe(i)}`);
      i++;
      const childPath = [...path, key];
      const earlier = seen.get(key);
      if (earlier !== undefined) duplicateKeys.push({ path: childPath, first: earlier, second: keyStart });
      else seen.set(key, keyStart);
      keys.set(pathKey(childPath), keyStart);
      const v = parseValue(childPath, depth);
      // As JSON.parse: "__proto__" is an ordinary own property, never the prototype.
      if (key === '__proto__') Object.defineProperty(obj, key, { value: v, enumerable: true, writable: true, configurable: true });
      else obj[key] = v;
      ws();
      if (text[i] === ',') {
        const comma = i++;
        ws();
        noTrailingComma(comma, '}');
        continue;
      }
      if (text[i] === '}') {
        i++;
        return obj;
      }
      fail(`"," or "}" in the object, found ${describe(i)}`);
    }
  };

  const parseArray = (path: PropertyKey[], depth: number): unknown[] => {
    const arr: unknown[] = [];
    i++;
    ws();
    if (text[i] === ']') {
      i++;
      return arr;
    }
    while (true) {
      arr.push(parseValue([...path, arr.length], depth));
      ws();
      if (text[i] === ',') {
        const comma = i++;
        ws();
        noTrailingComma(comma, ']');
        continue;
      }
      if (text[i] === ']') {
        i++;
        return arr;
      }
      fail(`"," or "]" in the array, found ${describe(i)}`);
    }
  };

  const value = parseValue([], 0);
  ws();
  if (i < n) fail(`the end of the file after the value, found ${describe(i)}`);
  return { value, positions: positionIndex(text, values, keys), duplicateKeys };
}

/** Line/column lookups over a text (1-based; columns count UTF-16 code units, as editors do for BMP text). */
export function positionIndex(text: string, values = new Map<string, number>(), keys = new Map<string, number>()): JsonPositions {
  const starts = [0];
  for (let k = text.indexOf('\n'); k >= 0; k = text.indexOf('\n', k + 1)) starts.push(k + 1);
  const at = (offset: number): JsonPosition => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
  const get = (m: Map<string, number>, path: readonly PropertyKey[]) => {
    const o = m.get(pathKey(path));
    return o === undefined ? undefined : at(o);
  };
  return {
    valueAt: (path) => get(values, path),
    keyAt: (path) => get(keys, path),
    at,
    excerpt(offset) {
      const { line } = at(offset);
      const start = starts[line - 1]!;
      const end = line < starts.length ? starts[line]! - 1 : text.length;
      const full = text.slice(start, end).replace(/\r$/, '');
      return excerptAround(full, offset - start, 80);
    },
  };
}

