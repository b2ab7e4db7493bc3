/**
 * An arm value that means "never randomised" (docs/plan-trial.md#participant-flow): an SPSS
 * export wrote `Ikke randomiseret` in the arm column of 3 participants; plan init drafted it into
 * "otherArms" and the report said "Randomised: n = 153" (true 150), and a plan with
 * "flow.notRandomised" could not say it. "flow.notRandomisedValues" reads such a value as an empty
 * arm cell, counted under "flow.notRandomised"; plan init drafts it for the usual words.
 */
import { describe, expect, it } from 'vitest';
import type { Problem } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { participantFlowOf } from '../../src/analysis/participant-flow.js';
import { readsAsNotRandomised } from '../../src/trial/not-randomised-values.js';
import { problemText } from '../../src/report/problem-text.js';
import { errorOf } from '../support/error-of.js';

// A wide SPSS-shaped export: 6 + 6 randomised, 3 written "Ikke randomiseret" (one as "ikke randomiseret.").
const lines = ['ID,Gruppe,Alder,NRS_base,NRS_3mdr'];
for (let i = 1; i <= 12; i++) lines.push(`${i},${i % 2 ? 'App' : 'Sædvanlig behandling'},${40 + i},${(i % 5) + 4},${(i % 4) + 2}`);
lines.push('200,Ikke randomiseret,44,5,', '201,Ikke randomiseret,45,6,', '202,ikke randomiseret.,46,7,');
const csv = () => parseCsvText(lines.join('\n') + '\n', 'spss.csv');

const basePlan = {
  arms: { intervention: 'App', control: 'Sædvanlig behandling' },
  columns: { id: 'ID', arm: 'Gruppe' },
  layout: 'wide',
  timeLabels: { base: 'baseline', '3mdr': '3m' },
  timepoints: ['3m'],
  outcomes: [{ key: 'nrs', instrument: 'nrs', column: 'NRS' }],
  methods: ['welch'],
};
const plan = (extra: object = {}) => parsePlan({ ...structuredClone(basePlan), ...extra });
const problemsOf = (f: () => unknown): Problem[] => errorOf(f).problems;
const flow = { notRandomised: { en: 'Not randomised', da: 'Ikke randomiseret' }, notRandomisedValues: ['Ikke randomiseret'] };

