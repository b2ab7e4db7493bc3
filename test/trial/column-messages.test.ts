// A plan column the export lacks is named with its role in readable English and a near miss.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

describe('a missing arm column', () => {
  it('reads "an arm column" and suggests a near miss (the same name in another case is read: column-resolver.ts)', () => {
    const plan = parsePlan({ columns: { arm: 'Gruppe' }, arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    const e = errorOf(() => loadTrial(parseCsvText('id,grupe,time,rmdq\n1,app,baseline,3\n', 'x.csv'), plan));
    expect(e.problems[0]!.expected).toMatch(/^an arm column named "Gruppe"/);
    expect(e.problems[0]!.hint).toBe('did you mean "grupe"?');
  });
});

describe('an observational plan', () => {
  it('names the exposure and a confounder where the plan gives them, not "columns.arm" / "columns.covariates" (which it refuses)', () => {
    const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { exposure: { column: string }; confounders: { name: string; column?: string }[] } };
    json.observational.exposure.column = 'Bruger_app';
    json.observational.confounders[0]!.column = 'Alder_aar';
    const e = errorOf(() => loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), parsePlan(json)));
    const arm = e.problems.find((p) => p.kind === 'column.arm')!;
    expect(arm.expected).toMatch(/^an exposure column named "Bruger_app" .*; name it in the plan's "observational": \{ "exposure": \{ "column": … \} \}$/);
    const conf = e.problems.find((p) => p.kind === 'column.covariate:Alder_aar')!;
    expect(conf.expected).toMatch(new RegExp(`^a column "Alder_aar" for confounder "${json.observational.confounders[0]!.name}" .*; give the confounder's "column" in "observational": \\{ "confounders"`));
  });
});
