/**
 * The input/output guard every command runs before it reads or writes anything
 * (docs/output-safety.md): inputs are never written, outputs are places hta may write.
 *
 * - An input that is a folder is refused with its option named (`<csv> adir is a folder …`),
 *   and so is a named pipe, socket or device (`<csv> fifo.csv is a named pipe, not a file`).
 * - An output that exists must be a regular file (not a folder, device, FIFO, socket or
 *   symbolic link), and an output folder must be a folder.
 * - No output may be an input: compared by device + inode, which catches the same file under
 *   another spelling (`./x.csv`, `../dir/x.csv`), through a symbolic link, or as a hard link.
 *   The bundled EQ-5D value sets count as inputs of every command.
 * - An output file the user named that exists is refused unless `--force` (`force`); files in an
 *   output folder are judged by the folder's index instead (output-index.ts).
 * - No two outputs may be the same file: compared by where they are on disk (the real path of
 *   their folder, links and `..` followed as the system follows them) and, for files that exist,
 *   by device + inode — so `linkdir/r.csv` and `sub/inner/r.csv` are one file before either exists.
 * - `-` is no output: hta writes files, never standard output, there.
 */
import { lstatSync, readdirSync, readlinkSync, realpathSync, statSync, type Stats } from 'node:fs';
import { basename, dirname, isAbsolute, join, normalize, relative, resolve, sep } from 'node:path';
import { HtaError } from '../errors.js';
import { fsFailure, isFsError } from '../io/fs-error.js';
import { specialFileError, specialFileKind } from '../io/regular-file.js';
import { refuseStreamOntoInput, standardStreamFiles } from '../io/redirected-input.js';
import { checkOutputTarget, existingFileError } from '../io/write-atomic.js';
import { VALUE_SET_DIR } from '../instruments/valueset.js';
import { shellWord } from '../io/shell-word.js';
import { windowsNameProblem, windowsPath } from '../io/windows-names.js';
import { doesNotExist, otherUnicodeForm, unicodeFormWords } from '../io/missing-file.js';
import { parquetFolderAdvice } from '../io/parquet-folder.js';

/** A path as the user gave it, with the option (or argument) that gave it: `--plan`, `<csv>`. */
export interface PathArg {
  option: string;
  path: string;
}

const label = (a: PathArg) => `${a.option} ${a.path}`;

function statOrUndefined(a: PathArg, what: 'read' | 'write'): Stats | undefined {
  try {
    return statSync(a.path);
  } catch (err) {
    if (isFsError(err) && (err.code === 'ENOENT' || (what === 'write' && err.code === 'ENOTDIR'))) return undefined;
    throw isFsError(err) ? fsFailure(err, what, label(a)) : err;
  }
}

/** The bundled value sets: data the tool reads, so never an output either. */
function bundledInputs(): PathArg[] {
  try {
    return readdirSync(VALUE_SET_DIR)
      .filter((f) => f.endsWith('.json'))
      .map((f) => ({ option: 'value set', path: join(VALUE_SET_DIR, f) }));
  } catch {
    return [];
  }
}

const sameFile = (a: Stats, b: Stats) => a.dev === b.dev && a.ino === b.ino;

export interface GuardSpec {
  inputs?: readonly (PathArg | undefined)[];
  /** Files the command will write, each named by the user: one that exists is refused unless `force`. */
  outputs?: readonly (PathArg | undefined)[];
  /** Files the command will write into an output folder, whose index says which may be replaced. */
  folderFiles?: readonly (PathArg | undefined)[];
  /** Folders the command will write files into (`--csv-dir`). */
  outputDirs?: readonly (PathArg | undefined)[];
  /** `--force`: outputs that exist may be replaced. */
  force?: boolean;
}

/**
 * `-` as an output: many tools read it as standard output, but hta writes files there, so it
 * would make a file literally named `-` (docs/output-safety.md). Refused with exit 2.
 */
function refuseDashOutput(a: PathArg | undefined, what: 'file' | 'folder'): void {
  if (a?.path !== '-') return;
  throw new HtaError('usage.invalid', `${a.option} -: hta writes ${what === 'file' ? 'a file' : 'files into a folder'} there, not to standard output, so "-" would become a ${what} named "-" — give a ${what} name (e.g. ${a.option} ${what === 'file' ? 'results.csv' : 'out'})`);
}

