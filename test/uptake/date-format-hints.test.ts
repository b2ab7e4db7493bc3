/**
 * A registry date the plan's "dateFormat" does not read says which format does: a SAS day number
 * (23486) was first called an Excel serial (a 1964 date, outside the date window), and a
 * DD/MM/YYYY date (SAS DDMMYY10.) got no hint at all (docs/input-registry.md, "dateFormat").
 */
import { expect, it } from 'vitest';
import { referralFieldSchemas } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';

const expectedOf = (cell: string, dateFormat?: 'excel-serial'): string => {
  const schemas = referralFieldSchemas({ regions: regionSet(['Hovedstaden']), ...(dateFormat ? { dateFormat } : {}) });
  const r = schemas.referred.safeParse(cell);
  return r.success ? '' : r.error.issues[0]!.message;
};

it('names a SAS day number inside the date window as "sas-day", an Excel serial inside it as "excel-serial"', () => {
  // 23486 days after 1960-01-01 is 2024-04-20; as an Excel serial, 1964-04-20.
  expect(expectedOf('23486')).toBe('a real calendar date written YYYY-MM-DD (this looks like a SAS date value, days since 1960-01-01 — as an Excel serial day number it would fall outside the date window: set "dateFormat": "sas-day" or "auto" in the uptake plan)');
  // 45402 as an Excel serial is 2024-04-20 (as a SAS date, 2084): the serial's hint stays.
  expect(expectedOf('45402')).toContain('(this looks like an Excel serial day number: set "dateFormat": "excel-serial"');
});

it('names a day-first date with a four-digit year', () => {
  expect(expectedOf('20/04/2024')).toBe('a real calendar date written YYYY-MM-DD (this is a day-first date, as SAS\'s DDMMYY10. and Danish Excel write it: set "dateFormat": "dd/mm/yyyy" or "auto" in the uptake plan)');
  expect(expectedOf('20.04.2024')).toContain('set "dateFormat": "dd.mm.yyyy" or "auto"');
  expect(expectedOf('04/20/2024')).toContain('(this is a month-first US date: set "dateFormat": "mm/dd/yyyy" or "auto" in the uptake plan)');
});
