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
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll } from 'vitest';
import { isExcelError } from '../../src/io/spreadsheet-cells.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { readEligibleFile } from '../../src/uptake/read-registry.js';
import { errorOf, refusalText } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

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

// Google Sheets downloads "Loading..." for a cell whose IMPORTRANGE or GOOGLEFINANCE had not
// finished: refused as a plain bad value ("expected a whole number from 0 to 10"), unlike Excel's
// and Sheets' "#…!" values, and as a sex or region it would have been a level or a name.
describe('Google Sheets\' "Loading..."', () => {
  const LOADING = 'a Google Sheets formula still loading (IMPORTRANGE, GOOGLEFINANCE and the like write "Loading..." until their data arrive), not data: wait until the sheet shows every value, then download it again';
  const PLAN = { arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], covariates: ['sex'], covariateTypes: { sex: 'categorical' }, outcomes: [{ key: 'nrs', instrument: 'nrs' }] };
  const trial = (cell: (k: number) => [string, string]) =>
    ['id,arm,time,sex,nrs', ...Array.from({ length: 8 }, (_, k) => [`${k + 1},${k % 2 ? 'usual' : 'app'},baseline,${cell(k)[0]},${k % 7}`, `${k + 1},${k % 2 ? 'usual' : 'app'},3m,${cell(k)[0]},${cell(k)[1]}`]).flat()].join('\n') + '\n';

  it('in a trial\'s score and category columns: refused saying what it is, in a group of its own beside the error values', () => {
    const text = refusalText(() => loadTrial(parseCsvText(trial((k) => [k === 1 ? 'Loading...' : k % 3 ? 'F' : 'M', k === 2 ? 'Loading…' : k === 3 ? '#DIV/0!' : String(k % 9)]), 'sheet.csv'), parsePlan(PLAN)));
    expect(text).toContain(`2 × sheet.csv:lines 4–5, column 4 (sex): "Loading..." — expected a value of the covariate (a number or a category); ${LOADING}\n`);
    expect(text).toContain(`sheet.csv:7:5 (nrs): "Loading…" — expected a whole number from 0 to 10 (Pain intensity (NRS 0–10)); ${LOADING}\n`);
    expect(text).toContain('sheet.csv:9:5 (nrs): "#DIV/0!" — expected a whole number from 0 to 10 (Pain intensity (NRS 0–10)); an Excel error value: a formula failed in the spreadsheet');
  });

  it('in a unit-cost list, a studies sheet and a region of the eligible file', () => {
    expect(readAmounts(['Loading...', '12'], ';', 'DKK')).toEqual([`a unit cost ≥ 0; ${LOADING}`, 12]);
    expect(unreadableUnits('Loading...', false, true, 'trial.plan.json')).toMatchObject({ hint: LOADING, kind: 'cea.units:sheet-loading' });
    const s = errorOf(() => parseStudies(parseCsvText('study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control\nA 2019;pain;3m;40;3,1;Loading...;40;4,0;2,4\n', 'studies.csv')));
    expect(s.problems.map((p) => [p.line, p.value, p.hint])).toEqual([[2, 'Loading...', LOADING]]);
    const dir = tempDir();
    writeFileSync(join(dir, 'eligible.csv'), 'region,year,eligible\nHovedstaden,2024,1000\nLoading...,2024,800\n');
    const r = errorOf(() => readEligibleFile(join(dir, 'eligible.csv')));
    expect(r.problems).toMatchObject([{ line: 3, column: 1, value: 'Loading...', expected: `a region name — ${LOADING}` }]);
  });

  it('"Loading" inside other text, or any other word, is no such cell', () => {
    for (const t of ['Loading', 'Loading... 50%', 'loading dock', 'Indlæser']) expect(isExcelError(t), t).toBe(false);
    for (const t of ['Loading...', 'Loading…']) expect(isExcelError(t), t).toBe(true);
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
