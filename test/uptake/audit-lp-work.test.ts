/**
 * The work of the attacker audit's LPs (attacker-audit.ts, polytope-ranges.ts, linear-program.ts;
 * docs/disclosure-control.md "Audit"), on the monthly-chain fixture's December against its
 * November (`hta uptake --audit --published dec.json --previous nov.json`): an ordinary chain the
 * audit passes. What the user pays is LP solves, and the result must not depend on how they are
 * solved.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { LinearProgramSession } from '../../src/uptake/disclosure/linear-program.js';
import { auditPublishedFile } from '../../src/uptake/disclosure/published-audit.js';

const CHAIN = 'test/uptake/fixtures/monthly-chain';
const auditChain = () => auditPublishedFile(`${CHAIN}/dec.json`, [`${CHAIN}/nov.json`]);

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the audit of a monthly chain', () => {
  it('settles the within-row differences pinned at 0 in few LPs: a group that reaches 1 leaves out the members positive at its maximum', () => {
    // Halving a group that reaches 1 and trying both halves took 215 LPs here (6 December 2026);
    // leaving out the members positive at the maximum found, and trying the rest again, 93 (on
    // the fixture's two-region chain until session 33; 108 on its three-region chain now).
    const a = auditChain();
    expect(a.audit.narrow).toEqual([]);
    expect(a.audit.disclosedDifferences).toEqual([]);
    expect(a.audit.lpSolves).toBeLessThanOrEqual(120);
  });

  it('solves the LPs after the cells\' intervals by the primal simplex, and the audit says the same as with the dual simplex alone', () => {
    const primal = vi.spyOn(LinearProgramSession.prototype, 'usePrimalSimplex');
    const fast = auditChain();
    expect(primal).toHaveBeenCalled();
    // The same audit with every LP solved by the dual simplex (HiGHS's default).
    primal.mockImplementation(() => {});
    const slow = auditChain();
    const { lpSolves: _a, ...withPrimal } = fast.audit;
    const { lpSolves: _b, ...withDual } = slow.audit;
    expect(withPrimal).toEqual(withDual);
    expect(withPrimal.intervals.length).toBeGreaterThan(100);
  }, 60_000); // two audits of the three-region chain, ~6 CPU-s (~2 on the two-region chain before session 33)
});
