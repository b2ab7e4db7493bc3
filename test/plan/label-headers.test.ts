/**
 * A wide SPSS export saved with "Write variable labels as column headings" (`RMDQ total (0-24) ved
 * baseline`, `… ved 3 måneder`): plan init said only that names must end in their visit, and a
 * hand-written plan's refusal had no column. Both now say the header is variable labels, at its
 * column, and how to export again with variable names (docs/input-trial-export.md#spss-variable-labels).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { labelHeaders, labelVisit } from '../../src/plan/label-headers.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const header = ['Deltager-ID', 'Randomiseringsgruppe', 'Køn', 'Alder (år)', 'Randomiseringsdato', 'RMDQ total (0-24) ved baseline', 'RMDQ total (0-24) ved 3 måneder', 'RMDQ total (0-24) ved 9 måneder', 'NRS smerte (0-10) ved baseline', 'NRS smerte (0-10) efter 3 mdr.', 'NRS smerte (0-10) efter 9 mdr.'];
const csv = () => parseCsvText([header.join(';'), '1;1;1;37;14.03.2024;15;11;8;4;2;0', '2;2;2;58;12.03.2024;15;12;15;5;6;1'].join('\n') + '\n', 'labels.csv');

describe('SPSS variable labels as column headings', () => {
  it('a visit phrase at the end of a name is split off; other names are not', () => {
    expect(labelVisit('RMDQ total (0-24) ved baseline')).toEqual(['RMDQ total (0-24)', 'ved baseline']);
    expect(labelVisit('RMDQ total (0-24) ved 3 måneder')).toEqual(['RMDQ total (0-24)', 'ved 3 måneder']);
    expect(labelVisit('NRS smerte (0-10) efter 9 mdr.')).toEqual(['NRS smerte (0-10)', 'efter 9 mdr.']);
    expect(labelVisit('Smerte i ryggen ved 3 måneder')).toEqual(['Smerte i ryggen', 'ved 3 måneder']);
    expect(labelVisit('Pain at 6 months')).toEqual(['Pain', 'at 6 months']);
    for (const h of ['Alder (år)', 'Tid i dage', 'RMDQ_3mdr', 'Smerte i ryggen']) expect(labelVisit(h), h).toBeUndefined();
    // One such name alone is no header of labels: a stem needs two visits.
    expect(labelHeaders(['id', 'gruppe', 'Dato ved baseline', 'rmdq_base', 'rmdq_3mdr'])).toBeUndefined();
    expect(labelHeaders(header)).toMatchObject({ columns: [6, 7, 8, 9, 10, 11], first: 'RMDQ total (0-24) ved baseline' });
  });

  it('plan init stops at the first label column, naming the SPSS option', () => {
    const d = draftPlan(csv(), 'plan.schema.json');
    expect(d.undecided).toHaveLength(1);
    expect(d.undecided[0]).toMatchObject({ what: 'the visits', line: 1, column: 6, value: 'RMDQ total (0-24) ved baseline' });
    expect(d.undecided[0]!.write).toContain('SPSS variable labels ("RMDQ total (0-24) ved baseline", columns 6–11)');
    expect(d.undecided[0]!.write).toContain('untick "Write variable labels as column headings"');
  });

  it('a hand-written plan is refused with each problem at a column, saying what the header is', () => {
    const plan = parsePlan({
      arms: { intervention: '1', control: '2' },
      columns: { id: 'Deltager-ID', arm: 'Randomiseringsgruppe' },
      layout: 'wide',
      timepoints: ['3m'],
      timeLabels: { '3 måneder': '3m' },
      outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ total (0-24) ved' }],
      methods: ['welch'],
    });
    const problems = errorOf(() => loadTrial(csv(), plan)).problems;
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems) {
      expect(p.column, p.expected).toBeGreaterThanOrEqual(6);
      expect(p.expected).toContain('the column names are SPSS variable labels');
    }
    expect(problems.find((p) => p.value === 'RMDQ total (0-24) ved')!.column).toBe(6);
    expect(problems.find((p) => p.value === '_3 måneder')?.column).toBe(7);
  });

  it('an export with variable names is read as before: no word of labels', () => {
    const names = parseCsvText('id;gruppe;RMDQ_base;RMDQ_3mdr;Dato ved baseline\n1;1;15;11;1.1.2024\n2;2;14;12;2.1.2024\n', 'names.csv');
    const d = draftPlan(names, 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(JSON.stringify(d)).not.toMatch(/variable labels/);
  });
});
