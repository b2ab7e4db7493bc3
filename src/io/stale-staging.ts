/**
 * Staging files that outlived their run (docs/output-safety.md "What kill -9 leaves").
 *
 * A run stopped by `kill -9` (or a power cut) cannot remove its staging file: it stays beside the
 * target, mode 0600, holding up to the whole output — patient rows, for a scored export. So the
 * staging file's name says whose it is: `.<name>.<pid>-<host>.<16 random hex>.tmp`, with the id
 * of the process writing it and a tag of the machine's name (8 hex of its SHA-256). The next run
 * that writes the same target removes such a file only when it is provably stale: its name is
 * exactly hta's pattern for that target, it was made on this machine, it is a regular file of
 * this user's, and its process no longer runs. It says so on stderr. A file another machine may
 * still be writing (a shared folder), one whose process runs, and one of an older hta's pattern
 * (`.<name>.<16 hex>.tmp`, no process id) are never removed; the last is named in a note.
 * `hta report --check` lists every staging file in a report folder (`stagingFilesIn`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';

/** This machine's tag in staging names: the process ids of another machine mean nothing here. */
export const HOST_TAG = createHash('sha256').update(hostname()).digest('hex').slice(0, 8);

/** Longest part of the target's name kept in a staging name (names stay below 255 bytes). */
const STEM_CHARS = 100;

/** The part of a target's name its staging files carry. */
export const stagingStem = (targetName: string): string => targetName.slice(0, STEM_CHARS);

/** A fresh staging name for a target named `targetName` (in the target's folder). */
export function stagingName(targetName: string, pid = process.pid): string {
  return `.${stagingStem(targetName)}.${pid}-${HOST_TAG}.${randomBytes(8).toString('hex')}.tmp`;
}

const CURRENT = /^\.(.+)\.(\d{1,10})-([0-9a-f]{8})\.[0-9a-f]{16}\.tmp$/;
/** The pattern of hta versions before the process id was part of the name. */
const LEGACY = /^\.(.+)\.[0-9a-f]{16}\.tmp$/;

/** What a file name says as an hta staging name, or undefined when it is none. */
export function parseStagingName(name: string): { stem: string; pid?: number; host?: string } | undefined {
  const m = CURRENT.exec(name);
  if (m) return { stem: m[1]!, pid: Number(m[2]), host: m[3]! };
  const l = LEGACY.exec(name);
  return l ? { stem: l[1]! } : undefined;
}

/** Whether process `pid` runs on this machine (one of another user's counts: EPERM). */
export function processRuns(pid: number): boolean {
  if (pid === process.pid) return true;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/** Where notes about removed (or kept) leftovers go; the CLI sets it to its stderr (main.ts). */
let say: (text: string) => void = () => {};
export function onStaleStagingNote(fn: (text: string) => void): void {
  say = fn;
}

const ownUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/**
 * Before a run stages `targetName` in `dir`: removes that target's provably stale staging files
 * (see the module comment) and names the ones of an older hta, via the note channel.
 */
export function removeStaleStaging(dir: string, targetName: string): void {
  const stem = stagingStem(targetName);
  for (const name of stagingFilesIn(dir)) {
    const p = parseStagingName(name)!;
    const file = join(dir, name);
    if (p.stem !== stem) continue;
    let st;
    try {
      st = lstatSync(file);
    } catch {
      continue;
    }
    const uid = ownUid();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid)) continue;
    if (p.pid === undefined) {
      say(`note: ${file} looks like a staging file an interrupted run of an earlier hta left while writing ${targetName}; hta cannot tell whether that run still writes it, so it is kept — delete it if no other hta run is writing ${join(dir, targetName)} (it may hold part of an output, patient rows included)\n`);
      continue;
    }
    if (p.host !== HOST_TAG || processRuns(p.pid)) continue;
    try {
      unlinkSync(file);
    } catch {
      continue;
    }
    say(`note: removed ${file}, a staging file left while writing ${targetName} by an hta run that was stopped without cleaning up (process ${p.pid}, no longer running; killed with kill -9, say)\n`);
  }
}

/** Every hta staging file in `dir` (any target, any machine), for `hta report --check`. */
export function stagingFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => parseStagingName(n) !== undefined)
      .sort();
  } catch {
    return [];
  }
}
