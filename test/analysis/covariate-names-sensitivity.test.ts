// Every row of the sensitivity table names the covariates as the plan does: a categorical
// covariate by its name (`sex`), on the ANCOVA, MMRM and MI rows alike, never by a dummy column
// of one model (`sexM`) (src/analysis/missing-data-effects.ts; docs/data-contracts.md).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** 16 patients per arm, sex F/M and age; a few 6-month scores and one baseline missing; scores from a fixed-seed generator. */
function exportText(): string {
  let seed = 11;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  const score = (x: number) => Math.max(0, Math.min(10, Math.round(x)));
  const lines = ['id,arm,time,age,sex,pain'];
  for (let p = 1; p <= 32; p++) {
    const arm = p % 2 ? 'A' : 'B';
    const [age, sex] = [25 + Math.floor(next() * 45), next() < 0.4 ? 'M' : 'F'];
    const base = 4 + next() * 5;
    lines.push(`P${p},${arm},baseline,${age},${sex},${p === 5 ? '' : score(base)}`);
    const s3 = base - (arm === 'A' ? 2 : 1) + next() * 3 - 1.5;
    lines.push(`P${p},${arm},3m,${age},${sex},${score(s3)}`);
    if (p % 6 !== 2) lines.push(`P${p},${arm},6m,${age},${sex},${score(s3 - (arm === 'A' ? 1 : 0) + next() * 3 - 1.5)}`);
  }
  return lines.join('\n') + '\n';
}

describe('the covariates of the sensitivity rows', () => {
  it('are the plan\'s names on the ANCOVA, MMRM and MI rows', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), exportText());
    const plan = {
      arms: { intervention: 'A', control: 'B' },
      timepoints: ['3m', '6m'],
      covariates: ['age', 'sex'],
      primary: { outcome: 'pain', time: '6m' },
      outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
      missing: { method: 'mi', m: 5, seed: 2 },
    };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const r = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code, r.stderr).toBeLessThan(2);
    const rows = (JSON.parse(r.stdout) as { sensitivity: { rows: { method: string; covariates?: string[]; error?: string }[] } }).sensitivity.rows;
    const named = Object.fromEntries(rows.map((x) => [x.method, x.covariates]));
    expect(Object.keys(named).sort()).toEqual(['ancova', 'mi-ancova', 'mmrm']);
    for (const x of rows) expect(x.error).toBeUndefined();
    expect(named.ancova).toEqual(['baseline', ...plan.covariates]);
    expect(named['mi-ancova']).toEqual(named.ancova);
    expect(named.mmrm).toEqual(['arm × visit', 'baseline × visit', ...plan.covariates]);
  });
});
