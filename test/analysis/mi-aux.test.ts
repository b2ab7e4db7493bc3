/**
 * Multiple imputation with auxiliary variables (in the imputation model, not the ANCOVA) and
 * imputation by arm, against R mice in test/reference/mi-aux.R on test/fixtures/mi-aux/ (160
 * randomised; the 12m score missing at random given the number of app sessions and work status).
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { HtaError } from '../../src/errors.js';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { imputeOutcome, miEffect, tippingPointFor } from '../../src/analysis/missing-data-effects.js';
import { chainedEquations } from '../../src/stats/missing/chained-equations.js';
import { ancovaArmEffect, miAncova } from '../../src/stats/missing/mi-ancova.js';
import { createRandom } from '../../src/stats/random.js';
import type { ImputationWide } from '../../src/trial/outcome-wide.js';

const dir = 'test/fixtures/mi-aux';
const ref = JSON.parse(readFileSync('test/reference/mi-aux.json', 'utf8'));
const basePlan = JSON.parse(readFileSync(`${dir}/plan.json`, 'utf8'));
const csv = readFileSync(`${dir}/trial.csv`, 'utf8');
const withMissing = (missing: Record<string, unknown>) => ({ ...basePlan, missing: { ...basePlan.missing, ...missing } });
const miOf = (plan: unknown) => {
  const trial = loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(plan));
  return analyzeTrial(trial, { version: 'test' }).effects.find((e) => e.method === 'mi-ancova' && e.time === '12m')!;
};

const models = {
  numeric: withMissing({ auxiliary: ['sessioner'] }),
  categorical: withMissing({ auxiliary: ['arbejde'] }),
  byArm: withMissing({ auxiliary: ['sessioner', 'arbejde'], byArm: true }),
} as const;

describe('multiple imputation with auxiliary variables (= R mice with them in the data, not in lm)', () => {
  for (const [name, plan] of Object.entries(models)) {
    it(`${name}: the pooled numbers within MI noise of mice's`, () => {
      const mi = miOf(plan);
      expect(mi.error).toBeUndefined();
      expect(mi.n).toEqual(ref.patients);
      // The ANCOVA adjusts for the baseline and the covariate only.
      expect(mi.covariates).toEqual(['baseline', 'alder']);
      const { mean, sdOverSeeds: sd } = ref.byModel[name];
      const ours = { estimate: mi.difference, se: mi.se, ciLower: mi.ciLower, ciUpper: mi.ciUpper };
      for (const k of ['estimate', 'se', 'ciLower', 'ciUpper'] as const) expect(Math.abs(ours[k]! - mean[k]), k).toBeLessThan(3.5 * sd[k]);
    });
  }
});

describe('the comparison can fail: hta run without what the plan asks for lands outside those windows', () => {
  // The fixture's 12m score is missing at random given the auxiliary variables, strongly (R: no
  // auxiliary variable −0.50, with them −1.1 to −1.5), so a loader that dropped them, coded them
  // wrongly or ignored byArm would fail the tests above. hta run that way matches R run that way.
  const within = (name: string, x: number) => Math.abs(x - ref.byModel[name].mean.estimate) < 3.5 * ref.byModel[name].sdOverSeeds.estimate;
  it('no auxiliary variable: outside the numeric, categorical and by-arm windows (and within R\'s no-auxiliary one)', () => {
    const none = miOf(withMissing({ auxiliary: undefined })).difference!;
    for (const name of ['numeric', 'categorical', 'byArm']) expect(within(name, none), name).toBe(false);
    expect(within('none', none)).toBe(true);
  });
  it('both auxiliary variables in one model for both arms: outside the by-arm window (and within R\'s one-model one)', () => {
    const oneModel = miOf(withMissing({ auxiliary: ['sessioner', 'arbejde'] })).difference!;
    expect(within('byArm', oneModel)).toBe(false);
    expect(within('bothNotByArm', oneModel)).toBe(true);
  });
});

/**
 * A wide table by hand: y = 5 + τ·arm + 0.5·baseline + 1.5·z + e (τ = −1), the baseline
 * independent of z, and the follow-up missing at random given z — in the intervention arm when z
 * is low (80%), in the control arm at random (20%). The intervention completers have higher z,
 * so the complete-case ANCOVA (and MI without z) is biased towards 0; MI with z as an auxiliary
 * variable recovers τ.
 */
