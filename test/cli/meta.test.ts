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
    expect(r.stdout).toContain('Sandal 2021  −0.79 [−1.51, −0.06]');
    expect(r.stdout).toContain('MCID 5 (plan); lower is better');
    expect(r.stdout).toContain('Only one study: its estimate is shown as is (no pooling, no heterogeneity).');
    expect(r.stdout).toContain('Pain self-efficacy (PSEQ 0–60) — pseq at 9m');
    expect(r.stdout).toContain('Average pain (NRS 0–10), subgroup: high physical demands — pain_avg at 3m');
    expect(r.stdout).toMatch(/Rasmussen 2024 +high physical demands +3\.50 \[0\.90, 6\.00\] +49\.0% +49\.0%/);
    expect(r.stdout).toMatch(/Random effects \(REML, z\) +all +3\.14 \[1\.36, 4\.93\]/);
    expect(r.stdout).toContain('Test for subgroup differences (random effects within subgroups): Q = 0.15, df = 1 (p = 0.701), I² = 0%');
    expect(r.stdout).toContain('Heterogeneity: τ² = 0.000 (REML); Q = 0.15, df = 1 (p = 0.701); I² = 0%');
    expect(r.stdout).toContain('Verdict (random effects, MCID 5.5 (plan)): Significant, but not clinically relevant');
    expect(r.stderr).toBe('');
  });

  it('--lang da: Danish words, decimal comma and Danish percentages; the numbers are the same', async () => {
    const r = await runCli('meta', CSV, '--plan', PLAN, '--lang', 'da');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Handlekompetence, mestringstro (PSEQ 0–60) — pseq ved 9 måneder: middelforskel, app − vanlig behandling'); // the plan's Danish label
    expect(r.stdout).toContain('MKRF 5,5 (plan); højere er bedre');
    // Intervals with "til", never "[a, b]" (its comma would collide with the decimal comma: docs/glossary-da.md).
    expect(r.stdout).toMatch(/Rasmussen 2024 +high physical demands +3,50 \(0,90 til 6,00\) +49,0 % +49,0 %/);
    expect(r.stdout).not.toMatch(/\[\s*[−-]?\d+,\d+,\s*[−-]?\d+,\d+\s*\]/);
    expect(r.stdout).toContain('Heterogenitet: τ² = 0,000 (REML); Q = 0,15, df = 1 (p = 0,701); I² = 0 %');
    expect(r.stdout).toContain('Vurdering (tilfældige effekter, MKRF 5,5 (plan)): Signifikant, men ikke klinisk relevant');
    expect(r.stdout).toContain('MD (95 %-KI)');
    // The models by the glossary's Danish names.
    expect(r.stdout).toMatch(/^Fast effekt \(invers varians\) +alle +3,14 \(1,36 til 4,93\) +100,0 %/m);
    expect(r.stdout).toMatch(/^Tilfældige effekter \(REML, z\) +alle +3,14 \(1,36 til 4,93\) +100,0 %/m);
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

  it('agrees with metafor rma(yi, sei) per outcome × time (REML, DL, PM; z and knha) within 1e-6', async () => {
    const runs = {
      REML: await metaJson(), DL: await metaJson('--method', 'DL'), PM: await metaJson('--method', 'PM'),
    };
    const hksj = { REML: await metaJson('--hksj'), DL: await metaJson('--method', 'DL', '--hksj'), PM: await metaJson('--method', 'PM', '--hksj') };
    for (const g of R.groups) {
      const rows = (res: MetaResults) => res.pooled.filter((p) => p.outcome === g.outcome && p.time === g.time && p.subgroup === null);
      const fixed = rows(runs.REML).find((p) => p.model === 'fixed')!;
      for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(fixed[k], g.fixed[k]);
      if (g.k > 1) {
        expectClose(fixed.q!, g.fixed.q!);
        expectClose(fixed.i2!, g.fixed.i2!, 1e-6, 1e-9);
      }
      for (const m of ['REML', 'DL', 'PM'] as const) {
        const re = rows(runs[m]).find((p) => p.model === 'random')!;
        const ref = g[m];
        expect(re.k).toBe(g.k);
        for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(re[k], ref[k]);
        if (g.k === 1) {
          expect(re.tau2).toBeNull();
          continue;
        }
        expectClose(re.tau2!, ref.tau2, 1e-5, 1e-9);
        expectClose(re.i2!, ref.i2!, 1e-6, 1e-9);
        // metafor's predict() gives a PI for any k ≥ 2; hta only from 3 distinct trials (the PSEQ
        // pair is two subgroups of one trial), so there the PI is absent rather than equal to the CI.
        if (re.trials >= 3) {
          expectClose(re.piLower!, ref.piLower!);
          expectClose(re.piUpper!, ref.piUpper!);
        } else {
          expect([re.trials, re.piLower, re.piUpper, re.probabilityBeyondMcid]).toEqual([1, null, null, null]);
        }
        const w = Array.isArray(ref.weights) ? ref.weights : [ref.weights];
        runs[m].studies.filter((s) => s.outcome === g.outcome && s.time === g.time).forEach((s, i) => expectClose(s.weightRandom!, w[i]!));
        const kh = rows(hksj[m]).find((p) => p.model === 'random')!;
        expect(kh).toMatchObject({ ciMethod: 'hksj', df: ref.hksj!.df, piDf: kh.trials >= 3 ? ref.hksj!.df : null });
        for (const k of ['estimate', 'se', 'ciLower', 'ciUpper', 'pValue', ...(kh.trials >= 3 ? (['piLower', 'piUpper'] as const) : [])] as const) expectClose(kh[k]!, ref.hksj![k]);
      }
      if (g.subgroupTest) {
        const t = runs.REML.subgroupTests.find((x) => x.outcome === g.outcome && x.time === g.time && x.model === 'random')!;
        expect(t.groups).toEqual(g.subgroupTest.groups);
        expectClose(t.q, g.subgroupTest.q);
        expect(t.df).toBe(g.subgroupTest.df);
        expectClose(t.pValue, g.subgroupTest.pValue);
      }
    }
    // The share beyond the MCID needs the predictive distribution, so it too needs 3 trials: the
    // PSEQ pair (1 trial) has none. (probabilityBeyond itself is checked in test/stats/meta.)
    const pb = R.probabilityBeyondMcid;
    const re = runs.REML.pooled.find((p) => p.outcome === pb.outcome && p.time === pb.time && p.subgroup === null && p.model === 'random')!;
    expect(re.mcid).toBe(pb.mcid);
    expect(re.probabilityBeyondMcid).toBeNull();
  });

  it('the PSEQ pair is pooled as two subgroups with a test for subgroup differences', async () => {
    const json = await metaJson();
    expect(json.subgroupTests.map((t) => [t.outcome, t.time, t.model, t.groups])).toEqual([
      ['pseq', '9m', 'fixed', ['high physical demands', 'low physical demands']],
      ['pseq', '9m', 'random', ['high physical demands', 'low physical demands']],
    ]);
    expect(json.pooled.filter((p) => p.outcome === 'pseq').map((p) => [p.subgroup, p.model, p.k])).toEqual([
      ['high physical demands', 'fixed', 1], ['high physical demands', 'random', 1],
      ['low physical demands', 'fixed', 1], ['low physical demands', 'random', 1],
      [null, 'fixed', 2], [null, 'random', 2],
    ]);
  });

  it('--preset changes the method labels (and revman5 shows no prediction interval)', async () => {
    const labels = async (...flags: string[]) => {
      const p = (await metaJson(...flags)).pooled.find((x) => x.outcome === 'pseq' && x.subgroup === null && x.model === 'random')!;
      return [p.preset, p.tau2Method, p.ciMethod, p.piDf, p.piLower === null];
    };
    // No preset shows a PI here: the PSEQ pair is one trial (fewer than 3 trials).
    expect(await labels()).toEqual(['metafor', 'REML', 'z', null, true]);
    expect(await labels('--preset', 'revman5')).toEqual(['revman5', 'DL', 'z', null, true]);
    expect(await labels('--preset', 'revman-web')).toEqual(['revman-web', 'REML', 'hksj', null, true]);
    expect(await labels('--preset', 'iqwig6')).toEqual(['iqwig6', 'PM', 'hksj', null, true]);
    const r = await runCli('meta', CSV, '--preset', 'revman5');
    expect(r.stdout).toContain('Prediction interval: not shown (preset revman5)');
    expect(r.stdout).toContain('Random effects (DerSimonian–Laird, z)');
    const metafor = await runCli('meta', CSV);
    expect(metafor.stdout).toContain('Prediction interval: not shown (fewer than 3 trials: 2 estimates from 1 trial)');
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
    expect(r.stdout).toMatch(/B +4\.00 \[no interval reported\] +not pooled +Inconclusive/); // the one verdict wording (src/report/i18n.ts VERDICT_TEXT)
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
