/**
 * Staging files that outlived their run (docs/output-safety.md "What kill -9 leaves").
 *
 * A run stopped by `kill -9` (or a power cut) cannot remove its staging file: it stays beside the
 * target, mode 0600, holding up to the whole output — patient rows, for a scored export. So the
 * staging file's name says whose it is: `.<stem>.<pid>-<host>-<target>.<16 random hex>.tmp`, with
 * the id of the process writing it, a tag of the machine's name and process-id namespace (8 hex of
 * their SHA-256), and a tag of the full target name (8 hex of its SHA-256; the stem is cut short).
 * The next run that writes the same target removes such a file only when it is provably stale: its
 * name is exactly hta's pattern for that target (stem and target tag), it was made on this machine
 * in this process-id namespace, it is a regular file of this user's, its process no longer runs,
 * and it has not been written for STALE_AFTER_MS. It says so on stderr, in one note for all it
 * removed and one for all it kept for being written lately (`sayLeftovers`). A killed run's
 * leftovers of a folder's index are read before they go (output-index.ts: which files that run had
 * put in place), and go only once this run has put its own files there. A file another machine or
 * container may still be writing (a shared folder or bind mount), one whose process runs, one
 * written lately, and one of an older hta's pattern (`.<name>.<16 hex>.tmp` with no process id,
 * or `.<name>.<pid>-<host>.<16 hex>.tmp` with no target tag) are never removed; the older ones are
 * named in a note. `hta report --check` lists every staging file in a report folder
 * (`stagingFilesIn`).
 */
import { createHash, randomBytes } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync, readlinkSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { isIndexName } from './index-names.js';

const tag = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

/**
 * The tag of a machine name and process-id namespace. Containers may share a host name and a
 * folder (a bind mount) but not their process ids: a pid gone in one may run in the other.
 */
export const hostTag = (host: string, pidNamespace: string): string => tag(pidNamespace === '' ? host : `${host}\u0000${pidNamespace}`);

/** This process's pid namespace (`pid:[4026531836]` on Linux), or '' where the system has none to show. */
function pidNamespace(): string {
  try {
    return readlinkSync('/proc/self/ns/pid');
  } catch {
    return '';
  }
}

/** This machine's (and pid namespace's) tag in staging names: the process ids of another mean nothing here. */
export const HOST_TAG = hostTag(hostname(), pidNamespace());

/**
 * A staging file of a gone process is removed only once it has not been written for this long:
 * a second guard beside the host tag, should two systems still share a tag.
 */
export const STALE_AFTER_MS = 5 * 60 * 1000;

/** Most UTF-8 bytes of the target's name kept in a staging name (the whole name stays near 200 of 255). */
const STEM_BYTES = 150;

/**
 * The part of a target's name its staging files carry: at most STEM_BYTES bytes of UTF-8, cut
 * between code points (half a surrogate pair would be written as U+FFFD and never match on re-read).
 */
export function stagingStem(targetName: string): string {
  let bytes = 0;
  let end = 0;
  for (const ch of targetName) {
    bytes += Buffer.byteLength(ch, 'utf8');
    if (bytes > STEM_BYTES) break;
    end += ch.length;
  }
  return targetName.slice(0, end);
}

/** The tag of the full target name: two targets sharing a stem are told apart. */
export const targetTag = (targetName: string): string => tag(targetName);

/** A fresh staging name for a target named `targetName` (in the target's folder). */
export function stagingName(targetName: string, pid = process.pid): string {
  return `.${stagingStem(targetName)}.${pid}-${HOST_TAG}-${targetTag(targetName)}.${randomBytes(8).toString('hex')}.tmp`;
}

/**
 * A fresh name for a set-aside copy of an existing target (write-atomic.ts setAside): like a
 * staging name, but ending `.hta-aside`. It holds the user's earlier file, and may be its only
 * copy (a batch stopped by `kill -9`, or a put-back that failed), so no cleanup removes it
 * unless it is provably redundant: another name of the very file at its target, or a byte-for-byte
 * copy of it (`removeStaleStaging`).
 */
export function asideName(targetName: string, pid = process.pid): string {
  return `.${stagingStem(targetName)}.${pid}-${HOST_TAG}-${targetTag(targetName)}.${randomBytes(8).toString('hex')}.hta-aside`;
}

const ASIDE = /^\.(.+)\.(\d{1,10})-([0-9a-f]{8})-([0-9a-f]{8})\.[0-9a-f]{16}\.hta-aside$/;

