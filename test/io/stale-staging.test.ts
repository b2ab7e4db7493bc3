/**
 * What a run killed with kill -9 leaves beside its target (`.<name>.<pid>-<host>.<hex>.tmp`, mode
 * 0600, part of the output) is removed by the next run that writes that target, with a note —
 * only when provably stale: hta's exact pattern for that target, this machine and pid namespace, a
 * regular file, its process gone, not written lately. Everything else stays (docs/output-safety.md
 * "What kill -9 leaves").
 */
import { mkdirSync, readdirSync, readFileSync, readlinkSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOST_TAG, hostTag, onStaleStagingNote, parseStagingName, sayLeftovers, STALE_AFTER_MS, stagingName, stagingStem, targetTag } from '../../src/io/stale-staging.js';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/write-atomic.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A process id no process has (above Linux's largest, 2^22; macOS's are smaller still). */
const deadPid = (): number => 2 ** 30;
const HEX = '0123456789abcdef';

/** Writes leftover files as kill -9 leaves them (mode 0600), last written an hour ago unless `recent`. */
function leave(dir: string, names: string[], recent: string[] = []): void {
  const hourAgo = new Date(Date.now() - 60 * 60 * 1000);
  for (const f of names) {
    writeFileSync(join(dir, f), 'SB0001,app,baseline\n', { mode: 0o600 });
    if (!recent.includes(f)) utimesSync(join(dir, f), hourAgo, hourAgo);
  }
}

/** Writes `target` in `dir` as a run does; the notes it gave. */
async function writeTarget(dir: string, target: string): Promise<string[]> {
  const notes: string[] = [];
  onStaleStagingNote((t) => notes.push(t));
  try {
    await writeFileAtomic(join(dir, target), 'a,b\n');
    // The notes on removed and kept leftovers, said at the end of a run (main.ts).
    sayLeftovers();
  } finally {
    onStaleStagingNote(() => {});
  }
  return notes;
}

