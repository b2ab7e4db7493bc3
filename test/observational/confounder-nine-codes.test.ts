/**
 * A registry's "uoplyst" written as 999 in a numeric confounder (komorbiditet) was used as a
 * comorbidity count of 999: exit 0, silent. Now a value of nines far above the column's others is
 * refused as an undeclared missing-value code (src/observational/nine-codes.ts, the rule of
 * src/cea/implausible-units.ts), pointing to "missingCodes"; a plan range says which values are real.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { observational: { confounders: { name: string; type: string }[] } };

function withComorbidity(code: string) {
  const d = completeRegistryRows(200);
  d.names.push('komorbiditet');
  d.rows.forEach((r, k) => (r.komorbiditet = String(k % 5)));
  for (const k of [3, 40, 77, 120, 199]) d.rows[k]!.komorbiditet = code;
  const plan = structuredClone(basePlan);
  plan.observational.confounders.push({ name: 'komorbiditet', type: 'numeric' });
  return { csv: registryCsv(d), plan };
}

function problemsOf(f: () => unknown) {
  try {
    f();
  } catch (e) {
    if (e instanceof HtaError) return e.problems;
    throw e;
  }
  return [];
}

describe('a nine-only code in a numeric confounder', () => {
  it('999 among counts of 0–4 is refused at its lines, pointing to missingCodes', () => {
    const { csv, plan } = withComorbidity('999');
    const problems = problemsOf(() => loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(plan)));
    expect(problems.map((p) => p.line)).toEqual([5, 42, 79, 122, 201]);
    for (const p of problems) {
      expect(p.field).toBe('komorbiditet');
      expect(p.value).toBe('999');
      expect(p.expected).toContain('"missingCodes"');
      expect(p.expected).toContain('at most 4');
    }
  });

  it('declared in missingCodes, those patients miss the confounder; given a range, 999 is read as the plan says', () => {
    const { csv, plan } = withComorbidity('999');
    const coded = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan({ ...plan, missingCodes: ['999'] }));
    expect(coded.patients.filter((p) => p.covariates.komorbiditet === null)).toHaveLength(5);
    const ranged = loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan({ ...plan, covariateRanges: { komorbiditet: { min: 0, max: 1000 } } }));
    expect(ranged.patients.filter((p) => p.covariates.komorbiditet === 999)).toHaveLength(5);
  });

  it('a 9, or a high value not all nines (19), is a value', () => {
    for (const code of ['9', '19']) {
      const { csv, plan } = withComorbidity(code);
      expect(loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(plan)).patients).toHaveLength(200);
    }
  });
});
