/**
 * Total rows (src/uptake/total-rows.ts) and the date detection that one odd row must not spoil
 * (docs/input-registry.md "Total rows", "Dates").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { createDateFormatDetector } from '../../src/uptake/registry-dates.js';
import { isTotalRecord, isTotalWord } from '../../src/uptake/total-rows.js';
import { tempDir } from '../support/run-cli.js';

function file(name: string, text: string): string {
  const f = join(tempDir(), name);
  writeFileSync(f, text);
  return f;
}

describe('total words and total rows', () => {
  it('knows the words in any case and spacing, and no region', () => {
    for (const w of ['I alt', 'I ALT', 'ialt', ' i  alt ', 'Total', 'TOTALT', 'Sum', 'Samlet', 'Hele landet', 'Alle', 'Landet', 'National', 'Region i alt', 'I alt:', 'Hovedtotal', 'HOVEDTOTAL', 'Totalsum', 'Totalsumma', 'Grand Total', 'Gesamtergebnis']) expect(isTotalWord(w), w).toBe(true);
    for (const w of ['Region Sjælland', 'Hovedstaden', 'Viken', 'Totalklinik', '']) expect(isTotalWord(w), w).toBe(false);
  });

  it('a total row is a total word and counts or blanks only', () => {
    expect(isTotalRecord(['Total', '', '', '3000', '1801', '', '', '', '', ''])).toBe(true);
    expect(isTotalRecord(['', 'I alt', '', '3.000', '1.804'])).toBe(true);
    expect(isTotalRecord(['Total', 'Region Sjælland', 'Z1', '02-01-2025', '', '', '40', 'k', 'gp'])).toBe(false);
    expect(isTotalRecord(['P1', 'Sjælland', 'Z1', '3000'])).toBe(false);
  });
});

describe("an Excel pivot's grand-total row in the eligible file", () => {
  // Danish Excel labels a pivot's grand total "Hovedtotal" (Norwegian "Totalsum"): read as a sixth
  // region it doubled the country's denominator and halved its uptake per 1,000.
  for (const word of ['Hovedtotal', 'Totalsum']) {
    it(`"${word}" is left out as a total row, long and wide`, () => {
      const long = readEligibleFile(file(`long-${word}.csv`, ['Region;År;Antal', 'Region Hovedstaden;2024;37.200', 'Region Sjælland;2024;16.800', 'Region Syddanmark;2024;24.300', 'Region Midtjylland;2024;26.000', 'Region Nordjylland;2024;9.800', `${word};2024;114.100`].join('\r\n') + '\r\n'), { columns: { region: 'Region', year: 'År', eligible: 'Antal' } });
      expect(long.totals.map((t) => t.label)).toEqual([word]);
      expect(long.rows.map((r) => r.region)).not.toContain(word);
      expect(long.rows.reduce((s, r) => s + r.eligible, 0)).toBe(114100);
      const wide = readEligibleFile(file(`wide-${word}.csv`, ['Rækkenavne;2024;2025', 'Region Hovedstaden;37.200;37.600', 'Region Sjælland;16.800;17.000', 'Region Syddanmark;24.300;24.500', 'Region Midtjylland;26.000;26.300', 'Region Nordjylland;9.800;9.900', `${word};114.100;115.300`].join('\r\n') + '\r\n'), { columns: { region: 'Rækkenavne' } });
      expect(wide.rows.map((r) => r.region)).not.toContain(word);
      expect(wide.rows.filter((r) => r.year === 2024).reduce((s, r) => s + r.eligible, 0)).toBe(114100);
    });
  }
});

describe('date detection with a few odd cells', () => {
  const detect = (cells: string[]) => {
    const d = createDateFormatDetector();
    for (const c of cells) d.add(c);
    return d.result();
  };
  const many = Array.from({ length: 40 }, (_, i) => `${(i % 28) + 1}-0${(i % 9) + 1}-2025`);

  it('detects the format of the many and counts the odd ones (a total row\'s counts)', () => {
    expect(detect([...many, '3000', '1801'])).toEqual({ format: 'dd-mm-yyyy', odd: { count: 2, example: '3000' } });
    expect(detect([...many, '45993'])).toEqual({ format: 'dd-mm-yyyy', odd: { count: 1, example: '45993' } });
  });

  it('still refuses a file with many cells in no format', () => {
    expect(detect([...many.slice(0, 10), 'x', 'y'])).toMatchObject({ reason: expect.stringContaining('a format none of') });
  });

  it('plan init names the line of a date in another format', () => {
    const rows = ['id;region;clinic;referred;activated;last_active;age;sex;referrer'];
    for (let i = 0; i < 30; i++) rows.push(`P${i};Sjælland;Z1;${String((i % 28) + 1).padStart(2, '0')}-04-2025;;;40;k;gp`);
    rows[10] = 'P9;Sjælland;Z1;2025.04.09;;;40;k;gp';
    const { plan, notes } = draftUptakePlan(file('odd.csv', rows.join('\r\n') + '\r\n'));
    expect(plan.dateFormat).toBe('dd-mm-yyyy');
    expect(notes.join('\n')).toContain('not in that format: line(s) 11 (e.g. "2025.04.09")');
  });
});

describe('eligible file total rows', () => {
  const head = 'Region;År;Antal\r\nRegion Hovedstaden;2025;37.200\r\nRegion Sjælland;2025;16.800\r\nHovedstaden;2026;37.600\r\nSjælland;2026;17.000\r\n';
  const columns = { year: 'År', eligible: 'Antal' };

  it('a grand total (no year) equal to every row\'s sum, after a ;; row, is left out', () => {
    const r = readEligibleFile(file('e.csv', `${head};;\r\nTotal;;108.600\r\n`), { columns });
    expect(r.rows).toHaveLength(4);
    expect(r.totals).toEqual([{ line: 7, label: 'Total', eligible: 108600 }]);
  });

  it('a year\'s total that is not the sum, or for a year no region has, is refused naming its line', () => {
    expect(() => readEligibleFile(file('e.csv', `${head}I alt;2025;54.100\r\n`), { columns })).toThrow(/e\.csv has 1 invalid/);
    try {
      readEligibleFile(file('e.csv', `${head}I alt;2025;54.100\r\nHele landet;2027;54.600\r\n`), { columns });
      expect.unreachable();
    } catch (err) {
      const problems = (err as { problems: { line: number; expected: string }[] }).problems;
      expect(problems.map((p) => p.line)).toEqual([6, 7]);
      expect(problems[0]!.expected).toContain('its 54.100 is not the sum of the regions\' 2025 counts, 54.000');
      expect(problems[1]!.expected).toContain('no region has a row for 2027');
    }
  });
});

describe('whole-country rows of Swedish, Norwegian and Danish tables', () => {
  // `Riket` read as a fourth region doubled the national denominator and halved the uptake, exit 0.
  const regions = ['Region Skåne;2024;37 600', 'Västra Götalandsregionen;2024;52 100', 'Region Jämtland Härjedalen;2024;4 300', 'Region Skåne;2025;38 000', 'Västra Götalandsregionen;2025;53 000', 'Region Jämtland Härjedalen;2025;4 400'];
  const columns = { year: 'År', eligible: 'Antal' };
  const withTotal = (name: string, n2024 = '94 000') => file('se.csv', ['Region;År;Antal', ...regions, `${name};2024;${n2024}`, `${name};2025;95 400`].join('\r\n') + '\r\n');

  it('knows the national words and no Nordic region', () => {
    for (const w of ['Riket', 'Hela landet', 'Hela riket', 'Samtliga regioner', 'Hele landet', 'Landet', 'Norge i alt', 'Danmark', 'RIKET']) expect(isTotalWord(w), w).toBe(true);
    for (const w of ['Region Skåne', 'Västra Götalandsregionen', 'Helse Sør-Øst', 'Viken', 'Region Hovedstaden']) expect(isTotalWord(w), w).toBe(false);
  });

  for (const name of ['Riket', 'Hela landet', 'Samtliga regioner', 'Norge i alt', 'Danmark']) {
    it(`"${name}" rows are left out as total rows`, () => {
      const r = readEligibleFile(withTotal(name), { columns });
      expect(r.totals.map((t) => [t.label, t.year, t.eligible])).toEqual([[name, 2024, 94000], [name, 2025, 95400]]);
      expect(r.rows.filter((x) => x.year === 2024).reduce((s, x) => s + x.eligible, 0)).toBe(94000);
    });
  }

  it('a row that is the sum of the others in every year, under an unknown name, is refused naming it', () => {
    try {
      readEligibleFile(withTotal('Sverige summerat'), { columns });
      expect.unreachable();
    } catch (err) {
      const problems = (err as { problems: { line: number; value: string; expected: string }[] }).problems;
      expect(problems.map((p) => [p.line, p.value])).toEqual([[8, 'Sverige summerat']]);
      expect(problems[0]!.expected).toContain('looks like a total row under a name hta does not know');
      expect(problems[0]!.expected).toContain('delete its rows');
    }
  });

  it('a region that is the sum of the others in one year only, or beside one other region, is a region', () => {
    const once = readEligibleFile(file('once.csv', ['Region;År;Antal', ...regions, 'Region Gotland;2024;94 000', 'Region Gotland;2025;5 000'].join('\r\n') + '\r\n'), { columns });
    expect(once.rows.filter((x) => x.region === 'Region Gotland')).toHaveLength(2);
    const two = readEligibleFile(file('two.csv', 'Region;År;Antal\r\nRegion Skåne;2024;4 300\r\nRegion Gotland;2024;4 300\r\n'), { columns });
    expect(two.rows).toHaveLength(2);
    // A Danish region is a region whatever its round numbers add up to.
    const dk = readEligibleFile(file('dk.csv', 'region,year,eligible\nHovedstaden,2025,30000\nMidtjylland,2025,20000\nNordjylland,2025,10000\n'));
    expect(dk.rows).toHaveLength(3);
  });
});

describe('a region that is the sum of the others, one year or few regions (a real country, not a total row)', () => {
  const columns = { year: 'År', eligible: 'Antal' };
  const problemsOf = (read: () => unknown) => {
    try {
      read();
    } catch (err) {
      return (err as { problems: { line: number; value: string; expected: string }[] }).problems;
    }
    return [];
  };

  it('one year, three regions, Helse Sør-Øst = Helse Vest + Helse Nord: read as three regions, also with --exclude-invalid', () => {
    // Refused as "a total row" with no way round: Norway's south-east is about the other two together.
    const f = file('no.csv', 'Region;År;Antal\nHelse Sør-Øst;2025;1.200\nHelse Vest;2025;700\nHelse Nord;2025;500\n');
    for (const invalidRows of ['fail', 'exclude'] as const) {
      expect(readEligibleFile(f, { columns, invalidRows }).rows.map((r) => [r.region, r.eligible])).toEqual([['Helse Sør-Øst', 1200], ['Helse Vest', 700], ['Helse Nord', 500]]);
    }
  });

  it('one year over three other regions is still suspected; a name the caller knows as a region is read', () => {
    const f = file('four.csv', 'Region;År;Antal\nA;2025;100\nB;2025;60\nC;2025;40\nT;2025;200\n');
    const problems = problemsOf(() => readEligibleFile(f, { columns }));
    expect(problems.map((p) => [p.line, p.value])).toEqual([[5, 'T']]);
    expect(problems[0]!.expected).toContain('2025: 200 = A 100 + B 60 + C 40');
    expect(problems[0]!.expected).toContain('name it in the uptake plan\'s "regions" ("regions": { "T": "T" })');
    expect(readEligibleFile(f, { columns, isRegion: (n) => n === 'T' }).rows).toHaveLength(4);
    // Left to the caller, which knows the registry: returned, not thrown.
    expect(readEligibleFile(f, { columns, unnamedTotals: 'return' }).unnamedTotals?.map((t) => [t.region, t.problem.line])).toEqual([['T', 5]]);
  });

  it('hta plan init --uptake: a suspected total row the registry names is a region; one it does not name is refused', () => {
    const eligible = file('four-e.csv', 'Region;År;Antal\nA;2025;100\nB;2025;60\nC;2025;40\nT;2025;200\n');
    const registry = (regions: string[]) => file(`r-${regions.join('')}.csv`, ['id,region,clinic,referred,activated,last_active,age,sex,referrer', ...regions.map((r, i) => `P${i},${r},K${i},2025-01-0${i + 1},2025-01-1${i},2025-02-1${i},50,K,gp`)].join('\n') + '\n');
    expect(() => draftUptakePlan(registry(['A', 'B', 'C', 'T']), { eligible })).not.toThrow();
    expect(problemsOf(() => draftUptakePlan(registry(['A', 'B', 'C']), { eligible })).map((p) => [p.line, p.value])).toEqual([[5, 'T']]);
  });

  describe('hta uptake: a suspected total row with referrals in the registry is a region', () => {
    const FX = 'test/fixtures/exports/registry-dk-regional';
    const fixturePlan = JSON.parse(readFileSync(`${FX}/uptake.plan.json`, 'utf8'));
    const plan = (regions?: Record<string, string>) => parseUptakePlan({ ...fixturePlan, ...(regions ? { regions } : {}), publish: { months: false, clinics: false, equity: [] } });
    const lines = readFileSync(`${FX}/registry.csv`, 'utf8').split('\n').slice(0, 30);
    // The fixture's Danish regions renamed to A, B, C and T (Syddanmark's rows to `as`).
    const registry = (as: string) => file(`reg-${as}.csv`, lines.map((l, i) => {
      if (i === 0) return l;
      const c = l.split(';');
      const key = c[1]!.toLowerCase().replace(/^region /, '');
      c[1] = ({ hovedstaden: 'A', sjælland: 'A', midtjylland: 'B', nordjylland: 'C', syddanmark: as } as Record<string, string>)[key] ?? c[1]!;
      return c.join(';');
    }).join('\n') + '\n');
    const counts = { A: [100, 110, 120, 130], B: [60, 70, 80, 90], C: [40, 50, 60, 70] };
    const eligible = file('abct.csv', ['Region;År;Antal', ...Object.entries({ ...counts, T: [0, 1, 2, 3].map((k) => counts.A[k]! + counts.B[k]! + counts.C[k]!) }).flatMap(([r, ns]) => ns.map((n, k) => `${r};${2024 + k};${n}`))].join('\n') + '\n');

    it('T with referrals: read as a region, its own denominator', async () => {
      const run = await runUptake({ registryFile: registry('T'), eligibleFile: eligible, plan: plan() });
      expect(run.analysis.uptake.filter((u) => u.region === 'T' && u.year === 2025).map((u) => u.eligible)).toEqual([230]);
    });

    it('T without referrals: refused naming its line; named in the plan\'s "regions": read', async () => {
      await expect(runUptake({ registryFile: registry('A'), eligibleFile: eligible, plan: plan() })).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 14, value: 'T' })] });
      await expect(runUptake({ registryFile: registry('A'), eligibleFile: eligible, plan: plan(), invalidRows: 'exclude' })).rejects.toMatchObject({ problems: [expect.objectContaining({ line: 14, value: 'T' })] });
      const run = await runUptake({ registryFile: registry('A'), eligibleFile: eligible, plan: plan({ T: 'T' }) });
      expect(run.analysis.uptake.filter((u) => u.region === 'T').map((u) => u.eligible)).toEqual([200, 230]);
    });
  });
});