/** What a file name says as a set-aside name, or undefined when it is none. */
export function parseAsideName(name: string): { stem: string; pid: number; host: string; target: string } | undefined {
  const m = ASIDE.exec(name);
  return m ? { stem: m[1]!, pid: Number(m[2]), host: m[3]!, target: m[4]! } : undefined;
}

/** Whether `a` holds the same bytes as the file at `b` (both regular files). */
function sameContent(a: string, b: string): boolean {
  try {
    const sa = lstatSync(a);
    const sb = lstatSync(b);
    if (!sa.isFile() || !sb.isFile()) return false;
    if (sa.dev === sb.dev && sa.ino === sb.ino) return true;
    return sa.size === sb.size && readFileSync(a).equals(readFileSync(b));
  } catch {
    return false;
  }
}

/** Whether `file` is a regular file (never a link) whose bytes `ownOutput` says hta wrote. */
function isOwnOutput(file: string, ownOutput: ((bytes: Buffer) => boolean) | undefined): boolean {
  if (ownOutput === undefined) return false;
  try {
    return lstatSync(file).isFile() && ownOutput(readFileSync(file));
  } catch {
    return false;
  }
}

/**
 * A set-aside copy left by a run that is gone: removed only when the file at its target is that
 * very file (a hard link) or has its bytes, or when it holds an earlier version of the target that
 * hta itself wrote there (`ownOutput`: its SHA-256 is what an index of the folder records for the
 * target, output-index.ts `wroteThere`) — nothing of anyone's is lost. Otherwise it may be the
 * only copy of the user's earlier file (a `--force` run killed midway): kept, and named in a note.
 */
function clearAside(dir: string, name: string, targetName: string, ownOutput?: (bytes: Buffer) => boolean): void {
  const p = parseAsideName(name)!;
  if (p.stem !== stagingStem(targetName) || p.target !== targetTag(targetName)) return;
  const file = join(dir, name);
  const target = join(dir, targetName);
  if (p.host !== HOST_TAG || processRuns(p.pid)) return;
  const same = sameContent(file, target);
  if (same || isOwnOutput(file, ownOutput)) {
    try {
      unlinkSync(file);
      spares.push({ file, target, pid: p.pid, earlier: !same });
    } catch {
      // Left as it is: a spare.
    }
    return;
  }
  say(lang === 'da'
    ? `note: ${file} indeholder en tidligere ${targetName}, som en hta-kørsel (proces ${p.pid}, kører ikke længere) lagde til side, mens den erstattede den, og ikke kunne lægge tilbage; hta fjerner den aldrig — omdøb den til ${target} for at få den tilbage, eller slet den\n`
    : `note: ${file} holds an earlier ${targetName} that an hta run (process ${p.pid}, no longer running) set aside while replacing it and could not put back; hta never removes it — rename it to ${target} to have it back, or delete it\n`);
}

const CURRENT = /^\.(.+)\.(\d{1,10})-([0-9a-f]{8})-([0-9a-f]{8})\.[0-9a-f]{16}\.tmp$/;
/** The patterns of hta versions before the target tag, and before the process id, was part of the name. */
const EARLIER = /^\.(.+)\.\d{1,10}-[0-9a-f]{8}\.[0-9a-f]{16}\.tmp$/;
const LEGACY = /^\.(.+)\.[0-9a-f]{16}\.tmp$/;

/** What a file name says as an hta staging name (no pid: an earlier hta's), or undefined when it is none. */
export function parseStagingName(name: string): { stem: string; pid?: number; host?: string; target?: string } | undefined {
  const m = CURRENT.exec(name);
  if (m) return { stem: m[1]!, pid: Number(m[2]), host: m[3]!, target: m[4]! };
  const l = EARLIER.exec(name) ?? LEGACY.exec(name);
  return l ? { stem: l[1]! } : undefined;
}

/** Earlier hta versions kept the first 100 UTF-16 units of the target's name. */
const earlierStem = (targetName: string): string => targetName.slice(0, 100);

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

/** Where notes about removed (or kept) leftovers go; the CLI sets it to its stderr (main.ts), in the run's language (docs/cli.md "Danish output"). */
let say: (text: string) => void = () => {};
let lang: 'en' | 'da' = 'en';
export function onStaleStagingNote(fn: (text: string) => void, language: 'en' | 'da' = 'en'): void {
  say = fn;
  lang = language;
}

