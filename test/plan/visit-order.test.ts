/**
 * The order plan init drafts follow-ups in (src/plan/visit-order.ts, docs/plan-trial.md#visit-order):
 * timed visits by their time, untimed ones where the patients' rows put them, with a check. Found
 * by a tester: with one visit it could not time ("Oppfølging 2"), plan init kept first-seen order
 * — `["Oppfølging 2", "12m", "3m"]` — and the report's conclusion led with the later visit.
 */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { visitOrder } from '../../src/plan/visit-order.js';
import { weeksSinceBaseline } from '../../src/plan/visit-weeks.js';

/** A long export: each patient's rows as `visits` lists them (a patient's own order), arms alternating. */
function longExport(perPatient: readonly (readonly string[])[]): string {
  const rows = perPatient.flatMap((visits, k) => visits.map((v, j) => `N${String(k + 1).padStart(3, '0')};${k % 2 ? 'Kontroll' : 'Intervensjon'};${v};${(k + j * 3) % 11}`));
  return ['id;Gruppe;Tidspunkt;Smerte', ...rows].join('\n') + '\n';
}

describe('visit order', () => {
  it('sorts timed visits and keeps an untimed one between the rows around it', () => {
    expect(visitOrder(['Oppfølging 2', '12m', '3m'], [['Oppfølging 2', '12m'], ['3m', 'Oppfølging 2', '12m']], (v) => weeksSinceBaseline(v))).toEqual(['3m', 'Oppfølging 2', '12m']);
    // Timed visits are sorted even when the rows say otherwise (an export sorted by name).
    expect(visitOrder(['12m', '3m'], [['12m', '3m']], (v) => weeksSinceBaseline(v))).toEqual(['3m', '12m']);
  });

  it('plan init: Baseline, 3 måneder, Oppfølging 2, 12 måneder — the first patient missed 3 måneder', () => {
    const all = ['Baseline', '3 måneder', 'Oppfølging 2', '12 måneder'];
    const csv = longExport([['Baseline', 'Oppfølging 2', '12 måneder'], ...Array.from({ length: 9 }, () => all)]);
    const { plan, checks } = draftPlan(parseCsvText(csv, 'norsk.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['3m', 'Oppfølging 2', '12m']);
    expect(plan.allTimepoints).toEqual(['baseline', '3m', 'Oppfølging 2', '12m']);
    expect(checks.join('\n')).toContain('visit "Oppfølging 2" says no time hta can read: placed by the order of each patient\'s rows (3m, "Oppfølging 2", 12m) — check the order of "timepoints" and "allTimepoints"');
    expect(checks.join('\n')).toContain('give its time in "timeLabels" (e.g. { "Oppfølging 2": "6m" }');
  });

  it('plan init: untimed visits in the order most patients\' rows have them, not the first patient\'s', () => {
    const inOrder = ['Baseline', 'Follow-up 1', 'Follow-up 2', 'Follow-up 3'];
    const csv = longExport([['Baseline', 'Follow-up 3', 'Follow-up 1'], ...Array.from({ length: 7 }, () => inOrder)]);
    const { plan, checks } = draftPlan(parseCsvText(csv, 'fu.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['Follow-up 1', 'Follow-up 2', 'Follow-up 3']);
    expect(checks.join('\n')).toContain('visits "Follow-up 1", "Follow-up 2", "Follow-up 3" say no time hta can read');
  });

  it('plan init: timed visits only are sorted, with no check', () => {
    const csv = longExport([['Baseline', '12 mnd'], ...Array.from({ length: 5 }, () => ['Baseline', '3 mnd', '12 mnd'])]);
    const { plan, checks } = draftPlan(parseCsvText(csv, 'x.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['3m', '12m']);
    expect(checks.join('\n')).not.toContain('says no time');
  });
});

describe('visit names with their time in brackets', () => {
  // Found by a tester: an eCRF's "Opfølgning 1 (12 uger)" was kept as written, drawn on an ordinal axis.
  it('"Opfølgning 1 (12 uger)" is 12 weeks; a bracket without a time changes nothing', async () => {
    const { visitLabel } = await import('../../src/plan/draft-plan.js');
    expect(visitLabel('Opfølgning 1 (12 uger)')).toBe('12w');
    expect(visitLabel('Follow-up 2 (6 months)')).toBe('6m');
    expect(visitLabel('Oppfølging 2 (6 mnd)')).toBe('6m');
    expect(visitLabel('Baseline (før start)')).toBe('baseline');
    expect(visitLabel('Opfølgning 1 (telefon)')).toBe('Opfølgning 1 (telefon)');
    const csv = longExport(Array.from({ length: 6 }, () => ['Inklusion', 'Opfølgning 1 (12 uger)', 'Opfølgning 2 (36 uger)']));
    const { plan, checks } = draftPlan(parseCsvText(csv, 'f4.csv'), 'plan.schema.json');
    expect(plan.timepoints).toEqual(['12w', '36w']);
    expect(plan.timeLabels).toMatchObject({ Inklusion: 'baseline', 'Opfølgning 1 (12 uger)': '12w', 'Opfølgning 2 (36 uger)': '36w' });
    expect(checks.join('\n')).not.toContain('says no time');
  });
});
