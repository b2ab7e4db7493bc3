/**
 * The seeded analyses do not depend on the export's row order (docs/plan-trial.md#multiple-imputation):
 * an export re-sorted by site or date gives, from the plan's seed, the same multiple imputation,
 * tipping point, bootstrap CI and cost-effectiveness results, byte for byte, as the export sorted
 * by patient id (patient-ids.ts inIdOrder).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ceaFixture } from '../support/cea-fixture.js';

/** The header, then the data lines in another order (patients too): reversed, the last third moved first. */
function reordered(csv: string): string {
  const [header, ...lines] = csv.trimEnd().split('\n');
  const reversed = lines.reverse();
  const cut = Math.floor((2 * reversed.length) / 3);
  return [header, ...reversed.slice(cut), ...reversed.slice(0, cut)].join('\n') + '\n';
}

describe('seeded analyses and the order of the export rows', () => {
  it('multiple imputation, its tipping point and the Welch bootstrap: the same bytes from rows in another order', () => {
    const dir = 'test/fixtures/mi-gaps';
    const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
    const plan = parsePlan({ ...planJson, methods: ['ancova', 'welch'], missing: { ...planJson.missing, m: 2 } });
    const csv = readFileSync(`${dir}/trial.csv`, 'utf8');
    const options = { version: 'test', bootstrap: { replicates: 199, seed: 3 } };
    const seeded = (text: string) => {
      const r = analyzeTrial(loadTrial(parseCsvText(text, 'trial.csv'), plan), options);
      return JSON.stringify({ mi: r.effects.filter((e) => e.method === 'mi-ancova'), bootstrap: r.effects.map((e) => e.bootstrap ?? null), sensitivity: r.sensitivity?.rows[2], tipping: r.sensitivity?.tippingPoint });
    };
    const shuffled = reordered(csv);
    expect(shuffled).not.toBe(csv);
    const a = seeded(csv);
    expect(a).toContain('"method":"mi-ancova"');
    expect(a).toContain('"percentile"');
    expect(seeded(shuffled)).toBe(a);
  });

  it('multiple imputation with all-digit ids mixed with ids with letters (every third id with an x): the same bytes from rows in another order', () => {
    // Sorting all-digit ids by value and the rest as text was no order (9 < 10, 10 < 10x, 10x < 9), so MI hung on the row order (test/trial/id-order.test.ts).
    const dir = 'test/fixtures/mi-gaps';
    const planJson = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
    const plan = parsePlan({ ...planJson, methods: ['ancova'], missing: { ...planJson.missing, m: 2 } });
    const [header, ...lines] = readFileSync(`${dir}/trial.csv`, 'utf8').trimEnd().split('\n');
    const mixed = [header, ...lines.map((l, i) => l.replace(/^"P0*(\d+)"/, (_, n: string) => `"${n}${i % 3 === 2 ? 'x' : ''}"`))].join('\n') + '\n';
    expect(mixed).toContain('"3x"');
    expect(mixed).toContain('"10"');
    const mi = (text: string) => JSON.stringify(analyzeTrial(loadTrial(parseCsvText(text, 'trial.csv'), plan), { version: 'test' }).effects.filter((e) => e.method === 'mi-ancova'));
    const a = mi(mixed);
    expect(a).toContain('"method":"mi-ancova"');
    expect(mi(reordered(mixed))).toBe(a);
  });

  it('cost-effectiveness (imputation by arm and bootstrap): the same bytes from rows in another order', () => {
    const f = ceaFixture({ missingMiddleVisit: true });
    const shuffledFile = join(f.dir, 'shuffled.csv');
    writeFileSync(shuffledFile, reordered(readFileSync(f.exportFile, 'utf8')));
    const run = (dataFile: string) => {
      const { result } = analyseCeaFiles({ dataFile, planFile: f.plan, version: 'test', dataName: 'export.csv', planName: 'cea.json' });
      return JSON.stringify(result);
    };
    expect(run(shuffledFile)).toBe(run(f.exportFile));
  });

});
