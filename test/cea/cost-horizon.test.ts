// Costs and QALYs over the same follow-up (docs/plan-cea.md#fields, #inputs). An economist's plan
// whose periods stopped at "12 mdr" while EQ-5D ran to "24 mdr" dropped the 24-month resource use
// without a word and turned a dominant app into an ICER; one that left "3 mdr" out of its periods
// dropped the 3-month units and read the 6-month row as covering 0–6 months.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { loadCeaPlanFile, noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';
import { refusalText } from '../support/error-of.js';

afterAll(removeTempDirs);

// The notes in English (noteIn): a note with a Danish form carries both (load-cea-plan.ts PlanNote).
const run = (f: { exportFile: string; plan: string }) => {
  const r = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};

const refusal = refusalText;

/** The fixture with GP visits on the 6-week rows too (the fixture's own are on the 3-month rows). */
function withSixWeekUse(planExtra: Record<string, unknown>) {
  const f = ceaFixture({ planExtra });
  writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P\d+,\w+,6w,/.test(l) ? `${l}2` : l)).join('\n'));
  return f;
}

describe('the cost horizon is the QALY horizon', () => {
  it('a last period before the last visit of visitTimes is refused at the plan\'s line and column, naming both fixes', () => {
    const f = ceaFixture({ planExtra: { periods: ['6w'] } });
    const text = refusal(() => loadCeaPlanFile(f.plan));
    expect(text).toMatch(/cea\.json:1:\d+ \(periods\.0\): "6w" — expected a last period that ends where the QALYs do: costs would stop at "6w" while QALYs run to "3m"/);
    expect(text).toContain('add "3m" to "periods" (["6w","3m"])');
    expect(text).toContain('or leave "3m" out of "visitTimes" to analyse up to "6w"');
  });

  it('a last period after the QALY curve\'s last visit is refused too', () => {
    const f = ceaFixture({ planExtra: { visitTimes: { unit: 'weeks', times: { baseline: 0, '6w': 6 } }, periods: ['3m'] } });
    expect(refusal(() => loadCeaPlanFile(f.plan))).toContain('costs would run to "3m" while QALYs stop at "6w"');
  });

  it('periods out of visit order are refused with the order to write', () => {
    const f = ceaFixture({ planExtra: { periods: ['3m', '6w'] } });
    expect(refusal(() => loadCeaPlanFile(f.plan))).toContain('(periods.1): "6w" — expected the periods in visit order, each counting the resource use since the previous one: ["6w","3m"]');
  });

  it('resource use after the last period (beyond the horizon) is noted, not counted', () => {
    // The analysis ends at 6 weeks; the fixture's GP visits are on the 3-month rows.
    const f = withSixWeekUse({ visitTimes: { unit: 'weeks', times: { baseline: 0, '6w': 6 } }, periods: ['6w'] });
    const { notes, result } = run(f);
    expect(notes.join('\n')).toContain('export.csv: resource use after the last period is not counted: 48 "3m" rows hold units in "ru_gp"; the analysis ends at "6w"');
    // 2 visits × 30 EUR each on every 6-week row: the 3-month rows are not in the totals.
    expect(result.totalCost.intervention.mean).toBeCloseTo(60, 9);
  });
});

describe('a visit with resource use that is not a period', () => {
  it('is refused, naming a cell, the rows and the periods to write', () => {
    const f = withSixWeekUse({});
    const text = refusal(() => run(f));
    expect(text).toMatch(/export\.csv:\d+:6 \(ru_gp\): "2" — expected resource use only on the rows of the visits in "periods" of .*cea\.json: 48 "6w" rows hold units, which no period counts, and the "3m" period would be read as covering the months before "6w" too — add it: "periods": \["6w","3m"\]/);
  });

  it('is counted once it is a period', () => {
    const base = run(ceaFixture());
    const both = run(withSixWeekUse({ periods: ['6w', '3m'] }));
    expect(both.result.totalCost.intervention.mean).toBeCloseTo(base.result.totalCost.intervention.mean + 60, 9);
  });

  it('rows whose resource cells are empty or 0 on a visit that is no period are not refused', () => {
    const f = ceaFixture();
    writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P\d+,\w+,6w,/.test(l) ? `${l}0` : l)).join('\n'));
    expect(run(f).notes.join('\n')).not.toContain('not counted');
  });
});
