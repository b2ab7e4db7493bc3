/** plan init names the outcomes as the council's reports do, so a drafted plan's pages do not say "smerte" or "rmdq". */
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

describe('plan init: outcome labels', () => {
  it('known instruments get the council\'s names; two outcomes of one instrument are told apart by column', () => {
    const csv = 'id,gruppe,tid,rmdq,smerte_gns,smerte_vaerst,medicin\n1,app,baseline,10,5,7,Ja\n1,app,3m,8,4,6,Nej\n2,kontrol,baseline,11,6,8,Nej\n2,kontrol,3m,9,5,7,Ja\n';
    const d = draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json');
    const labels = Object.fromEntries((d.plan.outcomes as { key: string; label?: unknown }[]).map((o) => [o.key, o.label]));
    expect(labels.rmdq).toEqual({ en: 'Disability (RMDQ 0–24)', da: 'Fysisk funktionsniveau (RMDQ 0–24)' });
    expect(Object.values(labels).filter((l) => JSON.stringify(l).includes('NRS'))).toEqual([
      { en: 'Pain intensity (NRS 0–10): smerte_gns', da: 'Smerteintensitet (NRS 0–10): smerte_gns' },
      { en: 'Pain intensity (NRS 0–10): smerte_vaerst', da: 'Smerteintensitet (NRS 0–10): smerte_vaerst' },
    ]);
    expect(labels.medicin).toEqual({ en: 'Pain-medication use', da: 'Forbrug af smertestillende medicin' });
    expect(d.checks.join('\n')).toMatch(/check the outcome names/);
  });
});
