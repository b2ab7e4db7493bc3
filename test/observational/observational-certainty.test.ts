/**
 * An observational plan's certainty is rated by the analysis (GRADE starts non-randomised evidence
 * at low: docs/observational.md step 4). `hta plan check` warned, once per outcome, that a critical
 * outcome without "certainty" would read "Certainty not rated in the plan" in a summary of
 * findings the registry page does not have; and a "certainty" added to silence it was accepted and
 * ignored. Now no such warning, and a plan's "certainty" on a registry outcome is refused (exit 2).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PLAN = 'test/fixtures/observational/dst-missing-age.plan.json';

describe('certainty in an observational plan', () => {
  it('plan check: no "has no certainty" warning for a registry plan', async () => {
    const r = await runCli('plan', 'check', PLAN);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/certainty|Certainty not rated/);
  });

  it('a "certainty" the plan gives is refused, at the outcome, saying the analysis rates it', async () => {
    const dir = tempDir();
    const plan = JSON.parse(readFileSync(PLAN, 'utf8'));
    plan.outcomes[0].certainty = { level: 'high' };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan, null, 2));
    for (const args of [['plan', 'check', join(dir, 'plan.json')], ['validate', 'test/fixtures/observational/dst-missing-age.csv', '--plan', join(dir, 'plan.json')]]) {
      const r = await runCli(...args);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('(outcomes.0.certainty): — expected no "certainty" for outcome "eq5d" in an observational plan: the certainty of non-randomised evidence is rated by the analysis (GRADE starts it at low, one level lower when the interval crosses the MCID), not by the plan — leave it out');
    }
  });
});
