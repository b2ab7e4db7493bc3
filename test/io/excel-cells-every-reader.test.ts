// One rule for Excel's scientific notation and error values in every reader of numbers: the
// unit-cost list refused `2.10E+01` (which the trial reads) as "expected a unit cost ≥ 0 (decimal
// point…)", and the studies sheet, the unit-cost list and a CEA resource-use column named no
// `#DIV/0!` or `#N/A` for what it is (io/scientific-number.ts, io/spreadsheet-cells.ts).
import { describe, expect, it } from 'vitest';
import { readAmounts } from '../../src/cea/load-cea-plan.js';
import { unreadableUnits } from '../../src/cea/unreadable-units.js';
import { HtaError } from '../../src/errors.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { scientificNumber } from '../../src/io/scientific-number.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { countHint, parseCount } from '../../src/uptake/parse-count.js';

describe('scientific notation', () => {
  it('is read in a unit-cost column with either mark when its digits reach the cents, as the trial reads it', () => {
    expect(readAmounts(['2.1000E+01', '1.40000E+03', '9.00E+00', '12.5'], ',', 'EUR')).toEqual([21, 1400, 9, 12.5]);
    expect(readAmounts(['2,1000E+01', '1,40000E+03', '9,00E+00', '12,5'], ';', 'DKK')).toEqual([21, 1400, 9, 12.5]);
  });

  it('a price whose digits stop before the cents is refused, not read rounded into the costs (1.23E+03 for 1,234.50)', () => {
    const hint = 'scientific notation: it shows only the digits Excel displayed, not the price to the cent — format the column as Number with 2 decimals in the spreadsheet and export again';
    expect(readAmounts(['1.23E+03', '3.30E+01', '9.00E+00'], ',', 'EUR')).toEqual([`a unit cost written to the cent; ${hint}`, `a unit cost written to the cent; ${hint}`, 9]);
    // A number of units in resource use is whole: read when its digits reach the units.
    expect(readAmounts(['1.20E+01', '1.23E+03'], ',', 'EUR', 'a number of units', 'unit')).toEqual([12, 'a number of units ≥ 0; scientific notation: it shows only the digits Excel displayed, not the exact number — format the column as Number (0 decimals for a count) in the spreadsheet and export again']);
  });

  it('is a count only when its digits reach the units', () => {
    expect(parseCount('3,7272E+04', '.')).toBe(37272);
    expect(parseCount('3.73E+04', ',')).toBeUndefined();
    expect(scientificNumber('3,73E+04')).toEqual({ value: 37300, wholeDigitsWritten: false, decimalsWritten: -2, significantDigits: 3 });
    expect(scientificNumber('7.70E+01')).toEqual({ value: 77, wholeDigitsWritten: true, decimalsWritten: 1, significantDigits: 3 });
    expect(scientificNumber('12.5')).toBeUndefined();
  });

  it('"37.272" in a comma-separated file (LibreOffice Danish) is named a thousands point, not told it has decimals', () => {
    expect(parseCount('37.272', ',')).toBeUndefined();
    expect(countHint('37.272', ',')).toBe("; the cell groups its thousands with a point (37.272), as a decimal-comma locale writes them, but this file's thousands separator is the comma: format the column as Number with 0 decimals and without the 1000 separator in the spreadsheet (37272) and export again");
    // With its zero decimals in that locale's comma too: not "a count has no decimals", whose remedy (0 decimals) writes 37.272 again.
    expect(countHint('37.272,00', ',')).toContain('groups its thousands with a point (37.272)');
    expect(countHint('37,272', '.')).toContain('groups its thousands with a comma (37,272), as a decimal-point locale writes them');
    expect(countHint('37.272,50', '.')).toContain('a count has no decimals');
    expect(countHint('37.5', ',')).toContain('a count has no decimals');
  });

  it('a count with a zero decimal part is the whole count; other decimals are no count', () => {
    expect([parseCount('37.272,00', '.'), parseCount('37272,00', '.'), parseCount('37,272.00', ','), parseCount('37272.0', ',')]).toEqual([37272, 37272, 37272, 37272]);
    expect([parseCount('37.272,50', '.'), parseCount('37.000', ','), parseCount('37,000', '.')]).toEqual([undefined, undefined, undefined]);
  });
});

describe('Excel error values', () => {
  it('in a unit-cost list', () => {
    expect(readAmounts(['#N/A', '#VALUE!', '12'], ';', 'DKK')).toEqual([
      'a unit cost ≥ 0; an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again',
      'a unit cost ≥ 0; an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again',
      12,
    ]);
  });

  it('in a CEA resource-use column (whose trial plan reads "missingCodes")', () => {
    expect(unreadableUnits('#N/A', false, true, 'trial.plan.json')).toEqual({ expected: 'a number of units ≥ 0 (or an empty cell for missing)', hint: 'an Excel error value meaning "no value": add it to the plan\'s "missingCodes" to read it as missing', kind: 'cea.units:excel-no-value' });
    expect(unreadableUnits('#DIVISION/0!', false, true, 'trial.plan.json').hint).toBe('an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again');
  });

  it('in a studies sheet of hta meta, English and Danish', () => {
    const HEAD = 'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control\n';
    let err: unknown;
    try {
      parseStudies(parseCsvText(HEAD + 'A 2019;pain;3m;40;3,1;#DIVISION/0!;40;4,0;2,4\nB 2020;pain;3m;40;3,1;2,2;40;#I/T;2,4\n', 'studies.csv'));
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).problems.map((p) => [p.line, p.value, p.expected, p.hint])).toEqual([
      [2, '#DIVISION/0!', 'a number (decimal comma)', 'an Excel error value: a formula failed in the spreadsheet — correct the cell there and export again'],
      [3, '#I/T', 'a number (decimal comma)', 'an Excel error value meaning "no value" (a lookup found nothing), not data: fill in the cell in the spreadsheet and export again'],
    ]);
  });
});

describe('scientific notation in a studies sheet', () => {
  const HEAD = 'study,outcome,time,n_intervention,mean_intervention,sd_intervention,n_control,mean_control,sd_control\n';
  it('reads a count whose digits reach the units, and refuses a rounded one saying why', () => {
    const t = parseStudies(parseCsvText(HEAD + 'A 2019,pain,3m,8.50E+01,3.1,2.2,1.198E+03,4.0,2.4\n', 'studies.csv'));
    expect(t.records.map((r) => [r.nIntervention, r.nControl])).toEqual([[85, 1198]]);
    let err: unknown;
    try {
      parseStudies(parseCsvText(HEAD + 'A 2019,pain,3m,1.23E+03,3.1,2.2,1198,4.0,2.4\n', 'studies.csv'));
    } catch (e) {
      err = e;
    }
    expect((err as HtaError).problems.map((p) => [p.value, p.hint])).toEqual([['1.23E+03', 'scientific notation: it shows only the digits Excel displayed, not the exact number — format the column as Number (0 decimals for a count) in the spreadsheet and export again']]);
  });
});
