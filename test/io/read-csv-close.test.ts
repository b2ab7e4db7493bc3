/**
 * A CSV read that fails (a folder given as the file: EISDIR on the first read) closes its file
 * descriptor once. Closing it twice would shut whatever file got the same number in between
 * (found by the fuzz run as Node's "closed but not opened" warning in its worker thread).
 */
import fs, { mkdtempSync } from 'node:fs';
import { syncBuiltinESMExports } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';

describe('readCsvFile on a folder', () => {
  it('refuses it with a message and closes the descriptor exactly once', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-close-'));
    // Counts closeSync by patching node:fs and syncing its ESM exports (every module's
    // `import { closeSync } from 'node:fs'` sees it), not by vi.mock: no module graph of its own.
    // The read is synchronous, so nothing else closes a file meanwhile; restored after.
    const closes: number[] = [];
    const real = fs.closeSync;
    fs.closeSync = (fd: number) => {
      closes.push(fd);
      return real(fd);
    };
    syncBuiltinESMExports();
    try {
      expect(() => readCsvFile(dir)).toThrow(/folder/);
    } finally {
      fs.closeSync = real;
      syncBuiltinESMExports();
    }
    expect(closes.length).toBe(1);
  });
});
