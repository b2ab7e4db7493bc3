/**
 * A plan's maps keyed by the user's names — "timeLabels", "columns.covariates", "covariateTypes",
 * "covariateRanges", "columnCodes", "instruments", a margin's "shares", a subgroup's "levelLabels"
 * … every `z.record` of the schema — made objects without a prototype once the plan is read. A
 * lookup `plan.columns.covariates[name]` of a name the map lacks then finds nothing, as it should,
 * instead of what Object.prototype holds under it: a covariate named "constructor" found Object's
 * constructor function as its column and `hta validate` ended in an internal error
 * (docs/output-safety.md#user-text-as-keys). One place for every map and every reader of the plan,
 * so no lookup has to remember `ownValue` (src/own-value.ts, still used for other records).
 */
import type { z } from 'zod';

interface Def {
  type: string;
  shape?: Record<string, z.ZodType>;
  innerType?: z.ZodType;
  in?: z.ZodType;
  out?: z.ZodType;
  element?: z.ZodType;
  valueType?: z.ZodType;
  options?: readonly z.ZodType[];
  left?: z.ZodType;
  right?: z.ZodType;
  getter?: () => z.ZodType;
}

const defOf = (schema: z.ZodType): Def => (schema as unknown as { _zod: { def: Def } })._zod.def;

const isPlainObject = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** `value` (what `schema` parsed) with every record in it copied into an object without a prototype. */
export function ownKeyRecords<T>(schema: z.ZodType, value: T): T {
  return walk(schema, value, 0) as T;
}

function walk(schema: z.ZodType, value: unknown, depth: number): unknown {
  // A plan is at most 64 levels deep (read-json.ts); a recursive schema stops here.
  if (depth > 64 || value === null || typeof value !== 'object') return value;
  const d = defOf(schema);
  switch (d.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'nonoptional':
    case 'catch':
      return walk(d.innerType!, value, depth + 1);
    case 'pipe':
      return walk(d.out!, value, depth + 1);
    case 'lazy':
      return walk(d.getter!(), value, depth + 1);
    case 'array':
      return Array.isArray(value) ? value.map((v) => walk(d.element!, v, depth + 1)) : value;
    case 'record': {
      if (!isPlainObject(value)) return value;
      const out = Object.create(null) as Record<string, unknown>;
      for (const [k, v] of Object.entries(value)) out[k] = walk(d.valueType!, v, depth + 1);
      return out;
    }
    case 'object': {
      if (!isPlainObject(value)) return value;
      const out: Record<string, unknown> = { ...value };
      for (const [k, s] of Object.entries(d.shape!)) if (Object.hasOwn(value, k)) out[k] = walk(s, value[k], depth + 1);
      return out;
    }
    case 'union': {
      // The option that parsed the value is not recorded: each object-shaped option is applied in
      // turn (a field holds a record in one option only, or in each alike).
      let out: unknown = value;
      for (const o of d.options!) out = walk(o, out, depth + 1);
      return out;
    }
    case 'intersection':
      return walk(d.right!, walk(d.left!, value, depth + 1), depth + 1);
    default:
      return value;
  }
}
