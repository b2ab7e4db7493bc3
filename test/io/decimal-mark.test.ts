/**
 * The one decimal-mark rule (src/io/decimal-mark.ts), as each of its three readers applies it:
 * the CSV dialect sniffer (trial exports), the studies reader of `hta meta`, the unit-cost list.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { readAmounts } from '../../src/cea/load-cea-plan.js';
import { decideMark, decimalCommaOf, markOf, NUMBER_WITH } from '../../src/io/decimal-mark.js';
import { parseNumber } from '../../src/io/parse-number.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { loadPlanFile } from '../../src/plan/load-plan.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { readTargetSample } from '../../src/trial/target-sample.js';
import { runCli } from '../support/run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'hta-mark-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function errorOf(f: () => unknown): HtaError {
  try {
    f();
  } catch (e) {
    if (e instanceof HtaError) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('the vote of one cell', () => {
  it('is the only mark it reads with; thousands group by three; 1.234 and 1,234 vote for neither', () => {
    const comma = ['1,5', ',5', '-0,25', '\u22121,5', '1234,567', '1.234,5', '1.234.567', '12.345.678,9'];
    const point = ['1.5', '.5', '-0.25', '0.125', '1234.567', '1,234.5', '1,234,567', '01.234'];
    const neither = ['1.234', '1,234', '-999.000', '12', '', 'abc', '1.23.456', '1.2.3', '1,2.3,4', '12 kg', '0.234,5', '1.2345,6', '1,5.'];
    for (const t of comma) expect([t, markOf(t)]).toEqual([t, ',']);
    for (const t of point) expect([t, markOf(t)]).toEqual([t, '.']);
    for (const t of neither) expect([t, markOf(t)]).toEqual([t, null]);
  });

  it('decides by majority; a tie is no mark; the separator decides when no cell does', () => {
    expect(decideMark({ comma: 3, point: 1 }, ';')).toEqual({ mark: ',', basis: 'votes' });
    expect(decideMark({ comma: 1, point: 3 }, '\t')).toEqual({ mark: '.', basis: 'votes' });
    expect(decideMark({ comma: 2, point: 2 }, ';')).toEqual({ mark: null, tie: 2 });
    expect(decideMark({ comma: 0, point: 0 }, ';')).toEqual({ mark: ',', basis: 'separator' });
    expect(decideMark({ comma: 0, point: 0 }, '\t')).toEqual({ mark: '.', basis: 'default' });
    expect(decideMark({ comma: 5, point: 0 }, ',')).toEqual({ mark: '.', basis: 'separator' });
  });
});

describe('a file whose cells tie', () => {
  it('is refused by the readers of a trial export, naming line and column of the first of each kind, never the values', () => {
    const t = parseCsvText('id;arm;pain\n7,25;app;12.5\nP2;usual;3,5\nP3;app;4.5\n', 'export.csv');
    const e = errorOf(() => decimalCommaOf(t));
    expect(e.message).toBe('export.csv writes as many numbers with a decimal comma as with a decimal point (2 each)');
    expect(e.problems.map((p) => [p.line, p.column, p.value])).toEqual([[2, 1, undefined], [2, 3, undefined]]);
    expect(e.problems[0]!.expected).toMatch(/first of 2 numbers with a decimal comma, and as many have a decimal point \(the first on line 2, column 3\)/);
    expect(JSON.stringify(e.problems)).not.toContain('7,25');
    // A majority reads: the minority's cells are then no numbers, for the reader to name.
    const m = parseCsvText('id;pain\nP1;12.5\nP2;3,5\nP3;4,25\n', 'export.csv');
    expect(decimalCommaOf(m)).toBe(true);
    expect(parseNumber('12.5', true)).toBeUndefined();
  });

  it('is refused by hta meta, with the cells (study tables hold no patient ids)', () => {
    const csv = 'study;outcome;time;difference;ci_lower;ci_upper\nA 2019;pain;3m;-1,5;-2,5;-0,5\nB 2020;pain;3m;-1.2;-2.0;-0.4\n';
    const e = errorOf(() => parseStudies(parseCsvText(csv, 'studies.csv')));
    expect(e.message).toBe('studies.csv writes as many numbers in the study columns with a decimal comma as with a decimal point (3 each)');
    expect(e.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'difference', '-1,5'], [3, 'difference', '-1.2']]);
    // One more comma decides it: the dotted row is then refused cell by cell, as before.
    const more = csv.replace('B 2020;pain;3m;-1.2;-2.0;-0.4', 'B 2020;pain;3m;-1.2;-2,0;-0,4');
    expect(errorOf(() => parseStudies(parseCsvText(more, 'studies.csv'))).problems.map((p) => [p.line, p.field])).toEqual([[3, 'difference']]);
  });
});

describe('a tie where a reader reads the file itself', () => {
  it('is refused by plan init and the target sample as by the trial export, naming each cell by line, column and column name', () => {
    const tie = 'id;arm;time;pain;weight\nP1;app;baseline;5,5;72.5\nP1;app;3m;4;73\nP2;usual;baseline;6;80.5\nP2;usual;3m;3,5;80\n';
    const e = errorOf(() => draftPlan(parseCsvText(tie, 'tie.csv'), 'plan.schema.json'));
    expect(e.message).toBe('tie.csv writes as many numbers with a decimal comma as with a decimal point (2 each)');
    expect(e.problems.map((p) => [p.line, p.column, p.field, p.value])).toEqual([[2, 4, 'pain', undefined], [2, 5, 'weight', undefined]]);
    // The two cells are two kinds: grouped together, they would print one line without their columns.
    expect(new Set(e.problems.map((p) => p.kind)).size).toBe(2);
    const sample = join(dir, 'target-sample.csv');
    writeFileSync(sample, 'alder;symptom_weeks;country\n30,5;2.5;NO\n67;9;DK\n');
    const t = errorOf(() => readTargetSample(sample, loadPlanFile('test/fixtures/subgroups/plan.json')));
    expect(t.message).toMatch(/writes as many numbers with a decimal comma as with a decimal point \(1 each\)/);
    expect(t.problems.map((p) => [p.line, p.column, p.field])).toEqual([[2, 1, 'alder'], [2, 2, 'symptom_weeks']]);
  });
});

describe('a tab-separated file whose mark nothing decides', () => {
  // Danish Excel's "Unicode text" export: tabs, and incomes with thousands dots (213.037 is 213 037).
  const tab = 'Løbenr\tGruppe\tIndkomst\tSmerte\nP001\tKontrol\t213.037\t1\nP002\tApp\t226.074\t2\nP003\tKontrol\t1.500\t3\n';
  it('is refused when a number cell reads either way, naming its line and column, not its value (it may be an id); read once a cell or the separator decides', () => {
    for (const read of [(t: string) => decimalCommaOf(parseCsvText(t, 'tab.csv')), (t: string) => draftPlan(parseCsvText(t, 'tab.csv'), 'plan.schema.json')]) {
      const e = errorOf(() => read(tab));
      expect(e.exitCode).toBe(2);
      expect(e.message).toBe('tab.csv does not show its decimal mark, and 3 of its numbers read either way (thousands or decimals)');
      expect(e.problems).toEqual([expect.objectContaining({ file: 'tab.csv', line: 2, column: 3, field: 'Indkomst', kind: 'decimal-mark.undecided' })]);
      expect(e.problems[0]!.expected).toMatch(/thousands with a decimal comma \(1250\) or three decimals with a decimal point \(1\.25\).*CSV \(semikolonsepareret\)/);
      expect(JSON.stringify(e)).not.toContain('213.037');
    }
    // The comma twin, 1,250: thousands with a decimal point, or three decimals with a comma.
    const twin = errorOf(() => decimalCommaOf(parseCsvText('id\tincome\nP1\t1,250\n', 'tab.csv')));
    expect(twin.problems[0]!.expected).toMatch(/written like 1,250, which are thousands with a decimal point \(1250\) or three decimals with a decimal comma \(1,25\)/);
    // It is read as soon as one cell, or the separator, decides.
    expect(decimalCommaOf(parseCsvText(tab.replace('\t1\n', '\t1,5\n'), 'tab.csv'))).toBe(true);
    expect(decimalCommaOf(parseCsvText(tab.replace('\t1\n', '\t1.5\n'), 'tab.csv'))).toBe(false);
    expect(decimalCommaOf(parseCsvText(tab.replaceAll('\t', ';'), 'semi.csv'))).toBe(true);
    expect(decimalCommaOf(parseCsvText('id\tpain\nP1\t12\n', 'tab.csv'))).toBe(false);
  });
  it('is refused by hta meta with the cell (study tables hold no patient ids); a count reads either way and does not count', () => {
    const csv = 'study\toutcome\ttime\tdifference\tci_lower\tci_upper\tn_intervention\nA 2019\tpain\t3m\t-1.250\t-2\t-1\t1.200\n';
    const e = errorOf(() => parseStudies(parseCsvText(csv, 'studies.csv')));
    expect(e.problems.map((p) => [p.line, p.field, p.value])).toEqual([[2, 'difference', '-1.250']]);
    expect(e.message).toBe('studies.csv does not show its decimal mark, and 1 of its numbers in the study columns read either way (thousands or decimals)');
  });
});

describe('the shapes of a number with each mark', () => {
  it('are one definition: the vote, parse-number.ts and plan init\'s "other mark" agree', () => {
    // Thousands groups before the decimal comma, as parseNumber reads them with the comma.
    for (const t of ['1.234', '12.345,6', '1.234.567', '-642.025']) expect([t, NUMBER_WITH[','].test(t), parseNumber(t, true) !== undefined]).toEqual([t, true, true]);
    for (const t of ['1.5', '0.500', '1.2345', '1.234,5.6', '12.34']) expect([t, NUMBER_WITH[','].test(t), parseNumber(t, true)]).toEqual([t, false, undefined]);
    // In a dot-decimal file, numbers written with the comma (the PDF minus too) are data, never missing codes.
    const rows = ['6.5', '4.5', '\u22126,0', '1.234,5', '1.234.567', '7.5'].map((v, i) => `${i};${i % 2 ? 'a' : 'b'};0;${v};8${i}.5`);
    const d = draftPlan(parseCsvText(`id;arm;time;smerte;vaegt\n${rows.join('\n')}\n`, 'mixed.csv'), 'plan.schema.json');
    expect(d.plan.missingCodes).toBeUndefined();
    expect(d.checks.join('\n')).toMatch(/values such as "\u22126,0", "1\.234,5", "1\.234\.567" have a decimal comma while the file's other numbers have a decimal point/);
  });
});

/** Digits of a number: whole part, and decimals (0–3 digits). */
const numberText = fc.record({ whole: fc.nat({ max: 9_999_999 }), decimals: fc.stringMatching(/^\d{0,3}$/), negative: fc.boolean() });
type NumberText = { whole: number; decimals: string; negative: boolean };
const valueOf = (n: NumberText) => (n.negative ? -1 : 1) * Number(`${n.whole}${n.decimals ? `.${n.decimals}` : ''}`);
/** `n` as a spreadsheet in either locale writes it, thousands groups optional. */
function written(n: NumberText, mark: ',' | '.', groups: boolean): string {
  const thousands = mark === ',' ? '.' : ',';
  const whole = groups ? String(n.whole).replace(/\B(?=(\d{3})+$)/g, thousands) : String(n.whole);
  return `${n.negative ? '-' : ''}${whole}${n.decimals ? `${mark}${n.decimals}` : ''}`;
}
/** A column with one cell at least that shows its decimal mark (one or two decimals: never `1.234`). */
const column = fc.tuple(fc.array(numberText, { maxLength: 30 }), fc.record({ whole: fc.nat({ max: 999_999 }), decimals: fc.stringMatching(/^\d{1,2}$/), negative: fc.boolean() }), fc.nat());

