/**
 * A registry flag filled for users only (`app` "Ja" or empty): the plan says so with
 * "unexposed": "" (docs/observational.md, "An exposure filled for users only") and every empty
 * cell is a non-user; with "Nej" in the plan the empty cells are refused in the exposure's words,
 * counted, and pointing to "unexposed": "" — not as "merged cells" nor with the word "arm".
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { exposure: { unexposed: string } } };

function usersOnly() {
  const d = completeRegistryRows(200);
  const filled = registryCsv(d);
  // The first patient a non-user too: line 2 itself empty, so nothing is "only on the first row".
  for (const r of d.rows) if (r.app === 'Nej') r.app = '';
  return { filled, blanks: registryCsv(d), empty: d.rows.filter((r) => r.app === '').length };
}

describe('an exposure flag filled for users only', () => {
  it('"unexposed": "" reads every empty cell as a non-user: the same analyses as with "Nej" written out', () => {
    const { filled, blanks } = usersOnly();
    const blankPlan = structuredClone(basePlan);
    blankPlan.observational.exposure.unexposed = '';
    const a = computeObservationalAnalyses(loadTrial(parseCsvText(blanks, 'registry.csv'), parsePlan(blankPlan)));
    const b = computeObservationalAnalyses(loadTrial(parseCsvText(filled, 'registry.csv'), parsePlan(basePlan)));
    expect(a.length).toBeGreaterThan(0);
    expect(a.every((x) => x.effects.length > 0)).toBe(true);
    expect(JSON.stringify(a)).toBe(JSON.stringify(b));
  });

  it('with "Nej" in the plan, the empty cells are one problem in the exposure\'s words, counted', () => {
    const { blanks, empty } = usersOnly();
    let err: unknown;
    try {
      loadTrial(parseCsvText(blanks, 'registry.csv'), parsePlan(basePlan));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const problems = (err as HtaError).problems;
    expect(problems).toHaveLength(1);
    const text = problems[0]!.expected;
    expect(text).toContain(`an exposure value on every row ("Ja" or "Nej"`);
    expect(text).toContain(`${empty} rows have no exposure value (an empty cell, or SAS's or Stata's missing value ".")`);
    // A "." is SAS's unknown: "unexposed": "" would make those persons non-users, said beside the option.
    expect(text).toContain('write "unexposed": "" in the plan (a flag the export lost, written ".", would then count as unexposed too: recode those cells first)');
    expect(text).toContain('"unexposed": ""');
    expect(text).not.toMatch(/\barm\b|merged/);
  });

  it('an exposure written 1,0/0,0 (pandas\' float column in a ; file) is read as 1/0, noted in the exposure\'s words, never "arm"', () => {
    const [head, ...rest] = readFileSync('test/fixtures/observational/dst-missing-age.csv', 'latin1').split('\r\n');
    const at = head!.split(';').indexOf('app_bruger');
    const csv = [head, ...rest.map((l) => { if (!l) return l; const c = l.split(';'); c[at] = `${c[at]},0`; return c.join(';'); })].join('\r\n');
    const plan = JSON.parse(readFileSync('test/fixtures/observational/dst-missing-age.plan.json', 'utf8'));
    const t = loadTrial(parseCsvText(csv, 'persons.csv'), parsePlan(plan));
    const note = (t.spellingNotes ?? []).find((n) => n.includes('"app_bruger"'))!;
    expect(note).toMatch(/^persons\.csv: column "app_bruger": exposure values that differ from the plan's only in case, blanks or zero decimals are read as the plan's exposure value: "[01],0" as "[01]" \(\d+ lines\), "[01],0" as "[01]" \(\d+ lines\)$/);
    expect(note).not.toMatch(/\barm\b/);
  });
});