/**
 * Output names that are almost always slips (docs/output-safety.md): a file name ending in `/` or
 * `\` names a folder (`--out newdir/`: which file in it?), and a name ending in a space or tab is
 * a paste error (`--out "x.csv "` would make a file that looks like x.csv but is not, and that
 * Windows cannot even open). Refused with exit 2, saying what to write instead.
 */
function refuseSlipOutput(a: PathArg | undefined, what: 'file' | 'folder'): void {
  if (a === undefined) return;
  const trimmed = a.path.replace(/[ \t]+$/, '');
  if (trimmed !== a.path) {
    const trailing = a.path.slice(trimmed.length);
    throw new HtaError('usage.invalid', `${a.option} ${JSON.stringify(a.path)}: the name ends in ${trailing === ' ' ? 'a space' : trailing === '\t' ? 'a tab' : 'spaces or tabs'}, which would make a ${what} that looks like "${trimmed}" but is not (usually a slip when pasting) — write ${a.option} ${shellWord(trimmed)}`);
  }
  refuseTildeOutput(a, what);
  refuseLookalikeOutput(a, what);
  if (what === 'file' && /[/\\]$/.test(a.path)) {
    throw new HtaError('usage.invalid', `${a.option} ${a.path}: that names a folder; ${a.option} needs a file name — e.g. ${a.option} ${shellWord(`${a.path}results.csv`)} to write a file in that folder`);
  }
  refuseWindowsOnlyOutput(a, what);
}

/**
 * Refuses output names that are no place to write (`-`, a slip): `files` named by `--out` and the
 * like, `folders` by `--csv-dir` and the like. Every `-` is refused before any slip.
 */
export function refuseOutputNames(files: readonly (PathArg | undefined)[], folders: readonly (PathArg | undefined)[]): void {
  for (const o of files) refuseDashOutput(o, 'file');
  for (const d of folders) refuseDashOutput(d, 'folder');
  for (const o of files) refuseSlipOutput(o, 'file');
  for (const d of folders) refuseSlipOutput(d, 'folder');
}

/**
 * An output path that starts with `~` or `~user` followed by `/` (or is `~` alone): the shell makes
 * that the home folder only when it is unquoted, so `--out "~/reports"` or `OUT="~/reports"` in a
 * script reaches hta as written, and would make a folder named `~` in the current one — which a
 * user who finds it and types `rm -rf ~` takes for their home folder. Refused with exit 2, saying
 * what to write (docs/output-safety.md).
 */
function refuseTildeOutput(a: PathArg, what: 'file' | 'folder'): void {
  // `~` alone, `~/…` or `~user/…`; not a name that merely starts with ~ (`~draft.csv`).
  const tilde = a.path === '~' ? '~' : /^(~[A-Za-z0-9._-]*)\//.exec(a.path)?.[1];
  if (tilde === undefined) return;
  const rest = a.path.slice(tilde.length).replace(/^\/+/, '');
  const kind = tilde === a.path ? what : 'folder';
  const there = existsInAnyForm(tilde) ? `write into the ${kind} named "${tilde}" in the current folder` : `make a ${kind} named "${tilde}" in the current folder`;
  const instead = tilde === '~'
    ? `write $HOME${rest ? `/${rest}` : ''} instead (or ./${a.path} if a ${kind} named "~" is meant)`
    : `write the full path of ${tilde.slice(1)}'s home folder${rest ? `, then /${rest}` : ''}, instead`;
  throw new HtaError('usage.invalid', `${a.option} ${a.path}: a ~ is the home folder only where the shell expands it, which it does not inside quotes (nor in a variable set with quotes, OUT="~/…"), so this would ${there} — ${instead}`);
}

/**
 * An output name hta would make (the file or folder named, or a folder on the way) while a name
 * differing only in its Unicode form is there (`Årsrapport` typed composed, the folder on disk
 * decomposed as macOS writes names): it would make a second name that looks the same, and
 * `--check` would call every file missing. Refused with exit 2 naming the one on disk, as a
 * missing input is (docs/cli.md "File names").
 */