const ownUid = (): number | undefined => (typeof process.getuid === 'function' ? process.getuid() : undefined);

/**
 * Before a run stages `targetName` in `dir`: removes that target's provably stale staging files
 * and spare set-aside copies (see the module comment) and names the ones of an older hta, via the
 * note channel. `listing` is `stagingFilesIn(dir)`, passed in by a caller that clears many targets
 * of one folder so the folder is read once, not once per target. `ownOutput` says whether bytes are
 * an earlier version of the target hta wrote (output-index.ts `wroteThere`): a set-aside copy of
 * one goes too. An index's leftovers (`.hta-report.json`, `.hta-files.json`) are not touched here:
 * they tell which files a killed run had put in place (output-index.ts `readOutputIndex`), and go
 * only once this run has put its own in place (`removeIndexLeftovers`).
 */
export function removeStaleStaging(dir: string, targetName: string, listing: readonly string[] = stagingFilesIn(dir), ownOutput?: (bytes: Buffer) => boolean): void {
  if (isIndexName(targetName)) return;
  clearLeftovers(dir, targetName, listing, ownOutput);
}

/**
 * Once a run has put its files in place in `dir` (and the folder's index lists them): the
 * leftovers of a killed run's index `indexName` — its staging file, the index it had not yet put
 * in place, and its set-aside copy of the index it replaced — removed as `removeStaleStaging`
 * removes a page's; a set-aside copy that `isIndex` takes for an index of hta's is a spare now
 * (a file of the user's kept under that name by `--force` stays, with its note).
 */
export function removeIndexLeftovers(dir: string, indexName: string, isIndex: (bytes: Buffer) => boolean, listing: readonly string[] = stagingFilesIn(dir)): void {
  clearLeftovers(dir, indexName, listing, isIndex);
}

function clearLeftovers(dir: string, targetName: string, listing: readonly string[], ownOutput: ((bytes: Buffer) => boolean) | undefined): void {
  const stem = stagingStem(targetName);
  const target = targetTag(targetName);
  for (const name of listing) {
    if (parseAsideName(name) !== undefined) {
      clearAside(dir, name, targetName, ownOutput);
      continue;
    }
    const p = parseStagingName(name)!;
    const file = join(dir, name);
    if (p.pid === undefined ? p.stem !== earlierStem(targetName) : p.stem !== stem || p.target !== target) continue;
    let st;
    try {
      st = lstatSync(file);
    } catch {
      continue;
    }
    const uid = ownUid();
    if (!st.isFile() || (uid !== undefined && st.uid !== uid)) continue;
    if (p.pid === undefined) {
      say(lang === 'da'
        ? `note: ${file} ligner en midlertidig fil, som en afbrudt kørsel af en tidligere hta efterlod, mens den skrev ${targetName}; hta kan ikke se, om den kørsel stadig skriver den, så den beholdes — slet den, hvis ingen anden hta-kørsel skriver ${join(dir, targetName)} (den kan indeholde en del af et output, patientrækker medregnet)\n`
        : `note: ${file} looks like a staging file an interrupted run of an earlier hta left while writing ${targetName}; hta cannot tell whether that run still writes it, so it is kept — delete it if no other hta run is writing ${join(dir, targetName)} (it may hold part of an output, patient rows included)\n`);
      continue;
    }
    if (p.host !== HOST_TAG || processRuns(p.pid)) continue;
    const left = { file, target: join(dir, targetName), pid: p.pid };
    if (Date.now() - st.mtimeMs < STALE_AFTER_MS) {
      // Its process is gone but the file was written moments ago: a pid this machine reused may
      // still be writing it, so it stays — and the user hears of it in this run's note, not only
      // 5 minutes on; the note looks again at the end of the run (sayLeftovers).
      recent.push(left);
      continue;
    }
    try {
      unlinkSync(file);
    } catch {
      continue;
    }
    removed.push(left);
  }
}

/** A leftover of a killed run, kept for the run's notes on them (sayLeftovers). */
interface Leftover {
  file: string;
  target: string;
  pid: number;
}

/** Staging files removed, staging files kept for being written lately, spare set-aside copies removed: since the last sayLeftovers. */
const removed: Leftover[] = [];
const recent: Leftover[] = [];
const spares: (Leftover & { earlier: boolean })[] = [];

