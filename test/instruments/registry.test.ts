import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { itemRangeOf } from '../../src/instruments/instrument.js';
import { getInstrument, instruments } from '../../src/instruments/registry.js';
import { errorOf } from '../support/error-of.js';


describe('instruments registry', () => {
  it('registers each instrument under its own key', () => {
    expect(Object.keys(instruments).sort()).toEqual(
      ['binary', 'eq5d3l', 'eq5d5l', 'nrs', 'pseq', 'rmdq', 'rmdq23', 'wai', 'was'],
    );
    for (const [key, instrument] of Object.entries(instruments)) expect(instrument.key).toBe(key);
  });

  it('getInstrument returns the registered instrument', () => {
    expect(getInstrument('rmdq')).toBe(instruments.rmdq);
  });

  it('an unknown key is a plan error naming it, suggesting a near miss and listing the known keys', () => {
    const err = errorOf(() => getInstrument('rmqd'));
    expect(err.code).toBe('plan.invalid');
    expect(err.exitCode).toBe(2);
    expect(err.message).toContain('"rmqd"');
    expect(err.message).toContain('Did you mean "rmdq"?');
    expect(err.message).toMatch(/Known instruments: rmdq, rmdq23, pseq, nrs, eq5d5l, eq5d3l, was, wai, binary$/);
    expect(errorOf(() => getInstrument('EQ5D5L')).message).toContain('Did you mean "eq5d5l"?');
  });

  it('suggests nothing for a far miss, and ignores inherited properties', () => {
    expect(errorOf(() => getInstrument('sf36')).message).not.toContain('Did you mean');
    expect(() => getInstrument('toString')).toThrow(HtaError);
  });
});

describe('every scored instrument', () => {
  for (const instrument of Object.values(instruments)) {
    if (!instrument.items || !instrument.score) continue;
    const { items, score } = instrument;
    const n = items.columns('x').length;
    const answers = Array.from({ length: n }, (_, i) => {
      const r = itemRangeOf(items, i);
      const value = r.values
        ? fc.constantFrom(...r.values)
        : r.integer
          ? fc.integer({ min: r.min, max: r.max })
          : fc.double({ min: r.min, max: r.max, noNaN: true });
      return fc.option(value, { nil: null });
    });
    // Instruments that cannot prorate refuse maxMissingItems > 0; they are scored with 0.
    const prorates = instrument.key === 'rmdq' || instrument.key === 'rmdq23' || instrument.key === 'pseq';

    it(`${instrument.key}: scores from allowed answers stay within range (or are missing)`, () => {
      fc.assert(
        fc.property(fc.tuple(...answers), fc.integer({ min: 0, max: n - 1 }), (a, k) => {
          const s = score(a, { maxMissingItems: prorates ? k : 0 });
          return s === null || (s >= instrument.range[0] && s <= instrument.range[1]);
        }),
      );
    });
  }
});
