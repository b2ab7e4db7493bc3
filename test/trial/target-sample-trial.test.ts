/**
 * The target sample read against the trial (src/trial/target-sample-trial.ts, docs/subgroups.md#inverse-odds-weights):
 * levels matched in any case; levels spelled otherwise refused once, up front (exit 2), naming both
 * files' levels and the `targetSample.recode` to write, which then reads them in the trial's
 * spelling (null: missing); an outcome's score outside the instrument's scale refused at its
 * cell; a membership model that separates the groups names the column, in one warning.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const json = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
const original = readFileSync('test/fixtures/subgroups/target-sample.csv', 'utf8');
const sampleWith = (targetSample: object) => parsePlan({ ...json, subgroups: [], population: { ...json.population, targetSample: { ...json.population.targetSample, ...targetSample } } });
const plan = sampleWith({});
let trial: TrialData;
beforeAll(() => {
  trial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), plan);
});

/** The fixture sample with each data line edited. */
function sample(edit: (line: string, i: number) => string, header?: (h: string) => string): string {
  const [h, ...rest] = original.split('\n');
  const file = join(tempDir(), 'target-sample.csv');
  writeFileSync(file, [header ? header(h!) : h, ...rest.map((l, i) => (l === '' ? l : edit(l, i)))].join('\n'));
  return file;
}

