/**
 * published-effect.ts: an effect row's difference, SE, CI, p and benefit at the page's digits.
 * The page must read the same whichever number it is drawn from (registryInterval: the
 * difference with formatFixed, the limits with formatBound), every limit must stay on its side of
 * 0 and ±MCID (the verdicts and the report's sentences read it), and the digits must be the
 * page's — not 16, which made the crude row a set of exact equations on the counts.
 */
import { describe, expect, it } from 'vitest';
import { publishedEffect } from '../../src/observational/published-effect.js';
import { registryInterval } from '../../src/report/kinds/registry-report.js';
import { ciIncludesNull } from '../../src/observational/e-value.js';
import type { ObservationalEffect } from '../../src/observational/observational-results-schema.js';

/** A row as the analysis computes it (judge-effect.ts's benefit: positive favours the exposed). */
function row(kind: ObservationalEffect['kind'], mcid: number | null, direction: ObservationalEffect['direction'], difference: number, se: number, pValue: number): ObservationalEffect {
  const ciLower = difference - 1.959963984540054 * se;
  const ciUpper = difference + 1.959963984540054 * se;
  const flip = direction === 'lower-is-better';
  return {
    outcome: 'o', label: 'O', time: '3m', n: { intervention: 662, control: 379 }, difference, se, df: null, ciLower, ciUpper, confLevel: 0.95, ciMethod: 'normal', pValue, mcid, direction,
    benefit: flip ? -difference : difference, benefitCiLower: flip ? -ciUpper : ciLower, benefitCiUpper: flip ? -ciLower : ciUpper,
    significant: null, imprecise: null, relevance: null, method: 'crude', kind, eValue: null,
    certainty: { start: 'low', level: 'low', downgradedForImprecision: false, reason: '' },
  };
}

/** A deterministic spread of values (no Math.random: same test, same rows). */
function* cases(): Generator<ObservationalEffect> {
  let x = 12345;
  const next = () => ((x = (x * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let i = 0; i < 3000; i++) {
    const kind = i % 3 === 0 ? 'risk-difference' : 'continuous';
    const mcid = kind === 'risk-difference' ? [null, 0.05, 0.1][i % 3 === 0 ? (i / 3) % 3 : 0]! : [0.3, 1, 2.5, null][i % 4]!;
    const se = kind === 'risk-difference' ? 0.0005 + 0.05 * next() : 0.002 + 0.6 * next();
    // Many limits near 0 and ±MCID: the cases where the page spends extra digits.
    const target = [0, mcid ?? 0, -(mcid ?? 0)][i % 3]!;
    const side = next() < 0.5 ? 1 : -1;
    const difference = target + side * 1.959963984540054 * se + (next() - 0.5) * 10 ** -(2 + (i % 5));
    yield row(kind, mcid, i % 2 ? 'lower-is-better' : 'higher-is-better', difference, se, next() ** 8);
  }
}

describe('publishedEffect', () => {
  it('the page reads the same from the published row, every limit keeps its side of 0 and ±MCID, and the benefit is the difference turned', () => {
    for (const e of cases()) {
      const p = publishedEffect(e);
      for (const lang of ['en', 'da'] as const) expect(registryInterval(p, lang)).toBe(registryInterval(e, lang));
      expect(ciIncludesNull(p)).toBe(ciIncludesNull(e));
      const m = e.mcid ?? 0;
      for (const [a, b] of [[p.ciLower!, e.ciLower!], [p.ciUpper!, e.ciUpper!], [p.benefitCiLower!, e.benefitCiLower!], [p.benefitCiUpper!, e.benefitCiUpper!]])
        for (const t of [0, m, -m]) expect(Math.sign(a - t)).toBe(Math.sign(b - t));
      const flip = e.direction === 'lower-is-better' ? -1 : 1;
      expect(p.benefit).toBe(flip * p.difference! || 0);
      // p keeps its side of alpha.
      expect(p.pValue! < 0.05).toBe(e.pValue! < 0.05);
    }
  });

  it('publishes the page\'s digits: 2 for a score, 3 with an MCID below 1, a proportion to 3 (1 decimal in pp); the SE to 2 significant digits at least; p to 3 decimals, 2 significant digits below 0.001', () => {
    const digits = (v: number) => (String(v).split('.')[1] ?? '').length;
    const score = publishedEffect(row('continuous', 2.5, 'lower-is-better', -3.517744262608705, 0.2773883915484579, 7.47356578909186e-37));
    expect([score.difference, score.se, score.ciLower, score.ciUpper, score.pValue]).toEqual([-3.52, 0.28, -4.06, -2.97, 7.5e-37]);
    expect([score.benefit, score.benefitCiLower, score.benefitCiUpper]).toEqual([3.52, 2.97, 4.06]);
    const index = publishedEffect(row('continuous', 0.3, 'higher-is-better', 0.0812345, 0.0312345, 0.0123456));
    expect([index.difference, index.se, index.pValue]).toEqual([0.081, 0.031, 0.012]);
    const risk = publishedEffect(row('risk-difference', 0.1, 'higher-is-better', 0.123456, 0.0004567, 0.5));
    expect(risk.difference).toBe(0.123);
    expect(risk.se).toBe(0.00046);
    for (const e of cases()) {
      const p = publishedEffect(e);
      expect(digits(p.difference!)).toBeLessThanOrEqual(e.kind === 'risk-difference' || (e.mcid !== null && e.mcid < 1) ? 3 : 2);
    }
  });
});
