import { describe, expect, it } from 'vitest';
import * as aq from 'arquero';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { describeByArm } from '../../src/trial/describe-by-arm.js';
import { tidyTable } from '../../src/trial/descriptives.js';
import { describe as describeValues } from '../../src/stats/describe.js';

// describeByArm groups with a Map instead of arquero (which the analysis no longer loads): the
// same groups, the same values in the same order, so the same bits as arquero's rollup gave.
describe('describeByArm without arquero', () => {
  it('gives every cell exactly what the arquero groupby / array_agg rollup gave on the bundled trial', () => {
    const trial = loadTrial(readCsvFile('data/synthetic/selfback-trial.csv'), loadPlanFile('data/plans/selfback.plan.json'));
    const groups = tidyTable(trial)
      .groupby('outcome', 'time', 'arm')
      .rollup({ values: aq.op.array_agg('value') })
      .objects() as unknown as { outcome: string; time: string; arm: string; values: number[] }[];
    const viaArquero = new Map(groups.map((g) => [`${g.outcome}|${g.time}|${g.arm}`, describeValues(g.values)]));
    const rows = describeByArm(trial);
    expect(rows.length).toBe(trial.sources.length * trial.times.length * 2);
    let compared = 0;
    for (const r of rows) {
      const ref = viaArquero.get(`${r.outcome}|${r.time}|${r.arm}`);
      expect(r.n).toBe(ref?.n ?? 0);
      if (!ref) continue;
      compared++;
      // toBe: bit-for-bit (Object.is), not within a tolerance.
      expect([r.mean, r.sd, r.median, r.q1, r.q3]).toStrictEqual([ref.mean, ref.sd, ref.median, ref.q1, ref.q3]);
    }
    expect(compared).toBeGreaterThan(10);
  });
});
