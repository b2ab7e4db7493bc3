/**
 * CPR-shaped cells in a target sample (population.targetSample, docs/subgroups.md#inverse-odds-weights)
 * are refused by line and column and never quoted, as in the trial export (cpr-cells.ts): before,
 * one in a number column was quoted in "expected a number", one in a text column became a level.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const plan = parsePlan(JSON.parse(readFileSync('test/fixtures/subgroups/plan.json', 'utf8')));
const lines = readFileSync('test/fixtures/subgroups/target-sample.csv', 'utf8').split('\n');

/** The fixture with `edit` applied to its data lines (index 0 = line 2). */
function sample(edit: (line: string, i: number) => string): string {
  const file = join(tempDir(), 'target-sample.csv');
  writeFileSync(file, [lines[0], ...lines.slice(1).map((l, i) => (l === '' ? l : edit(l, i)))].join('\n'));
  return file;
}

function thrown(f: () => unknown): { message: string; problems: { line?: number; column?: number; value?: string; expected: string }[] } {
  try {
    f();
  } catch (err) {
    return err as never;
  }
  throw new Error('no error');
}

describe('CPR-shaped cells in the target sample', () => {
  it('in a number column and in a text column: named by line and column, never quoted', () => {
    const file = sample((l, i) => (i === 1 ? l.replace(/^\d+,/, '010190-1234,') : i === 4 ? l.replace(/,[A-Z]{2}$/, ',2407851234') : l));
    const err = thrown(() => readTargetSample(file, plan));
    expect(err.message).toContain('has 2 cell(s) that look like CPR numbers');
    expect(err.problems.map((p) => [p.line, p.column])).toEqual([[3, 1], [6, 3]]);
    const text = JSON.stringify(err);
    expect(text).not.toContain('010190');
    expect(text).not.toContain('2407851234');
    expect(err.problems.every((p) => p.value === undefined && p.expected.startsWith('no CPR number'))).toBe(true);
  });

  it('a ten-digit code on at least 5 rows is a code (a site\'s P-number), read as written', () => {
    // Shaped like a CPR number (01-01-90), on every row: a site code, not one patient's.
    const file = sample((l) => l.replace(/,[A-Z]{2}$/, ',0101901234'));
    const read = readTargetSample(file, plan)!;
    expect(read.rows.length).toBeGreaterThan(5);
    expect(read.rows.every((r) => r[2] === 101901234)).toBe(true);
    const four = sample((l, i) => (i < 4 ? l.replace(/,[A-Z]{2}$/, ',0101901234') : l));
    const err = thrown(() => readTargetSample(four, plan));
    expect(err.problems.map((p) => p.line)).toEqual([2, 3, 4, 5]);
    expect(err.problems[0]!.expected).toContain('on at least 5 rows');
  });
});
