/**
 * An MI verdict at its edge (docs/plan-trial.md#verdict-at-its-edge): the jackknife Monte Carlo
 * error of the pooled p and CI limits against R by hand (test/reference/mi-verdict-edge.R, on the
 * per-imputation numbers hta gives for test/fixtures/mi-verdict-edge/), and a trial whose p sits
 * at 0.05 (plan seed 1: p = 0.049; seed 2 gives 0.052, so the note is no false alarm) against one far
 * from every cut-off (no note) and one whose estimate sits on −MCID.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { analysisResultSchema } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { trialWarningText } from '../../src/report/failure-reasons.js';
import { verdictEdgeNotes } from '../../src/report/kinds/trial-report.js';
import { miMonteCarloErrorWithP, verdictEdges } from '../../src/stats/missing/mi-monte-carlo.js';
import { poolRubin } from '../../src/stats/missing/rubin-rules.js';

const dir = 'test/fixtures/mi-verdict-edge';
const input = JSON.parse(readFileSync('test/reference/mi-verdict-edge-input.json', 'utf8'));
const ref = JSON.parse(readFileSync('test/reference/mi-verdict-edge.json', 'utf8'));
const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));

function analyse(file: string, seed = 1) {
  const trial = loadTrial(parseCsvText(readFileSync(`${dir}/${file}`, 'utf8'), file), parsePlan({ ...planJson, missing: { ...planJson.missing, seed } }));
  const result = analyzeTrial(trial, { version: 'test' });
  return { trial, result, mi: result.effects.find((e) => e.method === 'mi-ancova' && e.time === '6m')! };
}

describe('the Monte Carlo error of what decides the verdict (= R by hand)', () => {
  for (const [k, c] of (input.cases as { file: string; alpha: number; estimates: number[]; variances: number[]; dfComplete: number }[]).entries()) {
    it(`${c.file}: Rubin's p and limits, and the jackknife of p, the limits and √(B/m)`, () => {
      const r = ref.cases[k];
      const pooled = poolRubin(c.estimates, c.variances, c.dfComplete, 1 - c.alpha);
      expect(pooled.pValue).toBeCloseTo(r.pValue, 12);
      expect(pooled.ciLower).toBeCloseTo(r.ciLower, 10);
      const mc = miMonteCarloErrorWithP(c.estimates, c.variances, c.dfComplete, 1 - c.alpha, pooled);
      expect(mc.pValue! / r.mcse.pValue).toBeCloseTo(1, 10);
      expect(mc.ciLower).toBeCloseTo(r.mcse.ciLower, 10);
      expect(mc.ciUpper).toBeCloseTo(r.mcse.ciUpper, 10);
      expect(mc.estimate).toBeCloseTo(r.mcse.estimate, 10);
    });
  }
});

describe('verdictEdges', () => {
  const judge = { alpha: 0.05, mcid: 5, direction: 'higher-is-better' as const, imputations: 20, suggestedImputations: 30 };
  it('flags p within ±1.96 MCSE of alpha, and asks for the imputations that bring alpha outside that band', () => {
    const e = verdictEdges({ difference: 2, ciLower: 0.05, ciUpper: 3.95, pValue: 0.046 }, { estimate: 0.05, ciLower: 0.05, ciUpper: 0.05, pValue: 0.004 }, judge);
    // 20 × (1.96 × 0.004 / 0.004)² = 76.8 → 80
    expect(e).toEqual([{ quantity: 'pValue', value: 0.046, mcse: 0.004, cutoff: 0.05, settlingImputations: 80 }]);
  });
  it('says nothing when p and every limit are far from their cut-offs', () => {
    expect(verdictEdges({ difference: 2, ciLower: 1, ciUpper: 3, pValue: 0.001 }, { estimate: 0.05, ciLower: 0.05, ciUpper: 0.05, pValue: 0.0004 }, judge)).toEqual([]);
  });
  it('flags a CI limit near the MCID only when crossing it changes the verdict', () => {
    // significant, not relevant (U < 5) ↔ significant, relevance uncertain (U ≥ 5)
    const near = verdictEdges({ difference: 2, ciLower: 0.5, ciUpper: 4.98, pValue: 0.001 }, { estimate: 0.05, ciLower: 0.1, ciUpper: 0.1, pValue: 0.0004 }, judge);
    expect(near.map((e) => [e.quantity, e.cutoff])).toEqual([['ciUpper', 5]]);
    // inconclusive either way (L ≤ −MCID already): no edge
    expect(verdictEdges({ difference: 1, ciLower: -6, ciUpper: 4.98, pValue: 0.6 }, { estimate: 0.05, ciLower: 0.1, ciUpper: 0.1, pValue: 0.01 }, judge)).toEqual([]);
  });
  it('judges on the difference scale with the direction: a lower-is-better estimate on −MCID', () => {
    const e = verdictEdges({ difference: -5.01, ciLower: -7, ciUpper: -3, pValue: 1e-5 }, { estimate: 0.13, ciLower: 0.2, ciUpper: 0.2, pValue: 1e-5 }, { ...judge, direction: 'lower-is-better' });
    expect(e.map((x) => [x.quantity, x.cutoff])).toEqual([['estimate', -5]]);
  });
});

describe('a trial whose MI verdict sits at its edge', () => {
  const { trial, result, mi } = analyse('trial.csv');

  it('is significant with seed 1 and not with seed 2: the note is no false alarm', () => {
    expect(mi.pValue).toBeLessThan(0.05);
    expect(mi.significant).toBe(true);
    const other = analyse('trial.csv', 2).mi;
    expect(other.pValue).toBeGreaterThan(0.05);
    expect(other.significant).toBe(false);
  });

  it('gives verdictAtEdge in results.json (schema-valid) with p, its jackknife error and the cut-off', () => {
    expect(() => analysisResultSchema.parse(result)).not.toThrow();
    const e = mi.verdictAtEdge!;
    expect(e.map((x) => x.quantity)).toEqual(['pValue']);
    expect(e[0]!.value).toBe(mi.pValue);
    expect(e[0]!.mcse).toBeCloseTo(ref.cases[0].mcse.pValue, 12);
    expect(e[0]!.cutoff).toBe(0.05);
    // The sensitivity table's MI row is the same row, and says it too.
    expect(result.sensitivity!.rows.find((r) => r.method === 'mi-ancova')!.verdictAtEdge).toEqual(e);
  });

  it('warns once per visit, in English and on the Danish page in its words', () => {
    const w = result.warnings.filter((x) => x.includes('the verdict depends on the imputation'));
    expect(w).toEqual([
      'multiple imputation of rmdq at 6m: the verdict depends on the imputation: p = 0.049 ± 0.016 (Monte Carlo error); with m = 20 imputations another seed may give p > 0.05; re-run with more imputations (set "m": 1000 or more in the plan\'s "missing")',
    ]);
    const ctx = trialChartContext(trial, 'da');
    expect(trialWarningText(w[0]!, 'da', { outcome: ctx.outcomeLabel, time: ctx.timeLabel, method: (m: string) => m } as never)).toBe(
      'Multipel imputation af Funktionsevne, 6 måneder: vurderingen afhænger af imputationen: p = 0,049 ± 0,016 (Monte Carlo-standardfejl); med m = 20 imputationer kan en ny multipel imputation med andre tilfældige tal give p > 0,05; kør igen med flere imputationer (angiv "m": 1000 eller mere i planen)',
    );
  });

  it('puts one note in the methods, en and da', () => {
    expect(verdictEdgeNotes(result, trialChartContext(trial, 'en'))).toEqual([
      'The verdict of the multiple imputation for Disability at 6 months depends on the imputation: p = 0.049 ± 0.016 (Monte Carlo error); with 20 imputations another imputation seed may give p > 0.05. More imputations (about 1,000) would settle it.',
    ]);
    expect(verdictEdgeNotes(result, trialChartContext(trial, 'da'))).toEqual([
      'Vurderingen i analysen med multipel imputation af Funktionsevne efter 6 måneder afhænger af imputationen: p = 0,049 ± 0,016 (Monte Carlo-standardfejl); med 20 imputationer kan en ny multipel imputation med andre tilfældige tal give p > 0,05. Flere imputationer (omkring 1.000) vil afgøre det.',
    ]);
  });
});

describe('a trial whose estimate sits on −MCID', () => {
  it('says the estimated difference may cross −MCID (possibly relevant ↔ not)', () => {
    const { trial, result, mi } = analyse('trial-mcid.csv');
    expect(mi.relevance).toBe('possibly-relevant-benefit');
    expect(mi.verdictAtEdge!.map((e) => [e.quantity, e.cutoff])).toEqual([['estimate', -5]]);
    expect(result.warnings.some((w) => w.includes('the estimated difference = -5.01 ± 0.13 (Monte Carlo error); with m = 20 imputations another seed may put it above -5 (minus the MCID)'))).toBe(true);
    expect(verdictEdgeNotes(result, trialChartContext(trial, 'en'))[0]).toContain('the estimated difference −5.01 ± 0.13 (Monte Carlo error); with 20 imputations another imputation seed may give a value above −5.00 (minus the MCID)');
  });
});

describe('a trial far from every cut-off', () => {
  it('has no verdictAtEdge, no warning and no note', () => {
    const { trial, result, mi } = analyse('trial-far.csv');
    expect(mi.pValue).toBeLessThan(0.001);
    expect(mi.verdictAtEdge).toBeUndefined();
    expect(Object.keys(mi)).not.toContain('verdictAtEdge');
    expect(result.warnings.filter((w) => w.includes('verdict depends'))).toEqual([]);
    expect(verdictEdgeNotes(result, trialChartContext(trial, 'en'))).toEqual([]);
  });
});
