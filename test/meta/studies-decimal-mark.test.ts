/**
 * The decimal mark of a studies sheet: a thousands-grouped `1.234` says nothing about it (it may
 * be 1234 or 1.234), `1.234,5` says comma. A `;` sheet of cost means written 1.234 / 1.100 is
 * decimal-comma (whole thousands), and a sheet with both `1.234` and `1.234,5` reads both.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';

const HEAD = 'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control\n';
const means = (text: string) => parseStudies(parseCsvText(HEAD + text, 'studies.csv')).records.map((r) => (r.input as { arms: { meanIntervention: number } }).arms.meanIntervention);

describe('the decimal mark of a studies sheet', () => {
  it('reads 1.234 as thousands beside 1.234,5, and in a ; sheet with no other decimal', () => {
    expect(means('A 2019;cost;3m;40;1.234;450;40;1.100;400\nB 2020;cost;3m;50;1.234,5;450;50;1.050;380\n')).toEqual([1234, 1234.5]);
    expect(means('A 2019;cost;3m;40;1.234;450;40;1.100;400\nB 2020;cost;3m;50;1.300;450;50;1.050;380\n')).toEqual([1234, 1300]);
  });
});
