import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { metaResultsJsonSchema, metaStudyRowSchema } from '../../src/meta/meta-results-schema.js';
import { metaAnalyze } from '../../src/meta/meta-analyze.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { parseCsvText } from '../../src/io/read-csv.js';

const FILE = 'schemas/meta-results.schema.json';

describe('schemas/meta-results.schema.json', () => {
  it('is the JSON Schema generated from the zod schema (UPDATE_SCHEMAS=1 rewrites it)', () => {
    const generated = JSON.stringify(metaResultsJsonSchema(), null, 2) + '\n';
    if (process.env.UPDATE_SCHEMAS) writeFileSync(FILE, generated);
    expect(readFileSync(FILE, 'utf8')).toBe(generated);
  });
});

describe('a study row\'s note', () => {
  // The schema says what the note is (why the study is not pooled), not only an example of it.
  const rows = (csv: string, preset?: 'revman5') => metaAnalyze(parseStudies(parseCsvText(csv, 's.csv')), { version: 't', ...(preset ? { preset } : {}) }).studies;
  it('is one of the two reasons a study is not pooled, each described, or null for a pooled study', () => {
    const note = (metaResultsJsonSchema() as { $defs?: unknown; properties: { studies: { items: { properties: { note: { anyOf?: { enum?: string[] }[]; description: string } } } } } }).properties.studies.items.properties.note;
    expect(note.description).toMatch(/^Why the study is not pooled/);
    expect(note.description).toContain('"no interval reported" — a difference given without a CI or SE');
    expect(note.description).toContain('"not estimable" — under the revman5 preset');
    const got = [
      ...rows('study,outcome,time,measure,difference,ci_lower,ci_upper\nA 2020,rmdq,3m,MD,-1.2,-2.0,-0.4\nB 2021,rmdq,3m,MD,-0.9,,'),
      ...rows('study,outcome,time,measure,events_intervention,n_intervention,events_control,n_control\nA 2020,fall,6m,RR,0,40,0,41\nB 2021,fall,6m,RR,4,40,9,41\nC 2022,fall,6m,RR,5,50,8,52', 'revman5'),
    ].map((s) => s.note);
    expect(got).toEqual([null, 'no interval reported', 'not estimable', null, null]);
    for (const n of got) expect(metaStudyRowSchema.shape.note.safeParse(n).success).toBe(true);
    expect(metaStudyRowSchema.shape.note.safeParse('e.g. anything').success).toBe(false);
  });
});
