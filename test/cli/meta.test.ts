/**
 * `hta meta` end to end on data/published/selfback-studies.csv, against metafor
 * (test/reference/meta-cli-selfback.R → .json) and the published JSON Schema.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import type { MetaResults } from '../../src/meta/meta-results-schema.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const CSV = 'data/published/selfback-studies.csv';
const PLAN = 'data/plans/selfback.plan.json';

interface RFit {
  estimate: number; se: number; ciLower: number; ciUpper: number; pValue: number; tau2: number;
  q: number | null; qPValue: number | null; i2: number | null; weights: number[] | number;
  piLower?: number; piUpper?: number;
  hksj?: { estimate: number; se: number; ciLower: number; ciUpper: number; pValue: number; df: number; piLower: number; piUpper: number };
}
interface RGroup { outcome: string; time: string; k: number; fixed: RFit; REML: RFit; DL: RFit; PM: RFit; subgroupTest?: { groups: string[]; q: number; df: number; pValue: number; i2: number } }
const R = JSON.parse(readFileSync('test/reference/meta-cli-selfback.json', 'utf8')) as {
  groups: RGroup[];
  probabilityBeyondMcid: { outcome: string; time: string; mcid: number; probability: number };
};

async function metaJson(...flags: string[]): Promise<MetaResults> {
  const r = await runCli('meta', CSV, '--plan', PLAN, '--json', ...flags);
  expect(r.code).toBe(0);
  return JSON.parse(r.stdout) as MetaResults;
}

describe('hta meta on the published selfBACK estimates', () => {
  it('prints the table per outcome × time, with the PSEQ subgroups and their test', async () => {
    const r = await runCli('meta', CSV, '--plan', PLAN);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Disability (RMDQ 0–24) — rmdq at 3m: mean difference, app − usual care');
    expect(r.stdout).toContain('Sandal 2021  −0.79 (−1.51 to −0.06)');
    expect(r.stdout).toContain('MCID 5 (plan); lower is better');
    expect(r.stdout).toContain('Only one study: its estimate is shown as is (no pooling, no heterogeneity).');
    expect(r.stdout).toContain('Pain self-efficacy (PSEQ 0–60) — pseq at 9m');
    expect(r.stdout).toContain('Average pain (NRS 0–10), subgroup: high physical demands — pain_avg at 3m');
    // Two subgroups of one trial: combined by the fixed-effect model only; no random effects, no heterogeneity.
    expect(r.stdout).toMatch(/Rasmussen 2024 +high physical demands +3\.50 \(0\.90 to 6\.00\) +49\.0% +Significant/);
    expect(r.stdout).toMatch(/Subgroups of one trial combined \(inverse variance, fixed\) +all +3\.14 \(1\.36 to 4\.93\) +100\.0% +Significant/);
    expect(r.stdout).toContain('Test for subgroup differences (fixed effects within subgroups): Q = 0.15, df = 1 (p = 0.701), I² = 0%');
    expect(r.stdout).not.toContain('Heterogeneity');
    expect(r.stdout).not.toContain('Random effects');
    expect(r.stdout).toContain('Verdict (subgroups of one trial, fixed effect, MCID 5.5 (plan)): Significant, but not clinically relevant');
    expect(r.stderr).toBe('');
  });

  it('--lang da: Danish words, decimal comma and Danish percentages; the numbers are the same', async () => {
    const r = await runCli('meta', CSV, '--plan', PLAN, '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Handlekompetence, mestringstro (PSEQ 0–60) — pseq efter 9 måneder: middelforskel, app − vanlig behandling'); // the plan's Danish label
    expect(r.stdout).toContain('MKRF 5,5 (plan); højere er bedre');
    // Intervals with "til", never "[a, b]" (its comma would collide with the decimal comma: docs/glossary-da.md).
    expect(r.stdout).toMatch(/Rasmussen 2024 +høje fysiske krav +3,50 \(0,90 til 6,00\) +49,0 % +Signifikant/); // subgroup_da
    expect(r.stdout).not.toMatch(/\[\s*[−-]?\d+,\d+,\s*[−-]?\d+,\d+\s*\]/);
    expect(r.stdout).not.toContain('Heterogenitet');
    expect(r.stdout).toContain('Vurdering (subgrupper af ét forsøg, fast effekt, MKRF 5,5 (plan)): Signifikant, men ikke klinisk relevant');
    expect(r.stdout).toContain('MD (95 %-KI)');
    // The models by the glossary's Danish names.
    expect(r.stdout).toMatch(/^Subgrupper af ét forsøg kombineret \(invers varians, fast effekt\) +alle +3,14 \(1,36 til 4,93\) +100,0 %/m);
    expect(r.stdout).not.toContain('Tilfældige effekter (');
    expect(r.stdout).toContain('Vægt (fast)  Vægt (tilfældige)');
    expect(r.stdout).not.toMatch(/\b(Study|Weight|Verdict|Heterogeneity|overall effect|subgroup differences|fixed|random|MCID)\b/i);
    const bad = await runCli('meta', CSV, '--lang', 'fr');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('--lang "fr": expected one of en, da');
  });

  it('--json validates against schemas/meta-results.schema.json', async () => {
    const json = await metaJson();
    const ajv = new Ajv2020({ allErrors: true, strict: false });
    const validate = ajv.compile(JSON.parse(readFileSync('schemas/meta-results.schema.json', 'utf8')) as object);
    expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
    for (const flags of [['--preset', 'revman5'], ['--hksj'], ['--method', 'DL']]) expect(validate(await metaJson(...flags))).toBe(true);
  });

  // Random effects against metafor per τ² method and HKSJ: test/meta/meta-analyze.test.ts (dat.bcg,
  // Normand 1999). The selfBACK rows are one trial each, so none of them is a random-effects fit.
  it('agrees with metafor: a single study is its own estimate with its published interval; the PSEQ subgroups = rma(method = "FE")', async () => {
    const csv = readFileSync(CSV, 'utf8').trim().split('\n').slice(1);
    for (const flags of [[], ['--method', 'DL'], ['--method', 'PM', '--hksj']]) {
      const run = await metaJson(...flags);
      for (const g of R.groups) {
        const rows = run.pooled.filter((p) => p.outcome === g.outcome && p.time === g.time);
        if (g.k === 1) {
          // One estimate: one row, no model, the interval as the file gives it (= the study row's, = the page's).
          expect(rows).toHaveLength(1);
          const row = rows[0]!;
          const line = csv.find((l) => l.includes(`,${g.outcome},${g.time},`))!.split(',').slice(-5, -2).map(Number);
          expect(row).toMatchObject({ model: 'single-study', poolingMethod: null, tau2Method: null, ciMethod: 'reported', k: 1, trials: 1, estimate: line[0], ciLower: line[1], ciUpper: line[2], i2: null, tau2: null, piLower: null });
          expect(row.subgroup).toBe(run.studies.find((s) => s.outcome === g.outcome && s.time === g.time)!.subgroup);
          expectClose(row.se, g.fixed.se);
          expectClose(row.pValue, g.fixed.pValue);
          continue;
        }
        // Two subgroups of one trial: their fixed-effect (inverse-variance) combination only.
        const overall = rows.filter((p) => p.subgroup === null);
        expect(overall.map((p) => p.model)).toEqual(['fixed']);
        const fixed = overall[0]!;
        for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(fixed[k], g.fixed[k]);
        expect(fixed).toMatchObject({ poolingMethod: 'inverse-variance', ciMethod: 'z', k: 2, trials: 1, q: null, i2: null, tau2: null, piLower: null, probabilityBeyondMcid: null });
        const w = g.fixed.weights as number[];
        run.studies.filter((s) => s.outcome === g.outcome && s.time === g.time).forEach((s, i) => {
          expectClose(s.weightFixed!, w[i]!);
          expect(s.weightRandom).toBeNull();
        });
        const t = run.subgroupTests.find((x) => x.outcome === g.outcome && x.time === g.time)!;
        expect(t.model).toBe('fixed');
        expect(t.groups).toEqual(g.subgroupTest!.groups);
        expectClose(t.q, g.subgroupTest!.q);
        expectClose(t.q, g.fixed.q!); // the Q between one trial's subgroups is the test, not heterogeneity
        expect(t.df).toBe(g.subgroupTest!.df);
        expectClose(t.pValue, g.subgroupTest!.pValue);
      }
    }
  });

  it('the PSEQ pair is two subgroups of one trial: each its own estimate, combined by fixed effect, with a test for subgroup differences', async () => {
    const json = await metaJson();
    expect(json.subgroupTests.map((t) => [t.outcome, t.time, t.model, t.groups])).toEqual([
      ['pseq', '9m', 'fixed', ['high physical demands', 'low physical demands']],
    ]);
    expect(json.pooled.filter((p) => p.outcome === 'pseq').map((p) => [p.subgroup, p.model, p.k])).toEqual([
      ['high physical demands', 'single-study', 1],
      ['low physical demands', 'single-study', 1],
      [null, 'fixed', 2],
    ]);
  });

  it('every row from one subgroup carries the subgroup in results.json, with the published interval', async () => {
    const json = await metaJson();
    const painRows = json.pooled.filter((p) => p.outcome === 'pain_avg' && p.time === '3m');
    expect(painRows.map((p) => [p.subgroup, p.model, p.ciLower, p.ciUpper])).toEqual([['high physical demands', 'single-study', -1.3, -0.2]]);
    expect(json.pooled.filter((p) => p.outcome === 'rmdq' && p.time === '3m').map((p) => p.subgroup)).toEqual([null]);
  });

  it('--preset changes the method labels (and revman5 shows no prediction interval)', async () => {
    const dir = tempDir();
    const three = join(dir, 'three.csv');
    writeFileSync(three, 'study,outcome,time,difference,ci_lower,ci_upper\nA,pseq,9m,3.5,0.9,6.0\nB,pseq,9m,2.8,0.3,5.3\nC,pseq,9m,1.0,-1.5,3.5\n');
    const two = join(dir, 'two.csv');
    writeFileSync(two, 'study,outcome,time,difference,ci_lower,ci_upper\nA,pseq,9m,3.5,0.9,6.0\nB,pseq,9m,2.8,0.3,5.3\n');
    const labels = async (...flags: string[]) => {
      const r = await runCli('meta', three, '--json', ...flags);
      const p = (JSON.parse(r.stdout) as MetaResults).pooled.find((x) => x.model === 'random')!;
      return [p.preset, p.tau2Method, p.ciMethod, p.piDf, p.piLower === null];
    };
    expect(await labels()).toEqual(['metafor', 'REML', 'z', null, false]);
    expect(await labels('--preset', 'revman5')).toEqual(['revman5', 'DL', 'z', null, true]);
    expect(await labels('--preset', 'revman-web')).toEqual(['revman-web', 'REML', 'hksj', 2, false]);
    expect(await labels('--preset', 'iqwig6')).toEqual(['iqwig6', 'PM', 'hksj', 2, false]);
    const r = await runCli('meta', three, '--preset', 'revman5');
    expect(r.stdout).toContain('Prediction interval: not shown (preset revman5)');
    expect(r.stdout).toContain('Random effects (DerSimonian–Laird, z)');
    const metafor = await runCli('meta', two);
    expect(metafor.stdout).toContain('Prediction interval: not shown (fewer than 3 trials: 2 estimates from 2 trials)');
  });
});

describe('hta meta: input and usage errors exit 2 with file:line:column', () => {
  function write(text: string): string {
    const file = join(tempDir(), 'studies.csv');
    writeFileSync(file, text);
    return file;
  }
  it('reports each bad cell', async () => {
    const file = write('study,outcome,time,difference,ci_lower,ci_upper,se\nA,x,3m,abc,1,2,\nB,x,3m,5,1,2,\nC,x,3m,1,3,2,\nD,x,3m,1,0,2,0.5\n');
    const r = await runCli('meta', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:2:4 (difference): "abc" — expected a number`);
    expect(r.stderr).toContain(`${file}:3:4 (difference): "5" — expected a difference inside its confidence interval [1, 2]`);
    expect(r.stderr).toContain(`${file}:4:5 (ci_lower): "3" — expected ci_lower ≤ ci_upper`);
    expect(r.stderr).toContain(`${file}:5:7 (se): "0.5" — expected either a confidence interval or an SE, not both`);
  });
  it('rejects a missing file, an unknown method and a preset that contradicts --method', async () => {
    expect((await runCli('meta', 'no/such.csv')).code).toBe(2);
    expect((await runCli('meta', CSV, '--method', 'ML')).code).toBe(2);
    const r = await runCli('meta', CSV, '--preset', 'revman5', '--method', 'REML');
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/drop one of them/);
  });
  it('a single study and an estimate without interval: exit 0, flagged, with a warning', async () => {
    const file = write('study,outcome,time,difference,ci_lower,ci_upper\nA,pseq,9m,3.5,0.9,6.0\nB,pseq,9m,4,,\n');
    const r = await runCli('meta', file);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/B +4\.00 \(no interval reported\) +not pooled +not analysed: no interval/); // no verdict for a row not analysed
    expect(r.stdout).toContain('Only one study');
    expect(r.stderr).toContain('warning: pseq 9m: Study B: no interval reported; shown but not pooled');
  });
});

describe('hta meta names the arms as the plan does', () => {
  it('prints the plan\'s arm labels in every title (en and da), and the defaults without a plan', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    plan.armLabels = { intervention: { en: 'Digital coach', da: 'Digital træner' }, control: { en: 'Waiting list', da: 'Venteliste' } };
    const planFile = join(dir, 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const en = await runCli('meta', CSV, '--plan', planFile);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('mean difference, Digital coach − Waiting list');
    expect(en.stdout).not.toMatch(/app − usual care/);
    const da = await runCli('meta', CSV, '--plan', planFile, '--lang', 'da');
    expect(da.stdout).toContain('Digital træner − Venteliste');
    expect((await runCli('meta', CSV)).stdout).toContain('app − usual care');
  });
});
