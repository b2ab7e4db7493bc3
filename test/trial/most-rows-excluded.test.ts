// --exclude-invalid leaving out most of an export says the plan, not the rows, is likely wrong:
// validate printed "valid" over 9 rows of 399 (a Qualtrics "choice text" export whose answers
// "6 - Helt sikker" a plan for numbers refused on nearly every row) without a word
// (docs/input-trial-export.md#bad-rows).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { mostRowsExcludedNote } from '../../src/trial/most-rows-excluded.js';
import { tempDir } from '../support/run-cli.js';
import { join } from 'node:path';
import { writeFileSync } from 'node:fs';

const plan = { arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] };

/** 20 patients at baseline and 3 months; the first `asText` rows write their score as a labelled answer ("3 - Moderat"). */
function csv(asText: number): string {
  const lines = ['id,arm,time,nrs'];
  let row = 0;
  for (const time of ['baseline', '3m']) {
    for (let p = 1; p <= 20; p++) lines.push(`P${p},${p % 2 ? 'A' : 'B'},${time},${row++ < asText ? `${p % 11} - Moderat` : p % 11}`);
  }
  return lines.join('\n') + '\n';
}

const load = (text: string) => loadTrial(parseCsvText(text, 'x.csv'), parsePlan(plan), { excludeInvalid: true });

describe('--exclude-invalid leaving out most of an export', () => {
  it('is said, with the counts, when more rows are excluded than kept', () => {
    const note = mostRowsExcludedNote(load(csv(31)))!;
    expect(note).toContain('x.csv: --exclude-invalid left out most of the export (31 of 40 rows, 78 %)');
    expect(note).toContain('rather than analyse the 9 rows left');
  });

  it('is not said for a few bad rows, nor for half', () => {
    expect(mostRowsExcludedNote(load(csv(2)))).toBeUndefined();
    expect(mostRowsExcludedNote(load(csv(20)))).toBeUndefined();
    expect(mostRowsExcludedNote(load(csv(0)))).toBeUndefined();
  });

  it('validate says it on stderr beside its "valid", and analyze as a warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), csv(31));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    for (const [cmd, prefix] of [['validate', 'note: '], ['analyze', 'warning: ']] as const) {
      let stdout = '', stderr = '';
      const code = await main([cmd, join(dir, 'x.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(code, stderr).toBeLessThan(2);
      if (cmd === 'validate') expect(stdout).toContain('valid (long layout), 31 row(s) with problems excluded');
      expect(stderr).toContain(`${prefix}`);
      expect(stderr).toMatch(new RegExp(`${prefix}.*x\\.csv: --exclude-invalid left out most of the export \\(31 of 40 rows, 78 %\\)`));
    }
  });
});
