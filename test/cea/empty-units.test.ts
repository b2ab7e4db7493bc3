// An empty resource-use cell meaning "no use" (docs/plan-cea.md#inputs): read as missing with no
// word, 36 empty Fysioterapi cells made half the total costs missing and moved the incremental
// cost from −586 to −988 DKK. Now each column's empty cells are noted, "emptyUnits": "zero" reads
// them as 0, the summary says each arm's missing costs and QALYs, and a refusal for too few
// observed costs names the column whose empty cells cause it.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

// The notes as `hta cea` prints them in English (some have a Danish form too).
const run = (f: { exportFile: string; plan: string }) => {
  const r = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};

/**
 * The fixture (GP visits on the 3-month rows; even patients app, odd usual care) with the 3-month
 * GP cell of `empty` patients emptied, and of `unanswered` patients the whole 3-month row's answers.
 */
function fixture(o: { empty: number[]; unanswered?: number[]; na?: number[]; planExtra?: Record<string, unknown> }) {
  const f = ceaFixture({ planExtra: o.planExtra ?? {} });
  const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l) => {
    const m = /^P(\d+),(\w+),3m,/.exec(l);
    if (!m) return l;
    const i = Number(m[1]);
    if (o.unanswered?.includes(i)) return `P${i},${m[2]},3m,,,`;
    if (o.na?.includes(i)) return l.replace(/,[^,]*$/, ',NA');
    return o.empty.includes(i) ? l.replace(/,[^,]*$/, ',') : l;
  });
  writeFileSync(f.exportFile, lines.join('\n'));
  return f;
}

describe('empty resource-use cells', () => {
  it('are read as missing by default, with a note naming the column, the count and the setting', () => {
    const { result, notes } = run(fixture({ empty: [0, 1, 3] }));
    expect(result.patients.missingCost).toEqual({ intervention: 1, control: 2 });
    expect(notes.join('\n')).toMatch(/export\.csv: "ru_gp": 3 empty cells on the period rows read as missing \(imputed\), not 0 — set "emptyUnits": "zero" in .*cea\.json \(for every item, or on item "gp" alone\) if an empty cell means no use/);
  });

  it('are 0 with "emptyUnits": "zero" for the plan or on the item, and said so', () => {
    const plain = run(fixture({ empty: [] }));
    for (const planExtra of [{ emptyUnits: 'zero' }, { resourceUse: [{ key: 'gp', column: 'ru_gp', category: 'primary-care', emptyUnits: 'zero' }] }]) {
      const { result, notes } = run(fixture({ empty: [0, 1, 3], planExtra }));
      expect(result.patients.missingCost).toEqual({ intervention: 0, control: 0 });
      expect(notes.join('\n')).toContain('"ru_gp": 3 empty cells on the period rows read as 0 (no use), as "emptyUnits": "zero" says');
      // Patient 0's GP visits (app arm) now count 0: the arm's mean cost falls by their share.
      const gp0 = Number(readFileSync(ceaFixture().exportFile, 'utf8').split('\n').find((l) => l.startsWith('P0,app,3m,'))!.split(',').pop());
      expect(result.totalCost.intervention.mean! * 24).toBeCloseTo(plain.result.totalCost.intervention.mean! * 24 - 30 * gp0, 6);
    }
  });

  it('a visit with no answer at all, and NA, stay missing with "emptyUnits": "zero"', () => {
    const { result, notes } = run(fixture({ empty: [0], unanswered: [2], na: [4], planExtra: { emptyUnits: 'zero' } }));
    expect(result.patients.missingCost).toEqual({ intervention: 2, control: 0 });
    expect(notes.join('\n')).toContain('"ru_gp": 1 empty cell on the period rows read as 0');
  });

  it('the summary says each arm\'s missing costs and QALYs', () => {
    const { result } = run(fixture({ empty: [0, 1, 3] }));
    expect(ceaSummaryText(result, 'en')).toContain(`Missing (imputed): total costs of 1 of 24 intervention and 2 of 24 control patients; QALYs of ${result.patients.missingQaly.intervention} and ${result.patients.missingQaly.control}.`);
    expect(ceaSummaryText(result, 'da')).toContain('Manglende data (imputeret): samlede omkostninger for 1 af 24 patienter i interventionsgruppen og 2 af 24 i kontrolgruppen');
    expect(ceaSummaryText(run(fixture({ empty: [] })).result, 'en')).not.toContain('Missing');
  });

  it('too few observed costs are refused naming the column whose empty cells cause it', () => {
    // 21 of the 24 usual-care patients (odd ids) without a GP count.
    const odd = Array.from({ length: 21 }, (_, k) => 2 * k + 1);
    let text = '';
    try {
      run(fixture({ empty: odd }));
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      text = formatError(e as HtaError);
    }
    expect(text).toContain('expected enough observed total costs in the "usual" arm');
    expect(text).toMatch(/the costs are missing in "ru_gp" \(21 patients, 21 empty cells read as missing\); "ru_gp" is missing because of empty cells: set "emptyUnits": "zero" in .*cea\.json \(for every item, or on item "gp"\) if an empty cell means no use/);
  });
});
