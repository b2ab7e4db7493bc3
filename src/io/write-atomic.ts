/**
 * Safe, atomic writes (docs/output-safety.md). Every output is written to a private staging file
 * beside its target and put in place only when complete, so readers never see half a file and a
 * failed or interrupted run leaves the old file (or nothing) in place.
 *
 * - An existing file is never replaced unless the caller says so (`replace`: the user's
 *   `--force`, or files an index shows hta wrote, output-index.ts). Without it the staging file is
 *   put in place by a hard link, which fails if a file appeared at the target meanwhile.
 * - The staging file gets a random name (with the process id, so that one a `kill -9` left can be
 *   told stale and removed by a later run: stale-staging.ts) and is created exclusively (O_CREAT|O_EXCL|O_NOFOLLOW,
 *   mode 0600): a file or symbolic link planted at a predictable name is never opened, let alone
 *   written through. Just before it is put in place it gets its final mode: a replaced file's
 *   own (a user's chmod 600 survives --force), or for a new file 0666 less the umask, as any
 *   program's new file (a scored export holds patient ids: a umask of 077 must hold).
 * - The target must be absent or a regular file. A folder, device, FIFO or socket is refused, and
 *   so is a symbolic link: hta neither writes through a link nor silently replaces it.
 * - Folders on the way are made one at a time (the error of the one that fails is the real one:
 *   read-only, permission denied), and removed again, if empty, when the write fails.
 * - Staging files are listed process-wide (staging-files.ts) and removed on every failure and on
 *   SIGINT/SIGTERM; before anything is put in place the event loop turns once, so a signal that
 *   arrived during synchronous work is handled first and nothing is put in place after it.
 * - File-system failures become one-line HtaErrors naming the path (fs-error.ts), exit 2.
 */
import { chmodSync, closeSync, constants, copyFileSync, fchmodSync, linkSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, unlinkSync, write, writeSync, type Stats } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { HtaError } from '../errors.js';
import { codeOfSystemWords, duckDbFileFailure, fsFailure, isFsError } from './fs-error.js';
import { wroteThere } from './output-index.js';
import { asideName, removeStaleStaging, stagingFilesIn, stagingName } from './stale-staging.js';
import { discardMadeFolders, discardStagingFile, forgetMadeFolders, forgetStagingFile, letSignalsIn, registerMadeFolders, registerStagingFile, settleRun, unsettleRun, wasInterrupted } from './staging-files.js';

// O_NOFOLLOW is 0 where the platform lacks it; O_EXCL alone already refuses an existing link.
const STAGING_FLAGS = constants.O_CREAT | constants.O_EXCL | constants.O_WRONLY | (constants.O_NOFOLLOW ?? 0);
const STAGING_MODE = 0o600;

/**
 * 0666 less the process's umask, as the OS gives any program's new file. (Reading the umask
 * without an argument is deprecated in Node's docs only, for a race with threads that change it;
 * hta's threads never do.)
 */
function modeOfNewFile(): number {
  return 0o666 & ~process.umask();
}

/**
 * The mode the staging file gets before it is put in place at `s.path`: the permissions of a
 * regular file it replaces, else a new file's (docs/output-safety.md "Writing").
 */
function finalMode(s: Staged): number {
  if (s.replace) {
    try {
      const st = lstatSync(s.path);
      if (st.isFile()) return st.mode & 0o777;
    } catch {
      // Absent: a new file.
    }
  }
  return modeOfNewFile();
}

/** What a path that is no regular file is, for messages: `a symbolic link`, `a folder`, `a device`, … */
export function kindOf(st: Stats): string {
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isDirectory()) return 'a folder';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isCharacterDevice() || st.isBlockDevice()) return 'a device';
  if (st.isSocket()) return 'a socket';
  return 'not a regular file';
}

/**
 * Refuses (HtaError, exit 2) a target that exists and is not a regular file, or is a symbolic
 * link; `label` names it as the user gave it (e.g. "--out x.csv"). True when a file is there.
 */
