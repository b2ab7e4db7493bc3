/**
 * The EQ-5D value sets a report reads, as inputs: a trial plan names a set by id (an outcome's
 * `valueSet`, else its version's default), and the set is read from hta's own `data/valuesets/`
 * (instruments/valueset.ts `valueSetFile`). `hta report` records each set's SHA-256 in the report
 * folder's index beside the plan's, so that `--check` names an edited value set as the input that
 * changed, and says on stderr when a `valuesets/` folder beside the manifest (a fork of hta's
 * repository) holds another version of a set than the one read (docs/manifest.md, "EQ-5D value sets").
 */
import { readFileSync, realpathSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DEFAULT_VALUE_SET } from '../instruments/eq5d.js';
import { valueSetFile } from '../instruments/valueset.js';

/** A value set id as valueset.ts accepts one (never a path). */
const ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/**
 * The ids of the value sets a trial plan's EQ-5D outcomes are scored with (`valueSet`, else the
 * version's default: an index column without items still takes its range and MCID from the set),
 * each once, sorted. None for JSON that is no plan; an id that is no id is the plan reader's to refuse.
 */
export function planValueSetIds(plan: unknown): string[] {
  const outcomes = plan !== null && typeof plan === 'object' ? (plan as { outcomes?: unknown }).outcomes : undefined;
  if (!Array.isArray(outcomes)) return [];
  const ids = new Set<string>();
  for (const o of outcomes) {
    if (o === null || typeof o !== 'object') continue;
    const { instrument, valueSet } = o as { instrument?: unknown; valueSet?: unknown };
    if (instrument !== 'eq5d5l' && instrument !== 'eq5d3l') continue;
    const id = valueSet === undefined ? DEFAULT_VALUE_SET[instrument] : valueSet;
    if (typeof id === 'string' && ID.test(id)) ids.add(id);
  }
  return [...ids].sort();
}

/**
 * A file of value set `id` in a `valuesets/` or `data/valuesets/` folder of the manifest's folder
 * that is not the file hta reads and has other bytes: the set a fork of hta's repository edited,
 * which an installed hta does not read. Undefined when there is none, or it is the same.
 */
export function otherValueSetBesideManifest(manifest: string, id: string): string | undefined {
  const read = valueSetFile(id);
  const folder = dirname(manifest);
  for (const candidate of [join(folder, 'valuesets', `${id}.json`), join(folder, 'data', 'valuesets', `${id}.json`)]) {
    try {
      if (!statSync(candidate).isFile() || realpathSync(candidate) === realpathSync(read)) continue;
      if (!readFileSync(candidate).equals(readFileSync(read))) return candidate;
    } catch {
      // Not there, or unreadable: nothing to say about it.
    }
  }
  return undefined;
}
