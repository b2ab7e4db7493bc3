/**
 * The index hta keeps in a folder it writes several files into (`hta report`'s `.hta-report.json`,
 * `.hta-files.json` of `--csv-dir` and `--out-dir`): the name of every file it wrote there, with
 * the SHA-256 of what it wrote. A later run overwrites (or, for reports, removes) a file only when
 * the index lists it and its content is unchanged since, so a file of the user's with one of hta's
 * names, or one of hta's files edited by hand, is never lost (docs/output-safety.md).
 */
import { createHash } from 'node:crypto';
import { lstatSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FOLDER_INDEX, REPORT_INDEX } from './index-names.js';
import { shellWord } from './shell-word.js';
import { deadRunLeftovers, removeIndexLeftovers } from './stale-staging.js';

export const sha256 = (content: string | Uint8Array): string => createHash('sha256').update(content).digest('hex');

export interface OutputIndex {
  /** File name (relative to the folder, forward slashes) → SHA-256 of what hta wrote. */
  files: Map<string, string>;
  /**
   * `hta report`'s index only: each input the report was made from (as the manifest's folder names
   * it) → its SHA-256 then; empty for an index without them (an older hta's).
   */
  inputs: Map<string, string>;
  /** An index file is there. */
  present: boolean;
  /** It is there but is not an index hta wrote (not JSON with "files"): replaced only with --force. */
  foreign: boolean;
  /**
   * File name → the SHA-256 that the indexes an hta run killed midway (`kill -9`) left in the
   * folder record for it: the index it had staged and not yet put in place, and its set-aside copy
   * of the index it was replacing (stale-staging.ts `deadRunLeftovers`). Such a run puts the index
   * and the files in place one rename at a time, so the folder may hold the new index beside pages
   * it had not yet replaced, or new pages beside the old index: a file with one of these SHA-256 is
   * as much hta's own, unchanged, as one the index lists (docs/output-safety.md#kill-9).
   */
  interrupted: Map<string, Set<string>>;
  /**
   * Why a foreign index looks like hta's own, damaged: empty, or holding git merge-conflict
   * markers (two branches that both regenerated a report). Then hta cannot tell which files in
   * the folder are its own, and says so instead of calling the index a file it did not write.
   */
  damaged?: string;
}

/** `it is empty`, `it holds git merge-conflict markers (line 4: <<<<<<< HEAD)`, or undefined. */
export function indexDamage(text: string): string | undefined {
  if (text.trim() === '') return 'it is empty';
  const lines = text.split(/\r?\n/);
  const at = lines.findIndex((l) => /^(<{7}|={7}|>{7}|\|{7})( |$)/.test(l));
  if (at < 0) return undefined;
  const line = lines[at]!.length > 60 ? `${lines[at]!.slice(0, 60)}…` : lines[at]!;
  return `it holds git merge-conflict markers (line ${at + 1}: ${line})`;
}

