/**
 * The report manifest (`data/reports.json`): which reports `hta report` builds. Every entry has
 * an id, a kind, and an output folder (relative to `--out`); the kind's own schema validates
 * the rest (for "trial": data file, plan file, extra Table 1 columns). Input paths are relative
 * to the manifest file, so the manifest and its data can move together. Documented in
 * docs/manifest.md; JSON Schema: schemas/manifest.schema.json (`hta plan schema --manifest`).
 *
 *   { "reports": [ { "id": "selfback", "kind": "trial", "out": "selfback",
 *                    "data": "synthetic/selfback-trial.csv", "plan": "plans/selfback.plan.json",
 *                    "lang": "en", "characteristics": [{ "column": "age", "label": { "en": "Age (years)" } }] } ] }
 */
import { realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, posix, relative, resolve, sep } from 'node:path';
import { z } from 'zod';
import { HtaError, type Problem } from '../errors.js';
import { jsonProblems, locateProblems, readJsonFile, type ShapeHint } from '../io/read-json.js';
import type { InputOrigin } from '../io/input-files.js';
import { zodShapeHint } from '../io/zod-shape.js';
import { REPORT_KINDS } from './kinds/report-kinds.js';
import { BACKSLASH_RULE, OUT_RULE, windowsFolderProblem } from './manifest-path.js';

export const manifestEntryBase = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'lower-case letters, digits and -').describe('Report id, unique in the manifest (for --only)'),
    kind: z.string().describe('Report kind: trial, meta or uptake'),
    out: z
      .string()
      .refine((s) => !s.includes('\\'), { message: `${OUT_RULE}; ${BACKSLASH_RULE}`, abort: true })
      .regex(/^(\.\/)*[A-Za-z0-9][A-Za-z0-9._/-]*$/, OUT_RULE)
      .refine((s) => !s.split('/').includes('..'), 'a folder under --out: no ".." segments')
      .superRefine((s, ctx) => {
        const problem = windowsFolderProblem(s);
        if (problem) ctx.addIssue({ code: 'custom', message: `a folder name that works on every system: ${problem}` });
      })
      .describe('Output folder, relative to --out: ASCII letters, digits, ".", "_", "-", with "/" between folders (docs/manifest.md)'),
    lang: z.enum(['en', 'da']).default('en').describe('Language of the report (--lang overrides it)'),
  })
  .loose();

export type ManifestEntry = z.infer<typeof manifestEntryBase>;

/**
 * The folder an entry's `out` names, relative to `--out`, in one spelling: `r`, `r/` and `r/./`
 * are all `r`. Two entries are compared, and files keyed, by this.
 */
export function reportFolder(out: string): string {
  return posix.normalize(out).replace(/\/+$/, '');
}

/**
 * A report folder as a file system that ignores case and Unicode form would see it, with the
 * trailing dots Windows drops removed (such names are refused anyway, manifest-path.ts).
 */
function folderKey(folder: string): string {
  return folder.normalize('NFC').toLowerCase().split('/').map((s) => (s === '.' || s === '..' ? s : s.replace(/\.+$/, ''))).join('/');
}

/**
 * Refuses two entries whose folders under `outDir` are one folder on disk (or one inside the
 * other) although their names differ: `b` a symbolic link to `a`, or a link on the way. Each
 * folder is compared by the real path of its nearest existing ancestor plus the rest of its name,
 * and an existing one also by device and inode. Exit 2 naming both entries; nothing is written.
 */
