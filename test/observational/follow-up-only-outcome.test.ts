/**
 * A Ja/Nej outcome a registry exports at follow-up only (no baseline column): with
 * "baselineAsConfounder": false the baseline is not used, so every patient with a follow-up value
 * and complete confounders is analysed — it was refused as "too few patients" (no baseline, no pair).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

describe('a binary outcome without a baseline column', () => {
  it('is analysed when the baseline is not a confounder; its crude risk difference is the plain one', () => {
    const d = completeRegistryRows(300);
    d.names.push('work_3m');
    d.rows.forEach((r, i) => { r.work_3m = (i * 7) % 3 === 0 ? 'Nej' : 'Ja'; });
    const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { outcomes: unknown[]; observational: Record<string, unknown> };
    json.outcomes.push({ key: 'work', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, label: { en: 'At work', da: 'I arbejde' } });
    json.observational.baselineAsConfounder = false;
    delete json.responders;
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(json)), { version: 'test' });
    const work = result.analyses.find((a) => a.outcome === 'work')!;
    expect(work.error).toBeUndefined();
    expect(work.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression', 'aipw']);
    // The crude row by hand: share at work among users minus among non-users (complete confounders).
    const complete = d.rows.filter((r) => r.age !== '' && r.sex !== '' && r.referrer !== '');
    const share = (g: string) => { const rs = complete.filter((r) => r.app === g); return rs.filter((r) => r.work_3m === 'Ja').length / rs.length; };
    expect(work.patients).toEqual({ exposed: complete.filter((r) => r.app === 'Ja').length, unexposed: complete.filter((r) => r.app === 'Nej').length });
    // Published as the page prints it (a risk difference: 3 decimals as a proportion, published-effect.ts).
    expect(work.effects[0]!.difference).toBe(Number((share('Ja') - share('Nej')).toFixed(3)));
  });
});
