/**
 * Coverage on synthetic registries with known confounding (`hta simulate registry-outcomes`,
 * true RMDQ effect −2): over 200 seeded replicates the adjusted estimates' 95% CIs should cover
 * the true effect about 95% of the time, the crude one's should not. Slow (about a minute):
 * runs with HTA_SLOW=1; the figure is in the README. HTA_COVERAGE_REPLICATES=N for a shorter run.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { simulateRegistryOutcomes, TRUE_EFFECTS } from '../../src/simulate/registry-outcomes.js';

const replicates = Number(process.env.HTA_COVERAGE_REPLICATES ?? 200);

describe.skipIf(process.env.HTA_SLOW !== '1')('coverage of the true effect (HTA_SLOW=1)', () => {
  it(`adjusted 95% CIs cover the true RMDQ effect in about 95% of ${replicates} replicates; the crude CI does not`, () => {
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const covered: Record<string, number> = { crude: 0, 'weighted-regression': 0, aipw: 0 };
    for (let seed = 1; seed <= replicates; seed++) {
      const csv = parseCsvText(simulateRegistryOutcomes({ patients: 1200, seed: 1000 + seed }), `replicate-${seed}.csv`);
      const result = analyzeObservational(loadTrial(csv, plan), { version: 'coverage' });
      const rmdq = result.analyses.find((a) => a.outcome === 'rmdq')!;
      for (const e of rmdq.effects) if (e.ciLower! <= TRUE_EFFECTS.rmdq && TRUE_EFFECTS.rmdq <= e.ciUpper!) covered[e.method]!++;
    }
    const share = Object.fromEntries(Object.entries(covered).map(([m, c]) => [m, c / replicates]));
    console.log(`coverage over ${replicates} replicates: ${JSON.stringify(share)}`);
    expect(share['weighted-regression']).toBeGreaterThanOrEqual(0.91);
    expect(share['weighted-regression']).toBeLessThanOrEqual(0.99);
    expect(share.aipw).toBeGreaterThanOrEqual(0.91);
    expect(share.aipw).toBeLessThanOrEqual(0.99);
    expect(share.crude).toBeLessThan(0.5);
  }, 600_000);
});
