/**
 * A CSV read that fails (a folder given as the file: EISDIR on the first read) closes its file
 * descriptor once. Closing it twice would shut whatever file got the same number in between
 * (found by the fuzz run as Node's "closed but not opened" warning in its worker thread).
 */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';

const closes = vi.hoisted(() => [] as number[]);

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const mocked = {
    ...fs,
    closeSync: ((fd: number) => {
      closes.push(fd);
      return fs.closeSync(fd);
    }) as typeof fs.closeSync,
  };
  return { ...mocked, default: mocked };
});

describe('readCsvFile on a folder', () => {
  it('refuses it with a message and closes the descriptor exactly once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-close-'));
    closes.length = 0;
    expect(() => readCsvFile(dir)).toThrow(/folder/);
    expect(closes.length).toBe(1);
  });
});
