// MI by arm with a two-level covariate imputed by logistic regression on a small trial
// (test/fixtures/mi-logreg-byarm: the first 60 patients of the bundled export, sex blank for one
// patient per arm and recruited_by for two). In one arm sex has a single missing row, so mice's
// augmentation is skipped and a predictor separates the observed sexes: the logistic fit runs
// off, as R's glm.fit does (src/stats/missing/mice-logreg.ts). This once ended in "internal
// error: TypeError … choleskySolveInPlace"; R's mice imputes these rows (test/reference/mice-logreg-arm.R).
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = 'test/fixtures/mi-logreg-byarm';

describe('hta analyze: MI by arm, a logreg covariate that separates in one arm', () => {
  it('imputes it and pools the MI row of the primary outcome', async () => {
    const r = await runCli('analyze', `${dir}/trial.csv`, '--plan', `${dir}/plan.json`, '--json');
    expect(r.stderr).not.toMatch(/internal error|This is a bug/);
    expect(r.code, r.stderr).toBe(0);
    const rows = (JSON.parse(r.stdout) as { sensitivity: { rows: { method: string; time: string; difference?: number; se?: number; error?: string; covariates?: string[] }[] } }).sensitivity.rows;
    const mi = rows.filter((x) => x.method === 'mi-ancova');
    expect(mi.map((x) => x.time)).toEqual(['3m']);
    for (const x of mi) {
      expect(x.error).toBeUndefined();
      expect(Number.isFinite(x.difference) && Number.isFinite(x.se)).toBe(true);
      expect(x.covariates).toEqual(['baseline', 'sex', 'recruited_by']);
    }
  });
});

describe('hta analyze: MI by arm, an auxiliary variable mangled to ±1e200', () => {
  // The same trial with symptom_weeks mangled to ±1e200 (a spreadsheet's scientific format gone
  // wrong) and used as an auxiliary variable: sex's XᵀWX overflowed, and the MI rows said "the
  // logistic imputation model could not be fitted" (without covariates, a leastSquares RangeError).
  // Such cells are now refused by line (trial/model-magnitude.ts), as is anything beyond ±1e8,
  // where XᵀX is already too ill-conditioned for a double and R's mice stops: exit 2, nothing
  // analysed; below that bound the numbers do not depend on the unit (test/trial/model-magnitude.test.ts).
  it('refuses the cells by line and column (exit 2), not a stack trace', async () => {
    const dir = tempDir();
    const lines = readFileSync('test/fixtures/mi-logreg-byarm/trial.csv', 'utf8').trimEnd().split('\n');
    const at = lines[0]!.split(',').indexOf('symptom_weeks');
    const ids = [...new Set(lines.slice(1).map((l) => l.split(',')[0]!))];
    const mangled = lines.map((line, i) => {
      if (i === 0) return line;
      const cells = line.split(',');
      const k = ids.indexOf(cells[0]!);
      if (cells[at] !== '') cells[at] = String((k % 2 ? 1e200 : -1e200) * (1 + k));
      return cells.join(',');
    });
    writeFileSync(join(dir, 'trial.csv'), mangled.join('\n') + '\n');
    const plan = JSON.parse(readFileSync('test/fixtures/mi-logreg-byarm/plan.json', 'utf8'));
    plan.missing.auxiliary = ['symptom_weeks'];
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.stderr).not.toMatch(/internal error|This is a bug/);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`column ${at + 1} (symptom_weeks): "-1e+200"`);
    expect(r.stderr).toContain('expected a number from -1e8 to 1e8');
  });
});
