/**
 * Separation named: a registry column of app minutes (0 for every non-user) separates users from
 * non-users; the message said only "remove or coarsen the confounder that separates the groups".
 * Now the confounders without which the propensity model can be fitted are named (plan names
 * only: no value or count), in English and on a Danish page (src/observational/separating-confounders.ts).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { danishReason } from '../../src/report/failure-reasons.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: { name: string; type: string }[] } };

function errors(extra: (r: Record<string, string>, k: number) => string[], names: string[]) {
  const d = completeRegistryRows(200);
  d.names.push(...names);
  d.rows.forEach((r, k) => extra(r, k).forEach((v, j) => (r[names[j]!] = v)));
  const plan = structuredClone(basePlan);
  for (const name of names) plan.observational.confounders.push({ name, type: 'numeric' });
  return computeObservationalAnalyses(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(plan))).map((a) => a.error);
}

describe('a confounder that separates the groups', () => {
  it('is named: app minutes, 0 for every non-user', () => {
    const errs = errors((r, k) => [r.app === 'Ja' ? String(30 + (k % 200)) : '0'], ['minutter']);
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) {
      expect(e).toMatch(/\(separation\); confounder "minutter" separates the groups — /);
      const da = danishReason(e!)!;
      expect(da).toContain('den forstyrrende faktor "minutter" adskiller grupperne');
      expect(da).not.toMatch(ENGLISH);
    }
  });

  it('two that separate only together (their sum is 11 for users, 9 for non-users): both named', () => {
    const errs = errors((r, k) => {
      const u = k % 7;
      return [String(u), String((r.app === 'Ja' ? 11 : 9) - u)];
    }, ['del_a', 'del_b']);
    expect(errs.length).toBeGreaterThan(0);
    for (const e of errs) expect(e).toMatch(/\(separation\); confounders "del_a", "del_b" separate the groups — /);
  });

  it('two copies of it are both named (each separates alone)', () => {
    const errs = errors((r, k) => {
      const m = r.app === 'Ja' ? 30 + (k % 200) : 0;
      return [String(m), String(m * 60)];
    }, ['minutter', 'sekunder']);
    // Without one the other still separates: each is found by fitting it alone.
    for (const e of errs) {
      expect(e).toMatch(/\(separation\); confounders "minutter", "sekunder" separate the groups — /);
      expect(danishReason(e!)).toContain('de forstyrrende faktorer "minutter", "sekunder" adskiller grupperne');
    }
  });
});
