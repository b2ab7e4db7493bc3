// Yes/no, sex and "don't know" words as Norwegian, Swedish, Danish and English exports write
// them. A Norwegian `Nei` was once drafted as a missing-value code beside "answers": { "Ja": 1 }:
// every patient analysed then answered yes (docs/plan-trial.md "Yes/no outcomes").
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

type Outcome = { key: string; instrument: string; answers?: Record<string, number> };

/** A long export of 20 patients at baseline and 3 months: pain 0–10, a sex column and a yes/no medication column in the given words. */
function export_(sexHeader: string, sex: [string, string], medHeader: string, yesNo: [string, string], dontKnow: string): string {
  const lines = [`id;gruppe;tid;alder;${sexHeader};smerte;${medHeader}`];
  for (let p = 1; p <= 20; p++) {
    for (const visit of ['baseline', '3m']) {
      const med = p === 7 && visit === '3m' ? dontKnow : yesNo[(p + (visit === '3m' ? 1 : 0)) % 2]!;
      lines.push(`${p};${p % 2 ? 'App' : 'Kontrol'};${visit};${30 + p};${sex[p % 2]};${(p * 3) % 11};${med}`);
    }
  }
  return lines.join('\n') + '\n';
}

const draft = (text: string) => draftPlan(parseCsvText(text, 'export.csv'), 'plan.schema.json');
const medOf = (plan: Record<string, unknown>, key: string) => (plan.outcomes as Outcome[]).find((o) => o.key === key)!;

describe.each([
  { language: 'Norwegian', sexHeader: 'Kjønn', sex: ['Kvinne', 'Mann'], medHeader: 'Medisin', yesNo: ['Ja', 'Nei'], dontKnow: 'Vet ikke', sexKey: 'kjoenn' },
  { language: 'Swedish', sexHeader: 'Kön', sex: ['Kvinna', 'Man'], medHeader: 'Medicin', yesNo: ['Ja', 'Nej'], dontKnow: 'Vet ej', sexKey: 'kon' },
  { language: 'Danish', sexHeader: 'Køn', sex: ['Kvinde', 'Mand'], medHeader: 'Medicin', yesNo: ['Ja', 'Nej'], dontKnow: 'Ved ikke', sexKey: 'koen' },
  { language: 'English', sexHeader: 'Sex', sex: ['Female', 'Male'], medHeader: 'Medication', yesNo: ['Yes', 'No'], dontKnow: "Don't know", sexKey: 'sex' },
] as const)('$language words', ({ sexHeader, sex, medHeader, yesNo, dontKnow, sexKey }) => {
  const d = draft(export_(sexHeader, [...sex], medHeader, [...yesNo], dontKnow));
  const key = medHeader.toLowerCase();
  it(`reads ${yesNo[0]}/${yesNo[1]} as 1/0, never "no" as a missing-value code`, () => {
    expect(medOf(d.plan, key).instrument).toBe('binary');
    expect(medOf(d.plan, key).answers).toEqual({ [yesNo[0]]: 1, [yesNo[1]]: 0 });
    expect(d.plan.missingCodes).toEqual([dontKnow]);
  });
  it(`drafts the sex column "${sexHeader}" (${sex.join('/')}) as a covariate, its words as categories, none missing`, () => {
    expect(d.plan.covariates).toContain(sexKey);
    expect(d.plan.missingCodes).not.toContain(sex[0]);
    expect(d.plan.missingCodes).not.toContain(sex[1]);
  });
});
