// EQ-5D in Norwegian, Swedish and English exports (docs/plan-trial.md "What plan init recognises
// in real exports"). A Norwegian export whose usual-activities column (`EQ5D_vanlige_gjoremal`)
// was not placed lost its EQ-5D, and its pain/discomfort LEVEL (1–5) was drafted as the pain NRS,
// judged against the NRS's MCID of 2; the official Norwegian and Swedish answer wordings were
// drafted as missing-value codes, emptying every EQ-5D cell.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { eq5dLevelLabels } from '../../src/plan/eq5d-labels.js';

type Outcome = { key: string; instrument: string; items?: Record<string, string>; answers?: Record<string, number> };

const draft = (text: string) => draftPlan(parseCsvText(text, 'eq.csv'), 'plan.schema.json');

/** 20 patients at baseline and 3 months, one cell per column: its answers[(p + k + visit) % n]. */
function export_(columns: Record<string, readonly string[]>, visits = ['Baseline', '3 måneder']): string {
  const names = Object.keys(columns);
  const lines = [`id;Gruppe;Tidspunkt;${names.join(';')}`];
  for (let p = 1; p <= 20; p++) {
    visits.forEach((v, t) => {
      lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${v};${names.map((c, k) => columns[c]![(p * 3 + k + t) % columns[c]!.length]).join(';')}`);
    });
  }
  return lines.join('\n') + '\n';
}

const levels = ['1', '2', '3', '4', '5'];

// The official EQ-5D-5L wordings, each dimension's levels 1–5 in order.
const NORWEGIAN = {
  EQ5D_gange: ['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg har middels store problemer med å gå omkring', 'Jeg har store problemer med å gå omkring', 'Jeg er ute av stand til å gå omkring'],
  EQ5D_personlig_stell: ['Jeg har ingen problemer med å vaske meg eller kle meg', 'Jeg har litt problemer med å vaske meg eller kle meg', 'Jeg har middels store problemer med å vaske meg eller kle meg', 'Jeg har store problemer med å vaske meg eller kle meg', 'Jeg er ute av stand til å vaske meg eller kle meg'],
  EQ5D_vanlige_gjoremal: ['Jeg har ingen problemer med å utføre mine vanlige gjøremål', 'Jeg har litt problemer med å utføre mine vanlige gjøremål', 'Jeg har middels store problemer med å utføre mine vanlige gjøremål', 'Jeg har store problemer med å utføre mine vanlige gjøremål', 'Jeg er ute av stand til å utføre mine vanlige gjøremål'],
  EQ5D_smerte: ['Jeg har verken smerter eller ubehag', 'Jeg har litt smerter eller ubehag', 'Jeg har middels sterke smerter eller ubehag', 'Jeg har sterke smerter eller ubehag', 'Jeg har svært sterke smerter eller ubehag'],
  EQ5D_angst: ['Jeg er verken engstelig eller deprimert', 'Jeg er litt engstelig eller deprimert', 'Jeg er middels engstelig eller deprimert', 'Jeg er svært engstelig eller deprimert', 'Jeg er ekstremt engstelig eller deprimert'],
};
const SWEDISH = {
  EQ5D_rorlighet: ['Jag har inga problem med att gå omkring', 'Jag har lite problem med att gå omkring', 'Jag har måttliga problem med att gå omkring', 'Jag har stora problem med att gå omkring', 'Jag kan inte gå omkring'],
  EQ5D_hygien: ['Jag har inga problem med att tvätta mig eller klä mig', 'Jag har lite problem med att tvätta mig eller klä mig', 'Jag har måttliga problem med att tvätta mig eller klä mig', 'Jag har stora problem med att tvätta mig eller klä mig', 'Jag kan inte tvätta mig eller klä mig'],
  EQ5D_aktiviteter: ['Jag har inga problem med att utföra mina vanliga aktiviteter', 'Jag har lite problem med att utföra mina vanliga aktiviteter', 'Jag har måttliga problem med att utföra mina vanliga aktiviteter', 'Jag har stora problem med att utföra mina vanliga aktiviteter', 'Jag kan inte utföra mina vanliga aktiviteter'],
  EQ5D_smarta: ['Jag har varken smärtor eller besvär', 'Jag har lätta smärtor eller besvär', 'Jag har måttliga smärtor eller besvär', 'Jag har svåra smärtor eller besvär', 'Jag har extrema smärtor eller besvär'],
  EQ5D_oro: ['Jag är varken orolig eller nedstämd', 'Jag är lite orolig eller nedstämd', 'Jag är ganska orolig eller nedstämd', 'Jag är mycket orolig eller nedstämd', 'Jag är extremt orolig eller nedstämd'],
};

describe.each([
  { language: 'Norwegian', columns: NORWEGIAN },
  { language: 'Swedish', columns: SWEDISH },
])('EQ-5D-5L answers in the official $language wording', ({ columns }) => {
  const d = draft(export_(columns));
  const eq = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'eq5d');
  it('drafts one EQ-5D outcome of the five dimensions, none as another score', () => {
    expect(eq).toMatchObject({ instrument: 'eq5d5l', items: { mo: Object.keys(columns)[0], sc: Object.keys(columns)[1], ua: Object.keys(columns)[2], pd: Object.keys(columns)[3], ad: Object.keys(columns)[4] } });
    expect((d.plan.outcomes as Outcome[]).map((o) => o.key)).toEqual(['eq5d']);
  });
  it('reads every answer as its level, in order, and none as a missing-value code', () => {
    const want = Object.fromEntries(Object.values(columns).flatMap((words) => words.map((w, k) => [w, k + 1])));
    expect(eq!.answers).toEqual(want);
    expect(d.plan.missingCodes).toBeUndefined();
  });
});

it('reads "middels store problemer" as the middle level 3 (not the 4 of "store"), "svært sterke smerter" as 5 (not the 4 of "svært")', () => {
  const words = [...NORWEGIAN.EQ5D_gange, ...NORWEGIAN.EQ5D_smerte, ...NORWEGIAN.EQ5D_angst];
  const read = eq5dLevelLabels(words)!.answers;
  expect(read['Jeg har middels store problemer med å gå omkring']).toBe(3);
  expect(read['Jeg har middels sterke smerter eller ubehag']).toBe(3);
  expect(read['Jeg har store problemer med å gå omkring']).toBe(4);
  expect(read['Jeg er svært engstelig eller deprimert']).toBe(4);
  expect(read['Jeg har svært sterke smerter eller ubehag']).toBe(5);
});

it('does not read as the 5L a wording with only its first, second and last levels (a 3L it does not know)', () => {
  expect(eq5dLevelLabels(['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg er ute av stand til å gå omkring'])).toBeUndefined();
});

describe.each([
  { language: 'Norwegian', names: ['EQ5D_gange', 'EQ5D_personlig_stell', 'EQ5D_vanlige_gjoremal', 'EQ5D_smerte', 'EQ5D_angst'] },
  { language: 'Swedish', names: ['EQ5D_rorlighet', 'EQ5D_hygien', 'EQ5D_sedvanliga_aktiviteter', 'EQ5D_smarta', 'EQ5D_oro_nedstamdhet'] },
  { language: 'English', names: ['eq5d_walking', 'eq5d_washing', 'eq5d_activities', 'eq5d_pain', 'eq5d_anxiety'] },
])('EQ-5D levels 1–5 under $language dimension names', ({ names }) => {
  const d = draft(export_({ ...Object.fromEntries(names.map((n) => [n, levels])), EQ5D_VAS: ['49', '70', '85', '30'] }));
  it('drafts the EQ-5D from the five, the pain/discomfort level never as the pain NRS', () => {
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes.map((o) => `${o.key} ${o.instrument}`)).toEqual(['eq5d eq5d5l']);
    expect(outcomes[0]!.items).toEqual({ mo: names[0], sc: names[1], ua: names[2], pd: names[3], ad: names[4] });
  });
});

it('with EQ-5D columns it cannot place, drafts no EQ-5D and no NRS, and says which columns and how to write "items"', () => {
  const d = draft(export_({ EQ5D_gange: levels, EQ5D_kropp: levels, EQ5D_rutiner: levels, EQ5D_smerte: levels, EQ5D_angst: levels, EQ5D_VAS: ['49', '70', '85', '30'] }));
  expect(d.plan.outcomes ?? []).toEqual([]);
  const check = d.checks.find((c) => c.startsWith('EQ-5D: 5 columns'))!;
  expect(check).toContain('which dimension EQ5D_kropp, EQ5D_rutiner are');
  expect(check).toContain('"items": { "mo": "EQ5D_gange", "sc": "<column>", "ua": "<column>", "pd": "EQ5D_smerte", "ad": "EQ5D_angst" }');
});

it('a lone EQ-5D pain/discomfort column is not drafted as the pain NRS', () => {
  const d = draft(export_({ Smerte: ['2', '5', '7', '0', '9'], EQ5D_smerte: levels }));
  expect((d.plan.outcomes as Outcome[]).map((o) => o.key)).toEqual(['smerte']);
  expect(d.checks.join('\n')).toContain('"EQ5D_smerte" is named as an EQ-5D dimension (a level 1–5), not drafted as a score of its own');
});

describe.each(['Livskvalitet EQ VAS', 'Livskvalitet (EQ-VAS)', 'EQ5D_VAS'])('"%s"', (name) => {
  it('gets the EQ VAS advice (health, higher is better), not "a VAS of what the export does not say"', () => {
    const d = draft(export_({ Smerte: ['2', '5', '7', '0', '9'], [name]: ['49', '70', '85', '30', '100'] }));
    const checks = d.checks.join('\n');
    expect(checks).toContain(`"${name}" is not among the drafted outcomes: EQ-5D's visual analogue scale (0–100, higher is better)`);
    expect(checks).not.toContain('a 0–100 visual analogue scale, which may be pain');
  });
});

