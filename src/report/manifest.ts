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
import { realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
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

/**
 * An entry's input path as a path to read: relative to the manifest's folder, and confined to
 * it. A manifest is data, possibly from someone else: `"data": "../../../etc/passwd"` or an
 * absolute path must not make `hta report` read (and quote in an error) files outside its
 * folder. A symbolic link inside the folder that points outside counts as outside.
 * `allowOutside` (the `--allow-outside` flag, given on the command line by the user) lifts this.
 */
export function manifestInput(manifestFile: string, entryId: string, path: string, allowOutside = false): string {
  const folder = dirname(manifestFile);
  const target = isAbsolute(path) ? path : join(folder, path);
  if (allowOutside) return target;
  const refuse = (why: string) =>
    new HtaError('input.invalid', `${manifestFile}: report "${entryId}" names an input outside the manifest's folder`, [
      { file: manifestFile, field: entryId, value: path, expected: `a path inside ${folder === '.' ? 'the current folder' : folder} (${why}); pass --allow-outside to read it anyway`, kind: 'manifest.outside' },
    ]);
  if (isAbsolute(path)) throw refuse('an absolute path');
  const inside = (root: string, p: string) => {
    const rel = relative(root, p);
    return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
  };
  if (!inside(resolve(folder), resolve(target))) throw refuse('".." leads out of it');
  let real: string | undefined;
  try {
    real = realpathSync(target);
  } catch {
    return target; // missing: reading it gives the usual "does not exist" error
  }
  if (!inside(realpathSync(folder), real)) throw refuse('a link that leads out of it');
  return target;
}
