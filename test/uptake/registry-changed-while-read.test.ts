/**
 * A registry export still being written while hta reads it (a nightly export job appending when
 * the cron job starts): the engine reads the file several times, and readings of two versions
 * must never become a result, nor a "please report this" bug message (exit 1). The run is refused
 * as the trial reader refuses a file that changed: input.invalid (exit 2), "run the command again"
 * (docs/input-registry.md "A file being written").
 */
import { appendFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { tempDir } from '../support/run-cli.js';

/** The bundled registry's first rows, with one invalid row (a region that is none) after the header. */
function exportWithOneBadRow(rows: number): string {
  const lines = readFileSync('data/synthetic/registry.csv', 'utf8').split('\n');
  const file = join(tempDir(), 'registry.csv');
  writeFileSync(file, [lines[0], 'BAD1,Nowhere,H001,2024-01-01,,,50,m,gp', ...lines.slice(1, rows + 1)].join('\n') + '\n');
  return file;
}

describe('a registry export that changes while it is read', () => {
  it('rows appended while the invalid rows are being named: refused as changed (exit 2), not a bug report', async () => {
    const file = exportWithOneBadRow(2000);
    let appended = false;
    const read = readRegistryFile(file, {
      invalidRows: 'exclude',
      // The row check names each excluded row as it reads it: the export job appends its last rows then.
      onExcluded: () => {
        if (appended) return;
        appended = true;
        appendFileSync(file, Array.from({ length: 50 }, (_, i) => `BADX${i},Nowhere,H001,2024-01-01,,,50,m,gp\n`).join(''));
      },
    });
    const err = await read.then(() => undefined, (e: unknown) => e);
    expect(appended).toBe(true);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).code).toBe('input.invalid');
    expect((err as HtaError).message).toBe(`${file} changed while it was being read; run the command again`);
  });

  it('the same file, unchanged, is read (the check costs a run nothing)', async () => {
    const file = exportWithOneBadRow(2000);
    const read = await readRegistryFile(file, { invalidRows: 'exclude' });
    expect(read.excluded.rows).toBe(1);
  });
});
