/**
 * Adverse events from a REDCap repeating instrument (the plan's "adverseEvents";
 * docs/plan-trial.md#adverse-events). Asked for by the council; a trial manager's REDCap export
 * had 48 event rows that hta only said it did not read, and the joined per-patient export gave
 * 18/19 "serious" where the trial had 8/30 against 6/30.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadTrialInputs } from '../../src/cli/load-inputs.js';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { effectsCsv } from '../../src/analysis/effects-csv.js';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { patientLookup, readEventListing } from '../../src/trial/adverse-events.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { adverseEventsByClassCaption, adverseEventsByClassTable, adverseEventsNotes, adverseEventsTable } from '../../src/report/adverse-events-table.js';
import { adverseEventSummary } from '../../src/analysis/adverse-event-summary.js';
import { withInputRecord } from '../../src/analysis/input-record.js';
import { formatExclusion, summarizeExclusion } from '../../src/trial/exclusion-summary.js';

const HEADER = 'record_id,redcap_event_name,redcap_repeat_instrument,redcap_repeat_instance,gruppe,rmdq,ae_term,ae_serious,ae_related';
const N = 30;
/** Serious events: patients 1–8 of the App arm (odd ids) and 1–6 of usual care (even ids); patient 1 has a second, not serious event. */
function redcapExport(seriousCell: (k: number) => string = (k) => (k < 8 ? '1' : '0')): string {
  const lines = [HEADER];
  for (let i = 1; i <= 2 * N; i++) {
    const app = i % 2 === 1;
    lines.push(`${i},baseline_arm_1,,,${app ? 1 : 2},${8 + (i % 5)},,,`);
    lines.push(`${i},3_months_arm_1,,,,${6 + (i % 4)},,,`);
    const k = Math.floor((i - 1) / 2); // 0.. within the arm
    const serious = app ? k < 8 : k < 6;
    // Patients 1–12 of each arm have an event; the first `serious` of them a serious one.
    if (k < 12) lines.push(`${i},3_months_arm_1,adverse_events,1,,,Hovedpine,${serious ? seriousCell(k) : '0'},${k % 3 === 0 ? 'Ja' : k % 3 === 1 ? 'Nej' : 'Ved ikke'}`);
    if (i === 1) lines.push(`${i},3_months_arm_1,adverse_events,2,,,Kvalme,0,Nej`);
  }
  return lines.join('\n');
}

const BASE = {
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'gruppe' },
  timeLabels: { baseline_arm_1: 'baseline', '3_months_arm_1': '3m' },
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
  methods: ['welch'],
  missing: { sensitivity: false },
};
const AE = { instrument: 'adverse_events', serious: 'ae_serious', related: 'ae_related', term: 'ae_term' };

const analyse = (text: string, plan: Record<string, unknown> = { ...BASE, adverseEvents: AE }, exclude = false) =>
  analyzeTrial(loadTrial(parseCsvText(text, 'redcap.csv'), parsePlan(plan), { excludeInvalid: exclude }), { version: 'test' });

