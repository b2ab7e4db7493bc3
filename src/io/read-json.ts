/**
 * Reads a JSON file (plans, manifests) with the errors users need: a missing file is
 * `input.unreadable`; a file over 10 MB, bytes that are not UTF-8 (or UTF-16 with its mark), a syntax error or nesting
 * deeper than 64 levels is `plan.invalid` with the line:column and a short excerpt. A BOM is
 * tolerated. Limits: docs/limits.md.
 *
 * Schema problems (`jsonProblems`) point at the line:column of the offending value (or key) in
 * the file: the parsed value remembers where it came from.
 */
import { editDistance } from '../edit-distance.js';
import { readFileSync, statSync } from 'node:fs';
import { TextDecoder } from 'node:util';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';
import { excerptAround } from './excerpt.js';
import { type DuplicateKey, JsonSyntaxError, type JsonPositions, MAX_JSON_DEPTH, parseJsonWithPositions, positionIndex } from './json-positions.js';
import { decodeUtf8 } from './utf8.js';
import { hiddenCharacterNote } from './lookalike-characters.js';
import { issueExpected, type SchemaIssue, typeText } from './zod-issue-text.js';
import { utf16Of, utf16WithoutMark } from './utf16.js';
import { specialFileError, specialFileKind } from './regular-file.js';
import { doesNotExist } from './missing-file.js';
import { refuseSpreadsheetJson } from './spreadsheet-json.js';
import { refuseStreamOntoInput } from './redirected-input.js';

/** Largest plan or manifest read (bytes): real ones are a few kilobytes. */
export const MAX_JSON_BYTES = 10 * 1024 * 1024;

/** Where each parsed JSON root came from, for `jsonProblems`. */
const origins = new WeakMap<object, { positions: JsonPositions }>();

