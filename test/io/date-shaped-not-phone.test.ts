/**
 * An impossible date in a registry's date column (`2025-13-01`, `2025-00-10`) was quoted as a
 * masked phone number, `"XXXX-XX-XX"`, so the user could not see which value was wrong — against
 * docs/output-safety.md "Quoted cells": dates in a message are quoted as written. A number in a
 * date's shape is now a date where a quoted cell is masked, whatever its month; a phone number
 * beside it is still masked, and the free-text checks still count such a number as a sign
 * (src/io/contact-details.ts).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { hasLongNumber, maskContactDetails } from '../../src/io/contact-details.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('a date with impossible numbers quoted in a message', () => {
  it('is quoted as written by hta uptake, as a real date beside it is', async () => {
    const file = join(tempDir(), 'bad-dates.csv');
    const rows = ['2025-02-30', '2025-13-01', '2025-00-10', '30.13.2025'].map((d, i) => `p${i},Hovedstaden,K1,2025-01-10,${d},,40,F,gp`);
    writeFileSync(file, `id,region,clinic,referred,activated,last_active,age,sex,referrer\n${rows.join('\n')}\n`);
    const r = await runCli('uptake', file, '--eligible', 'data/synthetic/eligible.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"2025-02-30", "2025-13-01", "2025-00-10", … — expected a real calendar date written YYYY-MM-DD, or empty');
    expect(r.stderr).not.toContain('XX');
  });

  it('keeps a phone number beside it masked, and the free-text checks still see a long number', () => {
    expect(maskContactDetails('2025-13-01 08:15')).toBe('2025-13-01 08:15');
    expect(maskContactDetails('32.13.2025')).toBe('32.13.2025');
    expect(maskContactDetails('2025-13-01, ring 20 45 67 89')).toBe('2025-13-01, ring XX XX XX XX');
    // Not a date's shape: a month of 67 is no month at all, the digits a phone number's.
    expect(maskContactDetails('tlf 2045-67-89')).toBe('tlf XXXX-XX-XX');
    expect(hasLongNumber('2025-13-01')).toBe(true);
  });
});