// The Norwegian EQ-5D-3L (mobility ingen/litt/sengeliggende, pain verken/moderate/sterke, anxiety
// ikke/noe/svært): with no "noe" answer it was read as the 5L ("moderate" 3, "sterke" and "svært"
// 4, "ute av stand" 5) and scored with the 5L value set.
const NORWEGIAN_3L = {
  EQ5D_gange: ['Jeg har ingen problemer med å gå omkring', 'Jeg har litt problemer med å gå omkring', 'Jeg er sengeliggende'],
  EQ5D_personlig_stell: ['Jeg har ingen problemer med personlig stell', 'Jeg har litt problemer med å vaske meg eller kle meg', 'Jeg er ute av stand til å vaske meg eller kle meg'],
  EQ5D_vanlige_gjoremal: ['Jeg har ingen problemer med å utføre mine vanlige gjøremål', 'Jeg har litt problemer med å utføre mine vanlige gjøremål', 'Jeg er ute av stand til å utføre mine vanlige gjøremål'],
  EQ5D_smerte: ['Jeg har verken smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har sterke smerter eller ubehag'],
  EQ5D_angst: ['Jeg er ikke engstelig eller deprimert', 'Jeg er noe engstelig eller deprimert', 'Jeg er svært engstelig eller deprimert'],
};
it('reads the Norwegian 3L as the 3L, levels 1–3, also when nobody answered "noe" or "sengeliggende"', () => {
  const want = Object.fromEntries(Object.values(NORWEGIAN_3L).flatMap((words) => words.map((w, k) => [w, k + 1])));
  expect(eq5dLevelLabels(Object.keys(want))).toMatchObject({ version: 'eq5d3l', answers: want });
  const noNoe = Object.keys(want).filter((w) => w !== 'Jeg er noe engstelig eller deprimert' && w !== 'Jeg er sengeliggende');
  const read = eq5dLevelLabels(noNoe)!;
  expect(read.version).toBe('eq5d3l');
  expect(read.answers['Jeg har moderate smerter eller ubehag']).toBe(2);
  expect(read.answers['Jeg har sterke smerter eller ubehag']).toBe(3);
  expect(read.answers['Jeg er svært engstelig eller deprimert']).toBe(3);
  expect(read.answers['Jeg er ute av stand til å utføre mine vanlige gjøremål']).toBe(3);
});

