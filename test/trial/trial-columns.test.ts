// The memory shape of a loaded trial (docs/data-contracts.md, docs/limits.md): a trial export is
// streamed (its records are no array held in memory), the kept rows are typed-array columns,
// and the validate / score paths read those columns without materialising one object per row.
// Structural checks, no timing: each fails if loading falls back to whole-file arrays or objects.
import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { checkTrialContent } from '../../src/trial/check-content.js';
import { missingFollowUp } from '../../src/trial/follow-up.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { scoredExport } from '../../src/trial/scored-export.js';
import { summarizeTrial } from '../../src/trial/summarize-trial.js';
import { scoreAt, type TrialData, trialFromObservations, withPatients } from '../../src/trial/trial-data.js';

const FILE = 'data/synthetic/selfback-trial.csv';
const PLAN = 'data/plans/selfback.plan.json';
const materialised = (t: TrialData) => Object.getOwnPropertyDescriptor(t, 'observations')?.get === undefined;

const csv = readCsvFile(FILE);
const trial = loadTrial(csv, loadPlanFile(PLAN));

describe('trial memory shape', () => {
  it('streams the export: its records are re-read from the file, not held as an array', () => {
    expect(Array.isArray(csv.records)).toBe(false);
    expect(csv.records.length).toBeGreaterThan(2000);
    const first = [...csv.records].slice(0, 3).map((r) => r.raw);
    expect([...csv.records].slice(0, 3).map((r) => r.raw)).toEqual(first);
  });

  it('stores the kept rows as typed-array columns and reads them in validate and score without row objects', () => {
    const { rows } = trial;
    expect(rows.line).toBeInstanceOf(Int32Array);
    expect(rows.patient).toBeInstanceOf(Int32Array);
    expect(rows.time).toBeInstanceOf(Uint16Array);
    for (const s of trial.sources) expect(rows.scores[s.key]).toBeInstanceOf(Float64Array);
    for (const col of [rows.line, rows.patient, rows.time, ...Object.values(rows.scores)]) expect(col.length).toBe(rows.length);
    // What `hta validate` and `hta score` call:
    summarizeTrial(trial);
    missingFollowUp(trial);
    checkTrialContent(csv, trial, 'analysis');
    scoredExport(csv, trial);
    expect(materialised(trial)).toBe(false);
  });

  it('gives the same rows as objects on demand, matching the file read independently', () => {
    // csv-parse reads the file on its own; RMDQ is the sum of its 24 yes/no items (docs/plan-trial.md).
    const table = parse(readFileSync(FILE), { columns: true }) as Record<string, string>[];
    const sums = new Map(table.map((r) => [`${r.id}|${r.time}`, Array.from({ length: 24 }, (_, k) => r[`rmdq_${k + 1}`]).some((v) => v === '' || v === 'NA') ? null : Array.from({ length: 24 }, (_, k) => Number(r[`rmdq_${k + 1}`])).reduce((a, b) => a + b, 0)]));
    const obs = trial.observations;
    expect(materialised(trial)).toBe(true);
    expect(obs.length).toBe(table.length);
    expect(obs.map((o) => o.line)).toEqual(table.map((_, i) => i + 2));
    expect(obs.map((o) => o.scores.rmdq)).toEqual(obs.map((o) => sums.get(`${o.id}|${o.time}`)));
    expect(obs.map((_, i) => scoreAt(trial.rows, 'rmdq', i))).toEqual(obs.map((o) => o.scores.rmdq));
    expect(obs.some((o) => o.scores.rmdq === null)).toBe(true);
  });

  it('derives a trial with fewer patients whose columns, patients and objects agree', () => {
    const controls = trial.patients.filter((p) => p.arm === 'control');
    const sub = withPatients(trial, controls);
    expect(sub.patients).toEqual(controls);
    expect(sub.rows.length).toBe(trial.observations.filter((o) => o.arm === 'control').length);
    expect(sub.observations).toEqual(trial.observations.filter((o) => o.arm === 'control'));
    for (let i = 0; i < sub.rows.length; i++) expect(sub.patients[sub.rows.patient[i]!]!.arm).toBe('control');
  });
});

describe('trialFromObservations', () => {
  it('builds the columns of a hand-made trial from its rows', () => {
    const { observations, rows: _rows, ...fields } = trial;
    const rebuilt = trialFromObservations({ ...fields, observations: observations.slice(0, 50) });
    expect(rebuilt.rows.length).toBe(50);
    expect([...rebuilt.rows.line]).toEqual([...trial.rows.line.slice(0, 50)]);
    expect(summarizeTrial(rebuilt).rows).toBe(50);
    expect(rebuilt.observations).toEqual(observations.slice(0, 50));
  });
});

describe('loadTrial columns', () => {
  it('grows its columns when a table under-counts its records', () => {
    const small = parseCsvText(readFileSync(FILE, 'utf8').split('\n').slice(0, 60).join('\n'), 'small.csv');
    const plan = loadPlanFile(PLAN);
    const exact = loadTrial(small, plan);
    const undercounted = loadTrial({ ...small, records: { length: 1, [Symbol.iterator]: () => small.records[Symbol.iterator]() } }, plan);
    expect(undercounted.rows.length).toBe(59);
    expect(undercounted.observations).toEqual(exact.observations);
  });
});
