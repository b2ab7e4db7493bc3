/**
 * The Monte Carlo error of the multiply imputed point estimates (src/cea/monte-carlo-error.ts):
 * MCSE = √(B/m) and the fraction of missing information against R's mice::pool on the same
 * completed data sets (test/reference/cea-mcse.R), and the warning, the page note and the
 * summary line when it passes 10% of the SE (White, Royston & Wood 2011).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { imputeByArm } from '../../src/cea/cea-imputation.js';
import { ceaExportColumns, ceaPatients, patientQalys } from '../../src/cea/cea-patients.js';
import { ceaCsvFiles } from '../../src/cea/cea-csv-files.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { incrementalFit } from '../../src/cea/incremental-regression.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { poolWithMonteCarloError } from '../../src/cea/monte-carlo-error.js';
import { patientCosts } from '../../src/cea/patient-costs.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { ceaReportKind } from '../../src/report/kinds/cea-report.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ceaFixture } from '../support/cea-fixture.js';

interface Dataset { u0: number[]; cost: number[]; qaly: number[] }
const input = JSON.parse(readFileSync('test/reference/cea-mcse-input.json', 'utf8')) as { arm: number[]; cases: { perspective: 'healthcare' | 'societal'; m: number; seed: number; datasets: Dataset[] }[] };
const ref = JSON.parse(readFileSync('test/reference/cea-mcse.json', 'utf8'));
const close = (actual: number, expected: number, rel = 1e-6) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));

describe('Monte Carlo error against mice::pool', () => {
  it("the fixture's completed data sets are the ones hta's imputation makes", () => {
    const resolved = loadCeaPlanFile('data/plans/selfback.cea.json');
    const csv = readCsvFile('data/synthetic/selfback-trial.csv');
    const data = ceaPatients(loadTrial(csv, resolved.trialPlan, { alsoColumns: ceaExportColumns(resolved.plan) }), csv, resolved);
    const arm = data.patients.map((p) => (p.arm === 'intervention' ? 1 : 0));
    expect(arm).toEqual(input.arm);
    for (const c of input.cases) {
      const cost = patientCosts(data, resolved, { perspective: c.perspective, unitCostFactor: 1, priceFactor: 1 });
      const sets = imputeByArm({ arm, baselineUtility: data.patients.map((p) => p.utilities[0] ?? null), cost, qaly: patientQalys(data, false), covariates: [] }, arm.map((_, i) => i), c.m, c.seed);
      sets.forEach((d, l) => {
        d.cost.forEach((x, i) => close(x, c.datasets[l]!.cost[i]!, 1e-12));
        d.qaly.forEach((x, i) => close(x, c.datasets[l]!.qaly[i]!, 1e-12));
      });
    }
  });

  it('the pooled estimate, SE, MCSE = √(b/m) and FMI equal mice::pool on lm fits of the same data sets', () => {
    input.cases.forEach((c, k) => {
      const fits = c.datasets.map((d) => incrementalFit({ arm: input.arm, baselineUtility: d.u0, cost: d.cost, qaly: d.qaly, covariates: [] }));
      const pooled = poolWithMonteCarloError(fits);
      for (const key of ['cost', 'qaly'] as const) {
        const r = ref.cases[k][key];
        close(pooled[key].estimate, r.estimate);
        close(pooled[key].se, r.se);
        const mc = key === 'cost' ? pooled.monteCarlo.incrementalCost : pooled.monteCarlo.incrementalQaly;
        close(mc.mcse, r.mcse);
        close(mc.fmi, r.fmi);
      }
      expect(pooled.monteCarlo.imputations).toBe(c.m);
    });
  });
});

describe('a large Monte Carlo error is said', () => {
  it('few imputations: results, warning, summary, page note and sensitivity.csv carry it', async () => {
    const fewer = ceaFixture({ missingMiddleVisit: true, gp: { intervention: 2, control: 1 }, planExtra: { imputation: { m: 3, seed: 3 } } });
    const { result: r } = analyseCeaFiles({ dataFile: fewer.exportFile, planFile: fewer.plan, version: 'test', dataName: 'x', planName: 'y', replicates: 100 });
    const mc = r.monteCarloError!;
    expect(mc.imputations).toBe(3);
    expect(mc.large).toBe(true);
    expect(mc.incrementalQaly.mcse > 0.1 * r.incrementalQaly.se || mc.incrementalCost.mcse > 0.1 * r.incrementalCost.se).toBe(true);
    expect(mc.suggestedImputations).toBeGreaterThan(3);
    expect(mc.suggestedImputations).toBeGreaterThanOrEqual(Math.ceil(100 * Math.max(mc.incrementalCost.fmi, mc.incrementalQaly.fmi)));
    const warning = r.warnings.find((w) => w.startsWith('the base case: with m = 3 imputations the pooled estimates carry a large Monte Carlo error'));
    expect(warning, r.warnings.join('\n')).toBeDefined();
    expect(warning).toContain(`set "imputation": { "m": ${mc.suggestedImputations} } or more`);
    expect(ceaSummaryText(r, 'en')).toMatch(/^Monte Carlo error \(m = 3 imputations\): incremental cost ±€\d+, incremental QALYs ±0\.\d{4} — more than 10% of the SE \((the cost's|the QALYs') [\d.]+%( and the QALYs' [\d.]+%)?\); use at least m = \d+$/m);
    expect(ceaSummaryText(r, 'da')).toMatch(/^Monte Carlo-standardfejl \(m = 3 imputationer\): meromkostning ±\d+ EUR, forskel i QALY ±0,\d{4} — mere end 10 % af standardfejlen/m);
    const env = { input: (p: string) => p, lang: 'en' as const, version: 'test', memo: <T>(_k: string, compute: () => T) => compute() };
    const page = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'en', data: fewer.exportFile, plan: fewer.plan }, env);
    const notes = page.page.sections.find((s) => s.id === 'results')!.notes!.join('\n');
    expect(notes).toContain('Monte Carlo error of the pooled estimates from m = 3 imputations (√(B/m), White et al. 2011)');
    expect(notes).toContain(`White et al. advise at least ${mc.suggestedImputations} imputations here`);
    // Danish cites as the trial page does: "m.fl.", never "et al." (page and CLI).
    const da = await ceaReportKind.build({ id: 'x', kind: 'cea', out: 'x', lang: 'da', data: fewer.exportFile, plan: fewer.plan }, { ...env, lang: 'da' as const });
    const daText = JSON.stringify(da.page.sections);
    expect(daText).toContain('(√(B/m), White m.fl. 2011)');
    expect(daText).toContain('White m.fl. anbefaler');
    expect(daText).toContain('Brand m.fl. 2019');
    expect(daText).not.toContain('et al.');
    expect(ceaSummaryText(r, 'da')).toContain('Brand m.fl. 2019');
    // The price and unit-cost scenarios are the base case's replicates mapped: the cost MCSE scales with the unit costs.
    const low = r.sensitivity.find((s) => s.key === 'unit-costs-low')!;
    close(low.monteCarloError!.incrementalCost, 0.8 * mc.incrementalCost.mcse, 1e-12);
    expect(low.monteCarloError!.incrementalQaly).toBe(mc.incrementalQaly.mcse);
    expect(r.sensitivity.find((s) => s.key === 'complete-cases')!.monteCarloError).toBeNull();
    const csv = ceaCsvFiles(r).get('sensitivity.csv')!;
    expect(csv.split('\n')[0]).toMatch(/,mcse_cost,mcse_qaly$/);
  });

  it('enough imputations: reported, no warning', () => {
    const many = ceaFixture({ missingMiddleVisit: true, gp: { intervention: 2, control: 1 }, planExtra: { imputation: { m: 200, seed: 3 } } });
    const { result: r } = analyseCeaFiles({ dataFile: many.exportFile, planFile: many.plan, version: 'test', dataName: 'x', planName: 'y', replicates: 100 });
    expect(r.monteCarloError!.imputations).toBe(200);
    expect(r.monteCarloError!.large).toBe(false);
    expect(r.warnings.filter((w) => w.includes('Monte Carlo'))).toEqual([]);
    expect(ceaSummaryText(r, 'en')).toMatch(/^Monte Carlo error \(m = 200 imputations\): incremental cost ±€\d+, incremental QALYs ±0\.\d{4}$/m);
  });

  it('no missing data: no Monte Carlo error', () => {
    const none = ceaFixture();
    const { result: c } = analyseCeaFiles({ dataFile: none.exportFile, planFile: none.plan, version: 'test', dataName: 'x', planName: 'y', replicates: 100 });
    expect(c.method.missing).toBe('none');
    expect(c.monteCarloError).toBeNull();
    expect(ceaSummaryText(c, 'en')).not.toContain('Monte Carlo');
  });
});
