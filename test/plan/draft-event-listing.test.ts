// plan init run on a listing of adverse events says what the file is and the "adverseEvents"
// section that names it (docs/plan-trial.md#adverse-events) — Danish column names (Alvorlig,
// Relateret, SOC, PT) and REDCap-style ones (ae_serious, ae_related) as well as CDISC's.
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { draftPlan } from '../../src/plan/draft-plan.js';

const rows = ['P001;Musculoskeletal and connective tissue disorders;Back pain;Nej;Muligvis;10-01-2025;moderat', 'P004;Nervous system disorders;Headache;Ja;Nej;02-03-2025;mild'];

describe('an adverse-event listing given to plan init', () => {
  it('Danish names: recognised, with the section written out from its own columns', () => {
    const draft = draftPlan(parseCsvText(['PatientID;SOC;PT;Alvorlig;Relateret;Startdato;Sværhedsgrad', ...rows].join('\n') + '\n', 'ae_listing.csv'), 'plan.schema.json');
    expect(draft.undecided[0]!.what).toBe('what the file is: it looks like a listing of adverse events, one row per event');
    expect(draft.undecided[0]!.write).toContain('"adverseEvents": { "file": "<this file, relative to the plan>", "id": "PatientID", "serious": "Alvorlig", "related": "Relateret", "soc": "SOC", "term": "PT" }');
    expect(draft.undecided[0]!.write).toContain('needs its meaning in "columnCodes"');
    // A REDCap 0/1/2 column given "2": 1 alone refuses every 1 and 0: the hint says to list every number.
    expect(draft.undecided[0]!.write).toContain('once a column has answer codes every number in it must be listed (a 0/1/2 column: { "0": 0, "1": 1, "2": 1 }');
  });

  it('REDCap-style names of a listing of its own', () => {
    const draft = draftPlan(parseCsvText(['record_id;ae_soc;ae_pt;ae_serious;ae_related;ae_start;ae_severity', ...rows].join('\n') + '\n', 'ae_rc.csv'), 'plan.schema.json');
    expect(draft.undecided[0]!.write).toContain('"id": "record_id", "serious": "ae_serious", "related": "ae_related", "soc": "ae_soc", "term": "ae_pt" }');
  });

  it('a trial export with a "PT" and a "SOC" column but no event column is no listing', () => {
    const draft = draftPlan(parseCsvText(['id;SOC;PT;x', '1;a;b;1', '2;a;b;2'].join('\n') + '\n', 'x.csv'), 'plan.schema.json');
    expect(draft.undecided.some((u) => u.what.includes('listing of adverse events'))).toBe(false);
  });
});
