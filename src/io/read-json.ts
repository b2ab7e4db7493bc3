/**
 * Reads a JSON file (plans, manifests) with the errors users need: a missing file is
 * `input.unreadable`, bad JSON `plan.invalid` with the parser's message. A BOM is tolerated.
 */
import { readFileSync } from 'node:fs';
import { HtaError, MAX_PROBLEMS, type Problem } from '../errors.js';

export function readJsonFile(file: string, what: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new HtaError('input.unreadable', `cannot read ${what} ${file}: the file does not exist or is not readable`);
  }
  try {
    return JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (err) {
    throw new HtaError('plan.invalid', `${file} is not valid JSON`, [{ file, expected: `JSON (${(err as Error).message})` }]);
  }
}

/** The value at a zod issue path, quoted for a Problem (undefined when absent). */
export function jsonValueAt(json: unknown, path: readonly PropertyKey[]): Problem['value'] {
  let v: unknown = json;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k];
  }
  return v === undefined ? undefined : JSON.stringify(v);
}

/** A schema's issues on `json` as Problems (the first MAX_PROBLEMS): the field path and the value found there. */
export function jsonProblems(json: unknown, issues: readonly { path: readonly PropertyKey[]; message: string }[], file: string): Problem[] {
  return issues.slice(0, MAX_PROBLEMS).map((i) => ({
    file,
    field: i.path.length ? i.path.join('.') : undefined,
    value: jsonValueAt(json, i.path),
    expected: i.message,
  }));
}
