/**
 * R's `NaN` in a value cell (a mean of no values: rowMeans(…, na.rm = TRUE) over items that are
 * all missing) is refused with its cause and its remedies, in a score and in a covariate column
 * (an explorer: the message said only "expected a whole number from 0 to 10"), and the remedies
 * work: `NA` in its place, or "NaN" in the plan's "missingCodes" (trial/nan-cells.ts).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const FIXTURE = 'test/fixtures/r-nan';
const scoreNaN = readFileSync(`${FIXTURE}/trial.csv`, 'utf8');
const plan = JSON.parse(readFileSync(`${FIXTURE}/plan.json`, 'utf8'));
/** Line 3 as R writes a 3-month pain score of 5 and an age computed from nothing. */
const ageNaN = scoreNaN.replace('"141","P001","Intervention","3m",56,"Female",NaN,', '"141","P001","Intervention","3m",NaN,"Female",5,');

async function validate(text: string, planJson: unknown = plan) {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), text);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(planJson));
  const r = await runCli('validate', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'));
  return { ...r, stderr: r.stderr.split(dir).join('<dir>') };
}

const CAUSE = '"NaN" is not a number but what R writes for a value computed from no values — a mean or rowMeans(…, na.rm = TRUE) over items that are all missing, or 0/0 — so the cell is missing: write NA for it (in R, x[is.nan(x)] <- NA before write.csv), or add "NaN" to the plan\'s "missingCodes" to read it as missing';

describe('R\'s NaN in a trial export', () => {
  it('in a score column: refused, exit 2, with the file, line, column, value, what was expected, the cause and the remedy', async () => {
    const r = await validate(scoreNaN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trial.csv:3:7 (pain): "NaN" — expected a whole number from 0 to 10 (Pain intensity (NRS 0–10)); ${CAUSE}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('in a covariate column: the same cause and remedy', async () => {
    expect(ageNaN).not.toBe(scoreNaN);
    const r = await validate(ageNaN);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trial.csv:3:5 (age): "NaN" — expected a finite number (or leave the cell empty when unknown); ${CAUSE}`);
  });

  it('the remedies work: "NaN" in "missingCodes", or NA in the cell', async () => {
    const coded = { ...plan, missingCodes: ['NaN'] };
    for (const text of [scoreNaN, ageNaN]) expect((await validate(text, coded)).code).toBe(0);
    expect((await validate(scoreNaN.replace(',NaN,', ',NA,'))).code).toBe(0);
  });

  it('a text that only contains NaN is no NaN cell', async () => {
    const r = await validate(scoreNaN.replace(',NaN,', ',NaN5,'));
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('what R writes');
  });
});
