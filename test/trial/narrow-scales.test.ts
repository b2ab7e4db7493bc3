// One item read as the score (docs/plan-trial.md#one-item-read-as-the-score): a 0–60 PSEQ outcome
// whose values never pass 6, or a 0–24 RMDQ outcome of 0s and 1s, is noted by validate and warned
// of by analyze; a real score, or a scale narrower than 0–20 (NRS), is not.
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { narrowScaleNotes } from '../../src/trial/narrow-scales.js';
import { twoValueScaleNotes } from '../../src/trial/two-value-scales.js';

/** A small long export with one column `score` holding the given answers, read as `instrument`. */
function trialOf(instrument: string, answer: (p: number, t: number) => number, instruments?: Record<string, unknown>) {
  const lines = ['id,arm,time,score'];
  for (let p = 1; p <= 12; p++) ['baseline', '3m'].forEach((t, k) => lines.push(`${p},${p % 2 ? 'A' : 'B'},${t},${answer(p, k)}`));
  const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], ...(instruments ? { instruments } : {}), outcomes: [{ key: 'score', instrument }] });
  return loadTrial(parseCsvText(lines.join('\n') + '\n', 'x.csv'), plan);
}

describe('a wide scale whose scores stay within a tenth of its range', () => {
  it('PSEQ 0–60 holding 0–6 (one item): a note naming the outcome, the values seen and the "items" remedy', () => {
    const notes = narrowScaleNotes(trialOf('pseq', (p, t) => (p + t) % 7));
    expect(notes).toHaveLength(1);
    expect(notes[0]).toContain('outcome "score" (column "score", read as');
    expect(notes[0]).toContain('never goes above 6 in its 24 values (0–6): it looks like one item of the questionnaire, not the score');
    expect(notes[0]).toContain('"items"');
  });

  it('RMDQ 0–24 holding 0 and 1: said as one item, not also as a yes/no two-value scale', () => {
    const trial = trialOf('rmdq', (p, t) => (p + t) % 2);
    expect(narrowScaleNotes(trial)[0]).toContain('never goes above 1 in its 24 values (0–1)');
    expect(twoValueScaleNotes(trial)).toEqual([]);
  });

  it('a real PSEQ score, a low but real RMDQ score and a 0–10 NRS are not noted', () => {
    expect(narrowScaleNotes(trialOf('pseq', (p, t) => 20 + p + t))).toEqual([]);
    expect(narrowScaleNotes(trialOf('rmdq', (p, t) => (p + t) % 4))).toEqual([]);
    expect(narrowScaleNotes(trialOf('nrs', (p, t) => (p + t) % 2))).toEqual([]);
  });

  it('is a warning of analyze\'s results too', () => {
    const result = analyzeTrial(trialOf('pseq', (p, t) => (p + t) % 7), { version: 'test' });
    expect(result.warnings.some((w) => w.includes('looks like one item of the questionnaire'))).toBe(true);
  });

  it('a plan\'s own count (sick-leave days 0–90) is no sum of items: no note; its 0/1 values are still said as yes/no', () => {
    const sick = { sickdays: { label: { en: 'Sick-leave days (last 90 days)' }, range: [0, 90], direction: 'lower-is-better', mcid: 3 } };
    expect(narrowScaleNotes(trialOf('sickdays', (p, t) => (p + t) % 9, sick))).toEqual([]);
    expect(twoValueScaleNotes(trialOf('sickdays', (p, t) => (p + t) % 2, sick))[0]).toContain('holds only the values 0 and 1');
    const analyzed = analyzeTrial(trialOf('sickdays', (p, t) => (p + t) % 9, sick), { version: 'test' });
    expect(analyzed.warnings.some((w) => w.includes('looks like one item'))).toBe(false);
  });

  it('the Oswestry Disability Index, a plan instrument 0–100, is a sum of items: noted', () => {
    const odi = { odi: { label: { en: 'Oswestry Disability Index' }, range: [0, 100], direction: 'lower-is-better', mcid: 10 } };
    expect(narrowScaleNotes(trialOf('odi', (p, t) => (p + t) % 6, odi))[0]).toContain('looks like one item of the questionnaire');
  });
});
