/**
 * A DST research-machine export with a footnote under its rows (`Kilde: Danmarks Statistik, …`
 * after an empty line, CRLF, a BOM): the trial/observational reader stopped at it with
 * '"1 fields" — expected 22 fields'. A footnote after the last row is left out with a note; one
 * among the rows is refused as a footnote (docs/input-trial-export.md "Footnote lines").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { HtaError } from '../../src/errors.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { simulateRegistryOutcomes } from '../../src/simulate/registry-outcomes.js';

const plan = () => parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
const lines = simulateRegistryOutcomes({ patients: 200, seed: 3 }).trimEnd().split('\n');
const crlf = (ls: string[]) => '\uFEFF' + ls.join('\r\n') + '\r\n';
const FOOTNOTE = 'Kilde: Danmarks Statistik, forskermaskine 706xxx, udtrukket 01-12-2026';

describe('a footnote line under the rows of an export', () => {
  it('after the last row (and an empty line) is left out with a note: the analysis is that of the file without it', () => {
    const withNote = loadTrial(parseCsvText(crlf([...lines, '', FOOTNOTE]), 'dst.csv'), plan());
    const without = loadTrial(parseCsvText(crlf(lines), 'dst.csv'), plan());
    expect(withNote.readNotes).toContain(`dst.csv: line ${lines.length + 2} after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row`);
    const a = analyzeObservational(withNote, { version: 't' });
    const b = analyzeObservational(without, { version: 't' });
    expect(a.analyses).toEqual(b.analyses);
  });

  it('among the rows is refused as a footnote, its line named and its text not echoed (a comma file splits it in 3 fields)', () => {
    const text = crlf([...lines.slice(0, 101), FOOTNOTE, ...lines.slice(101)]);
    let err: unknown;
    try {
      loadTrial(parseCsvText(text, 'dst.csv'), plan());
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(HtaError);
    const p = (err as HtaError).problems!;
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 102, value: '3 fields', kind: 'csv.footnote-line' });
    expect(p[0]!.expected).toMatch(/^a row of 9 fields as in the header: this line is text, like a footnote \("Kilde: …"\), among the rows — footnotes are left out only after the last row/);
    expect(JSON.stringify(p)).not.toContain('Danmarks Statistik');
  });
});
