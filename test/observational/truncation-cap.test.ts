/**
 * The published weight-truncation cap is no patient's weight (docs/observational.md, "Small
 * counts"): a plain quantile of the weights is one patient's 1/e or 1/(1 − e) whenever its
 * position (n − 1)·q is whole. Here 251 patients are analysed and q = 0.96, so (n − 1)·q = 240:
 * R's quantile() would publish the 241st smallest weight. The weights are recomputed below from
 * the CSV and the propensity coefficients as computed (never published: docs/observational.md,
 * "Small counts", rule 7), independently of balancing-weights.ts.
 */
import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import type { ObservationalResult } from '../../src/observational/observational-results-schema.js';

const lines = readFileSync('test/fixtures/observational/registry-300.csv', 'utf8').trimEnd().split('\n');
// Without the first 9 rows, 251 patients have RMDQ at baseline and 3 months and every confounder.
const csv = [lines[0]!, ...lines.slice(10)].join('\n') + '\n';
const computedRmdq = (trial: ReturnType<typeof loadTrial>) => computeObservationalAnalyses(trial).find((x) => x.outcome === 'rmdq')!;
const computedModel = (trial: ReturnType<typeof loadTrial>) => {
  const p = computedRmdq(trial).propensity!;
  return { terms: p.terms, coefficients: p.coefficients! };
};
// Published at the page's precision (published-analysis.ts): the cap to 3 decimals, the largest weight to 2.
const rounded = (v: number, d: number) => Math.round(v * 10 ** d) / 10 ** d;
const base = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { observational: Record<string, unknown> };

it('the published truncation cap equals no patient\'s weight, and the weights above it are capped at it', () => {
  const plan = parsePlan({ ...base, observational: { ...base.observational, truncate: 0.96 } });
  const trial = loadTrial(parseCsvText(csv, 'registry.csv'), plan);
  const published = JSON.parse(JSON.stringify(analyzeObservational(trial, { version: 'test' }))) as ObservationalResult;
  const a = published.analyses.find((x) => x.outcome === 'rmdq')!;
  expect(a.patients).toEqual({ exposed: 165, unexposed: 86 });
  const { terms, coefficients } = computedModel(trial);
  expect(terms).toEqual(['(Intercept)', 'age', 'sexM', 'referrerhospital', 'referrerphysio', 'baseline']);

  const header = lines[0]!.split(',');
  const col = (cells: string[], name: string) => cells[header.indexOf(name)]!;
  const weights: number[] = [];
  for (const line of lines.slice(10)) {
    const c = line.split(',');
    if (['age', 'sex', 'referrer', 'rmdq_baseline', 'rmdq_3m'].some((n) => col(c, n) === '')) continue;
    const x = [1, Number(col(c, 'age')), col(c, 'sex') === 'M' ? 1 : 0, col(c, 'referrer') === 'hospital' ? 1 : 0, col(c, 'referrer') === 'physio' ? 1 : 0, Number(col(c, 'rmdq_baseline'))];
    const e = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * coefficients[j]!, 0)));
    weights.push(col(c, 'app') === 'Ja' ? 1 / e : 1 / (1 - e)); // ATE
  }
  expect(weights).toHaveLength(251);

  const cap = computedRmdq(trial).weights!.truncatedAt!;
  expect(a.weights!.truncatedAt).toBe(rounded(cap, 3));
  const nearest = Math.min(...weights.map((w) => Math.abs(w - cap)));
  expect(nearest, `cap ${cap} is a patient's weight`).toBeGreaterThan(1e-9 * cap);
  // It is the mean of the 5 (threshold) sorted weights around position 240 (0-based), and every
  // weight above it is capped.
  const sorted = [...weights].sort((x, y) => x - y);
  expect(cap).toBeCloseTo(sorted.slice(238, 243).reduce((s, w) => s + w, 0) / 5, 9);
  expect(a.weights!.truncated).toBe(weights.filter((w) => w > cap).length);
});

it('the published largest weight of each group is the mean of its 5 largest, no patient\'s weight; "extreme" says whether any one passes 10 × the mean', () => {
  const trial = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(base));
  const published = JSON.parse(JSON.stringify(analyzeObservational(trial, { version: 'test' }))) as ObservationalResult;
  const a = published.analyses.find((x) => x.outcome === 'rmdq')!;
  const { terms, coefficients } = computedModel(trial);
  expect(terms).toEqual(['(Intercept)', 'age', 'sexM', 'referrerhospital', 'referrerphysio', 'baseline']);
  const header = lines[0]!.split(',');
  const col = (cells: string[], name: string) => cells[header.indexOf(name)]!;
  const byGroup = { exposed: [] as number[], unexposed: [] as number[] };
  for (const line of lines.slice(10)) {
    const c = line.split(',');
    if (['age', 'sex', 'referrer', 'rmdq_baseline', 'rmdq_3m'].some((n) => col(c, n) === '')) continue;
    const x = [1, Number(col(c, 'age')), col(c, 'sex') === 'M' ? 1 : 0, col(c, 'referrer') === 'hospital' ? 1 : 0, col(c, 'referrer') === 'physio' ? 1 : 0, Number(col(c, 'rmdq_baseline'))];
    const e = 1 / (1 + Math.exp(-x.reduce((s, v, j) => s + v * coefficients[j]!, 0)));
    if (col(c, 'app') === 'Ja') byGroup.exposed.push(1 / e);
    else byGroup.unexposed.push(1 / (1 - e));
  }
  expect(a.weights!.maxOf).toBe(5);
  for (const g of ['exposed', 'unexposed'] as const) {
    const w = byGroup[g], mean = w.reduce((s, v) => s + v, 0) / w.length;
    const top = [...w].sort((x, y) => y - x).slice(0, 5);
    const computed = computedRmdq(trial).weights!.max[g];
    expect(computed).toBeCloseTo(top.reduce((s, v) => s + v, 0) / 5 / mean, 9);
    expect(a.weights!.max[g]).toBe(rounded(computed, 2));
    // The ratio times the group mean is no patient's weight.
    const shown = computed * mean;
    expect(Math.min(...w.map((v) => Math.abs(v - shown))), g).toBeGreaterThan(1e-9 * shown);
    expect(a.weights!.extreme[g]).toBe(Math.max(...w) / mean > 10);
  }
});
