import { describe, expect, it } from 'vitest';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { readStudiesFile } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { RELEVANCE_TEXT } from '../../src/report/i18n.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';

const results = metaAnalyze(readStudiesFile('data/published/selfback-studies.csv'), { preset: 'metafor', plan: loadPlanFile('data/plans/selfback.plan.json'), version: 'test' });
const points = () => 'points';

describe('metaSummaryTable (pooled estimates of the meta report)', () => {
  const en = metaSummaryTable(results, 'en', points);
  const row = (outcome: string, time: string) => en.rows[results.outcomes.findIndex((s) => s.outcome === outcome && s.time === time)]!;

  it('one row per outcome × follow-up × measure, in the results order', () => {
    expect(en.rows).toHaveLength(results.outcomes.length);
    expect(en.header).toHaveLength(8);
    for (const r of en.rows) expect(r).toHaveLength(8);
  });

  it('a single study is shown with its interval as reported and its own verdict', () => {
    const study = results.studies.find((s) => s.outcome === 'rmdq' && s.time === '3m')!;
    const r = row('rmdq', '3m');
    expect(r[3]).toBe('MD −0.79 [−1.51, −0.06]');
    expect([study.ciLower, study.ciUpper]).toEqual([-1.51, -0.06]);
    expect(r[2]).toBe(`1 (${study.nIntervention! + study.nControl!})`);
    expect(r[4]).toBe('one study: its own estimate');
    expect(r[7]).toBe(RELEVANCE_TEXT[study.relevance!].en);
    expect(r[6]).toBe('5 points');
  });

  it('a pooled row shows k, the random-effects CI, the prediction interval, I² and the verdict of the pooled estimate', () => {
    const random = results.pooled.find((p) => p.outcome === 'pseq' && p.time === '9m' && p.subgroup === null && p.model === 'random')!;
    const r = row('pseq', '9m');
    expect(r[2]).toBe(`${random.k} (not reported)`); // participants only when every study gave both arm sizes
    expect(r[3]).toBe(`MD ${random.estimate.toFixed(2)} [${random.ciLower.toFixed(2)}, ${random.ciUpper.toFixed(2)}]`);
    expect(r[4]).toBe(`${random.piLower!.toFixed(2)} to ${random.piUpper!.toFixed(2)}`);
    expect(r[5]).toBe(`${random.i2!.toFixed(0)}%`);
    expect(r[7]).toBe(RELEVANCE_TEXT[random.relevance!].en);
  });

  it('Danish: labels, decimal comma and "til"', () => {
    const da = metaSummaryTable(results, 'da', () => 'point');
    const i = results.outcomes.findIndex((s) => s.outcome === 'pseq' && s.time === '9m');
    expect(da.header[0]).toBe('Udfald');
    expect(da.rows[i]![1]).toBe('9 måneder');
    expect(da.rows[i]![4]).toMatch(/^\d+,\d\d til \d+,\d\d$/);
    expect(da.rows[i]![0]).toContain('højere er bedre');
  });
});
