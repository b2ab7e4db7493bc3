/**
 * A registry outcome without a "label" is named by its instrument in results.json (as the trial's
 * rows are: analysis/judged-row.ts labelOf with the plan), not by its key.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { instruments } from '../../src/instruments/registry.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

describe('registry outcomes without a label', () => {
  it('are named by their instrument in the analysis, not by their key', () => {
    const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { outcomes: { label?: unknown }[]; responders?: unknown };
    for (const o of json.outcomes) delete o.label;
    delete json.responders;
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv(completeRegistryRows(300)), 'registry.csv'), parsePlan(json)), { version: 'test' });
    const labels = new Map(result.analyses.map((a) => [a.outcome, a.label]));
    expect(labels.get('rmdq')).toBe(instruments.rmdq!.name.en);
    expect(labels.get('pain')).toBe(instruments.nrs!.name.en);
  });
});
