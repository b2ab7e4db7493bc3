/**
 * Cells Danish Excel makes of what was typed, in an outcome column: `'7` (a number kept as text
 * behind Excel's apostrophe) and `03-jun`, `12-jan`, `1-maj` (a date Excel made of `3-6`, `12-1`,
 * `1-5`). `hta plan init` drafted `'7` as a plan-wide missing-value code and `03-jun` as the
 * labelled answer 3, so validate called the file valid with two real answers dropped and a score
 * nobody wrote. Now neither is drafted, the note says what each is, and validate names the date
 * cell as one (docs/plan-trial.md "What plan init recognises", docs/input-trial-export.md#excel-dates).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isExcelDateText } from '../../src/io/excel-date-text.js';
import { labelledChoice } from '../../src/plan/choice-text.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A Danish Excel export (`;`, decimal comma, CRLF, the trailing `;`): 10 patients × Baseline and 6 uger; `cells` puts texts in the RMDQ column by line. */
function exportWith(cells: Record<number, string>): string {
  const rows = ['Løbenr;Gruppe;Besøg;Alder;RMDQ;'];
  for (let i = 1; i <= 10; i++) {
    const id = `SB${String(i).padStart(4, '0')}`;
    const arm = i % 2 ? 'App' : 'Sædvanlig behandling';
    rows.push(`${id};${arm};Baseline;${30 + i};${8 + (i % 9)};`, `${id};${arm};6 uger;${30 + i};${4 + ((i * 5) % 11)};`);
  }
  const lines = rows.map((r, k) => (cells[k + 1] === undefined ? r : r.replace(/;[^;]*;$/, `;${cells[k + 1]};`)));
  const file = join(tempDir(), 'udtræk.csv');
  writeFileSync(file, lines.join('\r\n') + '\r\n');
  return file;
}

describe('plan init on Excel-made cells in an outcome column', () => {
  it("drafts no missing-value code of '7 nor answer of 03-jun, and says what they are; validate then names each", async () => {
    const csv = exportWith({ 5: "'7", 7: '03-jun', 11: "'12", 13: '12-jan', 15: '1-maj' });
    const out = join(csv, '..', 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code).toBe(0);
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { missingCodes?: unknown[]; outcomes: { key: string; answers?: Record<string, number> }[] };
    expect(plan.missingCodes).toBeUndefined();
    expect(plan.outcomes.find((o) => o.key === 'rmdq')?.answers).toBeUndefined();
    expect(r.stdout + r.stderr).toContain(`"'7" (column "RMDQ", a number behind Excel's text apostrophe)`);
    expect(r.stdout + r.stderr).toContain('"03-jun" (column "RMDQ", a date Excel made of a typed number such as 3-6)');
    expect(r.stdout + r.stderr).toContain('"12-jan" (column "RMDQ", a date Excel made of a typed number such as 3-6)');
    expect(r.stdout + r.stderr).not.toContain('labelled choices read as their numbers');
    const v = await runCli('validate', csv, '--plan', out);
    expect(v.code).toBe(2);
    expect(v.stderr).toMatch(/udtræk\.csv:lines 7, 13, 15, column 5 \(RMDQ\): "03-jun", "12-jan", "1-maj" — expected a whole number from 0 to 24 \([^)]*\)\); the cell is a date Excel made of what was typed/);
    expect(v.stderr).toContain(`"'7", "'12" — expected a whole number from 0 to 24`);
  });

  it('a labelled choice is still one: 0 - Ingen smerte, 3 - Marginal; a date is not', () => {
    expect(['0 - Ingen smerte', '3 - Marginal', '1: Maj ikke'].map((c) => labelledChoice(c, true))).toEqual([0, 3, 1]);
    expect(['03-jun', '12-jan', '1-maj', '3. jun', 'jun-03', '3-Jun'].map((c) => labelledChoice(c, true))).toEqual([undefined, undefined, undefined, undefined, undefined, undefined]);
    expect(['03-jun', '31-dec.', 'Jun-3', '1 maj'].every(isExcelDateText)).toBe(true);
    expect(['32-jan', '3 - Marginal', '3-junior', 'jan', '12'].some(isExcelDateText)).toBe(false);
  });
});
