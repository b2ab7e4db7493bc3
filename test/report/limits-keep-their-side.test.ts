/**
 * A confidence limit is never rounded onto, or across, a value its verdict reads: 0 for a
 * difference, 1 for a ratio, ±MCID where a verdict uses one (src/report/interval-bound.ts,
 * docs/report-trial.md#verdicts). The bundled selfBACK pages printed "0.53 (0.00 to 1.06)" (lower
 * −0.0019, not significant), "RR 1.20 (1.00 to 1.43)" (lower 0.997) and "0.03 (−0.95 to 1.00)
 * … No clinically relevant difference" against an MCID of 1 (upper 0.9967).
 */
import { describe, expect, it } from 'vitest';
import { moneyLimit, qalyLimit, qalyText } from '../../src/cea/cea-phrases.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import type { CeaResult } from '../../src/cea/cea-results-schema.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { afterAll } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);
const cea = ceaFixture();
import { formatInterval, formatLimit } from '../../src/meta/meta-table.js';
import { forestAnalyses, subgroupForestRows } from '../../src/report/charts/subgroup-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { formatEffect } from '../../src/report/effects-table.js';
import { boundDecimals, differenceDecisions, formatBound, RATIO_DECISIONS } from '../../src/report/interval-bound.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { relativeEffectText, sofEffectText, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

