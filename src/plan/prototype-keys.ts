/**
 * A plan key `"__proto__"` where the plan maps names of the user's (`"timeLabels": { "__proto__":
 * "3m" }`, a margin's "shares", "columnCodes"): JSON reads it as an ordinary key, but the schema
 * reader (zod) leaves it out of every map it builds — assigned to a JavaScript object it would set
 * the object's prototype — so the entry was dropped without a word and the visit it mapped was then
 * refused as unknown. Refused here instead, at the key (docs/plan-trial.md#fields). A strict
 * object's own unknown-key refusal, which names the keys it knows, already covers the key there.
 */
import type { SchemaIssue } from '../io/zod-issue-text.js';

const KEY = '__proto__';

/** Where `json` holds an own `"__proto__"` key, as schema issues at the key; `known` are the issues the schema already raised. */
export function prototypeKeyIssues(json: unknown, known: readonly SchemaIssue[] = []): SchemaIssue[] {
  const refused = new Set(known.filter((i) => i.code === 'unrecognized_keys' && i.keys?.includes(KEY)).map((i) => i.path.join('.')));
  const out: SchemaIssue[] = [];
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      if (Object.hasOwn(value, KEY) && !refused.has(path.join('.'))) out.push({ code: 'custom', path: [...path, KEY], message: expected(path), params: { at: 'key' } });
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
    }
  };
  walk(json, []);
  return out;
}

function expected(path: readonly PropertyKey[]): string {
  const why = 'a key other than "__proto__": JavaScript reserves that name for an object\'s prototype, so hta cannot keep it as a key and would drop the entry without a word';
  // The one map keyed by an export's value that the export may really hold: said what to do.
  if (path.length === 1 && path[0] === 'timeLabels') return `${why} — an export's visit "__proto__" is read as the visit "__proto__" without an entry; to give it another label, rename it in a copy of the export`;
  return `${why} — rename it, and the value it names in the export`;
}
