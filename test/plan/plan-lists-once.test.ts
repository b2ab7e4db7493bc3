/**
 * A list entry given twice where a repeat means nothing is refused at the repeated entry's
 * line:column (docs/plan-trial.md "Each entry once"): `"timepoints": ["3m", "3m"]` doubled every
 * row, `"covariates": ["alder", "alder", "koen"]` left every ANCOVA "singular" without a word why.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceaPlanSchema } from '../../src/cea/cea-plan-schema.js';
import { loadPlanFile, parsePlan } from '../../src/plan/load-plan.js';
import { planJsonSchema } from '../../src/plan/plan-schema.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['6w', '3m'],
  covariates: ['alder', 'koen'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};

/** 1-based line:column of the n-th (0-based) `needle` in `text`. */
function where(text: string, needle: string, nth: number): [number, number] {
  let at = -1;
  for (let k = 0; k <= nth; k++) at = text.indexOf(needle, at + 1);
  const before = text.slice(0, at).split('\n');
  return [before.length, before[before.length - 1]!.length + 1];
}

function problemsOf(json: object) {
  const file = join(tempDir(), 'plan.json');
  const text = JSON.stringify(json, null, 2);
  writeFileSync(file, text);
  return { text, problems: errorOf(() => loadPlanFile(file)).problems };
}

describe('each entry once in a trial plan', () => {
  it('a visit given twice in "timepoints" is refused at the second, naming both entries', () => {
    const { text, problems } = problemsOf({ ...plan, timepoints: ['3m', '3m'] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ field: 'timepoints.1', value: '3m' });
    expect([problems[0]!.line, problems[0]!.column]).toEqual(where(text, '"3m"', 1));
    expect(problems[0]!.expected).toMatch(/^each entry once: given twice, as entries 1 and 2 of the list/);
  });
  it('a covariate, a method, a missing code and an item column given twice are each refused', () => {
    const { problems } = problemsOf({
      ...plan,
      covariates: ['alder', 'alder', 'koen'],
      methods: ['ancova', 'ancova'],
      missingCodes: [999, 'Ved ikke', 999],
      allTimepoints: ['baseline', '6w', '3m', '6w'],
      outcomes: [{ key: 'pseq', instrument: 'pseq', items: ['p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8', 'p9', 'p1'] }],
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['allTimepoints.3', 'covariates.1', 'methods.1', 'missingCodes.2', 'outcomes.0.items.9']);
    expect(problems.find((p) => p.field === 'covariates.1')!.expected).toMatch(/singular/);
  });
  it('a responder key given twice is refused at the later key; a subgroup level and an "in" value too', () => {
    const responder = { key: 'r30', outcome: 'rmdq', percent: 30 };
    const { problems } = problemsOf({
      ...plan,
      responders: [responder, { ...responder, percent: 50 }],
      subgroups: [{ column: 'setting', label: { en: 'setting' }, levels: ['gp', 'hospital', 'gp'], prespecified: true }],
      population: { label: { en: 'GP' }, criteria: [{ column: 'setting', op: 'in', values: ['gp', 'gp'], label: { en: 'GP' } }] },
    });
    expect(problems.map((p) => p.field).sort()).toEqual(['population.criteria.0.values.1', 'responders.1.key', 'subgroups.0.levels.2']);
    expect(problems.find((p) => p.field === 'responders.1.key')).toMatchObject({ value: 'r30' });
  });
  it('a number and its text are one entry; the same value in two lists is no repeat', () => {
    expect(() => parsePlan({ ...plan, missingCodes: [9, '9'] })).toThrow();
    expect(() => parsePlan({ ...plan, missingCodes: [9], outcomes: [{ key: 'rmdq', instrument: 'rmdq', missingCodes: [9] }] })).not.toThrow();
  });
  it('the JSON Schema says uniqueItems, so an editor marks a repeat too', () => {
    const props = (planJsonSchema() as { properties: Record<string, { uniqueItems?: boolean }> }).properties;
    for (const k of ['timepoints', 'allTimepoints', 'covariates', 'methods', 'missingCodes']) expect(props[k]!.uniqueItems, k).toBe(true);
  });
});

describe('each entry once in uptake and cost-effectiveness plans', () => {
  it('an uptake plan\'s missing code given twice is refused', () => {
    const uptake = { priceModel: { mode: 'all-units', tiers: [{ upTo: null, price: 800 }] }, scenarios: { low: [0.1], base: [0.1], high: [0.2] }, firstYear: 2026 };
    expect(() => parseUptakePlan(uptake)).not.toThrow();
    expect(errorOf(() => parseUptakePlan({ ...uptake, missingCodes: ['-', 'ukendt', '-'] })).problems[0]).toMatchObject({ field: 'missingCodes.2', value: '-' });
  });
  it('a CEA plan\'s period or willingness-to-pay threshold given twice is refused', () => {
    const issues = ceaPlanSchema.safeParse({ periods: ['3m', '3m'], wtp: { to: 100, step: 10, thresholds: [50, 50] } }).error!.issues;
    expect(issues.filter((i) => /given twice/.test(i.message)).map((i) => i.path.join('.')).sort()).toEqual(['periods.1', 'wtp.thresholds.1']);
  });
});
