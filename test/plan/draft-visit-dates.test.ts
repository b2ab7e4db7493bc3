/**
 * plan init and a column of visit dates beside the visit labels of a long export (an explorer's
 * REDCap export with `visit_date`, a "3 months" answer dated 4.5 months after baseline): hta reads
 * no dates (docs/limits.md), so the check says that visit windows are not checked. Before, the
 * column was only listed as "not used". A date that is the same on every row of a patient (a date
 * of birth) is no visit date and gets no such check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { draftLineDa } from '../../src/plan/draft-notes-da.js';

const text = readFileSync(new URL('../fixtures/ignored-visit/redcap.csv', import.meta.url), 'utf8');
const MONTHS: Record<string, number> = { baseline_arm_1: 0, '6_weeks_arm_1': 1, '3_months_arm_1': 3, '9_months_arm_1': 9 };
/** The fixture with a date of birth per patient and each visit's date, the 3-month visit of patient 4 at 4.5 months. */
const withDates = (column: 'visit' | 'birth') => {
  const [head, ...rows] = text.trimEnd().split('\n');
  const cells = rows.map((r) => {
    const [id, event] = r.split(',');
    const n = Number(id);
    const month = n === 4 && event === '3_months_arm_1' ? 4.5 : MONTHS[event!]!;
    const day = new Date(Date.UTC(2022, 0, 1 + (n % 28) + Math.round(month * 30.4)));
    const birth = `19${50 + (n % 40)}-0${1 + (n % 9)}-1${n % 10}`;
    return `${r},${column === 'visit' ? day.toISOString().slice(0, 10) : birth}`;
  });
  return parseCsvText([`${head},${column === 'visit' ? 'visit_date' : 'birth_date'}`, ...cells].join('\n') + '\n', 'redcap.csv');
};

describe('plan init and visit dates', () => {
  it('a visit-date column: the check says visit windows are not checked, in English and Danish', () => {
    const d = draftPlan(withDates('visit'), 'plan.schema.json');
    const check = d.checks.find((c) => c.startsWith('"visit_date" holds dates that change from visit to visit'));
    expect(check).toContain('visits are taken by their label in "redcap_event_name", so the protocol\'s visit windows are not checked');
    expect(check).toContain('(docs/limits.md)');
    expect(draftLineDa(check!)).toContain('besøgsvinduer kontrolleres ikke');
    expect(draftLineDa(check!)).not.toContain('visit windows');
  });
  it('a date of birth, the same on every row of a patient: no such check', () => {
    const d = draftPlan(withDates('birth'), 'plan.schema.json');
    expect(d.checks.join('\n')).not.toContain('change from visit to visit');
  });
});
