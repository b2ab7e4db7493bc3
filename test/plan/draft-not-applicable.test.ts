// Plan init drafts answers that say an outcome does not apply ("Ikke i arbejde", "N/A",
// "Pensioneret") as the outcome's "notApplicableCodes", with a note, never as missing-value codes:
// missing, they were imputed as scores the patient never had (docs/plan-trial.md#not-applicable).
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';

type Outcome = { key: string; notApplicableCodes?: string[]; missingCodes?: string[] };

/** 20 patients at baseline and 3m: pain 0–10 with `na` for every 4th patient and "Ved ikke" for one; work ability with `work` words. */
function export_(na: string, work: [string, string]): string {
  const lines = ['id,arm,time,alder,smerte,arbejdsevne'];
  for (let p = 1; p <= 20; p++) {
    for (const [k, t] of ['baseline', '3m'].entries()) {
      const pain = p % 4 === 0 ? na : p === 7 && k === 1 ? 'Ved ikke' : String((p * 3 + k * (p % 2 ? 2 : 0)) % 11);
      const was = p % 5 === 0 ? work[p % 2] : String((p + k) % 11);
      lines.push(`P${p},${p % 2 ? 'app' : 'usual'},${t},${40 + p},${pain},${was}`);
    }
  }
  return lines.join('\n') + '\n';
}

const draftOf = (text: string) => draftPlan(parseCsvText(text, 'export.csv'), 'plan.schema.json');

describe('answers saying the outcome does not apply', () => {
  for (const na of ['Ikke relevant', 'N/A', 'Not applicable', 'Not working']) {
    it(`"${na}" in a pain column: the outcome's notApplicableCodes, with a note; "Ved ikke" stays missing`, () => {
      const d = draftOf(export_(na, ['Ikke i arbejde', 'Pensioneret']));
      const pain = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'smerte')!;
      expect(pain.notApplicableCodes).toEqual([na]);
      expect(d.plan.missingCodes).toEqual(['Ved ikke']);
      expect(d.checks.join('\n')).toContain(`outcome "smerte" (column "smerte"): "${na}" drafted as "notApplicableCodes", not missing-value codes: it says the outcome does not apply`);
    });
  }

  it('the draft loads, and the patients it does not apply to are counted apart from missing', () => {
    const text = export_('Ikke relevant', ['Ikke i arbejde', 'Pensioneret']);
    const d = draftOf(text);
    const result = analyzeTrial(loadTrial(parseCsvText(text, 'export.csv'), parsePlan(d.plan)), { version: 'test' });
    const at3m = result.missingness!.filter((m) => m.outcome === 'smerte' && m.time === '3m');
    // Patients 4, 8, 12, 16, 20: all in the usual arm (even ids).
    expect(at3m.reduce((s, m) => s + (m.notApplicable ?? 0), 0)).toBe(5);
  });

  it('work ability (WAS, left for the user to add): the outcome to add carries them', () => {
    const d = draftOf(export_('3', ['Ikke i arbejde', 'Pensioneret']));
    const text = [...d.checks, ...d.undecided].join('\n');
    expect(text).toContain('"notApplicableCodes": ["Pensioneret", "Ikke i arbejde"]');
    expect(text).toContain('"arbejdsevne": "Pensioneret", "Ikke i arbejde" written as "notApplicableCodes"');
    expect(d.plan.missingCodes ?? []).not.toContain('Ikke i arbejde');
  });

  it('a plain "NA" (R, pandas) is no such answer', () => {
    const d = draftOf(export_('NA', ['Retired', 'Not working']));
    const pain = (d.plan.outcomes as Outcome[]).find((o) => o.key === 'smerte')!;
    expect(pain.notApplicableCodes).toBeUndefined();
  });
});