// Real exports carry a non-answer: one "Ikke utfylt" or "Vet ej" made every EQ-5D answer a
// missing-value code again; a registry's wording ("hverken", "sterk") and a Swedish form's
// ("svårigheter") were not read.
it.each([
  { language: 'Norwegian', columns: NORWEGIAN, extra: 'Ikke utfylt' },
  { language: 'Swedish', columns: SWEDISH, extra: 'Vet ej' },
])('$language: one "$extra" beside the labels is the only missing-value code; the labels are still their levels', ({ columns, extra }) => {
  const names = Object.keys(columns);
  const text = export_(columns).replace(/\n(P1;[^;]*;[^;]*;)[^;]*/, `\n$1${extra}`);
  const d = draft(text);
  const eq = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'eq5d')!;
  expect(d.plan.missingCodes).toEqual([extra]);
  expect(eq.answers![columns[names[1] as keyof typeof columns][2]!]).toBe(3);
});

it('reads the registry wording "hverken", "sterk" and the Swedish "svårigheter" as levels', () => {
  const no = eq5dLevelLabels(['Jeg er hverken engstelig eller deprimert', 'Jeg har hverken smerte eller ubehag', 'Jeg har litt smerte eller ubehag', 'Jeg har middels sterke smerte eller ubehag', 'Jeg har sterk smerte eller ubehag', 'Jeg har svært sterke smerte eller ubehag'])!;
  expect(no.answers).toEqual({ 'Jeg er hverken engstelig eller deprimert': 1, 'Jeg har hverken smerte eller ubehag': 1, 'Jeg har litt smerte eller ubehag': 2, 'Jeg har middels sterke smerte eller ubehag': 3, 'Jeg har sterk smerte eller ubehag': 4, 'Jeg har svært sterke smerte eller ubehag': 5 });
  const sv = ['inga', 'lite', 'måttliga', 'stora'].map((w) => `Jag har ${w} svårigheter med att gå omkring`);
  expect(eq5dLevelLabels([...sv, 'Jag kan inte gå omkring'])).toMatchObject({ version: 'eq5d5l', answers: { [sv[0]!]: 1, [sv[1]!]: 2, [sv[2]!]: 3, [sv[3]!]: 4, 'Jag kan inte gå omkring': 5 } });
});

