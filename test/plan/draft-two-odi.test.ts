// Two ODI columns on one scale (the percentage twice, `ODI_pct` and `ODI_index`) share one plan
// instrument, "instruments.odi": its MCID check was printed once per column, the same line twice,
// and its "decimals" was the last column's, so a first column with decimals had every row refused.
// The ODI at two scorings (`ODI_sum`, the raw 0–50 sum, beside `ODI_pct`) is two scales: the sum
// shared the 0–100 instrument and its MCID of 10 (20 percentage points), so the same patients got
// opposite verdicts. It is drafted as its own 0–50 instrument with MCID 5 (docs/plan-trial.md).
import { expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

type Outcome = { key: string; instrument: string; column?: string };
type Instrument = { range: [number, number]; mcid: number; decimals?: boolean };

/** 20 patients at baseline and 3 months; the ODI in two columns. */
function export_(first: (s: number) => string, second: (s: number) => string, names = 'ODI_pct;ODI_sum'): string {
  const lines = [`id;Gruppe;Tidspunkt;${names}`];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['Baseline', '3 måneder'].entries()) {
      const s = (p * 7 + k * 3) % 50;
      lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${t};${first(s)};${second(s)}`);
    }
  }
  return lines.join('\n') + '\n';
}

it('two percentage ODI columns: the ODI MCID said once, naming both', () => {
  const d = draftPlan(parseCsvText(export_((s) => String(2 * s), (s) => String(2 * s + 1), 'ODI_pct;ODI_index'), 'odi.csv'), 'plan.schema.json');
  expect((d.plan.outcomes as Outcome[]).filter((o) => o.instrument === 'odi')).toHaveLength(2);
  const odi = d.checks.filter((c) => c.startsWith('ODI:'));
  expect(odi).toEqual(['ODI: the draft uses MCID 10 points (Ostelo et al. 2008) for the 2 ODI columns ("ODI_pct", "ODI_index"), one instrument: check "instruments.odi"']);
});

it('the raw sum beside the percentage: its own 0–50 instrument with MCID 5, and a check that says the two are on different scales', () => {
  const csv = parseCsvText(export_((s) => String(2 * s), (s) => String(s)), 'odi.csv');
  const d = draftPlan(csv, 'plan.schema.json');
  const outcomes = d.plan.outcomes as Outcome[];
  expect(outcomes.find((o) => o.column === 'ODI_pct')!.instrument).toBe('odi');
  expect(outcomes.find((o) => o.column === 'ODI_sum')!.instrument).toBe('odi_raw');
  const instruments = d.plan.instruments as Record<string, Instrument>;
  expect(instruments.odi_raw!.range).toEqual([0, 50]);
  expect(instruments.odi_raw!.mcid).toBe(5);
  expect(instruments.odi!.mcid).toBe(10);
  const odi = d.checks.filter((c) => c.startsWith('ODI:'));
  expect(odi).toHaveLength(2);
  const raw = odi.find((c) => c.includes('"odi_raw"'))!;
  expect(raw).toContain('"ODI_sum" holds values up to 49 and is named as a sum, beside "ODI_pct" up to 100: read as the raw sum on the 0–50 scale');
  expect(raw).toContain('the two columns are on different scales');
  expect(odi).toContain('ODI: the draft uses MCID 10 points (Ostelo et al. 2008): check "instruments.odi"');
  expect(checkDraft(csv, d.plan).badRows).toBe(0);
});

it('a raw sum beside the percentage is the raw sum by its values alone (an unnamed second column)', () => {
  const d = draftPlan(parseCsvText(export_((s) => String(2 * s), (s) => String(s), 'ODI_pct;ODI_2'), 'odi.csv'), 'plan.schema.json');
  expect((d.plan.outcomes as Outcome[]).find((o) => o.column === 'ODI_2')!.instrument).toBe('odi_raw');
});

it('one ODI column named as a sum holding values up to 50: the raw sum; one holding the percentage: the check as before', () => {
  const sum = draftPlan(parseCsvText(export_((s) => String(s), (s) => String(40 + (s % 30)), 'ODI_total;Alder'), 'odi.csv'), 'plan.schema.json');
  expect((sum.plan.outcomes as Outcome[]).find((o) => o.column === 'ODI_total')!.instrument).toBe('odi_raw');
  const text = export_((s) => String(2 * s), (s) => String(s)).replace(/;ODI_sum/, ';Alder');
  const d = draftPlan(parseCsvText(text, 'odi.csv'), 'plan.schema.json');
  expect(d.checks.filter((c) => c.startsWith('ODI:'))).toEqual(['ODI: the draft uses MCID 10 points (Ostelo et al. 2008): check "instruments.odi"']);
});

it('reads decimals in the first ODI column when the second has none: no row refused', () => {
  const csv = parseCsvText(export_((s) => `${2 * s}.5`, (s) => String(2 * s), 'ODI_pct;ODI_index'), 'odi.csv');
  const d = draftPlan(csv, 'plan.schema.json');
  expect((d.plan.instruments as { odi: { decimals: boolean } }).odi.decimals).toBe(true);
  expect(checkDraft(csv, d.plan).badRows).toBe(0);
});

// An ODI "total" that is the 0–100 percentage of a population never above 50 was drafted as the raw
// sum, and the check said only "give it "instrument": "odi"", with no "instruments.odi" to read it.
it('one ODI column named as a sum, every value even up to 50: the percentage, with a check saying how to make it the raw sum', () => {
  const csv = parseCsvText(export_((s) => String(2 * (s % 25)), (s) => String(40 + (s % 30)), 'ODI_total;Alder'), 'odi.csv');
  const d = draftPlan(csv, 'plan.schema.json');
  const odi = (d.plan.outcomes as Outcome[]).find((o) => o.column === 'ODI_total')!;
  expect(odi.instrument).toBe('odi');
  const instruments = d.plan.instruments as Record<string, Instrument>;
  expect(instruments.odi!.range).toEqual([0, 100]);
  expect(instruments.odi_raw).toBeUndefined();
  const check = d.checks.find((c) => c.includes('holds only even values'))!;
  expect(check).toContain('"ODI_total" is named as a sum but holds only even values (up to 48)');
  expect(check).toContain(`give the outcome "${odi.key}" "instrument": "odi_raw" and its "label" { "en": "Disability (ODI raw sum 0–50)", "da": "Fysisk funktionsniveau (ODI sumscore 0–50)" }`);
  expect(check).toContain('with "instruments": { "odi_raw": {');
  // The drafted label names the percentage: changing the instrument alone left it on every table.
  expect((odi as Outcome & { label: { en: string } }).label.en).toBe('Disability (ODI 0–100)');
  expect(checkDraft(csv, d.plan).badRows).toBe(0);
});

it('named as a sum with an odd value among them: the raw sum, and the check says how to make it the percentage', () => {
  const d = draftPlan(parseCsvText(export_((s) => String(2 * (s % 25) + (s === 7 ? 1 : 0)), (s) => String(40 + (s % 30)), 'ODI_total;Alder'), 'odi.csv'), 'plan.schema.json');
  const odi = (d.plan.outcomes as Outcome[]).find((o) => o.column === 'ODI_total')!;
  expect(odi.instrument).toBe('odi_raw');
  const check = d.checks.find((c) => c.includes('read as the raw sum'))!;
  expect(check).toContain(`give the outcome "${odi.key}" "instrument": "odi" and its "label" { "en": "Disability (ODI 0–100)", "da": "Fysisk funktionsniveau (ODI 0–100)" }`);
  expect(check).toContain('and rename "instruments.odi_raw" to "odi" with "range": [0, 100], "mcid": 10');
  expect((odi as Outcome & { label: { en: string } }).label.en).toBe('Disability (ODI raw sum 0–50)');
});
