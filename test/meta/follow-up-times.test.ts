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
import { warningDa } from '../../src/meta/warnings-da.js';

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
      ['post-treatment', null], ['3.5 months', null], ['baseline', null], ['end of treatment', null], ['visit 2', null], ['up to 12 months', null],
    ];
    for (const [text, as] of cases) expect(canonicalTime(text), text).toBe(as);
  });

  it('does not warn about weeks and months far apart', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,se\nA,rmdq,6 weeks,-1,0.5\nB,rmdq,3 months,-1,0.5', 'x.csv'));
    expect(t.warnings).toEqual([]);
  });

  it('h2.csv: 12 mdr., 1 år, 12-month, 12 months follow-up, 12 måneders opfølgning, one year, 12 mo. and 12 md. are one 12-month pool; years fold into months', () => {
    const labels = ['12 mdr.', '1 år', '12-month', '12 months follow-up', '12 måneders opfølgning', 'one year', '12 mo.', '12 md.'];
    const rows = labels.map((t, i) => `S${i} 20${10 + i};rmdq;${t};-0,${i + 1};-1,${i + 1};0,${9 - i}`);
    const table = parseStudies(parseCsvText(['study;outcome;time;difference;ci_lower;ci_upper', ...rows].join('\n'), 'h2.csv'));
    expect(new Set(table.records.map((r) => r.time))).toEqual(new Set(['12m']));
    expect(table.notes).toContain('h2.csv: follow-up "1 år" (line 3) read as 12m');
    expect(studyReadNotes(table.read, 'da')).toContain('Opfølgning "12 måneders opfølgning" (linje 6) er læst som 12 måneder.');
    const r = metaAnalyze(table, { version: 'test' });
    expect(r.outcomes.map((s) => s.time)).toEqual(['12m']);
    expect(r.pooled.find((p) => p.model === 'random')!.trials).toBe(labels.length);
    expect(r.warnings).toEqual([]);
  });

  it('reads the unit before the number (uge 52, week 12), number words and Danish genitives; 2 år is 24m', () => {
    const cases: [string, string][] = [
      ['uge 52', '52w'], ['week 12', '12w'], ['M12', '12m'], ['one year', '12m'], ['et år', '12m'], ['to år', '24m'], ['2 år', '24m'], ['24 mdr.', '24m'],
      ['six-month', '6m'], ['1 års opfølgning', '12m'], ['follow-up at 6 months', '6m'], ["12 months' follow-up", '12m'], ['1y', '12m'], ['52 ugers', '52w'],
    ];
    for (const [text, as] of cases) expect(canonicalTime(text), text).toBe(as);
  });

  it('52 uger beside 1 år is warned about as 52 weeks ≈ 12 months', () => {
    const t = parseStudies(parseCsvText('study;outcome;time;difference;se\nA;rmdq;52 uger;-1;0,5\nB;rmdq;1 år;-1;0,5', 'x.csv'));
    expect(t.warnings).toEqual([expect.stringMatching(/^rmdq: follow-ups 52w \(52 weeks\) and 12m \(12 months\) are pooled apart/)]);
  });

  it('a label not read beside readable ones is warned about, naming the pools it sits beside (en and da)', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,se\nA,rmdq,12m,-1,0.5\nB,rmdq,post-treatment,-1,0.5\nC,rmdq,3 months,-1,0.5\nD,rmdq,post-treatment,-1.5,0.6\nE,pain,end of treatment,-1,0.5', 'x.csv'));
    const w = 'rmdq: follow-up "post-treatment" (line 3) is not read as a number and a unit, so it is pooled on its own beside 12m and 3m: if it is one of those follow-ups, write it so in the time column (as "12 months" or "12m")';
    expect(t.warnings).toEqual([w]);
    expect(warningDa(w)).toBe('rmdq: opfølgning "post-treatment" (linje 3) er ikke læst som et tal og en enhed, så den pooles for sig ved siden af 12m og 3m: er det en af de opfølgninger, så skriv den sådan i tidskolonnen (som "12 måneder" eller "12m")');
  });
});

describe('a follow-up Excel turned into a date', () => {
  it('"03-jun" (a typed 3-6) is warned about as such, en and da (explorer win, 6 December 2026)', () => {
    const t = parseStudies(parseCsvText('study;outcome;time;difference;se\nA;rmdq;3 mdr;-1;0,5\nB;rmdq;03-jun;-1;0,5', 'x.csv'));
    const w = 'rmdq: follow-up "03-jun" (line 3) is not read as a number and a unit, so it is pooled on its own beside 3m: if it is that follow-up, write it so in the time column (as "3 months" or "3m"); it looks like a date Excel made of what was typed (3-6 or 3/6 becomes 3 June): format the time column as Text in the spreadsheet before typing';
    expect(t.warnings).toEqual([w]);
    expect(warningDa(w)).toBe('rmdq: opfølgning "03-jun" (linje 3) er ikke læst som et tal og en enhed, så den pooles for sig ved siden af 3m: er det den opfølgning, så skriv den sådan i tidskolonnen (som "3 måneder" eller "3m"); den ligner en dato, som Excel har lavet af det indtastede (3-6 eller 3/6 bliver 3. juni): formatér tidskolonnen som Tekst i regnearket, før der tastes');
  });
});

