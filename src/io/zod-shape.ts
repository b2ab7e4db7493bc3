/**
 * What a JSON schema expects at a path, in a form a user can copy: `{ "intervention": …,
 * "control": … }` for an object, `[ … ]` for a list. Used to say what a missing field should
 * look like instead of zod's "expected object, received undefined".
 */
import type { z } from 'zod';
import type { ShapeHint } from './read-json.js';

interface Def {
  type: string;
  innerType?: z.ZodType;
  in?: z.ZodType;
  element?: z.ZodType;
  shape?: Record<string, z.ZodType>;
  entries?: Record<string, string>;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Optional/default/pipe wrappers removed. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let k = 0; k < 10; k++) {
    const d = defOf(s);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : undefined);
    if (!inner) return s;
    s = inner;
  }
  return s;
}

function at(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = schema;
  for (const k of path) {
    if (!s) return undefined;
    const d = defOf(unwrap(s));
    if (d.type === 'object' && typeof k === 'string') s = d.shape?.[k];
    else if (d.type === 'array' && typeof k === 'number') s = d.element;
    else return undefined;
  }
  return s && unwrap(s);
}

function sketch(s: z.ZodType): string {
  const d = defOf(unwrap(s));
  switch (d.type) {
    case 'object': {
      const required = Object.entries(d.shape ?? {}).filter(([, v]) => !['optional', 'default', 'prefault'].includes(defOf(v).type));
      const keys = (required.length ? required : Object.entries(d.shape ?? {})).map(([k]) => `"${k}": …`);
      return `{ ${keys.join(', ')} }`;
    }
    case 'array':
      return '[ … ]';
    case 'string':
      return 'a text in double quotes';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return '';
  }
}

/** The expected value at a path: an example to copy, and for an object all its keys (for near-miss hints). */
export function zodShapeHint(schema: z.ZodType): ShapeHint {
  return (path) => {
    const s = at(schema, path);
    if (!s) return undefined;
    const d = defOf(s);
    const example = sketch(s) || undefined;
    return { ...(example ? { example } : {}), ...(d.type === 'object' ? { keys: Object.keys(d.shape ?? {}) } : {}) };
  };
}
