/**
 * A register outcome derived by a left join that leaves a person without a redemption empty, not
 * 0: every patient with a value is "yes". The crude and adjusted differences are then 0 with an
 * SE of rounding noise (1.1e-17), which was published as "0.0 pp (0.0 to 0.0), no clinically
 * relevant difference" with p = 4e-98 (docs/observational.md, "The export").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

/** The bundled registry with a Ja/Nej redemption outcome at 3 months; `value(i)` its cell ('' = empty). */
function run(value: (i: number) => string, observational: Record<string, unknown> = { baselineAsConfounder: false }, patients = 400) {
  const d = completeRegistryRows(patients);
  d.names.push('opioid_3m');
  d.rows.forEach((r, i) => { r.opioid_3m = value(i); });
  const json = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown> & { outcomes: unknown[]; observational: Record<string, unknown> };
  json.outcomes.push({ key: 'opioid', instrument: 'binary', answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better', mcid: 0.05, label: { en: 'Any opioid redemption', da: 'Mindst én opioidindløsning' } });
  Object.assign(json.observational, observational);
  delete json.responders;
  return analyzeObservational(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(json)), { version: 'test' });
}

describe('a yes/no outcome that is "yes" for every patient with a value', () => {
  it('is not analysed: an SE of rounding noise is no SE, in every row (no 0.0 pp verdict, no p-value)', () => {
    // Every second or third patient redeemed; the others were left empty by the join. Whether the
    // fit's SE comes out as exactly 0 or as 1e-17 depends on the group sizes: several registries.
    for (const patients of [300, 400, 500, 700]) {
      for (const every of [2, 3]) {
        const result = run((i) => (i % every === 0 ? 'Ja' : ''), { baselineAsConfounder: false }, patients);
        const a = result.analyses.find((x) => x.outcome === 'opioid')!;
        expect(a.effects, `${patients} patients, every ${every}`).toEqual([]);
        expect(a.error).toBe('the crude estimate has no standard error (the outcome does not vary enough)');
      }
    }
  });
});
