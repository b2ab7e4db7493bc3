/**
 * Lists of a plan where an entry given twice means nothing the user can have wanted: a visit
 * analysed twice (`"timepoints": ["3m", "3m"]` doubled every row, and the report counted the
 * primary result as agreeing with itself), a method run twice, a covariate entered twice (every
 * ANCOVA then "not computed: singular design" without naming why). Each such list refuses a
 * repeat at the repeated entry's line:column (read-json.ts locates the issue's path), and its
 * JSON Schema says `uniqueItems` so an editor marks it too. docs/plan-trial.md "Each entry once".
 */
import type { z } from 'zod';
import { nfc } from './nfc.js';

/** Text and numbers are one entry when they read alike: `1` and `"1"` match the same export value. */
function sameKey(v: unknown): string {
  return typeof v === 'string' || typeof v === 'number' ? nfc(String(v)) : JSON.stringify(v);
}

export interface EachOnceOptions {
  /** What makes two entries the same (default: the entry itself, text and numbers alike). */
  keyOf?: (entry: never) => string | undefined;
  /** The field of an object entry the problem points at (e.g. "key"), when `keyOf` reads one. */
  field?: string;
  /** Why a repeat is refused, in brackets after "given twice", e.g. "each visit is analysed once". */
  why?: string;
}

export function eachOnce<T extends z.ZodArray<z.ZodType>>(list: T, options: EachOnceOptions = {}): T {
  const keyOf = (options.keyOf as ((e: unknown) => string | undefined) | undefined) ?? sameKey;
  const checked = list.superRefine((entries: unknown[], ctx) => {
    const first = new Map<string, number>();
    entries.forEach((entry, i) => {
      const key = keyOf(entry);
      if (key === undefined) return;
      const earlier = first.get(key);
      if (earlier === undefined) {
        first.set(key, i);
        return;
      }
      const what = options.field ? `each "${options.field}" once in the list` : 'each entry once';
      ctx.addIssue({
        code: 'custom',
        path: options.field ? [i, options.field] : [i],
        message: `${what}: given twice, as entries ${earlier + 1} and ${i + 1} of the list${options.why ? ` (${options.why})` : ''}; delete one`,
      });
    });
  }) as T;
  return options.keyOf ? checked : (checked.meta({ uniqueItems: true }) as T);
}
