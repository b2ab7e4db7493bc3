/**
 * The order every seeded draw takes its patients in (patient-ids.ts inIdOrder, docs/plan-trial.md#row-order):
 * one order whatever order the ids come in — a total order, also when all-digit ids and ids with
 * letters are mixed — and natural (`SB2` before `SB10`), so that an export already in id order
 * without zero padding keeps its row order.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { inIdOrder } from '../../src/trial/patient-ids.js';

const ordered = (xs: readonly string[]) => inIdOrder(xs.map((id) => ({ id }))).map((p) => p.id);

/** Ids as exports write them: digits, letters, dashes and blanks, often all digits, some zero-padded. */
const idArb = fc.oneof(
  fc.stringMatching(/^[0-9]{1,4}$/),
  fc.stringMatching(/^[0-9]{1,3}[a-cx]$/),
  fc.stringMatching(/^(SB|sb|P|p)-?[0-9]{1,3}[a-b]?$/),
  fc.stringMatching(/^[A-Za-z0-9 -]{1,6}$/),
);

describe('patients in id order', () => {
  it('any shuffle of a set of ids sorts to the same order (a total order, not one that hangs on the row order)', () => {
    fc.assert(
      fc.property(fc.uniqueArray(idArb, { minLength: 2, maxLength: 30 }), fc.infiniteStream(fc.nat()), (ids, stream) => {
        const keys = [...stream.take(ids.length)];
        const shuffled = ids.map((id, i) => ({ id, k: keys[i]! })).sort((a, b) => a.k - b.k).map((x) => x.id);
        expect(ordered(shuffled)).toEqual(ordered(ids));
        expect(ordered([...ids].reverse())).toEqual(ordered(ids));
      }),
      { numRuns: 300, seed: 23 },
    );
  });

  it('all-digit ids mixed with ids with letters: one order (9 < 10 by value, but 10a < 9 as text was a cycle)', () => {
    const ids = ['9', '10', '10a', '8', '11', '9b', '100', '1000x'];
    const expected = ['8', '9', '9b', '10', '10a', '11', '100', '1000x'];
    expect(ordered(ids)).toEqual(expected);
    expect(ordered([...ids].reverse())).toEqual(expected);
    expect(ordered(['10a', '9', '10'])).toEqual(['9', '10', '10a']);
  });

  it('natural order: digit runs by value (SB2 before SB10), the rest as text, as the reader matches ids (case, blanks, leading zeros aside)', () => {
    expect(ordered(['SB10', 'SB2', 'SB1', 'SB11'])).toEqual(['SB1', 'SB2', 'SB10', 'SB11']);
    expect(ordered(['10', '002', '1'])).toEqual(['1', '002', '10']);
    expect(ordered(['sb-2', 'SB-1 ', 'sb-10'])).toEqual(['SB-1 ', 'sb-2', 'sb-10']);
    // Zero-padded ids keep the order they had as text.
    expect(ordered(['P010', 'P002', 'P100'])).toEqual(['P002', 'P010', 'P100']);
    // Equal values: the shorter digit run first, so no two ids tie.
    expect(ordered(['a07', 'a7'])).toEqual(['a7', 'a07']);
  });
});
