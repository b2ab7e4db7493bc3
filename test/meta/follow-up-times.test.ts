/**
 * One follow-up written several ways is one time (docs/input-studies.md#follow-up-times): t1.csv's
 * `12 uger`, `3 mo`, `3 months`, `3m` were four single-study sections. Reference: hand-written REML
 * in R over B, C and D: −0.8721 [−1.4606, −0.2836] (SE = width / 3.92 there, / 3.919928 here).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { canonicalTime } from '../../src/meta/follow-up-times.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { studyReadNotes } from '../../src/meta/study-read-notes.js';

const T1 = ['Studie;Effektmål;Tid;Forskel;Nedre;Øvre', 'A 2019;rmdq;12 uger;-1,2;-2,3;-0,1', 'B 2020;rmdq;3 mo;-0,8;-1,9;0,3', 'C 2021;rmdq;3 months;-1,5;-2,6;-0,4', 'D 2022;rmdq;3m;-0,5;-1,4;0,4'].join('\n');

describe('follow-up times written several ways', () => {
  const table = parseStudies(parseCsvText(T1, 't1.csv'));
  const r = metaAnalyze(table, { version: 'test' });

  it('t1.csv: 3 mo, 3 months and 3m are one pool of three trials; 12 uger is 12 weeks, apart', () => {
    expect(r.outcomes.map((s) => s.time)).toEqual(['12w', '3m']);
    const random = r.pooled.find((p) => p.time === '3m' && p.model === 'random')!;
    expect([random.k, random.trials]).toEqual([3, 3]);
    expect(random.estimate).toBeCloseTo(-0.8720848, 4);
    expect(random.ciLower).toBeCloseTo(-1.4605679, 4);
    expect(random.ciUpper).toBeCloseTo(-0.2836017, 4);
  });

  it('says how each spelling was read (stderr and the page, en and da) and warns that 12 weeks may be 3 months', () => {
    expect(table.notes).toContain('t1.csv: follow-up "3 months" (line 4) read as 3m');
    expect(studyReadNotes(table.read, 'da')).toContain('Opfølgning "12 uger" (linje 2) er læst som 12 uger.');
    expect(studyReadNotes(table.read, 'en')).toContain('Follow-up "3 mo" (line 3) was read as 3 months.');
    expect(r.warnings.filter((w) => /may be the same follow-up/.test(w))).toEqual([
      'rmdq: follow-ups 12w (12 weeks) and 3m (3 months) are pooled apart, but may be the same follow-up (12 weeks ≈ 3 months): if the papers mean one time point, write it one way in the time column',
    ]);
  });

  it('reads weeks and months in English and Danish; keeps other labels as written', () => {
    const cases: [string, string | null][] = [
      ['3m', '3m'], ['3 m', '3m'], ['3 mo', '3m'], ['3 months', '3m'], ['3 mdr.', '3m'], ['3 måneder', '3m'], ['3 Months', '3m'],
      ['12w', '12w'], ['12 wk', '12w'], ['12 weeks', '12w'], ['12 uger', '12w'], ['1 uge', '1w'],
      ['post-treatment', null], ['3.5 months', null], ['baseline', null],
    ];
    for (const [text, as] of cases) expect(canonicalTime(text), text).toBe(as);
  });

  it('does not warn about weeks and months far apart', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,se\nA,rmdq,6 weeks,-1,0.5\nB,rmdq,3 months,-1,0.5', 'x.csv'));
    expect(t.warnings).toEqual([]);
  });
});