export function checkOutputTarget(path: string, label = path): boolean {
  let st: Stats;
  try {
    st = lstatSync(path);
  } catch (err) {
    if (isFsError(err) && err.code === 'ENOENT') return false;
    throw isFsError(err) ? fsFailure(err, 'write', label) : err;
  }
  if (st.isSymbolicLink()) {
    throw new HtaError('output.failed', `refusing to write ${label}: it is a symbolic link, and hta never writes through or replaces a link — give the path of a regular file`);
  }
  if (!st.isFile()) throw new HtaError('output.failed', `refusing to write ${label}: it is ${kindOf(st)}, not a regular file — give a file name`);
  return true;
}

/** The refusal of an existing file (docs/output-safety.md): the same words from every command. */
export function existingFileError(path: string): HtaError {
  return new HtaError('output.failed', `${path} exists; hta does not write over a file — choose another name, or add --force to replace it`);
}

/**
 * A file that was absent when the write began and is there when it is put in place: someone
 * wrote it meanwhile — often a second hta run writing the same folder (docs/output-safety.md).
 * `--force` is not offered: the file is not an old one of the user's but one just written.
 */
export function appearedFileError(path: string): HtaError {
  return new HtaError('output.failed', `${path} appeared while hta was writing it (it was not there when this run began): another program wrote it meanwhile — if another hta run is writing the same folder, let it finish, then run this again; hta does not write over a file`);
}

/** A run stopped by a signal puts nothing in place (the signal's handler ends the process anyway). */
function interruptedError(path: string): HtaError {
  return new HtaError('output.failed', `interrupted: ${path} was not written`);
}

/** Which existing files a write may replace: none (the default), all (`--force`), or these paths. */
export interface WriteOptions {
  replace?: boolean | ReadonlySet<string>;
  /**
   * A file that appears at a target meanwhile with exactly the bytes this write would put there
   * is kept and the write counts as done (two `hta report` runs of one manifest write the same
   * files); one with other bytes is refused as always.
   */
  keepIdentical?: boolean;
  /**
   * Outputs written piece by piece (openAtomicSink) that are put in place with this batch, after
   * its files, and removed if the batch fails: `hta uptake --excluded-out` is placed only when the
   * `--csv-dir` tables are, never on a run that then refuses them; `hta simulate registry
   * --eligible-out` only with the registry (docs/output-safety.md). Every writer here takes them
   * (writeFilesAtomic, writeLinesAtomic, produceFileAtomic).
   */
  alongside?: readonly AtomicSink[];
  /**
   * The batch is the run's last work (`hta report`'s pages, `hta score`'s export, `hta uptake`'s
   * tables; only saying so follows): once it is being put in place, a stopping signal no longer
   * ends the run early (staging-files.ts `settleRun`) — a Ctrl-C then gave exit 130 beside
   * complete outputs. A sink (openAtomicSink) settles at its commit.
   */
  settle?: boolean;
}

const mayReplace = (options: WriteOptions, path: string): boolean =>
  options.replace === true || (options.replace instanceof Set && options.replace.has(path));

/**
 * Makes the missing folders of `dir`, one at a time and outermost first, and returns them.
 * Node's recursive mkdir reports a read-only file system as "ENOENT" (it looks at the folder
 * after its mkdir failed, and finds none): made one by one, the failing mkdir says why.
 */
