/**
 * Excel's "CSV UTF-8" with a `sep=;` first line: the header is line 2 in the file's own numbering
 * (docs/input-registry.md), and a missing column is named at line 2 — registry and eligible file.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readEligibleFile, readRegistryFile } from '../../src/uptake/read-registry.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('a missing column after Excel\'s sep=; line', () => {
  it('is named at line 2 of the registry', async () => {
    const f = join(tempDir(), 'udtræk.csv');
    writeFileSync(f, '\uFEFFsep=;\r\nPatientID;Region;Klinik\r\nR1;Region Midtjylland;M1\r\n');
    const err = await readRegistryFile(f).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => p.line)).toEqual(Array((err as HtaError).problems.length).fill(2));
  });

  it('is named at line 2 of the eligible file', () => {
    const f = join(tempDir(), 'målgruppe.csv');
    writeFileSync(f, '\uFEFFsep=;\r\nRegion;Aar;Antal x\r\nHovedstaden;2025;100\r\n');
    let err: unknown;
    try {
      readEligibleFile(f);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => p.line)).toEqual([2, 2]);
  });
});
