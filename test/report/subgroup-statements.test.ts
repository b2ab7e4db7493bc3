/**
 * Under each subgroup forest, the plain statement of every outcome it draws, each named: one
 * unnamed sentence about the primary outcome ("No evidence … (interaction p = 0.877)") read as
 * about the whole figure, whose quality-of-life block had p = 0.022 (docs/subgroups.md#report).
 */
import { describe, expect, it } from 'vitest';
import { forestAnalyses } from '../../src/report/charts/subgroup-forest.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { bundledTrial } from './trial-report-support.js';

describe('subgroup forest statements', () => {
  it.each(['en', 'da'] as const)('(%s) name each drawn outcome, the primary first, and none is left out', (lang) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const { sections } = subgroupReport(result, trial.plan, ctx, () => 10);
    const nine = sections.find((s) => s.id === 'subgroup-recruited-by-9m')!;
    const drawn = forestAnalyses(result.subgroups ?? [], 'recruited_by', '9m');
    expect(drawn.length).toBeGreaterThan(1);
    const statements = nine.notes!.slice(0, drawn.length);
    expect(statements[0]!.startsWith(`${ctx.outcomeLabel(trial.plan.primary!.outcome)}: `)).toBe(true);
    for (const g of drawn) {
      const own = statements.find((s) => s.startsWith(`${ctx.outcomeLabel(g.outcome)}: `));
      expect(own, g.outcome).toBeDefined();
      expect(own!.toLowerCase()).toContain(g.credibility.statement[lang].toLowerCase());
    }
    // Quality of life at 9 months: the interaction the table calls "may differ" is under its figure.
    const qol = statements.find((s) => s.startsWith(`${ctx.outcomeLabel('eq5d')}: `))!;
    expect(qol).toMatch(lang === 'en' ? /the effect may differ by recruitment setting \(interaction p = 0\.022\)/ : /effekten kan være forskellig efter rekrutteringssted \(interaktion p = 0,022\)/);
  });
});
