/**
 * Whatever the drafting guesses, `hta plan init` writes no plan that `hta validate` would refuse
 * (src/plan/check-draft.ts): here the draft is spoiled on purpose (an outcome key twice), and
 * plan init exits 2 with the draft's problem and writes nothing.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

vi.mock('../../src/plan/draft-plan.js', async (importOriginal) => {
  const real = await importOriginal<typeof import('../../src/plan/draft-plan.js')>();
  return {
    ...real,
    draftPlan: (...args: Parameters<typeof real.draftPlan>) => {
      const d = real.draftPlan(...args);
      const outcomes = d.plan.outcomes as Record<string, unknown>[];
      outcomes.push({ ...outcomes[0]!, column: 'RMDQ_basis' });
      return d;
    },
  };
});

describe('plan init checks its draft as hta validate would', () => {
  it('a draft with an outcome key twice is refused, with the field and what it expects, and nothing is written', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', 'test/fixtures/exports/excel-dk-visits/basis.csv', '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/error: the plan drafted from \S*basis\.csv does not pass hta validate \(.*\); nothing was written/);
    expect(r.stderr).toMatch(/the drafted plan(:\d+:\d+)? \(outcomes\.3\.key\): "smerte" — expected a key used once/);
    expect(r.stderr).toContain('guessed:');
    expect(existsSync(out)).toBe(false);
  });
});
