/**
 * A column whose name says it holds a result is read or refused, never ignored
 * (docs/input-studies.md, "Column names"): files typed from papers by an explorer.
 */
import { writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

const fixture = (name: string) => readCsvFile(resolve(__dirname, '../fixtures/meta-typed', name));

/** The problems of the input error `run` throws. */
const refusal = (run: () => unknown) => errorOf(run).problems;

describe('an interval under a usual name is read', () => {
  it('reads "95% CI lower"/"95% CI upper" as the interval, so the study is pooled', () => {
    const t = parseStudies(fixture('h2.csv'));
    expect(t.records[0]?.input).toEqual({ kind: 'ci', estimate: -1.7, lower: -3.7, upper: 0.3 });
    expect(t.read.ignored).toEqual([]);
    expect(t.notes.some((n) => n.endsWith('h2.csv: column 6 "95% CI lower" read as ci_lower'))).toBe(true);
  });

  it.each([
    ['lower 95% CI', 'upper 95% CI', ','],
    ['Nedre 95%-KI', 'Øvre 95%-KI', ';'],
    ['CI (95%) lower limit', 'CI (95%) upper limit', ','],
    ['95% CI LL', '95% CI UL', ','],
    // The bound and CI words are the lookalike check's (one vocabulary): what it knows as a bound is read.
    ['Lower limits', 'Upper limits', ','],
    ['95% CI lower bounds', '95% CI upper bounds', ','],
    ['Nedre sikkerhedsinterval', 'Øvre sikkerhedsinterval', ';'],
    ['ci_low', 'ci_high', ','],
    ['lower_ci', 'upper_ci', ','],
  ])('reads "%s" and "%s"', (lo, hi, sep) => {
    const t = parseStudies(parseCsvText([['study', 'outcome', 'time', 'difference', lo, hi].join(sep), ['A', 'rmdq', '3m', '-1', '-2', '0'].join(sep)].join('\n'), 'x.csv'));
    expect(t.records[0]?.input).toEqual({ kind: 'ci', estimate: -1, lower: -2, upper: 0 });
  });
});

describe('a column that looks like a result is refused, naming it and what to do', () => {
  it('refuses LL/UL with the rename', () => {
    const ps = refusal(() => parseStudies(parseCsvText('study,outcome,time,difference,LL,UL\nA,rmdq,3m,-1,-2,0', 'x.csv')));
    expect(ps.map((p) => [p.column, p.value, p.expected.slice(0, 30)])).toEqual([
      [5, 'LL', 'the column name ci_lower, if i'],
      [6, 'UL', 'the column name ci_upper, if i'],
    ]);
  });

  it.each([
    ['en5.csv', 'Difference (95% CI)', /difference and its 95% CI in separate columns/],
    ['en6.csv', 'MD (95% CI)', /difference and its 95% CI in separate columns/],
    ['da5.csv', 'Forskel (95% KI)', /difference and its 95% CI in separate columns/],
    ['da4.csv', 'Gennemsnit (SD) intervention', /mean and its SD in two columns, mean_intervention and sd_intervention/],
    ['armci.csv', 'ci_lower_intervention', /SD of the intervention arm in sd_intervention/],
    ['md1.csv', 'median_difference', /a median difference is not one/],
  ])('%s: "%s"', (file, header, expected) => {
    const ps = refusal(() => parseStudies(fixture(file)));
    const p = ps.find((q) => q.value === header);
    expect(p?.expected).toMatch(expected);
    expect(p?.line).toBe(1);
  });

  it('gives the SD from an arm CI formula', () => {
    const ps = refusal(() => parseStudies(fixture('armci.csv')));
    expect(ps.find((p) => p.value === 'ci_lower_control')?.hint).toMatch(/SD = √n × \(upper − lower\) \/ 3\.92.*sd_control/);
  });

  // No column any of them points to is in the file, so each is refused by its own rule (not as a second `difference`).
  it.each([
    ['SE (intervention)', 'sd_intervention, the SD of the arm'],
    ['SD (control)', 'the column name sd_control,'],
    ['N', 'the column name n_intervention or n_control,'],
    ['Mean app group', 'the column name mean_intervention,'],
    ['Events (control)', 'the column name events_control,'],
    ['Diff (MD)', 'the column name difference, if it holds the reported difference'],
  ])('refuses "%s"', (header, expected) => {
    const ps = refusal(() => parseStudies(parseCsvText(`study,outcome,time,${header}\nA,rmdq,3m,1`, 'x.csv')));
    expect(ps.map((p) => [p.value, p.expected.slice(0, expected.length)])).toEqual([[header, expected]]);
  });

  it('totaln.csv: a total "N" beside n_intervention and n_control is an extra, ignored with the note; the study is pooled', () => {
    const t = parseStudies(fixture('totaln.csv'));
    expect(t.records).toHaveLength(2);
    expect(t.read.ignored).toEqual([{ column: 11, header: 'N' }]);
    expect(t.notes.some((n) => n.endsWith('totaln.csv: ignored columns (not read): 11 "N"'))).toBe(true);
  });

  it('still refuses a result-like column while a column it points to is missing ("N" beside n_intervention only)', () => {
    const ps = refusal(() => parseStudies(parseCsvText('study,outcome,time,difference,ci_lower,ci_upper,n_intervention,N\nA,rmdq,3m,-1,-2,0,50,100', 'x.csv')));
    expect(ps.map((p) => [p.column, p.value, p.expected])).toEqual([[8, 'N', 'the column name n_intervention or n_control, if it holds an arm\'s group size']]);
  });

  it('ignores "MD (95% CI)" beside difference and a 95% CI in one column, and "Mean (SD) control" beside mean_control and sd_control', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,95% CI,MD (95% CI)\nA,rmdq,3m,-1,-2 to 0,-1 (-2 to 0)', 'x.csv'));
    expect(t.read.ignored.map((c) => c.header)).toEqual(['MD (95% CI)']);
    const arms = 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control,Mean (SD) control\nA,rmdq,3m,50,7,5,50,8,5,8 (5)';
    expect(parseStudies(parseCsvText(arms, 'x.csv')).read.ignored.map((c) => c.header)).toEqual(['Mean (SD) control']);
  });

  it('leaves other columns ignored with a note: a p-value, mean age, a note_ column', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,difference,ci_lower,ci_upper,p,Mean age,note_sd\nA,rmdq,3m,-1,-2,0,0.05,44,3', 'x.csv'));
    expect(t.read.ignored.map((c) => c.header)).toEqual(['p', 'Mean age', 'note_sd']);
  });
});

describe('a refused file still names its columns not read', () => {
  it('prints the "ignored columns" note with the refusal (exit 2)', async () => {
    const file = join(tempDir(), 'm.csv');
    writeFileSync(file, 'study,outcome,time,difference,ci_lower,ci_upper,p,Median intervention\nA,rmdq,3m,,,,0.04,5\n');
    const run = await runCli('meta', file);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`note: ${file}: ignored columns (not read): 7 "p", 8 "Median intervention"\nerror: ${file} has 1 problem(s)`);
  });
});
