/**
 * An eligible file exported from Power BI or an Excel pivot names its count by the summing
 * caption (`Region,År,Sum of Antal`, `Sum af Antal`): read as the count column by the draft's
 * mapping (`År` as the year); `Count of …` (a number of rows) is not (docs/plan-uptake.md).
 */
import { describe, expect, it } from 'vitest';
import { eligibleColumnsFor } from '../../src/uptake/read-registry.js';

describe('a summed count caption in the eligible file', () => {
  it.each(['Sum of Antal', 'Sum af Antal', 'Summen af Antal', 'Sum of Eligible'])('%s is the count column', (caption) => {
    expect(eligibleColumnsFor(['Region', 'År', caption])).toEqual({ year: 'År', eligible: caption });
  });

  it('"Count of Antal" is a number of rows, not read as the count', () => {
    expect(eligibleColumnsFor(['Region', 'År', 'Count of Antal'])).toBeUndefined();
  });
});
