/**
 * `hta meta` in the terminal groups thousands as the pages do ("1,221.60", Danish "1.221,60"), so
 * an interval is written as the pages write it, "(482.30 to 1,960.90)", never "[482.30, 1,960.90]":
 * there the list comma and the thousands comma collide and the bracket reads as three numbers.
 * The MCID line is grouped as the numbers under it ("MCID 1,000", "MKRF 1.000").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const STEPS = 'study,outcome,time,difference,ci_lower,ci_upper,n_intervention,n_control\nA 2020,steps,3m,1221.6,482.3,1960.9,1200,1180\nB 2021,steps,3m,850,-120,1820,540,560\nC 2022,steps,3m,1500,300,2700,2100,2050\n';

function stepsFile(): string {
  const file = join(tempDir(), 'steps.csv');
  writeFileSync(file, STEPS);
  return file;
}

describe('hta meta: intervals of numbers ≥ 1,000', () => {
  it('English: "(482.30 to 1,960.90)", no "[a, b]" whose commas collide; the MCID grouped', async () => {
    const r = await runCli('meta', stepsFile(), '--mcid', '1000', '--direction', 'higher-is-better');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A 2020 +1,221\.60 \(482\.30 to 1,960\.90\)/);
    expect(r.stdout).toMatch(/B 2021 +850\.00 \(−120\.00 to 1,820\.00\)/);
    expect(r.stdout).toContain('Prediction interval (normal): (637.38 to 1,693.40)');
    expect(r.stdout).toContain('MD (95% CI)');
    expect(r.stdout).not.toMatch(/\[[^\]\n]*\d,\d{3}[^\]\n]*\]/);
    expect(r.stdout).toContain('MCID 1,000 (--mcid); higher is better');
    expect(r.stdout).toContain('Verdict (random effects, MCID 1,000 (--mcid))');
  });

  it('Danish: "(482,30 til 1.960,90)" and "MKRF 1.000" under "1.221,60"', async () => {
    const r = await runCli('meta', stepsFile(), '--mcid', '1000', '--direction', 'higher-is-better', '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/A 2020 +1\.221,60 \(482,30 til 1\.960,90\)/);
    expect(r.stdout).toContain('MKRF 1.000 (--mcid)');
    expect(r.stdout).not.toMatch(/MKRF 1000/);
  });
});

describe('hta meta --lang da with HKSJ (IQWiG): "fg", as the forest and the glossary write degrees of freedom', () => {
  it('"t = 3,49, fg = 3" and "PI på t(3)", never "df"', async () => {
    const file = join(tempDir(), 's.csv');
    writeFileSync(file, 'study,outcome,time,subgroup,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,eGFR < 60,-3.1,-5.0,-1.2\nB 2021,rmdq,3m,eGFR < 60,-2.9,-4.6,-1.2\nC 2022,rmdq,3m,eGFR ≥ 60,-0.5,-2.6,1.6\nD 2023,rmdq,3m,eGFR ≥ 60,-1.5,-3.0,0.0\n');
    const r = await runCli('meta', file, '--preset', 'iqwig6', '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Test for samlet effekt (tilfældige effekter): t = 3,49, fg = 3 (p = 0,040)');
    expect(r.stdout).not.toMatch(/\bdf\b/);
    const en = await runCli('meta', file, '--preset', 'iqwig6');
    expect(en.stdout).toContain('t = 3.49, df = 3 (p = 0.040)');
  });
});
