// A patient with follow-up rows but no baseline row in a long export — most often an id typed wrong
// at one visit (`SB1O20`, letter O) — is noted with its line and the id's shape, never the id
// (docs/input-trial-export.md#follow-up-without-baseline).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { followUpOnlyNote, idShape } from '../../src/trial/follow-up-only.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const plan = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });

/** 10 patients SB1010…SB1019 at baseline and 3m; `at3m` rewrites the id of a 3-month row; `more` lines are added. */
function trialWith(at3m: (id: string) => string, more: string[] = [], excludeInvalid = false) {
  const lines = ['id,arm,time,nrs'];
  for (let p = 10; p < 20; p++) lines.push(`SB10${p},${p % 2 ? 'A' : 'B'},baseline,${p % 11}`);
  for (let p = 10; p < 20; p++) lines.push(`${at3m(`SB10${p}`)},${p % 2 ? 'A' : 'B'},3m,${(p + 3) % 11}`);
  return loadTrial(parseCsvText([...lines, ...more].join('\n') + '\n', 'x.csv'), plan, { excludeInvalid });
}

describe('patients seen only at follow-up visits', () => {
  it('a mistyped id at 3 months: its line, its shape, the near id, and how it is counted; the id is not quoted', () => {
    const trial = trialWith((id) => (id === 'SB1012' ? 'SB1O12' : id));
    expect(trial.patients).toHaveLength(11);
    const note = followUpOnlyNote(trial)!;
    expect(note).toContain('x.csv: 1 patient has rows at follow-up visits but none at the baseline: line 14 (an id shaped AA9A99)');
    expect(note).toContain('its id is one character from the id of a patient who has a baseline row but no row at that visit — a typo?');
    expect(note).toContain('It is counted as a patient of its own (among the 11 patients)');
    expect(note).not.toMatch(/SB1O12|SB1012/);
  });

  it('names the patient\'s first line in the file, also when its later visit comes first (the rows are read by patient and visit)', () => {
    const plan6 = parsePlan({ arms: { intervention: 'A', control: 'B' }, timepoints: ['3m', '6m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });
    const lines = ['id,arm,time,nrs', 'P1,A,baseline,3', 'P2,B,baseline,4', 'Q9,A,6m,2', 'P1,A,3m,2', 'Q9,A,3m,5'];
    const note = followUpOnlyNote(loadTrial(parseCsvText(lines.join('\n') + '\n', 'y.csv'), plan6))!;
    expect(note).toContain('line 4 (an id shaped A9)');
  });

  it('every patient with a baseline row: no note; a patient who missed 3 months is no such patient', () => {
    expect(followUpOnlyNote(trialWith((id) => id))).toBeUndefined();
    const lines = ['id,arm,time,nrs', 'P1,A,baseline,3', 'P2,B,baseline,4', 'P1,A,3m,2'];
    expect(followUpOnlyNote(loadTrial(parseCsvText(lines.join('\n') + '\n', 'y.csv'), plan))).toBeUndefined();
  });

  it('an id far from every other is noted without the typo hint', () => {
    const note = followUpOnlyNote(trialWith((id) => (id === 'SB1012' ? 'XY-77' : id)))!;
    expect(note).toContain('an id shaped AA-99');
    expect(note).not.toContain('a typo?');
  });

  it('--exclude-invalid: a patient whose baseline row was left out for a bad cell had a baseline, and is not noted', () => {
    const trial = trialWith((id) => id, ['SB1020,A,baseline,99', 'SB1020,A,3m,4'], true);
    expect(trial.excluded?.rows).toBe(1);
    expect(followUpOnlyNote(trial)).toBeUndefined();
  });

  it('a sequential id one character from neighbours who have every visit: noted without the typo hint', () => {
    const note = followUpOnlyNote(trialWith((id) => id, ['SB1020,A,3m,4']))!;
    expect(note).toContain('1 patient has rows at follow-up visits but none at the baseline: line 22');
    expect(note).not.toContain('a typo?');
  });

  it('the shape keeps no letter or digit', () => {
    expect(idShape('SB1O20')).toBe('AA9A99');
    expect(idShape('Æ-12')).toBe('A-99');
  });
});
