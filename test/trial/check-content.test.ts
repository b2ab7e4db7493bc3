import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['age'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] };
const HEADER = 'id,arm,time,age,nrs';
// Six patients per arm, baseline and 3m rows; ages and scores vary so that ANCOVA is estimable.
const GOOD = [
  HEADER,
  ...Array.from({ length: 12 }, (_, k) => {
    const arm = k % 2 === 0 ? 'app' : 'usual';
    const age = 30 + ((k * 7) % 40);
    return [`P${k + 1},${arm},baseline,${age},${4 + (k % 5)}`, `P${k + 1},${arm},3m,${age},${(k * 3) % 8}`];
  }).flat(),
];

async function run(lines: string[], plan: object = PLAN, command = 'analyze') {
  const dir = tempDir();
  const csv = join(dir, 'trial.csv');
  writeFileSync(csv, lines.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
  const out = join(dir, 'out.csv');
  const extra = command === 'analyze' ? ['--csv', out] : command === 'score' ? ['--out', out] : [];
  const r = await runCli(command, csv, '--plan', join(dir, 'plan.json'), ...extra);
  return { ...r, wrote: existsSync(out) };
}

describe('content checks name the file and what is missing', () => {
  it('the fixture itself analyses (so the failures below come from the one change each makes)', async () => {
    expect((await run(GOOD)).code).toBe(0);
  });
  it('a header-only export', async () => {
    const r = await run([HEADER]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trial\.csv has a header but no data rows/);
    expect(r.stderr).not.toMatch(/MMRM/);
    expect(r.wrote).toBe(false);
  });
  it('an export with one arm only (analysis refuses, scoring does not)', async () => {
    const oneArm = GOOD.filter((l) => !l.includes('usual'));
    const r = await run(oneArm);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trial\.csv has no patients in the control arm/);
    expect(r.stderr).toMatch(/"usual"/);
    expect((await run(oneArm, PLAN, 'score')).code).toBe(0);
  });
  it('an export with no follow-up scores', async () => {
    const r = await run(GOOD.map((l) => (l.includes(',3m,') ? l.replace(/,\d+$/, ',') : l)));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/trial\.csv has no follow-up data: no outcome score at any follow-up visit of the plan \(3m\)/);
  });
  it('MMRM asked for by the plan with one follow-up visit is a plan error; the sensitivity table leaves its MMRM row out, with no warning', async () => {
    const asked = await run(GOOD, { ...PLAN, methods: ['ancova', 'mmrm'] });
    expect(asked.code).toBe(2);
    expect(asked.stderr).toMatch(/\(methods\): "mmrm" — expected at least 2 follow-up visits for "mmrm", which models them jointly; the plan has 1 \("3m"\)/);
    const implied = await run(GOOD, { ...PLAN, primary: { outcome: 'nrs', time: '3m' } });
    expect(implied.code).toBe(0);
    expect(implied.stderr).not.toMatch(/MMRM needs at least 2 follow-up visits/);
  });
});

describe('plausibility of covariates', () => {
  it('refuses ages outside 0–120 and non-finite numbers, naming each line', async () => {
    const lines = [...GOOD];
    const age = (i: number, v: string) => (lines[i] = lines[i]!.replace(/,\d+,(\d+)$/, `,${v},$1`));
    age(1, '-5');
    age(3, '200');
    age(5, '1e308');
    age(7, 'Infinity');
    lines[8] = lines[8]!.replace(/,\d+,(\d+)$/, ',NaN,$1');
    const r = await run(lines, PLAN, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/3 × .*trial\.csv:lines 2, 4, 6, column 4 \(age\): "-5", "200", "1e308" — expected a plausible age: 0 to 120/);
    expect(r.stderr).toMatch(/trial\.csv:8:4 \(age\): "Infinity" — expected a finite number/);
    // R's NaN is named for what it is (trial/nan-cells.ts).
    expect(r.stderr).toMatch(/trial\.csv:9:4 \(age\): "NaN" — expected a finite number \(or leave the cell empty when unknown\); "NaN" is not a number but what R writes/);
  });
  it('lets the plan widen a range, and applies the plan range to other covariates', async () => {
    const lines = GOOD.map((l) => l.replace(/,(\d+),(\d+)$/, (_, a, s) => `,${Number(a) + 70},${s}`));
    expect((await run(lines, { ...PLAN, covariateRanges: { age: { min: 0, max: 140 } } }, 'validate')).code).toBe(0);
    const r = await run(GOOD, { ...PLAN, covariateRanges: { age: { min: 45, max: 90 } } }, 'validate');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/\(age\): "30", "37", "44", … — expected a plausible age: 45 to 90/);
  });
});
