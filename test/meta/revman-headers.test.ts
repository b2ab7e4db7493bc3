/**
 * RevMan exports (docs/input-studies.md, "RevMan exports"): RevMan 5's "Data and analyses" CSV
 * (`Name`, `Mean 1`, `SD 1`, `Total 1`, `Events 1`, … `2`) and RevMan Web's forest-plot table
 * (`Study or Subgroup`, `Experimental Mean`, `Control Total`) are refused with the exact renaming
 * — never read in part with their Totals ignored — and GRADEpro's `Outcomes` is read as outcome.
 */
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { errorOf } from '../support/error-of.js';

const refusal = (name: string) => errorOf(() => parseStudies(readCsvFile(resolve(__dirname, 'fixtures', name)))).problems;

describe('RevMan export headers', () => {
  it('RevMan 5 "Data and analyses": every column mapped, outcome and time to add, "Not estimable" rows to leave out', () => {
    const ps = refusal('revman5-export.csv');
    expect(ps).toHaveLength(1);
    expect(ps[0]?.hint).toBe(
      'rename: Name → study, CI Start → ci_lower, CI End → ci_upper, Year of study → (not read: put the year in study, "Hansen 2019"), Events 1 → events_intervention, Mean 1 → mean_intervention, SD 1 → sd_intervention, Total 1 → n_intervention, Events 2 → events_control, Mean 2 → mean_control, SD 2 → sd_control, Total 2 → n_control; add outcome and time columns; keep one row per study (delete the comparison, outcome and subgroup heading rows and the totals), leave the events columns empty on continuous rows (RevMan writes 0 there), and leave out rows RevMan marks "Not estimable"',
    );
  });

  it('RevMan Web\'s forest-plot table: its Totals are named as group sizes, not ignored', () => {
    const hint = refusal('revmanweb-forest.csv')[0]?.hint ?? '';
    expect(hint).toMatch(/^rename: Study or Subgroup → study, Experimental Mean → mean_intervention, Experimental SD → sd_intervention, Experimental Total → n_intervention, Control Mean → mean_control, Control SD → sd_control, Control Total → n_control; keep one row per study/);
  });

  it('GRADEpro\'s "Outcomes" column is read as outcome (the refusal asks only for study and time)', () => {
    expect(refusal('gradepro-sof.csv')[0]?.expected).toBe('a column for study, time (a study-level CSV needs study, outcome and time)');
  });
});