describe('a column written with either mark', () => {
  it('is read back to the same numbers from a trial export (; or tab; thousands groups with the decimal comma), beside fewer cells in the other mark', () => {
    const shown = fc.record({ whole: fc.nat({ max: 999 }), decimals: fc.stringMatching(/^\d{1,2}$/), negative: fc.constant(false) });
    fc.assert(
      fc.property(column, fc.array(shown, { maxLength: 5 }), fc.constantFrom(',' as const, '.' as const), fc.constantFrom(';', '\t'), fc.boolean(), ([cells, shows, at], odd, mark, sep, groups) => {
        const all = [...cells];
        all.splice(at % (all.length + 1), 0, shows);
        // parseNumber reads thousands groups only with the decimal comma (as Danish Excel writes them).
        const texts = all.map((n) => written(n, mark, groups && mark === ','));
        // Fewer cells in the other mark (a time 12.30, a typo): outvoted, they are no numbers.
        const other = mark === ',' ? '.' : ',';
        const minority = odd.slice(0, texts.filter((x) => markOf(x) === mark).length - 1).map((n) => written(n, other, false));
        const rows = [...texts, ...minority];
        const t = parseCsvText(`id${sep}x\n` + rows.map((x, i) => `P${i}${sep}${x}`).join('\n') + '\n', 'export.csv');
        const comma = decimalCommaOf(t);
        expect(comma).toBe(mark === ',');
        expect(t.records.map((r) => parseNumber(r.cells[1]!, comma))).toEqual([...all.map(valueOf), ...minority.map(() => undefined)]);
      }),
      { numRuns: 300 },
    );
  });

  it('is read back to the same amounts from a unit-cost list (;, tab or ,; thousands groups with either mark)', () => {
    fc.assert(
      fc.property(column, fc.constantFrom(',' as const, '.' as const), fc.constantFrom(';', '\t', ','), fc.boolean(), ([cells, shows, at], mark, sep, groups) => {
        // A comma-separated file writes the decimal point (rule 2).
        fc.pre(!(sep === ',' && mark === ','));
        const all = [...cells, shows].map((n) => ({ ...n, negative: false }));
        all.splice(at % all.length, 0, all.pop()!);
        const amounts = readAmounts(all.map((n) => written(n, mark, groups)), sep, 'DKK');
        // A cell that reads either way (1.340) is read only when the column's mark makes it thousands.
        all.forEach((n, i) => {
          const text = written(n, mark, groups);
          if (markOf(text) === null && /^[1-9]\d{0,2}[.,]\d{3}$/.test(text) && text[text.length - 4] === mark) expect(amounts[i]).toMatch(/thousands or decimals/);
          else expect([text, amounts[i]]).toEqual([text, valueOf(n)]);
        });
      }),
      { numRuns: 300 },
    );
  });
});