describe('one of a unit is singular ("1 month", not "1 months"), in Danish too', () => {
  it('the example of an unread label beside a 1-month pool', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,se\nA,rmdq,1m,-1,0.5\nB,rmdq,post-treatment,-1,0.5', 'x.csv'));
    const w = 'rmdq: follow-up "post-treatment" (line 3) is not read as a number and a unit, so it is pooled on its own beside 1m: if it is that follow-up, write it so in the time column (as "1 month" or "1m")';
    expect(t.warnings).toEqual([w]);
    expect(warningDa(w)).toBe('rmdq: opfølgning "post-treatment" (linje 3) er ikke læst som et tal og en enhed, så den pooles for sig ved siden af 1m: er det den opfølgning, så skriv den sådan i tidskolonnen (som "1 måned" eller "1m")');
  });

  it('7 days and 1 week, 4 weeks and 1 month', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,se\nA,rmdq,7 days,-1,0.5\nB,rmdq,1 week,-1,0.5\nC,pain,4 weeks,-1,0.5\nD,pain,1 month,-1,0.5', 'x.csv'));
    const w = t.warnings.filter((x) => x.includes('may be the same follow-up'));
    expect(w).toEqual([
      'rmdq: follow-ups 7d (7 days) and 1w (1 week) are pooled apart, but may be the same follow-up (7 days ≈ 1 week): if the papers mean one time point, write it one way in the time column',
      'pain: follow-ups 4w (4 weeks) and 1m (1 month) are pooled apart, but may be the same follow-up (4 weeks ≈ 1 month): if the papers mean one time point, write it one way in the time column',
    ]);
    expect(warningDa(w[1]!)).toBe('pain: opfølgningerne 4w (4 uger) og 1m (1 måned) pooles hver for sig, men kan være samme opfølgning (4 uger ≈ 1 måned): mener artiklerne samme tidspunkt, så skriv det ens i tidskolonnen');
  });
});

describe('follow-up labels from papers (t1.csv, t2.csv of the explorer)', () => {
  it.each([
    ['at 3 months', '3m'], ['T2 (3 months)', '3m'], ['3 months post-randomisation', '3m'], ['3 months after randomization', '3m'], ['efter 3 måneder', '3m'], ['FU1 (12 uger)', '12w'], ['90 days', '90d'],
  ])('reads "%s" as %s', (label, as) => {
    expect(canonicalTime(label)).toBe(as);
  });

  it('warns that days may be months or weeks (90 days ≈ 3 months, 180 days ≈ 6 months); in Danish too', () => {
    const csv = ['study,outcome,time,difference,ci_lower,ci_upper', 'A,rmdq,3m,-1,-2,0', 'B,rmdq,90 days,-1.5,-2.5,-0.5', 'C,rmdq,6 months,-1.5,-2.5,-0.5', 'E,rmdq,180 days,-1.5,-2.5,-0.4'].join('\n');
    const w = metaAnalyze(parseStudies(parseCsvText(csv, 't2.csv')), { version: 'test' }).warnings.filter((x) => x.includes('may be the same follow-up'));
    expect(w).toEqual([
      'rmdq: follow-ups 90d (90 days) and 3m (3 months) are pooled apart, but may be the same follow-up (90 days ≈ 3 months): if the papers mean one time point, write it one way in the time column',
      'rmdq: follow-ups 180d (180 days) and 6m (6 months) are pooled apart, but may be the same follow-up (180 days ≈ 6 months): if the papers mean one time point, write it one way in the time column',
    ]);
    expect(warningDa(w[0]!)).toBe('rmdq: opfølgningerne 90d (90 dage) og 3m (3 måneder) pooles hver for sig, men kan være samme opfølgning (90 dage ≈ 3 måneder): mener artiklerne samme tidspunkt, så skriv det ens i tidskolonnen');
  });

  it('an unread label beside one pool suggests that pool\'s own label', () => {
    const csv = ['study,outcome,time,difference,ci_lower,ci_upper', 'A,rmdq,3m,-1,-2,0', 'B,rmdq,end of treatment,-1.5,-2.5,-0.5'].join('\n');
    const w = metaAnalyze(parseStudies(parseCsvText(csv, 'x.csv')), { version: 'test' }).warnings.filter((x) => x.includes('not read as a number'));
    expect(w).toEqual(['rmdq: follow-up "end of treatment" (line 3) is not read as a number and a unit, so it is pooled on its own beside 3m: if it is that follow-up, write it so in the time column (as "3 months" or "3m")']);
    expect(warningDa(w[0]!)).toMatch(/\(som "3 måneder" eller "3m"\)$/);
  });
});

describe('a study name behind Excel\'s text apostrophe', () => {
  it('"\'Sandal 2021" is Sandal 2021 in the table and forest; a Dutch "\'t Hart 2019" keeps its apostrophe (explorer win, 6 December 2026)', () => {
    const t = parseStudies(parseCsvText("study,outcome,time,difference,se\n'Sandal 2021,rmdq,3m,-1,0.5\n't Hart 2019,rmdq,3m,-1.2,0.6\n'2020 trial,rmdq,3m,-0.5,0.4", 'x.csv'));
    expect(t.records.map((r) => r.study)).toEqual(['Sandal 2021', "'t Hart 2019", '2020 trial']);
  });
});
