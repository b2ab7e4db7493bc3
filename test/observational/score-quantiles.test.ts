/**
 * The printed propensity-score percentiles are never one patient's score
 * (src/observational/score-quantiles.ts, docs/observational.md "Small counts"): the median of an
 * odd-sized group was exactly its middle patient's score.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { windowQuantile } from '../../src/observational/score-quantiles.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

describe('propensity-score percentiles', () => {
  it('are means of threshold-many sorted scores around the type-7 position, never one score', () => {
    // Unevenly spaced (evenly spaced ones would make a window's mean its middle score by chance).
    const scores = Array.from({ length: 101 }, (_, i) => 0.1 + 0.8 * (((i * 37) % 101) / 101) ** 2);
    const sorted = [...scores].sort((a, b) => a - b);
    // Median of 101: the 51st score is one patient's; the window is the 49th to the 53rd.
    expect(windowQuantile(scores, 0.5, 5)).toBeCloseTo((sorted[48]! + sorted[49]! + sorted[50]! + sorted[51]! + sorted[52]!) / 5, 12);
    for (const q of [0.05, 0.25, 0.5, 0.75, 0.95]) expect(sorted.some((s) => Math.abs(s - windowQuantile(scores, q, 5)) < 1e-12)).toBe(false);
    // Edges: the window stays inside the group; k patients give their mean.
    expect(windowQuantile(scores, 0, 5)).toBeCloseTo(sorted.slice(0, 5).reduce((a, b) => a + b) / 5, 12);
    expect(windowQuantile([0.2, 0.4, 0.3, 0.6, 0.5], 0.95, 5)).toBeCloseTo(0.4, 12);
  });

  it('an analysis prints for a 101-patient group a median that is the mean of its middle five', () => {
    const d = completeRegistryRows(200);
    const users = d.rows.filter((r) => r.app === 'Ja');
    d.rows = [...users.slice(0, 101), ...d.rows.filter((r) => r.app === 'Nej')];
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const a = computeObservationalAnalyses(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), plan)).find((x) => x.outcome === 'rmdq')!;
    expect(a.patients?.exposed).toBe(101);
    // Each user's score from the printed model (terms: intercept, age, sexM, referrer levels, baseline).
    const p = a.propensity!;
    const value = (r: Record<string, string>, term: string): number => {
      if (term === '(Intercept)') return 1;
      if (term === 'baseline') return Number(r.rmdq_baseline);
      if (term === 'age') return Number(r.age);
      for (const c of ['sex', 'referrer']) if (term.startsWith(c)) return r[c] === term.slice(c.length) ? 1 : 0;
      throw new Error(term);
    };
    const scores = users.slice(0, 101).map((r) => 1 / (1 + Math.exp(-p.terms.reduce((s, t, j) => s + p.coefficients[j]! * value(r, t), 0))));
    const sorted = [...scores].sort((x, y) => x - y);
    const median = p.quantiles.exposed[2]!;
    expect(median).toBeCloseTo(sorted.slice(48, 53).reduce((x, y) => x + y) / 5, 9);
    expect(sorted.some((s) => Math.abs(s - median) < 1e-9)).toBe(false);
  });
});
