/**
 * An uptake entry's `previous` that names a file in a report folder of its own manifest (another
 * entry's results.json, or its own): refused before any work, saying what to do instead. Such a
 * file is no earlier publication: `hta report` rewrites it on every run, and on a first build it
 * does not exist yet. The generic refusal of an input inside a report folder
 * (cli/guard-output.ts) said only "choose another output folder or move the input", and a file
 * not there yet read as "the file does not exist" (docs/disclosure-control.md "Two reports of one
 * registry in one manifest").
 */
import { dirname, isAbsolute, join, resolve, sep } from 'node:path';
import { HtaError } from '../errors.js';
import { locateProblems, readJsonFile } from '../io/read-json.js';
import { sameFile } from '../io/same-file.js';
import { reportFolder, type ManifestEntry } from './manifest.js';

/** Refuses the first uptake `previous` of `entries` inside a report folder of the manifest's `all` (under `outDir`). */
export function refusePreviousInReportFolder(manifestFile: string, entries: readonly ManifestEntry[], all: readonly ManifestEntry[], outDir: string): void {
  const base = dirname(manifestFile);
  const at = (p: string) => resolve(isAbsolute(p) ? p : join(base, p));
  const folders = all.map((e) => ({ entry: e, dir: resolve(outDir, reportFolder(e.out)) }));
  for (const entry of entries) {
    const index = all.indexOf(entry);
    const record = entry as unknown as Record<string, unknown>;
    if (entry.kind !== 'uptake') continue;
    const value = record.previous;
    const named = typeof value === 'string' ? [[value, 'previous']] : Array.isArray(value) ? value.flatMap((v, j) => (typeof v === 'string' ? [[v, `previous.${j}`]] : [])) : [];
    for (const [path, key] of named as [string, string][]) {
      const file = at(path);
      const owner = folders.find((f) => file === f.dir || file.startsWith(f.dir + sep));
      if (!owner) continue;
      const other = owner.entry as unknown as Record<string, unknown>;
      const itself = owner.entry === entry;
      const sameRegistry = !itself && typeof other.registry === 'string' && typeof record.registry === 'string' && (at(other.registry) === at(record.registry) || sameFile(at(other.registry), at(record.registry)) !== undefined);
      const where = itself ? 'its own report folder' : `the folder of report "${owner.entry.id}" (${join(outDir, reportFolder(owner.entry.out))})`;
      const copy = `copy the published results.json out of the report folders (e.g. to published/<its export date>/results.json beside the manifest) and name that copy`;
      const todo = itself
        ? `to protect this report against its last publication, ${copy} before the next build`
        : sameRegistry
          ? `both read the same registry, so remove "previous": the uptake reports of one registry in a manifest are protected against each other without it, each against those before it (list an earlier export first)`
          : `report "${owner.entry.id}" reads another registry file: if it is an earlier extract of this registry, build it, ${copy}; if it is another registry, remove "previous"`;
      let json: unknown;
      try {
        json = readJsonFile(manifestFile, 'report manifest');
      } catch {
        // Read a moment ago; unreadable now: the problem without its position.
      }
      const problem = { file: manifestFile, field: `reports.${index}.${key}`, value: path, expected: `an earlier publication kept outside the report folders; ${todo}` };
      throw new HtaError('usage.invalid', `report "${entry.id}" names as "previous" a file in ${where}, which hta report rewrites on every run: that is no earlier publication`, json === undefined ? [problem] : locateProblems(json, [problem]));
    }
  }
}
