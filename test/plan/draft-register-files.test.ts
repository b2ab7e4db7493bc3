/**
 * `hta plan init` and the reader on register-shaped files (a pharmacoepidemiologist's DST extract):
 * a file of events (one row per redemption) is to be aggregated first, and says so; `pnr` is a
 * patient id; a DDD sum is no whole number, and its drafted range is only what this file holds;
 * the CPR note of an observational run speaks of a registry export, not a trial export.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

// Pseudonymous DST-like ids: ten digits with a real day and month (CPR-shaped).
const pnr = (i: number) => `${String((i % 28) + 1).padStart(2, '0')}0${(i % 9) + 1}${String(50 + (i % 40)).padStart(2, '0')}${String(1000 + i).slice(-4)}`;

describe('plan init on register files', () => {
  it('a file of redemptions (several rows per pnr, no visit): aggregate to one row per person first; pnr is an id', () => {
    const rows = Array.from({ length: 120 }, (_, i) => `${pnr(i % 40)};${String((i % 27) + 1).padStart(2, '0')}APR2024;N02AA05;50;10,5`);
    const draft = draftPlan(parseCsvText(['pnr;eksd;atc;packsize;ddd', ...rows].join('\n') + '\n', 'lmdb.csv'), 'plan.schema.json');
    const visits = draft.undecided.find((u) => u.what === 'the visits')!;
    // A register's event file (pnr, eksd, atc) is said to be one, without the survey rounds' advice.
    expect(visits.lead).toBe('the file has 120 rows for 40 ids in "pnr" and no visit column: a file of events (one row per prescription, contact or payment) is to be aggregated to one row per person (and follow-up window) first — e.g. "any opioid redemption" (Ja/Nej, "Nej" for a person without one, not empty) and the DDD sum (0 for none) per window as columns "ddd_3m", "ddd_9m" — then run plan init on that file (docs/observational.md)');
    expect(draft.checks.some((c) => c.startsWith('no column is named like a patient id'))).toBe(false);
  });

  it('a file with many rows per id that is no register\'s (survey rounds joined without their visit): the visit sources first, then the events advice', () => {
    const rows = Array.from({ length: 90 }, (_, i) => `P${String(i % 30).padStart(3, '0')};${i % 2 ? 'App' : 'Kontrol'};${(i * 7) % 25}`);
    const draft = draftPlan(parseCsvText(['Deltager;Gruppe;RMDQ', ...rows].join('\n') + '\n', 'runder.csv'), 'plan.schema.json');
    const lead = draft.undecided.find((u) => u.what === 'the visits')!.lead!;
    expect(lead).toMatch(/^the file has 90 rows for 30 ids in "Deltager" and no visit column\. /);
    expect(lead).toContain('If each visit came as a file of its own (a survey\'s rounds), add its visit as a column to each file\'s rows before joining them (docs/input-trial-export.md#one-file-per-visit)');
    expect(lead).toContain('If its rows are events (one row per prescription, contact or payment), the file is to be aggregated');
    expect(lead.indexOf('If each visit came')).toBeLessThan(lead.indexOf('If its rows are events'));
  });

  it('the real LMDB: EKSD as an ISO date, or 1.6 redemptions per person in a 12-month window — still "aggregate first", not "derive visits from the dates"', () => {
    const lead = (rows: number, ids: number, id: string) => `the file has ${rows} rows for ${ids} ids in "${id}" and no visit column: a file of events (one row per prescription, contact or payment) is to be aggregated to one row per person (and follow-up window) first`;
    // Three redemptions per pnr, the date as R and ISO write it: the date lead ("derive a visit column") had come first.
    const iso = Array.from({ length: 120 }, (_, i) => `${pnr(i % 40)};2023-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 27) + 1).padStart(2, '0')};N02AA01;1;8,47`);
    const a = draftPlan(parseCsvText(['pnr;eksd;atc;packsize;ddd', ...iso].join('\n') + '\n', 'lmdb.csv'), 'plan.schema.json');
    const va = a.undecided.find((u) => u.what === 'the visits')!;
    expect(va.lead).toContain(lead(120, 40, 'pnr'));
    expect(va.lead).not.toMatch(/holds dates|Derive a visit column/);
    // 160 redemptions for 100 persons (PNR, DATE9.): fewer than 2 per id had no lead at all.
    const few = Array.from({ length: 160 }, (_, i) => `${pnr(i % 100)};N02BE01;${String((i % 27) + 1).padStart(2, '0')}NOV2023;9,13`);
    const b = draftPlan(parseCsvText(['PNR;ATC;EKSD;DDD', ...few].join('\n') + '\n', 'lmdb.csv'), 'plan.schema.json');
    expect(b.undecided.find((u) => u.what === 'the visits')!.lead).toContain(lead(160, 100, 'PNR'));
  });

  it('a DDD sum 0–43.75: "holds numbers", not "whole numbers", and the range is said to be only this file\'s', () => {
    const lines = ['id;gruppe;ddd_opioid_baseline;ddd_opioid_3m', ...Array.from({ length: 40 }, (_, i) => `P${1000 + i};${i % 2 ? 'A' : 'B'};${i % 3 === 0 ? '0' : String((i * 1.25) % 20).replace('.', ',')};${i === 7 ? '43,75' : String(i % 5)}`)];
    const draft = draftPlan(parseCsvText(lines.join('\n') + '\n', 'wide.csv'), 'plan.schema.json');
    const said = [...draft.guesses, ...draft.checks].filter((t) => t.includes('"ddd_opioid" holds'));
    expect(said.length).toBeGreaterThan(0);
    for (const t of said) expect(t).toMatch(/"ddd_opioid" holds numbers 0–43\.75,/);
    expect(draft.checks.find((t) => t.includes('as observed'))).toContain('the range is only what this file holds: set it to what the outcome can take (a sum of DDD or of contacts has no fixed top, e.g. 0–1000), or the next extract with a larger value is refused');
  });
});

describe('the CPR note of an observational run', () => {
  it('names a registry export, not a trial export', () => {
    const d = completeRegistryRows(100);
    d.rows.forEach((r, i) => { r.id = pnr(i); });
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const trial = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), plan);
    const note = trial.readNotes!.find((n) => n.includes('look like CPR numbers'))!;
    expect(note).toContain('but a registry export should hold pseudonymous study ids');
    expect(note).not.toContain('trial export');
  });
});
