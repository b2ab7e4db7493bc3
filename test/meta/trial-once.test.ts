/**
 * A trial listed whole and by subgroup counts once in the pool across trials
 * (docs/input-studies.md, "A trial given whole and by subgroup"). Reference numbers from a
 * hand-written REML (Fisher scoring) and inverse-variance combination in R (metafor is not
 * installed; SE = width / 3.92 there, / 3.919928 here, hence 4 decimals): without the double count −0.8903 [−1.5783, −0.2023]; with it (the bug) −0.9302
 * [−1.5390, −0.3215] and Sandal 2021 43.6 % of the weight.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { warningDa } from '../../src/meta/warnings-da.js';
import { trialCountText } from '../../src/report/meta-summary-table.js';

const analyze = (csv: string) => metaAnalyze(parseStudies(parseCsvText(csv, 'studies.csv')), { version: 'test' });

const HEAD = 'study,outcome,time,subgroup,difference,ci_lower,ci_upper';
const SPLIT = ['Sandal 2021,rmdq,3m,women,-1.5,-3.3,0.3', 'Sandal 2021,rmdq,3m,men,-0.6,-2.5,1.3'];
const OTHERS = ['Rasmussen 2022,rmdq,3m,,-0.7,-1.9,0.5', 'Hansen 2023,rmdq,3m,,-0.9,-2.0,0.2'];

describe('a trial given whole and by subgroup (t11.csv)', () => {
  const r = analyze([HEAD, 'Sandal 2021,rmdq,3m,,-1.1,-2.4,0.2', ...SPLIT, ...OTHERS].join('\n'));
  const overall = (model: string) => r.pooled.find((p) => p.subgroup === null && p.model === model)!;

  it('pools its whole-trial row only: k 3, trials 3, the R estimate', () => {
    const random = overall('random');
    expect([random.k, random.trials]).toEqual([3, 3]);
    expect(random.estimate).toBeCloseTo(-0.8902747, 4);
    expect(random.ciLower).toBeCloseTo(-1.5782656, 4);
    expect(random.ciUpper).toBeCloseTo(-0.2022838, 4);
    expect(overall('fixed').estimate).toBeCloseTo(-0.8902747, 4);
  });

  it('gives the subgroup rows no weight across trials, and says which rows were used', () => {
    const sandal = r.studies.filter((x) => x.study === 'Sandal 2021');
    expect(sandal.map((x) => [x.subgroup, x.weightFixed === null])).toEqual([[null, false], ['women', true], ['men', true]]);
    expect(r.studies.reduce((a, x) => a + (x.weightFixed ?? 0), 0)).toBeCloseTo(100, 6);
    expect(r.warnings.join('\n')).toMatch(/Sandal 2021 is given whole \(line 2\) and by subgroup \(women, men: lines 3, 4\); the pool across trials uses its whole-trial row/);
  });

  it('tests subgroup differences across the subgroup rows only, with no "(no subgroup)" group', () => {
    expect(r.subgroupTests.map((t) => [t.model, t.groups])).toEqual([['fixed', ['women', 'men']]]);
    // (−1.5 − (−0.6))² / (SE_w² + SE_m²), the SEs from the CI widths.
    expect(r.subgroupTests[0]!.q).toBeCloseTo(0.81 / ((3.6 / 3.919928) ** 2 + (3.8 / 3.919928) ** 2), 5);
    expect(r.pooled.some((p) => p.subgroup === '(no subgroup)')).toBe(false);
  });
});

describe('a trial given only by subgroup, beside other trials', () => {
  const r = analyze([HEAD, ...SPLIT, ...OTHERS].join('\n'));
  it('contributes its subgroups\' fixed-effect combination once (R: −0.8825 [−1.5715, −0.1935])', () => {
    const random = r.pooled.find((p) => p.subgroup === null && p.model === 'random')!;
    expect([random.k, random.trials]).toEqual([3, 3]);
    expect(random.estimate).toBeCloseTo(-0.8825277, 4);
    expect(random.ciLower).toBeCloseTo(-1.5715084, 4);
    expect(random.ciUpper).toBeCloseTo(-0.193547, 4);
    expect(r.warnings.join('\n')).toMatch(/Sandal 2021 is given only by subgroup \(women, men: lines 2, 3\); the pool across trials uses their fixed-effect/);
  });
});

describe('a secondary paper under its own name (d1.csv: Rasmussen 2024 subgroups of selfBACK beside Sandal 2021)', () => {
  const D1 = [HEAD, 'Sandal 2021,rmdq,3m,,-0.79,-1.51,-0.06', 'Rasmussen 2024,rmdq,3m,high,-1.4,-2.7,-0.1', 'Rasmussen 2024,rmdq,3m,low,-0.3,-1.2,0.6', 'Olsen 2020,rmdq,3m,,-2.1,-3.3,-0.9'];
  const w = (csv: string[]) => analyze(csv.join('\n')).warnings.filter((x) => /given only by subgroup/.test(x));

  it('the "given only by subgroup" warning asks to name its rows after the trial, naming the trials given whole (en and da)', () => {
    const [en] = w(D1);
    expect(en).toBe(
      "rmdq 3m: Rasmussen 2024 is given only by subgroup (high, low: lines 3, 4); the pool across trials uses their fixed-effect (inverse-variance) combination, so the trial counts once; if it is a secondary analysis of a trial given whole here (Sandal 2021, Olsen 2020), name its rows after that trial (study = the trial's name, citation = the secondary paper), or the trial counts twice",
    );
    expect(warningDa(en!)).toMatch(/er kun angivet pr\. subgruppe .*; er det en sekundær analyse af et forsøg, der er angivet samlet her \(Sandal 2021, Olsen 2020\), så navngiv rækkerne efter forsøget/);
  });

  it('without another trial given whole, the warning says nothing of it', () => {
    expect(w([HEAD, ...SPLIT, 'Rasmussen 2024,rmdq,3m,high,-1.4,-2.7,-0.1', 'Rasmussen 2024,rmdq,3m,low,-0.3,-1.2,0.6'])[0]).toMatch(/so the trial counts once$/);
  });
});

describe('a trial given only for one subgroup beside whole trials (onesub.csv)', () => {
  const rows = ['A 2020,rmdq,3m,,-1,-2,0', 'B 2021,rmdq,3m,,-1.5,-2.5,-0.5', 'C 2022,rmdq,3m,women,-3.0,-4.6,-1.4'];

  it('is warned about, naming the subgroup, its line and the whole trials; in Danish too', () => {
    const r = analyze([HEAD, ...rows].join('\n'));
    const w = r.warnings.filter((x) => x.includes('only for one subgroup'));
    expect(w).toEqual([
      "rmdq 3m: C 2022 is given only for one subgroup (women: line 4), beside whole trials (A 2020, B 2021); the pool across trials takes that subgroup's result for the whole trial: if the paper reports the whole trial, add that row, or leave this row out of the file if a subgroup does not answer the question",
    ]);
    expect(warningDa(w[0]!)).toMatch(/^rmdq 3m: C 2022 er kun angivet for én subgruppe \(women: linje 4\) ved siden af hele forsøg \(A 2020, B 2021\)/);
  });

  it('is labelled where trials are counted (Table 1, the forest plot\'s subtitle)', () => {
    const r = analyze([HEAD, ...rows].join('\n'));
    expect(trialCountText(r.studies, 'en')).toBe('3 trials, 1 only for a subgroup, C 2022: women');
    expect(trialCountText(r.studies, 'da')).toBe('3 forsøg, 1 kun for en subgruppe, C 2022: women');
  });

  it('is not said of a trial given by all its subgroups (d1.csv: Rasmussen 2024 high and low), only of a trial with one subgroup row', () => {
    const d1 = ['Sandal 2021,rmdq,3m,,-0.79,-1.51,-0.06', 'Rasmussen 2024,rmdq,3m,high,-1.4,-2.7,-0.1', 'Rasmussen 2024,rmdq,3m,low,-0.3,-1.2,0.6', 'Olsen 2020,rmdq,3m,,-2.1,-3.3,-0.9'];
    const r = analyze([HEAD, ...d1].join('\n'));
    expect(r.warnings.filter((x) => x.includes('only for one subgroup'))).toEqual([]);
    expect(trialCountText(r.studies, 'en')).toBe('3 trials, 2 subgroups');
    const both = analyze([HEAD, ...d1, 'C 2022,rmdq,3m,women,-3.0,-4.6,-1.4'].join('\n'));
    expect(both.warnings.filter((x) => x.includes('only for one subgroup'))).toHaveLength(1);
    expect(trialCountText(both.studies, 'en')).toBe('4 trials, 3 subgroups, 1 only for a subgroup, C 2022: women');
  });

  it('is not said when every row is one subgroup (the bundled Rasmussen 2024 rows) or when none is', () => {
    const sub = analyze([HEAD, 'Rasmussen 2024,rmdq,9m,high physical demands,-1.4,-2.7,-0.1'].join('\n'));
    expect(sub.warnings.filter((x) => x.includes('only for one subgroup'))).toEqual([]);
    expect(trialCountText(sub.studies, 'en')).toBe('1 trial');
    expect(trialCountText(analyze([HEAD, ...rows.slice(0, 2)].join('\n')).studies, 'en')).toBe('2 trials');
  });
});