export function refuseSharedFolders(entries: readonly ManifestEntry[], outDir: string, file: string): void {
  const places = entries.map((e) => {
    const path = resolve(outDir, reportFolder(e.out));
    let st: Stats | undefined;
    try {
      st = statSync(path);
    } catch {
      st = undefined;
    }
    return { real: realPathOf(path), st };
  });
  const problems: Problem[] = [];
  entries.forEach((e, j) => {
    const b = places[j]!;
    for (let i = 0; i < j; i++) {
      const a = places[i]!;
      const other = entries[i]!;
      const same = a.real === b.real || (a.st && b.st && a.st.dev === b.st.dev && a.st.ino === b.st.ino);
      const clash = same ? `the same folder as that of report "${other.id}" (reports.${i}.out ${JSON.stringify(other.out)}): ${join(outDir, e.out)} leads to ${a.real} through a symbolic link`
        : b.real.startsWith(a.real + sep) ? `a folder inside that of report "${other.id}" (reports.${i}.out ${JSON.stringify(other.out)}) through a symbolic link: ${join(outDir, e.out)} is ${b.real}`
        : a.real.startsWith(b.real + sep) ? `the folder that holds that of report "${other.id}" (reports.${i}.out ${JSON.stringify(other.out)}) through a symbolic link: ${join(outDir, other.out)} is ${a.real}`
        : undefined;
      if (clash) {
        problems.push({ file, field: `reports.${j}.out`, value: e.out, expected: `a folder of its own, used by one report only: this is ${clash} — the reports would write over each other's pages` });
        break;
      }
    }
  });
  // No `kind`: each clash names its own pair, so they are not grouped into one line.
  if (problems.length) throw new HtaError('input.invalid', `${file}: two reports write into one folder under ${outDir}`, problems);
}

/** The real path of `path`: that of its nearest existing ancestor, followed by the rest of its name. */
function realPathOf(path: string): string {
  const rest: string[] = [];
  let p = path;
  for (;;) {
    try {
      return join(realpathSync(p), ...rest.reverse());
    } catch {
      const up = dirname(p);
      if (up === p) return path;
      rest.push(basename(p));
      p = up;
    }
  }
}

export { localizedText } from './localized-text.js';

export const manifestSchema = z.object({ $schema: z.string().optional(), reports: z.array(manifestEntryBase).min(1) }).strict();

/** One entry of a kind: the common fields and the kind's own, nothing else (a misspelt field is an error). */
function entrySchemaOf(kind: string): z.ZodObject {
  const own = (REPORT_KINDS[kind]?.entrySchema ?? z.object({})) as z.ZodObject;
  return manifestEntryBase.extend({ kind: z.literal(kind).describe(`"${kind}"`) }).extend(own.shape).strict();
}

/** The whole manifest with every entry checked against its kind: what `hta plan check` and the JSON Schema use. */
export function fullManifestSchema() {
  const kinds = Object.keys(REPORT_KINDS);
  const entries = kinds.map(entrySchemaOf) as unknown as [z.ZodObject, z.ZodObject, ...z.ZodObject[]];
  return z
    .object({
      $schema: z.string().optional().describe('Path or URL of this JSON Schema, for editors'),
      reports: z.array(z.discriminatedUnion('kind', entries)).min(1).describe('The reports `hta report` builds, in order'),
    })
    .strict();
}

/** JSON Schema (draft 2020-12) of the manifest, for editors and `hta plan schema --manifest`. */
export function manifestJsonSchema(): unknown {
  return {
    ...(z.toJSONSchema(fullManifestSchema(), { io: 'input' }) as object),
    $id: 'https://hta.invalid/schemas/manifest.schema.json',
    title: 'hta report manifest',
  };
}

/**
 * The entries of a manifest, each checked against its kind's schema (every problem listed, with
 * its line in the file), with the common defaults filled in (`lang`).
 */
export function parseManifest(value: unknown, file: string): ManifestEntry[] {
  return checkManifest(value, file).reports as ManifestEntry[];
}

