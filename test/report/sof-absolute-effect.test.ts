/**
 * The summary of findings' absolute effect of a yes/no outcome comes from the control risk and the
 * risk ratio, as GRADE derives it (src/report/sof-absolute-effect.ts), checked against
 * test/reference/sof-absolute.R; the row's relative and absolute effects then agree.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REPORT_TEXT } from '../../src/report/i18n.js';
import { binaryEffect } from '../../src/analysis/binary-effect.js';
import { row } from '../../src/analysis/judged-row.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { sofAbsoluteEffect, sofJudgedRow } from '../../src/report/sof-absolute-effect.js';
import { relativeEffectText, sofEffectText, summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

interface Case { x1: number; n1: number; x2: number; n2: number; controlRisk: number; basis: string; per1000: number; per1000Lower: number; per1000Upper: number; capped: boolean }
const reference = JSON.parse(readFileSync('test/reference/sof-absolute.json', 'utf8')) as { cases: Case[] };

/** The analysis's yes/no row for these counts (medication use: lower is better, MCID 0.1). */
function medRow(c: Pick<Case, 'x1' | 'n1' | 'x2' | 'n2'>): EffectRow {
  const counts = { intervention: { events: c.x1, n: c.n1 }, control: { events: c.x2, n: c.n2 } };
  return row({ outcome: 'med_use', label: 'Pain-medication use', time: '12m', method: 'risk-difference' }, 0.95, 0.1, 'lower-is-better', () => binaryEffect(counts, 0.95, 'bad'));
}

