// Two ODI columns (the ODI at two scorings, `ODI_sum` and `ODI_pct`) share one plan instrument,
// "instruments.odi": its MCID check was printed once per column, the same line twice, and its
// "decimals" was the last column's, so a first column with decimals had every row refused.
import { expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { checkDraft } from '../../src/plan/check-draft.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

/** 20 patients at baseline and 3 months; the ODI in two columns. */
function export_(first: (s: number) => string, second: (s: number) => string): string {
  const lines = ['id;Gruppe;Tidspunkt;ODI_pct;ODI_sum'];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['Baseline', '3 måneder'].entries()) {
      const s = (p * 7 + k * 3) % 50;
      lines.push(`P${p};${p % 2 ? 'Intervensjon' : 'Kontroll'};${t};${first(s)};${second(s)}`);
    }
  }
  return lines.join('\n') + '\n';
}

it('says the ODI MCID once, naming both columns', () => {
  const d = draftPlan(parseCsvText(export_((s) => String(2 * s), (s) => String(s)), 'odi.csv'), 'plan.schema.json');
  expect((d.plan.outcomes as { instrument: string }[]).filter((o) => o.instrument === 'odi')).toHaveLength(2);
  const odi = d.checks.filter((c) => c.startsWith('ODI:'));
  expect(odi).toEqual(['ODI: the draft uses MCID 10 points (Ostelo et al. 2008) for the 2 ODI columns ("ODI_pct", "ODI_sum"), one instrument: check "instruments.odi"']);
});

it('one ODI column: the check as before', () => {
  const text = export_((s) => String(2 * s), (s) => String(s)).replace(/;ODI_sum/, ';Alder');
  const d = draftPlan(parseCsvText(text, 'odi.csv'), 'plan.schema.json');
  expect(d.checks.filter((c) => c.startsWith('ODI:'))).toEqual(['ODI: the draft uses MCID 10 points (Ostelo et al. 2008): check "instruments.odi"']);
});

it('reads decimals in the first ODI column when the second has none: no row refused', () => {
  const csv = parseCsvText(export_((s) => `${2 * s}.5`, (s) => String(s)), 'odi.csv');
  const d = draftPlan(csv, 'plan.schema.json');
  expect((d.plan.instruments as { odi: { decimals: boolean } }).odi.decimals).toBe(true);
  expect(checkDraft(csv, d.plan).badRows).toBe(0);
});
