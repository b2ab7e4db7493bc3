import { execFileSync } from 'node:child_process';
import { chmodSync, lstatSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { liveStagingFiles } from '../../src/io/staging-files.js';
import { openAtomicSink, produceFileAtomic, writeFileAtomic, writeFilesAtomic, writeLinesAtomic } from '../../src/io/write-atomic.js';
import { tempDir } from '../support/run-cli.js';

const tmpFiles = (dir: string) => readdirSync(dir).filter((f) => f.endsWith('.tmp'));

/** The HtaError a call throws or rejects with (fails the test if it throws something else or nothing). */
async function errorOf(f: () => unknown): Promise<HtaError> {
  try {
    await f();
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return err as HtaError;
  }
  throw new Error('expected an error');
}

describe('atomic writes', () => {
  it('DuckDB\'s COPY failing to write the staging file (a full disk) is a failure to write the target, and its tmp_ file goes too', async () => {
    const dir = tempDir();
    const target = join(dir, 'registry.parquet');
    writeFileSync(join(dir, 'mine.txt'), 'mine\n');
    const err = await errorOf(() => produceFileAtomic(target, async (staging) => {
      // As DuckDB does: the output goes to tmp_<name> beside it, renamed when complete.
      const leftover = join(dirname(staging), `tmp_${basename(staging)}`);
      writeFileSync(leftover, 'PAR1 half');
      throw new Error(`IO Error: Could not write file "${leftover}": No space left on device`);
    }));
    expect(err.message).toBe(`cannot write ${target}: the disk is full — free some space or write somewhere else`);
    expect(err.exitCode).toBe(2);
    expect(readdirSync(dir)).toEqual(['mine.txt']);
    // Another error of the producer passes unchanged.
    const other = new Error('Binder Error: no such column');
    await expect(produceFileAtomic(target, async () => { throw other; })).rejects.toBe(other);
    expect(readdirSync(dir)).toEqual(['mine.txt']);
  });

  it('a sink given to a batch (alongside) is put in place after its files, and not at all when the batch fails', async () => {
    const dir = tempDir();
    const folder = join(dir, 'tables');
    const ok = openAtomicSink(join(dir, 'excluded.csv'));
    ok.write('line,problem\n');
    await writeFilesAtomic(new Map([[join(folder, 'a.csv'), 'A']]), { alongside: [ok] });
    expect(readFileSync(join(dir, 'excluded.csv'), 'utf8')).toBe('line,problem\n');
    expect(readFileSync(join(folder, 'a.csv'), 'utf8')).toBe('A');

    // A user's file where the batch writes (not to be replaced): the batch fails, and the sink's
    // file is not placed either — a refused run leaves no output (uptake --excluded-out with --csv-dir).
    writeFileSync(join(folder, 'b.csv'), 'mine\n');
    const refused = openAtomicSink(join(dir, 'excluded2.csv'));
    refused.write('line,problem\n');
    const e = await errorOf(() => writeFilesAtomic(new Map([[join(folder, 'c.csv'), 'C'], [join(folder, 'b.csv'), 'B']]), { alongside: [refused] }));
    expect(e.message).toContain(join(folder, 'b.csv'));
    expect(readdirSync(dir).sort()).toEqual(['excluded.csv', 'tables']);
    expect(readdirSync(folder).sort()).toEqual(['a.csv', 'b.csv']);
    expect(liveStagingFiles()).toEqual([]);
  });

  it('a target another program writes while the batch is staged refuses the batch before any file of it is placed', async () => {
    // The race of `hta uptake --csv-dir D --excluded-out X`: X (or a later table) is written by
    // someone else while hta works. Nothing of the batch may be left in place on that refusal.
    const dir = tempDir();
    const folder = join(dir, 'tables');
    const sink = openAtomicSink(join(dir, 'excluded.csv'));
    sink.write('line,problem\n');
    const run = writeFilesAtomic(new Map([[join(folder, 'a.csv'), 'A'], [join(folder, '.hta-files.json'), '{}']]), { alongside: [sink] });
    // The batch is staged synchronously up to its first await: the file appears right after.
    writeFileSync(join(dir, 'excluded.csv'), 'mine\n');
    const e = await errorOf(() => run);
    expect(e.message).toContain('excluded.csv appeared while hta was writing it');
    expect(readFileSync(join(dir, 'excluded.csv'), 'utf8')).toBe('mine\n');
    expect(readdirSync(dir).sort()).toEqual(['excluded.csv']);
    expect(liveStagingFiles()).toEqual([]);

    // The same with a later file of the batch itself: the earlier one is not left behind.
    mkdirSync(folder);
    const run2 = writeFilesAtomic(new Map([[join(folder, 'a.csv'), 'A'], [join(folder, 'b.csv'), 'B']]));
    writeFileSync(join(folder, 'b.csv'), 'theirs\n');
    const e2 = await errorOf(() => run2);
    expect(e2.message).toContain('b.csv appeared while hta was writing it');
    expect(readdirSync(folder).sort()).toEqual(['b.csv']);
    expect(readFileSync(join(folder, 'b.csv'), 'utf8')).toBe('theirs\n');
  });

  it('writeFilesAtomic writes every file and leaves no temporary file', async () => {
    const dir = tempDir();
    await writeFilesAtomic(new Map([[join(dir, 'a.txt'), 'A'], [join(dir, 'sub/b.bin'), new Uint8Array([1, 2])]]));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
    expect([...readFileSync(join(dir, 'sub/b.bin'))]).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'sub']);
    expect(liveStagingFiles()).toEqual([]);
  });

  it('a file that cannot be put in place throws exit 2 naming it, and leaves no temporary files behind', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken/inner'), { recursive: true }); // a non-empty folder where a file should go
    const err = await errorOf(() => writeFilesAtomic(new Map([[join(dir, 'later.txt'), 'L'], [join(dir, 'taken'), 'X']])));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(join(dir, 'taken'));
    expect(err.message).toContain('folder');
    expect(tmpFiles(dir)).toEqual([]);
    expect(readdirSync(dir)).not.toContain('later.txt');
    expect(liveStagingFiles()).toEqual([]);
  });

  it('writeFileAtomic with replace replaces the old content and keeps the file\'s mode (a chmod 600 survives --force)', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.txt'), 'old');
    chmodSync(join(dir, 'f.txt'), 0o600);
    await writeFileAtomic(join(dir, 'f.txt'), 'new', { replace: true });
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('new');
    if (process.platform !== 'win32') expect(lstatSync(join(dir, 'f.txt')).mode & 0o777).toBe(0o600);
    chmodSync(join(dir, 'f.txt'), 0o640);
    await writeFilesAtomic(new Map([[join(dir, 'f.txt'), 'newer']]), { replace: true });
    if (process.platform !== 'win32') expect(lstatSync(join(dir, 'f.txt')).mode & 0o777).toBe(0o640);
    expect(tmpFiles(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a new file gets 0666 less the umask, as any program\'s (umask 077: 0600)', async () => {
    const dir = tempDir();
    const before = process.umask(0o077);
    try {
      await writeFileAtomic(join(dir, 'private.txt'), 'x');
      await writeFilesAtomic(new Map([[join(dir, 'a.txt'), 'a']]));
      process.umask(0o002);
      await writeFileAtomic(join(dir, 'shared.txt'), 'x');
    } finally {
      process.umask(before);
    }
    expect(lstatSync(join(dir, 'private.txt')).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(dir, 'a.txt')).mode & 0o777).toBe(0o600);
    expect(lstatSync(join(dir, 'shared.txt')).mode & 0o777).toBe(0o664);
  });

  it.skipIf(process.platform === 'win32')('refuses a device, a FIFO and a symbolic link at the target, and never writes through the link', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'precious');
    symlinkSync('precious.txt', join(dir, 'link.csv'));
    execFileSync('mkfifo', [join(dir, 'pipe.csv')]);
    for (const [target, what] of [['/dev/null', 'device'], [join(dir, 'pipe.csv'), 'FIFO'], [join(dir, 'link.csv'), 'symbolic link']] as const) {
      const err = await errorOf(() => writeFileAtomic(target, 'data', { replace: true }));
      expect(err.exitCode).toBe(2);
      expect(err.message).toContain(target);
      expect(err.message).toContain(what);
    }
    expect(lstatSync('/dev/null').isCharacterDevice()).toBe(true);
    expect(lstatSync(join(dir, 'link.csv')).isSymbolicLink()).toBe(true);
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('precious');
    expect(tmpFiles(dir)).toEqual([]);
  });

  it.skipIf(process.platform === 'win32')('a symbolic link planted at the old predictable staging name is not followed', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.txt'), 'precious');
    symlinkSync('precious.txt', join(dir, `.planted.csv.${process.pid}.tmp`));
    await writeFileAtomic(join(dir, 'planted.csv'), 'export');
    expect(readFileSync(join(dir, 'precious.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(dir, 'planted.csv'), 'utf8')).toBe('export');
    // The staging file is private while it exists: its name is random (not guessable from the pid).
    expect(readdirSync(dir).sort()).toEqual([`.planted.csv.${process.pid}.tmp`, 'planted.csv', 'precious.txt']);
  });

  it('a folder on the way that is a file is refused with exit 2, naming it', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), '');
    const err = await errorOf(() => writeFileAtomic(join(dir, 'afile/x.csv'), 'data'));
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain(join(dir, 'afile'));
    expect(err.message).toMatch(/is a file|not a folder/);
  });

  it('writeLinesAtomic streams lines into place and cleans up when the lines fail half-way', async () => {
    const dir = tempDir();
    expect(await writeLinesAtomic(join(dir, 'a.csv'), ['x', 'y'])).toBe(2);
    expect(readFileSync(join(dir, 'a.csv'), 'utf8')).toBe('x\ny\n');
    function* failing() {
      for (let i = 0; i < 200_000; i++) yield 'row,' + i;
      throw new Error('generator failed');
    }
    await expect(writeLinesAtomic(join(dir, 'b.csv'), failing())).rejects.toThrow('generator failed');
    expect(readdirSync(dir)).toEqual(['a.csv']);
    expect(liveStagingFiles()).toEqual([]);
  });

  it('an existing file is never replaced unless asked: exit 2 with the one message, old content kept', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'precious.csv'), 'precious');
    const err = await errorOf(() => writeFileAtomic(join(dir, 'precious.csv'), 'new'));
    expect(err.exitCode).toBe(2);
    expect(err.message).toBe(`${join(dir, 'precious.csv')} exists; hta does not write over a file — choose another name, or add --force to replace it`);
    expect(readFileSync(join(dir, 'precious.csv'), 'utf8')).toBe('precious');
    // A set of replaceable paths: the other file is refused, and nothing of the batch is written.
    const batch = new Map([[join(dir, 'mine.csv'), 'A'], [join(dir, 'precious.csv'), 'B']]);
    writeFileSync(join(dir, 'mine.csv'), 'old');
    await errorOf(() => writeFilesAtomic(batch, { replace: new Set([join(dir, 'mine.csv')]) }));
    expect(readFileSync(join(dir, 'mine.csv'), 'utf8')).toBe('old');
    expect(readFileSync(join(dir, 'precious.csv'), 'utf8')).toBe('precious');
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('a file that appears at the target while the output is written is not replaced', async () => {
    const dir = tempDir();
    const sink = openAtomicSink(join(dir, 'late.csv'));
    sink.write('hta');
    writeFileSync(join(dir, 'late.csv'), 'the user saved this meanwhile');
    const err = await errorOf(() => sink.commit());
    // It was just written by someone (another hta run, say): said so, and --force is not offered.
    expect(err.message).toContain('late.csv appeared while hta was writing it');
    expect(err.message).toContain('if another hta run is writing the same folder, let it finish');
    expect(err.message).not.toContain('--force');
    expect(readFileSync(join(dir, 'late.csv'), 'utf8')).toBe('the user saved this meanwhile');
    expect(tmpFiles(dir)).toEqual([]);
    expect(liveStagingFiles()).toEqual([]);
  });

  it('keepIdentical: a file that appeared with exactly the bytes to write is kept and the write succeeds; other bytes are refused as appeared', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'same.json'), '{"a":1}\n');
    await writeFilesAtomic(new Map([[join(dir, 'same.json'), '{"a":1}\n'], [join(dir, 'new.json'), 'n']]), { keepIdentical: true });
    expect(readFileSync(join(dir, 'same.json'), 'utf8')).toBe('{"a":1}\n');
    expect(readFileSync(join(dir, 'new.json'), 'utf8')).toBe('n');
    writeFileSync(join(dir, 'other.json'), 'theirs');
    const err = await errorOf(() => writeFilesAtomic(new Map([[join(dir, 'other.json'), 'mine']]), { keepIdentical: true }));
    expect(err.message).toContain('other.json appeared while hta was writing it');
    expect(err.message).not.toContain('--force');
    expect(readFileSync(join(dir, 'other.json'), 'utf8')).toBe('theirs');
    expect(tmpFiles(dir)).toEqual([]);
  });

  it('folders made for a write that fails are removed again (only those, only when empty)', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken/inner'), { recursive: true });
    mkdirSync(join(dir, 'existing'));
    await errorOf(() => writeFilesAtomic(new Map([[join(dir, 'new/deeper/a.txt'), 'A'], [join(dir, 'existing/b.txt'), 'B'], [join(dir, 'taken'), 'X']])));
    expect(readdirSync(dir).sort()).toEqual(['existing', 'taken']);
    expect(readdirSync(join(dir, 'existing'))).toEqual([]);
  });
});
