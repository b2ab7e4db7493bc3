/**
 * Patient identifiers and notes in the cells hta prints under their own names: an adverse event's
 * class and term, a withdrawal reason without the plan's "flow.withdrawalReasons"
 * (docs/output-safety.md "Free text", docs/plan-trial.md#adverse-events, #participant-flow).
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { patientLookup, readEventListing } from '../../src/trial/adverse-events.js';
import { freeTextSigns } from '../../src/trial/free-text.js';
import { idKey, withoutPatientIds } from '../../src/trial/patient-ids.js';
import { errorOf } from '../support/error-of.js';

const BASE = {
  arms: { intervention: 'app', control: 'usual' },
  columns: { id: 'id', time: 'time', arm: 'arm' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

/** 20 patients, baseline and 3m; `reason(i)` the withdrawal reason of patient i (on its baseline row). */
function trialCsv(reason: (i: number) => string = () => '', ae: ((i: number) => string | undefined) | undefined = undefined): string {
  const lines = [`id,arm,time,pain,withdrawal_reason${ae ? ',redcap_repeat_instrument,ae_term,ae_serious' : ''}`];
  for (let i = 1; i <= 20; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    const r = reason(i);
    const cell = r.includes(',') ? `"${r}"` : r;
    lines.push(`P${i},${arm},baseline,${3 + (i % 5)},${cell}${ae ? ',,,' : ''}`);
    if (!r) lines.push(`P${i},${arm},3m,${2 + (i % 4)},${ae ? ',,,' : ''}`);
    const term = ae?.(i);
    if (term !== undefined) lines.push(`P${i},,,,,adverse_events,"${term}",Nej`);
  }
  return lines.join('\n');
}

const thrown = errorOf;

describe('free-text signs', () => {
  it('coded reasons and MedDRA terms read as coded; notes with a CPR or phone number, a date, an e-mail or many words do not', () => {
    for (const coded of ['Lost to follow-up', 'Mangler tid', 'Bivirkninger', 'Ikke tid', 'Headache', 'Nervous system disorders', 'Suicidal ideation', 'COVID-19', 'Withdrew consent to further participation']) {
      expect(freeTextSigns(coded), coded).toEqual([]);
    }
    expect(freeTextSigns('Døde (Poul Nielsen, 0101501234)')).toEqual(['a CPR number']);
    expect(freeTextSigns('Fald 010150-1234 hjemme')).toEqual(['a CPR number']);
    expect(freeTextSigns('Udslæt, ring til Jens 20304050')).toEqual(['a long number (a phone number)']);
    expect(freeTextSigns('ring 20 30 40 50')).toEqual(['a long number (a phone number)']);
    expect(freeTextSigns('Trak samtykke - ringede 12/3')).toEqual(['a date']);
    expect(freeTextSigns('skriv til hanne@example.dk')).toEqual(['an e-mail address']);
    expect(freeTextSigns('Flyttet til Aarhus, se note fra Hanne Jensen')).toEqual(['8 words']);
    expect(freeTextSigns('Faldt på trappen hos datteren Mette')).toEqual(['6 words']);
  });

  it('ranges, decimals, fractions, codes and years are no date or phone number; a day and month is', () => {
    for (const coded of ['Grade 3-4 neutropenia', 'Injection site reaction grade 1-2', 'M54.5', 'ICD-10 M54.5', 'Dosis 10/20 mg', 'Udeblevet fra 2-3 kontroller', '3/4 af tiden', 'Indlagt 1/2 år', 'Hepatitis B 1.2', 'EudraCT 2019-001234-22', 'Tid 2023 2024', '32/1 dage', '12/13']) {
      expect(freeTextSigns(coded), coded).toEqual([]);
    }
    for (const date of ['ringede 12/3', 'ringede 31/12', 'fald 12.3. hjemme', 'd. 3-12-2024', 'ringede 12.03.2024']) expect(freeTextSigns(date), date).toContain('a date');
    expect(freeTextSigns('ring 2030 4050')).toEqual(['a long number (a phone number)']);
  });

  it('dates as SAS, Stata, Oracle and a Danish or English text write them are dates (the SAS explorer\'s "Died 17JUN2020")', () => {
    for (const note of ['Died 17JUN2020', 'Died 17jun2020', 'Died 17JUN20', 'Moved 17JUN2020:10:15:00', 'Moved 17jun2020 10:15:00', 'Died 17-JUN-2020', 'Døde 17. juni 2020', 'Døde 17. jun.', 'Died 17 June 2020', 'Died June 17, 2020', 'Died 2020-06-17', 'Died 2020-06-17T10:15']) {
      expect(freeTextSigns(note, 3), note).toEqual(['a date']);
    }
    for (const coded of ['Junior', 'Moved abroad', 'Septic shock', 'Marts-projektet', 'Decline', 'Janssen COVID-19 vaccine', 'Jun 2020']) expect(freeTextSigns(coded), coded).toEqual([]);
  });

  it('a long value several patients hold is a code; identifying signs count however many hold it', () => {
    expect(freeTextSigns('Ønsker ikke at deltage mere i forsøget', 4)).toEqual([]);
    expect(freeTextSigns('Ønsker ikke at deltage mere i forsøget', 1)).toEqual(['7 words']);
    expect(freeTextSigns('ring 20304050', 3)).toEqual(['a long number (a phone number)']);
  });
});

