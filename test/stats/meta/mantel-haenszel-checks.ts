/** Compares mantelHaenszel() with one metafor rma.mh() fixture case. */
import { expect } from 'vitest';
import { mantelHaenszel } from '../../../src/stats/meta/mantel-haenszel.js';
import { expectClose } from '../../support/tolerance.js';
import type { MantelHaenszelCase } from './fixtures.js';

export function expectMantelHaenszelMatches(c: MantelHaenszelCase): void {
  const tables = c.eventsIntervention.map((a, i) => ({
    label: String(i + 1),
    eventsIntervention: a,
    nIntervention: c.nIntervention[i]!,
    eventsControl: c.eventsControl[i]!,
    nControl: c.nControl[i]!,
  }));
  const r = mantelHaenszel(tables, c.measure);
  expect(r.kPooled).toBe(c.kPooled);
  expect(r.k).toBe(tables.length);
  expectClose(r.estimate, c.estimate);
  expectClose(r.se, c.se);
  expectClose(r.ciLower, c.ciLower);
  expectClose(r.ciUpper, c.ciUpper);
  expectClose(r.statistic, c.statistic);
  expectClose(r.pValue, c.pValue, 1e-6, 1e-300);
  expectClose(r.q!, c.q);
  expectClose(r.qPValue!, c.qPValue, 1e-6, 1e-300);
  expectClose(r.i2!, c.i2, 1e-6, 1e-8);
  expectClose(r.h2!, c.h2);
  expect(r.qDf).toBe(c.kPooled - 1);
}
