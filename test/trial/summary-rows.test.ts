// Rows of means or totals that carry an arm value (`"Gennemsnit";"SelfBACK";"";5,4;4,2;3,9`): a
// tester's wide export read one as a 31st patient (export-shape.ts; docs/input-trial-export.md,
// "Spreadsheet shapes").
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { isSummaryWord, shownSummaryWord } from '../../src/trial/export-shape.js';

const DIR = 'test/fixtures/exports/summary-rows';

describe('summary rows with an arm value', () => {
  it('a mean row under a wide export is refused, never a patient', async () => {
    const r = await runCli('validate', `${DIR}/wide-mean-row.csv`, '--plan', `${DIR}/plan-wide.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('wide-mean-row.csv:62:1 (id): "Gennemsnit" — expected a patient\'s row: line 62 is a summary row');
  });

  it('one mean row per arm: one problem naming both lines', async () => {
    const r = await runCli('validate', `${DIR}/wide-mean-row-per-arm.csv`, '--plan', `${DIR}/plan-wide.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('1 problem(s) in 2 row(s)');
    expect(r.stderr).toContain('lines 62, 63 are summary rows ("Gennemsnit" in the id column');
  });

  it('--exclude-invalid leaves both out: the numbers R gives without them', async () => {
    const r = await runCli('analyze', `${DIR}/wide-mean-row-per-arm.csv`, '--plan', `${DIR}/plan-wide.json`, '--exclude-invalid', '--json');
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(out.input.excluded.rows).toBe(2);
    const effects = out.effects as { time: string; method: string; n: { intervention: number; control: number }; difference: number; ciLower: number; ciUpper: number }[];
    const at = (time: string) => effects.find((e) => e.method === 'ancova' && e.time === time)!;
    // R: lm(smerte_3 ~ arm + smerte_0) on the 60 patients.
    expect(at('3').n).toEqual({ intervention: 28, control: 29 });
    expect(at('3').difference).toBeCloseTo(-0.6326927968, 8);
    expect(at('3').ciLower).toBeCloseTo(-1.4078506817, 8);
    expect(at('9').difference).toBeCloseTo(-1.2216427432, 8);
  });

  it('a mean row in a long export', async () => {
    const r = await runCli('validate', `${DIR}/long-mean-row.csv`, '--plan', `${DIR}/plan-long.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('line 185 is a summary row');
  });

  it('knows the summary words of en, da, sv, no and de', () => {
    for (const w of ['Gennemsnit', 'Middel', 'Mean', 'Average', 'Total', 'I alt', 'Sum', 'Median', 'SD', 'Std', 'N', 'Antal', 'Hovedtotal', 'Medelvärde', 'Gjennomsnitt', 'Mittelwert', 'Summe']) expect(isSummaryWord(w)).toBe(true);
    for (const w of ['001', 'P12', 'A1', 'Nina']) expect(isSummaryWord(w)).toBe(false);
  });
});

describe('grouped repeated rows', () => {
  it('each line says its own earlier row', async () => {
    const r = await runCli('validate', 'test/fixtures/exports/repeated-rows/export.csv', '--plan', 'test/fixtures/exports/repeated-rows/plan.json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('expected one row per patient and time point (line 182: this patient\'s "3m" row is on line 3; line 183: this patient\'s "9m" row is on line 7)');
  });

  // Excel's Data → Subtotal: `P1001 I alt` under each patient (test/cli/cea.test.ts runs one).
  it('"P1001 I alt" and "P1001 Total" are summary rows, shown without the id; an id is not', () => {
    for (const w of ['P1001 I alt', 'P1001 Total', '1001 i alt', 'P1001 Antal']) expect(isSummaryWord(w), w).toBe(true);
    for (const w of ['P1001', 'Ialt7', 'Total-01']) expect(isSummaryWord(w), w).toBe(false);
    expect(shownSummaryWord('P1001 I alt')).toBe('… I alt');
    expect(shownSummaryWord('P1001 Total')).toBe('… Total');
  });
});