describe('adverse-event classes and terms', () => {
  const AE = { instrument: 'adverse_events', serious: 'ae_serious', term: 'ae_term' };
  const plan = parsePlan({ ...BASE, adverseEvents: AE });

  it('a whole-cell CPR number in the term of a REDCap instrument stops the run as in any other column, named by line and column, never quoted', () => {
    const text = trialCsv(undefined, (i) => (i === 2 ? '0101501234' : i < 5 ? 'Headache' : undefined));
    const err = thrown(() => loadTrial(parseCsvText(text, 'redcap.csv'), plan, { excludeInvalid: true }));
    expect(err.message).toMatch(/look like CPR numbers/);
    expect(err.problems!.map((p) => [p.line, p.column, p.field, p.kind])).toEqual([[7, 7, 'ae_term', 'cpr.ae_term']]);
    expect(JSON.stringify(err)).not.toMatch(/0101501234/);
  });

  it('a term that reads as a note about the patient is refused at its line, not quoted; coded terms are read', () => {
    const text = trialCsv(undefined, (i) => (i === 3 ? 'Udslæt, ring til Jens 20304050' : i < 5 ? 'Headache' : undefined));
    const err = thrown(() => loadTrial(parseCsvText(text, 'redcap.csv'), plan));
    expect(err.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[10, 7, 'adverse-events.free-text:term']]);
    expect(JSON.stringify(err)).not.toMatch(/Jens|20304050/);
    const ok = analyzeTrial(loadTrial(parseCsvText(trialCsv(undefined, (i) => (i < 5 ? 'Headache' : undefined)), 'redcap.csv'), plan), { version: 'test' });
    expect(ok.adverseEvents!.byClass.map((c) => c.term)).toEqual(['Headache']);
  });

  it('a term holding a SAS date is refused at its line, not quoted', () => {
    const text = trialCsv(undefined, (i) => (i === 3 ? 'Fall 17JUN2020' : i < 5 ? 'Headache' : undefined));
    const err = thrown(() => loadTrial(parseCsvText(text, 'redcap.csv'), plan));
    expect(err.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[10, 7, 'adverse-events.free-text:term']]);
    expect(JSON.stringify(err)).not.toMatch(/17JUN2020/);
  });

  it('official MedDRA system organ classes (English and Danish, up to nine words) are read, never refused by their words', () => {
    const trial = loadTrial(parseCsvText(trialCsv(), 'export.csv'), parsePlan({ ...BASE, adverseEvents: { file: 'ae.csv', soc: 'ae_soc', term: 'ae_term' } }));
    const socs = ['General disorders and administration site conditions', 'Neoplasms benign, malignant and unspecified (incl cysts and polyps)', 'Almene symptomer og reaktioner på administrationsstedet', 'Traumer, forgiftninger og behandlingskomplikationer'];
    const text = ['id,ae_soc,ae_term', ...socs.map((soc, k) => `P${k + 1},"${soc}",Headache`)].join('\n');
    const read = readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    expect(read.data.events.map((e) => e.soc)).toEqual(socs);
  });

  it('a term of six words or more is a note only when one patient alone has it', () => {
    const trial = loadTrial(parseCsvText(trialCsv(), 'export.csv'), parsePlan({ ...BASE, adverseEvents: { file: 'ae.csv', term: 'ae_term' } }));
    const read = (text: string) => readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    const shared = 'Infusion related reaction of the upper arm';
    expect(read(`id,ae_term\nP1,${shared}\nP2,${shared}`).data.events).toHaveLength(2);
    // Two events of one patient are still one holder.
    const one = thrown(() => read(`id,ae_term\nP1,${shared}\nP1,${shared}\nP2,Headache`));
    expect(one.problems!.map((p) => [p.line, p.kind])).toEqual([[2, 'adverse-events.free-text:term'], [3, 'adverse-events.free-text:term']]);
  });

  it('a listing: a CPR number in the class, a name in a term, each refused by line and column', () => {
    const trial = loadTrial(parseCsvText(trialCsv(), 'export.csv'), parsePlan({ ...BASE, adverseEvents: { file: 'ae.csv', soc: 'ae_soc', term: 'ae_term' } }));
    const listing = (soc: string, term: string) => `id,ae_soc,ae_term\nP1,Nervous system disorders,Headache\nP2,${soc},${term}`;
    const read = (text: string) => readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    expect(read(listing('Injury', 'Fall')).data.events).toHaveLength(2);
    const cpr = thrown(() => read(listing('010150-1234', 'Fall')));
    expect(cpr.message).toMatch(/look like CPR numbers/);
    expect(cpr.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[3, 2, 'cpr.ae_soc']]);
    const name = thrown(() => read(listing('Injury', 'Faldt på trappen hos datteren Mette')));
    expect(name.problems!.map((p) => [p.line, p.column, p.kind])).toEqual([[3, 3, 'adverse-events.free-text:term']]);
    expect(JSON.stringify([cpr, name])).not.toMatch(/010150|Mette/);
  });
});

