/**
 * A `kill -9` while a batch of `--csv-dir` / `--out-dir` tables is being put in place leaves the
 * folder's index (`.hta-files.json`) and its tables out of step: the tables are renamed one at a
 * time and the index last, so the folder may hold new tables beside the old index, with the index
 * the run had staged (and its set-aside copies) beside them. The next run must take those tables
 * for hta's own, unchanged (they have the SHA-256 the killed run's staged index records), write
 * without --force, and remove what that run left; a table edited by hand is still refused
 * (docs/output-safety.md#kill-9). The on-disk state is built as the kill leaves it (no signal).
 */
import { linkSync, readdirSync, readFileSync, renameSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FOLDER_INDEX } from '../../src/io/index-names.js';
import { asideName, onStaleStagingNote, sayLeftovers, stagingFilesIn, stagingName } from '../../src/io/stale-staging.js';
import { type FolderOutput, writeFolderFiles } from '../../src/io/write-folder.js';
import { tempDir } from '../support/run-cli.js';

/** A process id no process has (above Linux's largest, 2^22). */
const DEAD = 2 ** 30;

/** Uptake-shaped tables of one publication (`v` marks the run). */
const tables = (v: number) => new Map([
  ['uptake-by-region.csv', `region,treated,eligible,uptake\nHovedstaden,${120 + v},400,${((120 + v) / 400).toFixed(3)}\nSjælland,85,310,0.274\n`],
  ['uptake-by-year.csv', `year,treated,eligible\n2023,${200 + v},700\n2024,${230 + v},710\n`],
]);

const out = (dir: string, force = false): FolderOutput => ({ dir, option: '--csv-dir', force });

/** The index a run writing `files` puts in the folder: written by hta into a folder of its own and read back. */
async function indexOf(files: ReadonlyMap<string, string>): Promise<string> {
  const elsewhere = tempDir();
  await writeFolderFiles(out(elsewhere), files);
  return readFileSync(join(elsewhere, FOLDER_INDEX), 'utf8');
}

/** A file as a killed run leaves it: written an hour ago (older than a live run's, stale-staging.ts STALE_AFTER_MS). */
function leave(path: string, content: string): void {
  writeFileSync(path, content, { mode: 0o600 });
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  utimesSync(path, hourAgo, hourAgo);
}

/**
 * The folder as a run writing `next` over `dir` leaves it when killed after its first rename: each
 * table and the index set aside (hard links), the first table replaced, the rest (the index among
 * them) still staged.
 */
async function killedAfterFirstRename(dir: string, next: ReadonlyMap<string, string>): Promise<void> {
  const names = [...next.keys()];
  for (const name of [...names, FOLDER_INDEX]) linkSync(join(dir, name), join(dir, asideName(name, DEAD)));
  const first = join(dir, stagingName(names[0]!, DEAD));
  writeFileSync(first, next.get(names[0]!)!);
  renameSync(first, join(dir, names[0]!));
  for (const name of names.slice(1)) leave(join(dir, stagingName(name, DEAD)), next.get(name)!);
  leave(join(dir, stagingName(FOLDER_INDEX, DEAD)), await indexOf(next));
}

/** Runs `f`, returning the notes on leftovers it gave (said at the end of a run, as main.ts does). */
async function notesOf(f: () => Promise<void>): Promise<string[]> {
  const notes: string[] = [];
  onStaleStagingNote((t) => notes.push(t));
  try {
    await f();
    sayLeftovers();
  } finally {
    onStaleStagingNote(() => {});
  }
  return notes;
}

