// `plan check`'s warning for a critical outcome without a "certainty" quotes the words the summary
// of findings prints for it, in English and Danish, so a user who searches the page finds them
// (src/plan/plan-warnings.ts; docs/plan-trial.md#certainty).
import { describe, expect, it } from 'vitest';
import { planWarnings } from '../../src/plan/plan-warnings.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from '../report/trial-report-support.js';

describe('the warning for a critical outcome without "certainty"', () => {
  it('quotes the certainty cell of that outcome\'s rows in the summary of findings, en and da', () => {
    const { trial, result } = bundledTrial();
    const critical = trial.plan.outcomes.find((o) => o.importance === 'critical')!;
    const plan = { ...trial.plan, outcomes: trial.plan.outcomes.map((o) => (o.key === critical.key ? { ...o, certainty: undefined } : o)) };
    const warning = planWarnings(plan).find((w) => w.startsWith(`outcome "${critical.key}" is critical`))!;
    const quoted = /will say "([^"]+)" \(Danish pages "([^"]+)"\)/.exec(warning);
    expect(quoted, warning).not.toBeNull();
    for (const [lang, words] of [['en', quoted![1]!], ['da', quoted![2]!]] as const) {
      const ctx = trialChartContext({ ...trial, plan }, lang);
      const { table } = summaryOfFindings(summaryOfFindingsRows(result, plan, 'ancova', lang), ctx);
      const heading = table.rows.findIndex((r) => r[0]!.startsWith(ctx.outcomeLabel(critical.key)));
      const own = table.rows.slice(heading + 1).filter((r) => r[1] !== '');
      expect(own[0]![2]).toBe(words);
    }
  });
});
