// The multiple-imputation row refused for a collinear design names the variable at fault and what
// to do (as R's mice/lm reports the coefficient it drops), in the words of the complete-case
// ANCOVA's refusal — and so in Danish on a Danish run (stats/missing/mi-ancova.ts). It said only
// "ANCOVA: the design is collinear (constant covariate or a single arm?)".
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const DIR = 'test/fixtures/exports/thousands-separators';
const PLAN = JSON.parse(readFileSync(`${DIR}/plan.json`, 'utf8'));
/** `id,arm,time,age,pain,income`; a column `extra` added (`value(age)`), and every fifth 3-month pain score missing (imputed). */
function exportWith(value: (age: number) => string): string {
  const rows = readFileSync(`${DIR}/export.csv`, 'utf8').trim().split('\n').map((l) => l.split(','));
  return rows.map((r, k) => {
    const c = [...r, k === 0 ? 'extra' : value(Number(r[3]))];
    if (k > 0 && c[2] === '3m' && k % 5 === 0) c[4] = '';
    return c.join(',');
  }).join('\n') + '\n';
}

async function miRow(csv: string, lang: 'en' | 'da'): Promise<string> {
  const dir = tempDir();
  writeFileSync(join(dir, 'export.csv'), csv);
  writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...PLAN, covariates: ['age', 'extra'] }));
  const r = await runCli('analyze', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--lang', lang);
  const row = r.stdout.split('\n').find((l) => /^Multip(le|el) imputation/.test(l));
  expect(row, r.stdout + r.stderr).toBeDefined();
  return row!;
}

describe('the multiple-imputation row of a collinear design', () => {
  it('a covariate with one value: named, with what to do (en, da)', async () => {
    const csv = exportWith(() => '70');
    expect(await miRow(csv, 'en')).toContain("not computed: covariate 'extra' has the same value (70) for every patient analysed, so its effect cannot be estimated; drop it from the model");
    expect(await miRow(csv, 'da')).toContain("ikke beregnet: kovariaten 'extra' har samme værdi (70) for alle analyserede patienter");
  });

  it('a covariate that repeats another (age in months): named, with the columns it repeats', async () => {
    const row = await miRow(exportWith((age) => String(age * 12)), 'en');
    expect(row).toContain("not computed: singular design: column 'extra' is collinear with '(Intercept)', 'arm', 'baseline', 'age'");
    expect(row).not.toContain('the design is collinear (constant covariate or a single arm?)');
  });
});
