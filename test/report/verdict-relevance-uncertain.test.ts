/**
 * Issue #15 (committee): a significant estimate whose CI reaches the MCID is not "significant, but
 * not clinically relevant" (docs/data-contracts.md#verdicts). On the bundled selfBACK trial the
 * subgroups PSEQ chiropractor 5.08 (2.49 to 7.67), MCID 5.5, and EQ-5D chiropractor 0.079
 * (0.031 to 0.126), MCID 0.088, are drawn and named as "relevance not ruled out", with their own
 * marker and legend entry, in English and Danish.
 */
import { describe, expect, it } from 'vitest';
import { forestAnalyses, subgroupForestRows, subgroupForestSpec } from '../../src/report/charts/subgroup-forest.js';
import { FOREST_VERDICT_STYLE } from '../../src/report/charts/effects-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { VERDICT_TEXT } from '../../src/report/i18n.js';
import { bundledTrial } from './trial-report-support.js';

describe('significant, relevance not ruled out (bundled selfBACK subgroups)', () => {
  const { trial, result } = bundledTrial();

  it('results: the chiropractor PSEQ and EQ-5D levels at 3 months', () => {
    const level = (outcome: string, name: string) =>
      result.subgroups!.find((g) => g.subgroup === 'recruited_by' && g.outcome === outcome && g.time === '3m' && g.method === 'ancova')!.levels.find((l) => l.level === name)!.effect;
    for (const [outcome, name] of [['pseq', 'chiro'], ['pseq', 'spine_clinic'], ['eq5d', 'chiro']] as const) {
      const e = level(outcome, name);
      expect(e.benefitCiLower!).toBeGreaterThan(0);
      expect(e.benefitCiUpper!).toBeGreaterThanOrEqual(e.mcid!);
      expect(e.relevance, `${outcome} ${name}`).toBe('significant-relevance-uncertain');
    }
    // Every row called "not clinically relevant" has its whole CI short of the MCID.
    const all = [...result.effects, ...result.subgroups!.flatMap((g) => g.levels.map((l) => l.effect))];
    for (const e of all.filter((x) => x.relevance === 'significant-not-relevant')) expect(e.benefitCiUpper!).toBeLessThan(e.mcid!);
  });

  it.each(['en', 'da'] as const)('the subgroup forest (%s) marks them with their own shape and names them in the legend', (lang) => {
    const ctx = trialChartContext(trial, lang);
    const analyses = forestAnalyses(result.subgroups ?? [], 'recruited_by', '3m');
    const rows = subgroupForestRows(analyses, result.effects, ctx);
    const text = VERDICT_TEXT['significant-relevance-uncertain'][lang];
    const uncertain = rows.filter((r) => r.verdictText === text);
    expect(uncertain.length).toBeGreaterThanOrEqual(3);
    for (const r of uncertain) {
      expect(r.shape).toBe(FOREST_VERDICT_STYLE['significant-relevance-uncertain'].shape);
      expect(r.shape).not.toBe(FOREST_VERDICT_STYLE['significant-not-relevant'].shape);
      expect(r.hi!).toBeGreaterThanOrEqual(1); // the whisker reaches the MCID line
    }
    for (const r of rows.filter((x) => x.verdictText === VERDICT_TEXT['significant-not-relevant'][lang])) expect(r.hi!).toBeLessThan(1);
    const spec = JSON.stringify(subgroupForestSpec(analyses, result.effects, ctx, 'recruitment setting', '3m'));
    expect(spec).toContain(JSON.stringify(text));
    expect(spec).toContain('"triangle-right"');
  });

  it('Danish in the council\'s words', () => {
    expect(VERDICT_TEXT['significant-relevance-uncertain'].da).toBe('Signifikant, men klinisk relevans usikker');
  });
});