/** The manifest as `hta plan check` prints it: every entry with every default filled in. */
export function checkManifest(value: unknown, file: string): { $schema?: string; reports: Record<string, unknown>[] } {
  const parsed = manifestSchema.safeParse(value);
  if (!parsed.success) throw invalid(value, parsed.error.issues, file);
  const problems: Problem[] = [];
  const kinds = Object.keys(REPORT_KINDS);
  parsed.data.reports.forEach((r, i) => {
    if (!REPORT_KINDS[r.kind]) problems.push({ file, field: `reports.${i}.kind`, value: r.kind, expected: `a report kind (known kinds: ${kinds.join(', ')})` });
  });
  // At the line:column of the field, as the schema's own problems are (read-json.ts).
  if (problems.length) throw new HtaError('input.invalid', `${file} is not a valid report manifest`, locateProblems(value, problems));
  const full = fullManifestSchema().safeParse(value);
  if (!full.success) throw invalid(value, full.error.issues, file);
  const reports = full.data.reports as (ManifestEntry & Record<string, unknown>)[];
  const ids = new Set<string>();
  reports.forEach((r, i) => {
    if (ids.has(r.id)) problems.push({ file, field: `reports.${i}.id`, value: r.id, expected: 'an id used once in the manifest' });
    ids.add(r.id);
  });
  // One folder per report: "r" and "r/" are one folder, and a report's folder may not lie inside
  // another's (docs/manifest.md, docs/output-safety.md). Compared without case (and in one
  // Unicode form): on macOS and Windows "Uptake" and "uptake" are one folder, and a manifest
  // moves between machines.
  const folders = reports.map((r) => folderKey(reportFolder(r.out)));
  reports.forEach((r, j) => {
    for (let i = 0; i < j; i++) {
      const [a, b] = [folders[i] as string, folders[j] as string];
      const other = `report "${reports[i]?.id}" (reports.${i}.out ${JSON.stringify(reports[i]?.out)})`;
      const clash = a === b ? `the folder of ${other} too${reportFolder(r.out) === reportFolder(reports[i]?.out ?? '') ? '' : ' (folder names differing only in case are one folder on macOS and Windows)'}`
        : b.startsWith(`${a}/`) ? `inside the folder of ${other}`
        : a.startsWith(`${b}/`) ? `the folder that holds the folder of ${other}`
        : undefined;
      if (clash) {
        problems.push({ file, field: `reports.${j}.out`, value: r.out, expected: `a folder of its own, used by one report only: this is ${clash}`, kind: 'manifest.shared-folder' });
        break;
      }
    }
  });
  if (problems.length) throw new HtaError('input.invalid', `${file} is not a valid report manifest`, locateProblems(value, problems));
  return { ...(full.data.$schema !== undefined ? { $schema: full.data.$schema } : {}), reports };
}

type Issue = { path: readonly PropertyKey[]; message: string; code?: string; keys?: readonly string[] };

/**
 * Problems of a manifest, each at its line:column (read-json.ts): a missing field says what it
 * should look like, an unknown one lists the known keys of that place — of the manifest, of a
 * report of that kind, or of a part of it — with the nearest as a hint.
 */
