/**
 * Two RevMan-sheet habits: a bare `Total` column (which arm?) is refused with the mapping that
 * `Total 1`/`Total 2` get; a `Year` column is not read, so two papers of one author told apart
 * only by it are duplicates — the message says Year is not read and how to name the studies.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

function refusal(csv: string): HtaError {
  try {
    parseStudies(parseCsvText(csv, 'studies.csv'));
  } catch (e) {
    if (e instanceof HtaError) return e;
    throw e;
  }
  throw new Error('not refused');
}

describe('a bare Total column', () => {
  it('without n_intervention/n_control: refused at its column, with the arm mapping', () => {
    const e = refusal('study,outcome,time,measure,Total,events_intervention,events_control\nA 2019,resp,3m,RR,100,10,5\n');
    const p = e.problems?.find((x) => x.value === 'Total');
    expect(p).toMatchObject({ line: 1, column: 5 });
    expect(`${p!.expected} ${p!.hint}`).toContain('Total 1 or Experimental Total → n_intervention, Total 2 or Control Total → n_control');
  });
  it('on a sheet of differences with their CI (no row needs a group size): a whole trial\'s N, not read, with the note', () => {
    const t = parseStudies(parseCsvText('study,citation,outcome,time,measure,difference,ci_lower,ci_upper,Total\nAlpha 2015,"Alpha 2015",pain,6m,MD,-0.9,-1.8,0.0,118\nBeta 2017,"Beta 2017",pain,6m,MD,-0.7,-1.5,0.1,162\n', 'studies.csv'));
    expect(t.records.map((r) => r.study)).toEqual(['Alpha 2015', 'Beta 2017']);
    expect(t.notes).toContain('studies.csv: ignored columns (not read): 9 "Total"');
  });
  it('a sheet of differences with one row of arm means: that row needs the group sizes, so Total is refused', () => {
    const e = refusal('study,outcome,time,measure,difference,ci_lower,ci_upper,mean_intervention,sd_intervention,mean_control,sd_control,Total\nA 2015,pain,6m,MD,-0.9,-1.8,0.0,,,,,118\nB 2017,pain,6m,MD,,,,3.1,1.2,3.9,1.3,80\n');
    expect(e.problems?.find((x) => x.value === 'Total')).toMatchObject({ line: 1, column: 12 });
  });
  it('beside both group sizes: an extra column, read as before', () => {
    const t = parseStudies(parseCsvText('study,outcome,time,measure,Total,events_intervention,n_intervention,events_control,n_control\nA 2019,resp,3m,RR,100,10,50,5,50\n', 'studies.csv'));
    expect(t.records).toHaveLength(1);
  });
});

describe('rows that differ only by a Year column', () => {
  it('say that Year is not read and how to put it in the study name', () => {
    const e = refusal([
      'Study,Year,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
      'Hansen et al.,2019,rmdq,3m,50,6,5,50,7,5',
      'Hansen et al.,2022,rmdq,3m,60,6.5,5,60,7,5',
    ].join('\n'));
    const p = e.problems?.find((x) => x.line === 3);
    expect(p?.expected).toContain('the "Year" column is not read (2022 here, 2019 on line 2): put the year in the study name, "Hansen et al. 2022" and "Hansen et al. 2019"');
  });
  it('the same year: the usual duplicate advice, no Year hint', () => {
    const e = refusal([
      'Study,Year,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control',
      'Hansen et al.,2019,rmdq,3m,50,6,5,50,7,5',
      'Hansen et al.,2019,rmdq,3m,60,6.5,5,60,7,5',
    ].join('\n'));
    const p = e.problems?.find((x) => x.line === 3);
    expect(p?.expected).toContain('keep one row');
    expect(p?.expected).not.toContain('not read');
  });
});
