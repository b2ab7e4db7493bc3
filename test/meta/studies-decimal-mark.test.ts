/**
 * The decimal mark of a studies sheet: a thousands-grouped `1.234` says nothing about it (it may
 * be 1234 or 1.234). Group sizes may carry the separator (a count has no decimals); a mean may
 * not (docs/input-studies.md, "Thousands separators"): a `;` sheet of means written 1.234 / 1.100
 * is refused, not read as whole thousands.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import type { StudyRecord } from '../../src/meta/read-studies.js';

const HEAD = 'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control\n';
const read = (text: string) => parseStudies(parseCsvText(HEAD + text, 'studies.csv'));

describe('the decimal mark of a studies sheet', () => {
  it('reads a count 1.234 as thousands beside decimal-comma means', () => {
    const t = read('A 2019;cost;3m;1.234;12,5;4,5;1.100;11,0;4,0\nB 2020;cost;3m;50;12,3;4,5;50;10,5;3,8\n');
    expect(t.records.map((r) => [r.nIntervention, r.nControl])).toEqual([[1234, 1100], [50, 50]]);
  });

  it('refuses a mean 1.234 rather than reading it as 1234, even in a ; sheet with no other decimal', () => {
    let err: unknown;
    try {
      read('A 2019;cost;3m;40;1.234;450;40;1.100;400\n');
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => [p.field, p.kind, p.detail])).toEqual([
      ['mean_intervention', 'meta.thousands-ambiguous', '1234 or 1,234'],
      ['mean_control', 'meta.thousands-ambiguous', '1100 or 1,100'],
    ]);
  });
});

describe('a comma-separated studies sheet with quoted decimal commas (LibreOffice, Google Sheets in a Danish locale)', () => {
  const arms = (r: StudyRecord): number[] => (r.input.kind === 'arms' ? [r.input.arms.meanIntervention, r.input.arms.sdIntervention, r.input.arms.meanControl] : []);
  const QUOTED = '"study","outcome","time","n_intervention","mean_intervention","sd_intervention","n_control","mean_control","sd_control"\n';
  it('is read with the comma, as trial exports are, and says so', () => {
    const t = parseStudies(parseCsvText(QUOTED + '"A 2019","pain","3m","1234","3,1","2,2","1198","4,0","2,4"\n"B 2020","pain","3m","85","2,8","1,9","90","3,9","2,1"\n', 'lo.csv'));
    expect(t.records.map((r) => [r.nIntervention, ...arms(r)])).toEqual([[1234, 3.1, 2.2, 4], [85, 2.8, 1.9, 3.9]]);
    expect(t.notes.join('\n')).toContain('lo.csv: comma-separated, with every decimal number a quoted decimal comma (the first "3,1" on line 2, column 5 (mean_intervention); as LibreOffice');
    expect(t.notes.join('\n')).not.toContain('0,424');
  });

  it('keeps the point when a number writes one', () => {
    const t = parseStudies(parseCsvText(QUOTED + '"A 2019","pain","3m","1,234","3.1","2.2","1198","4.0","2.4"\n', 'en.csv'));
    expect(t.records.map((r) => [r.nIntervention, arms(r)[0]])).toEqual([[1234, 3.1]]);
    expect(t.notes.join('\n')).not.toContain('quoted decimal comma');
  });
});
