// `hta cea`: the command end to end on small exports written here, and the bundled plan's schema.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2020 from 'ajv/dist/2020.js';
import { describe, expect, it } from 'vitest';
import { ceaPlanJsonSchema } from '../../src/cea/cea-plan-schema.js';
import { ceaResultsJsonSchema } from '../../src/cea/cea-results-schema.js';
import { ceaSummaryText } from '../../src/cea/cea-text.js';
import { runCli } from '../support/run-cli.js';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaFixture as fixture } from '../support/cea-fixture.js';

async function ceaJson(o: Options = {}) {
  const f = fixture(o);
  const run = await runCli('cea', f.exportFile, '--plan', f.plan, '--json');
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout);
}

describe('hta cea', () => {
  it('says "dominant" in words when the app is cheaper and better, never a bare negative ratio; --json fits its schema', async () => {
    const r = await ceaJson({ utilityShift: 0.15, gp: { intervention: 0, control: 4 } });
    expect(r.incrementalCost.estimate).toBeLessThan(0);
    expect(r.incrementalQaly.estimate).toBeGreaterThan(0);
    expect(r.icer).toEqual({ kind: 'dominant', quadrant: 'SE' });
    expect(r.quadrants.SE).toBeGreaterThan(0.95);
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(ceaResultsJsonSchema() as object);
    expect(validate(r), JSON.stringify(validate.errors)).toBe(true);
    expect(ceaSummaryText(r, 'en')).toMatch(/ICER: dominant: the app saves money and gains health/);
    expect(ceaSummaryText(r, 'en')).not.toMatch(/ICER: [−-]/);
    expect(ceaSummaryText(r, 'da')).toMatch(/ICER: dominerende/);
  });

  it('handles a zero-cost arm: control patients use nothing, the app arm pays the price', async () => {
    const r = await ceaJson({ gp: { intervention: 0, control: 0 }, planExtra: { interventionCost: { price: 120 } } });
    const control = r.costsByCategory.find((c: { category: string }) => c.category === 'primary-care').control;
    expect(control.mean).toBe(0);
    expect(r.totalCost.control.mean).toBe(0);
    expect(r.totalCost.intervention.mean).toBeCloseTo(120, 9);
    // Every patient's cost is exactly determined by the arm: Δc is the price in every replicate.
    expect(r.incrementalCost.estimate).toBeCloseTo(120, 6);
    expect(r.cloud.cost.every((c: number) => Math.abs(c - 120) < 1e-6)).toBe(true);
    expect(r.quadrants.SE + r.quadrants.SW).toBe(0);
  });

  it('missing EQ-5D visits: trapezoids over the observed visits when the plan allows it, else imputed', async () => {
    const observed = await ceaJson({ missingMiddleVisit: true, planExtra: { qalyMissing: 'observed-visits' } });
    expect(observed.patients.missingQaly).toEqual({ intervention: 0, control: 0 });
    expect(observed.method.missing).toBe('none');
    const imputed = await ceaJson({ missingMiddleVisit: true });
    expect(imputed.patients.missingQaly.intervention + imputed.patients.missingQaly.control).toBe(10);
    expect(imputed.method.missing).toBe('mi');
    expect(imputed.method.imputations).toBe(5);
    expect(imputed.qalys.intervention.n + imputed.qalys.control.n).toBe(38);
  });

  it('refuses unit costs in another currency or price year: exit 2, file:line:column, nothing written', async () => {
    const f = fixture({ unitCostRows: ['gp,30,DKK,2020,test tariff'] });
    const out = join(f.dir, 'out');
    const run = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', out);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('unit-costs.csv:2:3 (currency): "DKK" — expected EUR, the plan\'s currency');
    expect(run.stderr).toContain('unit-costs.csv:2:4 (price_year): "2020" — expected 2021, the plan\'s price year');
    expect(run.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a resource-use cell that is not a count, naming line and column', async () => {
    const f = fixture();
    const text = readFileSync(f.exportFile, 'utf8').replace(/(P3,usual,3m,[^,]*,[^,]*,)\d+/, '$1two');
    writeFileSync(f.exportFile, text);
    const run = await runCli('cea', f.exportFile, '--plan', f.plan);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/export\.csv:\d+:6 \(ru_gp\): "two" — expected a number of units ≥ 0/);
  });

  it('--out-dir writes results.json and the CSV tables', async () => {
    const f = fixture();
    const out = join(f.dir, 'out');
    const run = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', out, '--replicates', '150');
    expect(run.code, run.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(out, 'results.json'), 'utf8'));
    expect(results.method.bootstrapReplicates).toBe(150);
    expect(readFileSync(join(out, 'ceac.csv'), 'utf8').split('\n')[0]).toBe('wtp,probability_cost_effective');
    expect(readFileSync(join(out, 'ce-plane.csv'), 'utf8').trim().split('\n')).toHaveLength(151);
  });
});

