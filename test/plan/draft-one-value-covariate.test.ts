// A covariate column holding one value in every row (a single-site trial's `site_code`, an EDC's
// `SiteNumber`) was drafted, and analyze refused the whole model ("only one level"): plan init
// now leaves it out, said among the guesses; a column of two or more values is still drafted.
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

function exportWith(site: (p: number) => string) {
  const lines = ['id,arm,time,site,age,nrs'];
  for (let p = 1; p <= 16; p++) ['baseline', '3m'].forEach((t, k) => lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${site(p)},${30 + p},${(p * 3 + k * (p % 2 ? 1 : 3)) % 11}`));
  return parseCsvText(lines.join('\n') + '\n', 'x.csv');
}

describe('a covariate column with one value', () => {
  it('is not drafted, and the drafted plan analyses', () => {
    const csv = exportWith(() => '101');
    const d = draftPlan(csv, 'plan.schema.json');
    expect(d.plan.covariates).toEqual(['age']);
    expect(d.guesses).toContain('not used: "site", the same value in every row: no covariate (there is nothing to adjust for)');
    const result = analyzeTrial(loadTrial(csv, parsePlan({ ...d.plan, $schema: undefined, arms: { intervention: 'A', control: 'B' } })), { version: 't' });
    expect(result.effects.filter((e) => e.method === 'ancova').every((e) => Number.isFinite(e.difference))).toBe(true);
  });

  it('two sites are still drafted', () => {
    expect(draftPlan(exportWith((p) => (p <= 8 ? '101' : '102')), 'plan.schema.json').plan.covariates).toEqual(['site', 'age']);
  });
});
