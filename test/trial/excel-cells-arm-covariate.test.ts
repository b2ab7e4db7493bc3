// Excel's cells that are not values, in the arm column and in a covariate with a plausible range:
// `#N/A` from a failed lookup of the arm was offered as a third arm ("otherArms": ["#N/A"]) and
// its missing-value hint named "missingCodes", which the arm column does not read; a covariate
// `'45` (Excel's text apostrophe) got a bare "expected a number from 0 to 120".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = `${DIR}/plan.json`;
/** `id,arm,time,age,pain,income`: 60 patients, baseline and 3m. */
const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));

function written(edit: (cells: string[], line: number) => string[]): string {
  const dir = tempDir();
  const file = join(dir, 'export.csv');
  writeFileSync(file, rows.map((r, k) => (k === 0 ? r : edit([...r], k + 1)).join(',')).join('\n') + '\n');
  return file;
}

describe('an Excel error value in the arm column', () => {
  for (const [value, says] of [
    ['#N/A', 'an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again'],
    ['#I/T', 'an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again'],
    ['#VALUE!', 'an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again'],
  ] as const) {
    it(`${value} is named for what it is, never offered as a third arm or a missing-value code`, async () => {
      const r = await runCli('validate', written((c, line) => (line === 7 ? [c[0]!, value, ...c.slice(2)] : c)), '--plan', PLAN);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`export.csv:7:2 (arm): "${value}" — expected an arm value: "app" (intervention) or "usual" (control), as in the plan's "arms"; ${says}`);
      expect(r.stderr).not.toContain('otherArms');
      expect(r.stderr).not.toContain('missingCodes');
    });
  }
});

describe("a covariate with a plausible range behind Excel's text apostrophe", () => {
  it("'45 in age says it is a number kept as text", async () => {
    const r = await runCli('validate', written((c) => [...c.slice(0, 3), `'${c[3]}`, ...c.slice(4)]), '--plan', PLAN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`120 × `);
    expect(r.stderr).toContain(`(age): "'45", `);
    expect(r.stderr).toContain("expected a number from 0 to 120, not text; the cell is a number behind Excel's text apostrophe (')");
  });
});