describe('withdrawal reasons printed under their own names', () => {
  const reasons: Record<number, string> = { 5: 'Flyttet til Aarhus, se note fra Hanne Jensen', 12: 'Trak samtykke - ringede 12/3', 13: 'Døde (Poul Nielsen, 010150 1234)', 7: 'Ikke tid', 9: 'Ikke tid', 14: 'Mangler tid' };
  const reason = (i: number) => reasons[i] ?? '';

  it('free text is pooled under one label and said on stderr by line; coded reasons keep their names', () => {
    const trial = loadTrial(parseCsvText(trialCsv(reason), 'trial.csv'), parsePlan(BASE));
    const flow = analyzeTrial(trial, { version: 'test' }).flow!.losses!;
    expect(flow.intervention.map((l) => [l.value, l.label.en, l.label.da, l.n])).toEqual([
      ['Ikke tid', 'Ikke tid', 'Ikke tid', 2],
      ['', 'Other reason (free text, not shown)', 'Anden årsag (fritekst, ikke vist)', 2],
    ]);
    expect(flow.control.map((l) => [l.value, l.label.en, l.n])).toEqual([
      ['Mangler tid', 'Mangler tid', 1],
      ['', 'Other reason (free text, not shown)', 1],
    ]);
    expect(JSON.stringify(flow)).not.toMatch(/Hanne|Poul|1234|ringede/);
    // Also apart, for `hta report`, which prints no other read note (trial-report.ts).
    const note = trial.freeTextNote!;
    expect(trial.readNotes).toContain(note);
    // Lines: a patient without a reason has two rows, one with a reason one: P5's is line 10, P12's 21, P13's 22.
    expect(note).toMatch(/^trial\.csv: 3 withdrawal reasons in "withdrawal_reason" \(lines 10, 21–22\) read as free text/);
    expect(note).not.toMatch(/Hanne|Poul|1234|ringede/);
  });

  it('a long reason several patients gave is printed under its name; the same words held by one, or a phone number held by several, are pooled', () => {
    const shared = 'Ønsker ikke at deltage mere i forsøget';
    const byPatient: Record<number, string> = { 2: shared, 3: shared, 4: shared, 5: shared, 6: 'ring 20304050', 8: 'ring 20304050', 10: 'Ønsker ikke at deltage mere i projektet' };
    const trial = loadTrial(parseCsvText(trialCsv((i) => byPatient[i] ?? ''), 'trial.csv'), parsePlan(BASE));
    const flow = analyzeTrial(trial, { version: 'test' }).flow!.losses!;
    expect(flow.control.map((l) => [l.label.da, l.n])).toEqual([
      [shared, 2],
      ['Anden årsag (fritekst, ikke vist)', 3],
    ]);
    expect(flow.intervention.map((l) => [l.label.da, l.n])).toEqual([[shared, 2]]);
    expect(trial.freeTextNote).toMatch(/ 3 withdrawal reasons in "withdrawal_reason" \(lines 8, 11, 14\)/);
  });

  it('a reason holding a date as SAS writes one (DATE9., DATETIME20.) or in Danish words is pooled, never printed', () => {
    const dated: Record<number, string> = { 3: 'Died 17JUN2020', 4: 'Moved 05MAR2020:14:22:05', 6: 'Døde 17. juni 2020', 7: 'Ikke tid', 9: 'Ikke tid' };
    const trial = loadTrial(parseCsvText(trialCsv((i) => dated[i] ?? ''), 'trial.csv'), parsePlan(BASE));
    const flow = analyzeTrial(trial, { version: 'test' }).flow!.losses!;
    expect([...flow.intervention, ...flow.control].map((l) => [l.label.en, l.n])).toEqual([['Ikke tid', 2], ['Other reason (free text, not shown)', 1], ['Other reason (free text, not shown)', 2]]);
    expect(JSON.stringify(flow)).not.toMatch(/JUN|MAR|juni|Died|Døde|Moved/);
    expect(trial.freeTextNote).toMatch(/ 3 withdrawal reasons in "withdrawal_reason"/);
  });

  it('with "flow.withdrawalReasons" the plan\'s labels are printed and nothing is pooled', () => {
    const plan = parsePlan({ ...BASE, flow: { withdrawalReasons: Object.fromEntries(Object.values(reasons).map((r) => [r, { kind: 'lost-to-follow-up', label: r.length > 12 ? 'Other' : r }])) } });
    const trial = loadTrial(parseCsvText(trialCsv(reason), 'trial.csv'), plan);
    const flow = analyzeTrial(trial, { version: 'test' }).flow!.losses!;
    expect(flow.control.map((l) => [l.label.en, l.n])).toEqual([['Other', 1], ['Mangler tid', 1]]);
    expect(trial.readNotes?.some((n) => n.includes('free text')) ?? false).toBe(false);
  });
});

