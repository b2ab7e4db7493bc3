/**
 * Several output files written into one folder (`hta uptake --csv-dir`, `hta cea --out-dir`):
 * all at once (write-atomic.ts), with an index (`.hta-files.json`, output-index.ts) of what hta
 * wrote. A file is overwritten only if it is absent or listed in the index and unchanged since;
 * anything else with one of the names — a file of the user's, or one of hta's edited by hand —
 * stops the run with exit 2 naming it, unless `--force`. Nothing is ever removed
 * (docs/output-safety.md).
 */
import { join } from 'node:path';
import { HtaError } from '../errors.js';
import { damagedIndexMessage, type FileStanding, fileStanding, type OutputIndex, outputIndexText, ownHashes, readOutputIndex, readRegular, removeInterruptedIndexes, sha256 } from './output-index.js';
import { FOLDER_INDEX } from './index-names.js';
import { gitattributesAdvice } from './line-endings.js';
import { type AtomicSink, writeFilesAtomic } from './write-atomic.js';

export { FOLDER_INDEX };

/**
 * Every file a run may write into the folder, for the input/output guard: `names` and the index,
 * which is an output too (`--excluded-out D/.hta-files.json` with `--csv-dir D` is one file).
 */
export const folderOutputNames = (names: readonly string[]): string[] => [...names, FOLDER_INDEX];
const ABOUT = 'Files hta wrote in this folder, with their SHA-256. It writes over a file here only if it is listed and unchanged; see docs/output-safety.md in hta.';

export interface FolderOutput {
  /** The folder as the user gave it. */
  dir: string;
  /** The option that named it, for messages: `--csv-dir`. */
  option: string;
  force: boolean;
}

/** The folder's index and each name's standing in it: read and hashed once per run. */
function survey(out: FolderOutput, names: readonly string[]): { index: OutputIndex; standing: Map<string, FileStanding> } {
  const index = readOutputIndex(out.dir, FOLDER_INDEX);
  return { index, standing: new Map(names.map((name) => [name, fileStanding(out.dir, name, index)])) };
}

/** Refuses (exit 2) when any name of the survey is a file in the folder that hta may not overwrite (never with --force). */
function refuseConflicts(out: FolderOutput, { index, standing }: ReturnType<typeof survey>): void {
  if (out.force) return;
  const found: string[] = [];
  // A damaged index of hta's (empty, a merge conflict): what to do, rather than "not hta's".
  if (index.damaged !== undefined) throw new HtaError('output.failed', `${damagedIndexMessage(join(out.dir, FOLDER_INDEX), `${out.option} ${out.dir}`, index.damaged, 'add --force')}; nothing was written`);
  if (index.foreign) found.push(`${join(out.dir, FOLDER_INDEX)} (not an index hta wrote)`);
  for (const [name, st] of standing) {
    if (st === 'foreign') found.push(`${join(out.dir, name)} (hta did not write it)`);
    else if (st === 'edited') found.push(`${join(out.dir, name)} (edited since hta wrote it)`);
    else if (st === 'line-endings') found.push(`${join(out.dir, name)} (differs only in line endings from what hta wrote: git core.autocrlf? ${gitattributesAdvice(out.dir)})`);
  }
  if (found.length === 0) return;
  throw new HtaError('output.failed', `refusing to write over ${found.length} file(s) in ${out.option} ${out.dir}: ${found.join(', ')} — move your copies away, or add --force to replace them`);
}

/** Refuses (exit 2) when any of `names` is a file in the folder that hta may not overwrite. */
export function checkFolderOutputs(out: FolderOutput, names: readonly string[]): void {
  refuseConflicts(out, survey(out, names));
}

/**
 * Writes `files` (name → content) into the folder, with its index; see the module comment.
 * `alongside`: outputs of the run outside the folder, put in place only after its files;
 * `settle`: the files are the run's last work (write-atomic.ts WriteOptions.settle).
 */
export async function writeFolderFiles(out: FolderOutput, files: ReadonlyMap<string, string | Uint8Array>, alongside: readonly AtomicSink[] = [], options: { settle?: boolean } = {}): Promise<void> {
  const found = survey(out, [...files.keys()]);
  refuseConflicts(out, found);
  const { index, standing } = found;
  const indexPath = join(out.dir, FOLDER_INDEX);
  // Only what was just found to be hta's own (or everything, with --force) may be replaced; a file
  // that appears meanwhile is still refused when the files are put in place.
  const replace = new Set<string>(index.present ? [indexPath] : []);
  for (const name of files.keys()) {
    if (out.force || standing.get(name) === 'unchanged') replace.add(join(out.dir, name));
  }
  // Files written before and not this time stay listed: they are still hta's. So does one that a
  // run killed midway had put in place (its index was not: output-index.ts `interrupted`), with the
  // bytes it has.
  const listed = new Map(index.foreign ? [] : index.files);
  for (const name of index.interrupted.keys()) {
    if (files.has(name) || listed.has(name)) continue;
    const current = readRegular(join(out.dir, name));
    if (current === undefined) continue;
    const hash = sha256(current);
    if (ownHashes(index, name).includes(hash)) listed.set(name, hash);
  }
  for (const [name, content] of files) listed.set(name, sha256(content));
  const all = new Map([...files].map(([name, content]) => [join(out.dir, name), content] as const));
  all.set(indexPath, outputIndexText(listed, ABOUT));
  await writeFilesAtomic(all, { replace, alongside, ...(options.settle ? { settle: true } : {}) });
  // The folder now matches its index: what killed runs left of theirs goes (docs/output-safety.md#kill-9).
  removeInterruptedIndexes(out.dir, FOLDER_INDEX);
}
