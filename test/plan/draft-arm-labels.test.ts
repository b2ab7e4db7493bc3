/**
 * `hta plan init` drafts the arm names the reports use ("armLabels") from an export that holds
 * them (label exports: REDCap labels, SPSS value labels, Excel with text arms), says which value
 * it took as the intervention, and for an export of codes (1/2, A/B) leaves them out and shows
 * the JSON to paste. The drafted names reach the report through arm-names.ts.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { armNames } from '../../src/report/arm-names.js';

const draft = (file: string) => draftPlan(readCsvFile(file), 'plan.schema.json');

describe('plan init drafts armLabels', () => {
  it('REDCap label export: the arms by their names, the waiting list as the control', () => {
    const d = draft('test/fixtures/exports/redcap-labels/export.csv');
    expect(d.plan.arms).toEqual({ intervention: 'Exercise program', control: 'Waiting list' });
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'Exercise program' }, control: { en: 'Waiting list', da: 'venteliste' } });
    expect(d.guesses.join('\n')).toContain('arm names for the reports ("armLabels"): intervention "Exercise program" (from "Exercise program"), control "Waiting list" (from "Waiting list")');
    expect(d.checks.join('\n')).toContain('"Exercise program" was taken as the intervention, "Waiting list" as the control');
    // The report then says so, in English and (falling back to "en") in Danish.
    const plan = parsePlan({ ...d.plan, $schema: undefined });
    expect(armNames(plan.armLabels, 'en')).toMatchObject({ Intervention: 'Exercise program', Control: 'Waiting list', theIntervention: 'Exercise program' });
    expect(armNames(plan.armLabels, 'da')).toMatchObject({ Intervention: 'Exercise program', Control: 'Venteliste' });
  });

  it('Danish SPSS label export: "da" is the export\'s own name, and the check asks for the English one', () => {
    const d = draft('test/fixtures/exports/spss-labels-da/export.csv');
    // Both arms by their Danish names, never one Danish and one English ("n (Træningsprogram/Waiting list)").
    // The export's own words (docs/plan-trial.md#arm-names); the known comparator a common noun in lower case.
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'Træningsprogram', da: 'Træningsprogram' }, control: { en: 'Venteliste', da: 'venteliste' } });
    expect(d.checks.join('\n')).toContain('"en" repeats the export\'s own names ("Træningsprogram", "Venteliste"): write them in English for English reports ("Waiting list" for "Venteliste")');
  });

  it('a Norwegian export: the check calls the arm names the export\'s own, not the Danish export\'s', () => {
    const d = draftPlan(parseCsvText('Fødselsnummer;Gruppe;Tidspunkt;ODI\nP1;App;Baseline;50\nP1;App;3 måneder;40\nP2;Kontroll;Baseline;52\nP2;Kontroll;3 måneder;50\n', 'no.csv'), 'plan.schema.json');
    const check = d.checks.find((c) => c.startsWith('check the arm names'))!;
    expect(check).toContain('"en" repeats the export\'s own name');
    expect(check).not.toContain('Danish');
  });

  it('a Danish export names both arms in one language: "Træning" / "Venteliste", not "Træning" / "Waiting list"', () => {
    const d = draftPlan(parseCsvText('Deltagernummer;Gruppe;ODI_bas;ODI_3mdr\n1;Træning;30;20\n2;Venteliste;32;30\n3;Træning;28;18\n', 'dk.csv'), 'plan.schema.json');
    expect(d.plan.arms).toEqual({ intervention: 'Træning', control: 'Venteliste' });
    // Danish common nouns drafted in lower case for "da" (docs/plan-trial.md#arm-names), both arms
    // alike: a comparator the export writes out ("Venteliste") keeps its wording, in lower case.
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'Træning', da: 'træning' }, control: { en: 'Venteliste', da: 'venteliste' } });
    // Both known in English: both in English.
    const known = draftPlan(parseCsvText('Deltagernummer;Gruppe;ODI_bas;ODI_3mdr\n1;Kontrol;30;20\n2;Venteliste;32;30\n', 'dk2.csv'), 'plan.schema.json');
    expect(Object.values(known.plan.armLabels as Record<string, { en: string }>).map((l) => l.en).sort()).toEqual(['Control group', 'Waiting list']);
  });

  it('a Danish export whose arm values are English codes: en "Usual care" from "usual", never "Vanlig behandling", and the check names only what the export wrote', () => {
    const d = draftPlan(parseCsvText('id;gruppe;besoeg;smerte\n1;app;baseline;5\n1;app;3m;3\n2;usual;baseline;6\n2;usual;3m;6\n', 'dk-codes.csv'), 'plan.schema.json');
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Usual care', da: 'vanlig behandling' } });
    const check = d.checks.find((c) => c.startsWith('check the arm names'))!;
    expect(check).toContain('"en" repeats the export\'s own name ("App"): write it in English for English reports');
    expect(check).not.toMatch(/vanlig behandling/i);
    // The English report: "App compared with Usual care".
    expect(armNames(parsePlan({ ...d.plan, $schema: undefined }).armLabels, 'en')).toMatchObject({ Intervention: 'App', Control: 'Usual care' });
    // The export's own Danish word still stands in both languages: "vanlig" → "Vanlig behandling".
    const vanlig = draftPlan(parseCsvText('id;gruppe;besoeg;smerte\n1;app;baseline;5\n1;app;3m;3\n2;vanlig;baseline;6\n2;vanlig;3m;6\n', 'dk-vanlig.csv'), 'plan.schema.json');
    expect(vanlig.plan.armLabels).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Vanlig behandling', da: 'vanlig behandling' } });
    // The Danish page: capitalised as a label, lower case mid-sentence ("App sammenlignet med vanlig behandling").
    expect(armNames(parsePlan({ ...vanlig.plan, $schema: undefined }).armLabels, 'da')).toMatchObject({ Intervention: 'App', Control: 'Vanlig behandling', intervention: 'app', control: 'vanlig behandling', theIntervention: 'app' });
    // "Vanlig" with a capital is the same code word, not a name written out: never "Vanlig" as the arm's name.
    for (const word of ['Vanlig', 'VANLIG']) {
      const capital = draftPlan(parseCsvText(`ID,Gruppe,RMDQ_base,RMDQ_3mdr\n1,App,7,2\n2,${word},10,9\n3,${word},11,19\n4,App,10,13\n`, 'V_Vanlig.csv'), 'plan.schema.json');
      expect(capital.plan.armLabels, word).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Vanlig behandling', da: 'vanlig behandling' } });
    }
  });

  it('the bundled selfBACK export: "App" and "Usual care" (Danish "Vanlig behandling"), not "app" and "usual"', () => {
    const d = draft('data/synthetic/selfback-trial.csv');
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Usual care', da: 'vanlig behandling' } });
    const plan = parsePlan({ ...d.plan, $schema: undefined, outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    expect(armNames(plan.armLabels, 'da').Control).toBe('Vanlig behandling');
    expect(armNames(plan.armLabels, 'da').control).toBe('vanlig behandling');
  });

  it.each([
    ['test/fixtures/exports/stata-tab-wide/export.csv', '"armLabels": { "intervention": { "en": "<arm 1 in English>", "da": "<arm 1 in Danish>" }, "control": { "en": "<arm 0 in English>", "da": "<arm 0 in Danish>" } }'],
    ['test/fixtures/exports/wide-coded/export.csv', '"armLabels": { "intervention": { "en": "<name of arm A>" }, "control": { "en": "<name of arm B>" } }'],
  ])('raw codes (%s): no armLabels, and the checks show the JSON to paste', (file, json) => {
    const d = draft(file);
    expect(d.plan.armLabels).toBeUndefined();
    expect(d.checks.join('\n')).toContain('are codes, not names: the reports will call the arms "Intervention" and "Control" until you name them');
    expect(d.checks.join('\n')).toContain(json);
  });

  it('"intervention"/"control" name no treatment; a comparator with "behandling" in its name is not the intervention', () => {
    const generic = draftPlan(parseCsvText('id,arm,time,rmdq\n1,intervention,baseline,3\n2,control,baseline,4\n', 'g.csv'), 'plan.schema.json');
    expect(generic.plan.armLabels).toBeUndefined();
    const vanlig = draftPlan(parseCsvText('id;gruppe;tid;rmdq\n1;Vanlig behandling;baseline;3\n2;Smerteskole;baseline;4\n', 'v.csv'), 'plan.schema.json');
    expect(vanlig.plan.arms).toEqual({ intervention: 'Smerteskole', control: 'Vanlig behandling' });
    // One arm known in English, the other not: both by their Danish names (one language per report).
    expect(vanlig.plan.armLabels).toEqual({ intervention: { en: 'Smerteskole', da: 'Smerteskole' }, control: { en: 'Vanlig behandling', da: 'vanlig behandling' } });
    expect(vanlig.checks.join('\n')).toContain('("Usual care" for "Vanlig behandling")');
    // "Smerteskole" may be a programme's name or a common noun: kept, and the check says how it reads mid-sentence.
    expect(vanlig.checks.join('\n')).toContain('"da" "Smerteskole" keeps the export\'s capital, so the pages write it so mid-sentence ("til fordel for Smerteskole"): write "da" in lower case if it is a common noun, not a name');
  });

  it('a committee\'s export "App" / "Vanlig behandling": both arms\' Danish names in lower case, no capital to check', () => {
    const d = draftPlan(parseCsvText('Deltager-ID;Gruppe;Besøg;RMDQ total\nP001;App;Baseline;5\nP002;Vanlig behandling;Baseline;6\nP001;App;3 mdr.;4\nP002;Vanlig behandling;3 mdr.;6\n', 'forsoeg.csv'), 'plan.schema.json');
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'App', da: 'app' }, control: { en: 'Vanlig behandling', da: 'vanlig behandling' } });
    expect(d.checks.join('\n')).not.toContain('capital');
  });
});

describe('plan init keeps the export\'s own name for a comparator (docs/plan-trial.md#arm-names)', () => {
  it('"Sædvanlig behandling" keeps its words on the English and the Danish page, never the glossary\'s "vanlig behandling" — in lower case in Danish running text', () => {
    const d = draftPlan(parseCsvText('ID,Gruppe,Koen,RMDQ_base,RMDQ_3mdr\n1,App + sædvanlig behandling,Kvinde,15,11\n2,Sædvanlig behandling,Mand,14,12\n', 'b.csv'), 'plan.schema.json');
    expect(d.plan.armLabels).toEqual({ intervention: { en: 'App + sædvanlig behandling', da: 'App + sædvanlig behandling' }, control: { en: 'Sædvanlig behandling', da: 'sædvanlig behandling' } });
    const plan = parsePlan({ ...d.plan, $schema: undefined });
    expect(armNames(plan.armLabels, 'en')).toMatchObject({ Control: 'Sædvanlig behandling', control: 'Sædvanlig behandling' });
    // A committee member read "app sammenlignet med Vanlig behandling": a capital mid-sentence.
    expect(armNames(plan.armLabels, 'da')).toMatchObject({ Control: 'Sædvanlig behandling', control: 'sædvanlig behandling' });
    expect(JSON.stringify(d)).not.toMatch(/(?<!æd)vanlig behandling/i);
    // The check still offers the English name hta knows.
    expect(d.checks.join('\n')).toContain('("Usual care" for "Sædvanlig behandling")');
  });
});

describe('plan init: a comparator named in words is a name, beside an arm that is a code', () => {
  const arms = (a: string, b: string) => draftPlan(parseCsvText(`id;gruppe;tid;rmdq\n1;${a};baseline;3\n2;${b};baseline;4\n1;${a};3m;3\n2;${b};3m;4\n`, 'arm.csv'), 'plan.schema.json');
  it.each([
    // A Danish comparator written out keeps its wording in "da", in lower case ("kontrol", not "kontrolgruppe").
    ['Interventionsgruppe', 'Kontrol', '{ "en": "Control group", "da": "kontrol" }', 'says which group, not what it received'],
    ['1', 'Kontrolgruppe', '{ "en": "Control group", "da": "kontrolgruppe" }', 'is a code, not a name'],
    ['Intervention', 'Usual care', '{ "en": "Usual care", "da": "vanlig behandling" }', 'says which group, not what it received'],
    ['A', 'Sædvanlig behandling', '{ "en": "Usual care", "da": "sædvanlig behandling" }', 'is a code, not a name'],
  ])('%s / %s: only the code is called a code (a word for the arm\'s role is a word), and the JSON to paste keeps the comparator\'s name', (code, name, json, said) => {
    const d = arms(code, name);
    expect(d.plan.arms).toEqual({ intervention: code, control: name });
    const checks = d.checks.join('\n');
    expect(checks).toContain(`the arm value "${code}" ${said}: the reports will call the arms`);
    if (said !== 'is a code, not a name') expect(checks).not.toContain('code, not a name');
    expect(checks).not.toMatch(new RegExp(`"${name}" (is a code|are codes)|and "${name}" are codes`));
    expect(checks).toContain(`"armLabels": { "intervention": { "en": "<arm ${code} in English>", "da": "<arm ${code} in Danish>" }, "control": ${json} }`);
  });
});

describe('plan init: a title-case or all-caps export never mixes the cases of a Danish arm name', () => {
  const csv = (intervention: string, control: string) =>
    parseCsvText(`Deltager-ID;Gruppe;Besøg;Alder;RMDQ total\nP001;${intervention};Baseline;41;6\nP001;${intervention};3 mdr.;41;20\nP002;${control};Baseline;42;4\nP002;${control};3 mdr.;42;10\n`, 'tc.csv');

  it.each([
    ['App', 'Vanlig Behandling', 'vanlig behandling'],
    ['App', 'Sædvanlig Behandling', 'sædvanlig behandling'],
    ['APP', 'VANLIG BEHANDLING', 'vanlig behandling'],
    ['App', 'KONTROLGRUPPE', 'kontrolgruppe'],
  ])('%s / %s: the comparator\'s "da" is "%s", lower case throughout, and the page capitalises it as a label', (intervention, control, da) => {
    const d = draftPlan(csv(intervention, control), 'plan.schema.json');
    const labels = d.plan.armLabels as { intervention: { da?: string }; control: { en: string; da?: string } };
    expect(labels.control.da).toBe(da);
    expect(labels.intervention.da).toBe('app');
    const names = armNames(parsePlan({ ...d.plan, $schema: undefined }).armLabels, 'da');
    expect(names.Control).toBe(da.charAt(0).toUpperCase() + da.slice(1));
    expect(names.control).toBe(da);
    expect(d.checks.join('\n')).not.toContain('capital');
  });

  it('an all-caps name hta does not know ("SMERTESKOLE") is kept as written, and the check says how it reads mid-sentence', () => {
    const d = draftPlan(csv('SMERTESKOLE', 'VANLIG BEHANDLING'), 'plan.schema.json');
    expect(d.plan.armLabels).toMatchObject({ intervention: { da: 'SMERTESKOLE' }, control: { da: 'vanlig behandling' } });
    expect(d.checks.join('\n')).toContain('"da" "SMERTESKOLE" keeps the export\'s capital');
  });
});

describe('plan init: a boolean arm column (pandas\' df["intervention"] = df.arm == "app")', () => {
  // An explorer's pandas file drafted "False" as the intervention: analyze then printed the
  // difference False − True, its sign flipped (−0.02 for +0.02). True is the intervention, as 1 is.
  const rows = (t: string, f: string) =>
    [',id,time,rmdq,intervention', `0,SB0001,baseline,9.0,${f}`, `1,SB0001,6w,7.0,${f}`, `2,SB0002,baseline,6.0,${t}`, `3,SB0002,6w,7.0,${t}`, `4,SB0003,baseline,8.0,${t}`, `5,SB0003,6w,4.0,${t}`].join('\n') + '\n';
  for (const [t, f] of [['True', 'False'], ['TRUE', 'FALSE'], ['true', 'false']] as const) {
    it(`${t}/${f}: ${t} the intervention, and the values called codes, not names`, () => {
      const d = draftPlan(parseCsvText(rows(t, f), 'pandas.csv'), 'plan.schema.json');
      expect(d.plan.arms).toEqual({ intervention: t, control: f });
      expect(d.plan.armLabels).toBeUndefined();
      expect(d.checks.join('\n')).toContain(`the arm values "${t}" and "${f}" are codes, not names: the reports will call the arms "Intervention" and "Control" until you name them`);
    });
  }
});
