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
  valueType?: z.ZodType;
  options?: z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}
const defOf = (s: z.ZodType): Def => (s as unknown as { _zod: { def: Def } })._zod.def;

/** Optional/default/nullable/pipe/lazy wrappers removed. */
function unwrap(s: z.ZodType): z.ZodType {
  for (let k = 0; k < 10; k++) {
    const d = defOf(s);
    const inner = d.innerType ?? (d.type === 'pipe' ? d.in : d.type === 'lazy' ? d.getter?.() : undefined);
    if (!inner) return s;
    s = inner;
  }
  return s;
}

/** The schemas a value may take: a union's (and an intersection's) parts, each unwrapped. */
function alternatives(s: z.ZodType, depth = 0): z.ZodType[] {
  const u = unwrap(s);
  const d = defOf(u);
  if (depth > 10) return [u];
  if (d.type === 'union') return (d.options ?? []).flatMap((o) => alternatives(o, depth + 1));
  if (d.type === 'intersection') return [d.left, d.right].flatMap((o) => (o ? alternatives(o, depth + 1) : []));
  return [u];
}

/**
 * The schemas that may hold the value at `path`, at any depth: through objects, lists, records
 * (`instruments.nrs_avg.label`: any key) and each part of a union, so every unknown key gets the
 * known keys of its own object.
 */
function at(schema: z.ZodType, path: readonly PropertyKey[]): z.ZodType[] {
  let here = alternatives(schema);
  for (const k of path) {
    here = here.flatMap((s): z.ZodType[] => {
      const d = defOf(s);
      const next = d.type === 'object' && typeof k === 'string' ? d.shape?.[k] : d.type === 'array' && typeof k === 'number' ? d.element : d.type === 'record' && typeof k === 'string' ? d.valueType : undefined;
      return next ? alternatives(next) : [];
    });
    if (!here.length) return [];
  }
  return here;
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
      // z.number().int(): its bounds read "a whole number of at least 1" (zod-issue-text.ts).
      return (unwrap(s) as unknown as { isInt?: boolean }).isInt ? 'a whole number' : 'a number';
    case 'boolean':
      return 'true or false';
    case 'enum':
      return `one of ${Object.values(d.entries ?? {}).map((v) => JSON.stringify(v)).join(', ')}`;
    default:
      return '';
  }
}

/** One form of a union, as a user reads it; undefined when it has no short sketch. */
function formOf(s: z.ZodType): string | undefined {
  const d = defOf(unwrap(s));
  if (d.type === 'literal') return ((d as unknown as { values?: unknown[] }).values ?? []).map((v) => JSON.stringify(v)).join(' or ') || undefined;
  if (d.type === 'null') return 'null';
  const text = sketch(s);
  if (!text) return undefined;
  return d.type === 'object' ? `an object ${text}` : d.type === 'array' ? 'a list [ … ]' : text;
}

/** The expected value at a path: an example to copy, and for an object all its keys (for near-miss hints). */
export function zodShapeHint(schema: z.ZodType): ShapeHint {
  return (path) => {
    const found = at(schema, path);
    if (!found.length) return undefined;
    // An example only for one shape (a union's would pick one part); the keys are every object part's.
    const objects = found.filter((s) => defOf(s).type === 'object');
    const example = (found.length === 1 && sketch(found[0]!)) || undefined;
    const keys = [...new Set(objects.flatMap((s) => Object.keys(defOf(s).shape ?? {})))];
    // Each form a union allows, for "a text in double quotes or an object { "en": … }".
    const forms = found.length > 1 ? [...new Set(found.map(formOf).filter((f): f is string => f !== undefined))] : [];
    return { ...(example ? { example } : {}), ...(objects.length ? { keys } : {}), ...(forms.length === found.length ? { alternatives: forms } : {}) };
  };
}