/** `dir/a, dir/b and 3 more folder(s)`: the folders leftovers were in. */
function foldersOf(list: readonly Leftover[]): string {
  const dirs = [...new Set(list.map((l) => dirname(l.file)))].sort();
  if (dirs.length <= 3) return dirs.join(', ');
  return lang === 'da' ? `${dirs.slice(0, 3).join(', ')} og ${dirs.length - 3} mappe(r) mere` : `${dirs.slice(0, 3).join(', ')} and ${dirs.length - 3} more folder(s)`;
}

/** `process 4242` or `processes 4242, 4250`. */
function processesOf(list: readonly Leftover[]): string {
  const pids = [...new Set(list.map((l) => l.pid))].sort((a, b) => a - b);
  if (lang === 'da') return `${pids.length === 1 ? 'proces' : 'processer'} ${pids.join(', ')}`;
  return `${pids.length === 1 ? 'process' : 'processes'} ${pids.join(', ')}`;
}

/** The notes of sayLeftovers, one for each kind of leftover and count. */
interface LeftoverNotes {
  removedOne: (r: Leftover) => string;
  removedMany: (n: number, folders: string, processes: string) => string;
  recentOne: (r: Leftover, minutes: number) => string;
  recentMany: (n: number, folders: string, first: string, processes: string, minutes: number) => string;
  spareOne: (a: Leftover & { earlier: boolean }) => string;
  sparesMany: (n: number, processes: string, folders: string) => string;
}

const LEFTOVER_NOTES: LeftoverNotes = {
  removedOne: (r) => `note: removed ${r.file}, a staging file left while writing ${basename(r.target)} by an hta run that was stopped without cleaning up (process ${r.pid}, no longer running; killed with kill -9, say)\n`,
  removedMany: (n, folders, processes) => `note: removed ${n} staging files left in ${folders} by an hta run that was stopped without cleaning up (${processes}, no longer running; killed with kill -9, say): parts of outputs it never put in place\n`,
  recentOne: (r, minutes) => `note: ${r.file} is a staging file left while writing ${basename(r.target)} by an hta run (process ${r.pid}) that is no longer running; written under ${minutes} minutes ago, it is kept for now — a run after that removes it, or delete it if no other hta run is writing ${r.target}\n`,
  recentMany: (n, folders, first, processes, minutes) => `note: ${n} staging files in ${folders} (${first}, …) were left by an hta run (${processes}) that is no longer running; written under ${minutes} minutes ago, they are kept for now — a run after that removes them, or delete them if no other hta run is writing there. They hold parts of outputs: do not publish a folder that holds them\n`,
  spareOne: (a) => a.earlier
    ? `note: removed ${a.file}, an earlier ${basename(a.target)} that an hta run (process ${a.pid}, no longer running) set aside while replacing it: it holds what hta wrote there before, not anyone's edit\n`
    : `note: removed ${a.file}, a spare copy of ${a.target} an hta run (process ${a.pid}, no longer running) set aside; ${a.target} holds the same bytes\n`,
  sparesMany: (n, processes, folders) => `note: removed ${n} spare copies that an hta run (${processes}, no longer running) set aside in ${folders} while replacing files: each held the bytes of the file at its target, or what hta wrote there before\n`,
};

/** The same notes under `--lang da` ("midlertidig fil" for a staging file; docs/cli.md "Danish output"). */
const LEFTOVER_NOTES_DA: LeftoverNotes = {
  removedOne: (r) => `note: fjernede ${r.file}, en midlertidig fil efterladt under skrivningen af ${basename(r.target)} af en hta-kørsel, der blev stoppet uden at rydde op (proces ${r.pid}, kører ikke længere; fx stoppet med kill -9)\n`,
  removedMany: (n, folders, processes) => `note: fjernede ${n} midlertidige filer efterladt i ${folders} af en hta-kørsel, der blev stoppet uden at rydde op (${processes}, kører ikke længere; fx stoppet med kill -9): dele af output, som den aldrig lagde på plads\n`,
  recentOne: (r, minutes) => `note: ${r.file} er en midlertidig fil efterladt under skrivningen af ${basename(r.target)} af en hta-kørsel (proces ${r.pid}), der ikke længere kører; den er skrevet for under ${minutes} minutter siden og beholdes indtil videre — en senere kørsel fjerner den, eller slet den, hvis ingen anden hta-kørsel skriver ${r.target}\n`,
  recentMany: (n, folders, first, processes, minutes) => `note: ${n} midlertidige filer i ${folders} (${first}, …) er efterladt af en hta-kørsel (${processes}), der ikke længere kører; de er skrevet for under ${minutes} minutter siden og beholdes indtil videre — en senere kørsel fjerner dem, eller slet dem, hvis ingen anden hta-kørsel skriver der. De indeholder dele af output: offentliggør ikke en mappe, der indeholder dem\n`,
  spareOne: (a) => a.earlier
    ? `note: fjernede ${a.file}, en tidligere ${basename(a.target)}, som en hta-kørsel (proces ${a.pid}, kører ikke længere) lagde til side, mens den erstattede den: den indeholder det, hta skrev der før, ikke nogens rettelse\n`
    : `note: fjernede ${a.file}, en ekstra kopi af ${a.target}, som en hta-kørsel (proces ${a.pid}, kører ikke længere) lagde til side; ${a.target} indeholder de samme bytes\n`,
  sparesMany: (n, processes, folders) => `note: fjernede ${n} ekstra kopier, som en hta-kørsel (${processes}, kører ikke længere) lagde til side i ${folders}, mens den erstattede filer: hver indeholdt de samme bytes som filen på dens plads, eller det, hta skrev der før\n`,
};

