/**
 * The forms of a 95% CI written in one cell that the studies reader splits, and those it refuses
 * because they read two ways with the file's decimal mark or signs (docs/input-studies.md).
 */
import { describe, expect, it } from 'vitest';
import { splitInterval } from '../../src/meta/split-interval.js';

describe('splitInterval', () => {
  it.each([
    ['-1,51 til -0,06', true, ['-1,51', '-0,06']],
    ['(-2,4; 0,0)', true, ['-2,4', '0,0']],
    ['[\u22123,0; \u22121,2]', true, ['-3,0', '-1,2']],
    ['-1,4 \u2013 0,4', true, ['-1,4', '0,4']],
    ['-1,4 - -0,4', true, ['-1,4', '-0,4']],
    ['1,2-3,4', true, ['1,2', '3,4']],
    ['1,2 TIL 3,4', true, ['1,2', '3,4']],
    ['\u22121.5 to \u22120.1', false, ['-1.5', '-0.1']],
    ['(-1.5, 0.2)', false, ['-1.5', '0.2']],
    ['0.8; 1.3', false, ['0.8', '1.3']],
    ['[-1.5,-0.1]', false, ['-1.5', '-0.1']],
  ] as const)('reads %j (decimal comma: %s)', (cell, comma, [lower, upper]) => {
    expect(splitInterval(cell, comma)).toEqual({ lower, upper });
  });

  it.each([
    ['-1,51 -0,06', true], // a space only: two numbers, or one difference?
    ['-2,4-0,0', true], // the hyphen may be the minus of the upper bound
    ['(-2,4, 0,0)', true], // a comma is the decimal mark here
    ['-3.0 til -1.2', true], // the other decimal mark
    ['1,234 to 2,000', false], // thousands groups, or decimals?
    ['-1,51', true],
    ['-1 til 0 til 1', true],
    ['ns', true],
    ['-2,0', false], // a decimal comma in a decimal-point file, not the interval [-2, 0] (found in review)
    ['1,5', false],
  ] as const)('refuses %j (decimal comma: %s)', (cell, comma) => {
    expect(splitInterval(cell, comma)).toBeNull();
  });
});
