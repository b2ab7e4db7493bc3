/**
 * The report manifest (`data/reports.json`): which reports `hta report` builds. Every entry has
 * an id, a kind, and an output folder (relative to `--out`); the kind's own schema validates
 * the rest (for "trial": data file, plan file, extra Table 1 columns). Input paths are relative
 * to the manifest file, so the manifest and its data can move together.
 *
 *   { "reports": [ { "id": "selfback", "kind": "trial", "out": "selfback",
 *                    "data": "synthetic/selfback-trial.csv", "plan": "plans/selfback.plan.json",
 *                    "lang": "en", "characteristics": [{ "column": "age", "label": { "en": "Age (years)" } }] } ] }
 */
import { z } from 'zod';
import { HtaError } from '../errors.js';
import { jsonProblems, readJsonFile } from '../io/read-json.js';
import { zodShapeHint } from '../io/zod-shape.js';

export const manifestEntryBase = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -'),
    kind: z.string(),
    out: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9._/-]*$/, 'a relative folder name').refine((s) => !s.split('/').includes('..'), 'no ".." segments').describe('Output folder, relative to --out'),
    lang: z.enum(['en', 'da']).default('en'),
  })
  .loose();

export type ManifestEntry = z.infer<typeof manifestEntryBase>;

/** A text of a manifest entry (title, label) in English and, optionally, Danish. */
export const localizedText = z.object({ en: z.string(), da: z.string().optional() });

export const manifestSchema = z.object({ $schema: z.string().optional(), reports: z.array(manifestEntryBase).min(1) }).strict();

export function parseManifest(value: unknown, file: string): ManifestEntry[] {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) {
    throw new HtaError('input.invalid', `${file} is not a valid report manifest`, jsonProblems(value, parsed.error.issues, file, zodShapeHint(manifestSchema)));
  }
  const ids = new Set<string>();
  const outs = new Set<string>();
  for (const r of parsed.data.reports) {
    if (ids.has(r.id)) throw new HtaError('input.invalid', `${file}: report id "${r.id}" appears twice; ids must be unique`);
    if (outs.has(r.out)) throw new HtaError('input.invalid', `${file}: output folder "${r.out}" is used by two reports`);
    ids.add(r.id);
    outs.add(r.out);
  }
  return parsed.data.reports;
}

export function loadManifest(file: string): ManifestEntry[] {
  return parseManifest(readJsonFile(file, 'report manifest'), file);
}
