/**
 * A yes/no outcome or responder row whose arms both had no events (0/30 vs 0/30), or both only
 * events (30/30 vs 30/30), printed p = 1.000: Pearson's χ² is 0/0 there and R's prop.test gives
 * NaN. Such a row now has no p — null in results.json, "—" on the page and in `hta analyze` —
 * as the adverse-event rows already had; 1/30 vs 0/30 keeps R's p (docs/data-contracts.md#effect-rows).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { binaryEffect } from '../../src/analysis/binary-effect.js';
import { effectsCsv } from '../../src/analysis/effects-csv.js';
import { analysisResultSchema, type AnalysisResult, type EffectRow } from '../../src/analysis/results-schema.js';
import { trialSummaryText } from '../../src/cli/analyze-text.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { trialReportKind } from '../../src/report/kinds/trial-report.js';
import type { Table } from '../../src/report/text-table.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { binaryFixture, label } from '../stats/binary.fixture.js';
import { reportEnv } from '../support/report-env.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

afterAll(removeTempDirs);

describe('binaryEffect: a p only where R\'s prop.test(correct = FALSE) has one (test/reference/binary.R)', () => {
  for (const c of binaryFixture.binary) {
    it(label(c), () => {
      const e = binaryEffect({ intervention: { events: c.x1, n: c.n1 }, control: { events: c.x2, n: c.n2 } }, c.confLevel);
      if (c.pValue === 'NaN') expect(e.pValue).toBeNull();
      else expectClose(e.pValue!, c.pValue);
    });
  }

  it('the fixture holds the three tables this fix is about', () => {
    const tables = binaryFixture.binary.map((c) => [c.x1, c.n1, c.x2, c.n2].join(' '));
    expect(tables).toEqual(expect.arrayContaining(['0 30 0 30', '30 30 30 30', '1 30 0 30']));
  });
});

// 30 patients per arm: no one used medication (0/30 vs 0/30), everyone was back at work (30/30
// vs 30/30), one intervention patient had nausea (1/30 vs 0/30), and everyone's pain fell by at
// least 2 points (the responder: 30/30 vs 30/30).
const N = 30;
function exportCsv(): string {
  const lines = ['id,arm,time,pain,med,work,nausea'];
  for (let i = 1; i <= 2 * N; i++) {
    const arm = i <= N ? 1 : 2;
    lines.push(`${i},${arm},baseline,${7 + (i % 3)},0,1,0`);
    lines.push(`${i},${arm},3m,${arm === 1 ? 2 + (i % 4) : 3 + (i % 3)},0,1,${i === 1 ? 1 : 0}`);
  }
  return lines.join('\n');
}
const yesNo = (key: string, direction: string) => ({ key, instrument: 'binary', direction, mcid: 0.1, mcidSource: 'protocol' });
const PLAN = {
  columns: { id: 'id', time: 'time', arm: 'arm' },
  arms: { intervention: '1', control: '2' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }, yesNo('med', 'lower-is-better'), yesNo('work', 'higher-is-better'), yesNo('nausea', 'lower-is-better')],
  responders: [{ key: 'pain2', outcome: 'pain', points: 2 }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

const rowOf = (rows: readonly EffectRow[], outcome: string) => rows.find((r) => r.outcome === outcome && r.method === 'risk-difference')!;
/** The p column (the sixth) of a table of all effects, by its first cell (the outcome's label). */
const pCell = (t: Table, label: RegExp) => t.rows.find((r) => label.test(r[0]!))![5];
/** The rows without contrast: medication, back at work and the pain responder (its label "… improved ≥ 2 points", "… forbedret ≥ 2 point"). */
const NO_CONTRAST = [/^med$/, /^work$/, /≥ 2 point/];

describe('a binary row without contrast in a trial analysis: no p anywhere it is shown', () => {
  const trial = loadTrial(parseCsvText(exportCsv(), 'export.csv'), parsePlan(PLAN));
  const result: AnalysisResult = analyzeTrial(trial, { version: 'test' });

  it('results.json: p null on 0/30 vs 0/30 and 30/30 vs 30/30 (yes/no and responder), R\'s p on 1/30 vs 0/30; significance from the CI', () => {
    const med = rowOf(result.effects, 'med');
    const work = rowOf(result.effects, 'work');
    const pain2 = rowOf(result.effects, 'pain2');
    const nausea = rowOf(result.effects, 'nausea');
    expect([med.risks?.eventsIntervention, med.risks?.eventsControl, work.risks?.eventsIntervention, pain2.risks?.eventsControl]).toEqual([0, 0, 30, 30]);
    expect([med.pValue, work.pValue, pain2.pValue]).toEqual([null, null, null]);
    expect([med.significant, work.significant, pain2.significant]).toEqual([false, false, false]);
    const r = binaryFixture.binary.find((c) => [c.x1, c.n1, c.x2, c.n2].join(' ') === '1 30 0 30')!;
    expectClose(nausea.pValue!, r.pValue as number); // prop.test(c(1, 0), c(30, 30), correct = FALSE): 0.313
    expect(analysisResultSchema.safeParse(JSON.parse(JSON.stringify(result))).success).toBe(true);
  });

  it('--csv: the pValue cell is empty on those rows', () => {
    const [header, rows] = effectsCsv(result);
    const at = (col: string) => header.indexOf(col);
    const csvRow = (outcome: string) => rows.find((r) => r[at('outcome')] === outcome && r[at('method')] === 'risk-difference')!;
    expect([csvRow('med'), csvRow('work'), csvRow('pain2')].map((r) => r[at('pValue')])).toEqual([null, null, null]);
    expect(csvRow('nausea')[at('pValue')]).toBeCloseTo(0.313243773401308, 12);
  });

  it('hta analyze prints "—" as their p (en, da), the p of 1/30 vs 0/30 as it is', () => {
    for (const [lang, nausea] of [['en', '0.313'], ['da', '0,313']] as const) {
      const lines = trialSummaryText(result, trial, lang).split('\n');
      // The text table's cells are separated by two or more spaces; the p is the sixth.
      const p = (label: RegExp) => lines.map((l) => l.trim().split(/ {2,}/)).find((cells) => label.test(cells[0]!))![5];
      expect(NO_CONTRAST.map(p)).toEqual(['—', '—', '—']);
      expect(p(/^nausea$/)).toBe(nausea);
      expect(lines.join('\n')).not.toMatch(/\b1[.,]000\b/);
    }
  });

  it('the report page\'s table of all effects prints "—" (en, da); its results.json has p null', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'export.csv'), exportCsv());
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(PLAN));
    for (const lang of ['en', 'da'] as const) {
      const c = await trialReportKind.build({ id: 'r', kind: 'trial', out: 'r', lang, data: 'export.csv', plan: 'plan.json', characteristics: [] } as never, reportEnv(dir, lang));
      const table = c.page.sections.find((s) => s.id === 'all-effects')!.tables![0]!.table;
      expect(NO_CONTRAST.map((k) => pCell(table, k))).toEqual(['—', '—', '—']);
      expect(pCell(table, /^nausea$/)).toBe(lang === 'en' ? '0.313' : '0,313');
      const results = c.results as AnalysisResult;
      expect(['med', 'work', 'pain2'].map((k) => rowOf(results.effects, k).pValue)).toEqual([null, null, null]);
    }
  });
});
