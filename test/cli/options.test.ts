import { describe, expect, it } from 'vitest';
import { LIMITS, wholeNumber } from '../../src/cli/options.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

describe('numeric option bounds (docs/limits.md)', () => {
  it('accepts counts within the bounds, in plain or exponent notation', () => {
    expect(wholeNumber('--patients', 4, LIMITS.patients)('1e6')).toBe(1_000_000);
    expect(wholeNumber('--bootstrap', 1, LIMITS.bootstrap)(' 2000 ')).toBe(2000);
  });
  it('refuses values past the bound, non-numbers and hex, naming the flag and the range', () => {
    const p = wholeNumber('--patients', 4, LIMITS.patients);
    expect(() => p('1e9')).toThrow('--patients "1e9": expected a whole number from 4 to 1,000,000 (see docs/limits.md)');
    for (const v of ['', '0x10', 'Infinity', '2.5', 'NaN']) expect(() => p(v)).toThrow(/expected a whole number/);
  });
  it('the CLI refuses oversized --bootstrap, --patients and --rows at once, writing nothing', async () => {
    const dir = tempDir();
    const out = join(dir, 'x.csv');
    for (const argv of [
      ['analyze', 'data/synthetic/selfback-trial.csv', '--plan', 'data/plans/selfback.plan.json', '--bootstrap', '10000000'],
      ['simulate', 'trial', '--patients', '1e9', '--out', out],
      ['simulate', 'registry', '--rows', '100000001', '--out', out],
    ]) {
      const r = await runCli(...argv);
      expect(r.code).toBe(2);
      expect(r.stderr).toMatch(/see docs\/limits\.md/);
    }
    expect(existsSync(out)).toBe(false);
  });
});

describe("a file whose name starts with '-'", () => {
  it('is taken for an unknown option, with the hint to write ./-reg.csv', async () => {
    const r = await runCli('validate', '-reg.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown option '-reg.csv'");
    expect(r.stderr).toContain("hint: a file whose name starts with '-': write ./-reg.csv");
  });
  it('an unknown option that is no file name gets no such hint', async () => {
    const r = await runCli('validate', 'x.csv', '--nosuch');
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('starts with');
  });
});
