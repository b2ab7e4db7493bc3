/**
 * One sign convention in the meta report's Table 1: every interval in a row — the 95% CI and the
 * 95% prediction interval — is on the scale of the estimate beside it (the benefit: positive
 * favours the intervention; turned round for a lower-is-better outcome). A prediction interval
 * left as intervention − control beside a turned estimate read "MD 0.19 (−1.25 to 1.64) …
 * −3.19 to 2.80" where the forest plot says −2.80 to 3.19.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { isRatioMeasure, parseStudies } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { metaSummaryTable } from '../../src/report/meta-summary-table.js';

// Four trials per outcome (a prediction interval needs 3): rmdq lower is better (t2.csv's shape:
// arm summaries, a CI with PDF minus signs, an SE), pseq higher is better, med_use a ratio where
// lower is better.
const CSV = [
  'study,outcome,time,measure,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,difference,ci_lower,ci_upper,se',
  'A 2019,rmdq,3m,,120,7.9,5.1,118,9.0,5.4,,,,',
  'B 2020,rmdq,3m,,,,,,,,−1.2,−2.3,−0.1,',
  'C 2021,rmdq,3m,,,,,,,,-0.4,,,0.35',
  'D 2022,rmdq,3m,,64,8.4,4.8,66,6.1,5.0,,,,',
  'A 2019,pseq,9m,,,,,,,,3.1,0.4,5.8,',
  'B 2020,pseq,9m,,,,,,,,-1.5,-3.9,0.9,',
  'C 2021,pseq,9m,,,,,,,,4.0,1.0,7.0,',
  'A 2019,med_use,3m,RR,,,,,,,0.74,0.56,0.98,',
  'B 2020,med_use,3m,RR,,,,,,,1.20,0.90,1.60,',
  'C 2021,med_use,3m,RR,,,,,,,0.60,0.45,0.80,',
].join('\n');

const results = metaAnalyze(parseStudies(parseCsvText(CSV, 'sign.csv')), { plan: loadPlanFile('data/plans/selfback.plan.json'), version: 'test' });

const num = (t: string, lang: 'en' | 'da'): number => Number((lang === 'da' ? t.replace(/\./g, '').replace(',', '.') : t.replace(/,/g, '')).replace('−', '-'));
const pair = (t: string, lang: 'en' | 'da'): [number, number] => {
  const m = new RegExp(`^\\(?(\\S+) ${lang === 'da' ? 'til' : 'to'} (\\S+?)\\)?$`).exec(t.trim());
  if (!m) throw new Error(`not an interval: ${t}`);
  return [num(m[1] as string, lang), num(m[2] as string, lang)];
};

describe.each(['en', 'da'] as const)('Table 1 of the meta report: every interval on its estimate\'s scale (%s)', (lang) => {
  const table = metaSummaryTable(results, lang);

  it('t2.csv\'s row: the prediction interval turned as the estimate is (−2.80 to 3.19, not −3.19 to 2.80)', () => {
    const row = table.rows[results.outcomes.findIndex((s) => s.outcome === 'rmdq')]!;
    expect(row[3]).toBe(lang === 'en' ? 'MD 0.19 (−1.25 to 1.64)' : 'MD 0,19 (−1,25 til 1,64)');
    expect(row[5]).toBe(lang === 'en' ? '−2.80 to 3.19' : '−2,80 til 3,19');
  });

  it('in every row, the CI and the prediction interval hold the estimate and are centred on it (log scale for ratios)', () => {
    let checked = 0;
    results.outcomes.forEach((s, i) => {
      const row = table.rows[i]!;
      const m = /^\S+ (\S+) (\(.*\))$/.exec(row[3]!);
      expect(m, row[3]).not.toBeNull();
      const scale = (x: number) => (isRatioMeasure(s.measure) ? Math.log(x) : x);
      const est = scale(num(m![1]!, lang));
      const [lo, hi] = pair(m![2]!, lang).map(scale) as [number, number];
      const [plo, phi] = pair(row[5]!, lang).map(scale) as [number, number];
      expect(lo, `${s.outcome} CI`).toBeLessThanOrEqual(est);
      expect(hi, `${s.outcome} CI`).toBeGreaterThanOrEqual(est);
      expect(plo, `${s.outcome} PI`).toBeLessThanOrEqual(lo);
      expect(phi, `${s.outcome} PI`).toBeGreaterThanOrEqual(hi);
      // Both are Wald-type (z or t) intervals: symmetric about the estimate, to the printed digits.
      const tol = isRatioMeasure(s.measure) ? 0.02 : 0.011;
      expect(Math.abs((lo + hi) / 2 - est), `${s.outcome} CI centre`).toBeLessThan(tol);
      expect(Math.abs((plo + phi) / 2 - est), `${s.outcome} PI centre`).toBeLessThan(tol);
      // And the same way round as the JSON's benefit.
      const random = results.pooled.find((p) => p.outcome === s.outcome && p.model === 'random')!;
      const sign = s.direction === 'lower-is-better' ? -1 : 1;
      expect(Math.min(sign * random.piLower!, sign * random.piUpper!)).toBeCloseTo(plo, 1);
      checked++;
    });
    expect(checked).toBe(3);
  });
});