it.each([
  { case: 'one dimension', columns: { ...NORWEGIAN, EQ5D_gange: ['Går fint', 'Går litt dårlig', 'Går middels', 'Går dårlig', 'Kan ikke gå'] } },
  { case: 'every dimension', columns: Object.fromEntries(Object.keys(NORWEGIAN).map((c) => [c, ['Fint', 'Litt dårlig', 'Middels', 'Dårlig', 'Umulig', 'Ikke utfylt']])) },
])('a wording it cannot read ($case) is never drafted as a missing-value code; "Ikke utfylt" is', ({ columns }) => {
  const d = draft(export_(columns).replace(/\n(P1;[^;]*;[^;]*;)[^;]*/, '\n$1Ikke utfylt'));
  expect(d.plan.missingCodes).toEqual(['Ikke utfylt']);
  expect(d.checks.join('\n')).toMatch(/EQ-5D: .*(not read as a level|not read as levels)/);
});

// The prefix as R's make.names writes it (`EQ.5D.smerte` after read.csv of `EQ-5D smerte`), with
// the en dash Word and Excel put for the hyphen, or a space: the pain/discomfort level was drafted
// as the pain NRS (MCID 2), or no EQ-5D was drafted at all.
describe.each(['EQ.5D.', 'EQ–5D ', 'EQ 5D '])('the EQ-5D prefix written "%s"', (prefix) => {
  const names = ['gange', 'personlig_stell', 'vanlige_gjoremal', 'smerte', 'angst'].map((d) => `${prefix}${d}`);
  it('drafts the EQ-5D from the five columns, none as the NRS', () => {
    const d = draft(export_({ ...Object.fromEntries(names.map((n) => [n, levels])), [`${prefix}VAS`]: ['49', '70', '85', '30'] }));
    const outcomes = d.plan.outcomes as Outcome[];
    expect(outcomes.map((o) => `${o.key} ${o.instrument}`)).toEqual(['eq5d eq5d5l']);
    expect(outcomes[0]!.items).toEqual({ mo: names[0], sc: names[1], ua: names[2], pd: names[3], ad: names[4] });
  });
  it('a lone pain/discomfort column beside the pain NRS is not drafted as a second NRS', () => {
    const d = draft(export_({ Smerte: ['2', '5', '7', '0', '9'], [names[3]!]: levels }));
    expect((d.plan.outcomes as Outcome[]).map((o) => o.key)).toEqual(['smerte']);
  });
});

