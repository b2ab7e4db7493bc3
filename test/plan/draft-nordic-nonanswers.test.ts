// Norwegian and Swedish non-answers in a Ja/Nei column (`Ønsker ikke å svare`, `Ikke besvart`,
// `Ej svar`, `Vill inte svara`): the column was not drafted, "holding neither yes/no answers …
// ("Nei", "Ja", …)" — the yes/no answers listed as proof there were none (src/plan/answer-words.ts).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

/** 20 patients at baseline and 3 months: pain 0–10 and a medication column of yes/no with one other answer on two rows. */
function export_(yes: string, no: string, other: string): string {
  const lines = ['id;Gruppe;Tidspunkt;Smerte;Bruker smertestillende'];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['Baseline', '3 måneder'].entries()) lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${t};${(p * 3 + k) % 11};${p % 9 === k ? other : (p + k) % 2 ? yes : no}`);
  }
  return lines.join('\n') + '\n';
}
const draft = (text: string) => draftPlan(parseCsvText(text, 'jn.csv'), 'plan.schema.json');

describe.each([
  ['Ja', 'Nei', 'Ønsker ikke å svare'],
  ['Ja', 'Nei', 'Ikke besvart'],
  ['Ja', 'Nei', 'Vet ikke'],
  ['Ja', 'Nej', 'Ej svar'],
  ['Ja', 'Nej', 'Vill inte svara'],
  ['Ja', 'Nej', 'Vet ej'],
])('%s/%s with "%s"', (yes, no, other) => {
  it('drafts the yes/no outcome, the non-answer as a missing-value code', () => {
    const d = draft(export_(yes, no, other));
    const med = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'bruker_smertestillende');
    expect(med).toMatchObject({ instrument: 'binary', answers: { [yes]: 1, [no]: 0 } });
    expect(d.plan.missingCodes).toEqual([other]);
  });
});

it('a medication column it cannot draft names the answers that are not yes/no, never "Ja"/"Nei" as proof', () => {
  const d = draft(export_('Ja', 'Nei', 'Paracetamol'));
  const guess = d.guesses.find((g) => g.startsWith('not drafted: "Bruker smertestillende"'))!;
  expect(guess).toContain('holding answers other than yes/no or a count ("Paracetamol")');
  expect(guess).not.toContain('"Ja"');
  expect(guess).not.toContain('"Nei"');
  // plan init reads no plan: "add them to missingCodes and draft again" drafted the same again.
  expect(guess).not.toContain('draft again');
  expect(guess).toContain('add { "key": "bruker_smertestillende", "instrument": "binary", "column": "Bruker smertestillende" } to "outcomes" and "Paracetamol" to "missingCodes"');
});
