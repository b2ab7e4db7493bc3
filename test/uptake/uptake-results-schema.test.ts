import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { uptakeResultsJsonSchema, uptakeResultsSchema } from '../../src/uptake/uptake-results-schema.js';

const root = (p: string) => fileURLToPath(new URL(`../../${p}`, import.meta.url));

describe('the uptake results schema', () => {
  const bundled = JSON.parse(readFileSync(root('reports/uptake/results.json'), 'utf8')) as { metrics: Record<string, unknown>[]; budget: { observed: Record<string, unknown>[] } };

  it('accepts the bundled report\'s results.json, which has suppressed cells', () => {
    const r = uptakeResultsSchema.safeParse(bundled);
    expect(r.success ? [] : r.error.issues.slice(0, 3)).toEqual([]);
    expect(JSON.stringify(bundled.metrics)).toContain('"suppressed"');
  });

  it('refuses any other way of marking a hidden count: "<5", null, an empty string', () => {
    const i = bundled.metrics.findIndex((m) => m.activations === 'suppressed');
    expect(i).toBeGreaterThanOrEqual(0);
    for (const bad of ['<5', null, '', 3.5, -1]) {
      const copy = structuredClone(bundled);
      copy.metrics[i]!.activations = bad;
      expect(uptakeResultsSchema.safeParse(copy).success, JSON.stringify(bad)).toBe(false);
    }
    const copy = structuredClone(bundled);
    copy.budget.observed[0]!.averagePrice = '';
    expect(uptakeResultsSchema.safeParse(copy).success).toBe(false);
  });

  it('is the committed schemas/uptake-results.schema.json, which documents the marker', () => {
    const committed = JSON.parse(readFileSync(root('schemas/uptake-results.schema.json'), 'utf8')) as unknown;
    expect(committed).toEqual(JSON.parse(JSON.stringify(uptakeResultsJsonSchema())));
    expect(JSON.stringify(committed)).toContain('Hidden by disclosure control: the same marker whatever the hidden value');
  });
});
