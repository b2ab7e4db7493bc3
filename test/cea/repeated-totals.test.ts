// A per-patient register cost merged by id onto every visit row (R `merge(export, costs, by = "id")`)
// was counted once per period: in a health economist's Danish export the ICER went from 160,908 to
// 297,141 DKK per QALY and P(CE) from 83 % to 54 %, exit 0, with only a baseline note that named
// every resource column. The signature (the same non-zero amount on the baseline row and every
// follow-up row of nearly every patient) is refused now (docs/plan-cea.md#a-per-patient-total-on-every-row).
import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { HtaError, formatError } from '../../src/errors.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { createRandom } from '../../src/stats/random.js';

afterAll(removeTempDirs);

const N = 20;
const VISITS = ['Baseline', '3 mdr', '9 mdr'] as const;

/**
 * A Danish export (`;`, decimal comma) of N patients (even: app, odd: vanlig) at Baseline, 3 mdr and
 * 9 mdr, with GP visits on the follow-up rows and a hospital cost column whose cells `hospital` writes.
 */
function fixture(hospital: (i: number, visit: (typeof VISITS)[number], total: number) => string, item: Record<string, unknown> = {}) {
  const dir = tempDir();
  const rng = createRandom(11);
  const lines = ['Løbenr;Gruppe;Besøg;EQ5D_indeks;Laegebesoeg;Sygehus_kr'];
  for (let i = 0; i < N; i++) {
    const total = 1000 + 37 * i + (i % 2 === 0 ? 400 : 0);
    for (const [t, visit] of VISITS.entries()) {
      const u = (0.6 + 0.05 * t + 0.1 * rng.uniform()).toFixed(3).replace('.', ',');
      const gp = t === 0 ? '' : String(1 + Math.floor(3 * rng.uniform()));
      lines.push(`P${String(i).padStart(3, '0')};${i % 2 === 0 ? 'app' : 'vanlig'};${visit};${u};${gp};${hospital(i, visit, total)}`);
    }
  }
  writeFileSync(join(dir, 'udtraek.csv'), lines.join('\n') + '\n');
  writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({
    columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' }, arms: { intervention: 'app', control: 'vanlig' }, baseline: 'Baseline',
    allTimepoints: [...VISITS], timepoints: ['9 mdr'], outcomes: [{ key: 'eq5d', column: 'EQ5D_indeks', instrument: 'eq5d5l' }],
  }));
  writeFileSync(join(dir, 'cea.json'), JSON.stringify({
    trialPlan: 'trial.plan.json', currency: 'DKK', priceYear: 2024, utility: 'eq5d',
    visitTimes: { unit: 'months', times: { Baseline: 0, '3 mdr': 3, '9 mdr': 9 } }, periods: ['3 mdr', '9 mdr'],
    resourceUse: [{ key: 'laege', column: 'Laegebesoeg', category: 'primary-care' }, { key: 'sygehus', column: 'Sygehus_kr', category: 'hospital', ...item }],
    unitCosts: { laege: { cost: 150, source: 'takst' }, sygehus: { cost: 1, source: 'register' } },
    interventionCost: { price: 500 }, wtp: { to: 400000, step: 100000, thresholds: [300000] },
    bootstrap: { replicates: 100, seed: 3 }, imputation: { m: 5, seed: 3 }, sensitivity: { replicates: 20 },
  }));
  return { dir, exportFile: join(dir, 'udtraek.csv'), plan: join(dir, 'cea.json') };
}

// The notes as `hta cea` prints them in English (some have a Danish form too).
const run = (f: { exportFile: string; plan: string }) => {
  const r = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'udtraek.csv', planName: 'cea.json', replicates: 100 });
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};
const kr = (x: number) => `${Math.floor(x / 1000)}.${String(x % 1000).padStart(3, '0')}`;

/** merge(): every row of a patient holds the total. */
const merged = (_i: number, _v: string, total: number) => kr(total);
/** The total once, on the last period's row. */
const once = (_i: number, v: string, total: number) => (v === '9 mdr' ? kr(total) : '');

describe('a per-patient total joined onto every visit row', () => {
  it('is refused: exit 2, naming the file, column, the patients, an example line and what to write instead; nothing written', async () => {
    const f = fixture(merged);
    const out = join(f.dir, 'out');
    const r = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', out);
    expect(r.code).toBe(2);
    expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(r.stderr).toContain('udtraek.csv holds a per-patient total on every visit row');
    // Line 2 is P000's baseline row; column 6 is Sygehus_kr.
    expect(r.stderr).toContain(`udtraek.csv:2:6 (Sygehus_kr): "1.400" — expected each period's own amount on its row: ${N} of the ${N} patients with an amount in "Sygehus_kr" have the same amount on the baseline row and on every follow-up row`);
    expect(r.stderr).toContain('Put the total once, on the "9 mdr" row, leave the other rows empty and give item "sygehus" "emptyUnits": "zero"');
    expect(r.stderr).toContain('"perPeriod": true');
    expect(existsSync(out)).toBe(false);
  });

  it('still refused with a few patients missing the register cost or a follow-up value (nearly every patient)', () => {
    // 2 of 20 patients with the 3 mdr cell emptied: 18 of 20 = 90 %.
    const f = fixture((i, v, total) => (i < 2 && v === '3 mdr' ? '' : kr(total)));
    expect(() => run(f)).toThrow(HtaError);
    try {
      run(f);
    } catch (e) {
      expect(formatError(e as HtaError)).toContain(`18 of the ${N} patients with an amount`);
    }
  });

  it('the total once on the last period\'s row with "emptyUnits": "zero" runs, counting it once', () => {
    const { result } = run(fixture(once, { emptyUnits: 'zero' }));
    const hospital = result.costsByCategory.find((c) => c.category === 'hospital')!;
    const totals = Array.from({ length: N }, (_, i) => 1000 + 37 * i + (i % 2 === 0 ? 400 : 0));
    const meanOf = (arm: number) => totals.filter((_, i) => i % 2 === arm).reduce((a, b) => a + b, 0) / (N / 2);
    expect(hospital.intervention.mean).toBeCloseTo(meanOf(0), 6);
    expect(hospital.control.mean).toBeCloseTo(meanOf(1), 6);
  });

  it('genuine per-period amounts that repeat for a few patients run', () => {
    // Each period's own amount; 6 of 20 patients (below 90 %) have the same amount on all three rows.
    const f = fixture((i, v, total) => (i < 6 ? kr(total) : v === 'Baseline' ? kr(total + 11) : v === '3 mdr' ? kr(total + 5 * i) : kr(total - 3 * i)));
    expect(() => run(f)).not.toThrow();
  });

  it('"perPeriod": true on the item reads repeated amounts as each period\'s own, and the baseline note names only the columns with baseline units', () => {
    const { result, notes } = run(fixture(merged, { perPeriod: true }));
    const hospital = result.costsByCategory.find((c) => c.category === 'hospital')!;
    const totals = Array.from({ length: N }, (_, i) => 1000 + 37 * i + (i % 2 === 0 ? 400 : 0));
    // Two periods, each with the amount: counted twice, as the plan says.
    expect(hospital.intervention.mean).toBeCloseTo((2 * totals.filter((_, i) => i % 2 === 0).reduce((a, b) => a + b, 0)) / (N / 2), 6);
    const note = notes.find((n) => n.includes('baseline resource use'))!;
    expect(note).toContain(`${N} baseline rows hold units in "Sygehus_kr"; the costs`);
    expect(note).not.toContain('Laegebesoeg');
  });
});
