/**
 * What a run killed with kill -9 leaves beside its target (`.<name>.<pid>-<host>.<hex>.tmp`, mode
 * 0600, part of the output) is removed by the next run that writes that target, with a note —
 * only when provably stale: hta's exact pattern for that target, this machine, a regular file,
 * its process gone. Everything else stays (docs/output-safety.md "What kill -9 leaves").
 */
import { readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HOST_TAG, onStaleStagingNote, parseStagingName, stagingName } from '../../src/io/stale-staging.js';
import { writeFileAtomic } from '../../src/io/write-atomic.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A process id no process has (above Linux's largest, 2^22; macOS's are smaller still). */
const deadPid = (): number => 2 ** 30;
const HEX = '0123456789abcdef';

describe('staging files left by a killed run', () => {
  it('the staging name carries the process id and this machine', () => {
    const name = stagingName('scored.csv');
    expect(name).toMatch(new RegExp(`^\\.scored\\.csv\\.${process.pid}-${HOST_TAG}\\.[0-9a-f]{16}\\.tmp$`));
    expect(parseStagingName(name)).toEqual({ stem: 'scored.csv', pid: process.pid, host: HOST_TAG });
    expect(parseStagingName('.scored.csv.0123456789abcdef.tmp')).toEqual({ stem: 'scored.csv' });
    expect(parseStagingName('.scored.csv.tmp')).toBeUndefined();
  });

  it("the next write of the target removes only its own stale ones, says so, and names an older hta's", async () => {
    const dir = tempDir();
    const dead = deadPid();
    const stale = `.t.csv.${dead}-${HOST_TAG}.${HEX}.tmp`;
    const kept = [
      `.t.csv.${process.ppid}-${HOST_TAG}.${HEX}.tmp`, // its process still runs
      `.t.csv.${dead}-ffffffff.${HEX}.tmp`.replace('ffffffff', HOST_TAG === 'ffffffff' ? 'eeeeeeee' : 'ffffffff'), // another machine's
      `.u.csv.${dead}-${HOST_TAG}.${HEX}.tmp`, // another target's
      `.t.csv.${HEX}.tmp`, // an older hta's: cannot be told stale
      `.t.csv.notes.tmp`, // not hta's pattern
    ];
    for (const f of [stale, ...kept]) writeFileSync(join(dir, f), 'SB0001,app,baseline\n', { mode: 0o600 });
    // A link with the pattern is never followed nor removed.
    const link = `.t.csv.${dead}-${HOST_TAG}.fedcba9876543210.tmp`;
    writeFileSync(join(dir, 'precious.txt'), 'mine');
    symlinkSync('precious.txt', join(dir, link));
    const notes: string[] = [];
    onStaleStagingNote((t) => notes.push(t));
    try {
      await writeFileAtomic(join(dir, 't.csv'), 'a,b\n');
    } finally {
      onStaleStagingNote(() => {});
    }
    expect(readdirSync(dir).sort()).toEqual([...kept, link, 'precious.txt', 't.csv'].sort());
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('mine');
    expect(notes).toHaveLength(2);
    expect(notes.find((n) => n.startsWith('note: removed'))).toBe(`note: removed ${join(dir, stale)}, a staging file left while writing t.csv by an hta run that was stopped without cleaning up (process ${dead}, no longer running; killed with kill -9, say)\n`);
    expect(notes.find((n) => !n.startsWith('note: removed'))).toContain(`${join(dir, '.t.csv.0123456789abcdef.tmp')} looks like a staging file an interrupted run of an earlier hta left`);
  });
});
