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
  // Drafted as the medication's answers ("not drafted: … holding answers other than yes/no") and
  // as a word that is "no don't know", until the Nordic word-order variants were read.
  ['Ja', 'Nej', 'Vill ej svara'],
  ['Ja', 'Nei', 'Ønsker ikkje å svare'],
  ['Ja', 'Nei', 'Ønsker ikke å oppgi'],
  ['Ja', 'Nei', 'Veit ikkje'],
  ['Ja', 'Nej', 'Önskar ej svara'],
  ['Ja', 'Nej', 'Ønsker ikke at oplyse'],
  ['Ja', 'Nei', 'Kan ikke svare'],
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

// Beside EQ-5D answers written as their labels, a Nordic non-answer is the one missing-value code,
// never an answer left unread for the user to give a level.
it.each(['Vill ej svara', 'Ønsker ikkje å svare', 'Ønsker ikke å oppgi'])('"%s" beside EQ-5D labels is drafted as a missing-value code', (other) => {
  const dims = [
    ['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg har middels store problemer med å gå omkring', 'Jeg har store problemer med å gå omkring', 'Jeg er ute av stand til å gå omkring'],
    ['Jeg har ingen problemer med å vaske meg eller kle meg', 'Jeg har litt problemer med å vaske meg eller kle meg', 'Jeg har middels store problemer med å vaske meg eller kle meg', 'Jeg har store problemer med å vaske meg eller kle meg', 'Jeg er ute av stand til å vaske meg eller kle meg'],
    ['Jeg har ingen problemer med å utføre mine vanlige gjøremål', 'Jeg har litt problemer med å utføre mine vanlige gjøremål', 'Jeg har middels store problemer med å utføre mine vanlige gjøremål', 'Jeg har store problemer med å utføre mine vanlige gjøremål', 'Jeg er ute av stand til å utføre mine vanlige gjøremål'],
    ['Jeg har verken smerter eller ubehag', 'Jeg har litt smerter eller ubehag', 'Jeg har middels sterke smerter eller ubehag', 'Jeg har sterke smerter eller ubehag', 'Jeg har svært sterke smerter eller ubehag'],
    ['Jeg er verken engstelig eller deprimert', 'Jeg er litt engstelig eller deprimert', 'Jeg er middels engstelig eller deprimert', 'Jeg er svært engstelig eller deprimert', 'Jeg er ekstremt engstelig eller deprimert'],
  ];
  const lines = ['id;Gruppe;Tidspunkt;EQ5D_gange;EQ5D_personlig_stell;EQ5D_vanlige_gjoremal;EQ5D_smerte;EQ5D_angst'];
  for (let p = 1; p <= 20; p++) {
    for (const [t, v] of ['Baseline', '3 måneder'].entries()) lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${v};${dims.map((d, k) => (p === 3 && k === 1 ? other : d[(p + k + t) % 5])).join(';')}`);
  }
  const d = draft(lines.join('\n') + '\n');
  const eq = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'eq5d')!;
  expect(eq.instrument).toBe('eq5d5l');
  expect(eq.answers![other]).toBeUndefined();
  expect(d.plan.missingCodes).toEqual([other]);
  expect(d.checks.join('\n')).not.toContain('not read as a level');
});
