/**
 * `hta … --json > out.json` when the disk fills or `ulimit -f` is reached midway: Node wrote the
 * stream with one unchecked writeSync, so the file was cut short with exit 0. The writer must
 * write the rest, and end with the documented line and exit 2 when the rest cannot be written
 * (docs/cli.md "Standard output and error"). In-process: the descriptor's write is replaced.
 */
import { describe, expect, it } from 'vitest';
import { type StreamEnd, type WriteFd, writeAll } from '../../src/cli/standard-streams.js';

class Exit extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

function harness(write: WriteFd) {
  const said: string[] = [];
  const end: StreamEnd = {
    exit: (code) => {
      throw new Exit(code);
    },
    say: (t) => void said.push(t),
  };
  const run = (stream: 'standard output' | 'standard error', text: string): number | undefined => {
    try {
      writeAll(stream, 1, text, write, end);
      return undefined;
    } catch (e) {
      if (e instanceof Exit) return e.code;
      throw e;
    }
  };
  return { said, run };
}

function errno(code: string): Error {
  return Object.assign(new Error(code), { code });
}

/** A file of `room` bytes: writes what fits, then fails with `code` (as a full tmpfs or ulimit -f). */
function fileWithRoom(room: number, code: string) {
  const got: number[] = [];
  const write: WriteFd = (_fd, buffer, offset, length) => {
    const left = room - got.length;
    if (left <= 0) throw errno(code);
    const n = Math.min(left, length);
    for (const b of buffer.subarray(offset, offset + n)) got.push(b);
    return n;
  };
  return { got, write };
}

describe('standard output on a file that runs out of room', () => {
  it('a short write is followed by the rest: all of the text arrives', () => {
    const got: number[] = [];
    // At most 3 bytes per call, as a slow device may accept.
    const { said, run } = harness((_fd, buffer, offset, length) => {
      const n = Math.min(3, length);
      for (const b of buffer.subarray(offset, offset + n)) got.push(b);
      return n;
    });
    const text = '{"år": "Århus", "n": 12345}\n';
    expect(run('standard output', text)).toBeUndefined();
    expect(Buffer.from(got).toString('utf8')).toBe(text);
    expect(said).toEqual([]);
  });

  it('a disk that fills midway (ENOSPC on the rest): the documented line, exit 2', () => {
    const file = fileWithRoom(10, 'ENOSPC');
    const { said, run } = harness(file.write);
    expect(run('standard output', 'x'.repeat(100))).toBe(2);
    expect(said).toEqual(['error: cannot write to standard output: the disk is full — free some space or write somewhere else\n']);
  });

  it('ulimit -f reached midway (EFBIG, Node ignores SIGXFSZ): exit 2 with the limit named', () => {
    const { said, run } = harness(fileWithRoom(16, 'EFBIG').write);
    expect(run('standard output', 'x'.repeat(100))).toBe(2);
    expect(said.join('')).toMatch(/^error: cannot write to standard output: .*ulimit -f/);
  });

  it('a write that accepts nothing counts as a full disk, not as a loop', () => {
    const { said, run } = harness(() => 0);
    expect(run('standard output', 'abc')).toBe(2);
    expect(said.join('')).toContain('the disk is full');
  });

  it('standard error cut short: exit 2, nothing said', () => {
    const { said, run } = harness(fileWithRoom(4, 'ENOSPC').write);
    expect(run('standard error', 'warning: something long\n')).toBe(2);
    expect(said).toEqual([]);
  });
});
