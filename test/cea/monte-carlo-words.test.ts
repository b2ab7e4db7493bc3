// The Monte Carlo error sentences claimed more than the numbers showed: the page said both pooled
// estimates passed 10% of their SEs when only the QALYs' did (the cost's was 9%), and the CLI
// printed "(10% of its SE)" in a warning that it exceeds 10% (10.0x% rounded). Now each sentence
// names the estimate(s) above 10%, and a share is printed with the decimals that show its side of 10%.
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { sharePercent } from '../../src/cea/monte-carlo-error.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { ceaFixture } from '../support/cea-fixture.js';

describe('a share of the SE in percent', () => {
  it('shows on which side of 10% it lies', () => {
    expect(sharePercent(0.1004, 'en')).toBe('10.04%');
    expect(sharePercent(0.1049, 'en')).toBe('10.5%');
    expect(sharePercent(0.0996, 'en')).toBe('9.96%');
    expect(sharePercent(0.1, 'en')).toBe('10%');
    expect(sharePercent(0.09, 'en')).toBe('9%');
    expect(sharePercent(0.113, 'en')).toBe('11%');
    expect(sharePercent(0.1049, 'da')).toBe('10,5 %');
  });
});

describe('the Monte Carlo error names the estimates above 10% of their SE', () => {
  // m = 3 with a missing middle visit: the QALYs' Monte Carlo error passes 10% of its SE, the cost's does not.
  const f = ceaFixture({ missingMiddleVisit: true, gp: { intervention: 2, control: 1 }, planExtra: { imputation: { m: 3, seed: 3 } } });
  const { result: r } = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 'test', dataName: 'x', planName: 'y', replicates: 100 });
  const mc = r.monteCarloError!;
  const cost = mc.incrementalCost.mcse / r.incrementalCost.se;
  const qaly = mc.incrementalQaly.mcse / r.incrementalQaly.se;

  it('the fixture has one estimate above 10% and one below', () => {
    expect(qaly).toBeGreaterThan(0.1);
    expect(cost).toBeLessThan(0.1);
  });

  it('the warning marks only the one above', () => {
    const w = r.warnings.find((x) => x.startsWith('the base case: with m = 3'))!;
    expect(w).toContain(`(${Math.round(100 * cost)}% of its SE)`);
    expect(w).toMatch(new RegExp(`\\(${(100 * qaly).toFixed(0)}% of its SE, above 10%\\)`));
  });

  it('the summary names the QALYs alone', () => {
    expect(ceaSummaryText(r, 'en')).toContain(`— more than 10% of the SE (the QALYs' ${Math.round(100 * qaly)}%); use at least m = `);
    expect(ceaSummaryText(r, 'da')).toContain(`— mere end 10 % af standardfejlen (QALY-forskellens ${Math.round(100 * qaly)} %); brug mindst m = `);
  });

  it('the page says the QALYs\' error passes 10%, not both, in both languages', async () => {
    const env = { input: (p: string) => p, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    for (const lang of ['en', 'da'] as const) {
      const page = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang, data: f.exportFile, plan: f.plan }, { ...env, lang });
      const notes = page.page.sections.find((s) => s.id === 'results')!.notes!.join('\n');
      expect(notes).toContain(lang === 'en' ? `The one on the incremental QALYs is ${Math.round(100 * qaly)}% of its standard error, more than 10%` : `Den på forskellen i QALY er ${Math.round(100 * qaly)} % af dens standardfejl, mere end 10 %`);
      expect(notes).not.toMatch(/more than 10% of their standard errors|mere end 10 % af deres standardfejl/);
    }
  });

  it('a scenario keeps each share, so its note names the one above', () => {
    const low = r.sensitivity.find((s) => s.key === 'unit-costs-low')!;
    expect(low.monteCarloError!.shareOfSe!.incrementalQaly).toBeCloseTo(qaly, 12);
    expect(low.monteCarloError!.shareOfSe!.incrementalCost).toBeCloseTo(cost, 12);
  });
});
