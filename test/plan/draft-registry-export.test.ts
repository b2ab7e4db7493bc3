/**
 * `hta plan init` on a registry export of users and non-users (`app_bruger` Ja/Nej, or Ja and
 * empty): it drafts no observational plan (which confounders to adjust for is the analyst's
 * choice) but says what the export is and gives the plan's start (docs/observational.md).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { completeRegistryRows } from '../support/registry-rows.js';

function csvWith(no: string): string {
  const d = completeRegistryRows(60);
  const names = d.names.map((n) => (n === 'app' ? 'app_bruger' : n));
  const rows = d.rows.map((r) => d.names.map((n) => (n === 'app' && r[n] === 'Nej' ? no : r[n])).join(';'));
  return [names.join(';'), ...rows].join('\n') + '\n';
}

describe('plan init on a registry export', () => {
  it('says it is one, drafts no plan, and gives the observational plan\'s start (Ja/Nej)', () => {
    const { undecided } = draftPlan(parseCsvText(csvWith('Nej'), 'registry.csv'), 'plan.schema.json');
    const arm = undecided.find((u) => u.what.startsWith('the arm column'))!;
    expect(arm.what).toContain('a registry export of users and non-users ("app_bruger": "Ja" and "Nej")');
    expect(arm.write).toContain('docs/observational.md');
    expect(arm.write).toContain('{"design":"observational","observational":{"exposure":{"column":"app_bruger","exposed":"Ja","unexposed":"Nej"}');
    // No confounder is guessed.
    expect(arm.write).toContain('"confounders":[{"name":"…"');
  });

  it('a flag filled for users only starts with "unexposed": ""', () => {
    const { undecided } = draftPlan(parseCsvText(csvWith(''), 'registry.csv'), 'plan.schema.json');
    const arm = undecided.find((u) => u.what.startsWith('the arm column'))!;
    expect(arm.what).toContain('("app_bruger": "Ja" or empty)');
    expect(arm.write).toContain('"unexposed":""');
  });
});