describe('a cell quoting a patient id', () => {
  it('is quoted in a problem with every id of the file written [id], other words kept (--exclude-invalid too)', () => {
    const text = trialCsv().replace(/^P4,usual,3m,\d+,/m, 'P4,usual,3m,P13 kunne ikke svare,');
    const err = thrown(() => loadTrial(parseCsvText(text, 'trial.csv'), parsePlan(BASE)));
    expect(err.problems!.map((p) => [p.line, p.column, p.value])).toEqual([[9, 4, '[id] kunne ikke svare']]);
    expect(JSON.stringify(err)).not.toMatch(/P13/);
    const kept = loadTrial(parseCsvText(text, 'trial.csv'), parsePlan(BASE), { excludeInvalid: true });
    expect(JSON.stringify(kept.excluded)).not.toMatch(/P13/);
  });
});

describe('patient ids inside quoted values', () => {
  const keys = new Set(['P13', 'SB-1007', '1001', '1002', '1009'].map(idKey));
  it('are masked with letter and digit boundaries only, a hyphenated id whole, a number with decimals never', () => {
    const cases: [string, string][] = [
      ['1001-svarede', '[id]-svarede'],
      ['P13_note', '[id]_note'],
      ['(P13)', '([id])'],
      ['SB-1007 nej', '[id] nej'],
      ['pt.P13 ringede', 'pt.[id] ringede'],
      ['1009,5', '1009,5'],
      ['1002.5 kg', '1002.5 kg'],
      ['ID1001 ringede', 'ID1001 ringede'],
      ['se 1001', 'se [id]'],
    ];
    for (const [value, masked] of cases) expect(withoutPatientIds(value, keys), value).toBe(masked);
  });

  it('an adverse-event listing quotes a cell without the id of a patient it names', () => {
    const trial = loadTrial(parseCsvText(trialCsv(), 'export.csv'), parsePlan({ ...BASE, adverseEvents: { file: 'ae.csv', serious: 'ae_serious', term: 'ae_term' } }));
    const err = thrown(() => readEventListing(parseCsvText('id,ae_serious,ae_term\nP1,P13 ringede,Headache', 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys));
    expect(err.problems!.map((p) => [p.line, p.value])).toEqual([[2, '[id] ringede']]);
  });

  it('a REDCap instrument\'s event rows too', () => {
    const text = trialCsv(undefined, (i) => (i < 3 ? 'Headache' : undefined)).replace('adverse_events,"Headache",Nej', 'adverse_events,"Headache",P13 ringede');
    const err = thrown(() => loadTrial(parseCsvText(text, 'redcap.csv'), parsePlan({ ...BASE, adverseEvents: { instrument: 'adverse_events', serious: 'ae_serious', term: 'ae_term' } })));
    expect(err.problems!.map((p) => p.value)).toEqual(['[id] ringede']);
  });
});

describe('e-mail addresses as patient ids', () => {
  it('get the note CPR-shaped ids get, never quoting one', () => {
    const text = trialCsv().replace(/^P(\d+),/gm, 'patient$1@example.dk,');
    const trial = loadTrial(parseCsvText(text, 'trial.csv'), parsePlan(BASE));
    expect(trial.idNote).toMatch(/^trial\.csv: the patient ids in column "id" are e-mail addresses \(all 20 ids\)\. .*replace them with study numbers/);
    expect(trial.readNotes).toContain(trial.idNote);
    expect(trial.idNote).not.toMatch(/example/);
  });
});