describe('arm values that mean "never randomised"', () => {
  it('with "flow.notRandomisedValues": counted as not randomised (any case, a final full stop), never as an arm', () => {
    const trial = loadTrial(csv(), plan({ flow }));
    expect(trial.patients).toHaveLength(12);
    expect(trial.notRandomised).toEqual({ patients: 3, rows: 3, inExport: 15 });
    expect(trial.otherArms ?? []).toEqual([]);
    expect(trial.readNotes?.join('\n')).toContain('3 participants with no arm value (or "Ikke randomiseret") in column "Gruppe" on any row (3 rows) were enrolled but not randomised');
    expect(participantFlowOf(trial)!.notRandomised).toEqual({ reason: flow.notRandomised, n: 3, inExport: 15 });
  });

  it('without it the cell is refused, pointing to "flow.notRandomisedValues" (not "otherArms" nor "missingCodes"), also in Danish', () => {
    // What to add fits the plan: pasted, it never replaces a "flow" or a list the plan already has.
    const cases: [object, string, string][] = [
      [{}, 'add "flow": { "notRandomised": "Not randomised", "notRandomisedValues": ["Ikke randomiseret"] } to the plan (', 'føj "flow": { "notRandomised": "Not randomised", "notRandomisedValues": ["Ikke randomiseret"] } til planen ('],
      [{ flow: { notRandomised: 'Not randomised' }, missingCodes: ['Ikke randomiseret'] }, 'add "notRandomisedValues": ["Ikke randomiseret"] to the plan\'s "flow" (', 'føj "notRandomisedValues": ["Ikke randomiseret"] til planens "flow" ('],
      [{ flow: { notWithdrawn: ['Afsluttet'] } }, 'add "notRandomisedValues": ["Ikke randomiseret"], "notRandomised": "Not randomised" to the plan\'s "flow" (', 'føj "notRandomisedValues": ["Ikke randomiseret"], "notRandomised": "Not randomised" til planens "flow" ('],
      [{ flow: { notRandomised: 'Not randomised', notRandomisedValues: ['Screening failure'] } }, 'add "Ikke randomiseret" to the plan\'s "flow": { "notRandomisedValues" } (', 'føj "Ikke randomiseret" til planens "flow": { "notRandomisedValues" } ('],
    ];
    for (const [extra, add, føj] of cases) {
      const problems = problemsOf(() => loadTrial(csv(), plan(extra)));
      expect(problems.map((p) => [p.line, p.column, p.value]), JSON.stringify(problems)).toEqual([[14, 2, 'Ikke randomiseret'], [15, 2, 'Ikke randomiseret'], [16, 2, 'ikke randomiseret.']]);
      expect(problems[0]!.expected).toContain(add);
      expect(problems[0]!.expected).not.toContain('add "otherArms"');
      const danish = problemText(problems[0]!.expected, 'da');
      expect(danish).toContain(føj);
      expect(danish).not.toMatch(/expected|reads as a participant/);
    }
    // A third arm's value still gets the "otherArms" hint.
    const third = [...lines.slice(0, 13), '300,Fysioterapi,50,5,4'];
    expect(problemsOf(() => loadTrial(parseCsvText(third.join('\n') + '\n', 'x.csv'), plan()))[0]!.expected).toContain('add "otherArms": ["Fysioterapi"]');
    const da = problemText(problemsOf(() => loadTrial(csv(), plan()))[0]!.expected, 'da');
    expect(da).toContain('"notRandomisedValues": ["Ikke randomiseret"]');
    expect(da).not.toMatch(/expected|reads as a participant/);
  });

  it('the plan: needs "notRandomised" beside it, and a value cannot also be an arm', () => {
    const fields = (f: object, extra: object = {}) => problemsOf(() => plan({ flow: f, ...extra })).map((p) => p.field);
    expect(fields({ notRandomisedValues: ['Ikke randomiseret'] })).toEqual(['flow.notRandomisedValues']);
    expect(fields({ ...flow, notRandomisedValues: ['Ikke randomiseret', 'sædvanlig behandling'] })).toEqual(['flow.notRandomisedValues.1']);
    expect(fields(flow, { otherArms: ['Ikke randomiseret'] })).toEqual(['flow.notRandomisedValues.0']);
  });

  it('the words plan init reads so, in Danish, Norwegian, Swedish and English', () => {
    for (const w of ['Ikke randomiseret', 'IKKE RANDOMISERET', 'Ikke randomisert', 'Ej randomiserad', 'Not randomised', 'Not randomized.', 'Non-randomised', 'Screening failure', 'Screen fail']) expect(readsAsNotRandomised(w), w).toBe(true);
    for (const w of ['Randomiseret', 'Sædvanlig behandling', 'Kontrol', 'Ikke app', 'Not treated']) expect(readsAsNotRandomised(w), w).toBe(false);
  });

  it('plan init drafts them into "flow", not "otherArms", and the draft reads the export with 12 randomised', () => {
    const d = draftPlan(csv(), 'plan.schema.json');
    expect(d.plan.otherArms).toBeUndefined();
    expect(d.plan.arms).toEqual({ intervention: 'App', control: 'Sædvanlig behandling' });
    expect(d.plan.flow).toEqual({ notRandomised: { en: 'Not randomised', da: 'Ikke randomiseret' }, notRandomisedValues: ['Ikke randomiseret'] });
    expect(d.guesses.join('\n')).toContain('"flow.notRandomisedValues"');
    const trial = loadTrial(csv(), parsePlan(JSON.parse(JSON.stringify(d.plan))));
    expect(trial.patients).toHaveLength(12);
    expect(trial.notRandomised!.patients).toBe(3);
  });

  it('plan init beside the merged-cells shape (arm only on the first row of each block): the value is named in a check, not silently dropped', () => {
    const rows = ['ID,Gruppe,Tid,RMDQ'];
    for (const [arm, first] of [['App', 1], ['Sædvanlig behandling', 7]] as const) {
      for (let i = first; i < first + 6; i++) rows.push(`${i},${i === first ? arm : ''},baseline,${10 + (i % 5)}`, `${i},,3 mdr,${8 + (i % 4)}`);
    }
    rows.push('20,Ikke randomiseret,baseline,12', '21,Ikke randomiseret,baseline,11');
    const d = draftPlan(parseCsvText(rows.join('\n') + '\n', 'merged.csv'), 'plan.schema.json');
    expect(d.plan.arms).toEqual({ intervention: 'App', control: 'Sædvanlig behandling' });
    expect(d.plan.flow).toBeUndefined();
    expect(d.checks.join('\n')).toContain('"Ikke randomiseret" in "Gruppe" reads as a participant never randomised, drafted neither as an arm nor in "flow.notRandomisedValues": the arm is only on the first row of each block of patients (merged cells)');
  });
});
