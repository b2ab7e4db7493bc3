/**
 * `NULL` and `(null)` (SQL Server, SAS, Oracle) are empty cells in every export, as `NA` and `.`
 * are (src/io/missing-words.ts, docs/input-trial-export.md "Dialects"): a categorical confounder
 * written `NULL` on 40 rows was a level of its own (`referrerNULL`), analysed as if known.
 */
import { describe, expect, it } from 'vitest';
import { isMissingWord, MISSING_WORDS } from '../../src/io/missing-words.js';
import { DEFAULT_MISSING_CODES } from '../../src/uptake/missing-cells.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { FieldReader } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { readFileSync } from 'node:fs';
import { draftPlan } from '../../src/plan/draft-plan.js';

describe('the texts read as an empty cell', () => {
  it('are one list, for trial exports and registries alike; the inline check agrees with it', () => {
    expect(DEFAULT_MISSING_CODES).toBe(MISSING_WORDS);
    for (const w of ['', ...MISSING_WORDS]) expect(isMissingWord(w)).toBe(true);
    for (const w of ['null', 'Null', '(NULL)', 'N/A', 'na', '..', '#NULL!', '0']) expect(isMissingWord(w)).toBe(false);
  });

  it('reads NULL and (null) as missing, quoted or not, in both record forms', () => {
    const t = parseCsvText('id,a,b,c\nP1,NULL,(null),null\nP2,"NULL", NULL ,x\n', 'sql.csv');
    expect(t.records[0]?.cells).toEqual(['P1', null, null, 'null']);
    expect(t.records[1]?.cells).toEqual(['P2', null, null, 'x']);
    const f = new FieldReader();
    f.load(t.records[0]!);
    expect([f.cell(1), f.cell(2), f.cell(3)]).toEqual([null, null, 'null']);
  });

  it('a categorical confounder written NULL is missing (complete cases), never a level', () => {
    const d = completeRegistryRows(200);
    d.rows.slice(0, 40).forEach((r) => (r.referrer = 'NULL'));
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const trial = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), plan);
    const rmdq = computeObservationalAnalyses(trial).find((a) => a.outcome === 'rmdq')!;
    expect(JSON.stringify(rmdq)).not.toContain('NULL');
    expect(rmdq.excluded?.missingConfounders).toBe(40);
  });
});

describe('plan init and NULL cells', () => {
  it('does not draft NULL or (null) as missing-value codes: they are missing already', () => {
    const csv = 'id;gruppe;alder;henviser;rmdq_baseline;rmdq_3m\n1;App;45;NULL;12;8\n2;Kontrol;NULL;Læge;14;(null)\n3;App;51;Læge;10;NULL\n4;Kontrol;60;Hospital;11;9\n';
    const d = draftPlan(parseCsvText(csv, 'export.csv'), 'plan.schema.json');
    expect(d.plan.missingCodes ?? []).toEqual([]);
    expect(d.guesses.join('\n')).not.toMatch(/NULL/);
  });
});