function makeFolders(dir: string, target: string): string[] {
  const missing: string[] = [];
  for (let d = dir; ; d = dirname(d)) {
    try {
      lstatSync(d);
      break;
    } catch (err) {
      // Anything but "absent" (a file on the way, say) is reported by the mkdir below.
      if (!(isFsError(err) && err.code === 'ENOENT') || dirname(d) === d) break;
      missing.unshift(d);
    }
  }
  const made: string[] = [];
  for (const d of missing) {
    // Listed before it exists: a signal right after the mkdir still finds it.
    registerMadeFolders([d]);
    try {
      mkdirSync(d);
      made.push(d);
    } catch (err) {
      forgetMadeFolders([d]);
      // Made meanwhile by someone else: theirs, and fine to write into.
      if (isFsError(err) && err.code === 'EEXIST' && lstatSync(d).isDirectory()) continue;
      discardMadeFolders(made);
      throw isFsError(err) ? fsFailure(err, 'write', target) : err;
    }
  }
  return made;
}

interface Staged {
  path: string;
  tmp: string;
  fd: number;
  /** May an existing file at `path` be replaced? */
  replace: boolean;
  /** Folders made for this file (outermost first). */
  made: string[];
  /** Keep a file that appeared at `path` meanwhile with the same bytes (WriteOptions.keepIdentical). */
  keepIdentical: boolean;
}

/**
 * Creates the private staging file for `path` (and the folders on the way). `listings` holds the
 * staging files found in each folder a batch writes into (stale-staging.ts), so a folder of many
 * targets is read once.
 */
function stage(path: string, replace: boolean, keepIdentical = false, listings = new Map<string, readonly string[]>()): Staged {
  // With keepIdentical the caller found the target absent earlier (hta report's comparison): one
  // there now appeared meanwhile, and is compared once this file's bytes are written (placeNew).
  if (checkOutputTarget(path) && !replace && !keepIdentical) throw existingFileError(path);
  const dir = dirname(path);
  const made = makeFolders(dir, path);
  // What a run killed with kill -9 left while writing this target goes now (stale-staging.ts): its
  // staging files, and copies it set aside of this file or of an earlier version hta wrote here
  // (the folder's index says which: output-index.ts wroteThere); a folder just made holds none.
  if (made.length === 0) {
    if (!listings.has(dir)) listings.set(dir, stagingFilesIn(dir));
    removeStaleStaging(dir, basename(path), listings.get(dir), wroteThere(dir, basename(path)));
  }
  for (let attempt = 0; ; attempt++) {
    // `.<stem>.<pid>-<host>-<target>.<16 random hex>.tmp`: whose it is, so a later run can tell it is stale.
    const tmp = join(dir, stagingName(basename(path)));
    // Listed (and the signal handlers installed) before the file exists: a signal that comes
    // right after it was created still removes it.
    registerStagingFile(tmp);
    try {
      const fd = openSync(tmp, STAGING_FLAGS, STAGING_MODE);
      return { path, tmp, fd, replace, made, keepIdentical };
    } catch (err) {
      // Not created (a name taken, say): nothing to remove, and the name may be someone else's.
      forgetStagingFile(tmp);
      if (isFsError(err) && err.code === 'EEXIST' && attempt < 8) continue;
      discardMadeFolders(made);
      throw isFsError(err) ? fsFailure(err, 'write', path) : err;
    }
  }
}

function closeStaged(s: Staged): void {
  if (s.fd < 0) return;
  const fd = s.fd;
  s.fd = -1;
  closeSync(fd);
}

// Where a file system has no hard links, a new file is put in place by rename after a check.
const NO_LINKS = new Set(['EPERM', 'ENOTSUP', 'EOPNOTSUPP', 'ENOSYS', 'EMLINK', 'EXDEV']);

/** Is the file now at `s.path` a regular file with the staging file's bytes? */
function sameBytes(s: Staged): boolean {
  try {
    return lstatSync(s.path).isFile() && readFileSync(s.path).equals(readFileSync(s.tmp));
  } catch {
    return false;
  }
}

/** A target that was absent when staged and is taken now: kept if identical and allowed, else refused. */
function appeared(s: Staged): void {
  if (!(s.keepIdentical && sameBytes(s))) throw appearedFileError(s.path);
  unlinkSync(s.tmp);
}