describe('the target sample against the trial', () => {
  it('levels in another case are the trial\'s (dk is DK): read and weighted as the trial spells them', () => {
    const lower = readTargetSample(sample((l) => l.replace(/,(DK|NO)$/, (m) => m.toLowerCase())), plan, trial)!;
    expect(lower.rows).toEqual(readTargetSample(sample((l) => l), plan, trial)!.rows);
  });

  it('levels spelled otherwise: refused once per column, naming both files\' levels and the recode to write', () => {
    const file = sample((l) => l.replace(/,DK$/, ',Danmark').replace(/,NO$/, ',Norge'));
    const err = errorOf(() => readTargetSample(file, plan, trial));
    expect(err.code).toBe('input.invalid');
    expect(err.problems).toHaveLength(1);
    const p = err.problems![0]!;
    expect([p.line, p.column, p.field]).toEqual([1, 3, 'country']);
    expect(p.expected).toMatch(/^the levels of the trial's "country" \(\S*trial\.csv: "DK" \(\d+ patients\), "NO" \(\d+\)\), compared in any case: the target sample's column "country" holds "Danmark" \(\d+ rows\), "Norge" \(\d+\)\. /);
    expect(p.expected).toContain('"targetSample": { "recode": { "country": { "Danmark": …, "Norge": … } } }, each to one of "DK", "NO" or null (a missing value)');
  });

  it('text in every cell where the trial has numbers ("52 år"): refused at each cell as a number, no trial levels or counts', () => {
    const file = sample((l) => l.replace(/^(\d+),/, '$1 år,'));
    const err = errorOf(() => readTargetSample(file, plan, trial));
    expect(err.code).toBe('input.invalid');
    // One problem per complete row, each at its cell.
    const complete = readTargetSample(sample((l) => l), plan, trial)!.rows.length;
    expect(err.problems).toHaveLength(complete);
    const p = err.problems![0]!;
    const first = original.split('\n')[1]!.split(',')[0]!;
    expect([p.line, p.column, p.field, p.value]).toEqual([2, 1, 'alder', `${first} år`]);
    expect(p.expected).toMatch(/^a number, as the trial's "age" is in \S*trial\.csv, or a missing-value code$/);
    // Nothing of the trial's ages: no levels, counts or recode.
    for (const q of err.problems!) expect(q.expected).not.toMatch(/patients|levels|recode/);
  });

  it('the recode reads the target\'s text as the trial\'s (in any case); null is a missing value', () => {
    const file = sample((l) => l.replace(/,DK$/, ',Danmark').replace(/,NO$/, ',Norge'));
    const recoded = readTargetSample(file, sampleWith({ recode: { country: { danmark: 'DK', Norge: 'NO' } } }), trial)!;
    expect(recoded.rows).toEqual(readTargetSample(sample((l) => l), plan, trial)!.rows);
    // "Uoplyst" recoded to null: the row is left out for a missing value, as an empty cell is.
    const unknown = sample((l, i) => (i === 1 ? l.replace(/,[A-Z]{2}$/, ',Uoplyst') : l.replace(/,DK$/, ',Danmark').replace(/,NO$/, ',Norge')));
    const dropped = readTargetSample(unknown, sampleWith({ recode: { country: { Danmark: 'DK', Norge: 'NO', Uoplyst: null } } }), trial)!;
    const empty = readTargetSample(sample((l, i) => (i === 1 ? l.replace(/,[A-Z]{2}$/, ',') : l)), plan, trial)!;
    expect(dropped.rows).toEqual(empty.rows);
    expect(dropped.excludedMissing).toBe(empty.excludedMissing);
    expect(dropped.excludedMissing).toBe(recoded.excludedMissing + 1);
  });

  it("a recode to a value the trial lacks: the message quotes the file's own text, and the recode to write is keyed by it", () => {
    const file = sample((l) => l.replace(/,DK$/, ',Danmark').replace(/,NO$/, ',Norge'));
    const err = errorOf(() => readTargetSample(file, sampleWith({ recode: { country: { danmark: 'Denmark', Norge: 'NO' } } }), trial));
    expect(err.problems).toHaveLength(1);
    const expected = err.problems![0]!.expected;
    expect(expected).toMatch(/the target sample's column "country" holds "Danmark" \(\d+ rows\), "Norge" \(\d+\)\./);
    expect(expected).toContain('"recode": { "country": { "Danmark": … } } }');
    expect(expected).toContain('(the plan\'s "recode" gives "Danmark" → "Denmark", which the trial does not have)');
    expect(expected).not.toContain('"Denmark": …');
    expect(expected).not.toMatch(/holds "Denmark"/);
  });

  it("a recode to a text the plan's answer codes lack: the cell is quoted as the file writes it, with what the recode gave", () => {
    const coded = parsePlan({ ...json, subgroups: [], columnCodes: { country: { answers: { DK: 1, NO: 0, Danmark: 1 } } }, covariateTypes: { country: 'categorical' }, population: { ...json.population, targetSample: { ...json.population.targetSample, recode: { country: { Norge: 'Norway' } } } } });
    const codedTrial = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), coded);
    const file = sample((l) => l.replace(/,NO$/, ',Norge'));
    const err = errorOf(() => readTargetSample(file, coded, codedTrial));
    const p = err.problems![0]!;
    expect([p.field, p.value]).toEqual(['country', 'Norge']);
    expect(p.expected).toMatch(/^one of the plan's answer codes for "country" \(.*\) or a missing-value code \(the plan's "recode" gives "Norway"\)$/);
  });

  it('a recode under a name that is not a model column: refused in the plan, naming the model columns', () => {
    const err = errorOf(() => sampleWith({ recode: { alder: { '52 år': '52' }, country: { Danmark: 'DK' } } }));
    expect(err.code).toBe('plan.invalid');
    expect(err.problems).toHaveLength(1);
    const p = err.problems![0]!;
    expect(p.field).toBe('population.targetSample.recode.alder');
    expect(p.expected).toMatch(/^a column of "targetSample\.model" \("age", "symptom_weeks", "country"\)/);
  });

  it('a column mapping under a name that is not a model column (the file\'s name on the left): refused in the plan, not ignored', () => {
    const err = errorOf(() => sampleWith({ columns: { alder: 'age' } }));
    expect(err.code).toBe('plan.invalid');
    expect(err.problems!.map((q) => q.field)).toEqual(['population.targetSample.columns.alder']);
    expect(err.problems![0]!.expected).toMatch(/^a column of "targetSample\.model" \("age", "symptom_weeks", "country"\): the mapping is keyed by the model's/);
  });

  it("an outcome's score outside the instrument's scale: refused at its cell with the range", () => {
    const scored = sampleWith({ model: ['age', 'pain'], columns: { age: 'alder', pain: 'smerte' } });
    const withPain = loadTrial(readCsvFile('test/fixtures/subgroups/trial.csv'), scored);
    // A 0–100 VAS where the trial has a 0–10 NRS: every cell above 10 refused.
    const file = sample((l, i) => `${l},${i === 3 ? 5 : 10 * (i % 9) + 20}`, (h) => `${h},smerte`);
    const err = errorOf(() => readTargetSample(file, scored, withPain));
    expect(err.code).toBe('input.invalid');
    // Every complete row but the one on the scale (line 5).
    const complete = readTargetSample(sample((l) => `${l},1`, (h) => `${h},smerte`), scored, withPain)!.rows.length;
    expect(err.problems!.length).toBe(complete - 1);
    expect(err.problems!.map((q) => q.line)).not.toContain(5);
    const p = err.problems![0]!;
    expect([p.line, p.column, p.field, p.value]).toEqual([2, 4, 'smerte', '20']);
    expect(p.expected).toMatch(/^a number from 0 to 10: model column "pain" is outcome "pain"/);
    // On the scale: read.
    expect(readTargetSample(sample((l, i) => `${l},${i % 11}`, (h) => `${h},smerte`), scored, withPain)!.rows.length).toBeGreaterThan(0);
  });

  it('a model that separates the groups names the column and warns once, not per row', () => {
    // Target ages 100 years above every trial patient's.
    const file = sample((l) => l.replace(/^(\d+),/, (_, a) => `${Number(a) + 100},`));
    const result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample(file, plan, trial)! });
    const rows = result.targetPopulation!.transported!.filter((x) => x.weighting === 'inverse-odds');
    expect(rows.length).toBeGreaterThan(1);
    const k = result.targetPopulation!.targetSample!.rows;
    for (const r of rows) expect(r.effect.error).toMatch(new RegExp(`separates the trial from the target sample .*; target rows outside the trial's range \\(another scale or population\\?\\): "age" — ${k} of ${k}$`));
    const warned = result.warnings.filter((w) => w.startsWith('transported effect (inverse-odds)'));
    expect(warned).toEqual([`transported effect (inverse-odds), every outcome and time: ${rows[0]!.effect.error}`]);
    expect(danishReason(rows[0]!.effect.error!)).toMatch(new RegExp(`; rækker fra målgruppen uden for forsøgets område \\(en anden skala eller population\\?\\): "age" — ${k} af ${k}$`));
  });

  it('two columns apart: each named with its count, most outside first, in English and Danish; no minimum or maximum printed', () => {
    // Every target age 100 years above the trial's; symptom weeks 1000 above on every other row.
    const file = sample((l, i) => l.replace(/^(\d+),(\d+),/, (_, a, w) => `${Number(a) + 100},${i % 2 ? Number(w) + 1000 : w},`));
    const result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample(file, plan, trial)! });
    const error = result.targetPopulation!.transported!.find((x) => x.weighting === 'inverse-odds')!.effect.error!;
    const k = result.targetPopulation!.targetSample!.rows;
    const m = new RegExp(`; target rows outside the trial's range \\(another scale or population\\?\\): "age" — ${k} of ${k}; "symptom_weeks" — (\\d+) of ${k}$`).exec(error);
    expect(m).not.toBeNull();
    expect(Number(m![1])).toBeGreaterThan(0);
    expect(Number(m![1])).toBeLessThan(k);
    // The trial's youngest and oldest ages are single patients' values: no range is printed.
    expect(error).not.toMatch(/\d+–\d+/);
    const da = danishReason(error)!;
    expect(da).toMatch(new RegExp(`; rækker fra målgruppen uden for forsøgets område \\(en anden skala eller population\\?\\): "age" — ${k} af ${k}; "symptom_weeks" — ${m![1]} af ${k}$`));
    expect(da).not.toMatch(/target rows| of \d/);
  });

  it('a count of 1–4 target patients outside the range is not printed: "fewer than 5" (the page is published)', () => {
    // Every age 100 years above; symptom weeks 1000 above on two rows only.
    const file = sample((l, i) => l.replace(/^(\d+),(\d+),/, (_, a, w) => `${Number(a) + 100},${i < 2 ? Number(w) + 1000 : w},`));
    const result = analyzeTrial(trial, { version: 'test', targetSample: readTargetSample(file, plan, trial)! });
    const error = result.targetPopulation!.transported!.find((x) => x.weighting === 'inverse-odds')!.effect.error!;
    const k = result.targetPopulation!.targetSample!.rows;
    expect(error).toMatch(new RegExp(`"age" — ${k} of ${k}; "symptom_weeks" — fewer than 5 of ${k}$`));
    expect(danishReason(error)).toMatch(new RegExp(`"age" — ${k} af ${k}; "symptom_weeks" — færre end 5 af ${k}$`));
  });
});
