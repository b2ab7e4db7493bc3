/**
 * The one rule every trial-export reader finds the plan's columns by (src/trial/column-resolver.ts):
 * exact first, else case, surrounding (no-break) spaces and the Unicode form aside. In-process,
 * through the readers that use it: loadTrial (long and wide, subgroups), the default plan and
 * Table 1's extra characteristics.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { defaultPlanFor } from '../../src/plan/default-plan.js';
import { characteristicsFromExport } from '../../src/trial/baseline-table.js';
import { resolveColumns } from '../../src/trial/column-resolver.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import type { TrialData } from '../../src/trial/trial-data.js';
import { errorOf } from '../support/error-of.js';

const NFD = (s: string) => s.normalize('NFD');
const rows = (n: number, cell: (i: number, t: string) => string[]) =>
  Array.from({ length: n }, (_, i) => ['baseline', '3m'].map((t) => cell(i, t).join(','))).flat().join('\n') + '\n';

describe('resolveColumns', () => {
  it('finds a name exactly, else loosely; says how it differs; -1 when absent', () => {
    const header = ['ID', 'gruppe', NFD('Område'), 'Smerte gns'];
    const r = resolveColumns('x.csv', header, ['ID', 'Gruppe', 'Område', ' Smerte\u00a0gns\u00a0', 'Køn']);
    expect(NFD('Område')).not.toBe('Område');
    expect(['ID', 'Gruppe', 'Område', ' Smerte\u00a0gns\u00a0', 'Køn'].map(r.indexOf)).toEqual([0, 1, 2, 3, -1]);
    expect(r.header).toEqual(['ID', 'Gruppe', 'Område', ' Smerte\u00a0gns\u00a0']);
    expect(r.notes).toEqual([
      'x.csv: column "Gruppe" read from header "gruppe" (column 2; case differs)',
      `x.csv: column "Område" read from header "${NFD('Område')}" (column 3; Unicode form differs)`,
      'x.csv: column " Smerte\u00a0gns\u00a0" read from header "Smerte gns" (column 4; spaces differ)',
    ]);
  });

  it('refuses a column the plan writes two ways, rather than reading it under one of them', () => {
    const e = errorOf(() => resolveColumns('x.csv', ['id', 'Gruppe'], ['Gruppe', 'gruppe']));
    expect(e.exitCode).toBe(2);
    expect(e.problems).toEqual([expect.objectContaining({ file: 'x.csv', line: 1, column: 2, kind: 'column.spelling' })]);
    expect(e.problems[0]!.expected).toContain('the plan\'s columns "Gruppe" and "gruppe" are both header column "Gruppe" (column 2)');
  });
});

describe('loadTrial with a header written differently from the plan', () => {
  const plan = parsePlan({
    columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Tid' },
    arms: { intervention: 'app', control: 'vanlig' },
    timepoints: ['3m'],
    outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }],
    subgroups: [{ column: 'Område', label: { en: 'region' }, levels: ['Nord', 'Syd'], prespecified: true }],
  });
  const text = (header: string) => header + '\n' + rows(8, (i, t) => [`P${i}`, i % 2 ? 'app' : 'vanlig', t, String(4 + i + (t === '3m' ? 1 : 0)), i < 4 ? 'Nord' : 'Syd']);

  it('reads long exports in the plan\'s names (decomposed å included), with the same data as the plan-cased file', () => {
    const exact = loadTrial(parseCsvText(text('Løbenr,Gruppe,Tid,RMDQ,Område'), 'a.csv'), plan);
    const loose = loadTrial(parseCsvText(text(`løbenr,GRUPPE,tid,rmdq,${NFD('område')}`), 'a.csv'), plan);
    expect(exact.readNotes).toBeUndefined();
    expect(loose.readNotes).toHaveLength(5);
    expect(loose.patients).toEqual(exact.patients);
    expect(loose.patients[0]!.attributes).toEqual({ Område: 'Nord' });
    expect([...loose.rows.scores.rmdq!]).toEqual([...exact.rows.scores.rmdq!]);
  });

  it('reads wide exports whose visit suffixes are in another case (layout found, not told)', () => {
    const widePlan = parsePlan({ columns: { id: 'Løbenr', arm: 'Gruppe' }, arms: { intervention: 'app', control: 'vanlig' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] });
    const body = Array.from({ length: 6 }, (_, i) => `P${i},${i % 2 ? 'app' : 'vanlig'},${3 + i},${2 + i}`).join('\n') + '\n';
    const exact = loadTrial(parseCsvText('Løbenr,Gruppe,RMDQ_baseline,RMDQ_3m\n' + body, 'w.csv'), widePlan);
    const loose = loadTrial(parseCsvText('LØBENR,gruppe,rmdq_Baseline,Rmdq_3M\n' + body, 'w.csv'), widePlan);
    expect(loose.layout).toBe('wide');
    expect(loose.patients).toEqual(exact.patients);
    expect([...loose.rows.scores.rmdq!]).toEqual([...exact.rows.scores.rmdq!]);
  });
});

describe('the default plan and Table 1 characteristics', () => {
  it('the default plan finds id, arm, time and outcome columns in another case', () => {
    const csv = parseCsvText('ID,Arm,Time,RMDQ\n' + rows(4, (i, t) => [`P${i}`, i % 2 ? 'app' : 'usual', t, String(5 + i)]), 'd.csv');
    const plan = defaultPlanFor(csv);
    expect(plan.outcomes.map((o) => o.key)).toEqual(['rmdq']);
    expect(plan.timepoints).toEqual(['3m']);
    expect(loadTrial(csv, plan).patients).toHaveLength(4);
  });

  it('characteristics named as the manifest writes them are read from a header in another case', () => {
    const plan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });
    const csv = parseCsvText('Id,Arm,TIME,alder\nP1,app,baseline,40\nP2,usual,baseline,50\n', 't.csv');
    expect([...characteristicsFromExport(csv, { plan } as TrialData, ['Alder']).get('Alder')!]).toEqual([['P1', 40], ['P2', 50]]);
  });
});
