import { describe, expect, it } from 'vitest';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies, readStudiesFile } from '../../src/meta/read-studies.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { RELEVANCE_TEXT } from '../../src/report/i18n.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';
import { metaGroups } from '../../src/meta/meta-group.js';
import { metaForestSpec } from '../../src/report/charts/meta-forest.js';

const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { preset: 'metafor', plan: loadPlanFile('data/plans/selfback.plan.json'), version: 'test' });
const points = () => 'points';

describe('metaSummaryTable (pooled estimates of the meta report)', () => {
  const en = metaSummaryTable(results, 'en', points);
  const row = (outcome: string, time: string) => en.rows[results.outcomes.findIndex((s) => s.outcome === outcome && s.time === time)]!;

  it('one row per outcome × follow-up × measure, in the results order', () => {
    expect(en.rows).toHaveLength(results.outcomes.length);
    expect(en.header).toHaveLength(9);
    for (const r of en.rows) expect(r).toHaveLength(9);
  });

  it('a single study is shown once, with its interval as published, named for what it is, and its own verdict', () => {
    const study = results.studies.find((s) => s.outcome === 'rmdq' && s.time === '3m')!;
    const r = row('rmdq', '3m');
    // Not "random effects": most rows are one trial. The benefit, as the trial report's forest names it.
    expect(en.header[3]).toBe('Benefit of app (95% CI)');
    // The benefit, turned and named as Figure 1 prints it (one sign convention: meta-effect-text.ts).
    expect(r[3]).toBe('MD 0.79 (0.06 to 1.51)');
    expect(r[4]).toBe('Sandal 2021, as published (not pooled)');
    expect([study.ciLower, study.ciUpper]).toEqual([-1.51, -0.06]);
    expect(r[2]).toBe(`1 trial (${study.nIntervention! + study.nControl!})`);
    expect(r[5]).toBe('None (< 3 trials)');
    expect(r[8]).toBe(RELEVANCE_TEXT[study.relevance!].en);
    expect(r[7]).toBe('5 points');
    // The asymmetric published interval, not the model's symmetric one rebuilt from the SE.
    expect(row('pain_avg', '3m')[3]).toBe('MD 0.80 (0.20 to 1.30)');
  });

  it('Table 1 prints each effect as its forest plot does: the same number, the same way round', () => {
    for (const g of metaGroups(results)) {
      const cell = en.rows[results.outcomes.indexOf(g.setting)]![3]!.replace(/^MD /, '');
      expect(JSON.stringify(metaForestSpec(g, 'en')), g.setting.outcome).toContain(`"text":"${cell}"`);
    }
  });

  it('rows from one subgroup of a trial name the subgroup', () => {
    for (const [o, t] of [['pain_avg', '3m'], ['rmdq', '9m'], ['pain_avg', '9m']] as const) {
      expect(row(o, t)[0]).toMatch(/, subgroup: high physical demands \(lower is better\)$/);
    }
    expect(row('rmdq', '3m')[0]).not.toContain('subgroup');
  });

  it('two subgroups of one trial count as 1 trial, combined by the fixed effect: named so, no random effects, I² or PI', () => {
    const pooled = results.pooled.filter((p) => p.outcome === 'pseq' && p.time === '9m' && p.subgroup === null);
    expect(pooled.map((p) => p.model)).toEqual(['fixed']);
    const fixed = pooled[0]!;
    const r = row('pseq', '9m');
    expect(fixed).toMatchObject({ k: 2, trials: 1, piLower: null, piUpper: null, i2: null });
    expect(r[2]).toBe('1 trial, 2 subgroups (not reported)'); // participants only when every study gave both arm sizes
    expect(r[3]).toBe(`MD ${fixed.estimate.toFixed(2)} (${fixed.ciLower.toFixed(2)} to ${fixed.ciUpper.toFixed(2)})`);
    expect(r[4]).toBe('Subgroups of one trial combined (inverse-variance, fixed)');
    // One trial: the words of every row on fewer than 3 trials, not a bare dash.
    expect(r[5]).toBe('None (< 3 trials)');
    expect(r[6]).toBe('—');
    expect(r[8]).toBe(RELEVANCE_TEXT[fixed.relevance!].en);
  });

  it('three trials: the prediction interval is shown', () => {
    const three = metaAnalyze(parseStudies(parseCsvText('study,outcome,time,difference,ci_lower,ci_upper\nA,rmdq,3m,-0.79,-1.51,-0.06\nB,rmdq,3m,-2.1,-3.0,-1.2\nC,rmdq,3m,-0.2,-1.0,0.6', 'three.csv')), { version: 't' });
    const random = three.pooled.find((p) => p.model === 'random')!;
    const r = metaSummaryTable(three, 'en').rows[0]!;
    expect(r[2]).toBe('3 trials (not reported)');
    expect(r[4]).toBe('Random effects (REML)');
    expect(r[6]).toBe(`${random.i2!.toFixed(0)}%`);
    // rmdq is lower-is-better: turned, as the estimate beside it (meta-sign-conventions.test.ts).
    const signed = (x: number) => x.toFixed(2).replace('-', '−');
    expect(r[5]).toBe(`${signed(-random.piUpper!)} to ${signed(-random.piLower!)}`);
  });

  it('when only some trials gave their group sizes, the cell says how many, not "not reported" nor a partial sum', () => {
    const rows = ['A,50,50', 'B,,', 'C,40,41', 'D,,', 'E,,', 'F,,'].map((r, i) => {
      const [study, ni, nc] = r.split(',');
      return `${study} 202${i},rmdq,3m,${ni},${nc},-${(i + 2) / 4},-${(i + 2) / 4 + 1},${1 - (i + 2) / 4}`;
    });
    const six = metaAnalyze(parseStudies(parseCsvText(['study,outcome,time,n_intervention,n_control,difference,ci_lower,ci_upper', ...rows].join('\n'), 'six.csv')), { version: 't' });
    expect(metaSummaryTable(six, 'en').rows[0]![2]).toBe('6 trials (n reported by 2 of 6)');
    expect(metaSummaryTable(six, 'da').rows[0]![2]).toBe('6 forsøg (antal angivet af 2 af 6)');
  });

  it('Danish: the glossary\'s words, decimal comma and "til"', () => {
    const da = metaSummaryTable(results, 'da', () => 'point');
    const i = results.outcomes.findIndex((s) => s.outcome === 'pseq' && s.time === '9m');
    expect(da.header[0]).toBe('Effektmål');
    expect(da.header[7]).toBe('MKRF');
    expect(da.rows[i]![1]).toBe('9 måneder');
    expect(da.rows[i]![2]).toBe('1 forsøg, 2 subgrupper (ikke angivet)');
    expect(da.rows[i]![3]).toMatch(/^MD \d+,\d\d \(\d+,\d\d til \d+,\d\d\)$/);
    expect(da.header[3]).toBe('Effektforskel (95 %-KI), positiv: til fordel for appen');
    // A lower-is-better outcome: the same number as its forest plot prints (vanlig behandling − app).
    expect(da.rows[0]![3]).toBe('MD 0,79 (0,06 til 1,51)');
    expect(da.rows[i]![0]).toContain('højere er bedre');
    expect(da.rows[i]![4]).toBe('Subgrupper af ét forsøg kombineret (invers varians, fast effekt)');
  });
});