describe('staging files left by a killed run', () => {
  it('the staging name carries the process id and this machine', () => {
    const name = stagingName('scored.csv');
    expect(name).toMatch(new RegExp(`^\\.scored\\.csv\\.${process.pid}-${HOST_TAG}-${targetTag('scored.csv')}\\.[0-9a-f]{16}\\.tmp$`));
    expect(parseStagingName(name)).toEqual({ stem: 'scored.csv', pid: process.pid, host: HOST_TAG, target: targetTag('scored.csv') });
    // Earlier hta's patterns: no target tag, no process id.
    expect(parseStagingName(`.scored.csv.4242-${HOST_TAG}.0123456789abcdef.tmp`)).toEqual({ stem: 'scored.csv' });
    expect(parseStagingName('.scored.csv.0123456789abcdef.tmp')).toEqual({ stem: 'scored.csv' });
    expect(parseStagingName('.scored.csv.tmp')).toBeUndefined();
  });

  it("the next write of the target removes only its own stale ones, says so, and names an older hta's", async () => {
    const dir = tempDir();
    const dead = deadPid();
    const t = targetTag('t.csv');
    const stale = stagingName('t.csv', dead);
    const recent = stagingName('t.csv', dead); // its process is gone, but it was written a moment ago
    const kept = [
      stagingName('t.csv', process.ppid), // its process still runs
      `.t.csv.${dead}-ffffffff-${t}.${HEX}.tmp`.replace('ffffffff', HOST_TAG === 'ffffffff' ? 'eeeeeeee' : 'ffffffff'), // another machine's or container's
      stagingName('u.csv', dead), // another target's
      `.t.csv.${HEX}.tmp`, // an older hta's: cannot be told stale
      `.t.csv.${dead}-${HOST_TAG}.${HEX}.tmp`, // an older hta's, with no target tag
      `.t.csv.notes.tmp`, // not hta's pattern
      recent,
    ];
    leave(dir, [stale, ...kept], [recent]);
    // A link with the pattern is never followed nor removed.
    const link = `.t.csv.${dead}-${HOST_TAG}-${t}.fedcba9876543210.tmp`;
    writeFileSync(join(dir, 'precious.txt'), 'mine');
    symlinkSync('precious.txt', join(dir, link));
    const notes = await writeTarget(dir, 't.csv');
    expect(readdirSync(dir).sort()).toEqual([...kept, link, 'precious.txt', 't.csv'].sort());
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine');
    expect(notes).toHaveLength(4);
    // The recent one is named now, not only when a later run removes it.
    expect(notes.filter((n) => n.includes(recent))).toEqual([expect.stringContaining('is kept for now — a run after that removes it')]);
    expect(notes.find((n) => n.startsWith('note: removed'))).toBe(`note: removed ${join(dir, stale)}, a staging file left while writing t.csv by an hta run that was stopped without cleaning up (process ${dead}, no longer running; killed with kill -9, say)\n`);
    expect(notes.filter((n) => !n.startsWith('note: removed')).join('')).toContain(`${join(dir, '.t.csv.0123456789abcdef.tmp')} looks like a staging file an interrupted run of an earlier hta left`);
    expect(notes.filter((n) => !n.startsWith('note: removed')).join('')).toContain(`${join(dir, `.t.csv.${dead}-${HOST_TAG}.${HEX}.tmp`)} looks like a staging file an interrupted run of an earlier hta left`);
    // Once it has not been written for STALE_AFTER_MS, the recent one goes too.
    const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
    utimesSync(join(dir, recent), old, old);
    rmSync(join(dir, 't.csv'));
    await writeTarget(dir, 't.csv');
    expect(readdirSync(dir)).not.toContain(recent);
  });

  it('the machine tag includes the pid namespace: containers sharing a host name and a folder do not remove each other\'s', () => {
    expect(hostTag('box', 'pid:[4026531836]')).not.toBe(hostTag('box', 'pid:[4026532001]'));
    let ns = '';
    try {
      ns = readlinkSync('/proc/self/ns/pid');
    } catch {
      // No /proc (macOS): the host name alone.
    }
    expect(HOST_TAG).toBe(hostTag(hostname(), ns));
    if (ns !== '') expect(HOST_TAG).not.toBe(hostTag(hostname(), ''));
  });

  it('a staging name stays under 255 bytes for a long name in any script, cut between code points', async () => {
    const dir = tempDir();
    const cjk = '\u6570'.repeat(80) + '.csv'; // 244 bytes: a name the file system takes
    expect(Buffer.byteLength(stagingName(cjk))).toBeLessThanOrEqual(255);
    await writeTarget(dir, cjk);
    expect(readdirSync(dir)).toEqual([cjk]);
    // 'a' then emoji (two UTF-16 units each): a cut through a pair would never match on re-read.
    const emoji = 'a' + '\u{1F600}'.repeat(50) + '.csv';
    expect(stagingStem(emoji)).toBe('a' + '\u{1F600}'.repeat(37));
    const stale = stagingName(emoji, deadPid());
    leave(dir, [stale]);
    const notes = await writeTarget(dir, emoji);
    expect(notes).toHaveLength(1);
    expect(readdirSync(dir).sort()).toEqual([cjk, emoji].sort());
  });

  it('a batch of files in two folders clears each target\'s leftovers in its own folder', async () => {
    const dir = tempDir();
    const sub = join(dir, 'sub');
    mkdirSync(sub);
    const inDir = ['a.csv', 'b.csv'].map((t) => stagingName(t, deadPid()));
    const inSub = stagingName('c.csv', deadPid());
    leave(dir, inDir);
    leave(sub, [inSub]);
    const notes: string[] = [];
    onStaleStagingNote((t) => notes.push(t));
    try {
      await writeFilesAtomic(new Map([[join(dir, 'a.csv'), '1\n'], [join(sub, 'c.csv'), '3\n'], [join(dir, 'b.csv'), '2\n']]));
      sayLeftovers();
    } finally {
      onStaleStagingNote(() => {});
    }
    // One note for the three, naming both folders (a killed report leaves one per page: docs/output-safety.md#kill-9).
    expect(notes).toEqual([`note: removed 3 staging files left in ${dir}, ${sub} by an hta run that was stopped without cleaning up (process ${deadPid()}, no longer running; killed with kill -9, say): parts of outputs it never put in place\n`]);
    expect(readdirSync(dir).sort()).toEqual(['a.csv', 'b.csv', 'sub']);
    expect(readdirSync(sub)).toEqual(['c.csv']);
  });

  it('a killed report\'s many leftovers get one note, not a line each; one that ages while the run works goes at its end', async () => {
    const dir = tempDir();
    // A report killed while placing its pages leaves a staging file for every page not yet placed, written moments ago.
    const targets = Array.from({ length: 12 }, (_, k) => `forest-${k}.png`);
    const left = targets.map((t) => stagingName(t, deadPid()));
    leave(dir, left, left);
    const notes: string[] = [];
    onStaleStagingNote((t) => notes.push(t));
    try {
      await writeFilesAtomic(new Map(targets.map((t) => [join(dir, t), 'PNG\n'])));
      // A long run: by its end the first has not been written for STALE_AFTER_MS.
      const old = new Date(Date.now() - STALE_AFTER_MS - 1000);
      utimesSync(join(dir, left[0]!), old, old);
      sayLeftovers();
    } finally {
      onStaleStagingNote(() => {});
    }
    expect(notes).toEqual([
      `note: removed ${join(dir, left[0]!)}, a staging file left while writing forest-0.png by an hta run that was stopped without cleaning up (process ${deadPid()}, no longer running; killed with kill -9, say)\n`,
      `note: 11 staging files in ${dir} (${left[1]}, …) were left by an hta run (process ${deadPid()}) that is no longer running; written under ${STALE_AFTER_MS / 60000} minutes ago, they are kept for now — a run after that removes them, or delete them if no other hta run is writing there. They hold parts of outputs: do not publish a folder that holds them\n`,
    ]);
    expect(readdirSync(dir).sort()).toEqual([...targets, ...left.slice(1)].sort());
  });

  it('two targets sharing their first 150 bytes are told apart: one run never removes the other\'s leftovers', async () => {
    const dir = tempDir();
    const a = 'x'.repeat(160) + '-a.csv';
    const b = 'x'.repeat(160) + '-b.csv';
    expect(stagingStem(a)).toBe(stagingStem(b));
    const ofB = stagingName(b, deadPid());
    leave(dir, [ofB]);
    expect(await writeTarget(dir, a)).toEqual([]);
    expect(readdirSync(dir).sort()).toEqual([ofB, a].sort());
    const notes = await writeTarget(dir, b);
    expect(notes[0]).toContain(`while writing ${b} by an hta run`);
    expect(readdirSync(dir).sort()).toEqual([a, b].sort());
  });
});
