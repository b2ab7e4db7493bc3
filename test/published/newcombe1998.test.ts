/**
 * Newcombe RG (1998), Interval estimation for the difference between independent proportions:
 * comparison of eleven methods, Stat Med 17:873–890,
 * doi:10.1002/(SICI)1097-0258(19980430)17:8<873::AID-SIM779>3.0.CO;2-I.
 * Table II, method 10 (score interval, no continuity correction), examples (a)–(h), printed to
 * four decimals. The same tables are checked to 1e-6 against R in test/stats.
 */
import { describe, it } from 'vitest';
import { proportionDifference } from '../../src/stats/proportion-difference.js';
import { expectPrinted } from '../support/tolerance.js';

const table2 = [
  { example: 'a', x1: 56, n1: 70, x2: 48, n2: 80, lower: '0.0524', upper: '0.3339' },
  { example: 'b', x1: 9, n1: 10, x2: 3, n2: 10, lower: '0.1705', upper: '0.8090' },
  { example: 'c', x1: 6, n1: 7, x2: 2, n2: 7, lower: '0.0582', upper: '0.8062' },
  { example: 'd', x1: 5, n1: 56, x2: 0, n2: 29, lower: '-0.0381', upper: '0.1926' },
  { example: 'e', x1: 0, n1: 10, x2: 0, n2: 20, lower: '-0.1611', upper: '0.2775' },
  { example: 'f', x1: 0, n1: 10, x2: 0, n2: 10, lower: '-0.2775', upper: '0.2775' },
  { example: 'g', x1: 10, n1: 10, x2: 0, n2: 20, lower: '0.6791', upper: '1.0000' },
  { example: 'h', x1: 10, n1: 10, x2: 0, n2: 10, lower: '0.6075', upper: '1.0000' },
];

describe('Newcombe (1998) Table II, method 10', () => {
  for (const t of table2) {
    it(`example (${t.example}): ${t.x1}/${t.n1} − ${t.x2}/${t.n2} → ${t.lower} to ${t.upper}`, () => {
      const r = proportionDifference({ events: t.x1, n: t.n1 }, { events: t.x2, n: t.n2 });
      expectPrinted(r.ciLower, t.lower);
      expectPrinted(r.ciUpper, t.upper);
    });
  }
});
