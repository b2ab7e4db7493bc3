// plan init on exports as the systems write them (test/fixtures/exports/plan-init-shapes/, made
// by a tester): what it drafts from each, and which shapes it refuses, naming them
// (docs/plan-trial.md "What plan init recognises").
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const DIR = 'test/fixtures/exports/plan-init-shapes';
const draftOf = (name: string) => draftPlan(readCsvFile(`${DIR}/${name}`), 'plan.schema.json');
type Outcome = { key: string; instrument: string; column?: string };

describe('REDCap "CSV (labels)" checkbox columns', () => {
  const d = draftOf('redcap-labels-checkbox.csv');
  it('are one checkbox field, as the raw export\'s ___1 columns: not pain scores', () => {
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes.map((o) => o.key)).toEqual(['rmdq', 'smerte_0_10']);
    expect(d.guesses.join('\n')).toContain('not used: REDCap checkbox field "Bruger du smertestillende medicin?" (Bruger du smertestillende medicin? (choice=Ja), Bruger du smertestillende medicin? (choice=Nej): one Checked/Unchecked column per option)');
    expect(d.checks.join('\n')).toContain('"answers": { "Checked": 1, "Unchecked": 0 }');
  });
  it('Checked and Unchecked are answers, never missing-value codes', () => {
    expect(d.plan.missingCodes).toBeUndefined();
  });
});