/** Puts the staging file at a target that must still be absent: a hard link never replaces a file. */
function placeNew(s: Staged): void {
  try {
    linkSync(s.tmp, s.path);
  } catch (err) {
    if (!isFsError(err)) throw err;
    if (err.code === 'EEXIST') return appeared(s);
    if (!NO_LINKS.has(err.code)) throw err;
    if (checkOutputTarget(s.path)) return appeared(s);
    renameSync(s.tmp, s.path);
    return;
  }
  unlinkSync(s.tmp);
}

/** Which file a commit put at a target that was absent (device + inode), to take back if the batch fails. */
interface PlacedNew {
  path: string;
  dev: number;
  ino: number;
}

/**
 * Gives the finished staging file its final mode and puts it in place: over the old file when it
 * may be replaced, else only where there is still no file. Never after a stopping signal.
 * Returns the file it put at a target that was absent (not a kept identical one, not a replaced one).
 */
function commit(s: Staged): PlacedNew | undefined {
  if (wasInterrupted()) throw interruptedError(s.path);
  let placedNew: PlacedNew | undefined;
  try {
    const mode = finalMode(s);
    if (s.fd >= 0) fchmodSync(s.fd, mode);
    else chmodSync(s.tmp, mode);
    closeStaged(s);
    // Checked again: the target may have changed while the content was produced.
    if (s.replace) {
      const existed = checkOutputTarget(s.path);
      const st = existed ? undefined : lstatSync(s.tmp);
      renameSync(s.tmp, s.path);
      // A --force target that was absent is a new file like any other: taken back if the batch fails.
      if (st) placedNew = { path: s.path, dev: st.dev, ino: st.ino };
    } else {
      const st = lstatSync(s.tmp);
      placeNew(s);
      const now = lstatSync(s.path);
      if (now.dev === st.dev && now.ino === st.ino) placedNew = { path: s.path, dev: st.dev, ino: st.ino };
    }
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', s.path) : err;
  }
  forgetStagingFile(s.tmp);
  return placedNew;
}

/**
 * Before the first file of a batch is put in place: every target that may not be replaced is
 * still free (or, with keepIdentical, holds exactly these bytes), and no target has become a link
 * or folder. A file another program wrote meanwhile thus refuses the batch before anything of it
 * is placed (docs/output-safety.md), not half-way through.
 */
function checkStillFree(s: Staged): boolean {
  try {
    const exists = checkOutputTarget(s.path);
    if (exists && !s.replace && !(s.keepIdentical && sameBytes(s))) throw appearedFileError(s.path);
    return exists;
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', s.path) : err;
  }
}

/**
 * Takes back the files a failed batch already put at targets that were absent: each is removed
 * only while it is still the very file hta placed (same device and inode), never one someone
 * put there since. (A replaced file is put back from its set-aside copy: putBack.)
 */
function takeBack(placed: readonly PlacedNew[]): void {
  for (const p of [...placed].reverse()) {
    try {
      const st = lstatSync(p.path);
      if (st.isFile() && st.dev === p.dev && st.ino === p.ino) unlinkSync(p.path);
    } catch {
      // Gone already, or not removable: nothing more to do for it.
    }
  }
}

function abandon(s: Staged): void {
  try {
    closeStaged(s);
  } catch {
    // The file is removed next anyway.
  }
  discardStagingFile(s.tmp);
}

function writeAllSync(s: Staged, content: string | Uint8Array): void {
  const buf = typeof content === 'string' ? Buffer.from(content, 'utf8') : content;
  try {
    for (let off = 0; off < buf.length; ) off += writeSync(s.fd, buf, off, buf.length - off);
  } catch (err) {
    throw isFsError(err) ? fsFailure(err, 'write', s.path) : err;
  }
}

export async function writeFileAtomic(path: string, content: string | Uint8Array, options: WriteOptions = {}): Promise<void> {
  await writeFilesAtomic(new Map([[path, content]]), options);
}