// The official EQ-5D-3L wordings, each dimension's levels 1–3 in order. Danish (as the Danish
// municipalities' FHIR value sets write it): "Jeg kan ikke vaske mig …" and "Jeg kan ikke udføre
// …" were read as no level; Swedish: "Jag klarar av mina huvudsakliga aktiviteter" neither, and
// a Swedish form's "inga problem att tvätta mig …" must stay level 1.
const THREE_LEVEL_WORDINGS = {
  Danish: [
    ['Jeg har ingen problemer med at gå omkring', 'Jeg har nogle problemer med at gå omkring', 'Jeg er bundet til sengen'],
    ['Jeg har ingen problemer med min personlige pleje', 'Jeg har nogle problemer med at vaske mig eller klæde mig på', 'Jeg kan ikke vaske mig eller klæde mig på'],
    ['Jeg har ingen problemer med at udføre mine sædvanlige aktiviteter', 'Jeg har nogle problemer med at udføre mine sædvanlige aktiviteter', 'Jeg kan ikke udføre mine sædvanlige aktiviteter'],
    ['Jeg har ingen smerter eller ubehag', 'Jeg har moderate smerter eller ubehag', 'Jeg har ekstreme smerter eller ubehag'],
    ['Jeg er ikke ængstelig eller deprimeret', 'Jeg er moderat ængstelig eller deprimeret', 'Jeg er ekstremt ængstelig eller deprimeret'],
  ],
  Swedish: [
    ['Jag går utan svårigheter', 'Jag kan gå men med viss svårighet', 'Jag är sängliggande'],
    ['Jag behöver ingen hjälp med min dagliga hygien, mat eller påklädning', 'Jag har vissa problem att tvätta eller klä mig själv', 'Jag kan inte tvätta eller klä mig själv'],
    ['Jag klarar av mina huvudsakliga aktiviteter', 'Jag har vissa problem med att klara av mina huvudsakliga aktiviteter', 'Jag klarar inte av mina huvudsakliga aktiviteter'],
    ['Jag har varken smärtor eller besvär', 'Jag har måttliga smärtor eller besvär', 'Jag har svåra smärtor eller besvär'],
    ['Jag är inte orolig eller nedstämd', 'Jag är orolig eller nedstämd i viss utsträckning', 'Jag är i högsta grad orolig eller nedstämd'],
  ],
  'Swedish (a form\'s "inga problem")': [
    ['Jag har inga problem att gå omkring', 'Jag har vissa problem att gå omkring', 'Jag är sängliggande'],
    ['Jag har inga problem att tvätta mig eller klä mig', 'Jag har vissa problem att tvätta mig eller klä mig', 'Jag kan inte tvätta mig eller klä mig'],
    ['Jag har inga problem med mina vanliga aktiviteter', 'Jag har vissa problem med mina vanliga aktiviteter', 'Jag kan inte utföra mina vanliga aktiviteter'],
    ['Jag har varken smärtor eller besvär', 'Jag har måttliga smärtor eller besvär', 'Jag har svåra smärtor eller besvär'],
    ['Jag är inte orolig eller nedstämd', 'Jag är orolig eller nedstämd i viss utsträckning', 'Jag är i högsta grad orolig eller nedstämd'],
  ],
  Norwegian: Object.values(NORWEGIAN_3L),
};
describe.each(Object.entries(THREE_LEVEL_WORDINGS))('the official EQ-5D-3L in %s', (_, dims) => {
  it('drafts every answer as its level 1–3 of the 3L, none left unread', () => {
    const names = ['EQ5D_mobilitet', 'EQ5D_personlig', 'EQ5D_aktiviteter', 'EQ5D_smerte', 'EQ5D_angst'];
    // Five cells in turn (export_ takes every third), so each of the three answers is met.
    const d = draft(export_(Object.fromEntries(names.map((n, k) => [n, [...dims[k]!, ...dims[k]!.slice(0, 2)]]))));
    const eq = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'eq5d')!;
    expect(eq.instrument).toBe('eq5d3l');
    expect(eq.answers).toEqual(Object.fromEntries(dims.flatMap((words) => words.map((w, k) => [w, k + 1]))));
    expect(d.checks.join('\n')).not.toContain('not read as a level');
  });
});
