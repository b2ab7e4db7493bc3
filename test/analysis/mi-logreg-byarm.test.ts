// MI by arm with a two-level covariate imputed by logistic regression on a small trial
// (test/fixtures/mi-logreg-byarm: the first 60 patients of the bundled export, sex blank for one
// patient per arm and recruited_by for two). In one arm sex has a single missing row, so mice's
// augmentation is skipped and a predictor separates the observed sexes: the logistic fit runs
// off, as R's glm.fit does (src/stats/missing/mice-logreg.ts). This once ended in "internal
// error: TypeError … choleskySolveInPlace"; R's mice imputes these rows (test/reference/mice-logreg-arm.R).
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';

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