/**
 * Writes several files all-or-nothing as far as the file system allows: every file is first
 * written to its staging file; only when all succeeded (and no signal came) are they put in place.
 */
export async function writeFilesAtomic(files: ReadonlyMap<string, string | Uint8Array>, options: WriteOptions = {}): Promise<void> {
  const staged: Staged[] = [];
  const sinks = alongsideOf(options);
  const listings = new Map<string, readonly string[]>();
  try {
    for (const [path, content] of files) {
      const s = stage(path, mayReplace(options, path), options.keepIdentical === true, listings);
      staged.push(s);
      writeAllSync(s, content);
    }
    await letSignalsIn();
  } catch (err) {
    abandonAll([...staged, ...sinks]);
    throw err;
  }
  // From here on synchronous: a signal that lands now is handled once every file is in place.
  if (options.settle) settleRun();
  try {
    placeAll([...staged, ...sinks]);
  } catch (err) {
    if (options.settle) unsettleRun();
    throw err;
  }
}

/** The staging files of `options.alongside`, put in place after the batch's own. */
function alongsideOf(options: WriteOptions): Staged[] {
  return (options.alongside ?? []).map((k) => {
    const s = sinkStaging.get(k);
    if (s === undefined) throw new Error('write-atomic: alongside takes sinks of openAtomicSink');
    return s;
  });
}

/** Removes the staging files of a batch that will not be placed, and the folders made for them. */
function abandonAll(all: readonly Staged[]): void {
  for (const s of all) abandon(s);
  discardMadeFolders(all.flatMap((s) => s.made));
}

/**
 * An existing file a batch replaces (--force), set aside before any of the batch's replacements:
 * a second copy of it in its own folder, made by this run, so a failure later in the batch can
 * put it back (docs/output-safety.md "Several files written together").
 */
interface SetAside {
  s: Staged;
  /** The name the old file is also kept under until the batch is in place. */
  aside: string;
  /** The new file put at the target (device + inode), once the batch's rename placed it. */
  placed?: PlacedNew;
}

/** copyFileSync's flags for a set-aside copy: never over an existing name; a cheap clone where the file system has them. */
const COPY_FLAGS = constants.COPYFILE_EXCL | constants.COPYFILE_FICLONE;

/**
 * Gives the file at `s.path` a second name beside it, `.<name>.<pid>-<host>-<target>.<hex>.hta-aside`,
 * while it stays at its target: a hard link, or where the file system has none (FAT, SMB, a file
 * of another user's under Linux's protected_hardlinks), a copy. Both are created exclusively, so
 * never over a name someone else has. The old file is never moved away: until its replacement is
 * renamed over it, every reader finds it at its target. Once it is replaced, the aside name may
 * hold the only copy (a `kill -9` then): a later run removes it only while the file at its target
 * is that file or has its bytes (stale-staging.ts). Listed as a staging file, so an interrupted
 * run removes it; undefined when the target is gone meanwhile (it is then a new file like any other).
 */
function setAside(s: Staged): SetAside | undefined {
  const dir = dirname(s.path);
  for (let attempt = 0; ; attempt++) {
    // A name of its own (`.hta-aside`), never a staging name: from this moment it may become the
    // only copy of the user's file (kill -9 once the new file is in place), and no cleanup removes
    // it unless it is provably a spare (stale-staging.ts clearAside).
    const aside = join(dir, asideName(basename(s.path)));
    registerStagingFile(aside);
    try {
      try {
        linkSync(s.path, aside);
      } catch (err) {
        if (!(isFsError(err) && NO_LINKS.has(err.code))) throw err;
        // No hard link here: a copy (with the file's mode), made exclusively too.
        copyFileSync(s.path, aside, COPY_FLAGS);
      }
      return { s, aside };
    } catch (err) {
      // A copy that failed half-way (a full disk) is this run's: removed; a name taken is not.
      if (isFsError(err) && err.code === 'EEXIST') forgetStagingFile(aside);
      else discardStagingFile(aside);
      if (!isFsError(err)) throw err;
      if (err.code === 'ENOENT') return undefined;
      if (err.code === 'EEXIST' && attempt < 8) continue;
      throw fsFailure(err, 'write', s.path);
    }
  }
}

