/**
 * The CEA's cost-by-category chart: sick leave (~1,600 EUR), outside the healthcare perspective
 * of the base case, must not set the scale of the costs the result is made of — its own panel,
 * its own scale, titled as not in the total (bundled reports as committed).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

type Panel = { title?: { text: string[] }; data: { values: { category: string; cost: number }[] } };

describe('cost by category: categories outside the perspective apart', () => {
  it.each([['selfback-cea', 'Sick leave (productivity)', /not in the total/], ['selfback-cea-da', 'Sygefravær (produktivitet)', /ikke med i totalen/]] as const)('%s', (name, sick, outside) => {
    const spec = JSON.parse(readFileSync(`reports/${name}/costs-by-category.vl.json`, 'utf8')) as { vconcat?: Panel[]; resolve?: { scale?: { x?: string } } };
    expect(spec.vconcat).toHaveLength(2);
    const [inside, apart] = spec.vconcat as [Panel, Panel];
    expect(inside.data.values.map((v) => v.category)).not.toContain(sick);
    expect(new Set(apart.data.values.map((v) => v.category))).toEqual(new Set([sick]));
    expect(apart.title!.text.join(' ')).toMatch(outside);
    expect(spec.resolve?.scale?.x).toBe('independent');
  });
});
