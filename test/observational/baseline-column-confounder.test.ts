/**
 * An outcome's own baseline column named as a confounder (`rmdq_baseline`, as a
 * pharmacoepidemiologist names baseline DDD in every model): the loader made it a per-line
 * confounder column only, so the outcome had no baseline left, and the analysis read "too few
 * patients" with the patients in the flow as "without an outcome". It is both now: the
 * outcome's baseline, and a confounder of the other outcomes (docs/observational.md, "The
 * outcome's baseline as a confounder").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const csv = registryCsv(completeRegistryRows(400));

function analyse(edit: (observational: { confounders: unknown[]; baselineAsConfounder?: boolean }) => void) {
  const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: unknown[]; baselineAsConfounder?: boolean } };
  edit(json.observational);
  return analyzeObservational(loadTrial(parseCsvText(csv, 'registry.csv'), parsePlan(json)), { version: 'test' });
}

const rmdqRows = (r: ReturnType<typeof analyse>) => r.analyses.filter((a) => a.outcome === 'rmdq');

describe("the outcome's baseline column among the confounders", () => {
  const plain = analyse(() => {});
  it('keeps the outcome analysed, with the estimates of the plan without it (the baseline entered once)', () => {
    const named = analyse((o) => o.confounders.push({ name: 'rmdq_baseline', type: 'numeric' }));
    const rmdq = rmdqRows(named);
    expect(rmdq.map((a) => a.error)).toEqual([undefined]);
    expect(rmdq[0]!.patients).toEqual(rmdqRows(plain)[0]!.patients);
    expect(rmdq[0]!.effects.map((e) => [e.method, e.difference, e.se])).toEqual(rmdqRows(plain)[0]!.effects.map((e) => [e.method, e.difference, e.se]));
    // For the pain outcome it is a confounder as any: a balance row of its own beside pain's baseline.
    expect(named.analyses.find((a) => a.outcome === 'pain')!.balance.map((b) => b.term)).toContain('rmdq_baseline');
  });

  it('with "baselineAsConfounder": false, naming it adjusts the outcome for its baseline: the estimates of the default plan', () => {
    const named = analyse((o) => {
      o.confounders.push({ name: 'rmdq_baseline', type: 'numeric' });
      o.baselineAsConfounder = false;
    });
    const a = rmdqRows(named)[0]!;
    const p = rmdqRows(plain)[0]!;
    expect(a.patients).toEqual(p.patients);
    expect(a.effects.map((e) => [e.method, e.difference, e.se])).toEqual(p.effects.map((e) => [e.method, e.difference, e.se]));
  });
});