describe('cost-effectiveness plan schema', () => {
  it('hta plan check recognises the bundled cost-effectiveness plan and fills in its defaults', async () => {
    const r = await runCli('plan', 'check', 'data/plans/selfback.cea.json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).imputation).toEqual({ m: 20, seed: 20240601 });
    expect(JSON.parse(r.stdout).qalyMissing).toBe('impute');
  });

  it('schemas/cea-*.schema.json are up to date (npm run schemas) and the bundled plan fits', () => {
    expect(JSON.parse(readFileSync('schemas/cea-plan.schema.json', 'utf8'))).toEqual(ceaPlanJsonSchema());
    expect(JSON.parse(readFileSync('schemas/cea-results.schema.json', 'utf8'))).toEqual(ceaResultsJsonSchema());
    const ajv = new Ajv2020.default({ allErrors: true, strict: false });
    const validate = ajv.compile(ceaPlanJsonSchema() as object);
    expect(validate(JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8'))), JSON.stringify(validate.errors)).toBe(true);
  });
});

// Excel's Data → Subtotal adds a row `P1001 I alt` under each patient (and `Hovedtotal` at the
// end): they were refused as rows with an empty arm and visit, and the refusal advised
// --exclude-invalid, which `hta cea` rejected. Now they are summary rows (export-shape.ts), named
// without the patient's id, and `hta cea --exclude-invalid` leaves them out, saying so.
/** The fixture with a subtotal row under each patient's rows and a grand total at the end. */
function withSubtotals() {
  const f = fixture();
  const clean = f.exportFile.replace(/export\.csv$/, 'clean.csv');
  const text = readFileSync(f.exportFile, 'utf8');
  writeFileSync(clean, text);
  const lines = text.trim().split('\n');
  const out = [lines[0]!];
  for (let i = 1; i < lines.length; i++) {
    out.push(lines[i]!);
    const id = lines[i]!.split(',')[0]!;
    if (lines[i + 1]?.split(',')[0] !== id) out.push(`${id} I alt,,,,,2`);
  }
  out.push('Hovedtotal,,,,,96');
  writeFileSync(f.exportFile, out.join('\n') + '\n');
  return { ...f, clean };
}

describe('Excel subtotal rows in a cost-effectiveness export', () => {
  it('refuses them as summary rows, naming the lines but never the ids; --exclude-invalid leaves them out and says so', async () => {
    const f = withSubtotals();
    const refused = await runCli('cea', f.exportFile, '--plan', f.plan, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/export\.csv:5:1 \(id\): "… I alt" — expected a patient's row: lines 5, 9, 13, .* and \d+ more are summary rows \("… I alt", "Hovedtotal"/);
    expect(refused.stderr).toContain('Data → Subtotal → Remove All');
    expect(refused.stderr).not.toMatch(/P\d+ I alt/);
    const left = await runCli('cea', f.exportFile, '--plan', f.plan, '--json', '--exclude-invalid');
    expect(left.code, left.stderr).toBe(0);
    expect(left.stderr).toContain('excluded 49 row(s)');
    const clean = await runCli('cea', f.clean, '--plan', f.plan, '--json');
    expect(JSON.parse(left.stdout).incrementalCost).toEqual(JSON.parse(clean.stdout).incrementalCost);
    // The trial plan's "invalidRows": "exclude" (the report's way) says so too.
    const tp = join(f.dir, 'trial.plan.json');
    writeFileSync(tp, JSON.stringify({ ...JSON.parse(readFileSync(tp, 'utf8')), invalidRows: 'exclude' }));
    const byPlan = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
    // The note is stored in both languages (the run's en and da pages share the analysis).
    expect(byPlan.notes.map((n) => noteIn(n, 'en')).join('\n')).toContain('excluded 49 row(s)');
  });
});
