/**
 * Unit-cost price lists as finance departments send them (docs/plan-cea.md, "Unit costs"):
 * Danish Excel (`;`, BOM, CRLF, `1.234,50`, whole kroner with thousands dots), currency marks in
 * the amount, rows for items the plan does not use, an empty trailing row, duplicates. The
 * fixtures are under test/fixtures/exports/unit-costs-finance/. Expected amounts are read off
 * the files by eye (`1.340` kroner is 1340), not from the code.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError, type Problem } from '../../src/errors.js';
import { groupProblems } from '../../src/problem-groups.js';
import { noteIn, priceYearOf, readAmounts, readUnitCostFile } from '../../src/cea/load-cea-plan.js';
import { tempDir } from '../support/run-cli.js';

const dir = join(import.meta.dirname, '../fixtures/exports/unit-costs-finance');
const items = ['gp', 'physio', 'chiro', 'specialist', 'imaging', 'medication', 'hospital', 'sick_leave'];
const plan = (currency: string, priceYear: number) => ({ currency, priceYear, resourceUse: items.map((key) => ({ key, column: `ru_${key}`, category: 'primary-care' as const })) });

function problemsOf(f: () => unknown): string[] {
  try {
    f();
  } catch (e) {
    if (e instanceof HtaError) return e.problems.map((p) => `${p.line ?? '-'}:${p.column ?? '-'} ${p.field ?? ''} ${p.value ?? ''} — ${p.expected}`);
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('unit-cost files from a finance department', () => {
  it('reads a Danish price list: decimal comma, thousands dots, kr./DKK in the amount, 67,-, a space group; skips the unused item and the empty row', () => {
    const costs = readUnitCostFile(join(dir, 'priser.csv'), plan('DKK', 2023));
    expect(Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, v.cost]))).toEqual({
      gp: 156.25, physio: 1234.5, chiro: 250, specialist: 1950, imaging: 1340, medication: 67, hospital: 10400, sick_leave: 1600,
    });
    expect(costs.sick_leave!.source).toBe('Gennemsnitlig dagløn');
  });

  it('reads whole kroner with thousands dots as thousands, not as 1.34 (the file-wide guess took them for dot decimals)', () => {
    const costs = readUnitCostFile(join(dir, 'hele-kroner.csv'), plan('DKK', 2023));
    expect([costs.specialist!.cost, costs.imaging!.cost, costs.hospital!.cost, costs.sick_leave!.cost, costs.gp!.cost]).toEqual([1950, 1340, 10400, 1600, 156]);
  });

  it('reads an English list: decimal point, thousands commas, €', () => {
    const costs = readUnitCostFile(join(dir, 'english.csv'), plan('EUR', 2021));
    expect([costs.gp!.cost, costs.physio!.cost, costs.chiro!.cost, costs.medication!.cost, costs.hospital!.cost]).toEqual([21.5, 1234.5, 31, 0.125, 1400]);
  });

  it('refuses mixed decimal marks, a foreign currency, a duplicate and a missing item — each with its line, and the unused names as a hint', () => {
    const p = problemsOf(() => readUnitCostFile(join(dir, 'fejl.csv'), plan('DKK', 2023)));
    expect(p).toContainEqual(expect.stringMatching(/^3:2 unit_cost 250\.5 — .*same decimal mark.*"156,25"/));
    expect(p).toContainEqual(expect.stringMatching(/^4:2 unit_cost 30 EUR — a unit cost in DKK.*"EUR" is not DKK/));
    expect(p).toContainEqual(expect.stringMatching(/^8:1 item imaging — each item once \(line 7 has it too/));
    expect(p).toContainEqual(expect.stringMatching(/^-:- item sick_leave — a row for resource item "sick_leave".*"fysioterapi"/));
    // While the column's mark is in doubt, 1.950, 1.340 (twice) and 10.400 are refused too, never
    // guessed; 67 reads the same either way. With 156,25, 250.5 and 30 EUR: 7.
    expect(p.filter((x) => x.includes('unit_cost'))).toHaveLength(7);
    expect(p.some((x) => x.startsWith('9:2 unit_cost'))).toBe(false);
  });

  it('each kind of bad amount keeps its own message when the problems are grouped: an Excel error value is not "another currency"', () => {
    // A finance list with a price in kroner beside a EUR plan, an Excel #I/T and another price in
    // kroner: the three were one group under the currency message (explorer win, 6 December 2026).
    const f = join(tempDir(), 'priser.csv');
    writeFileSync(f, '\uFEFFitem;unit_cost;currency;price_year;source\r\ngp;kr 21,00;EUR;2023;Takst\r\nphysio;#I/T;EUR;2023;Takst\r\nchiro;1.400,00 kr.;EUR;2023;Takst\r\n');
    let problems: Problem[] = [];
    try {
      readUnitCostFile(f, { ...plan('EUR', 2023), resourceUse: plan('EUR', 2023).resourceUse.slice(0, 3) });
    } catch (e) {
      if (!(e instanceof HtaError)) throw e;
      problems = e.problems;
    }
    const groups = groupProblems(problems.filter((p) => p.field === 'unit_cost'));
    expect(groups.map((g) => [g.lines, g.expected])).toEqual([
      [[[2, 2]], expect.stringContaining('"kr" is not EUR')],
      [[[3, 3]], expect.stringContaining('an Excel error value meaning "no value"')],
      [[[4, 4]], expect.stringContaining('"kr." is not EUR')],
    ]);
  });

  it('one amount with a decimal point among decimal commas: that cell is refused, alone, and the others are not blamed', () => {
    // A tester's list (gp written 1234.50, the other prices with decimal commas).
    const p = problemsOf(() => readUnitCostFile(join(dir, 'et-decimalpunktum.csv'), plan('DKK', 2023)));
    expect(p).toEqual([expect.stringMatching(/^2:2 unit_cost 1234\.50 — a unit cost with the decimal comma, like the 6 other amounts in the column that show their decimal mark \(e\.g\. "kr\. 400,00"\); this one has a decimal point/)]);
    // The same the other way round: one decimal comma among points.
    expect(readAmounts(['21.50', '1,234.50', '3,5', '12'], ',', 'EUR')).toEqual([21.5, 1234.5, expect.stringMatching(/with the decimal point, like the 2 other amounts .* \(e\.g\. "21\.50"\); this one has a decimal comma/), 12]);
  });

  it('reads the usual Danish column names (Ydelse, Enhedspris, Valuta, Prisår, Kilde), with a note per column', () => {
    // A tester's list (Danish header, `kr. 1.234,50`, `DKK 1 234` with a narrow no-break space).
    const notes: string[] = [];
    const costs = readUnitCostFile(join(dir, 'danske-kolonner.csv'), plan('DKK', 2023), (n) => notes.push(noteIn(n, 'en')));
    expect(Object.fromEntries(Object.entries(costs).map(([k, v]) => [k, v.cost]))).toEqual({
      gp: 156.25, physio: 1234.5, chiro: 1234, specialist: 1950, imaging: 1340, medication: 67, hospital: 10400, sick_leave: 1600,
    });
    expect(costs.gp!.source).toBe('Honorartabel');
    expect(notes.map((n) => n.replace(/^.*danske-kolonner\.csv: /, ''))).toEqual([
      'column "Ydelse" (column 1) read as item',
      'column "Enhedspris" (column 2) read as unit_cost',
      'column "Valuta" (column 3) read as currency',
      'column "Prisår" (column 4) read as price_year',
      'column "Kilde" (column 5) read as source',
    ]);
  });

  it('a Danish column beside its English one is another column; a Danish name twice is refused; problems name the file\'s column', () => {
    const file = join(tempDir(), 'priser.csv');
    writeFileSync(file, 'item;Ydelse;unit_cost;currency;price_year;source\ngp;Konsultation;156,25;DKK;2023;Takst\n');
    const notes: string[] = [];
    expect(readUnitCostFile(file, { ...plan('DKK', 2023), resourceUse: [plan('DKK', 2023).resourceUse[0]!] }, (n) => notes.push(noteIn(n, 'en'))).gp!.cost).toBe(156.25);
    expect(notes).toEqual([]);
    writeFileSync(file, 'Ydelse;Enhedspris;enhedsomkostning;Valuta;Prisår;Kilde\ngp;156,25;156,25;DKK;2023;Takst\n');
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toEqual([expect.stringMatching(/^1:3 {2}enhedsomkostning — one column for unit_cost: "Enhedspris" \(column 2\) and "enhedsomkostning" \(column 3\)/)]);
    writeFileSync(file, 'Ydelse;Enhedspris;Valuta;Prisår;Kilde\ngp;156,25;EUR;2023;Takst\n');
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toContainEqual(expect.stringMatching(/^2:3 Valuta EUR — DKK, the plan's currency/));
  });

  it('a header without the columns: the missing ones with their Danish names, the header as the file writes it (;)', () => {
    const file = join(tempDir(), 'priser.csv');
    // `Pris` is read as unit_cost (a Danish name, as Enhedspris is); `År` is no price year.
    writeFileSync(file, '\ufeffYdelse;Pris;Valuta;År;Kilde\r\ngp;156,25;DKK;2023;Takst\r\n');
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toEqual([
      '1:-  Ydelse;Pris;Valuta;År;Kilde — the columns item (Danish: Ydelse), unit_cost (Danish: Enhedspris), currency (Danish: Valuta), price_year (Danish: Prisår), source (Danish: Kilde); missing: price_year — rename the header cell to price_year or Prisår',
    ]);
    writeFileSync(file, '\ufeffYdelse;Beløb;År;Kilde\r\ngp;156,25;2023;Takst\r\n');
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toEqual([
      '1:-  Ydelse;Beløb;År;Kilde — the columns item (Danish: Ydelse), unit_cost (Danish: Enhedspris), currency (Danish: Valuta), price_year (Danish: Prisår), source (Danish: Kilde); missing: unit_cost, currency, price_year — rename the header cell to unit_cost or Enhedspris, currency or Valuta, price_year or Prisår (or state the currency in the unit-cost header: "Enhedspris (DKK)")',
    ]);
  });

  it('takes the currency code in any case (dkk), and still refuses another one', () => {
    const file = join(tempDir(), 'priser.csv');
    writeFileSync(file, readFileSync(join(dir, 'priser.csv'), 'utf8').replaceAll(';DKK;', ';dkk;'));
    expect(readUnitCostFile(file, plan('DKK', 2023)).gp!.cost).toBe(156.25);
    expect(problemsOf(() => readUnitCostFile(file, plan('NOK', 2023)))).toContainEqual(expect.stringMatching(/^2:3 currency dkk — NOK, the plan's currency/));
  });

  it('reads kr./kr in the currency column as the plan\'s DKK, and 2022-niveau, PL 2022 as the price year 2022, with a note each', () => {
    const file = join(tempDir(), 'takster.csv');
    writeFileSync(
      file,
      ['Ydelse;Enhedspris;Valuta;Prisår;Kilde', 'gp;350,00;kr.;2022;Takstkort', 'physio;1.234,50;kr;2022;Takstkort', 'chiro;1.234,00;DKK;2022-niveau;Takstkort', 'specialist;2.150,00;DKK;PL 2022;DRG',
        'imaging;1.340,00;DKK;2022;DRG', 'medication;67,00;DKK;2022;x', 'hospital;10.400,00;DKK;2022;DRG', 'sick_leave;1.500,00;DKK;2022;DST'].join('\r\n'),
    );
    const notes: string[] = [];
    const costs = readUnitCostFile(file, plan('DKK', 2022), (n) => notes.push(noteIn(n, 'en')));
    expect([costs.gp!.cost, costs.physio!.cost, costs.chiro!.cost, costs.specialist!.cost]).toEqual([350, 1234.5, 1234, 2150]);
    expect(notes).toContain(`${file}: currency "kr." (line 2) read as DKK, the plan's currency`);
    expect(notes).toContain(`${file}: price year "2022-niveau" (line 4) read as 2022`);
    // kr. is not EUR, and 2022-niveau is not 2023.
    expect(problemsOf(() => readUnitCostFile(file, plan('EUR', 2022)))).toContainEqual(expect.stringMatching(/^2:3 Valuta kr\. — EUR, the plan's currency/));
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toContainEqual(expect.stringMatching(/^4:4 Prisår 2022-niveau — 2023, the plan's price year/));
  });

  it('reads the Danish two-digit price level PL 23, PL23, 23-PL as 2023 (20yy), with a note; a bare 23 stays refused', () => {
    const file = join(tempDir(), 'takster.csv');
    const rows = (y: string[]) => ['Ydelse;Enhedspris;Valuta;Prisår;Kilde', ...items.map((k, i) => `${k};100;DKK;${y[i % y.length]};Takst`)].join('\r\n');
    writeFileSync(file, rows(['PL 23', '23-PL', 'PL23', '2023-PL', 'pl 23', '23 PL']));
    const notes: string[] = [];
    expect(Object.keys(readUnitCostFile(file, plan('DKK', 2023), (n) => notes.push(noteIn(n, 'en'))))).toHaveLength(items.length);
    expect(notes).toContain(`${file}: price year "PL 23" (line 2) read as 2023`);
    // Read as 2023, so refused in a 2022 plan as a 2023 price is.
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2022)))).toContainEqual(expect.stringMatching(/^3:4 Prisår 23-PL — 2022, the plan's price year/));
    writeFileSync(file, rows(['23']));
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toContainEqual(expect.stringMatching(/^2:4 Prisår 23 — 2023, the plan's price year/));
  });

  it('reads two digits as 20yy whatever the date: PL 99 is refused beside a 2023 plan, named as written', () => {
    expect(priceYearOf('PL 26')).toBe(2026);
    expect(priceYearOf('00-PL')).toBe(2000);
    expect(priceYearOf('PL 99')).toBe(2099);
    expect(priceYearOf('99')).toBeNull();
    const file = join(tempDir(), 'takster.csv');
    writeFileSync(file, ['Ydelse;Enhedspris;Valuta;Prisår;Kilde', ...items.map((k) => `${k};100;DKK;PL 99;Takst`)].join('\r\n'));
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toContainEqual(expect.stringMatching(/^2:4 Prisår PL 99 — 2023, the plan's price year/));
  });

  it('refuses a priced row without an item name rather than skipping it', () => {
    const file = join(tempDir(), 'priser.csv');
    writeFileSync(file, readFileSync(join(dir, 'priser.csv'), 'utf8').replace('\r\ngp;', '\r\n;'));
    expect(problemsOf(() => readUnitCostFile(file, plan('DKK', 2023)))).toContainEqual(expect.stringMatching(/^2:1 item {2}— an item name: the row has other cells but no item/));
  });

  it('keeps refusing what is not an amount', () => {
    expect(readAmounts(['12 kg', '-5', '1.2.3', 'two', '1.23.456', null], ';', 'DKK').every((v) => typeof v === 'string')).toBe(true);
    expect(readAmounts(['kr 12', '12 NOK'], ';', 'NOK')).toEqual([12, 12]);
    expect(readAmounts(['$12'], ',', 'EUR')[0]).toMatch(/"\$" is not EUR/);
    // A tab file decides nothing by its separator: 1.340 is refused, 12 and 1.340,00 are read.
    expect(readAmounts(['1.340', '12'], '\t', 'EUR')).toEqual([expect.stringMatching(/thousands or decimals/), 12]);
    expect(readAmounts(['1.340', '1.340,00'], '\t', 'EUR')).toEqual([1340, 1340]);
  });

  it('never reads whole kroner as decimals because one other price has a decimal point', () => {
    // One price written 250.5 makes the point the column's decimal mark; 1.340 would then be 1.34.
    expect(readAmounts(['250.5', '1.340', '10.400', '1,400', '0.125'], ';', 'DKK')).toEqual([250.5, expect.stringMatching(/is "1\.340" thousands or decimals\?/), expect.stringMatching(/is "10\.400" thousands or decimals\?/), 1400, 0.125]);
    // With the comma as the decimal mark, 1.340 is thousands and 1,340 is the ambiguous one.
    expect(readAmounts(['1.234,50', '1.340', '1,340'], ';', 'DKK')).toEqual([1234.5, 1340, expect.stringMatching(/is "1,340" thousands or decimals\?/)]);
  });

  it('a unit in the unit-cost header (`Enhedspris (kr.)`, `Pris (DKK)`) is the currency when the file has no currency column', () => {
    const out = tempDir();
    const rows = (header: string) => [header, 'gp;165,23;Takstkort;2024', 'physio;1.234,50;Takstkort;2024', 'sick_leave;1.950;DST;2024'].join('\n') + '\n';
    const two = { currency: 'DKK', priceYear: 2024, resourceUse: ['gp', 'physio', 'sick_leave'].map((key) => ({ key, column: key, category: 'primary-care' as const })) };
    for (const header of ['Ydelse;Enhedspris (kr.);Kilde;Prisår', 'item;Pris (DKK);source;price_year', 'Ydelse;unit_cost [dkk];Kilde;Prisår']) {
      writeFileSync(join(out, 'priser.csv'), rows(header));
      const notes: string[] = [];
      const costs = readUnitCostFile(join(out, 'priser.csv'), two, (n) => notes.push(noteIn(n, 'en')));
      expect([costs.gp!.cost, costs.physio!.cost, costs.sick_leave!.cost], header).toEqual([165.23, 1234.5, 1950]);
      expect(notes.join('\n')).toMatch(/no currency column: every price is in "(kr\.|DKK|dkk)"/);
    }
    // Another currency in the header is refused, never converted; a unit that is no currency is no currency column.
    writeFileSync(join(out, 'priser.csv'), rows('Ydelse;Enhedspris (EUR);Kilde;Prisår'));
    expect(problemsOf(() => readUnitCostFile(join(out, 'priser.csv'), two))).toEqual(['1:2  Enhedspris (EUR) — prices in DKK, the plan\'s currency: the header states "EUR" (convert the prices first)']);
    writeFileSync(join(out, 'priser.csv'), rows('Ydelse;Enhedspris (ekskl. moms);Kilde;Prisår'));
    expect(problemsOf(() => readUnitCostFile(join(out, 'priser.csv'), two))[0]).toMatch(/missing: currency — .*or state the currency in the unit-cost header/);
    // A three-letter unit of something else (stk, min) is no currency either.
    for (const unit of ['stk', 'STK', 'min']) {
      writeFileSync(join(out, 'priser.csv'), rows(`Ydelse;Enhedspris (${unit});Kilde;Prisår`));
      expect(problemsOf(() => readUnitCostFile(join(out, 'priser.csv'), two))[0], unit).toMatch(/missing: currency — .*or state the currency in the unit-cost header/);
    }
  });

  it('a price list with a unit price and a total price (Enhedspris;Antal;Pris) reads the unit price; Pris alone is the unit price', () => {
    const out = tempDir();
    const two = { currency: 'DKK', priceYear: 2024, resourceUse: ['gp', 'physio'].map((key) => ({ key, column: key, category: 'primary-care' as const })) };
    writeFileSync(join(out, 'priser.csv'), ['Ydelse;Enhedspris;Antal;Pris;Valuta;Prisår;Kilde', 'gp;165,23;10;1.652,30;DKK;2024;Takstkort', 'physio;450;2;900;DKK;2024;Takstkort'].join('\n') + '\n');
    const costs = readUnitCostFile(join(out, 'priser.csv'), two);
    expect([costs.gp!.cost, costs.physio!.cost]).toEqual([165.23, 450]);
  });
});

describe('a unit-cost list saved in Excel\'s Scientific format', () => {
  it('refuses a price whose digits stop before the cents (1.23E+03 for 1,234.50), naming the cell, instead of costing it at 1230', () => {
    const d = tempDir();
    const f = join(d, 'unit-costs.csv');
    writeFileSync(f, ['item,unit_cost,currency,price_year,source', 'gp,1.23E+03,EUR,2021,fee schedule', 'physio,3.30E+01,EUR,2021,tariff', 'chiro,9.00E+00,EUR,2021,tariff', ...items.slice(3).map((k) => `${k},12.50,EUR,2021,tariff`)].join('\r\n') + '\r\n');
    const p = problemsOf(() => readUnitCostFile(f, plan('EUR', 2021)));
    expect(p).toEqual([
      expect.stringMatching(/^2:2 unit_cost 1\.23E\+03 — a unit cost written to the cent; scientific notation: it shows only the digits Excel displayed, not the price to the cent/),
      expect.stringMatching(/^3:2 unit_cost 3\.30E\+01 — a unit cost written to the cent/),
    ]);
  });
});
