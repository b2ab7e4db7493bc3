// Discounting after the first year (src/cea/discounting.ts, docs/plan-cea.md#discounting) against
// R (test/reference/cea-discounting.R: stats::integrate of the utility curve and of the period
// weights, lm), on a two-year export (test/fixtures/cea-discounting).
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { ceaPatients, patientQalys } from '../../src/cea/cea-patients.js';
import { discountedTrapezoid, periodWeight, yearWeight } from '../../src/cea/discounting.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { patientCosts } from '../../src/cea/patient-costs.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { discountSentence } from '../../src/cea/discount-text.js';
import { HtaError } from '../../src/errors.js';
import { runCli } from '../support/run-cli.js';
import { refusalText } from '../support/error-of.js';

const dir = 'test/fixtures/cea-discounting';
const ref = JSON.parse(readFileSync('test/reference/cea-discounting.json', 'utf8')) as {
  cases: { name: string; periodWeights: number[]; qaly: number[]; cost: number[]; incrementalCost: number; incrementalQaly: number }[];
};
const close = (actual: number, expected: number, rel = 1e-9) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.max(1, Math.abs(expected)));

function patients(name: string) {
  const resolved = loadCeaPlanFile(`${dir}/${name}.plan.json`);
  const csv = readCsvFile(`${dir}/export.csv`);
  const trial = loadTrial(csv, resolved.trialPlan);
  return { resolved, data: ceaPatients(trial, csv, resolved) };
}

describe('discount weights', () => {
  it('are 1 in the first year and (1 + r)^−y after it; a period is weighted by the time it spends in each year', () => {
    expect(yearWeight(0.035, 0)).toBe(1);
    close(yearWeight(0.035, 2), 1 / 1.035 ** 2, 1e-15);
    expect(periodWeight(0.035, 0.25, 1)).toBe(1);
    close(periodWeight(0.035, 1, 2), 1 / 1.035, 1e-15);
    close(periodWeight(0.035, 0.75, 1.5), (0.25 + 0.5 / 1.035) / 0.75, 1e-15);
  });

  it('leave a trapezoid within the first year exactly the plain trapezoid (same bits), and split one that crosses a year', () => {
    const plain = ((0.75 - 0.25) * (0.61 + 0.83)) / 2;
    expect(discountedTrapezoid(0.035, 0.25, 0.61, 0.75, 0.83)).toBe(plain);
    // 0.5 → 1.5, u from 0.5 to 1: year 0 holds 0.5..1 (u 0.5 → 0.75), year 1 holds 1..1.5 (u 0.75 → 1).
    close(discountedTrapezoid(0.1, 0.5, 0.5, 1.5, 1), 0.5 * (0.5 + 0.75) / 2 + (0.5 * (0.75 + 1)) / 2 / 1.1, 1e-15);
  });
});

