/**
 * A registry export with no baseline at all (`id,app,age,sex,work_3m`, or long rows at "3m" only)
 * and a plan with "baselineAsConfounder": false: read, its confounders from the follow-up row,
 * and analysed as R does (test/reference/observational-follow-up-only.R). It was refused at load
 * ("expected columns ending in _baseline"; long: "no rows at the plan's visit baseline"), and the
 * message's advice — name "3m" the baseline — is refused by the plan's schema.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { parseCsvText, readCsvFile } from '../../src/io/read-csv.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { registryFlowTable } from '../../src/report/registry-flow.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const ref = JSON.parse(readFileSync('test/reference/observational-follow-up-only.json', 'utf8')) as {
  n: { exposed: number; unexposed: number };
  effects: { method: string; estimate: number; se: number }[];
};

const planJson = (layout: 'wide' | 'long', baselineAsConfounder: boolean, more: Record<string, unknown> = {}) => ({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }],
    estimand: 'ATE',
    baselineAsConfounder,
  },
  layout,
  timepoints: ['3m'],
  outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
  ...more,
});

/** The refusal's problems as text (value — expected), or a failure when nothing was refused. */
function refusal(load: () => unknown): string {
  try {
    load();
  } catch (e) {
    if (e instanceof HtaError) return e.problems.map((p) => `${p.value} — ${p.expected}`).join('\n');
    throw e;
  }
  throw new Error('loaded without a problem');
}

const files = { wide: 'test/fixtures/observational/follow-up-only.csv', long: 'test/fixtures/observational/follow-up-only-long.csv' } as const;

describe.each(['wide', 'long'] as const)('a %s registry export with follow-up values only', (layout) => {
  it('is analysed with "baselineAsConfounder": false, each estimate and SE = R', () => {
    const [a] = computeObservationalAnalyses(loadTrial(readCsvFile(files[layout]), parsePlan(planJson(layout, false))));
    expect(a!.error).toBeUndefined();
    expect(a!.patients).toEqual(ref.n);
    // The confounders come from the follow-up row: none is missing.
    expect(a!.excluded).toEqual({ missingConfounders: 0, trimmed: 0 });
    expect(a!.effects.map((e) => e.method)).toEqual(ref.effects.map((e) => e.method));
    for (const r of ref.effects) {
      const e = a!.effects.find((x) => x.method === r.method)!;
      expect(Math.abs(e.difference - r.estimate), `${r.method} estimate`).toBeLessThan(1e-7);
      expect(Math.abs(e.se! - r.se), `${r.method} SE`).toBeLessThan(1e-7);
    }
  });

  it('is refused when the plan adjusts for the baseline, and the message says how to read it', () => {
    const text = refusal(() => loadTrial(readCsvFile(files[layout]), parsePlan(planJson(layout, true))));
    expect(text).toMatch(/for the plan's baseline "baseline".*"observational": \{ "baselineAsConfounder": false \}/);
  });

  it('still needs the baseline for a responder definition (it compares baseline and follow-up)', () => {
    const csv = layout === 'wide' ? 'id,app,age,sex,rmdq_3m\n1,Ja,40,K,5\n2,Nej,50,M,7\n' : 'id,app,age,sex,time,rmdq\n1,Ja,40,K,3m,5\n2,Nej,50,M,3m,7\n';
    const plan = planJson(layout, false, { outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], responders: [{ key: 'rmdq30', outcome: 'rmdq', percent: 30 }] });
    expect(refusal(() => loadTrial(parseCsvText(csv, 'r.csv'), parsePlan(plan)))).toMatch(/for the plan's baseline "baseline"/);
  });
});

describe('the report of a follow-up-only analysis', () => {
  it('says the patients left out had no follow-up value, not "no value at baseline or at 3 months"', () => {
    const result = analyzeObservational(loadTrial(readCsvFile(files.wide), parsePlan(planJson('wide', false))), { version: 'test' });
    const groups = { exposed: 'Users', unexposed: 'Non-users' };
    const labels = (baselineAsConfounder: boolean) => registryFlowTable(result, result.analyses, groups, false, baselineAsConfounder, 'en')!.rows.map((r) => r[0]!.trim());
    expect(labels(false)).toContain('No value at 3 months');
    expect(labels(true)).toContain('No value at baseline or at 3 months');
  });
});
