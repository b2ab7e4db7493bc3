/**
 * A wide SPSS export saved with "Write variable labels as column headings" (`RMDQ total (0-24) ved
 * baseline`, `… ved 3 måneder`): plan init said only that names must end in their visit, and a
 * hand-written plan's refusal had no column. Now the visit phrase at the end of a name is read as
 * its visit (the stem is the column), the numbers equal those of the same data exported with
 * variable names, and a plan that names the columns otherwise is refused at the column, saying
 * what to write (docs/input-trial-export.md#spss-variable-labels).
 */
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { labelHeaders, labelVisit } from '../../src/plan/label-headers.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';

const header = ['Deltager-ID', 'Randomiseringsgruppe', 'Køn', 'Alder (år)', 'RMDQ total (0-24) ved baseline', 'RMDQ total (0-24) ved 3 måneder', 'RMDQ total (0-24) ved 9 måneder', 'NRS smerte (0-10) ved baseline', 'NRS smerte (0-10) ved 3 måneder', 'NRS smerte (0-10) ved 9 måneder'];
// 24 patients, arms 1/2; the same cells under variable names make the reference.
const rows = Array.from({ length: 24 }, (_, k) => {
  const i = k + 1;
  const arm = i % 2 ? 1 : 2;
  return [i, arm, (i % 3) + 1, 30 + i, 8 + (i % 9), 6 + (i % 7) - (arm === 1 ? 2 : 0), i % 5 === 0 ? '' : 5 + (i % 6), 3 + (i % 6), 2 + (i % 5), 1 + (i % 7)].join(';');
});
const csv = () => parseCsvText([header.join(';'), ...rows].join('\n') + '\n', 'labels.csv');
const named = () => parseCsvText(['id;gruppe;koen;alder;RMDQ_base;RMDQ_3mdr;RMDQ_9mdr;NRS_base;NRS_3mdr;NRS_9mdr', ...rows].join('\n') + '\n', 'names.csv');

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
    // Nor is a pair of them beside _<visit> columns: the loader reads the suffixes, and the pair is two dates.
    expect(labelHeaders(['id', 'gruppe', 'Dato ved baseline', 'Dato ved 3 måneder', 'rmdq_base', 'rmdq_3mdr'])).toBeUndefined();
    expect(labelHeaders(header)).toMatchObject({ columns: [5, 6, 7, 8, 9, 10], first: 'RMDQ total (0-24) ved baseline', phrases: ['ved baseline', 'ved 3 måneder', 'ved 9 måneder'] });
  });

  it('plan init reads the stem as the column and the phrase as the visit; the numbers are those of the export with variable names', () => {
    const d = draftPlan(csv(), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(d.plan.timeLabels).toEqual({ 'ved baseline': 'baseline', 'ved 3 måneder': '3m', 'ved 9 måneder': '9m' });
    expect((d.plan.outcomes as { column: string; instrument: string }[]).map((o) => [o.column, o.instrument])).toEqual([['RMDQ total (0-24)', 'rmdq'], ['NRS smerte (0-10)', 'nrs']]);
    expect(d.guesses.join('\n')).toContain('"ved 3 måneder" → 3m');
    const plan = parsePlan({ ...d.plan, $schema: undefined, covariates: [], columns: { ...(d.plan.columns as object), covariates: {} }, covariateTypes: undefined, methods: ['ancova', 'welch'] });
    const reference = draftPlan(named(), 'plan.schema.json');
    const refPlan = parsePlan({ ...reference.plan, $schema: undefined, covariates: [], columns: { ...(reference.plan.columns as object), covariates: {} }, covariateTypes: undefined, methods: ['ancova', 'welch'] });
    const numbers = (effects: ReturnType<typeof analyzeTrial>['effects']) => effects.map((e) => [e.time, e.method, e.n, e.difference, e.ciLower, e.ciUpper]);
    const labelled = analyzeTrial(loadTrial(csv(), plan), { version: 't' }).effects;
    expect(labelled.length).toBe(8);
    expect(labelled.every((e) => Number.isFinite(e.difference))).toBe(true);
    expect(numbers(labelled)).toEqual(numbers(analyzeTrial(loadTrial(named(), refPlan), { version: 't' }).effects));
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
      expect(p.column, p.expected).toBeGreaterThanOrEqual(5);
      expect(p.expected).toContain('the column names are SPSS variable labels');
    }
    const outcome = problems.find((p) => p.value === 'RMDQ total (0-24) ved')!;
    expect(outcome.column).toBe(5);
    expect(outcome.expected).toContain('"column": "RMDQ total (0-24)"');
    expect(outcome.expected).toContain('"timeLabels" ("ved baseline": "<visit>", "ved 3 måneder": "<visit>", "ved 9 måneder": "<visit>")');
    expect(outcome.expected).toContain('untick "Write variable labels as column headings"');
    expect(problems.find((p) => p.value === '_3 måneder')?.column).toBe(6);
  });

  it('an export with variable names is read as before: no word of labels', () => {
    const names = parseCsvText('id;gruppe;RMDQ_base;RMDQ_3mdr;Dato ved baseline\n1;1;15;11;1.1.2024\n2;2;14;12;2.1.2024\n', 'names.csv');
    const d = draftPlan(names, 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(JSON.stringify(d)).not.toMatch(/variable labels/);
  });

  it('beside _<visit> columns, a two-column label-style stem ("Dato ved baseline", "Dato ved 3 måneder") is no second baseline', () => {
    const text = 'ID,Gruppe,Dato ved baseline,Dato ved 3 måneder,RMDQ_base,RMDQ_3mdr,RMDQ_9mdr\n1,App,2024-01-03,2024-04-03,13,13,6\n2,Kontrol,2024-01-07,2024-04-06,17,16,5\n';
    const d = draftPlan(parseCsvText(text, 'r1.csv'), 'plan.schema.json');
    expect(d.undecided).toEqual([]);
    expect(d.plan.timeLabels).toEqual({ base: 'baseline', '3mdr': '3m', '9mdr': '9m' });
    expect((d.plan.outcomes as { column: string }[]).map((o) => o.column)).toEqual(['RMDQ']);
    expect(d.guesses.join('\n')).toContain('not used: Dato ved baseline, Dato ved 3 måneder');
  });

  it('two phrase baselines are quoted as the header writes them, not given a "_"', () => {
    const text = 'ID,Gruppe,RMDQ ved baseline,RMDQ ved 3 måneder,NRS ved start,NRS ved 3 måneder\n1,1,13,13,6,5\n2,2,17,16,5,4\n';
    const d = draftPlan(parseCsvText(text, 'two.csv'), 'plan.schema.json');
    expect(d.undecided.map((u) => u.what)).toEqual([`the baseline: the outcomes' columns end in "ved baseline" and "ved start", each read as a baseline`]);
  });
});
