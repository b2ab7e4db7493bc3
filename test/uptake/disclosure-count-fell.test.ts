/**
 * A count that fell between two publications of different export dates (rows removed or
 * corrected in the registry): the audit skipped it ("the registry changed"), yet the two prints
 * give the fall itself, a count of patients — disclosed when small (a reviewer).
 */
import { describe, expect, it } from 'vitest';
import { auditPublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import type { PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';

const row = (referrals: number) => ({ region: 'A', period: '2024', dimension: 'all', level: 'all', referrals, activations: 20, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
const pub = (referrals: number) => ({ exportDate: '2025-06-30', rows: 80, metrics: [row(referrals)], uptake: [], budget: { observed: [] } });
const previous = (referrals: number): PreviousPublication => ({
  file: 'earlier.json',
  exportDate: '2025-03-31',
  exportDates: ['2025-03-31'],
  counts: [{ asOf: '2025-03-31', kind: 'metric', measure: 'referrals', region: 'A', period: '2024', dimension: 'all', level: 'all', value: referrals }],
  uncarried: [],
});
const rule = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

describe('a count that fell since an earlier publication', () => {
  it('by 1–4 is a disclosed difference', () => {
    const audit = auditPublishedUptake(pub(40) as never, rule, previous(42));
    expect(audit.disclosedDifferences).toEqual([{ cell: expect.stringContaining('published on 2025-03-31 − the same count now (it fell)'), lower: 2, upper: 2 }]);
  });

  it('by the threshold or more, or not at all, is not', () => {
    expect(auditPublishedUptake(pub(40) as never, rule, previous(45)).disclosedDifferences).toEqual([]);
    expect(auditPublishedUptake(pub(40) as never, rule, previous(40)).disclosedDifferences).toEqual([]);
  });
});