function simulated(n: number, seed: number): { wide: ImputationWide; y: (number | null)[] } {
  const rng = createRandom(seed);
  const treated: number[] = [];
  const baseline: number[] = [];
  const z: number[] = [];
  const y: (number | null)[] = [];
  for (let i = 0; i < n; i++) {
    const arm = i % 2;
    const b = 5 + rng.normal();
    const zi = rng.normal();
    const yi = 5 - arm + 0.5 * b + 1.5 * zi + rng.normal();
    const gone = arm === 1 ? zi < 0 && rng.uniform() < 0.8 : rng.uniform() < 0.2;
    treated.push(arm);
    baseline.push(b);
    z.push(zi);
    y.push(gone ? null : yi);
  }
  const ids = treated.map((_, i) => `P${i}`);
  const wide: ImputationWide = {
    ids, treated, baseline, visits: ['12m'], followUp: { '12m': y }, covariates: [], covariateValues: [],
    imputedCovariates: [], imputedBaselines: 0, leftOut: { patients: 0, covariates: [] },
    auxiliary: [{ name: 'aux:z', values: z }], auxiliaryValues: [{ name: 'z', values: z }],
  };
  return { wide, y };
}

describe('an auxiliary variable that predicts missingness (MAR given it)', () => {
  const { wide, y } = simulated(1200, 11);
  const without: ImputationWide = { ...wide, auxiliary: [], auxiliaryValues: [] };
  const mi = (w: ImputationWide) => miEffect(w, imputeOutcome(w, 10, 1), '12m', 0.95).difference;
  it('the complete-case ANCOVA and MI without it are biased; MI with it is near the truth (τ = −1)', () => {
    const keep = y.map((v) => v !== null);
    const pick = <T>(xs: readonly T[]) => xs.filter((_, i) => keep[i]);
    const cc = ancovaArmEffect({ y: pick(y) as number[], treated: pick(wide.treated), baseline: pick(wide.baseline) as number[] }, { outcome: 'y', treated: 'treated', baseline: 'baseline' }).estimate;
    expect(cc + 1).toBeGreaterThan(0.4);
    expect(mi(without) + 1).toBeGreaterThan(0.4);
    expect(Math.abs(mi(wide) + 1)).toBeLessThan(0.2);
  });

  it('the auxiliary variable is not in the ANCOVA', () => {
    const run = imputeOutcome(wide, 3, 1);
    const e = miEffect(wide, run, '12m', 0.95);
    expect(e.extra!.covariates).toEqual(['baseline']);
    const spec = { outcome: 'y_12m', treated: 'treated', baseline: 'baseline' };
    expect(e.difference).toBe(miAncova(run.completed, spec).estimate);
    expect(e.difference).not.toBe(miAncova(run.completed, { ...spec, covariates: ['aux:z'] }).estimate);
  });
});

describe('imputation by arm', () => {
  const { wide } = simulated(200, 5);
  it('is mice on each arm alone, without the arm: the control arm from the seed, the intervention arm from seed + 1, rows put back in place', () => {
    const run = imputeOutcome(wide, 4, 9, undefined, 'pmm', { byArm: true });
    expect(run.byArm).toBe(true);
    for (const arm of [0, 1]) {
      const rows = wide.treated.flatMap((t, i) => (t === arm ? [i] : []));
      const pick = (xs: readonly (number | null)[]) => rows.map((i) => xs[i]!);
      const alone = chainedEquations(
        [{ name: 'baseline', values: pick(wide.baseline) }, { name: 'aux:z', values: pick(wide.auxiliary[0]!.values) }, { name: 'y_12m', values: pick(wide.followUp['12m']!) }],
        { m: 4, seed: 9 + arm, method: 'pmm' },
      );
      run.completed.forEach((d, l) => {
        expect(pick(d.y_12m!)).toEqual(alone.completed[l]!.y_12m);
        expect(pick(d.treated!)).toEqual(rows.map(() => arm));
      });
      expect(pick(run.missing.y_12m! as unknown as number[])).toEqual(alone.missing.y_12m);
    }
  });

  it('the tipping point shifts the imputed intervention values of a run by arm', () => {
    const run = imputeOutcome(wide, 4, 9, undefined, 'pmm', { byArm: true });
    const imputedIntervention = run.missing.y_12m!.filter((miss, i) => miss && wide.treated[i] === 1).length;
    expect(imputedIntervention).toBeGreaterThan(0);
    const t = tippingPointFor(wide, run, '12m', 'lower-better', 1, 0.05);
    expect(t.nImputedIntervention).toBe(imputedIntervention);
  });

  it('an auxiliary variable with fewer than 2 observed values in one arm: the message names the column (not MI\'s internal name) and the arm', () => {
    const keepOne = (arm: number) => {
      let seen = 0;
      return wide.auxiliary[0]!.values.map((v, i) => (wide.treated[i] !== arm ? v : seen++ < 1 ? v : null));
    };
    for (const arm of [0, 1]) {
      const z = keepOne(arm);
      const few: ImputationWide = { ...wide, auxiliary: [{ name: 'aux:z', values: z }], auxiliaryValues: [{ name: 'z', values: z }] };
      const armName = arm === 1 ? 'intervention' : 'control';
      expect(() => imputeOutcome(few, 2, 9, undefined, 'pmm', { byArm: true })).toThrow(
        `multiple imputation by arm: auxiliary variable 'z' has 1 observed value in the ${armName} arm; at least 2 are needed`,
      );
    }
  });
});

