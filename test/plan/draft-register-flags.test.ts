/**
 * `hta plan init` on a DST person file, whose flags SAS and Stata write as 1 and 0. The exposure
 * `app_bruger` 1/0 was not taken for a registry's exposure ("no column is named like an arm
 * column"), and `smerte_bl`/`smerte_12m` holding only 0 and 1 (a redemption flag) were drafted as
 * "Pain intensity (NRS 0–10)", which no difference of a 0/1 flag reaches by its MCID of 2
 * (docs/observational.md, "The plan"; docs/plan-trial.md "Outcomes").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

/** The DST-shaped export (`;`, CRLF, decimal comma), with `rename` applied to its header. */
function dst(rename: Record<string, string> = {}) {
  const [head, ...rest] = readFileSync('test/fixtures/observational/dst-missing-age.csv', 'latin1').split('\r\n');
  const header = head!.split(';').map((h) => rename[h] ?? h).join(';');
  return parseCsvText([header, ...rest].join('\r\n'), 'persons.csv');
}

describe('plan init on a register person file with 1/0 flags', () => {
  it('app_bruger 1/0 is the registry\'s exposure: the observational plan\'s start, "1" exposed and "0" unexposed', () => {
    const { undecided } = draftPlan(dst(), 'plan.schema.json');
    const arm = undecided.find((u) => u.what.startsWith('the arm column'))!;
    expect(arm.what).toContain('a registry export of users and non-users ("app_bruger": "1" and "0")');
    expect(arm.write).toContain('{"design":"observational","observational":{"exposure":{"column":"app_bruger","exposed":"1","unexposed":"0"}');
  });

  it('a pain-named column of 0 and 1 (smerte_bl/_12m) is drafted as a yes/no outcome, not the NRS', () => {
    // A trial-shaped copy (the arm named "gruppe") so that plan init drafts the outcomes.
    const draft = draftPlan(dst({ app_bruger: 'gruppe', sygemeldt_bl: 'smerte_bl', sygemeldt_12m: 'smerte_12m' }), 'plan.schema.json');
    const smerte = (draft.plan.outcomes as { key: string; instrument: string }[]).find((o) => o.key === 'smerte')!;
    expect(smerte.instrument).toBe('binary');
    expect(JSON.stringify(draft.plan)).not.toContain('NRS');
    expect(draft.checks).toContain('"smerte" holds only 0 and 1: drafted as a yes/no outcome ("binary"), not as the pain scale (NRS 0–10) its name suggests — if it is a 0–10 scale whose answers so far are 0 and 1, give it "instrument": "nrs"');
  });
});