/**
 * A failed batch puts every set-aside file it replaced back at its target (over the new file this
 * run put there, only while it is still that file) and removes the spares of those it never
 * replaced. Returns what could not be put back, to be named in the error: those stay under their
 * aside name, never removed.
 */
function putBack(asides: readonly SetAside[]): string[] {
  const stranded: string[] = [];
  for (const a of [...asides].reverse()) {
    if (a.placed === undefined) {
      // Never replaced: the old file is still at its target, and the spare goes (best effort).
      discardStagingFile(a.aside);
      continue;
    }
    try {
      // Only over the new file this run put there: someone else's file is never replaced, and
      // the old one then stays aside.
      const st = lstatSync(a.s.path, { throwIfNoEntry: false });
      if (!st?.isFile() || st.dev !== a.placed.dev || st.ino !== a.placed.ino) throw new Error('taken');
      renameSync(a.aside, a.s.path);
      forgetStagingFile(a.aside);
    } catch {
      // The user's old file, for the user (named in the error), never removed at exit. Its aside
      // name is hidden (a later run keeps it, stale-staging.ts, but the user may not see it): it is given a
      // name of its own that no cleanup touches.
      forgetStagingFile(a.aside);
      const kept = keepStranded(a.aside, a.s.path);
      stranded.push(kept === a.aside ? `${a.s.path} is kept as ${kept} (a hidden name no hta run removes; no other name could be made in its folder)` : `${a.s.path} is kept as ${kept}`);
    }
  }
  return stranded;
}

function rmPartial(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Nothing was made.
  }
}

/**
 * Gives a stranded set-aside copy a visible name beside its target that no staging cleanup ever
 * matches: `<name>.hta-kept`, or `<name>.hta-kept-2` … when that is taken (made exclusively, a
 * hard link or a copy, never over anyone's file; docs/output-safety.md "Several files written
 * together"). Returns the name it is under, its `.hta-aside` name when no other could be made.
 */
export function keepStranded(aside: string, target: string): string {
  for (let k = 1; k <= 20; k++) {
    const kept = `${target}.hta-kept${k === 1 ? '' : `-${k}`}`;
    try {
      try {
        linkSync(aside, kept);
      } catch (err) {
        if (!(isFsError(err) && NO_LINKS.has(err.code))) throw err;
        try {
          copyFileSync(aside, kept, COPY_FLAGS);
        } catch (copyErr) {
          // A copy that failed half-way (a full disk) is this run's and incomplete: it goes; a name taken is not ours.
          if (!(isFsError(copyErr) && copyErr.code === 'EEXIST')) rmPartial(kept);
          throw copyErr;
        }
      }
    } catch (err) {
      if (isFsError(err) && err.code === 'EEXIST') continue;
      // No new name can be made here (the folder turned read-only, say): it stays under its
      // `.hta-aside` name, which no cleanup removes while it differs from the file at its target.
      return aside;
    }
    // The staging name goes only once the kept name holds the file: the old file is never nameless.
    try {
      unlinkSync(aside);
    } catch {
      // Two names for one file: the kept one is what the user is told of.
    }
    return kept;
  }
  return aside;
}

/** Once every file of a batch is in place: the old files set aside go (best effort). */
function removeSetAside(asides: readonly SetAside[]): void {
  for (const a of asides) discardStagingFile(a.aside);
}

