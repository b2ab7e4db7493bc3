/**
 * Reading real registry exports: date formats and their detection, counts with thousands
 * separators, regions from the data (NFC, case, "Region …", synonyms), the date window, and
 * grouped problems collected in bounded memory.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError, formatError, type Problem } from '../../src/errors.js';
import { createProblemCollector } from '../../src/problem-collector.js';
import { groupProblems } from '../../src/problem-groups.js';
import { parseCount } from '../../src/uptake/parse-count.js';
import { readEligible, readRegistry, readRegistryFile } from '../../src/uptake/read-registry.js';
import { createDateFormatDetector, dateParser, ymdToDay } from '../../src/uptake/registry-dates.js';
import { regionSet } from '../../src/uptake/regions.js';
import { tempDir } from '../support/run-cli.js';

const HEADER = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';
function file(lines: string[], name = 'r.csv'): string {
  const dir = tempDir();
  const f = join(dir, name);
  writeFileSync(f, lines.join('\n') + '\n');
  return f;
}
async function failure(p: Promise<unknown>): Promise<HtaError> {
  try {
    await p;
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return err as HtaError;
  }
  throw new Error('expected a failure');
}

describe('date formats', () => {
  const day = (y: number, m: number, d: number) => ymdToDay(y, m, d)!;
  it('parses each format strictly, and iso-datetime ignores the time part', () => {
    expect(dateParser('dd-mm-yyyy')('21-04-2025')).toBe(day(2025, 4, 21));
    expect(dateParser('dd.mm.yyyy')('1.4.2025')).toBe(day(2025, 4, 1));
    expect(dateParser('dd/mm/yyyy')('31/12/2024')).toBe(day(2024, 12, 31));
    expect(dateParser('mm/dd/yyyy')('12/31/2024')).toBe(day(2024, 12, 31));
    expect(dateParser('iso-datetime')('2025-05-09T23:59:59')).toBe(day(2025, 5, 9));
    expect(dateParser('iso-datetime')('2025-05-09 08:15')).toBe(day(2025, 5, 9));
    expect(dateParser('iso-datetime')('2025-05-09')).toBe(day(2025, 5, 9));
    expect(dateParser('iso')('2025-05-09T08:15:00')).toBeUndefined();
    expect(dateParser('dd-mm-yyyy')('31-04-2025')).toBeUndefined(); // no 31 April
    expect(dateParser('dd-mm-yyyy')('2025-04-21')).toBeUndefined();
    expect(dateParser('iso-datetime')('2025-05-09T25:00')).toBeUndefined();
  });

  it('auto picks day-first or month-first from a part above 12 and refuses when every date has both parts ≤ 12', () => {
    const detect = (cells: string[]) => {
      const d = createDateFormatDetector();
      cells.forEach((c) => d.add(c));
      return d.result();
    };
    expect(detect(['01-02-2025', '21-04-2025', ''])).toEqual({ format: 'dd-mm-yyyy' });
    expect(detect(['01/02/2025', '04/21/2025'])).toEqual({ format: 'mm/dd/yyyy' });
    expect(detect(['2025-01-02', '2025-01-02T10:00:00'])).toEqual({ format: 'iso-datetime' });
    expect(detect(['01.02.2025', '03.04.2025'])).toMatchObject({ reason: expect.stringContaining('cannot be told apart') });
    expect(detect(['13/02/2025', '02/13/2025'])).toMatchObject({ reason: expect.stringContaining('neither day-first nor month-first') });
  });

  it('dateFormat auto reads a file twice and refuses an ambiguous one with that reason', async () => {
    const ok = file([HEADER, 'a,Sjælland,Z1,21-04-2025,22-04-2025,,30,f,gp']);
    expect((await readRegistryFile(ok, { dateFormat: 'auto' })).dateFormat).toBe('dd-mm-yyyy');
    const ambiguous = file([HEADER, 'a,Sjælland,Z1,01-04-2025,02-04-2025,,30,f,gp']);
    const err = await failure(readRegistryFile(ambiguous, { dateFormat: 'auto' }));
    expect(formatError(err)).toContain('day-first and month-first cannot be told apart');
  });
});

describe('counts with thousands separators', () => {
  it('reads 37.000 where the decimal mark is the comma and 37,000 where it is the point; never a fraction', () => {
    expect(parseCount('37.000', '.')).toBe(37000);
    expect(parseCount('1.234.567', '.')).toBe(1234567);
    expect(parseCount('37,000', ',')).toBe(37000);
    expect(parseCount('37 000', ',')).toBe(37000);
    expect(parseCount('37\u00a0000', '.')).toBe(37000);
    expect(parseCount('37000', '.')).toBe(37000);
    for (const bad of ['37.5', '37.00', '3.7000', '37,000', '-5', '37.000,5']) expect(parseCount(bad, '.')).toBeUndefined();
    // A zero decimal part in the file's decimal mark is the whole count (Excel's Number format, two decimals by default).
    expect(parseCount('37.000,0', '.')).toBe(37000);
    expect(parseCount('37.000', ',')).toBeUndefined();
  });

  it('the eligible file: 37.000 in a semicolon file is 37000, 37.5 is an error naming the line', () => {
    const good = file(['Region;Year;Eligible', 'Oslo;2025;37.000', 'Viken;2025;1.200'], 'e.csv');
    expect(readEligible(good)).toEqual([{ region: 'Oslo', year: 2025, eligible: 37000 }, { region: 'Viken', year: 2025, eligible: 1200 }]);
    const bad = file(['region;year;eligible', 'Oslo;2025;37.5'], 'e.csv');
    expect(() => readEligible(bad)).toThrow(HtaError);
    try {
      readEligible(bad);
    } catch (err) {
      expect((err as HtaError).problems[0]).toMatchObject({ line: 2, column: 3, field: 'eligible', value: '37.5' });
    }
  });
});

describe('regions from the data', () => {
  it('match case-, space- and Unicode-form-insensitively with an optional "Region " prefix, and by plan synonyms', () => {
    const decomposed = 'Sja\u0308lland'.normalize('NFD');
    const set = regionSet(['Sjælland', 'Trøndelag', 'Oslo'], { 'Oslo kommune': 'oslo' });
    expect(set.resolve('REGION  SJÆLLAND')).toBe('Sjælland');
    expect(set.resolve(decomposed)).toBeUndefined(); // "Sjä…" is another name
    expect(set.resolve('Sjælland'.normalize('NFD'))).toBe('Sjælland');
    expect(set.resolve(' trøndelag ')).toBe('Trøndelag');
    expect(set.resolve('oslo Kommune')).toBe('Oslo');
    expect(set.resolve('Viken')).toBeUndefined();
    expect(() => regionSet(['Oslo'], { Bergen: 'Vestland' })).toThrow(/not one of Oslo/);
  });

  it('a registry region not in the eligible file is an error naming the lines, grouped', async () => {
    const reg = file([HEADER, 'a,Oslo,K1,2025-01-01,,,30,f,gp', 'b,Bergen,K1,2025-01-01,,,30,f,gp', 'c,Bergen,K2,2025-01-02,,,30,f,gp']);
    const err = await failure(readRegistry(reg, { regions: regionSet(['Oslo', 'Viken'], {}, 'e.csv') }));
    const text = formatError(err);
    expect(text).toContain('2 × ');
    expect(text).toContain(':lines 3–4, column 2 (region): "Bergen" — expected one of Oslo, Viken (the regions of e.csv)');
  });

  it('metric rows follow the eligible file\'s region order, not the alphabet or the Danish default', async () => {
    const reg = file([HEADER, 'a,Oslo,K1,2025-01-01,,,30,f,gp', 'b,Viken,K1,2025-01-01,,,30,f,gp', 'c,Nordland,BODØ1,2025-01-02,,,30,f,gp']);
    const agg = await readRegistry(reg, { regions: regionSet(['Viken', 'Oslo', 'Nordland']) });
    const regions = agg.metrics.filter((m) => m.period === 'all' && m.dimension === 'all').map((m) => m.region);
    expect(regions).toEqual(['Viken', 'Oslo', 'Nordland', 'national']);
    expect(agg.clinics.map((c) => c.clinic)).toContain('BODØ1');
  });
});

describe('date window', () => {
  it('dates before 2000 (default) or outside the plan window are problems on their own cell', async () => {
    const reg = file([HEADER, 'a,Sjælland,Z1,1999-12-31,,,30,f,gp', 'b,Sjælland,Z1,2024-01-01,2024-01-02,2026-05-01,30,f,gp']);
    const err = await failure(readRegistry(reg, { dateWindow: { to: '2025-12-31' } }));
    expect(err.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'referred', '1999-12-31'], [3, 'last_active', '2026-05-01']]);
    expect(err.problems[0]!.expected).toBe("a date within 2000-01-01 – 2025-12-31 (the plan's dateWindow)");
  });
});

describe('invalid rows excluded', () => {
  it('drops every invalid row, counts them and groups the reasons; the valid rows are analysed', async () => {
    const lines = [HEADER];
    for (let i = 0; i < 30; i++) lines.push(`${i},Sjælland,Z1,2024-01-0${1 + (i % 9)},,,30,f,gp`);
    lines.push('x1,Fyn,Z1,2024-01-01,,,30,f,gp', 'x2,Sjælland,Z1,2024-02-30,,,30,f,gp', 'x3,Fyn,Z1,2024-01-01,,,30,f,dentist');
    const seen: Problem[] = [];
    const reg = file(lines);
    const read = await readRegistryFile(reg, { invalidRows: 'exclude', onExcluded: (p) => seen.push(p) });
    expect(read.aggregate.rows).toBe(30);
    expect(read.excluded.rows).toBe(3);
    expect(read.excluded.problems.map((g) => [g.field, g.count, g.lines])).toEqual([
      ['region', 2, [[32, 32], [34, 34]]], ['referred', 1, [[33, 33]]], ['referrer', 1, [[34, 34]]],
    ]);
    expect(seen).toHaveLength(4);
    // No id (x1…x3) in what is kept; the temporary folder's random name may hold those letters.
    expect(JSON.stringify(read.excluded).replaceAll(JSON.stringify(reg).slice(1, -1), 'r.csv')).not.toMatch(/x[123]/);
  });
});

describe('problem collector', () => {
  it('gives the groups groupProblems gives, for problems in file order', () => {
    const problems: Problem[] = [];
    const fields = ['region', 'sex', 'referred'];
    for (let line = 2; line < 400; line++) {
      if (line % 7 === 0) continue;
      const field = fields[(line * 13) % 3]!;
      problems.push({ file: 'r.csv', line, column: fields.indexOf(field) + 2, field, value: `v${line % 5}`, expected: `expected ${field}` });
      if (line % 11 === 0) problems.push({ file: 'r.csv', line, value: '3 fields', expected: '9 fields' });
      if (line % 17 === 0) problems.push({ file: 'r.csv', line, column: 4, field: 'referred', value: 'x', kind: 'date.window', expected: `window ${line}`, hint: 'h' });
    }
    const c = createProblemCollector();
    problems.forEach((p) => c.add(p));
    expect(c.count).toBe(problems.length);
    expect(c.groups()).toEqual(groupProblems(problems));
    // Out of file order too (a deterministic shuffle).
    const shuffled = problems.map((p, i) => [(i * 7919) % problems.length, p] as const).sort((a, b) => a[0] - b[0]).map(([, p]) => p);
    const d = createProblemCollector();
    shuffled.forEach((p) => d.add(p));
    expect(d.groups()).toEqual(groupProblems(shuffled));
  });

  it('keeps 200,000 problems of one kind as one group with an exact count and one line range', () => {
    const c = createProblemCollector();
    for (let line = 2; line < 200_002; line++) c.add({ file: 'r.csv', line, column: 2, field: 'region', value: 'Fyn', expected: 'a region' });
    const [g] = c.groups();
    expect(g).toMatchObject({ count: 200_000, lines: [[2, 200_001]], values: ['Fyn'] });
  });
});

describe('input notes', () => {
  it('say what was detected, filled and excluded, in English and Danish; nothing when the input was used as it stood', async () => {
    const { uptakeInputNotes } = await import('../../src/uptake/input-notes.js');
    expect(uptakeInputNotes({})).toEqual([]);
    const a = {
      dateFormatDetected: 'dd.mm.yyyy' as const,
      eligibleFill: { method: 'carry-forward' as const, filled: [{ region: 'Oslo', year: 2027, fromYear: 2026, eligible: 100 }] },
      excluded: { rows: 2, kinds: ['region' as const] },
    };
    expect(uptakeInputNotes(a)).toEqual([
      'Registry dates were read as DD.MM.YYYY (detected: the plan\'s dateFormat is "auto").',
      'Eligible counts missing from the eligible file were filled by carry-forward (the plan\'s eligibleFill; nearest earlier year, else later): Oslo 2027 from 2026.',
      '2 invalid registry rows were excluded from every number (--exclude-invalid). Kinds of problem: region not among the regions of the eligible file.',
    ]);
    expect(uptakeInputNotes(a, 'da')[1]).toBe('Manglende antal berettigede er udfyldt ved fremskrivning (planens eligibleFill; nærmeste tidligere år, ellers senere): Oslo 2027 fra 2026.');
  });

  it('publish of excluded rows the count as a band from the threshold up (else "some") and the kinds of at least threshold rows in words — no value, line or count per kind', async () => {
    const { uptakeInputNotes } = await import('../../src/uptake/input-notes.js');
    const { publishedExclusion } = await import('../../src/uptake/published-exclusion.js');
    const problems = groupProblems([
      { file: 'r.csv', line: 404, column: 7, field: 'Alder', value: '45 år', expected: 'a whole number of years 0–120, or empty' },
      { file: 'r.csv', line: 405, column: 8, field: 'køn ', value: 'Ukendt', expected: 'female, male or unknown' },
      { file: 'r.csv', line: 406, column: 8, field: 'Køn', value: 'X', expected: 'female, male or unknown' },
      { file: 'r.csv', line: 409, column: 5, field: 'Aktiveringsdato', value: '02-12-2025', expected: 'an activation on or after the referral date 2025-12-05' },
      { file: 'r.csv', line: 410, expected: 'as many fields as the header' },
    ]);
    const names = { age: 'Alder', sex: 'Køn', activated: 'Aktiveringsdato' };
    // Below the threshold no kind has threshold rows: none is named.
    expect(publishedExclusion({ rows: 4, problems }, names, 5)).toEqual({ rows: 'suppressed', kinds: [] });
    expect(publishedExclusion({ rows: 4, problems }, names, 2)).toEqual({ rows: { atLeast: 4, fewerThan: 6 }, kinds: ['sex'] });
    expect(publishedExclusion({ rows: 5, problems }, names, 1)).toEqual({ rows: 5, kinds: ['activated', 'age', 'sex', 'other'] });
    // An age-band column named by columns.registry.ageBand is the age's column too: its problems are of kind age, not other.
    const banded = groupProblems([{ file: 'r.csv', line: 404, column: 7, field: 'Aldersgruppe', value: '45 år gammel', expected: 'an age band' }]);
    expect(publishedExclusion({ rows: 1, problems: banded }, { ageBand: 'Aldersgruppe' }, 1)).toEqual({ rows: 1, kinds: ['age'] });
    expect(publishedExclusion({ rows: 5, problems }, names, 5).rows).toEqual({ atLeast: 5, fewerThan: 10 });
    expect(publishedExclusion({ rows: 0, problems: [] }, names, 5)).toEqual({ rows: 0, kinds: [] });
    const some = { threshold: 5, excluded: publishedExclusion({ rows: 4, problems }, names, 5) };
    const [da] = uptakeInputNotes(some, 'da');
    expect(da).toBe('Nogle ugyldige registerrækker (færre end 5) er udeladt af alle tal (--exclude-invalid). Fejltyperne nævnes ikke: hver gælder færre end 5 rækker.');
    expect(uptakeInputNotes({ threshold: 2, excluded: publishedExclusion({ rows: 4, problems }, names, 2) }, 'da')[0]).toBe('4–5 ugyldige registerrækker er udeladt af alle tal (--exclude-invalid). Fejltyper med mindst 2 rækker hver: ukendt kode for køn.');
    expect(uptakeInputNotes(some, 'en')[0]).toMatch(/^Some invalid registry rows \(fewer than 5\) were excluded/);
    for (const text of [da, JSON.stringify(some)]) expect(text).not.toMatch(/45 år|Ukendt|02-12-2025|40[4-9]|2025-12-05|×/);
    expect(uptakeInputNotes({ threshold: 5, excluded: publishedExclusion({ rows: 1234, problems }, names, 5) }, 'da')[0]).toMatch(/^1\.230–1\.234 ugyldige registerrækker er udeladt/);
  });
});

describe('a date column of compact date-times (20250123 0930)', () => {
  it('is refused as CPR-shaped, unquoted, saying a compact date-time has that shape and to export dates as YYYY-MM-DD', async () => {
    // Read as 40 CPR numbers with no word of the likelier cause.
    const f = file([HEADER, 'P1,Hovedstaden,HOV01,20250123 0930,2025-01-27,2025-03-14,66,K,gp', 'P2,Hovedstaden,HOV01,2025-01-20,2025-01-27,2025-03-14,66,K,gp']);
    const err = await failure(readRegistryFile(f, { dateFormat: 'iso' }));
    const text = formatError(err);
    expect(err.problems.map((p) => [p.line, p.column])).toEqual([[2, 4]]);
    expect(text).toContain('a compact date-time (YYYYMMDD hhmm) has this shape too: export dates as YYYY-MM-DD');
    expect(text).not.toContain('20250123');
    // Not said of a clinic column's cell, where a code is the likelier cause.
    const clinic = formatError(await failure(readRegistryFile(file([HEADER, 'P1,Hovedstaden,2501230930,2025-01-20,2025-01-27,2025-03-14,66,K,gp']), { dateFormat: 'iso' })));
    expect(clinic).not.toContain('compact date-time');
    expect(clinic).toContain('a letter before all its digits');
  });
});
