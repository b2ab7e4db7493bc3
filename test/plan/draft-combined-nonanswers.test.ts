// A survey's combined non-answer — one answer option joining two ways of not answering, as REDCap
// and SurveyXact write it (`Ved ikke / ønsker ikke at svare`, `Vet ikke/vil ikke svare`) — and the
// Nordic "do not remember" (`Husker ikke`, `Minns inte`) were no "don't know": a Ja/Nej column
// holding one was not drafted ("holding answers other than yes/no"), and beside EQ-5D labels it was
// left for the user to give a level (docs/plan-trial.md#dont-know, src/plan/answer-words.ts).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { isDontKnowWord } from '../../src/plan/answer-words.js';

type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

/** A REDCap export: 20 records at baseline and 3 months, pain 0–10 and a Ja/Nej medication question with `other` on a few rows. */
function redcap(other: string): string {
  const lines = ['record_id,redcap_event_name,randomisering,smerte_nrs,bruger_smertestillende'];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['baseline_arm_1', '3_mdr_arm_1'].entries()) {
      const pain = p % 9 === k ? other : String((p * 3 + k) % 11);
      const med = p % 7 === k ? other : (p + k) % 2 ? 'Ja' : 'Nej';
      lines.push(`${p},${t},${p % 2 ? 'App' : 'Kontrol'},"${pain}","${med}"`);
    }
  }
  return lines.join('\n') + '\n';
}

/** A SurveyXact export made long (semicolons, Respondent-id beside the participant number). */
function surveyxact(other: string): string {
  const lines = ['Respondent-id;Deltagernummer;Randomiseret til;Besøg;Smerte (NRS);Bruger du smertestillende medicin?'];
  let row = 0;
  for (const [k, v] of ['Baseline', '3 måneder'].entries()) {
    for (let p = 1; p <= 20; p++) {
      row++;
      const med = p % 6 === k ? other : (p + k) % 2 ? 'Ja' : 'Nej';
      lines.push(`${5000 + row * 7};SB${1000 + p};${p % 2 ? 'SelfBACK' : 'Kontrol'};${v};${(p + k * 3) % 11};${med}`);
    }
  }
  return lines.join('\n') + '\n';
}

const combined = [
  'Ved ikke / ønsker ikke at svare',
  'Ved ikke/Ønsker ikke at svare',
  'Vet ikke/vil ikke svare',
  'Vet inte / vill inte svara',
  'Vet inte eller vill inte svara',
  'Husker ikke',
  'Husker ikkje',
  'Minns inte',
  'Minns ej',
  'Kan ikke huske',
  'Kommer inte ihåg',
  "Don't know / prefer not to say",
  // Joined by a dash, an en dash or a comma, and the Danish word order with "det".
  'Ved ikke - ønsker ikke at svare',
  'Ved ikke – ønsker ikke at svare',
  'Ved ikke, ønsker ikke at svare',
  'Husker det ikke',
  'Ved det ikke',
];

describe.each(combined)('"%s"', (other) => {
  it('REDCap: drafted as a missing-value code, the Ja/Nej medication column as the yes/no outcome', () => {
    const d = draftPlan(parseCsvText(redcap(other), 'redcap.csv'), 'plan.schema.json');
    expect(d.plan.missingCodes).toEqual([other]);
    const med = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'bruger_smertestillende');
    expect(med).toMatchObject({ instrument: 'binary', answers: { Ja: 1, Nej: 0 } });
    expect(d.guesses.join('\n')).not.toContain('not drafted: "bruger_smertestillende"');
  });

  it('SurveyXact: drafted as a missing-value code', () => {
    const d = draftPlan(parseCsvText(surveyxact(other), 'surveyxact.csv'), 'plan.schema.json');
    expect(d.plan.missingCodes).toEqual([other]);
    expect((d.plan.outcomes as Outcome[]).some((o) => o.instrument === 'binary')).toBe(true);
  });
});

it.each(['Ved ikke / ønsker ikke at svare', 'Ved ikke – ønsker ikke at svare'])('beside EQ-5D answers written as their Danish labels, a combined non-answer ("%s") is a missing-value code, never a level', (other) => {
  const dims = [
    ['Jeg har ingen problemer med at gå omkring', 'Jeg har lidt problemer med at gå omkring', 'Jeg har moderate problemer med at gå omkring', 'Jeg har store problemer med at gå omkring', 'Jeg kan ikke gå omkring'],
    ['Jeg har ingen problemer med at vaske mig eller klæde mig på', 'Jeg har lidt problemer med at vaske mig eller klæde mig på', 'Jeg har moderate problemer med at vaske mig eller klæde mig på', 'Jeg har store problemer med at vaske mig eller klæde mig på', 'Jeg kan ikke vaske mig eller klæde mig på'],
    ['Jeg har ingen problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har lidt problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har moderate problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har store problemer med at udføre mine sædvanlige aktiviteter', 'Jeg kan ikke udføre mine sædvanlige aktiviteter'],
    ['Jeg har ingen smerter eller ubehag', 'Jeg har lidt smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har stærke smerter eller ubehag', 'Jeg har ekstreme smerter eller ubehag'],
    ['Jeg er ikke ængstelig eller deprimeret', 'Jeg er lidt ængstelig eller deprimeret', 'Jeg er moderat ængstelig eller deprimeret', 'Jeg er meget ængstelig eller deprimeret', 'Jeg er ekstremt ængstelig eller deprimeret'],
  ];
  const lines = ['record_id;redcap_event_name;randomisering;EQ5D_bevaegelighed;EQ5D_personlig_pleje;EQ5D_saedvanlige_aktiviteter;EQ5D_smerter;EQ5D_angst'];
  for (let p = 1; p <= 20; p++) {
    for (const [t, v] of ['baseline_arm_1', '3_mdr_arm_1'].entries()) lines.push(`${p};${v};${p % 2 ? 'App' : 'Kontrol'};${dims.map((d, k) => (p === 3 && k === 1 ? other : d[(p + k + t) % 5])).join(';')}`);
  }
  const d = draftPlan(parseCsvText(lines.join('\n') + '\n', 'eq5d.csv'), 'plan.schema.json');
  const eq = (d.plan.outcomes as Outcome[]).find((o) => o.instrument.startsWith('eq5d'))!;
  expect(eq).toBeDefined();
  expect(eq.answers?.[other]).toBeUndefined();
  expect(d.plan.missingCodes).toEqual([other]);
  expect(d.checks.join('\n')).not.toContain('not read as a level');
});

// Joined, every part must be a non-answer: an answer beside one stays an answer to read.
it.each(['Ja / ved ikke', 'Ved ikke / Nej', 'Husker ikke / Paracetamol', 'Ved ikke /', 'Nej - ved ikke', 'Ved ikke, men nej', 'Ved ikke –'])('"%s" is no non-answer', (cell) => {
  expect(isDontKnowWord(cell)).toBe(false);
});