export function readJsonFile(file: string, what: string): unknown {
  let bytes: Buffer;
  try {
    const st = statSync(file);
    const kind = specialFileKind(st);
    if (kind) throw specialFileError(file, kind);
    // Standard output or error appended to this file would change it (redirected-input.ts).
    refuseStreamOntoInput(st, file);
    const size = st.size;
    if (size > MAX_JSON_BYTES) {
      throw new HtaError('plan.invalid', `${file} is too large for a ${what}`, [
        { file, value: `${size} bytes`, expected: `at most ${MAX_JSON_BYTES} bytes (10 MB); is this the right file?` },
      ]);
    }
    bytes = readFileSync(file);
  } catch (err) {
    if (err instanceof HtaError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    const reason = code === 'EISDIR' ? 'it is a folder, not a file' : code === 'ENOENT' ? doesNotExist(file) : 'the file does not exist or is not readable';
    throw new HtaError('input.unreadable', `cannot read ${what} ${file}: ${reason}`);
  }
  refuseSpreadsheetJson(bytes, file, what);
  const text = decodeJson(bytes, file).replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new HtaError('plan.invalid', `${file} is empty`, [{ file, line: 1, expected: 'a JSON object' }]);
  notJsonLooking(text, file, what);
  return parseJsonText(text, file);
}

/**
 * A plan's bytes as text: UTF-8, or UTF-16 with its byte-order mark (Notepad's "Unicode", as
 * exports are read: utf16.ts). UTF-16 without the mark is named as such, not as a stray byte
 * 0xFF or a NUL where a key was expected (docs/limits.md "JSON files").
 */
function decodeJson(bytes: Buffer, file: string): string {
  const utf16 = utf16Of(bytes);
  if (utf16) {
    try {
      return new TextDecoder(utf16, { fatal: true }).decode(bytes);
    } catch {
      throw new HtaError('plan.invalid', `${file} is not valid UTF-16 text`, [
        { file, expected: 'UTF-16 text, as the byte-order mark at its start says (a lone surrogate or an odd number of bytes was found); or save it as UTF-8' },
      ]);
    }
  }
  const order = utf16WithoutMark(bytes.subarray(0, 16));
  if (order) {
    throw new HtaError('plan.invalid', `${file} is UTF-16 text without a byte-order mark: save it as UTF-8`, [
      { file, line: 1, expected: `UTF-8 text (in Notepad: Save as → Encoding UTF-8), or UTF-16 with its byte-order mark; or convert it, e.g. iconv -f UTF-16${order === 'utf-16le' ? 'LE' : 'BE'} -t UTF-8` },
    ]);
  }
  return decodeUtf8(bytes, file);
}

/**
 * Every JSON file hta reads is an object (or a list): a file whose first character, after a BOM
 * and white space, is neither `{` nor `[` is another kind of file — a registry CSV given for a
 * results.json — and is refused without quoting any of it, since its first line may hold a
 * patient id (docs/disclosure-control.md "Checking a publication as it was published").
 */
function notJsonLooking(text: string, file: string, what: string): void {
  const first = text.trimStart()[0];
  if (first === undefined || first === '{' || first === '[') return;
  // A comment above the plan (`// …`, `/* … */`, as in JavaScript or JSONC): JSON has none.
  if (first === '/') {
    const line = text.slice(0, text.length - text.trimStart().length).split('\n').length;
    throw new HtaError('plan.invalid', `${file} starts with a comment: JSON has no comments`, [
      { file, line, expected: `the ${what} as JSON starting with "{": delete the comment lines` },
    ]);
  }
  throw new HtaError('plan.invalid', `${file} looks like a CSV or text file, not a JSON file (the ${what}): it does not start with "{" (nothing of it is quoted here)`, [
    { file, line: 1, expected: `the ${what}: a JSON file starting with "{"` },
  ]);
}

/** Parses JSON text, remembering positions; a syntax error names line:column with an excerpt. */
export function parseJsonText(text: string, file: string): unknown {
  if (text.trim() === '') throw new HtaError('plan.invalid', `${file} is empty`, [{ file, line: 1, expected: 'a JSON object' }]);
  try {
    const { value, positions, duplicateKeys } = parseJsonWithPositions(text, MAX_JSON_DEPTH);
    if (duplicateKeys.length) throw duplicateKeyError(duplicateKeys, positions, file);
    if (value !== null && typeof value === 'object') origins.set(value, { positions });
    return value;
  } catch (err) {
    if (!(err instanceof JsonSyntaxError)) throw err;
    const pos = positionIndex(text);
    const { line, column } = pos.at(err.offset);
    throw new HtaError('plan.invalid', `${file} is not valid JSON`, [{ file, line, column, value: pos.excerpt(err.offset), expected: err.message }]);
  }
}

/**
 * A key given twice in one object is refused: JSON.parse (and every editor's preview) keeps the
 * later value without a word, so a drafted `"missingCodes"` above the user's own, or a bundled
 * `"suppression"` below the user's stricter one, would silently decide the analysis or what is
 * published (docs/limits.md "JSON files"). Both places are named; nothing of the values is quoted.
 */
function duplicateKeyError(duplicates: readonly DuplicateKey[], positions: JsonPositions, file: string): HtaError {
  const place = (offset: number) => {
    const { line, column } = positions.at(offset);
    return `${line}:${column}`;
  };
  const problems: Problem[] = duplicates.slice(0, MAX_PROBLEMS).map((d) => {
    const key = String(d.path[d.path.length - 1]);
    const { line, column } = positions.at(d.second);
    const field = d.path.join('.');
    return {
      file,
      line,
      column,
      field,
      value: key,
      expected: `the key once in its object: it is given twice, at ${place(d.first)} and ${place(d.second)} (JSON would silently keep only the later); delete the one not meant`,
      kind: `json.duplicate-key:${field}`,
    };
  });
  const names = [...new Set(duplicates.map((d) => `"${String(d.path[d.path.length - 1])}"`))];
  return new HtaError('plan.invalid', `${file}: a key given twice (${names.slice(0, 5).join(', ')}${names.length > 5 ? ', …' : ''}): hta does not guess which one is meant`, problems);
}

/**
 * A value as a short excerpt for a Problem (≤ 80 characters; undefined when absent): a string as
 * it is (the problem formatter quotes it once), anything else as JSON text.
 */
function valueExcerpt(v: unknown): Problem['value'] {
  if (v === undefined) return undefined;
  return typeof v === 'string' ? (v.length <= 80 ? v : excerptAround(v, 0, 80)) : shortJson(v);
}

/** JSON text of a value, at most 80 characters ("…" where cut). */
export function shortJson(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return excerptAround(s, 0, 80);
}

/** A zod-like issue: path, message, and the facts zod gives of its kind (zod-issue-text.ts). */
export type JsonIssue = SchemaIssue;

/**
 * What is expected at a path: an example such as `{ "intervention": …, "control": … }`, an
 * object's keys, and where a value may take several forms (a union), each form.
 */
export type ShapeHint = (path: readonly PropertyKey[]) => { example?: string; keys?: readonly string[]; alternatives?: readonly string[] } | undefined;

/** The value at `path` of `json` as parsed (undefined when absent). */
function rawValueAt(json: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = json;
  for (const k of path) {
    if (v === null || typeof v !== 'object' || !Object.prototype.hasOwnProperty.call(v, k)) return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v;
}

/** A key or text that holds a character the editor does not show, said beside the problem it causes. */
function hiddenDetail(v: unknown): { detail?: string } {
  const note = typeof v === 'string' ? hiddenCharacterNote(v) : undefined;
  return note ? { detail: note } : {};
}

/**
 * A schema's issues on `json` as Problems (the first MAX_PROBLEMS in file order), each at the line:column of
 * the value (or, for an unknown key, of the key) when `json` was read by `readJsonFile`. A
 * missing field says it is required (never "received undefined"); values are excerpts.
 */
export function jsonProblems(json: unknown, issues: readonly JsonIssue[], file: string, shapeOf?: ShapeHint): Problem[] {
  const positions = json !== null && typeof json === 'object' ? origins.get(json)?.positions : undefined;
  const out: Problem[] = [];
  // With places, every issue is placed and sorted before the cap (below); without, zod's order stands.
  for (const i of positions ? issues : issues.slice(0, MAX_PROBLEMS)) {
    if (i.code === 'unrecognized_keys' && i.keys?.length) {
      for (const k of i.keys) {
        const path = [...i.path, k];
        const pos = positions?.keyAt(path);
        const known = knownKeys(shapeOf, i.path);
        out.push({
          file,
          ...(pos ? { line: pos.line, column: pos.column } : {}),
          field: path.join('.'),
          value: k,
          expected: `no key "${k}" here${known ? ` (known keys: ${known})` : ''}`,
          // One group per key: each has its own known keys and near miss (two typos shared the first's).
          kind: `json.unknown-key:${path.join('.')}`,
          ...nearMiss(k, known),
          ...hiddenDetail(k),
        });
      }
      continue;
    }
    // A record's key that its schema refuses (`"instruments": { "my odi": … }`): the key, at the key.
    if (i.code === 'invalid_key') {
      const key = String(i.path[i.path.length - 1]);
      const pos = positions?.keyAt(i.path);
      out.push({ file, ...(pos ? { line: pos.line, column: pos.column } : {}), field: i.path.join('.'), value: key, expected: issueExpected(i, { found: key }), ...hiddenDetail(key) });
      continue;
    }
    const found = rawValueAt(json, i.path);
    const value = valueExcerpt(found);
    const pos = (i.params?.at === 'key' ? positions?.keyAt(i.path) : undefined) ?? positions?.valueAt(i.path) ?? (value === undefined ? nearestParent(positions, i.path) : undefined);
    const field = i.path.length ? i.path.join('.') : undefined;
    let expected: string;
    let hint: { hint?: string } = {};
    // A missing value is "required" only for a type error; a rule's own message (a custom issue,
    // e.g. "true to accept threshold 1") says better what the field should be.
    if (value === undefined && i.path.length > 0 && i.code !== 'custom') {
      const name = String(i.path[i.path.length - 1]);
      const shape = shapeOf?.(i.path)?.example;
      expected = `"${name}" is required${shape ? `: ${shape}` : i.expected ? ` (${typeText(i.expected)})` : ''}`;
    } else {
      const shape = i.path.length ? shapeOf?.(i.path) : undefined;
      const inner = shapeOf && ((p: readonly PropertyKey[]) => shapeOf([...i.path, ...p]));
      expected = issueExpected(i, { found, ...(shape?.example ? { example: shape.example } : {}), ...(shape?.alternatives ? { alternatives: shape.alternatives } : {}), ...(inner ? { inner } : {}) });
      // A misspelt choice (`"ancov"`) gets the nearest allowed one, as an unknown key does.
      const choices = i.code === 'invalid_value' ? i.values : i.code === 'invalid_union' && i.discriminator !== undefined ? i.options : undefined;
      if (typeof found === 'string' && choices?.length && choices.every((c) => typeof c === 'string')) hint = nearMiss(found, choices.join(', '));
    }
    out.push({ file, ...(pos ? { line: pos.line, column: pos.column } : {}), ...(field !== undefined ? { field } : {}), ...(value !== undefined ? { value } : {}), expected, ...hint, ...hiddenDetail(found) });
  }
  // In the order the file is read (zod reports in its schema's order: "mcid" on line 5 came
  // before "alpha" on line 4); a problem with no place keeps its turn at the end. Stable sort,
  // by line and then column as a pair (a minified plan has columns past any fixed factor), and
  // before the cap, so the first MAX_PROBLEMS in the file are the ones reported.
  const byPlace = (a: Problem, b: Problem): number => {
    if (a.line === undefined || b.line === undefined) return (a.line === undefined ? 1 : 0) - (b.line === undefined ? 1 : 0);
    return a.line - b.line || (a.column ?? 0) - (b.column ?? 0);
  };
  return out.sort(byPlace).slice(0, MAX_PROBLEMS);
}

/**
 * Problems found after schema validation (cross-references such as an unknown outcome key),
 * given the line:column of their `field` (a dotted JSON path) when `json` was read from a file.
 */
export function locateProblems(json: unknown, problems: Problem[]): Problem[] {
  const positions = json !== null && typeof json === 'object' ? origins.get(json)?.positions : undefined;
  if (!positions) return problems.map(withHidden);
  return problems.map((p) => {
    if (p.line !== undefined || p.field === undefined) return withHidden(p);
    const path = p.field.split('.').map((k) => (/^\d+$/.test(k) ? Number(k) : k));
    const pos = positions.valueAt(path) ?? nearestParent(positions, path);
    return withHidden(pos ? { ...p, line: pos.line, column: pos.column } : p);
  });
}

/** A problem quoting a plan's text that holds an invisible character says so (`"rmdq\u200B"` prints as "rmdq"). */
function withHidden(p: Problem): Problem {
  return p.detail === undefined && p.value !== undefined ? { ...p, ...hiddenDetail(p.value) } : p;
}

/** Where the object that should have held a missing key starts. */
function nearestParent(positions: JsonPositions | undefined, path: readonly PropertyKey[]) {
  for (let k = path.length - 1; k >= 0 && positions; k--) {
    const p = positions.valueAt(path.slice(0, k));
    if (p) return p;
  }
  return undefined;
}

function knownKeys(shapeOf: ShapeHint | undefined, path: readonly PropertyKey[]): string | undefined {
  const keys = shapeOf?.(path)?.keys;
  return keys?.length ? keys.join(', ') : undefined;
}

/**
 * The known key an unknown one most likely means: one equal but for case first (`mcidsource`),
 * else the one nearest by edit distance, at most 2 (1 for a key of one or two letters, so `at`
 * does not suggest `time`); none when two are equally near.
 */
function nearMiss(key: string, known: string | undefined): { hint?: string } {
  if (!known) return {};
  const keys = known.split(', ');
  const lower = key.toLowerCase();
  const sameButCase = keys.find((k) => k.toLowerCase() === lower);
  if (sameButCase !== undefined) return { hint: `did you mean "${sameButCase}"?` };
  const limit = key.length <= 2 ? 2 : 3;
  let best: string[] = [];
  let bestDistance = limit;
  for (const k of keys) {
    const d = editDistance(k.toLowerCase(), lower);
    if (d >= limit) continue;
    if (d < bestDistance) {
      best = [k];
      bestDistance = d;
    } else if (d === bestDistance) best.push(k);
  }
  return best.length === 1 ? { hint: `did you mean "${best[0]}"?` } : {};
}

