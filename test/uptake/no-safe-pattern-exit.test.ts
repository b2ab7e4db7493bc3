/**
 * A suppression that finds no safe pattern stops the run with exit 2, nothing written — with or
 * without earlier publications (docs/disclosure-control.md "Primary rule" and
 * "Publishing again"; docs/data-contracts.md "Exit codes": 1 is for rows reported as failed, and
 * here nothing is reported, the plan must publish less). It was exit 1 with --previous.
 */
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { suppressWith } from '../../src/uptake/uptake-analysis.js';
import type { PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';

const noPattern = () => {
  throw new Error('secondary suppression: no pattern protects referrals · Hovedstaden · 2025-03');
};
const earlier: PreviousPublication = { file: 'P1.json', exportDate: '2025-02-28', exportDates: ['2025-02-28'], counts: [], uncarried: [] };

function caught(f: () => unknown): HtaError {
  try {
    f();
  } catch (e) {
    if (e instanceof HtaError) return e;
    throw e;
  }
  throw new Error('no error');
}

describe('no safe suppression pattern', () => {
  it('without --previous: exit 2, saying to publish less', () => {
    const e = caught(() => suppressWith(undefined, noPattern));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('publish less');
  });

  it('with --previous: exit 2 too, naming the earlier publication', () => {
    const e = caught(() => suppressWith(earlier, noPattern));
    expect(e.exitCode).toBe(2);
    expect(e.message).toContain('--previous P1.json');
    expect(e.message).toContain('publish less');
  });

  it('another error passes through unchanged', () => {
    expect(() => suppressWith(earlier, () => { throw new RangeError('x'); })).toThrow(RangeError);
  });
});
