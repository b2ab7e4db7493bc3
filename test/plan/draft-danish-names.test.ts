/**
 * plan init reads Danish column names with æ, ø, å however they are written: `Besøg` (a Google
 * Forms export), `Besøgsnavn`, `Tidspunkt (uger)`, and each in NFC and NFD (a Mac writes å as a +
 * ring); the name patterns used to hold `besoeg|besog`, which no `ø` ever matched. An export
 * whose visit column is named otherwise gets the plan's JSON to paste, as the arm does.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const draft = (text: string) => draftPlan(parseCsvText(text, 'export.csv'), 'plan.schema.json');
const forms = ['NFC', 'NFD'] as const;

describe('plan init: Danish column names in either Unicode form', () => {
  it.each(forms.flatMap((f) => ['Besøg', 'Besøgsnavn', 'Tidspunkt (måneder)'].map((name) => [name, f] as const)))('"%s" (%s) is the visit column', (name, form) => {
    const header = name.normalize(form);
    const d = draft(`Løbenr;Gruppe;${header};Smerte\n1;App;Før;6\n1;App;3;4\n2;Kontrol;Før;7\n`);
    expect(d.undecided).toEqual([]);
    expect((d.plan.columns as Record<string, string>).time).toBe(header);
  });

  it('a wide export\'s "_3måneder" written decomposed (NFD) is the visit 3m, as in NFC', () => {
    const h = 'RMDQ_før;RMDQ_3måneder'.normalize('NFD');
    const d = draft(`id;gruppe;${h}\n1;app;5;3\n2;usual;6;6\n`);
    expect(d.undecided).toEqual([]);
    expect(d.plan.timeLabels).toEqual({ ['før'.normalize('NFD')]: 'baseline', ['3måneder'.normalize('NFD')]: '3m' });
  });

  it('"Tidspunkt (uger)": its bare numbers are weeks', () => {
    const d = draft('id;gruppe;Tidspunkt (uger);rmdq\n1;app;0;3\n1;app;12;4\n2;usual;0;5\n');
    expect((d.plan.columns as Record<string, string>).time).toBe('Tidspunkt (uger)');
    expect(d.plan.timeLabels).toEqual({ '0': 'baseline', '12': '12w' });
  });

  it.each(forms)('Løbenr, Køn and EQ-5D\'s Danish dimension names (%s)', (form) => {
    const h = (s: string) => s.normalize(form);
    const dims = ['Bevægelighed', 'Personlig pleje', 'Sædvanlige aktiviteter', 'Smerte/ubehag', 'Angst/depression'].map((d) => h(`EQ5D_${d}`));
    const d = draft(`${h('Løbenr')};Gruppe;Tid;${h('Køn')};${dims.join(';')}\n1;App;baseline;K;1;1;2;2;1\n1;App;3m;K;1;1;1;2;1\n2;Kontrol;baseline;M;2;1;1;3;1\n`);
    expect((d.plan.columns as Record<string, string>).id).toBe(h('Løbenr'));
    expect(d.plan.covariates).toEqual(['koen']);
    expect((d.plan.outcomes as { key: string; items: Record<string, string> }[])[0]).toMatchObject({ key: 'eq5d', items: { mo: dims[0], sc: dims[1], ua: dims[2], pd: dims[3], ad: dims[4] } });
  });

  it('a visit column named otherwise: the JSON to paste for it, as for the arm', () => {
    const d = draft('"Tidsstempel","Deltagernummer","Gruppe","Hvornår?","RMDQ score"\n"2025/07/13","001","App","Baseline","19"\n"2025/10/02","001","App","Efter 3 måneder","17"\n');
    expect(d.undecided.map((u) => u.what)).toEqual(['the visits']);
    expect(d.undecided[0]!.write).toContain('"columns": { "time": "<the visit column>" }, "timeLabels": { "<its baseline value>": "baseline", "<its 3-month value>": "3m" } and "timepoints": ["3m"]');
  });
});
