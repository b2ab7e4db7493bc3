import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeFilesAtomic } from '../../src/io/write-atomic.js';
import { tempDir } from '../support/run-cli.js';

describe('atomic writes', () => {
  it('writeFilesAtomic writes every file and leaves no temporary file', () => {
    const dir = tempDir();
    writeFilesAtomic(new Map([[join(dir, 'a.txt'), 'A'], [join(dir, 'sub/b.bin'), new Uint8Array([1, 2])]]));
    expect(readFileSync(join(dir, 'a.txt'), 'utf8')).toBe('A');
    expect([...readFileSync(join(dir, 'sub/b.bin'))]).toEqual([1, 2]);
    expect(readdirSync(dir).sort()).toEqual(['a.txt', 'sub']);
  });

  it('a file that cannot be put in place throws and leaves no temporary files behind', () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'taken/inner'), { recursive: true }); // a non-empty folder where a file should go
    expect(() => writeFilesAtomic(new Map([[join(dir, 'taken'), 'X'], [join(dir, 'later.txt'), 'L']]))).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
    expect(readdirSync(dir)).not.toContain('later.txt');
  });

  it('writeFileAtomic replaces the old content and cleans up after a failure', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'f.txt'), 'old');
    writeFileAtomic(join(dir, 'f.txt'), 'new');
    expect(readFileSync(join(dir, 'f.txt'), 'utf8')).toBe('new');
    mkdirSync(join(dir, 'd/inner'), { recursive: true });
    expect(() => writeFileAtomic(join(dir, 'd'), 'X')).toThrow();
    expect(readdirSync(dir).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });
});
