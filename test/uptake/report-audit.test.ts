/**
 * The committed uptake report publishes its numbers (results.json, and the same numbers in its
 * tables and charts): the independent attacker must find no suppressed count it can narrow below
 * the protection level from them, no derived difference pinned in the sensitive range, and no
 * cost or average price computed from a suppressed count.
 * `hta report --check` in CI guarantees this file is what the bundled data produce.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { auditPublishedUptake, type PublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';

describe('disclosure audit of the published uptake report', () => {
  it('finds no suppressed cell narrower than the protection level in reports/uptake/results.json', () => {
    const published = JSON.parse(readFileSync('reports/uptake/results.json', 'utf8')) as PublishedUptake & {
      suppression: { threshold: number; protectionLevel: number; zerosSensitive: boolean; suppressedCells: number };
    };
    const { threshold, protectionLevel, zerosSensitive } = published.suppression;
    const audit = auditPublishedUptake(published, { threshold, protectionLevel, zerosSensitive });
    expect(audit.suppressedCells).toBeGreaterThan(0);
    expect(audit.suppressedCells).toBe(published.suppression.suppressedCells);
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
    expect(audit.costsOnSuppressed).toEqual([]);
  });
});
