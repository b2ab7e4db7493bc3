/**
 * The target population's transported rows name an outcome without a "label" by its instrument,
 * as the trial's own rows do (analysis/judged-row.ts labelOf with the plan), not by its key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { instruments } from '../../src/instruments/registry.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

describe('transported rows of an unlabelled outcome', () => {
  it('carry the instrument name, as the trial rows do', () => {
    const json = JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8'));
    for (const o of json.outcomes) if (o.key === 'pain') delete o.label;
    delete json.population.targetSample;
    json.subgroups = [];
    const result = analyzeTrial(loadTrial(parseCsvText(readFileSync('test/fixtures/subgroups/trial.csv', 'utf8'), 'trial.csv'), parsePlan(json)), { version: 'test' });
    const transported = (result.targetPopulation?.transported ?? []).filter((t) => t.outcome === 'pain');
    expect(transported.length).toBeGreaterThan(0);
    for (const t of transported) expect(t.effect.label).toBe(instruments.nrs!.name.en);
    expect(result.effects.find((e) => e.outcome === 'pain')!.label).toBe(instruments.nrs!.name.en);
  });
});
