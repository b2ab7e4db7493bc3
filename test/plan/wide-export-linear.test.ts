/**
 * `plan init` takes time in proportion to the export, not to the square of its columns: a file of
 * 20 rows and 40,000 columns took 67 s (each column's index looked up with `header.indexOf`, a
 * block of items c0…c39999 copied once per item). Measured as a ratio, 8 times the columns in
 * (about) 8 times the time, so a loaded machine slows both alike; quadratic, it was 21 times (2.6 s, then 55 s).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** A long export: id, arm, visit and `columns` item columns c0, c1, … of small whole numbers. */
function wideExport(columns: number): string {
  const items = Array.from({ length: columns }, (_, i) => `c${i}`);
  const rows = [['id', 'arm', 'time', ...items].join(',')];
  for (let r = 0; r < 20; r++) {
    const cells = items.map((_, i) => String((r * 7 + i) % 5));
    rows.push([`P${Math.floor(r / 2)}`, r % 4 < 2 ? 'app' : 'usual', r % 2 === 0 ? 'baseline' : '3m', ...cells].join(','));
  }
  return `${rows.join('\n')}\n`;
}

async function draftSeconds(dir: string, columns: number): Promise<number> {
  const file = join(dir, `wide${columns}.csv`);
  writeFileSync(file, wideExport(columns));
  const start = performance.now();
  const run = await runCli('plan', 'init', file);
  const seconds = (performance.now() - start) / 1000;
  // The draft is refused or not (no outcome is named); what counts is that it ends, with no stack trace.
  expect(run.stderr).not.toMatch(/\n\s+at /);
  return seconds;
}

describe('plan init on a wide export', () => {
  it('8 times the columns take far less than 64 times as long', async () => {
    const dir = tempDir();
    await draftSeconds(dir, 500); // warm-up: the modules loaded, the JIT at work
    const small = await draftSeconds(dir, 4_000);
    const large = await draftSeconds(dir, 32_000);
    expect(large / small, `${small.toFixed(2)} s, then ${large.toFixed(2)} s`).toBeLessThan(14);
  }, 240_000);
});
