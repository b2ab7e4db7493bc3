// A yes/no column read as a scale (docs/plan-trial.md#yesno-outcomes): a 0–10 outcome holding only
// 0 and 1 (or only 0 and 10) is noted by validate and warned of by analyze, whatever its name; Ja/Nej
// as missing-value codes of a scale outcome are named as yes/no answers, with the "answers" to write.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { twoValueScaleNotes } from '../../src/trial/two-value-scales.js';
import { wordMissingCodeNotes } from '../../src/trial/word-missing-codes.js';

const dir = 'test/fixtures/medication-columns';
const redcap = parseCsvText(readFileSync(`${dir}/redcap-smertestillende.csv`, 'utf8'), 'redcap-smertestillende.csv');
const asNrs = parsePlan({
  arms: { intervention: '1', control: '2' },
  columns: { id: 'record_id', time: 'redcap_event_name', arm: 'randomisering' },
  timepoints: ['3m', '9m'],
  timeLabels: { baseline_arm_1: 'baseline', '3_mdr_arm_1': '3m', '9_mdr_arm_1': '9m' },
  outcomes: [{ key: 'smertestillende', instrument: 'nrs' }],
});

/** A small export with one 0–10 column `score` holding the given answers. */
function scaleTrial(answer: (p: number) => number) {
  const lines = ['id,arm,time,score'];
  for (let p = 1; p <= 12; p++) for (const t of ['baseline', '3m']) lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${answer(p)}`);
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'score', instrument: 'nrs' }] });
  return loadTrial(parseCsvText(lines.join('\n') + '\n', 'x.csv'), plan);
}

describe('a scale outcome holding only two values', () => {
  it('0/1 painkillers read as NRS 0–10: a note naming the outcome, its column and the yes/no remedy', () => {
    const notes = twoValueScaleNotes(loadTrial(redcap, asNrs));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('outcome "smertestillende" (column "smertestillende", read as Pain intensity (NRS 0–10), 0–10) holds only the values 0 and 1 in its 389 values');
    expect(notes[0]).toContain('make it "instrument": "binary"');
  });

  it('is a warning of analyze\'s results too', () => {
    const result = analyzeTrial(loadTrial(redcap, asNrs), { version: 'test' });
    expect(result.warnings.some((w) => w.includes('holds only the values 0 and 1'))).toBe(true);
  });

  it('only the two ends of the scale (0 and 10) are noted; 0–10 answers and a yes/no outcome are not', () => {
    expect(twoValueScaleNotes(scaleTrial((p) => (p % 3 ? 10 : 0)))[0]).toContain("only the scale's two ends");
    expect(twoValueScaleNotes(scaleTrial((p) => (p * 3 + 1) % 11))).toEqual([]);
    expect(twoValueScaleNotes(scaleTrial((p) => (p % 3 ? 5 : 0)))).toEqual([]);
    const binary = parsePlan({ ...asNrs, outcomes: [{ key: 'smertestillende', instrument: 'binary', direction: 'lower-is-better' }] });
    expect(twoValueScaleNotes(loadTrial(redcap, binary))).toEqual([]);
  });
});

describe('Ja/Nej as missing-value codes of a scale outcome', () => {
  it('says every cell was emptied by yes/no answers, with the answers to write', () => {
    const name = 'medication-ja-nej.csv';
    const csv = parseCsvText(readFileSync(`${dir}/${name}`, 'utf8'), name);
    const plan = parsePlan({
      arms: { intervention: 'Intervention', control: 'Kontrol' },
      columns: { id: 'PatientID', time: 'Besøg', arm: 'Gruppe' },
      timepoints: ['3m', '9m'],
      timeLabels: { Baseline: 'baseline', '3 mdr': '3m', '9 mdr': '9m' },
      missingCodes: ['Ja', 'Nej'],
      outcomes: [{ key: 'smertestillende', instrument: 'nrs', column: 'Smertestillende' }],
    });
    const notes = wordMissingCodeNotes(loadTrial(csv, plan));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('the missing-value codes "Ja" and "Nej" made every one of the 389 cells of outcome "smertestillende" (column "Smertestillende") missing (100 %): yes/no answers');
    expect(notes[0]).toContain('"instrument": "binary" with "answers": { "Ja": 1, "Nej": 0 }');
  });
});
