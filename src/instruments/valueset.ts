/**
 * EQ-5D value sets as data: each lives in `data/valuesets/<id>.json` (shape documented in
 * `data/valuesets/README.md` and checked by `valueSetSchema`), so another country's set is a
 * data change, not a code change.
 *
 * Location at run time: resolved relative to this module via import.meta.url, two folders up
 * to the package root (src/instruments/ when run from sources, dist/instruments/ when
 * compiled), then data/valuesets/. package.json ships `data/` in `files`.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { HtaError } from '../errors.js';

export const EQ5D_DIMENSIONS = ['mo', 'sc', 'ua', 'pd', 'ad'] as const;
export type Eq5dDimension = (typeof EQ5D_DIMENSIONS)[number];

/** Levels per dimension for each EQ-5D version. */
export const EQ5D_LEVELS = { eq5d5l: 5, eq5d3l: 3 } as const;
export type Eq5dVersion = keyof typeof EQ5D_LEVELS;

const decrementsSchema = z
  .array(z.number().finite().nonnegative())
  .refine((d) => d[0] === 0, { message: 'level 1 must have decrement 0' });

export const valueSetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
    instrument: z.enum(['eq5d5l', 'eq5d3l']),
    country: z.string().regex(/^[A-Z]{2}$/),
    model: z.literal('additive'),
    constant: z.number().finite().nonnegative(),
    decrements: z.object({
      mo: decrementsSchema,
      sc: decrementsSchema,
      ua: decrementsSchema,
      pd: decrementsSchema,
      ad: decrementsSchema,
    }),
    citation: z.string().min(1),
    doi: z.string().optional(),
  })
  .strict()
  .superRefine((vs, ctx) => {
    const levels = EQ5D_LEVELS[vs.instrument];
    for (const dim of EQ5D_DIMENSIONS) {
      if (vs.decrements[dim].length !== levels) {
        ctx.addIssue({
          code: 'custom',
          path: ['decrements', dim],
          message: `${vs.instrument} needs ${levels} decrements (one per level), got ${vs.decrements[dim].length}`,
        });
      }
    }
  });

export type ValueSet = z.infer<typeof valueSetSchema>;

/** Folder holding the value-set files: <package root>/data/valuesets/. */
export const VALUE_SET_DIR = fileURLToPath(new URL('../../data/valuesets/', import.meta.url));

/**
 * The file value set `id` is read from: always this package's own (VALUE_SET_DIR), never a
 * `data/valuesets/` of the folder hta runs in or of a manifest's project (docs/manifest.md,
 * "EQ-5D value sets"). `hta report` records it as an input of the reports that score EQ-5D.
 */
export function valueSetFile(id: string): string {
  return `${VALUE_SET_DIR}${id}.json`;
}

// Cache: files are immutable package data, and scoring is called once per row.
const cache = new Map<string, ValueSet>();

/** Ids of the value sets shipped in data/valuesets/, sorted. */
export function listValueSets(): string[] {
  return readdirSync(VALUE_SET_DIR)
    .filter((f) => f.endsWith('.json'))
    .map((f) => f.slice(0, -'.json'.length))
    .sort();
}

/**
 * Reads and validates `data/valuesets/<id>.json`.
 * @throws HtaError('plan.invalid') for an unknown id or a file that breaks the schema.
 */
export function loadValueSet(id: string): ValueSet {
  const cached = cache.get(id);
  if (cached) return cached;
  // The id becomes a file name: allow only the id alphabet, never a path.
  if (!/^[a-z0-9]+(-[a-z0-9]+)*$/.test(id) || !listValueSets().includes(id)) {
    throw new HtaError(
      'plan.invalid',
      `unknown EQ-5D value set ${JSON.stringify(id)}; known: ${listValueSets().join(', ')}`,
    );
  }
  const file = valueSetFile(id);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    throw new HtaError('plan.invalid', `value set ${id}: cannot read ${file}: ${(err as Error).message}`);
  }
  const parsed = valueSetSchema.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`);
    throw new HtaError('plan.invalid', `value set ${id} (${file}) is invalid: ${issues.join('; ')}`);
  }
  if (parsed.data.id !== id) {
    throw new HtaError('plan.invalid', `value set file ${file} declares id ${JSON.stringify(parsed.data.id)}`);
  }
  cache.set(id, parsed.data);
  return parsed.data;
}

/**
 * EQ-5D index from the five dimension levels (order MO, SC, UA, PD, AD), additive model:
 *   index = 1 − c·[any level > 1] − Σ_d decrement_d[level_d]
 * e.g. Danish 5L (Jensen 2021) 11123 → 1 − 0.048 − 0.191 = 0.761.
 * @throws HtaError('input.invalid') when a level is not a whole number in 1..levels.
 */
export function indexFromLevels(levels: readonly number[], valueSet: ValueSet): number {
  const max = EQ5D_LEVELS[valueSet.instrument];
  if (levels.length !== EQ5D_DIMENSIONS.length) {
    throw new HtaError('input.invalid', `EQ-5D needs 5 levels (MO, SC, UA, PD, AD), got ${levels.length}`);
  }
  let decrement = 0;
  let anyProblem = false;
  EQ5D_DIMENSIONS.forEach((dim, i) => {
    const level = levels[i] as number;
    if (!Number.isInteger(level) || level < 1 || level > max) {
      throw new HtaError(
        'input.invalid',
        `EQ-5D ${dim.toUpperCase()} level must be a whole number 1-${max} for ${valueSet.instrument}, got ${level}`,
      );
    }
    if (level > 1) anyProblem = true;
    decrement += valueSet.decrements[dim][level - 1] as number;
  });
  return anyProblem ? 1 - valueSet.constant - decrement : 1;
}

/**
 * Lowest and highest index the value set can give: the best state is 11111 (= 1, because
 * decrements are non-negative); the worst takes each dimension's largest decrement, which is
 * level `levels` only when the set is monotone, so it is searched rather than assumed.
 * Computed through `indexFromLevels`, so the bound equals a score bit for bit.
 */
export function indexRange(valueSet: ValueSet): [number, number] {
  const worst = EQ5D_DIMENSIONS.map((dim) => {
    const d = valueSet.decrements[dim];
    let arg = 0;
    d.forEach((x, i) => {
      if (x > (d[arg] as number)) arg = i;
    });
    return arg + 1;
  });
  // All-zero decrements would make "worst" 11111; the constant still applies to any other state.
  const lowest = worst.every((l) => l === 1)
    ? Math.min(1, 1 - valueSet.constant)
    : indexFromLevels(worst, valueSet);
  return [lowest, 1];
}