/**
 * Puts the finished staging files of one batch in place, all or nothing: first every target that
 * may not be replaced is checked to be still free, then the files at free targets are placed, in
 * order; then, when the batch replaces two or more existing files (--force), each is set aside
 * under a second name made by this run in its folder, and only then are the replacing files
 * renamed over the targets. The set-aside files are removed once every new file is in place.
 * A batch that replaces one file sets nothing aside: its rename is the batch's last step, with
 * nothing after it that can fail, and one rename over the target is what keeps the old file or
 * the new one there for every reader, never neither. Should anything fail, the
 * set-aside files are put back, the files this batch already put at free targets are taken back
 * and the rest removed: a failed batch leaves the folder as it was.
 */
function placeAll(batch: readonly Staged[]): void {
  let placed = 0;
  const placedNew: PlacedNew[] = [];
  const asides: SetAside[] = [];
  let all = batch;
  try {
    const replacing = new Set(batch.filter((s) => checkStillFree(s) && s.replace));
    // Every file at a free target first (it can be taken back), the files that replace one
    // (--force) last, once the files they replace are set aside.
    all = [...batch.filter((s) => !replacing.has(s)), ...batch.filter((s) => replacing.has(s))];
    const firstReplacing = all.length - replacing.size;
    for (const [k, s] of all.entries()) {
      if (k === firstReplacing && replacing.size >= 2) {
        if (wasInterrupted()) throw interruptedError(s.path);
        for (const r of all.slice(firstReplacing)) {
          const a = setAside(r);
          if (a !== undefined) asides.push(a);
        }
      }
      const st = replacing.has(s) ? statOf(s.tmp) : undefined;
      const p = commit(s);
      placed++;
      if (p !== undefined) placedNew.push(p);
      const a = asides.find((x) => x.s === s);
      if (a !== undefined && st !== undefined) a.placed = { path: s.path, dev: st.dev, ino: st.ino };
    }
  } catch (err) {
    const stranded = putBack(asides);
    takeBack(placedNew);
    abandonAll(all.slice(placed));
    discardMadeFolders(batch.flatMap((s) => s.made));
    if (stranded.length === 0) throw err;
    const base = err instanceof HtaError ? err.message : String(err);
    const failure = new HtaError('output.failed', `${base}; the file(s) it replaced could not all be put back: ${stranded.join(', ')} — rename it back by hand`);
    failure.cause = err;
    throw failure;
  }
  removeSetAside(asides);
  forgetMadeFolders(batch.flatMap((s) => s.made));
}

/** The staging file's device and inode, before it is renamed over its target (undefined if unreadable). */
function statOf(path: string): Stats | undefined {
  try {
    return lstatSync(path);
  } catch {
    return undefined;
  }
}

/**
 * For a file another program writes by its path (DuckDB's `COPY … TO`): `produce` receives the
 * private staging file (created exclusively under a random name beside the target, then
 * closed) and fills it; it is then put in place as `writeFileAtomic` does, or removed if
 * anything fails.
 */
export async function produceFileAtomic(path: string, produce: (staging: string) => Promise<void>, options: WriteOptions = {}): Promise<void> {
  const sinks = alongsideOf(options);
  let s: Staged | undefined;
  let leftover: string | undefined;
  try {
    s = stage(path, mayReplace(options, path));
    closeStaged(s);
    // Listed before the producer starts: Ctrl-C or kill while DuckDB writes removes its `tmp_…` too.
    leftover = producerLeftover(s.tmp);
    registerStagingFile(leftover);
    await produce(s.tmp);
    await letSignalsIn();
  } catch (err) {
    abandonAll([...(s ? [s] : []), ...sinks]);
    if (leftover) removeProducerLeftover(leftover);
    throw isFsError(err) ? fsFailure(err, 'write', path) : (s && producerFailure(err, s.tmp, path)) || err;
  }
  // The producer renamed it onto the staging file (or never made it): nothing there to remove.
  forgetStagingFile(leftover);
  placeAll([s, ...sinks]);
}

