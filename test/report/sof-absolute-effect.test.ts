/**
 * The summary of findings' absolute effect of a yes/no outcome comes from the control risk and the
 * risk ratio, as GRADE derives it (src/report/sof-absolute-effect.ts), checked against
 * test/reference/sof-absolute.R; the row's relative and absolute effects then agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { binaryEffect } from '../../src/analysis/binary-effect.js';
import { row } from '../../src/analysis/judged-row.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { sofAbsoluteEffect } from '../../src/report/sof-absolute-effect.js';
import { relativeEffectText, sofEffectText, summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

interface Case { x1: number; n1: number; x2: number; n2: number; controlRisk: number; rr: number; rrLower: number; rrUpper: number; per1000: number; per1000Lower: number; per1000Upper: number }
const reference = JSON.parse(readFileSync('test/reference/sof-absolute.json', 'utf8')) as { cases: Case[] };

/** The analysis's yes/no row for these counts (medication use: lower is better, MCID 0.1). */
function medRow(c: Pick<Case, 'x1' | 'n1' | 'x2' | 'n2'>): EffectRow {
  const counts = { intervention: { events: c.x1, n: c.n1 }, control: { events: c.x2, n: c.n2 } };
  return row({ outcome: 'med_use', label: 'Pain-medication use', time: '12m', method: 'risk-difference' }, 0.95, 0.1, 'lower-is-better', () => binaryEffect(counts, 0.95, 'bad'));
}

describe('the absolute effect of a yes/no outcome in the summary of findings', () => {
  it.each(reference.cases.map((c) => [`${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`, c] as const))('%s: 1000 · CR · (RR − 1) with the RR\'s CI, as R', (_name, c) => {
    const a = sofAbsoluteEffect(medRow(c))!;
    expect(a.basis).toBe('risk-ratio');
    expect(a.estimate).toBeCloseTo(c.per1000, 8);
    expect(a.lower).toBeCloseTo(c.per1000Lower, 8);
    expect(a.upper).toBeCloseTo(c.per1000Upper, 8);
  });

  it('medication use at 12 months: the absolute effect crosses 0 as the RR crosses 1 (no longer "477 fewer to 4 fewer")', () => {
    const { trial } = bundledTrial();
    const ctx = trialChartContext(trial, 'en');
    const r = medRow({ x1: 11, n1: 30, x2: 17, n2: 27 });
    expect(relativeEffectText(r, 'en')).toBe('RR 0.58 (0.34 to 1.01)');
    expect(sofEffectText(r, ctx)).toBe('263 fewer per 1,000 (419 fewer to 7 more)');
    // The analysis table's Newcombe interval is unchanged, and labelled as a risk difference there.
    expect(r.ciLower).toBeCloseTo(-0.477, 3);
    expect(r.ciUpper).toBeCloseTo(-0.004, 3);
    expect(sofEffectText(r, trialChartContext(trial, 'da'))).toBe('263 færre pr. 1.000 (419 færre til 7 flere)');
  });

  it('no events with the control: the Newcombe risk difference, not 0 per 1,000 from a risk of 0', () => {
    const r = medRow({ x1: 4, n1: 30, x2: 0, n2: 30 });
    const a = sofAbsoluteEffect(r)!;
    expect(a.basis).toBe('risk-difference');
    expect(a.estimate).toBeCloseTo(1000 * r.difference!, 8);
    expect(a.lower).toBeCloseTo(1000 * r.ciLower!, 8);
  });

  it('the bundled report\'s summary of findings says how its per-1,000 figures were derived, in its language', () => {
    const { trial, result } = bundledTrial();
    for (const lang of ['en', 'da'] as const) {
      const { table, notes } = summaryOfFindings(summaryOfFindingsRows(result, trial.plan, 'ancova', lang), trialChartContext(trial, lang));
      expect(notes.some((n) => n.includes(lang === 'en' ? '1,000 × risk × (RR − 1)' : '1.000 × risiko × (RR − 1)'))).toBe(true);
      const med = result.effects.find((e) => e.outcome === 'med_use' && e.method === 'risk-difference')!;
      const a = sofAbsoluteEffect(med)!;
      const cell = table.rows.find((r) => r[4]!.startsWith('RR '))![6]!;
      expect(cell).toContain(`${Math.abs(Math.round(a.lower))} `);
    }
  });
});
