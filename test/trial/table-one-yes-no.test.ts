/**
 * Table 1 summarises a yes/no baseline characteristic — observed values exactly 0/1, 1/2 with
 * value labels in the plan, Ja/Nej, Yes/No, True/False — as n (%) of the yes level per arm, not
 * as the mean (SD) of its codes. The numbers of the label-export fixtures are checked against
 * test/reference/table-one-binary.json (test/reference/table-one-binary.py, the raw files read
 * and recoded on their own); sex stays two categories, age stays mean (SD).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { tableOne } from '../../src/report/table-one.js';
import { baselineTable, characteristicsFromExport, type BinarySummary } from '../../src/trial/baseline-table.js';
import { loadTrial } from '../../src/trial/load-trial.js';

type Ref = { randomised: Record<string, number>; rows: Record<string, Record<'intervention' | 'control', { events: number; n: number; missing: number; percent: number }>> };
const REF = JSON.parse(readFileSync('test/reference/table-one-binary.json', 'utf8')) as Record<string, Ref>;

function table(name: string, extra: string[]) {
  const dir = `test/fixtures/exports/${name}`;
  const csv = readCsvFile(`${dir}/export.csv`);
  const trial = loadTrial(csv, loadPlanFile(`${dir}/plan.json`));
  return { trial, t1: baselineTable(trial, characteristicsFromExport(csv, trial, extra)) };
}

describe('Table 1: yes/no characteristics as n (%) of yes', () => {
  it.each([
    ['redcap-labels', ['Age', 'Sex', 'Employed'], { smoker: 'Smoker', Employed: 'Employed' }, { Age: 'numeric', Sex: 'categorical' }],
    ['spss-labels-da', ['Alder', 'Køn', 'Ryger', 'Motion'], { Diabetes: 'Diabetes', Ryger: 'Ryger', Motion: 'Motion' }, { Alder: 'numeric', Køn: 'categorical' }],
  ] as const)('%s: n, yes and % per arm as the reference computes them from the raw file', (name, extra, yesNo, others) => {
    const { t1 } = table(name, [...extra]);
    const ref = REF[name]!;
    expect(t1.randomised).toEqual(ref.randomised);
    for (const [key, column] of Object.entries(yesNo)) {
      const row = t1.rows.find((r) => r.key === key)!;
      expect(row.kind, key).toBe('binary');
      for (const arm of ['intervention', 'control'] as const) {
        const s = row.arms[arm] as BinarySummary;
        const r = ref.rows[column]![arm];
        expect({ events: s.events, n: s.n, missing: s.missing }, `${key} ${arm}`).toEqual({ events: r.events, n: r.n, missing: r.missing });
        expect(s.percent).toBeCloseTo(r.percent, 10);
      }
    }
    for (const [key, kind] of Object.entries(others)) expect(t1.rows.find((r) => r.key === key)?.kind, key).toBe(kind);
  });

  it('the table names the yes level in the page language and prints every count, as Table 1 prints its levels', () => {
    const { trial, t1 } = table('spss-labels-da', ['Ryger', 'Motion']);
    const ref = REF['spss-labels-da']!.rows;
    const cell = (r: (typeof ref)[string]['intervention'], lang: 'en' | 'da') => {
      const pct = r.percent.toFixed(1);
      return `${r.events} (${lang === 'da' ? pct.replace('.', ',') : pct}${lang === 'da' ? ' %' : '%'})${r.missing ? `; ${lang === 'da' ? 'mangler' : 'missing'} ${r.missing}` : ''}`;
    };
    for (const lang of ['en', 'da'] as const) {
      const rows = tableOne(t1, trialChartContext(trial, lang)).rows;
      const yes = lang === 'da' ? 'ja' : 'yes';
      for (const key of ['Diabetes', 'Ryger', 'Motion']) {
        const row = rows.find((r) => r[0] === `${key}, ${yes}, n (%)`);
        expect(row, `${lang} ${key}: ${JSON.stringify(rows.map((r) => r[0]))}`).toBeDefined();
        expect(row!.slice(1)).toEqual([cell(ref[key]!.intervention, lang), cell(ref[key]!.control, lang)]);
      }
      // The small count (Diabetes: 1 patient in the intervention arm) is printed as the level counts are.
      expect(rows.some((r) => r[0]!.startsWith('Diabetes') && r[0]!.includes('mean'))).toBe(false);
    }
  });

  it('an explicit two-level text, bare 1/2 codes, three values and sex 0/1 are not read as yes/no', () => {
    const plan = parsePlan({ arms: { intervention: 'a', control: 'b' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });
    const lines = ['id,arm,time,nrs,tf,group12,three,sex,grade'];
    const data: [string, string, string, string, string, string, string][] = [
      ['1', 'a', 'TRUE', '1', 'Ja', '0', 'low'],
      ['2', 'a', 'FALSE', '2', 'Nej', '1', 'high'],
      ['3', 'b', 'TRUE', '2', 'Ved ikke', '1', 'low'],
      ['4', 'b', 'TRUE', '1', 'Nej', '0', 'high'],
    ];
    for (const [id, arm, tf, g, three, sex, grade] of data) lines.push(`${id},${arm},baseline,5,${tf},${g},${three},${sex},${grade}`, `${id},${arm},3m,4,,,,,`);
    const csv = parseCsvText(lines.join('\n') + '\n', 'x.csv');
    const trial = loadTrial(csv, plan);
    const t1 = baselineTable(trial, characteristicsFromExport(csv, trial, ['tf', 'group12', 'three', 'sex', 'grade']));
    const kind = (k: string) => t1.rows.find((r) => r.key === k)?.kind;
    expect(t1.rows.find((r) => r.key === 'tf')).toMatchObject({ kind: 'binary', yes: 'TRUE', arms: { intervention: { events: 1, n: 2 }, control: { events: 2, n: 2 } } });
    expect([kind('group12'), kind('three'), kind('sex'), kind('grade'), kind('nrs')]).toEqual(['categorical', 'categorical', 'categorical', 'categorical', 'numeric']);
  });

  it('yes/no words in mixed case are one answer; a score outcome whose baseline is only 0 and 1 stays a score (review)', () => {
    const plan = parsePlan({ arms: { intervention: 'a', control: 'b' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] });
    const lines = ['id,arm,time,nrs,smoker'];
    const data: [string, string, string, string][] = [['1', 'a', '0', 'Ja'], ['2', 'a', '1', 'ja '], ['3', 'b', '1', 'NEJ'], ['4', 'b', '0', 'Nej'], ['5', 'b', '1', 'JA']];
    for (const [id, arm, nrs, smoker] of data) lines.push(`${id},${arm},baseline,${nrs},${smoker}`, `${id},${arm},3m,4,`);
    const csv = parseCsvText(lines.join('\n') + '\n', 'x.csv');
    const trial = loadTrial(csv, plan);
    const t1 = baselineTable(trial, characteristicsFromExport(csv, trial, ['smoker']));
    expect(t1.rows.find((r) => r.key === 'smoker')).toMatchObject({ kind: 'binary', yes: 'Ja', arms: { intervention: { events: 2, n: 2 }, control: { events: 1, n: 3 } } });
    expect(t1.rows.find((r) => r.key === 'nrs')?.kind).toBe('numeric');
  });
});

describe('Table 1 and an outcome asked only at follow-up', () => {
  it('leaves out an outcome with no baseline value (global perceived effect), keeps one with some', () => {
    const rows = Array.from({ length: 8 }, (_, k) => {
      const arm = k % 2 === 0 ? 'app' : 'usual';
      return [`P${k + 1};${arm};baseline;${8 + (k % 5)};`, `P${k + 1};${arm};3m;${(k * 3) % 8};${k % 3 === 0 ? 1 : 0}`];
    }).flat();
    const text = ['id;arm;time;rmdq;gpe', ...rows].join('\n');
    const plan = parsePlan({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }, { key: 'gpe', instrument: 'binary' }] });
    const trial = loadTrial(parseCsvText(text, 'gpe.csv'), plan);
    expect(baselineTable(trial).rows.map((r) => r.key)).toEqual(['rmdq']);
    // One patient's baseline GPE makes it a baseline characteristic again (with its missing count).
    const one = loadTrial(parseCsvText(text.replace('P1;app;baseline;8;', 'P1;app;baseline;8;1'), 'gpe.csv'), plan);
    const gpe = baselineTable(one).rows.find((r) => r.key === 'gpe');
    expect(gpe?.arms.intervention).toMatchObject({ missing: 3 });
  });
});