function invalid(value: unknown, issues: readonly Issue[], file: string): HtaError {
  const top = zodShapeHint(manifestSchema);
  const shapeOf: ShapeHint = (path) => {
    if (path[0] !== 'reports' || typeof path[1] !== 'number') return top(path);
    const kind = (value as { reports?: { kind?: unknown }[] }).reports?.[path[1]]?.kind;
    const entry = typeof kind === 'string' && REPORT_KINDS[kind] ? entrySchemaOf(kind) : manifestEntryBase;
    return zodShapeHint(entry)(path.slice(2));
  };
  return new HtaError('input.invalid', `${file} is not a valid report manifest`, jsonProblems(value, issues, file, shapeOf));
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
 * `from`: the plan field that named the path (a trial plan's target sample, a CEA plan's unit
 * costs), so that a refusal names that file, field, line:column and value as written.
 */
export function manifestInput(manifestFile: string, entryId: string, path: string, allowOutside = false, from?: InputOrigin): string {
  const folder = dirname(manifestFile);
  const target = isAbsolute(path) ? path : join(folder, path);
  if (allowOutside) return target;
  const where = folderWords(manifestFile);
  const refuse = (why: string) => {
    if (from === undefined) {
      return new HtaError('input.invalid', `${manifestFile}: report "${entryId}" names an input outside the manifest's folder`, [
        { file: manifestFile, field: entryId, value: path, expected: `a path relative to the manifest's folder (${where}) that stays inside it; ${why} — or pass --allow-outside to read it anyway`, kind: 'manifest.outside' },
      ]);
    }
    const problem: Problem = { file: from.file, field: from.field, value: from.value, expected: `a file inside the manifest's folder (${where}), as every input of report "${entryId}" of ${manifestFile} must be; ${why} — or pass --allow-outside to read it anyway`, kind: 'manifest.outside' };
    let located = [problem];
    try {
      // The plan was read already; read again only for the value's line and column.
      located = locateProblems(readJsonFile(from.file, 'plan'), located);
    } catch {
      // Unreadable now: the problem without a position.
    }
    return new HtaError('input.invalid', `${manifestFile}: report "${entryId}": ${from.file} names a file outside the manifest's folder`, located);
  };
  const why = outsideReason(folder, path, target, from === undefined ? 'manifest' : 'plan');
  if (why !== undefined) throw refuse(why);
  return target;
}

const folderWords = (manifestFile: string) => (dirname(manifestFile) === '.' ? 'the current folder' : dirname(manifestFile));

const inside = (root: string, p: string) => {
  const rel = relative(root, p);
  return rel !== '' && rel !== '..' && !rel.startsWith('..' + sep) && !isAbsolute(rel);
};

/** Why `path` (as written; `target` as read) lies outside `folder`, or undefined when it does not. */
function outsideReason(folder: string, path: string, target: string, writtenIn: 'manifest' | 'plan'): string | undefined {
  if (isAbsolute(path)) return `an absolute path is not read, even one inside that folder: write it relative to the ${writtenIn}`;
  if (!inside(resolve(folder), resolve(target))) return writtenIn === 'manifest' ? 'this one leads out of it with ".."' : `this one leads out of it with ".." (it is ${path} from the manifest's folder)`;
  let real: string | undefined;
  try {
    real = realpathSync(target);
  } catch {
    return undefined; // missing: reading it gives the usual "does not exist" error
  }
  return inside(realpathSync(folder), real) ? undefined : 'this one leads out of it through a symbolic link';
}

/**
 * The fields of a manifest entry that name input files (docs/manifest.md). manifestInput checks
 * every path as a report reads it; these are checked all at once before any report is built.
 */
const INPUT_FIELDS = ['data', 'plan', 'registry', 'eligible', 'previous'];

/**
 * Refuses, before any work, every input the entries name that lies outside the manifest's folder
 * (without --allow-outside), each with its line:column in the manifest, as plan errors are: not
 * only the first one a report happens to read.
 */
export function refuseInputsOutside(manifestFile: string, entries: readonly ManifestEntry[]): void {
  const folder = dirname(manifestFile);
  let json: unknown;
  try {
    json = readJsonFile(manifestFile, 'report manifest');
  } catch {
    // Read a moment ago; unreadable now: the problems without positions.
  }
  const reports = (json as { reports?: unknown } | undefined)?.reports;
  const problems: Problem[] = [];
  for (const entry of entries) {
    const index = Array.isArray(reports) ? reports.findIndex((r) => (r as { id?: unknown } | null)?.id === entry.id) : -1;
    const record = entry as unknown as Record<string, unknown>;
    for (const field of INPUT_FIELDS) {
      const value = record[field];
      const paths = typeof value === 'string' ? [[value, field]] : Array.isArray(value) ? value.flatMap((v, j) => (typeof v === 'string' ? [[v, `${field}.${j}`]] : [])) : [];
      for (const [path, key] of paths as [string, string][]) {
        const why = outsideReason(folder, path, isAbsolute(path) ? path : join(folder, path), 'manifest');
        if (why === undefined) continue;
        problems.push({
          file: manifestFile,
          field: index >= 0 ? `reports.${index}.${key}` : `${entry.id}.${key}`,
          value: path,
          expected: `a path relative to the manifest's folder (${folderWords(manifestFile)}) that stays inside it; ${why} — or pass --allow-outside to read it anyway`,
          // No grouping kind: each input is its own line, with its own line:column.
        });
      }
    }
  }
  if (problems.length === 0) return;
  // In the manifest's order (line, then column), as a reader meets them.
  const located = (json === undefined ? problems : locateProblems(json, problems)).sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0));
  throw new HtaError('input.invalid', `${manifestFile}: ${problems.length} input(s) outside the manifest's folder`, located);
}
