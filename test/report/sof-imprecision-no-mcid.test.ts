/**
 * Summary of findings: a row without an MCID (pain-medication use, the responders) cannot be
 * downgraded for imprecision by the table's rule (the 95% CI crossing the MCID), so its certainty
 * cell points to a footnote saying imprecision was not assessed; a row with an MCID does not.
 */
import { describe, expect, it } from 'vitest';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { summaryOfFindings, summaryOfFindingsRows } from '../../src/report/summary-of-findings.js';
import { bundledTrial } from './trial-report-support.js';

describe('summary of findings without an MCID', () => {
  it.each([
    ['en', 'Pain-medication use', /^[a-z]+\. Imprecision not assessed: no MCID set, so the rule \(the 95% CI crossing the MCID\) cannot apply\.$/],
    ['da', 'Forbrug af smertestillende medicin', /^[a-z]+\. Unøjagtighed ikke vurderet: ingen MKRF angivet, så reglen \(95 %-KI krydser MKRF\) kan ikke anvendes\.$/],
  ] as const)('(%s) says imprecision was not assessed, in the certainty cell\'s footnote', (lang, medUse, note) => {
    const { trial, result } = bundledTrial();
    const ctx = trialChartContext(trial, lang);
    const sof = summaryOfFindings(summaryOfFindingsRows(result, trial.plan, ctx.primaryMethod, lang), ctx);
    const footnote = sof.notes.find((n) => note.test(n));
    expect(footnote, sof.notes.join('\n')).toBeDefined();
    const letter = footnote!.split('.')[0]!;
    const rows = sof.table.rows;
    const letters = (cell: string) => /\(([a-z, ]+)\)$/.exec(cell)?.[1]!.split(', ') ?? [];
    // Every follow-up of an outcome with no MCID carries it …
    const start = rows.findIndex((r) => r[0]!.startsWith(medUse));
    for (const r of rows.slice(start + 1, start + 3)) expect(letters(r[2]!)).toContain(letter);
    // … and no row of an outcome with one.
    const rmdq = rows.findIndex((r) => r[0]!.startsWith(ctx.outcomeLabel('rmdq')));
    expect(letters(rows[rmdq + 1]![2]!)).not.toContain(letter);
  });
});