describe('adverse events from a REDCap repeating instrument', () => {
  const ae = analyse(redcapExport()).adverseEvents!;

  it('counts patients with an event, a serious and a related event over the patients randomised', () => {
    expect(ae.denominator).toBe('randomised');
    expect(ae.randomised).toEqual({ intervention: 30, control: 30 });
    const [any, serious, related] = ae.rows;
    expect(any).toMatchObject({ kind: 'any', patients: { intervention: 12, control: 12 }, events: { intervention: 13, control: 12 } });
    expect(serious).toMatchObject({ kind: 'serious', patients: { intervention: 8, control: 6 }, events: { intervention: 8, control: 6 } });
    // Checked by hand against R: p1 = 8/30, p2 = 6/30; prop.test(8, 30, correct = FALSE)$conf.int and
    // prop.test(6, 30, …) give the Wilson limits, Newcombe's hybrid combines them:
    // RD 0.0666667 (−0.1467197 to 0.2731412), prop.test(c(8, 6), c(30, 30), correct = FALSE)$p.value 0.5415520.
    expect(serious!.difference).toBeCloseTo(2 / 30, 12);
    expect(serious!.ciLower).toBeCloseTo(-0.146719712447305, 9);
    expect(serious!.ciUpper).toBeCloseTo(0.273141175565834, 9);
    expect(serious!.pValue).toBeCloseTo(0.541552036425603, 9);
    // "Ved ikke" is unknown, never no: those patients are counted apart, not as without a related event.
    // App: k = 0..11 → Ja at k ≡ 0 (4 patients, + patient 1's second event is Nej), Ved ikke at k ≡ 2 (4).
    expect(related).toMatchObject({ kind: 'related', patients: { intervention: 4, control: 4 }, unknownPatients: { intervention: 4, control: 4 }, unknownEvents: { intervention: 4, control: 4 } });
  });

  it('hta analyze --csv writes a row per kind: patients with an event per arm, over the randomised, and the risk difference', () => {
    const [header, rows] = effectsCsv(analyse(redcapExport()));
    const col = (name: string) => header.indexOf(name);
    const aeRows = rows.filter((r) => r[col('set')] === 'adverse-events');
    expect(aeRows.map((r) => r[col('outcome')])).toEqual(['any', 'serious', 'related']);
    const serious = aeRows[1]!;
    expect([serious[col('patientsWithEvent.intervention')], serious[col('patientsWithEvent.control')]]).toEqual([8, 6]);
    expect([serious[col('n.intervention')], serious[col('n.control')]]).toEqual([30, 30]);
    expect(serious[col('label')]).toBe('Patients with ≥ 1 serious adverse event');
    expect(serious[col('method')]).toBe('risk-difference');
    // The values checked against R above: RD 2/30 (−0.1467197 to 0.2731412), p 0.5415520.
    expect(serious[col('difference')] as number).toBeCloseTo(2 / 30, 12);
    expect(serious[col('ciLower')] as number).toBeCloseTo(-0.146719712447305, 9);
    expect(serious[col('ciUpper')] as number).toBeCloseTo(0.273141175565834, 9);
    expect(serious[col('pValue')] as number).toBeCloseTo(0.541552036425603, 9);
    expect([aeRows[0]![col('patientsWithEvent.intervention')], aeRows[2]![col('patientsWithEvent.control')]]).toEqual([12, 4]);
    // Judged cells do not apply to them; the other rows leave the event columns empty.
    expect([serious[col('time')], serious[col('mcid')], serious[col('relevance')]]).toEqual([undefined, undefined, undefined]);
    expect(rows.filter((r) => r[col('set')] === 'trial').every((r) => r[col('patientsWithEvent.intervention')] === null)).toBe(true);
    // Without "adverseEvents" in the plan: no such rows.
    const none = effectsCsv(analyse(redcapExport(), BASE));
    expect(none[1].some((r) => r[col('set')] === 'adverse-events')).toBe(false);
  });

  it('gives the numbers of a per-patient 0/1 flag analysed as a yes/no outcome', () => {
    // The same patients as one row per patient and visit with a "sae" flag (1: at least one serious event, 0: none).
    const lines = ['id,arm,time,rmdq,sae'];
    for (let i = 1; i <= 2 * N; i++) {
      const app = i % 2 === 1;
      const k = Math.floor((i - 1) / 2);
      lines.push(`${i},${app ? 1 : 2},baseline,${8 + (i % 5)},`, `${i},${app ? 1 : 2},3m,${6 + (i % 4)},${(app ? k < 8 : k < 6) ? 1 : 0}`);
    }
    const flags = analyzeTrial(loadTrial(parseCsvText(lines.join('\n'), 'flags.csv'), parsePlan({ arms: BASE.arms, timepoints: ['3m'], outcomes: [{ key: 'sae', instrument: 'binary', direction: 'lower-is-better' }], methods: ['welch'], missing: { sensitivity: false } })), { version: 'test' });
    const row = flags.effects.find((e) => e.outcome === 'sae' && e.method === 'risk-difference')!;
    const serious = ae.rows.find((r) => r.kind === 'serious')!;
    expect(row.n).toEqual(ae.randomised);
    expect(row.risks).toMatchObject({ eventsIntervention: serious.patients.intervention, eventsControl: serious.patients.control });
    expect([serious.difference, serious.ciLower, serious.ciUpper, serious.pValue, serious.ciMethod]).toEqual([row.difference, row.ciLower, row.ciUpper, row.pValue, row.ciMethod]);
  });

  it('the report\'s table and notes, in English and in Danish (the glossary\'s "uønskede hændelser")', () => {
    const en = adverseEventsTable(ae, 'en');
    expect(en.rows[1]).toEqual(['Patients with ≥ 1 serious adverse event', '8/30 (26.7%)', '6/30 (20.0%)', '6.7 pp (−14.7 to 27.3)', '0.542']);
    expect(en.rows[3]).toEqual(['Adverse events (number)', '13', '12', '', '']);
    const da = adverseEventsTable(ae, 'da');
    expect(da.rows.map((r) => r[0])).toEqual(['Patienter med ≥ 1 uønsket hændelse', 'Patienter med ≥ 1 alvorlig uønsket hændelse', 'Patienter med ≥ 1 uønsket hændelse relateret til interventionen', 'Uønskede hændelser (antal)']);
    expect(da.rows[1]!.slice(1)).toEqual(['8/30 (26,7 %)', '6/30 (20,0 %)', '6,7 %-point (−14,7 til 27,3)', '0,542']);
    const notes = adverseEventsNotes(ae, 'en');
    expect(notes[0]).toContain('Shares of all patients randomised (intention to treat)');
    expect(notes[1]).toBe("8 events of unknown relatedness (a don't-know answer, a missing-value code or an empty cell) are not counted as related; 8 patients (App + usual care 4, Usual care 4) had only such events, so the share may be too low.");
    expect(adverseEventsNotes(ae, 'da')[1]).toBe('8 hændelser med ukendt relation til interventionen (ved ikke, en kode for manglende værdi eller tom celle) tælles ikke som relaterede; 8 patienter (App + vanlig behandling 4, Vanlig behandling 4) havde kun sådanne, så andelen kan være for lav.');
  });

  it('--exclude-invalid leaving out every row of a patient (a bad score) keeps them randomised, their events counted', () => {
    // Patient 1 (App: a serious event and a second one) has an RMDQ of 99 on both visit rows.
    const text = redcapExport().replace('\n1,baseline_arm_1,,,1,9,,,', '\n1,baseline_arm_1,,,1,99,,,').replace('\n1,3_months_arm_1,,,,7,,,', '\n1,3_months_arm_1,,,,99,,,');
    expect(text).not.toBe(redcapExport());
    const trial = loadTrial(parseCsvText(text, 'redcap.csv'), parsePlan({ ...BASE, adverseEvents: AE }), { excludeInvalid: true });
    const result = withInputRecord(analyzeTrial(trial, { version: 'test' }), trial);
    expect(result.input.excluded).toMatchObject({ rows: 2, randomisedWithoutRows: 1 });
    expect(formatExclusion(summarizeExclusion(trial.excluded!, 'record_id')).at(-1)).toBe('1 patient with every row excluded stays randomised: counted in the participant flow and the adverse events, with no outcome value');
    expect(result.input.patients).toEqual({ intervention: 30, control: 30 });
    expect(result.adverseEvents!.randomised).toEqual({ intervention: 30, control: 30 });
    expect(result.adverseEvents!.rows).toEqual(ae.rows);
    expect(result.adverseEvents!.outside).toBe(0);
    // The outcome has no value of theirs: 29 App patients at 3 months.
    expect(result.effects.find((e) => e.outcome === 'rmdq')!.n).toEqual({ intervention: 29, control: 30 });
    // An arm switch leaves the arm unknown: such a patient is not kept.
    const switched = text.replace('\n1,3_months_arm_1,,,,99,,,', '\n1,3_months_arm_1,,,2,99,,,');
    const s = loadTrial(parseCsvText(switched, 'redcap.csv'), parsePlan({ ...BASE, adverseEvents: AE }), { excludeInvalid: true });
    expect(s.patients).toHaveLength(59);
    expect(s.excluded!.randomisedWithoutRows).toBeUndefined();
  });

  it('an event of unknown seriousness whose patient also had a serious one leaves the share unaffected, in the singular (Danish agreement too)', () => {
    // Patient 1 (App) has a serious event; their second event's seriousness is not known ("UNKNOWN", not "Ved ikke").
    const serious = analyse(redcapExport().replace(',Kvalme,0,Nej', ',Kvalme,UNKNOWN,Nej')).adverseEvents!;
    expect(serious.rows[1]).toMatchObject({ unknownEvents: { intervention: 1, control: 0 }, unknownPatients: { intervention: 0, control: 0 } });
    expect(adverseEventsNotes(serious, 'en')[1]).toBe("1 event of unknown seriousness (a don't-know answer, a missing-value code or an empty cell) is not counted as serious; every patient with one also had a serious event, so the share is unaffected.");
    expect(adverseEventsNotes(serious, 'da')[1]).toBe('1 hændelse med ukendt alvorlighed (ved ikke, en kode for manglende værdi eller tom celle) tælles ikke som alvorlig; alle patienter med en sådan havde også en alvorlig hændelse, så andelen påvirkes ikke.');
  });

  it('counts in the notes are formatted as numbers are, and "row" agrees with its count', () => {
    const big = { ...ae, outside: 1, rows: ae.rows.map((r) => (r.kind === 'related' ? { ...r, unknownEvents: { intervention: 700, control: 600 }, unknownPatients: { intervention: 1000, control: 200 } } : r)) };
    const [en, da] = [adverseEventsNotes(big, 'en'), adverseEventsNotes(big, 'da')];
    expect(en[1]).toMatch(/^1,300 events .*; 1,200 patients \(App \+ usual care 1,000, Usual care 200\)/);
    expect(da[1]).toMatch(/^1\.300 hændelser .*; 1\.200 patienter \(App \+ vanlig behandling 1\.000, Vanlig behandling 200\)/);
    expect(en[2]).toBe('1 event row of records outside the comparison is not counted.');
    expect(da[2]).toBe('1 hændelsesrække for poster uden for sammenligningen tælles ikke.');
    expect(adverseEventsNotes({ ...ae, outside: 2 }, 'da').at(-1)).toBe('2 hændelsesrækker for poster uden for sammenligningen tælles ikke.');
  });

  it('no p value when neither arm had a serious event (χ² is 0/0, R prop.test gives NaN): the table prints "—"', () => {
    const none = analyse(redcapExport(() => '0')).adverseEvents!;
    const serious = none.rows.find((r) => r.kind === 'serious')!;
    expect(serious.patients).toEqual({ intervention: 0, control: 0 });
    expect(serious.pValue).toBeNull();
    expect(adverseEventsTable(none, 'en').rows[1]![4]).toBe('—');
    expect(none.rows[0]!.pValue).not.toBeNull(); // 12/30 against 12/30 with an event: a p (of 1)
    // Every patient of both arms with a serious event: no p either.
    const events = [0, 1, 2, 3].map((patient) => ({ patient, arm: patient < 2 ? ('intervention' as const) : ('control' as const), serious: 1 as const }));
    const all = adverseEventSummary({ spec: { instrument: 'ae', serious: 'ae_serious' }, events, outside: 0 }, { intervention: 2, control: 2 }, 0.95);
    expect(all.rows.map((r) => r.pValue)).toEqual([null, null]);
  });

  it('events by system organ class: Danish "Systemorganklasse" (MedDRA\'s term, docs/glossary-da.md)', () => {
    const withSoc = { ...ae, byClass: [{ soc: 'Nervous system disorders', term: null, patients: { intervention: 1, control: 0 }, events: { intervention: 1, control: 0 } }, ...ae.byClass.map((c) => ({ ...c, soc: 'Nervous system disorders' }))] };
    expect(adverseEventsByClassTable(withSoc, 'da')!.header[0]).toBe('Systemorganklasse / term');
    expect(adverseEventsByClassCaption(withSoc, 'da')).toBe('Uønskede hændelser efter systemorganklasse og term');
  });

  it('events by term per arm', () => {
    expect(ae.byClass).toEqual([
      { soc: null, term: 'Hovedpine', patients: { intervention: 12, control: 12 }, events: { intervention: 12, control: 12 } },
      { soc: null, term: 'Kvalme', patients: { intervention: 1, control: 0 }, events: { intervention: 1, control: 0 } },
    ]);
  });

  it('reads the plan\'s "columnCodes" (1 = yes, 2 = no, 3 = unknown) as for other columns', () => {
    const coded = redcapExport((k) => (k < 2 ? '3' : '1')).replace(/,adverse_events,(\d),,,(\w+),0,/g, ',adverse_events,$1,,,$2,2,');
    const r = analyse(coded, { ...BASE, adverseEvents: AE, columnCodes: { ae_serious: { answers: { '1': 1, '2': 0 }, missing: ['3'] } } }).adverseEvents!.rows[1]!;
    expect(r).toMatchObject({ patients: { intervention: 6, control: 4 }, unknownPatients: { intervention: 2, control: 2 } });
  });

  it('a code the plan counts as related ("Muligvis" → 1) is said under the table, in results.json and in validate\'s recoded list', () => {
    const text = redcapExport().replace(/,Ved ikke$/gm, ',Muligvis');
    const plan = { ...BASE, adverseEvents: AE, columnCodes: { ae_related: { answers: { Ja: 1, Muligvis: 1, Nej: 0 } } } };
    const trial = loadTrial(parseCsvText(text, 'redcap.csv'), parsePlan(plan));
    const ae = analyzeTrial(trial, { version: 'test' }).adverseEvents!;
    expect(ae.rows[2]).toMatchObject({ kind: 'related', patients: { intervention: 8, control: 8 } });
    expect(ae.recoded).toEqual([
      { kind: 'related', column: 'ae_related', code: 'Ja', to: 1, events: 8 },
      { kind: 'related', column: 'ae_related', code: 'Nej', to: 0, events: 9 },
      { kind: 'related', column: 'ae_related', code: 'Muligvis', to: 1, events: 8 },
    ]);
    expect(adverseEventsNotes(ae, 'en')).toContain('Counted as related to the intervention, as the plan\'s "columnCodes" say: "Ja" (8 events), "Muligvis" (8 events).');
    expect(adverseEventsNotes(ae, 'da')).toContain('Tælles som relateret til interventionen, som planens "columnCodes" angiver: "Ja" (8 hændelser), "Muligvis" (8 hændelser).');
    // validate prints the export's recodes (input.recoded of analyze --json): the instrument's column among them.
    expect(trial.recoded.filter((r) => r.column === 'ae_related')).toEqual([{ column: 'ae_related', code: 'Ja', to: 1, count: 8 }, { column: 'ae_related', code: 'Nej', to: 0, count: 9 }, { column: 'ae_related', code: 'Muligvis', to: 1, count: 8 }]);
    // Without codes for the column nothing is listed (plain Ja/Nej words are read as such).
    expect(analyse(redcapExport()).adverseEvents!.recoded).toBeUndefined();
  });

  it.each([false, true])('an event\'s cell read as neither yes, no nor unknown stops the run (exclude-invalid %s)', (exclude) => {
    const bad = redcapExport((k) => (k === 3 ? 'maybe' : '1'));
    let err: unknown;
    try {
      analyse(bad, undefined, exclude);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const p = (err as HtaError).problems;
    expect(p.map((x) => [x.column, x.field, x.value, x.kind])).toEqual([
      [8, 'ae_serious', 'maybe', 'adverse-events.code:serious'],
      [8, 'ae_serious', 'maybe', 'adverse-events.code:serious'],
    ]);
    expect(p[0]!.expected).toContain('"Ved ikke"');
  });

  it('a column the plan names that the export lacks, or a wide export, is a header problem', () => {
    expect(() => analyse(redcapExport(), { ...BASE, adverseEvents: { ...AE, soc: 'ae_soc' } })).toThrow(/has 1 problem/);
    const wide = ['record_id,gruppe,rmdq_baseline,rmdq_3m', '1,1,8,7', '2,2,9,9'].join('\n');
    expect(() => analyse(wide, { ...BASE, columns: { id: 'record_id', arm: 'gruppe' }, timeLabels: {}, adverseEvents: AE })).toThrow(HtaError);
  });

  it('an instrument with no row in the export (a name written otherwise) is said in a note, naming the file\'s instruments', () => {
    const t = loadTrial(parseCsvText(redcapExport(), 'redcap.csv'), parsePlan({ ...BASE, adverseEvents: { ...AE, instrument: 'adverse_event' } }));
    expect(t.readNotes).toContain('redcap.csv: no row of the repeating instrument "adverse_event" of the plan\'s "adverseEvents" (the file\'s repeating instruments are "adverse_events"): no adverse event is counted — check the instrument\'s name if the trial had events');
    expect(t.adverseEvents?.events).toEqual([]);
  });

  it('validate and analyze say how many rows were read as events', () => {
    const t = loadTrial(parseCsvText(redcapExport(), 'redcap.csv'), parsePlan({ ...BASE, adverseEvents: AE }));
    expect(t.readNotes).toContain('redcap.csv: 25 rows of REDCap repeating instrument "adverse_events" read as adverse events, one event each (the plan\'s "adverseEvents")');
    expect(t.passedOver).toBeUndefined();
  });

  it('(c) an instrument row with every cell empty is an event: REDCap writes a repeating-instrument row only when an event was entered', () => {
    const more = analyse(`${redcapExport()}\n25,3_months_arm_1,adverse_events,1,,,,,`).adverseEvents!;
    expect(more.rows[0]).toMatchObject({ kind: 'any', patients: { intervention: 13, control: 12 }, events: { intervention: 14, control: 12 } });
    expect(more.noEventRows).toBeUndefined();
  });

  it('without "adverseEvents" the event rows stay rows not read, and the results have no such section', () => {
    const t = loadTrial(parseCsvText(redcapExport(), 'redcap.csv'), parsePlan(BASE));
    expect(t.passedOver?.rows).toBe(25);
    expect(analyzeTrial(t, { version: 'test' }).adverseEvents).toBeUndefined();
  });
});

describe('adverse events from a separate listing (one row per event, the export\'s ids)', () => {
  // The instrument's rows as a listing of their own (semicolons, Castor's id header), and the export without them.
  const rows = redcapExport().split('\n');
  const listing = ['Participant Id;ae_term;ae_serious;ae_related', ...rows.filter((l) => l.includes(',adverse_events,')).map((l) => { const c = l.split(','); return [c[0], c[6], c[7], c[8]].join(';'); })].join('\n');
  const exportOnly = rows.filter((l) => !l.includes(',adverse_events,')).join('\n');
  const spec = { file: 'ae.csv', id: 'Participant Id', serious: 'ae_serious', related: 'ae_related', term: 'ae_term' };
  const read = (text: string, extra: Record<string, unknown> = {}) => {
    const trial = loadTrial(parseCsvText(exportOnly, 'export.csv'), parsePlan({ ...BASE, adverseEvents: { ...spec, ...extra } }));
    const { data } = readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients));
    trial.adverseEvents = data;
    return analyzeTrial(trial, { version: 'test' }).adverseEvents!;
  };

  it('gives the numbers the instrument gives', () => {
    const fromInstrument = analyse(redcapExport()).adverseEvents!;
    const fromListing = read(listing);
    expect(fromListing.file).toBe('ae.csv');
    expect(fromListing.rows).toEqual(fromInstrument.rows);
    expect(fromListing.byClass).toEqual(fromInstrument.byClass);
  });
  it('says how many rows were read and how many are of no patient compared, in the instrument\'s words', () => {
    // Patient 999 is of a third arm, not compared: in the export, so its event is counted apart, not refused.
    const trial = loadTrial(parseCsvText(`${exportOnly}\n999,baseline_arm_1,,,3,5,,,`, 'export.csv'), parsePlan({ ...BASE, otherArms: ['3'], adverseEvents: spec }));
    const { notes } = readEventListing(parseCsvText(`${listing}\n999;Kvalme;0;Nej`, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    expect(notes).toEqual([
      'ae.csv: 26 rows read as adverse events, one event each (the plan\'s "adverseEvents")',
      'ae.csv: 1 adverse-event row is of records not among the patients compared (another arm, never randomised, left out as invalid): not counted',
    ]);
  });
  it('an event of an id no row of the export has is refused at its line, the id not quoted (a safety count would be lost)', () => {
    const trial = loadTrial(parseCsvText(exportOnly, 'export.csv'), parsePlan({ ...BASE, adverseEvents: spec }));
    const text = `${listing}\n999;Kvalme;1;Ja\nP61;Kvalme;0;Nej`;
    let err: unknown;
    try {
      readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const problems = (err as HtaError).problems!;
    expect(problems.map((p) => [p.line, p.column, p.field, p.kind])).toEqual([[27, 1, 'Participant Id', 'adverse-events.unknown-id'], [28, 1, 'Participant Id', 'adverse-events.unknown-id']]);
    expect(JSON.stringify(err)).not.toMatch(/999|P61/);
    expect((err as HtaError).message).toMatch(/2 adverse-event rows name patients the export does not have; nothing was written/);
    // Said without an empty value's look: the id is named as not quoted.
    expect(problems[0]!.expected).toMatch(/^a patient of the export: the id in "Participant Id" \(not quoted here\) is on no row of the export/);
    // With --exclude-invalid (a listing holding screen failures' events): left out, said by count and lines, no id.
    const { data, notes } = readEventListing(parseCsvText(text, 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys, true);
    expect(data.events).toHaveLength(25);
    expect(notes).toEqual([
      'ae.csv: 25 rows read as adverse events, one event each (the plan\'s "adverseEvents")',
      'ae.csv: 2 adverse-event rows name patients the export does not have (lines 27–28): left out (--exclude-invalid), not counted as events',
    ]);
    expect(JSON.stringify(notes)).not.toMatch(/999|P61/);
  });
  it('a listing of every patient, blank for those without events, counts no event for the blank rows and says how many', () => {
    // Every patient of the export on a row; those without an event with class, term, seriousness and relatedness empty.
    const withEvent = new Set(listing.split('\n').slice(1).map((l) => l.split(';')[0]));
    const blanks = Array.from({ length: 2 * N }, (_, k) => String(k + 1)).filter((id) => !withEvent.has(id)).map((id) => `${id};;;`);
    const fromListing = read(listing);
    const trial = loadTrial(parseCsvText(exportOnly, 'export.csv'), parsePlan({ ...BASE, adverseEvents: spec }));
    const { data, notes } = readEventListing(parseCsvText([listing, ...blanks].join('\n'), 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    trial.adverseEvents = data;
    const all = analyzeTrial(trial, { version: 'test' }).adverseEvents!;
    expect(blanks).toHaveLength(36);
    expect(all.rows).toEqual(fromListing.rows);
    expect(all.byClass).toEqual(fromListing.byClass);
    expect(all.noEventRows).toBe(36);
    expect(notes[1]).toBe('ae.csv: 36 rows with every cell but the id empty name no event (a listing of every patient, blank for those without events): not counted as events');
    expect(adverseEventsNotes(all, 'en')).toContain('36 rows with every cell but the id empty name no event (a listing of every patient, blank for those without events) and are not counted as events.');
    expect(adverseEventsNotes(all, 'da')).toContain('36 rækker, hvor alle celler undtagen patient-id er tomme, angiver ingen hændelse (en liste over alle patienter med tomme celler for dem uden hændelser) og tælles ikke som hændelser.');
    // A row with only its seriousness given is an event (of no known term): counted.
    const { data: one } = readEventListing(parseCsvText([listing, '2;;1;'].join('\n'), 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
    expect(one.events).toHaveLength(26);
    expect(one.noEventRows).toBe(0);
  });

  it('a row with a detail missing is an event, never "no event": "Ved ikke" or a missing-value code, a date only, an empty row beside the patient\'s events', () => {
    // Patients 25 and 27 (App) and 26 (usual care) have no event in the listing; 2 (usual care) has one.
    const withDate = (l: string) => `${l};${l.startsWith('Participant') ? 'Startdato' : ''}`;
    const base = listing.split('\n').map(withDate);
    const readRows = (extra: string[], plan: Record<string, unknown> = {}) => {
      const trial = loadTrial(parseCsvText(exportOnly, 'export.csv'), parsePlan({ ...BASE, ...plan, adverseEvents: spec }));
      const { data } = readEventListing(parseCsvText([...base, ...extra].join('\n'), 'ae.csv'), { ...trial.plan, adverseEvents: trial.plan.adverseEvents! }, patientLookup(trial.patients), trial.exportIdKeys);
      return data;
    };
    // (a) Seriousness "Ved ikke", relatedness a plan missing-value code: an event of unknown seriousness and relatedness.
    const unknown = readRows(['25;;Ved ikke;99;'], { missingCodes: ['99'] });
    expect(unknown.events).toHaveLength(26);
    expect(unknown.events.at(-1)).toMatchObject({ arm: 'intervention', serious: null, related: null, term: null });
    expect(unknown.noEventRows).toBe(0);
    // (b) Only a start date: an event of unknown term; an empty row of patient 2, who has an event, too;
    // an empty row of patient 26, who has none, is no event.
    const partial = readRows(['27;;;;10-01-2025', '2;;;;', '26;;;;']);
    expect(partial.events).toHaveLength(27);
    expect(partial.events.filter((e) => e.term === null).map((e) => e.arm)).toEqual(['intervention', 'control']);
    expect(partial.noEventRows).toBe(1);
  });

  it('a listing whose ids name no patient of the export, or without its id column, is refused', () => {
    expect(() => read(listing.replace(/\n(\d+);/g, '\nBA-$1;'))).toThrow(/no id of the listing \(column "Participant Id"\) is a patient of the export/);
    expect(() => read(listing, { id: 'USUBJID' })).toThrow(HtaError);
  });
  it('the CLI reads the listing relative to the plan\'s folder, and refuses an absolute path', () => {
    const dir = mkdtempSync(join(tmpdir(), 'hta-ae-'));
    try {
      mkdirSync(join(dir, 'plans'));
      writeFileSync(join(dir, 'export.csv'), exportOnly);
      writeFileSync(join(dir, 'ae.csv'), listing);
      writeFileSync(join(dir, 'plans', 'plan.json'), JSON.stringify({ ...BASE, adverseEvents: { ...spec, file: '../ae.csv' } }));
      const { trial } = loadTrialInputs(join(dir, 'export.csv'), join(dir, 'plans', 'plan.json'));
      expect(trial.adverseEvents?.events).toHaveLength(25);
      writeFileSync(join(dir, 'plans', 'abs.json'), JSON.stringify({ ...BASE, adverseEvents: { ...spec, file: join(dir, 'ae.csv') } }));
      expect(() => loadTrialInputs(join(dir, 'export.csv'), join(dir, 'plans', 'abs.json'))).toThrow(/must be a path relative to the plan's folder/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
  it('the plan gives the instrument or the listing, never both or neither', () => {
    expect(() => parsePlan({ ...BASE, adverseEvents: { instrument: 'adverse_events', file: 'ae.csv' } })).toThrow(HtaError);
    expect(() => parsePlan({ ...BASE, adverseEvents: { serious: 'ae_serious' } })).toThrow(HtaError);
    expect(() => parsePlan({ ...BASE, adverseEvents: { instrument: 'adverse_events', id: 'x' } })).toThrow(HtaError);
  });
});

describe('plan init drafts "adverseEvents"', () => {
  it('from a REDCap repeating instrument of adverse events, with its columns found by name; the drafted plan reads the events', () => {
    const csv = parseCsvText(redcapExport(), 'redcap.csv');
    const draft = draftPlan(csv, 'plan.schema.json');
    expect(draft.plan['adverseEvents']).toEqual({ instrument: 'adverse_events', serious: 'ae_serious', related: 'ae_related', term: 'ae_term' });
    expect(draft.guesses).toContain('adverse events ("adverseEvents"): the 25 rows of REDCap repeating instrument "adverse_events", one event each; serious "ae_serious", related "ae_related", term "ae_term"');
    expect(draft.guesses.find((g) => g.startsWith('not used'))).not.toMatch(/ae_serious/);
    const t = loadTrial(csv, parsePlan(draft.plan));
    expect(t.adverseEvents?.events).toHaveLength(25);
  });
  it('a file that is an event listing says so first, instead of only that it found no visits', () => {
    const listing = parseCsvText(['USUBJID,ARM,AESEQ,AETERM,AEDECOD,AEBODSYS,AESER,AEREL', 'BA-001,App,1,Hovedpine,Headache,Nervous system disorders,N,NOT RELATED', 'BA-004,Usual care,1,Kvalme,Nausea,Gastrointestinal disorders,Y,NOT RELATED'].join('\n'), 'meddra.csv');
    const draft = draftPlan(listing, 'plan.schema.json');
    expect(draft.undecided[0]!.what).toBe('what the file is: it looks like a listing of adverse events, one row per event');
    expect(draft.undecided[0]!.write).toContain('"AESER", "AEREL", "AEBODSYS", "AEDECOD" are an event listing\'s');
  });
});
