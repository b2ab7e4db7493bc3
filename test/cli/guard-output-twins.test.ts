/**
 * Two outputs of one run that are the same file — the same path spelled twice, or two names of
 * one file (a hard link) — are refused before anything is written, naming the first of the two
 * (src/cli/guard-output.ts; docs/output-safety.md).
 */
import { linkSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { guardPaths } from '../../src/cli/guard-output.js';
import { tempDir } from '../support/run-cli.js';

const refusal = (spec: Parameters<typeof guardPaths>[0]) => {
  try {
    guardPaths(spec);
  } catch (err) {
    return (err as Error).message;
  }
  return undefined;
};

describe('guardPaths: two outputs that are one file', () => {
  it('refuses the same path spelled twice, and two names of one file', () => {
    const dir = tempDir();
    const a = join(dir, 'a.csv');
    const others = Array.from({ length: 5 }, (_, i) => ({ option: '--file', path: join(dir, `f${i}.csv`) }));
    const again = { option: '--excluded-out', path: relative(process.cwd(), join(dir, 'sub', '..', 'a.csv')) };
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: [...others, again] })).toBe(`--excluded-out ${again.path} is the same file as --out ${a}; choose two different names`);
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: others })).toBeUndefined();

    writeFileSync(a, 'x\n');
    const link = join(dir, 'link.csv');
    linkSync(a, link);
    const files = [...others, { option: '--file', path: link }];
    expect(refusal({ outputs: [{ option: '--out', path: a }], folderFiles: files, force: true })).toBe(`--file ${link} is the same file as --out ${a}; choose two different names`);
    // The first of the earlier outputs it repeats is named.
    expect(refusal({ folderFiles: [others[0]!, { option: '--one', path: a }, others[1]!, { option: '--two', path: link }, { option: '--three', path: a }] })).toBe(`--two ${link} is the same file as --one ${a}; choose two different names`);
  });
});
