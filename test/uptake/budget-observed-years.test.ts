/**
 * Scenario years the export observed in full: the budget table showed a projected cost beside the
 * observed one and the horizon total counted made-up uptake for a year whose real uptake was known
 * (a committee reviewer, bundled report 2024–2028 over an export of 2024–2025). Said on the page
 * and by `hta uptake`; plan init already drafts the year after the export.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioYearsObserved } from '../../src/uptake/budget-impact.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { budgetIntro, buildUptakeReport } from '../support/uptake-report-build.js';

const NO = 'test/fixtures/exports/registry-no';

function planDir(firstYear: number, over: Record<string, unknown> = {}): string {
  const dir = tempDir();
  // Only the totals published: the budget is what this is about, and the suppression is quick.
  writeFileSync(join(dir, 'uptake.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(`${NO}/uptake.plan.json`, 'utf8')), publish: { months: false, clinics: false, equity: [] }, firstYear, ...over }));
  return dir;
}

const build = (dir: string, lang: 'en' | 'da') => buildUptakeReport(dir, NO, lang);

describe('scenario years the export observed', () => {
  it('are the scenario years with a whole observed year (a partial export year is not one)', () => {
    const observed = [{ year: 2024, partialYear: false }, { year: 2025, partialYear: true }];
    expect(scenarioYearsObserved([2024, 2025, 2026], observed)).toEqual([2024]);
    expect(scenarioYearsObserved([2026, 2027], observed)).toEqual([]);
  });

  it('are said by hta uptake and on the budget section, in each language; not when the scenarios start after the export', async () => {
    const early = planDir(2024);
    const run = await runCli('uptake', `${NO}/registry.csv`, '--eligible', `${NO}/eligible.csv`, '--plan', join(early, 'uptake.plan.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('note: the uptake scenarios start in 2024, and the export observed 2024, 2025 in full');
    expect(budgetIntro(await build(early, 'en'))).toContain('The uptake scenarios start in 2024, and the export observed 2024 and 2025 in full: for those years the table shows a projected cost beside the observed one');
    expect(budgetIntro(await build(early, 'da'))).toContain('Optagsscenarierne begynder i 2024, og udtrækket dækker hele 2024 og 2025: for de år viser tabellen');
    const late = planDir(2026, { eligibleFill: 'carry-forward' });
    const ok = await runCli('uptake', `${NO}/registry.csv`, '--eligible', `${NO}/eligible.csv`, '--plan', join(late, 'uptake.plan.json'));
    expect(ok.stderr).not.toContain('scenarios start');
    expect(budgetIntro(await build(late, 'en'))).not.toContain('scenarios start');
  });
});
