/**
 * A covariate or an auxiliary variable of the multiple imputation holding a number like 1e+200
 * (Excel's "Scientific" format on a mistyped cell): the imputation's least squares overflowed and
 * `hta analyze` ended in "internal error: RangeError: leastSquares: design matrix has an all-zero
 * column". R's mice stops on such a column too ("system is computationally singular"), so the
 * cell is refused, by file, line, column and value (src/trial/model-magnitude.ts,
 * docs/input-trial-export.md#numbers-too-large-to-fit).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { runCli, tempDir } from '../support/run-cli.js';

const dir = 'test/fixtures/mi-aux';
const plan = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
const csv = readFileSync(`${dir}/trial.csv`, 'utf8');

/** The fixture with one cell of patient `id` replaced (columns: id, gruppe, alder, sessioner, …). */
function withCell(id: string, column: number, cell: string): string {
  return csv.split('\n').map((line) => {
    if (!line.startsWith(`"${id}"`)) return line;
    const cells = line.split(',');
    cells[column] = cell;
    return cells.join(',');
  }).join('\n');
}
const lineOf = (id: string) => csv.split('\n').findIndex((l) => l.startsWith(`"${id}"`)) + 1;

describe('a number beyond ±1e150 in the imputation model', () => {
  it('an auxiliary variable\'s 1e+200: refused with its line, column and value', () => {
    const err = errorOf(() => loadTrial(parseCsvText(withCell('P003', 3, '1e+200'), 'trial.csv'), parsePlan(plan)));
    expect(err.code).toBe('input.invalid');
    expect(err.problems).toEqual([expect.objectContaining({ file: 'trial.csv', line: lineOf('P003'), column: 4, field: 'sessioner', value: '1e+200', kind: 'auxiliary.too-large' })]);
    expect(err.problems[0]!.expected).toContain('a number from -1e150 to 1e150');
  });

  it('a covariate\'s -2.5e+201 (a covariate with no plausible range, unlike age): refused the same way, as the covariate', () => {
    const asCovariate = { ...plan, covariates: ['alder', 'sessioner'], missing: { ...plan.missing, auxiliary: [] } };
    const err = errorOf(() => loadTrial(parseCsvText(withCell('P005', 3, '-2.5e+201'), 'trial.csv'), parsePlan(asCovariate)));
    expect(err.problems).toEqual([expect.objectContaining({ line: lineOf('P005'), column: 4, field: 'sessioner', value: '-2.5e+201', kind: 'covariate.too-large' })]);
    expect(err.problems[0]!.expected).toContain('the ANCOVA and the multiple imputation');
  });

  it('1e+149 is a number it fits: read', () => {
    const trial = loadTrial(parseCsvText(withCell('P003', 3, '1e+149'), 'trial.csv'), parsePlan(plan));
    expect(trial.patients.find((p) => p.id === 'P003')!.attributes!.sessioner).toBe(1e149);
  });

  it('hta analyze: exit 2 naming the cell, never an internal error, nothing written', async () => {
    const d = tempDir();
    const file = join(d, 'trial.csv');
    const planFile = join(d, 'plan.json');
    writeFileSync(file, withCell('P003', 3, '1e+200'));
    // With the sensitivity table (every primary analysis has one) the covariate reaches the imputation too.
    writeFileSync(planFile, JSON.stringify({ ...plan, missing: { ...plan.missing, m: 2, sensitivity: true } }));
    const out = join(d, 'effects.csv');
    const r = await runCli('analyze', file, '--plan', planFile, '--csv', out);
    expect(r.stderr).not.toContain('internal error');
    expect(r.stderr).not.toContain('RangeError');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`trial.csv:${lineOf('P003')}:4 (sessioner): "1e+200" — expected a number from -1e150 to 1e150`);
    expect(() => readFileSync(out)).toThrow();
  });
});