/**
 * Says what the run did with the leftovers of killed runs it met (removeStaleStaging,
 * removeIndexLeftovers) since it was last called: one note for each kind, however many files —
 * a run after a `kill -9` during a report meets a staging file for every page that was not yet in
 * place, and a line for each buried the rest of its output (docs/output-safety.md#kill-9). A
 * staging file kept for being written lately is looked at again first: one that has not been
 * written for STALE_AFTER_MS by now (a long run) goes now. The CLI calls it before a run's last
 * line and at its end (main.ts).
 */
export function sayLeftovers(): void {
  // Once each, should one run have met a file twice (two batches writing one folder).
  const kept = [...new Map(recent.splice(0).map((l) => [l.file, l])).values()];
  for (const left of kept) {
    let st;
    try {
      st = lstatSync(left.file);
    } catch {
      continue;
    }
    if (Date.now() - st.mtimeMs < STALE_AFTER_MS || processRuns(left.pid)) {
      recent.push(left);
      continue;
    }
    try {
      unlinkSync(left.file);
      removed.push(left);
    } catch {
      recent.push(left);
    }
  }
  const minutes = STALE_AFTER_MS / 60000;
  const t = lang === 'da' ? LEFTOVER_NOTES_DA : LEFTOVER_NOTES;
  if (removed.length === 1) say(t.removedOne(removed[0]!));
  else if (removed.length > 1) say(t.removedMany(removed.length, foldersOf(removed), processesOf(removed)));
  if (recent.length === 1) say(t.recentOne(recent[0]!, minutes));
  else if (recent.length > 1) say(t.recentMany(recent.length, foldersOf(recent), basename(recent[0]!.file), processesOf(recent), minutes));
  if (spares.length === 1) say(t.spareOne(spares[0]!));
  else if (spares.length > 1) say(t.sparesMany(spares.length, processesOf(spares), foldersOf(spares)));
  removed.length = 0;
  recent.length = 0;
  spares.length = 0;
}

/**
 * The leftovers of `targetName` in `dir` that a run on this machine left and that no running
 * process writes: its staging files (of this user's) and set-aside copies, regular files only —
 * for reading what a killed run was about to put in place, or had set aside (output-index.ts
 * `readOutputIndex`). Nothing is removed.
 */
export function deadRunLeftovers(dir: string, targetName: string, listing: readonly string[] = stagingFilesIn(dir)): string[] {
  const stem = stagingStem(targetName);
  const target = targetTag(targetName);
  const uid = ownUid();
  return listing.filter((name) => {
    const aside = parseAsideName(name);
    const p = aside ?? parseStagingName(name);
    if (p?.pid === undefined || p.stem !== stem || p.target !== target || p.host !== HOST_TAG || processRuns(p.pid)) return false;
    try {
      const st = lstatSync(join(dir, name));
      return st.isFile() && (aside !== undefined || uid === undefined || st.uid === uid);
    } catch {
      return false;
    }
  }).map((name) => join(dir, name));
}

/**
 * Every hta staging file and set-aside copy in `dir` (any target, any machine), for
 * `hta report --check` and the cleanup before a run.
 */
export function stagingFilesIn(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((n) => parseStagingName(n) !== undefined || parseAsideName(n) !== undefined)
      .sort();
  } catch {
    return [];
  }
}