function refuseLookalikeOutput(a: PathArg, what: 'file' | 'folder'): void {
  for (let path = a.path.replace(/\/+$/, '') || a.path, kind = what; !existsInAnyForm(path); path = dirname(path), kind = 'folder') {
    const other = otherUnicodeForm(path);
    if (other !== undefined) {
      const there = join(dirname(path), other);
      const onDisk = statSync(there, { throwIfNoEntry: false })?.isDirectory() ? 'folder' : 'file';
      throw new HtaError('usage.invalid', `${a.option} ${a.path}: a ${onDisk} named ${JSON.stringify(there)} is there, whose name differs only in its Unicode form (${unicodeFormWords(other)}), so this would make a second ${kind} that looks the same — copy its name from a file listing (ls) rather than typing it, or rename it`);
    }
    if (dirname(path) === path) return;
  }
}

/**
 * The names an output path would make, outermost first: the folders on the way that do not exist
 * yet (hta makes them, as write-atomic.ts does: walking up to the first one that exists in any
 * form), then the last name, always — the file or folder named itself.
 */
function namesMade(path: string, what: 'file' | 'folder'): { name: string; what: 'file' | 'folder' }[] {
  const folders: string[] = [];
  for (let d = dirname(path); dirname(d) !== d && !existsInAnyForm(d); d = dirname(d)) folders.unshift(basename(d));
  return [...folders.map((name) => ({ name, what: 'folder' as const })), { name: basename(path), what }];
}

function existsInAnyForm(path: string): boolean {
  try {
    lstatSync(path);
    return true;
  } catch {
    return false;
  }
}

/**
 * Output names that make a literal name here and none on Windows (docs/output-safety.md): `\` and
 * a drive (`out\scored.csv`, `C:\x.csv`) separate folders only on Windows — elsewhere they become
 * part of one name — and a name Windows cannot make (`con.csv`, `aux`, `x.csv.`, `a:b.csv`,
 * windows-names.ts), of the file or of a folder hta makes on the way (`con/x.csv`, `sub./x.csv`),
 * is one the output could never be copied or checked out under there.
 */
function refuseWindowsOnlyOutput(a: PathArg, what: 'file' | 'folder'): void {
  const made = namesMade(a.path, what);
  if (process.platform !== 'win32') {
    // What the path makes here: `C:/out/x.csv` a folder "C:", `out\scored.csv` one file of that name.
    const first = made.length > 1 || existsInAnyForm(a.path) === false ? made[0]! : undefined;
    const makes = first ? `it would make a ${first.what} named "${first.name}"` : `it names "${a.path}" here`;
    const windows = windowsPath(a.path);
    if (windows) throw new HtaError('usage.invalid', `${a.option} ${a.path}: ${windows}, which names nothing on this system: ${makes} — give a path of this system, with / between folders`);
    const slashed = made.find((m) => m.name.includes('\\'));
    if (slashed) throw new HtaError('usage.invalid', `${a.option} ${a.path}: a \\ is part of a name on Linux and macOS, so this would make one ${slashed.what} named "${slashed.name}" — write / between folders: ${a.option} ${shellWord(a.path.replaceAll('\\', '/'))}`);
  }
  for (const m of made) {
    const problem = windowsNameProblem(m.name, m.what);
    if (problem) throw new HtaError('usage.invalid', `${a.option} ${a.path}: ${problem} — choose another name`);
  }
}

/**
 * Refuses an output folder that is a file, a device (`--out /dev/null`) or lies under a file
 * (`--out notes.txt/site`): no run could write there, and `hta report --check` would otherwise
 * list every page as missing (docs/output-safety.md).
 */
export function refuseNonFolder(d: PathArg): void {
  for (let path = d.path; ; path = dirname(path)) {
    const st = statOrUndefined({ option: d.option, path }, 'write');
    if (st?.isDirectory()) return;
    if (st) {
      const kind = specialFileKind(st) ?? 'a file';
      const where = path === d.path ? 'it is' : `${path} is`;
      throw new HtaError('output.failed', `cannot write into ${label(d)}: ${where} ${kind}, where a folder is needed — give a folder name`);
    }
    // A link to a folder that is not there (a OneDrive or network folder not synced, or removed):
    // no folder can be made through it, which every write would otherwise find out only after
    // the work (docs/output-safety.md).
    const target = brokenLinkTarget(path);
    if (target !== undefined) {
      const where = path === d.path ? 'it is' : `${path} is`;
      throw new HtaError('output.failed', `cannot write into ${label(d)}: ${where} a link to ${target}, which does not exist (a OneDrive or network folder not synced, or moved?) — make the folder it points to available, or give another ${d.option} folder`);
    }
    // Absent: the folder is made, if what holds it is a folder.
    if (dirname(path) === path) return;
  }
}

