/** plan init finds the patient id under the names Danish exports give it (løbenr, patientnr, …). */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const exportWith = (idHeader: string) =>
  `Alder;${idHeader};Gruppe;Tidspunkt;Smerte\n45;1;App;Baseline;6\n45;1;App;3 måneder;4\n51;2;Kontrol;Baseline;7\n51;2;Kontrol;3 måneder;6\n`;

describe('plan init: the patient id column', () => {
  for (const name of ['Løbenr', 'løbenummer', 'Patientnr.', 'Pt. nr.', 'Deltagernummer', 'ID-nummer']) {
    it(`"${name}" is the id, not the first column`, () => {
      const d = draftPlan(parseCsvText(exportWith(name), 'export.csv'), 'plan.schema.json');
      expect((d.plan.columns as Record<string, string>).id).toBe(name);
      expect(d.checks.join('\n')).not.toMatch(/no column is named like a patient id/);
    });
  }
  it('a file without one still says which column was taken', () => {
    const d = draftPlan(parseCsvText(exportWith('Nummer'), 'export.csv'), 'plan.schema.json');
    expect((d.plan.columns as Record<string, string>).id).toBe('Alder');
    expect(d.checks.join('\n')).toMatch(/no column is named like a patient id; "Alder"/);
  });
});