describe('the plan\'s auxiliary variables', () => {
  const problemsOf = (plan: unknown, file = '<plan>') => {
    try {
      parsePlan(plan, file);
    } catch (e) {
      return (e as HtaError).problems ?? [];
    }
    return [];
  };
  it('refuses a covariate or an outcome column as an auxiliary variable, at its place in the plan', () => {
    const [covariate] = problemsOf(withMissing({ auxiliary: ['sessioner', 'alder'] }));
    expect(covariate).toMatchObject({ field: 'missing.auxiliary.1', value: 'alder' });
    expect(covariate!.expected).toContain('covariate "alder"');
    const [outcome] = problemsOf(withMissing({ auxiliary: ['nrs_3m'] }));
    expect(outcome).toMatchObject({ field: 'missing.auxiliary.0', value: 'nrs_3m' });
    expect(outcome!.expected).toContain('outcome "nrs"');
    const dir = mkdtempSync(join(tmpdir(), 'mi-aux-'));
    const file = join(dir, 'plan.json');
    writeFileSync(file, JSON.stringify(withMissing({ auxiliary: ['alder'] }), null, 2));
    try {
      loadPlanFile(file);
      expect.unreachable();
    } catch (e) {
      const p = (e as HtaError).problems![0]!;
      // The line of "alder" inside "auxiliary" (the line after the key's), not of the covariate.
      const lines = JSON.stringify(withMissing({ auxiliary: ['alder'] }), null, 2).split('\n');
      expect(p.line).toBe(lines.findIndex((l) => l.includes('"auxiliary"')) + 2);
    } finally {
      rmSync(dir, { recursive: true });
    }
  });

  it('refuses the plan\'s id, arm and (long export) visit column as an auxiliary variable, at its place in the plan', () => {
    expect(problemsOf(withMissing({ auxiliary: ['sessioner', 'id'] }))).toMatchObject([{ field: 'missing.auxiliary.1', value: 'id' }]);
    const [arm] = problemsOf(withMissing({ auxiliary: ['gruppe'] }));
    expect(arm).toMatchObject({ field: 'missing.auxiliary.0', value: 'gruppe' });
    expect(arm!.expected).toContain('the arm');
    const long = { ...withMissing({ auxiliary: ['besoeg'] }), layout: 'long', columns: { ...basePlan.columns, time: 'besoeg' } };
    expect(problemsOf(long)).toMatchObject([{ field: 'missing.auxiliary.0', value: 'besoeg' }]);
    // A wide export has no visit column: there a column named "time" may be a characteristic.
    expect(problemsOf(withMissing({ auxiliary: ['time'] }))).toEqual([]);
  });

  it('refuses, when the export is read, a categorical auxiliary variable of one level or more than 10 (file, column; not a failed MI row per outcome and visit)', () => {
    const withColumn = (cell: (i: number) => string) => csv.trimEnd().split('\n').map((l, i) => `${l},${i === 0 ? 'ekstra' : cell(i)}`).join('\n');
    const plan = parsePlan(withMissing({ auxiliary: ['sessioner', 'ekstra'] }));
    for (const [cell, says] of [[() => 'ja', "one level ('ja')"], [(i: number) => `k${i % 11}`, '11 levels']] as const) {
      try {
        loadTrial(parseCsvText(withColumn(cell), 'trial.csv'), plan);
        expect.unreachable();
      } catch (e) {
        expect((e as HtaError).code).toBe('input.invalid');
        const [p, ...rest] = (e as HtaError).problems!;
        expect(rest).toEqual([]);
        expect(p).toMatchObject({ file: 'trial.csv', line: 1, column: csv.split('\n')[0]!.split(',').length + 1, field: 'ekstra' });
        expect(p!.expected).toContain(says);
      }
    }
    // 2 to 10 levels are read (9 here, each in both arms).
    expect(() => loadTrial(parseCsvText(withColumn((i) => `k${i % 9}`), 'trial.csv'), plan)).not.toThrow();
  });

  it('refuses an export without the column, naming it and the plan key', () => {
    try {
      loadTrial(parseCsvText(csv, 'trial.csv'), parsePlan(withMissing({ auxiliary: ['sessions'] })));
      expect.unreachable();
    } catch (e) {
      const p = (e as HtaError).problems!.find((x) => x.value === 'sessions')!;
      expect(p.file).toBe('trial.csv');
      expect(p.expected).toContain('"auxiliary"');
    }
  });

  it('without auxiliary variables or byArm, the MI row details say nothing of them', () => {
    const mi = miOf(withMissing({ auxiliary: undefined }));
    expect(mi.details).not.toHaveProperty('auxiliaryVariables');
    expect(mi.details).not.toHaveProperty('imputedByArm');
    expect(miOf(models.byArm).details).toMatchObject({ auxiliaryVariables: [{ column: 'sessioner', imputedPatients: ref.missingSessioner }, { column: 'arbejde', imputedPatients: ref.missingArbejde }], imputedByArm: true });
  });
});