describe('a --csv-dir folder after a kill -9 while its tables were put in place', () => {
  it('the next run takes the tables the killed run placed for its own, writes without --force, and leaves no leftover', async () => {
    const dir = tempDir();
    await writeFolderFiles(out(dir), tables(1));
    await killedAfterFirstRename(dir, tables(2));
    // The state the next run meets: a new table beside the old index.
    expect(readFileSync(join(dir, 'uptake-by-region.csv'), 'utf8')).toBe(tables(2).get('uptake-by-region.csv'));
    expect(readFileSync(join(dir, FOLDER_INDEX), 'utf8')).toBe(await indexOf(tables(1)));
    // A later nightly run with other numbers again: no "edited since hta wrote it".
    const notes = await notesOf(() => writeFolderFiles(out(dir), tables(3)));
    for (const [name, content] of tables(3)) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
    expect(readFileSync(join(dir, FOLDER_INDEX), 'utf8')).toBe(await indexOf(tables(3)));
    // Every leftover went (the index's set-aside copy and its staged index too), said in one note for each kind.
    expect(stagingFilesIn(dir)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([FOLDER_INDEX, ...tables(3).keys()].sort());
    expect(notes).toEqual([
      `note: removed 2 staging files left in ${dir} by an hta run that was stopped without cleaning up (process ${DEAD}, no longer running; killed with kill -9, say): parts of outputs it never put in place\n`,
      `note: removed 3 spare copies that an hta run (process ${DEAD}, no longer running) set aside in ${dir} while replacing files: each held the bytes of the file at its target, or what hta wrote there before\n`,
    ]);
  });

  it('a table edited by hand after the kill is still refused', async () => {
    const dir = tempDir();
    await writeFolderFiles(out(dir), tables(1));
    await killedAfterFirstRename(dir, tables(2));
    writeFileSync(join(dir, 'uptake-by-year.csv'), 'year,treated,eligible\n2023,201,700\n2024,231,710\n# checked by Mette\n');
    await expect(writeFolderFiles(out(dir), tables(3))).rejects.toThrow(`refusing to write over 1 file(s) in --csv-dir ${dir}: ${join(dir, 'uptake-by-year.csv')} (edited since hta wrote it)`);
    // Nothing was written, and what tells hta's files apart is kept for the run after the user's move.
    expect(readFileSync(join(dir, 'uptake-by-region.csv'), 'utf8')).toBe(tables(2).get('uptake-by-region.csv'));
    expect(stagingFilesIn(dir).filter((n) => n.startsWith(`.${FOLDER_INDEX}.`))).toHaveLength(2);
  });

  it('a first build killed after its first table: the table is hta\'s, the folder has no index yet', async () => {
    const dir = tempDir();
    const names = [...tables(1).keys()];
    // Every target was free: the first table placed (a hard link), the other and the index still staged.
    writeFileSync(join(dir, names[0]!), tables(1).get(names[0]!)!);
    leave(join(dir, stagingName(names[1]!, DEAD)), tables(1).get(names[1]!)!);
    leave(join(dir, stagingName(FOLDER_INDEX, DEAD)), await indexOf(tables(1)));
    await notesOf(() => writeFolderFiles(out(dir), tables(2)));
    for (const [name, content] of tables(2)) expect(readFileSync(join(dir, name), 'utf8')).toBe(content);
    expect(readdirSync(dir).sort()).toEqual([FOLDER_INDEX, ...names].sort());
  });

  it('a table the killed run placed and this run does not write stays listed as hta\'s', async () => {
    const dir = tempDir();
    await writeFolderFiles(out(dir), tables(1));
    // The killed run also wrote a funnel table (a free target, placed first), then was killed before its index.
    const next = new Map([...tables(2), ['clinic-funnel.csv', 'step,patients\nreferred,410\ntreated,122\n']]);
    writeFileSync(join(dir, 'clinic-funnel.csv'), next.get('clinic-funnel.csv')!);
    for (const name of tables(2).keys()) leave(join(dir, stagingName(name, DEAD)), next.get(name)!);
    leave(join(dir, stagingName(FOLDER_INDEX, DEAD)), await indexOf(next));
    await notesOf(() => writeFolderFiles(out(dir), tables(3)));
    const index = JSON.parse(readFileSync(join(dir, FOLDER_INDEX), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(index.files).sort()).toEqual(['clinic-funnel.csv', ...tables(3).keys()].sort());
    expect(stagingFilesIn(dir)).toEqual([]);
  });
});
