// Google Sheets and LibreOffice in a Danish locale write a date-time cell with the time in points
// (`20.4.2024 00.00.00`: CLDR's Danish HH.mm.ss). Every such cell was refused as "expected a real
// calendar date written DD.MM.YYYY", and plan init detected no date format, while the same cells
// with `00:00:00` were read. Found by the sheets explorer, 6 December 2026 (docs/input-registry.md "Dates").
import { describe, expect, it } from 'vitest';
import { createDateFormatDetector, dateParser, hasTimeOfDay } from '../../src/uptake/registry-dates.js';
import { referralFieldSchemas } from '../../src/uptake/referral.js';
import { regionSet } from '../../src/uptake/regions.js';

describe('a day-first date with a time of day written with points', () => {
  it('is read as its date, as the colon time is, in every day-first format', () => {
    for (const [format, date] of [['dd.mm.yyyy', '20.4.2024'], ['dd-mm-yyyy', '20-04-2024'], ['dd/mm/yyyy', '20/4/2024'], ['dd.mm.yy', '20.04.24']] as const) {
      const read = dateParser(format);
      expect(read(date), format).toBeDefined();
      for (const time of ['00.00.00', '0.00', '08.15', '23.59.59']) expect(read(`${date} ${time}`), `${date} ${time}`).toBe(read(date));
      expect(read(`${date} 00.00.00`)).toBe(read(`${date} 00:00:00`));
    }
  });

  it('says a time other than midnight once, as for a colon time', () => {
    expect(hasTimeOfDay('20.4.2024 00.00.00', 'dd.mm.yyyy')).toBe(false);
    expect(hasTimeOfDay('20.4.2024 08.15.00', 'dd.mm.yyyy')).toBe(hasTimeOfDay('20.4.2024 08:15:00', 'dd.mm.yyyy'));
    expect(hasTimeOfDay('20.4.2024 08.15.00', 'dd.mm.yyyy')).toBe(true);
  });

  it('is not read with one separator mixed into the other, nor out of range', () => {
    const read = dateParser('dd.mm.yyyy');
    for (const t of ['20.4.2024 00:00.00', '20.4.2024 00.00:00', '20.4.2024 24.00.00', '20.4.2024 12.60', '20.4.2024 00.00.00 AM']) expect(read(t), t).toBeUndefined();
  });

  it('is detected by plan init as DD.MM.YYYY', () => {
    const d = createDateFormatDetector();
    for (const t of ['20.4.2024 00.00.00', '18.8.2025 00.00.00', '3.1.2025 00.00.00']) d.add(t);
    expect(d.result()).toMatchObject({ format: 'dd.mm.yyyy' });
    expect(d.result()).not.toHaveProperty('odd');
  });

  it('where refused for its time, the message says the time part is the problem, not the date', () => {
    const fields = referralFieldSchemas({ regions: regionSet([]), dateFormat: 'dd.mm.yyyy' });
    const expected = (v: string) => {
      const r = fields.referred.safeParse(v);
      return r.success ? undefined : r.error.issues[0]!.message;
    };
    expect(expected('20.4.2024 00.00.00')).toBeUndefined();
    expect(expected('20.4.2024 25.00.00')).toContain('its date part reads, but its time of day "25.00.00" is out of range');
    expect(expected('20.4.2024 00-00')).toContain('its date part reads, but its time of day "00-00" is not written hh:mm or hh:mm:ss (also hh.mm.ss');
    // A wrong date keeps its message alone.
    expect(expected('31.2.2024 00.00.00')).not.toContain('time of day');
  });
});

describe('the time refusal under --lang da', () => {
  it('is Danish whole', async () => {
    const { danishProblemText } = await import('../../src/report/problem-text.js');
    const fields = referralFieldSchemas({ regions: regionSet([]), dateFormat: 'dd.mm.yyyy' });
    for (const v of ['20.4.2024 25.00.00', '20.4.2024 00-00']) {
      const r = fields.referred.safeParse(v);
      const da = danishProblemText(r.success ? '' : r.error.issues[0]!.message);
      expect(da, v).toMatch(/^en gyldig kalenderdato skrevet DD\.MM\.YYYY — datoen kan læses, men klokkeslættet "/);
      expect(da).not.toMatch(/time of day|written|date part|out of range|as a Danish/);
    }
  });
});