describe('the one rule for confidence limits', () => {
  it('adds decimals until a limit is on its own side of each decision value, and no more', () => {
    expect(formatBound(-0.0019, 2, 'en')).toBe('−0.002');
    expect(formatBound(0.997, 2, 'en', RATIO_DECISIONS)).toBe('0.997');
    expect(formatBound(1.0031, 2, 'da', RATIO_DECISIONS)).toBe('1,003');
    expect(formatBound(0.9967, 2, 'en', differenceDecisions(1))).toBe('0.997');
    expect(formatBound(-0.9967, 2, 'da', differenceDecisions(1))).toBe('−0,997');
    // Not rounded across an MCID with more decimals than the row's: 0.0749 is below 0.075, 0.1 is not.
    expect(formatBound(0.0749, 1, 'en', differenceDecisions(0.075))).toBe('0.07');
    // A percentage-point MCID: 100 × 0.05 is not 5.000000000000001.
    expect(formatBound(4.996, 1, 'en', differenceDecisions(0.05, 100))).toBe('4.996');
    // Far from every decision value, or exactly on one: the row's decimals.
    expect(formatBound(0.97, 2, 'en', differenceDecisions(1))).toBe('0.97');
    expect(formatBound(1, 2, 'en', differenceDecisions(1))).toBe('1.00');
    expect(formatBound(1.43, 2, 'en', RATIO_DECISIONS)).toBe('1.43');
    // Nearer than the cap allows: the cap (4 more digits).
    expect(boundDecimals(1e-9, 2)).toBe(6);
  });

  it('a limit on a decision value but for floating-point noise is on it: no extra digits', () => {
    expect(formatBound(0.30000000000000004, 1, 'en', differenceDecisions(0.3))).toBe('0.3');
    expect(formatBound(-2e-16, 2, 'en')).toBe('0.00');
    expect(formatBound(Math.exp(Math.log(1.0000000000000002)), 2, 'da', RATIO_DECISIONS)).toBe('1,00');
  });

  it('a limit still on (or across) a decision value at the cap prints its side, with the value at the row\'s decimals', () => {
    expect(formatBound(-1e-7, 2, 'en')).toBe('<0.00');
    expect(formatBound(1e-7, 2, 'da')).toBe('>0,00');
    expect(formatBound(0.9999999, 2, 'en', differenceDecisions(1))).toBe('<1.00');
    expect(formatBound(-0.9999999, 2, 'da', differenceDecisions(1))).toBe('>−1,00');
    expect(formatBound(0.9999999, 2, 'en', RATIO_DECISIONS)).toBe('<1.00');
    // Across an MCID the cap's grid does not hold (1/3 printed to 12 digits): the side, with the
    // MCID to as many digits as the cap allows.
    expect(formatBound(0.33333334, 1, 'en', differenceDecisions(1 / 3))).toBe('>0.33333');
    // The MCID with the decimals it needs, not the row's (review): "<0.076", not "<0.08".
    expect(formatBound(0.0759999, 2, 'en', differenceDecisions(0.076))).toBe('<0.076');
    expect(formatBound(0.0740001, 2, 'da', differenceDecisions(0.074))).toBe('>0,074');
  });

  it('meta tables and forest labels: a ratio limit is kept off 1, a difference off ±MCID', () => {
    expect(formatLimit('RR', Math.log(0.997), 'en')).toBe('0.997');
    expect(formatLimit('MD', -4.998, 'en', 5)).toBe('−4.998');
    expect(formatInterval('RR', Math.log(1.2), Math.log(0.997), Math.log(1.43), 'en')).toBe('1.20 (0.997 to 1.43)');
    expect(formatInterval('RR', Math.log(1.2), Math.log(0.997), Math.log(1.43), 'da')).toBe('1,20 (0,997 til 1,43)');
  });

  it('money limits keep their side of 0', () => {
    expect(moneyLimit(-0.4, 'EUR', 'en')).toBe('−€0.4');
    expect(moneyLimit(1234.4, 'EUR', 'en')).toBe('€1,234');
    expect(moneyLimit(0.04, 'EUR', 'da')).toBe('0,04 EUR');
  });

  it('a CEA limit still on its decision value (0 incremental cost, QALYs or net monetary benefit) prints its side, as the trial tables do', () => {
    // Was "€0.0000" and "−0.0000": a side the verdict reads, lost.
    expect(moneyLimit(-1e-7, 'EUR', 'en')).toBe('<€0');
    expect(moneyLimit(1e-7, 'DKK', 'da')).toBe('>0 kr.'); // Danish kroner as a Danish page writes them (docs/glossary-da.md)
    expect(moneyLimit(1e-7, 'DKK', 'en')).toBe('>0 DKK');
    expect(qalyLimit(-1e-9, 'en')).toBe('<0.0000');
    expect(qalyLimit(1e-9, 'da')).toBe('>0,0000');
    // Off 0 by more than the cap's digits: its digits, never "−0.0000".
    expect(qalyLimit(-0.00001, 'en')).toBe('−0.00001');
    expect(qalyLimit(0.0123, 'da')).toBe('0,0123');
    expect(qalyText(-1e-9, 'en')).toBe('0.0000');
  });

  it('`hta cea`\'s summary prints a limit on 0 as its side', () => {
    const { result } = analyseCeaFiles({ dataFile: cea.exportFile, planFile: cea.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
    const r: CeaResult = { ...result, incrementalCost: { ...result.incrementalCost, ciLower: -1e-7, ciUpper: 390.2 }, incrementalQaly: { ...result.incrementalQaly, ciLower: -1e-9, ciUpper: 0.0499 } };
    expect(ceaSummaryText(r, 'en')).toContain('(95% CI <€0 to €390)');
    expect(ceaSummaryText(r, 'en')).toContain('(95% CI <0.0000 to 0.0499)');
    expect(ceaSummaryText(r, 'da')).toContain('(95 %-KI <0,0000 til 0,0499)');
  });

  it('a table row prints its limit off ±MCID', () => {
    const { result } = bundledTrial();
    const row = result.effects.find((e) => e.method === 'ancova' && e.mcid === 1)!;
    expect(row, 'an effect with an MCID of 1').toBeDefined();
    const odd = { ...row, difference: 0.03, ciLower: -0.95, ciUpper: 0.9967 };
    expect(formatEffect(odd, 2, 'en')).toBe('0.03 (−0.95 to 0.997)');
    expect(formatEffect(odd, 2, 'da')).toBe('0,03 (−0,95 til 0,997)');
  });
});

describe('the bundled selfBACK pages', () => {
  it.each([
    ['en', '0.03 (−0.95 to 0.997)'],
    ['da', '0,03 (−0,95 til 0,997)'],
  ] as const)('(%s) Table 4, work ability at 9 months: the upper limit is not printed on the MCID', (lang, text) => {
    const { trial, result } = bundledTrial();
    const target = subgroupReport(result, trial.plan, trialChartContext(trial, lang), () => 10).sections.find((s) => s.id === 'target-population')!;
    const cells = target.tables!.flatMap((t) => t.table.rows.map((r) => r[3]));
    expect(cells, cells.join('\n')).toContain(text);
  });

  it.each([
    ['en', 'RR 1.20 (0.997 to 1.43)'],
    ['da', 'RR 1,20 (0,997 til 1,43)'],
  ] as const)('(%s) Table 1: a risk ratio not significant does not print its lower limit as 1.00', (lang, text) => {
    const { trial, result } = bundledTrial();
    const rows = summaryOfFindingsRows(result, trial.plan, 'ancova', lang);
    const texts = rows.map((r) => relativeEffectText(r.row, lang));
    expect(texts, texts.join('\n')).toContain(text);
    // Every printed limit of the summary of findings, on its side.
    const ctx = trialChartContext(trial, lang);
    for (const r of rows) expect(sofEffectText(r.row, ctx)).not.toMatch(/\(0[.,]0+ |til 0[.,]0+\)|to 0[.,]0+\)/);
  });

  it.each([
    ['en', '0.53 (−0.002 to 1.06)'],
    ['da', '0,53 (−0,002 til 1,06)'],
  ] as const)('(%s) Figure 3, the subgroup chart\'s label: a lower limit below 0 does not print as 0.00', (lang, text) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const columns = [...new Set((result.subgroups ?? []).map((g) => g.subgroup))];
    const texts = columns.flatMap((c) => subgroupForestRows(forestAnalyses(result.subgroups ?? [], c, '3m'), result.effects, ctx).map((r) => r.effectText));
    expect(texts, texts.join('\n')).toContain(text);
    expect(texts.some((t) => /\(0[.,]00 /.test(t))).toBe(false);
  });

  it('the summary of findings words a limit printed as its side as a size: "<1.00 lower", ">0.00 lower"', () => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, 'en');
    const row = summaryOfFindingsRows(result, trial.plan, 'ancova', 'en').map((r) => r.row).find((r) => r.method !== 'risk-difference' && r.mcid === 1 && r.difference !== null)!;
    expect(sofEffectText({ ...row, difference: -0.5, ciLower: -0.9999999, ciUpper: -1e-7 }, ctx)).toContain('(<1.00 lower to >0.00 lower)');
  });
});

