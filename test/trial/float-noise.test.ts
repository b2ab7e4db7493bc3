/**
 * pandas writes a whole-number score computed in floating point in full (`28.000000000000007`,
 * `7.000000000000001`): read as the whole number with a note, where a real decimal (`28.5`) is
 * still refused (trial/float-noise.ts, docs/input-trial-export.md#float-noise).
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { wholeNumberUnderNoise } from '../../src/trial/float-noise.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { errorOf } from '../support/error-of.js';

const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }, { key: 'pseq', instrument: 'pseq' }] };
const ITEMS = Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`);

/** Eight patients at baseline and 3m; `nrs(k, t)` is patient k's NRS cell at visit t, `item` the first PSEQ item's. */
function exportText(nrs: (k: number, t: number) => string, item: (k: number, t: number) => string = () => '3'): string {
  const rows = Array.from({ length: 8 }, (_, k) =>
    ['baseline', '3m'].map((time, t) => [`P${k + 1}`, k % 2 ? 'usual' : 'app', time, nrs(k, t), item(k, t), ...ITEMS.slice(1).map(() => '4')].join(',')),
  ).flat();
  return [['id', 'arm', 'time', 'nrs', ...ITEMS].join(','), ...rows].join('\n');
}

describe('float rounding in whole-number scores', () => {
  it('reads 7.000000000000001 as 7 and 4.000000000000001 (an item) as 4, and says so once with an example', () => {
    const text = exportText((k, t) => (t === 1 && k < 3 ? `${k + 3}.000000000000001` : String(k % 10)), (k, t) => (t === 0 && k === 5 ? '4.000000000000001' : '3'));
    const trial = loadTrial(parseCsvText(text, 'noise.csv'), parsePlan(PLAN));
    const nrs = Array.from(trial.rows.scores.nrs!);
    expect(nrs.slice(0, 6)).toEqual([0, 3, 1, 4, 2, 5]);
    // Patient 6's baseline PSEQ: nine items of 4 and the noisy 4 — 40, not refused.
    expect(trial.rows.scores.pseq![10]).toBe(40);
    const notes = (trial.readNotes ?? []).filter((n) => n.includes('float rounding'));
    expect(notes).toEqual(['noise.csv: 4 cells of whole-number scores or answers hold float rounding from the program that wrote the file (e.g. 3.000000000000001): read as whole numbers (3) — docs/input-trial-export.md#float-noise']);
  });

  it('still refuses a real decimal, and says nothing for a clean file', () => {
    const e = errorOf(() => loadTrial(parseCsvText(exportText((k, t) => (t === 1 && k === 2 ? '6.5' : '5')), 'half.csv'), parsePlan(PLAN)));
    expect(e.problems[0]).toMatchObject({ line: 7, value: '6.5', expected: expect.stringContaining('a whole number from 0 to 10') });
    const clean = loadTrial(parseCsvText(exportText(() => '5'), 'clean.csv'), parsePlan(PLAN));
    expect((clean.readNotes ?? []).filter((n) => n.includes('float rounding'))).toEqual([]);
  });

  it('takes as noise only a relative 1e-9 around a whole number', () => {
    expect(wholeNumberUnderNoise(28.000000000000007)).toBe(28);
    expect(wholeNumberUnderNoise(0.9999999999999999)).toBe(1);
    expect(wholeNumberUnderNoise(-3.0000000000000004)).toBe(-3);
    expect(wholeNumberUnderNoise(28.5)).toBeUndefined();
    expect(wholeNumberUnderNoise(28.000001)).toBeUndefined();
    expect(wholeNumberUnderNoise(28)).toBeUndefined();
  });

  it('plan init drafts the built-in whole-number instrument, not one with decimals', () => {
    const draft = draftPlan(parseCsvText(exportText((k, t) => (t === 1 ? `${k + 1}.000000000000001` : String(k))), 'noise.csv'), 'plan.schema.json');
    expect(JSON.stringify(draft)).not.toContain('"decimals":true');
  });
});