/**
 * Several typed inputs that do not exist are named together (a mistyped folder, an unsynced
 * OneDrive folder), each with its hint (io/missing-file.ts), rather than one per run; one missing
 * input is left to its reader, which says so in its own words.
 */
export function refuseMissingInputs(args: readonly (PathArg | undefined)[]): void {
  const missing = args.filter((a): a is PathArg => a !== undefined && !existsInAnyForm(a.path));
  if (missing.length < 2) return;
  throw new HtaError('input.unreadable', `cannot read ${missing.length} of the inputs: ${missing.map((a) => `${label(a)}: ${doesNotExist(a.path)}`).join('; ')}`);
}

/** Where `path` links to when it is a symbolic link whose target is missing; else undefined. */
function brokenLinkTarget(path: string): string | undefined {
  try {
    if (!lstatSync(path).isSymbolicLink()) return undefined;
    const text = readlinkSync(path);
    // An absolute target is named as the link holds it (what `ls -l` shows). A relative one is
    // relative to the link's folder, not the working one, so it is named where it really is, in
    // the form the user typed the folder in: from the current folder for a relative --out
    // (`f7/pub` → `../missing-share` is `missing-share`), never by a full path the user did not
    // type — errors are pasted into tickets (docs/cli.md, "File names").
    if (isAbsolute(text)) return text;
    const target = resolve(dirname(path), text);
    if (isAbsolute(path)) return target;
    return relative(process.cwd(), target) || '.';
  } catch {
    return undefined;
  }
}

/** Throws an HtaError (exit 2) naming the option and path of the first problem; see the module comment. */
export function guardPaths(spec: GuardSpec): void {
  refuseOutputNames(spec.outputs ?? [], spec.outputDirs ?? []);
  const inputs = (spec.inputs ?? []).filter((a): a is PathArg => a !== undefined);
  const named = new Set((spec.outputs ?? []).filter((a): a is PathArg => a !== undefined));
  const outputs = [...named, ...(spec.folderFiles ?? []).filter((a): a is PathArg => a !== undefined)];
  const known: { arg: PathArg; st: Stats }[] = [];
  const streams = standardStreamFiles();
  for (const a of inputs) {
    const st = statOrUndefined(a, 'read');
    // A missing input is reported by its reader, with the reader's own wording.
    if (!st) continue;
    if (st.isDirectory()) throw new HtaError('input.unreadable', `cannot read ${label(a)}: ${parquetFolderAdvice(a.path, a.option) ?? 'it is a folder, where a file is expected — give the file\'s path'}`);
    // A named pipe would be waited on for ever by its reader (io/regular-file.ts).
    const kind = specialFileKind(st);
    if (kind) throw specialFileError(label(a), kind);
    // `hta plan check p.json >> p.json`: standard output or error is this input (redirected-input.ts).
    refuseStreamOntoInput(st, a.path, label(a), streams);
    known.push({ arg: a, st });
  }
  for (const a of bundledInputs()) {
    const st = statOrUndefined(a, 'read');
    if (st) refuseStreamOntoInput(st, a.path, label(a), streams);
    if (st) known.push({ arg: a, st });
  }
  for (const d of spec.outputDirs ?? []) if (d) refuseNonFolder(d);
  // The outputs so far, by absolute path and by file (device and inode): `hta report` names ~150,
  // and comparing each with all before it resolved ~20,000 paths.
  const written: PathArg[] = [];
  const byPath = new Map<string, number>();
  const byFile = new Map<string, number>();
  const realDirs = new Map<string, string>();
  for (const o of outputs) {
    checkOutputTarget(o.path, label(o));
    const st = statOrUndefined(o, 'write');
    if (st) {
      const input = known.find((k) => sameFile(k.st, st));
      if (input) {
        throw new HtaError('usage.invalid', `${label(o)} is the same file as ${label(input.arg)}; input files are never modified — choose another name`);
      }
    }
    // A name not on disk yet is compared case-folded and NFC: on macOS and Windows `R.csv` and
    // `r.csv` are one file (a name on disk is compared by its device and inode instead).
    const path = placeOnDisk(o.path, realDirs, st === undefined);
    const file = st ? `${st.dev}:${st.ino}` : undefined;
    // The first earlier output that is the same path or the same file (each key is held once: a second would have been refused).
    const twin = Math.min(byPath.get(path) ?? Infinity, (file === undefined ? undefined : byFile.get(file)) ?? Infinity);
    if (twin !== Infinity) {
      const other = written[twin]!;
      const foldedOnly = file === undefined && placeOnDisk(o.path, realDirs, false) !== placeOnDisk(other.path, realDirs, false);
      if (foldedOnly) throw new HtaError('usage.invalid', `${label(o)} and ${label(other)} differ only in upper and lower case (or in Unicode form): on macOS and Windows they are one file, and one would replace the other — choose two different names`);
      throw new HtaError('usage.invalid', `${label(o)} is the same file as ${label(other)}; choose two different names`);
    }
    byPath.set(path, written.length);
    if (file !== undefined) byFile.set(file, written.length);
    written.push(o);
  }
  // After the input checks: an input given as an output is "the same file as --plan", not "exists".
  if (!spec.force) for (const o of named) if (checkOutputTarget(o.path, label(o))) throw existingFileError(o.path);
}

