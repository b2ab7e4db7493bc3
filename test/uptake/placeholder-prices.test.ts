/**
 * plan init's price model and scenarios are placeholders: while the plan lists them under
 * "placeholders", `hta uptake` warns and the report's budget section says the amounts are not a
 * real budget (a tester found a draft's 17–57 M DKK published as if real).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { budgetIntro, buildUptakeReport } from '../support/uptake-report-build.js';

const NO = 'test/fixtures/exports/registry-no';

function planDir(over: Record<string, unknown>): string {
  const dir = tempDir();
  // Only the totals published: the budget is what this is about, and the suppression is quick.
  writeFileSync(join(dir, 'uptake.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(`${NO}/uptake.plan.json`, 'utf8')), publish: { months: false, clinics: false, equity: [] }, ...over }));
  return dir;
}

const build = (dir: string, lang: 'en' | 'da') => buildUptakeReport(dir, NO, lang);

describe('placeholder prices', () => {
  it('are drafted as such by plan init --uptake', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${NO}/registry.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).placeholders).toEqual(['priceModel', 'scenarios']);
  });

  it('make hta uptake warn and the budget section say it is not a real budget, in each language', async () => {
    const dir = planDir({ placeholders: ['priceModel', 'scenarios'] });
    const run = await runCli('uptake', `${NO}/registry.csv`, '--eligible', `${NO}/eligible.csv`, '--plan', join(dir, 'uptake.plan.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('warning: the plan\'s price model and scenarios are placeholders drafted by hta plan init');
    expect(budgetIntro(await build(dir, 'en'))).toContain('Not a real budget: the plan\'s price model and uptake scenarios are placeholders drafted by hta plan init');
    expect(budgetIntro(await build(dir, 'da'))).toContain('Ikke et reelt budget: planens prismodel og optagsscenarier er pladsholdere fra hta plan init');
  });

  it('once replaced (no "placeholders"), leave no such word', async () => {
    const dir = planDir({});
    const run = await runCli('uptake', `${NO}/registry.csv`, '--eligible', `${NO}/eligible.csv`, '--plan', join(dir, 'uptake.plan.json'));
    expect(run.stderr).not.toContain('placeholder');
    expect(budgetIntro(await build(dir, 'en'))).not.toContain('Not a real budget');
  });
});