/** The content of a regular file (never through a symbolic link), or undefined. */
export function readRegular(path: string): Buffer | undefined {
  try {
    return lstatSync(path).isFile() ? readFileSync(path) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Whether `current` is what hta wrote (`listed`, its SHA-256) but for CRLF line ends: git with
 * core.autocrlf (Git for Windows' default) converts text files it checks out, so an untouched
 * committed page differs from its index in line endings only (docs/output-safety.md).
 */
export function differsInLineEndingsOnly(current: Uint8Array, listed: string): boolean {
  const text = Buffer.from(current);
  if (!text.includes('\r\n')) return false;
  // Byte for byte (latin1 maps each byte to one character and back), whatever the encoding.
  return sha256(Buffer.from(text.toString('latin1').replaceAll('\r\n', '\n'), 'latin1')) === listed;
}

/**
 * The message for a damaged index (`damaged` from readOutputIndex) at `indexPath` in `folder`;
 * `force` says how to regenerate with --force (`hta report … --force`, `add --force`).
 */
export function damagedIndexMessage(indexPath: string, folder: string, damaged: string, force: string): string {
  const conflict = damaged.includes('merge-conflict');
  const mend = conflict
    ? `keep one side of the merge conflict (\`git checkout --ours -- ${shellWord(indexPath)}\`, or --theirs) and run hta again (files of the other side then show as edited)`
    : `restore it (\`git checkout -- ${shellWord(indexPath)}\`) and run hta again`;
  return `${indexPath}, hta's index of the files it wrote in ${folder}, is unreadable${conflict ? ' (merge conflict?)' : ''}: ${damaged}, so hta cannot tell which files there are its own — ${mend}; or ${force}, which replaces every file hta writes there (hand edits included)`;
}

/** The files and inputs of an index's text, or undefined when it is not an index hta wrote (not JSON with "files"). */
function parseIndex(text: Buffer): { files: Map<string, string>; inputs: Map<string, string> } | undefined {
  try {
    const json = JSON.parse(text.toString('utf8')) as { files?: unknown; inputs?: unknown };
    const files = json.files;
    if (files === null || typeof files !== 'object' || Array.isArray(files)) return undefined;
    const entries = Object.entries(files).filter((e): e is [string, string] => typeof e[1] === 'string' && !e[0].split('/').includes('..'));
    // Only read to say which input changed (never to decide what to write or remove).
    const inputs = json.inputs;
    const inputEntries = inputs !== null && typeof inputs === 'object' && !Array.isArray(inputs) ? Object.entries(inputs).filter((e): e is [string, string] => typeof e[1] === 'string') : [];
    return { files: new Map(entries), inputs: new Map(inputEntries) };
  } catch {
    return undefined;
  }
}

/** Whether `text` is an index hta wrote: a killed run's set-aside copy of one is no file of the user's. */
export const isOutputIndex = (text: Buffer): boolean => parseIndex(text) !== undefined;

/** The SHA-256 each file has in the indexes of `indexName` that killed runs left in `folder` (OutputIndex.interrupted). */
function interruptedIndexes(folder: string, indexName: string): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  for (const file of deadRunLeftovers(folder, indexName)) {
    const text = readRegular(file);
    // A staging file cut short by the kill is no index (JSON cut short does not parse): that run
    // had put nothing in place yet.
    const parsed = text === undefined ? undefined : parseIndex(text);
    for (const [name, hash] of parsed?.files ?? []) out.set(name, new Set([...(out.get(name) ?? []), hash]));
  }
  return out;
}

/** The index `indexName` of `folder`; an empty one when there is none. */
export function readOutputIndex(folder: string, indexName: string): OutputIndex {
  const interrupted = interruptedIndexes(folder, indexName);
  const text = readRegular(join(folder, indexName));
  if (text === undefined) return { files: new Map(), inputs: new Map(), present: false, foreign: false, interrupted };
  const parsed = parseIndex(text);
  if (parsed !== undefined) return { ...parsed, present: true, foreign: false, interrupted };
  const damaged = indexDamage(text.toString('utf8'));
  return { files: new Map(), inputs: new Map(), present: true, foreign: true, interrupted, ...(damaged ? { damaged } : {}) };
}

/** Every SHA-256 hta recorded for `name` in the folder: its index's, then those of indexes a killed run left (OutputIndex.interrupted). */
export function ownHashes(index: OutputIndex, name: string): string[] {
  const listed = index.files.get(name);
  return [...new Set([...(listed === undefined ? [] : [listed]), ...(index.interrupted.get(name) ?? [])])];
}

/**
 * Whether bytes are a version of `name` that hta wrote in `folder`, by the folder's index (of
 * `hta report` or of `--csv-dir`/`--out-dir`) and those a killed run left: a set-aside copy of
 * such bytes is no one's edit (stale-staging.ts `removeStaleStaging`). Read on the first call only.
 */
export function wroteThere(folder: string, name: string): (bytes: Uint8Array) => boolean {
  let hashes: Set<string> | undefined;
  return (bytes) => {
    hashes ??= new Set([REPORT_INDEX, FOLDER_INDEX].flatMap((indexName) => ownHashes(readOutputIndex(folder, indexName), name)));
    return hashes.has(sha256(bytes));
  };
}

/**
 * Once a run has put every file it writes in `folder` in place, its index `indexName` among them
 * (or found them up to date): the index leftovers of killed runs are no longer needed to tell
 * hta's files from the user's, and go (stale-staging.ts `removeIndexLeftovers`).
 */
export function removeInterruptedIndexes(folder: string, indexName: string): void {
  removeIndexLeftovers(folder, indexName, isOutputIndex);
}

/**
 * The index's text: `about` (what wrote the folder and what that means), then the files, sorted by
 * name, and for `hta report` the inputs the folder's report was made from, sorted too.
 */
export function outputIndexText(files: ReadonlyMap<string, string>, about: string, inputs?: ReadonlyMap<string, string>): string {
  const sorted = (m: ReadonlyMap<string, string>) => Object.fromEntries([...m].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return JSON.stringify({ about, files: sorted(files), ...(inputs && inputs.size > 0 ? { inputs: sorted(inputs) } : {}) }, null, 2) + '\n';
}

/**
 * What a file hta is about to write in `folder` is now: absent; hta's and unchanged since
 * (`unchanged`, may be overwritten); hta's but changed since (`edited`), or changed in CRLF line
 * ends only (`line-endings`: git core.autocrlf, no one's edit, but not overwritten either); or not
 * hta's (`foreign`).
 */
export type FileStanding = 'absent' | 'unchanged' | 'edited' | 'line-endings' | 'foreign';

export function fileStanding(folder: string, name: string, index: OutputIndex): FileStanding {
  const path = join(folder, name);
  let exists = false;
  try {
    lstatSync(path);
    exists = true;
  } catch {
    // Absent (or unreachable: the write reports why).
  }
  if (!exists) return 'absent';
  // The index's SHA-256, or one of a killed run's (OutputIndex.interrupted): hta's own either way.
  const own = ownHashes(index, name);
  if (own.length === 0) return 'foreign';
  const current = readRegular(path);
  if (current === undefined) return 'edited';
  return own.includes(sha256(current)) ? 'unchanged' : own.some((h) => differsInLineEndingsOnly(current, h)) ? 'line-endings' : 'edited';
}
