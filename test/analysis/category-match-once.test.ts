/**
 * A subgroup's listed levels and a target margin's share keys name the export's values in any
 * case and Unicode form (trial/category-values.ts). Each is asked for every patient at every
 * outcome × visit: each distinct value is matched once, not once per patient
 * (docs/architecture.md#the-cost-of-a-cold-regeneration), with the same answers.
 */
import { describe, expect, it, vi } from 'vitest';
import { subgroupLevels } from '../../src/analysis/subgroup-levels.js';
import { marginLevels } from '../../src/analysis/transported-effect.js';

/** Calls of String.prototype.toLowerCase (categoryKey's last step) while `f` runs. */
function lowerCasings<T>(f: () => T): { value: T; calls: number } {
  const spy = vi.spyOn(String.prototype, 'toLowerCase');
  try {
    const value = f();
    return { value, calls: spy.mock.calls.length };
  } finally {
    spy.mockRestore();
  }
}

const patients = Array.from({ length: 400 }, (_, i) => ['Mand', 'kvinde', 'MAND', 'Kvinde', 'andet'][i % 5]!);

describe('category values matched once per distinct value', () => {
  it("a subgroup's listed levels", () => {
    const levels = subgroupLevels({ column: 'sex', levels: ['mand', 'Kvinde'] } as never, patients);
    const { value, calls } = lowerCasings(() => patients.map((v) => levels.levelOf(v)));
    expect(value.slice(0, 5)).toEqual([{ level: 'mand' }, { level: 'Kvinde' }, { level: 'mand' }, { level: 'Kvinde' }, { other: true }]);
    expect(value.filter((v) => 'level' in v && v.level === 'mand')).toHaveLength(160);
    expect(calls).toBeLessThan(30);
    // Numbers are levels by value, not by their text: 1 is not "1".
    const coded = subgroupLevels({ column: 'site', levels: [1, 2] } as never, [1, 2]);
    expect([coded.levelOf(1), coded.levelOf('1'), coded.levelOf(1), coded.levelOf(3)]).toEqual([{ level: '1' }, { level: '1' }, { level: '1' }, { other: true }]);
  });

  it("a target margin's share keys", () => {
    const margin = marginLevels({ column: 'sex', shares: { mand: 0.5, Kvinde: 0.5 } } as never);
    const { value, calls } = lowerCasings(() => patients.map((v) => margin.indexOf(v)));
    expect(value.slice(0, 5)).toEqual([0, 1, 0, 1, { other: 'andet' }]);
    expect(value.filter((v) => v === 1)).toHaveLength(160);
    expect(calls).toBeLessThan(30);
    expect([margin.indexOf(null), margin.indexOf(undefined)]).toEqual(['missing', 'missing']);
  });
});
