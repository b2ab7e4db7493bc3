/**
 * A covariate or an auxiliary variable of the multiple imputation holding a number far out of
 * scale (Excel's "Scientific" format on a mistyped cell, or a column in a tiny unit): at 1e+200
 * the imputation's least squares overflowed into "internal error: RangeError: leastSquares …";
 * from about 1e8 XᵀX is too ill-conditioned for a double, and the MI numbers silently changed
 * with the unit (a column ×1e8 gave another estimate than ×1e3, with no warning), or one 1e+20
 * cell in a column of small counts made the MI ANCOVA "collinear (constant covariate or a single
 * arm?)". R's mice stops from the same point ("system is computationally singular"), so such a
 * cell is refused, by file, line, column and value (src/trial/model-magnitude.ts,
 * docs/input-trial-export.md#numbers-too-large-to-fit); below it the numbers do not depend on the unit.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
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
/** The fixture with every sessioner count multiplied by `factor` (the same data in a smaller unit). */
function scaled(factor: number): string {
  return csv.split('\n').map((line, i) => {
    const cells = line.split(',');
    if (i === 0 || cells.length < 4 || cells[3] === '') return line;
    cells[3] = String(Number(cells[3]) * factor);
    return cells.join(',');
  }).join('\n');
}
const lineOf = (id: string) => csv.split('\n').findIndex((l) => l.startsWith(`"${id}"`)) + 1;

describe('a number beyond ±1e8 in the imputation model', () => {
  it('an auxiliary variable\'s 1e+200: refused with its line, column and value', () => {
    const err = errorOf(() => loadTrial(parseCsvText(withCell('P003', 3, '1e+200'), 'trial.csv'), parsePlan(plan)));
    expect(err.code).toBe('input.invalid');
    expect(err.problems).toEqual([expect.objectContaining({ file: 'trial.csv', line: lineOf('P003'), column: 4, field: 'sessioner', value: '1e+200', kind: 'auxiliary.too-large' })]);
    expect(err.problems[0]!.expected).toContain('a number from -1e8 to 1e8');
  });

  it('a covariate\'s -2.5e+201 (a covariate with no plausible range, unlike age): refused the same way, as the covariate', () => {
    const asCovariate = { ...plan, covariates: ['alder', 'sessioner'], missing: { ...plan.missing, auxiliary: [] } };
    const err = errorOf(() => loadTrial(parseCsvText(withCell('P005', 3, '-2.5e+201'), 'trial.csv'), parsePlan(asCovariate)));
    expect(err.problems).toEqual([expect.objectContaining({ line: lineOf('P005'), column: 4, field: 'sessioner', value: '-2.5e+201', kind: 'covariate.too-large' })]);
    expect(err.problems[0]!.expected).toContain('the ANCOVA and the multiple imputation');
  });

  it('one mistyped exponent in a covariate of small counts (13 → 1e20): refused by its cell, not an MI ANCOVA "collinear"', () => {
    const asCovariate = { ...plan, covariates: ['alder', 'sessioner'], missing: { ...plan.missing, auxiliary: [] } };
    const err = errorOf(() => loadTrial(parseCsvText(withCell('P001', 3, '1e20'), 'trial.csv'), parsePlan(asCovariate)));
    expect(err.problems).toEqual([expect.objectContaining({ line: lineOf('P001'), column: 4, field: 'sessioner', value: '1e20', kind: 'covariate.too-large' })]);
  });

  it('a whole auxiliary column in a unit 1e7 times too small (values to 2e8): refused, where R\'s mice stops', () => {
    const err = errorOf(() => loadTrial(parseCsvText(scaled(1e7), 'trial.csv'), parsePlan(plan)));
    expect(err.problems.length).toBeGreaterThan(0);
    expect(err.problems.every((p) => p.kind === 'auxiliary.too-large' && p.field === 'sessioner')).toBe(true);
  });

  it('a categorical covariate\'s numeric codes (a site number 120000001) are levels, not fitted: read', () => {
    const asSite = { ...plan, covariates: ['alder', 'sessioner'], covariateTypes: { sessioner: 'categorical' }, missing: { ...plan.missing, auxiliary: [] } };
    const trial = loadTrial(parseCsvText(withCell('P003', 3, '120000001'), 'trial.csv'), parsePlan(asSite));
    expect(trial.patients.find((p) => p.id === 'P003')!.covariates.sessioner).toBe('120000001');
  });

  it('below the bound the MI numbers do not depend on the unit: sessioner ×1e6 (values to 2e7) gives sessioner ×1\'s estimate', () => {
    const mi = (text: string) => analyzeTrial(loadTrial(parseCsvText(text, 'trial.csv'), parsePlan({ ...plan, missing: { ...plan.missing, m: 5 } })), { version: 'test' })
      .effects.find((e) => e.method === 'mi-ancova' && e.time === '12m')!;
    const base = mi(csv);
    const big = mi(scaled(1e6));
    expect(big.error).toBeUndefined();
    expect(big.difference).toBeCloseTo(base.difference, 9);
    expect(big.se).toBeCloseTo(base.se, 9);
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
    expect(r.stderr).toContain(`trial.csv:${lineOf('P003')}:4 (sessioner): "1e+200" — expected a number from -1e8 to 1e8`);
    expect(() => readFileSync(out)).toThrow();
  });
});
