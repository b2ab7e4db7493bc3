/**
 * The carried publications' metric rows in schemas/uptake-results.schema.json list the counts that
 * only grow with later exports: GROWING_COUNTS (disclosure/previous-publication.ts), the one list
 * the audit reads them by. The schema listed the six by hand until 3 December 2026, so a seventh
 * count would have been read and carried but refused by the published schema. Here the list gets
 * a seventh and the schema follows it.
 */
import { describe, expect, it, vi } from 'vitest';

vi.mock('../../src/uptake/disclosure/previous-publication.js', async (original) => {
  const real = await original<typeof import('../../src/uptake/disclosure/previous-publication.js')>();
  return { ...real, GROWING_COUNTS: [...real.GROWING_COUNTS, 'probeCount'] };
});

describe('the uptake results schema', () => {
  it('lists the carried metric counts from GROWING_COUNTS', async () => {
    const { uptakeResultsJsonSchema } = await import('../../src/uptake/uptake-results-schema.js');
    type Node = { properties: Record<string, Node>; items: Node };
    const schema = uptakeResultsJsonSchema() as Node;
    const row = schema.properties.previous!.properties.publications!.items.properties.metrics!.items;
    expect(Object.keys(row.properties)).toEqual(['region', 'period', 'dimension', 'level', 'referrals', 'activations', 'atRisk4w', 'retained4w', 'atRisk12w', 'retained12w', 'probeCount']);
  });
});