describe('two-year follow-up against R', () => {
  for (const c of ref.cases) {
    it(`${c.name}: per-patient QALYs and costs, and the incremental cost and QALYs (lm)`, () => {
      const { resolved, data } = patients(c.name);
      data.discount.periodWeights.forEach((w, k) => close(w, c.periodWeights[k]!, 1e-10));
      const qaly = patientQalys(data, false);
      qaly.forEach((q, i) => close(q!, c.qaly[i]!, 1e-10));
      const cost = patientCosts(data, resolved, { perspective: 'healthcare', unitCostFactor: 1, priceFactor: 1 });
      cost.forEach((x, i) => close(x!, c.cost[i]!, 1e-10));
      const { result } = analyseCeaFiles({ dataFile: `${dir}/export.csv`, planFile: `${dir}/${c.name}.plan.json`, version: 't', dataName: 'export.csv', planName: `${c.name}.plan.json` });
      close(result.incrementalCost.estimate, c.incrementalCost);
      close(result.incrementalQaly.estimate, c.incrementalQaly);
      expect(result.method.discounting.beyondFirstYear).toBe(true);
    });
  }

  it('says what it discounted, in results.json and in Danish', () => {
    const { result } = analyseCeaFiles({ dataFile: `${dir}/export.csv`, planFile: `${dir}/cea-18m.plan.json`, version: 't', dataName: 'export.csv', planName: 'cea-18m.plan.json' });
    expect(result.method.discounting).toMatchObject({ costs: 0.035, qalys: 0.015 });
    expect(result.method.discounting.text).toBe('After the first year costs are discounted at 3.5% and QALYs at 1.5% a year');
    expect(discountSentence(result.method.discounting, 'da')).toBe('Efter det første år er omkostninger diskonteret med 3,5 % og QALY med 1,5 % om året');
  });

  it('a rate written in percent (3.5) is refused with how to write it (0.035)', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hta-disc-'));
    cpSync(dir, tmp, { recursive: true });
    const plan = JSON.parse(readFileSync(`${tmp}/cea-24m.plan.json`, 'utf8'));
    writeFileSync(`${tmp}/pct.plan.json`, JSON.stringify({ ...plan, discountRate: { costs: 3.5, qalys: 0.035 } }));
    expect(refusalText(() => loadCeaPlanFile(`${tmp}/pct.plan.json`))).toContain('(discountRate.costs): "3.5" — expected an annual rate as a fraction, at most 0.2: write 3.5 % as 0.035 (not 3.5)');
  });

  it('"discountRate" 0 gives the undiscounted areas and costs', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hta-disc-'));
    cpSync(dir, tmp, { recursive: true });
    const plan = JSON.parse(readFileSync(`${tmp}/cea-24m.plan.json`, 'utf8'));
    writeFileSync(`${tmp}/none.plan.json`, JSON.stringify({ ...plan, discountRate: { costs: 0, qalys: 0 } }));
    const resolved = loadCeaPlanFile(`${tmp}/none.plan.json`);
    const csv = readCsvFile(`${tmp}/export.csv`);
    const data = ceaPatients(loadTrial(csv, resolved.trialPlan), csv, resolved);
    expect(data.discount).toMatchObject({ costs: 0, qalys: 0, beyondFirstYear: true });
    const q = patientQalys(data, false);
    data.patients.forEach((p, i) => close(q[i]!, ((1 * (p.utilities[0]! + p.utilities[1]!)) / 2) + (1 * (p.utilities[1]! + p.utilities[2]!)) / 2, 1e-14));
    const discounted = ref.cases.find((c) => c.name === 'cea-24m')!;
    expect(q.some((x, i) => Math.abs(x! - discounted.qaly[i]!) > 1e-3)).toBe(true);
  });

  it('a period without a time in "visitTimes" is a problem once follow-up passes a year', () => {
    const tmp = mkdtempSync(join(tmpdir(), 'hta-disc-'));
    cpSync(dir, tmp, { recursive: true });
    const plan = JSON.parse(readFileSync(`${tmp}/cea-24m.plan.json`, 'utf8'));
    // 12m is a period but not on the QALY curve: its costs cannot be placed in time.
    writeFileSync(`${tmp}/gap.plan.json`, JSON.stringify({ ...plan, visitTimes: { unit: 'months', times: { baseline: 0, '24m': 24 } } }));
    let err: unknown;
    try {
      loadCeaPlanFile(`${tmp}/gap.plan.json`);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect(JSON.stringify((err as HtaError).problems)).toContain('a time for \\"12m\\" in \\"visitTimes\\"');
  });

  it('hta cea prints the discounting for a two-year follow-up, and nothing of it within a year', async () => {
    const two = await runCli('cea', `${dir}/export.csv`, '--plan', `${dir}/cea-24m.plan.json`);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stdout).toContain('Costs and QALYs after the first year discounted at 3.5% a year.');
    expect(two.stdout).toContain('Incremental cost: +745 DKK');
    // The same export with the visits placed at 0, 4 and 8 months: within a year, nothing to say.
    const tmp = mkdtempSync(join(tmpdir(), 'hta-disc-'));
    cpSync(dir, tmp, { recursive: true });
    const plan = JSON.parse(readFileSync(`${tmp}/cea-24m.plan.json`, 'utf8'));
    writeFileSync(`${tmp}/short.plan.json`, JSON.stringify({ ...plan, visitTimes: { unit: 'months', times: { baseline: 0, '12m': 4, '24m': 8 } } }));
    const one = await runCli('cea', `${tmp}/export.csv`, '--plan', `${tmp}/short.plan.json`);
    expect(one.code, one.stderr).toBe(0);
    expect(one.stdout).not.toMatch(/discount/i);
  });
});
