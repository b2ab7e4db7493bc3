/**
 * The process-wide list of staging files that are being written right now. A run stopped by
 * Ctrl-C (SIGINT) or `kill` (SIGTERM) — or ending through `process.exit` — removes them before it
 * goes, so an interrupted `hta simulate registry --rows 1e9` leaves no hidden half-written file
 * behind (docs/output-safety.md).
 *
 * The same holds for a private temporary folder the run created (DuckDB's spill folder,
 * `registerStagingFolder`): it goes with the run, whatever ends it.
 *
 * The signal handlers are installed only while at least one staging file is live: the rest of
 * the time the process keeps Node's default behaviour. Folders made for an output that is not in
 * place yet are listed too, and removed (if still empty) with it.
 */
import { rmdirSync, rmSync, unlinkSync } from 'node:fs';

const live = new Set<string>();
/** Folders this process created for itself (mkdtemp): removed with everything in them. */
const folders = new Set<string>();
/** Folders made on the way to an output that is not in place yet: removed if (still) empty. */
const madeFolders = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Set once a stopping signal was received: from then on nothing is put in place (write-atomic.ts). */
let interrupted = false;

/** Whether SIGINT, SIGTERM or SIGHUP reached this process while an output was being written. */
export function wasInterrupted(): boolean {
  return interrupted;
}

/**
 * Lets the event loop run once around, so that a signal that arrived while synchronous work ran
 * (a long loop blocks its handler) is handled now: call it before an output is put in place and
 * between pieces of a long synchronous loop. Two turns: the first may fall in the phase that runs
 * right after the loop polled for signals; the second comes after a poll.
 */
export async function letSignalsIn(): Promise<void> {
  await new Promise<void>((resolve) => setImmediate(resolve));
  await new Promise<void>((resolve) => setImmediate(resolve));
}

function removeMadeFolders(list: Iterable<string>): void {
  // Innermost first; rmdir removes a folder only when it is empty, so nothing else is ever lost.
  for (const folder of [...list].reverse()) {
    try {
      rmdirSync(folder);
    } catch {
      // Not empty (something was put there) or already gone: kept.
    }
    madeFolders.delete(folder);
  }
}

/**
 * Removes one of hta's own temporary folders, best effort: a read-only or vanished TMPDIR, or one
 * hta may no longer enter, leaves it there — that failure must never replace the run's own error
 * (a read-only TMPDIR said as such, spill-error.ts) nor end the process from its exit handler
 * with a stack trace. Returns whether the folder is gone.
 */
function removeFolder(folder: string): boolean {
  try {
    rmSync(folder, { recursive: true, force: true });
    return true;
  } catch {
    return false;
  }
}

function removeAll(): void {
  for (const file of live) {
    try {
      unlinkSync(file);
    } catch {
      // Already gone (renamed into place or removed): nothing to clean.
    }
  }
  live.clear();
  for (const folder of folders) removeFolder(folder);
  folders.clear();
  removeMadeFolders([...madeFolders]);
}

/**
 * Set while a run's last batch of outputs is put in place and it says what it wrote (`settleRun`):
 * JavaScript handles a signal only after that synchronous work, so a Ctrl-C that lands during it
 * finds every file already placed — the run then ends as it would have, exit 0 with its summary,
 * not 130 after "32 written" (docs/output-safety.md).
 */
let settling = false;

/**
 * The run's outputs are being put in place now, with nothing after but saying so: a stopping signal
 * from here on still removes the temporary files and folders, but no longer ends the run early (a
 * second one does, by the default action). The handlers stay installed until the process ends, so
 * that a signal between the last rename and the summary is not the default's silent exit 130 either.
 */
export function settleRun(): void {
  settling = true;
  install();
}

/** The batch failed after all: a signal ends the run again as usual. */
export function unsettleRun(): void {
  settling = false;
  uninstallIfIdle();
}

function onSignal(signal: NodeJS.Signals): void {
  if (settling) {
    removeAll();
    uninstall();
    return;
  }
  interrupted = true;
  removeAll();
  uninstall();
  // Re-raised with our handlers gone, so the process ends as the signal demands
  // (the shell sees 130 for SIGINT, 143 for SIGTERM) unless someone else handles it.
  process.kill(process.pid, signal);
}

function onExit(): void {
  removeAll();
}

let installed = false;

function install(): void {
  if (installed) return;
  installed = true;
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', onExit);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  for (const s of SIGNALS) process.removeListener(s, onSignal);
  process.removeListener('exit', onExit);
}

/** Records a staging file that exists from now on and must not outlive the process. */
export function registerStagingFile(file: string): void {
  live.add(file);
  install();
}

/** The staging file was renamed into place or removed: nothing left to clean. */
export function forgetStagingFile(file: string): void {
  live.delete(file);
  uninstallIfIdle();
}

function uninstallIfIdle(): void {
  if (!settling && live.size === 0 && folders.size === 0 && madeFolders.size === 0) uninstall();
}

/** Records folders made (outermost first) for outputs not yet in place: removed, if empty, when the run is stopped. */
export function registerMadeFolders(list: readonly string[]): void {
  for (const f of list) madeFolders.add(f);
  if (list.length) install();
}

/** The outputs are in place: the folders made for them are theirs now. */
export function forgetMadeFolders(list: readonly string[]): void {
  for (const f of list) madeFolders.delete(f);
  uninstallIfIdle();
}

/** The outputs failed: removes the folders made for them (innermost first, each only if empty). */
export function discardMadeFolders(list: readonly string[]): void {
  removeMadeFolders(list);
  uninstallIfIdle();
}

/** Records a temporary folder this process created (never a user's): removed if the run is stopped. */
export function registerStagingFolder(folder: string): void {
  folders.add(folder);
  install();
}

/**
 * Removes a registered temporary folder and everything in it (best effort: removeFolder), and
 * forgets it either way — a folder that could not be removed now is not tried again at exit.
 */
export function discardStagingFolder(folder: string): void {
  removeFolder(folder);
  folders.delete(folder);
  uninstallIfIdle();
}

/** Removes a staging file (if it is still there) and forgets it. */
export function discardStagingFile(file: string): void {
  try {
    unlinkSync(file);
  } catch {
    // Never created, or already gone.
  }
  forgetStagingFile(file);
}

/** The temporary folders registered now (for tests). */
export function liveStagingFolders(): string[] {
  return [...folders];
}

/** The staging files alive now (for tests). */
export function liveStagingFiles(): string[] {
  return [...live];
}