describe('the minus sign copied from Word or a PDF (U+2212)', () => {
  it('is read as a minus by parseNumber, with either decimal mark and with thousands groups', () => {
    expect(parseNumber('\u22123', false)).toBe(-3);
    expect(parseNumber('\u22126.5', false)).toBe(-6.5);
    expect(parseNumber('\u22126,5', true)).toBe(-6.5);
    expect(parseNumber('\u22121.234,5', true)).toBe(-1234.5);
    // Only as a leading sign, once.
    for (const t of ['\u2212\u22123', '3\u2212', '1\u22122', '\u2212']) expect([t, parseNumber(t, false)]).toEqual([t, undefined]);
  });

  it('is a minus in a trial export: the analysis equals that of the same export written with "-"', async () => {
    // A Danish Excel export whose covariate (change in BMI) was pasted from a Word table.
    const lines = (minus: string) => ['Løbenr;Gruppe;BMI_aendring;RMDQ_basis;RMDQ_3mdr', ...Array.from({ length: 16 }, (_, k) =>
      [String(k + 1).padStart(3, '0'), k % 2 ? 'App' : 'Kontrol', k % 3 ? `${minus}${k % 4},${k % 7}` : `${k % 5},5`, String(8 + (k % 5)), String(4 + ((k * 7) % 9))].join(';'))].join('\r\n') + '\r\n';
    const plan = join(dir, 'minus-plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'App', control: 'Kontrol' }, columns: { id: 'Løbenr', arm: 'Gruppe' }, layout: 'wide', baseline: 'basis', timepoints: ['3mdr'], covariates: ['BMI_aendring'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] }));
    const run = async (minus: string) => {
      const csv = join(dir, `minus-${minus === '-' ? 'hyphen' : 'sign'}.csv`);
      writeFileSync(csv, lines(minus));
      const r = await runCli('analyze', csv, '--plan', plan, '--json');
      expect(r.code, r.stderr).toBe(0);
      return JSON.parse(r.stdout).results;
    };
    expect(await run('\u2212')).toEqual(await run('-'));
  });
});