/**
 * Where `path` is on disk, for comparing outputs that may not exist yet: the real path of its
 * folder (links followed, and a `..` after a link taken as the system takes it: the parent of
 * the link's target) joined with its last name; a folder that does not exist yet is placed so in
 * turn from its own folder (hta makes it, so it is no link). `linkdir/r.csv` and `sub/inner/r.csv`,
 * with `linkdir` a link to `sub/inner`, are thus one place before either file exists — a comparison
 * by the path as written would let one output silently replace the other (docs/output-safety.md).
 * `realDirs` caches the folders' real paths (`hta report` compares ~150 files in a few folders).
 */
function placeOnDisk(path: string, realDirs: Map<string, string>, fold: boolean): string {
  const dir = dirname(path);
  const key = `${fold ? 'f' : 'a'}\u0000${dir}`;
  let real = realDirs.get(key);
  if (real === undefined) {
    // A folder hta will make is compared folded too (when `fold`): it is not on disk yet either.
    real = systemRealPath(dir) ?? (dirname(dir) === dir ? resolve(dir) : placeOnDisk(dir, realDirs, fold));
    realDirs.set(key, real);
  }
  return join(real, fold ? foldName(basename(path)) : basename(path));
}

/** A name as a case-insensitive, normalization-insensitive file system (APFS, NTFS) compares it. */
function foldName(name: string): string {
  return name.normalize('NFC').toLowerCase();
}

/** The system's realpath: Node's own (`realpathSync`) first drops `x/..` as text, where the system follows the link `x` first. */
function systemRealPath(path: string): string | undefined {
  try {
    return realpathSync.native(path);
  } catch {
    return undefined;
  }
}

function realOrUndefined(path: string): string | undefined {
  try {
    return realpathSync(path);
  } catch {
    return undefined;
  }
}

/**
 * Refuses output folders that hold an input (at any depth, through links too): an output folder
 * is what gets published (uploaded, synced, shared as a whole), and an input under it — a
 * patient-level registry several folders down included — would go with it; `hta report` also
 * writes and removes files in its folders (docs/output-safety.md "Inputs stay out").
 */
export function refuseInputsInside(folders: readonly PathArg[], inputs: readonly PathArg[], written = 'reports are written into that folder'): void {
  for (const f of folders) {
    // The folder as named and as it really is; each input likewise: a link inside the folder to
    // an input elsewhere is published as that input (zip -r and rsync -L copy the link's target),
    // and an input reached through a link to the folder is inside it.
    const dirs = [...new Set([resolve(f.path), realOrUndefined(f.path)].filter((d): d is string => d !== undefined))];
    if (realOrUndefined(f.path) === undefined) continue;
    for (const i of inputs) {
      for (const file of new Set([resolve(i.path), realOrUndefined(i.path)])) {
        if (file === undefined || !existsInAnyForm(i.path)) continue;
        const dir = dirs.find((d) => (file + sep).startsWith(d.endsWith(sep) ? d : d + sep));
        if (dir === undefined) continue;
        // Where under the folder, unless the input's label already says it (`--out-dir .` holding `d/x.csv`).
        const under = relative(dir, file);
        const where = file === resolve(dir, basename(file)) || under === normalize(i.path) ? '' : ` (${under}, under it)`;
        throw new HtaError('usage.invalid', `${label(f)} holds ${label(i)}${where}; ${written}, and a folder is published whole, so it must not hold their inputs — choose another output folder (beside it, not above it) or move the input`);
      }
    }
  }
}
