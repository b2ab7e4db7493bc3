/**
 * A responder without `label` is named in results.json as the pages name it — from its outcome
 * and threshold ("Pain … improved ≥ 2 points", plan/outcome-label.ts) — never by its key.
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { outcomeLabel } from '../../src/plan/outcome-label.js';
import { loadTrial } from '../../src/trial/load-trial.js';

function exportCsv(): string {
  const lines = ['id,arm,time,pain'];
  for (let i = 1; i <= 40; i++) {
    const arm = i <= 20 ? 1 : 2;
    lines.push(`${i},${arm},baseline,${6 + (i % 4)}`, `${i},${arm},3m,${arm === 1 ? 2 + (i % 5) : 4 + (i % 5)}`);
  }
  return lines.join('\n');
}
const PLAN = {
  columns: { id: 'id', time: 'time', arm: 'arm' },
  arms: { intervention: '1', control: '2' },
  timepoints: ['3m'],
  outcomes: [{ key: 'pain', instrument: 'nrs' }],
  responders: [{ key: 'pain2', outcome: 'pain', points: 2 }, { key: 'pain30', outcome: 'pain', percent: 30, label: { en: 'Pain down by 30%' } }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

describe('responder labels in results.json', () => {
  const plan = parsePlan(PLAN);
  const result = analyzeTrial(loadTrial(parseCsvText(exportCsv(), 'export.csv'), plan), { version: 'test' });
  const labels = (key: string) => [...new Set(result.effects.filter((r) => r.outcome === key).map((r) => r.label))];

  it('without a label: the pages\' name, not the key', () => {
    expect(labels('pain2')).toEqual([outcomeLabel(plan, 'pain2', 'en')]);
    expect(labels('pain2')[0]).toMatch(/improved ≥ 2 points$/);
  });
  it('with a label: the plan\'s own', () => {
    expect(labels('pain30')).toEqual(['Pain down by 30%']);
  });
});