describe('the absolute effect of a yes/no outcome in the summary of findings', () => {
  it.each(reference.cases.map((c) => [`${c.x1}/${c.n1} vs ${c.x2}/${c.n2}`, c] as const))('%s: as R (control risk × RR capped at 1, or with a zero cell the Newcombe RD)', (_name, c) => {
    const a = sofAbsoluteEffect(medRow(c))!;
    expect(a.basis).toBe(c.basis);
    expect(a.capped).toBe(c.capped);
    expect(a.estimate).toBeCloseTo(c.per1000, 6);
    expect(a.lower).toBeCloseTo(c.per1000Lower, 6);
    expect(a.upper).toBeCloseTo(c.per1000Upper, 6);
  });

  it('back at work 19/30 vs 10/27: the upper limit stops at a risk of 1,000 per 1,000 (630 more), not 741 more', () => {
    const { trial } = bundledTrial();
    const a = sofAbsoluteEffect(medRow({ x1: 19, n1: 30, x2: 10, n2: 27 }))!;
    expect(1000 * (10 / 27) + a.upper).toBeCloseTo(1000, 8);
    expect(sofEffectText(medRow({ x1: 19, n1: 30, x2: 10, n2: 27 }), trialChartContext(trial, 'en'))).toBe('263 more per 1,000 (9 fewer to 630 more)');
  });

  it('0/40 vs 6/40: the observed 150 fewer with its Newcombe interval, not 138 fewer from the corrected RR', () => {
    const r = medRow({ x1: 0, n1: 40, x2: 6, n2: 40 });
    const a = sofAbsoluteEffect(r)!;
    expect(a.basis).toBe('zero-cell');
    expect(Math.round(a.estimate)).toBe(-150);
    expect(a.estimate).toBeCloseTo(1000 * r.difference!, 8);
  });

  it('the row is judged on the interval it shows: 263 fewer (419 fewer to 7 more) is not significant and is imprecise', () => {
    const r = medRow({ x1: 11, n1: 30, x2: 17, n2: 27 });
    // The analysis table's Newcombe interval (−477 to −4) excludes 0.
    expect(r.significant).toBe(true);
    const j = sofJudgedRow(r);
    expect(j.significant).toBe(false);
    expect(j.imprecise).toBe(true);
    expect(j.relevance).toBe('possibly-relevant-benefit'); // estimate beyond the MCID, the CI not: true of the shown interval too
    expect(j.difference).toBe(r.difference);
  });

  it('1/64 vs 7/64: significant on the Newcombe interval, inconclusive on the interval the row shows', () => {
    const { trial } = bundledTrial();
    const r = medRow({ x1: 1, n1: 64, x2: 7, n2: 64 });
    // Significant by the Newcombe interval (whose upper end reaches the MCID: relevance not ruled out).
    expect(r.relevance).toBe('significant-relevance-uncertain');
    const j = sofJudgedRow(r);
    expect(sofEffectText(j, trialChartContext(trial, 'en'))).toMatch(/fewer per 1,000 \(\d+ fewer to \d+ more\)/);
    expect(j.significant).toBe(false);
    expect(j.relevance).toBe('inconclusive');
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
    expect(a.basis).toBe('zero-cell');
    expect(a.estimate).toBeCloseTo(1000 * r.difference!, 8);
    expect(a.lower).toBeCloseTo(1000 * r.ciLower!, 8);
    // Its note says the two intervals may disagree and which one the verdict judges (review: RR 0.08
    // (0.004 to 1.32) beside "150 fewer (291 fewer to 32 fewer)", "Significant").
    expect(REPORT_TEXT.sofAbsoluteZeroCell.en).toContain('the verdict judges the interval shown');
    expect(REPORT_TEXT.sofAbsoluteZeroCell.da).toContain('vurderingen bedømmer det viste interval');
  });

  it('the bundled report\'s summary of findings says how its per-1,000 figures were derived, in its language', () => {
    const { trial, result } = bundledTrial();
    for (const lang of ['en', 'da'] as const) {
      const { table, notes } = summaryOfFindings(summaryOfFindingsRows(result, trial.plan, 'ancova', lang), trialChartContext(trial, lang));
      expect(notes.some((n) => n.includes(lang === 'en' ? 'the control risk × RR with the RR\'s 95% CI' : 'kontrolrisikoen × RR med RR\'s 95 %-KI'))).toBe(true);
      expect(notes.some((n) => n.includes('Cochrane Handbook v6, §14.1.5'))).toBe(true);
      expect(notes.join(' ')).not.toMatch(/GRADE handbook|GRADE-håndbogen|no events in the control group|uden hændelser i kontrolgruppen/);
      const med = result.effects.find((e) => e.outcome === 'med_use' && e.method === 'risk-difference')!;
      const a = sofAbsoluteEffect(med)!;
      const cell = table.rows.find((r) => r[3]!.startsWith('RR '))![5]!;
      expect(cell).toContain(`${Math.abs(Math.round(a.lower))} `);
    }
  });

  it('transported yes/no rows: their weighted risk difference and design-based CI, noted as such; no "no control events" note when every control arm has events', () => {
    const { trial, result } = bundledTrial();
    expect(result.targetPopulation?.transported?.length).toBeTruthy();
    // Pain-medication use as the primary outcome: its rows get the population rows.
    for (const lang of ['en', 'da'] as const) {
      const ctx = { ...trialChartContext(trial, lang), primary: { outcome: 'med_use', time: '9m' } };
      const rows = summaryOfFindingsRows(result, trial.plan, 'ancova', lang);
      const { table, notes } = summaryOfFindings(rows, ctx, result.targetPopulation);
      const moved = result.targetPopulation!.transported!.find((t) => t.outcome === 'med_use' && t.time === '9m')!.effect;
      expect(sofAbsoluteEffect(moved)!.basis).toBe('design-based');
      // Population rows sit under the primary follow-up's row only (here 9 months), indented.
      const cell = table.rows.find((r) => r[0]!.startsWith(lang === 'en' ? '  Reweighted' : '  Omvægtet'))![5]!;
      expect(cell).toContain(`${Math.abs(Math.round(1000 * moved.difference!))} `);
      expect(notes.some((n) => n.includes(lang === 'en' ? 'weighted risk difference with its design-based 95% CI' : 'vægtede risikodifference med designbaseret 95 %-KI'))).toBe(true);
      expect(notes.join(' ')).not.toMatch(/no events|uden hændelser/);
    }
  });

  it('no summary-of-findings row whose shown interval includes 0 is judged significant (bundled trial, en)', () => {
    const { trial, result } = bundledTrial();
    const rows = summaryOfFindingsRows(result, trial.plan, 'ancova', 'en');
    let checked = 0;
    for (const s of rows.filter((x) => x.row.method === 'risk-difference' && !x.row.error)) {
      const a = sofAbsoluteEffect(s.row)!;
      checked++;
      if (a.lower <= 0 && a.upper >= 0) expect(s.row.significant, `${s.outcome} ${s.time}`).toBe(false);
      else expect(s.row.significant, `${s.outcome} ${s.time}`).toBe(true);
    }
    expect(checked).toBeGreaterThan(3);
  });
});
