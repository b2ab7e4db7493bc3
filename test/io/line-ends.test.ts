/** Line ends of a CSV file: CRLF then LF (exports joined) found, and read through an LF copy (docs/input-registry.md "Line ends"). */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { mixedLineEnds, withLfCopy } from '../../src/io/line-ends.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

describe('mixedLineEnds', () => {
  it('finds the first LF line after CRLF lines, not an LF inside quotes, not CRLF lines after LF ones', () => {
    const dir = tempDir();
    const file = (name: string, text: string) => {
      writeFileSync(join(dir, name), text);
      return join(dir, name);
    };
    expect(mixedLineEnds(file('crlf.csv', 'a;b\r\n1;"two\nlines"\r\n3;4\r\n'))).toBeUndefined();
    expect(mixedLineEnds(file('lf-then-crlf.csv', 'a;b\n1;2\r\n'))).toBeUndefined();
    expect(mixedLineEnds(file('mixed.csv', '\uFEFFa;b\r\n1;"x\ny"\r\n3;4\n5;6\n'))).toEqual({ firstLfLine: 4 });
  });

  it('reads a copy with the same lines, each ending in LF', async () => {
    const dir = tempDir();
    const file = join(dir, 'mixed.csv');
    writeFileSync(file, 'a;b\r\n1;"x\r\ny"\r\n3;4\n5;6\r');
    expect(await withLfCopy(file, async (copy) => readFileSync(copy, 'utf8'))).toBe('a;b\n1;"x\ny"\n3;4\n5;6\r');
  });
});
