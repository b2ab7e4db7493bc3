/**
 * An outcome's own "timepoints" (docs/plan-trial.md#outcome-timepoints) are compared with the
 * plan's in one Unicode form: "6 måneder" typed on a Mac (NFD: `a` + combining ring) is the plan's
 * "6 måneder" typed on Windows (NFC). Before, the outcome's visit was checked before the plan's
 * visit names were normalised, and refused as "not one of the plan's timepoints".
 */
import { describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { outcomeTimepoints } from '../../src/plan/outcome-timepoints.js';
import { HtaError } from '../../src/errors.js';

/** The "expected" texts of the plan's refusal (none when it loads). */
function refusals(json: unknown): string[] {
  try {
    parsePlan(json);
    return [];
  } catch (err) {
    if (!(err instanceof HtaError)) throw err;
    return (err.problems ?? []).map((p) => `${p.field}: ${p.expected}`);
  }
}

const NFC = '6 måneder'.normalize('NFC');
const NFD = '6 måneder'.normalize('NFD');

const plan = (outcomeVisit: string, primaryTime = NFC) => ({
  arms: { intervention: 'app', control: 'usual' },
  baseline: 'baseline',
  timepoints: ['3 måneder'.normalize('NFC'), NFC],
  outcomes: [
    { key: 'rmdq', instrument: 'rmdq', mcid: 5 },
    { key: 'nrs', instrument: 'nrs', mcid: 2, timepoints: [outcomeVisit] },
  ],
  primary: { outcome: 'nrs', time: primaryTime },
  methods: ['welch'],
});

describe("an outcome's own timepoints in another Unicode form", () => {
  it('name the plan visit, and the primary time is checked against them', () => {
    expect(NFC).not.toBe(NFD);
    const p = parsePlan(plan(NFD));
    expect(outcomeTimepoints(p, 'nrs')).toEqual([NFC]);
    expect(p.primary?.time).toBe(NFC);
  });

  it('a visit the plan does not have is still refused, and so is a primary time the outcome is not measured at', () => {
    expect(refusals(plan(NFD))).toEqual([]);
    expect(refusals(plan('9 måneder'))).toEqual([expect.stringMatching(/^outcomes\.1\.timepoints\.0: one of the plan's "timepoints"/)]);
    expect(refusals(plan(NFD, '3 måneder'))).toEqual([expect.stringMatching(/^primary\.time: a visit at which outcome "nrs" is measured/)]);
  });
});