/**
 * DuckDB's `COPY … TO <staging>` writes `tmp_<staging name>` beside it and renames it when done:
 * a COPY that fails (a full disk) leaves that file, up to the whole output, beside the user's
 * target. Its name holds the staging file's random part, so it is this run's and no one else's.
 */
const producerLeftover = (tmp: string): string => join(dirname(tmp), `tmp_${basename(tmp)}`);

function removeProducerLeftover(leftover: string): void {
  try {
    if (lstatSync(leftover).isFile()) unlinkSync(leftover);
  } catch {
    // None there.
  }
  forgetStagingFile(leftover);
}

/** A producer's failure to write the staging file (DuckDB's `IO Error: … "<staging>": No space left on device`) as a failure to write the target. */
function producerFailure(err: unknown, tmp: string, path: string): HtaError | undefined {
  const failed = duckDbFileFailure(err);
  if (!failed || (basename(failed.path) !== basename(tmp) && basename(failed.path) !== `tmp_${basename(tmp)}`)) return undefined;
  const code = codeOfSystemWords(failed.reason);
  if (code === undefined) return new HtaError('output.failed', `cannot write ${path}: ${failed.reason}`);
  return fsFailure(Object.assign(new Error(failed.reason), { code }), 'write', path);
}

/** An output written piece by piece through a staging file: `commit` puts it in place, `discard` removes it. */
export interface AtomicSink {
  write(text: string): void;
  commit(): Promise<void>;
  discard(): void;
}

/** Each open sink's staging file, for a batch that puts it in place (WriteOptions.alongside). */
const sinkStaging = new WeakMap<AtomicSink, Staged>();

/** Opens `path` for piecewise writing with the same guarantees as `writeFileAtomic`. */
export function openAtomicSink(path: string, options: WriteOptions = {}): AtomicSink {
  const s = stage(path, mayReplace(options, path));
  const discard = () => {
    abandon(s);
    discardMadeFolders(s.made);
  };
  const sink: AtomicSink = {
    write: (text) => writeAllSync(s, text),
    commit: async () => {
      try {
        await letSignalsIn();
        // From here on synchronous, as writeFilesAtomic's placing: settled, a signal no longer ends the run.
        if (options.settle) settleRun();
        commit(s);
      } catch (err) {
        if (options.settle) unsettleRun();
        discard();
        throw err;
      }
      forgetMadeFolders(s.made);
    },
    discard,
  };
  sinkStaging.set(sink, s);
  return sink;
}

const writeAsync = (fd: number, buf: Buffer, off: number): Promise<number> =>
  new Promise((resolve, reject) => write(fd, buf, off, buf.length - off, null, (err, n) => (err ? reject(err) : resolve(n))));

/**
 * Streams lines (each followed by `\n`) into `path` through a staging file, in ~1 MiB chunks:
 * memory stays bounded however many lines there are, the event loop turns between chunks (so
 * Ctrl-C is honoured and cleans up), and a failed run leaves no file. Returns the line count.
 */
export async function writeLinesAtomic(path: string, lines: Iterable<string>, options: WriteOptions = {}): Promise<number> {
  const sinks = alongsideOf(options);
  let s: Staged | undefined;
  let count = 0;
  try {
    s = stage(path, mayReplace(options, path));
    const fd = s.fd;
    let chunk = '';
    const flush = async () => {
      const buf = Buffer.from(chunk, 'utf8');
      chunk = '';
      try {
        for (let off = 0; off < buf.length; ) off += await writeAsync(fd, buf, off);
      } catch (err) {
        throw isFsError(err) ? fsFailure(err, 'write', path) : err;
      }
    };
    for (const line of lines) {
      chunk += line + '\n';
      count++;
      if (chunk.length >= 1 << 20) await flush();
    }
    await flush();
    await letSignalsIn();
  } catch (err) {
    abandonAll([...(s ? [s] : []), ...sinks]);
    throw err;
  }
  placeAll([s, ...sinks]);
  return count;
}
