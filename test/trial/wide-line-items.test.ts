/**
 * A wide export's item block without a visit suffix (`rmdq_1` … `rmdq_24` beside `rmdq_1_3m` …, or
 * alone): one value per patient line, so each item would be the same answer at baseline and at
 * every follow-up. Refused, as an unsuffixed outcome column is; with only some items unsuffixed
 * the export was read silently, a score summing answers from different visits. An outcome whose
 * score has a column per visit is read from it, not from an unsuffixed item block the plan does
 * not name (src/trial/load-trial.ts lineItemProblems; docs/input-trial-export.md, "Wide").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const VISITS = ['baseline', '3m', '12m'];
const ITEMS = Array.from({ length: 24 }, (_, k) => `rmdq_${k + 1}`);
const plan = (items: boolean) => ({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m', '12m'], covariates: ['age'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', ...(items ? { items: ITEMS } : {}) }] });

/** A wide export of 30 patients with the given columns after id, arm and age; answers 0/1 by patient and column. */
function wide(columns: readonly string[]): string {
  const lines = [['id', 'arm', 'age', ...columns].join(',')];
  for (let p = 1; p <= 30; p++) lines.push([`P${p}`, p % 2 ? 'app' : 'usual', 30 + p, ...columns.map((_, j) => ((p * 7 + j * 3) % 5 < 2 ? 1 : 0))].join(','));
  return lines.join('\n') + '\n';
}
const atVisits = VISITS.flatMap((v) => ITEMS.map((i) => `${i}_${v}`));

describe('an item block without a visit suffix in a wide export', () => {
  it('with only some items unsuffixed (a form exported twice) is refused, not read as a score of two visits\' answers', () => {
    const text = wide([...atVisits, ...ITEMS.slice(0, 12)]);
    for (const items of [true, false]) {
      const err = errorOf(() => loadTrial(parseCsvText(text, 'partial.csv'), parsePlan(plan(items))));
      expect(err.exitCode).toBe(2);
      expect(err.problems).toHaveLength(1);
      expect(err.problems[0]).toMatchObject({ file: 'partial.csv', line: 1, column: 76, kind: 'column.items-line:rmdq' });
      expect(err.problems[0]!.expected).toBe('a column for each visit for every item of outcome "rmdq" in this wide export (_baseline, _3m, _12m): "rmdq_1" … "rmdq_12" (12 items) end in none of the plan\'s visits, while its other items have a column per visit, so each would be read as the same answer at baseline and at every follow-up — the export also has them at its visits (rmdq_1_baseline, …), which the unsuffixed copies hide: in the export, give them their visit\'s suffix (rmdq_1_baseline) if they are a visit\'s answers, or delete them (a form exported once more without its visit)');
    }
  });

  it('alone is refused by validate (exit 2) with its items named, not an outcome column\'s advice', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'items.csv'), wide([...VISITS.map((v) => `pain_${v}`), ...ITEMS]));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(true)));
    const r = await runCli('validate', join(dir, 'items.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"rmdq_1" … "rmdq_24" (24 items) end in none of the plan\'s visits, so each would be read as the same answer at baseline and at every follow-up — if they are one visit\'s answers, give them that visit\'s suffix in the export (rmdq_1_baseline); items measured once are no outcome at every visit');
    expect(r.stderr).not.toContain('"column":');
  });

  it('beside the score at every visit: the outcome is read from its score when the plan names no items', () => {
    const text = wide([...VISITS.map((v) => `rmdq_${v}`), ...ITEMS]);
    const t = loadTrial(parseCsvText(text, 'score.csv'), parsePlan(plan(false)));
    expect(t.sources.map((s) => [s.key, s.from, s.columns])).toEqual([['rmdq', 'score', ['rmdq']]]);
    // A plan that names the items is refused as above.
    expect(errorOf(() => loadTrial(parseCsvText(text, 'score.csv'), parsePlan(plan(true)))).problems[0]!.kind).toBe('column.items-line:rmdq');
  });

  it('items at every visit with no unsuffixed copy are read as before', () => {
    const t = loadTrial(parseCsvText(wide(atVisits), 'ok.csv'), parsePlan(plan(true)));
    expect(t.sources[0]!.from).toBe('items');
    expect(t.times).toEqual(VISITS);
  });
});
