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

  // Ids with a space (`Pt 0001`, `SB 0003`) read as words; a row cut short is no footnote for it.
  const spaced = lines.map((l, i) => (i === 0 ? l : l.replace(/^R(\d+),/, 'Pt $1,')));
  const refused = (text: string) => {
    try {
      loadTrial(parseCsvText(text, 'reg.csv'), plan());
    } catch (e) {
      expect(e).toBeInstanceOf(HtaError);
      return (e as HtaError).problems!;
    }
    throw new Error('not refused');
  };

  it('a last row cut short whose id has a space ("Pt 0200,Ja,…" without its last fields) is refused as a row, not left out as a footnote', () => {
    const last = spaced.at(-1)!.split(',').slice(0, 5).join(',');
    expect(last).toMatch(/^Pt 0*200,/);
    const p = refused(crlf([...spaced.slice(0, -1), last]));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: spaced.length, value: '5 fields', kind: 'csv.field-count' });
    expect(p[0]!.expected).toMatch(/^9 fields as in the header/);
    // Cut after the id alone: shaped as the ids above it, still a row.
    expect(refused(crlf([...spaced.slice(0, -1), spaced.at(-1)!.split(',')[0]!]))[0]).toMatchObject({ line: spaced.length, value: '1 field', kind: 'csv.field-count' });
  });

  it('the same row among the rows is refused as a row with too few fields, not called a footnote', () => {
    const short = spaced[100]!.split(',').slice(0, 5).join(',');
    const p = refused(crlf([...spaced.slice(0, 100), short, ...spaced.slice(101)]));
    expect(p).toHaveLength(1);
    expect(p[0]).toMatchObject({ line: 101, value: '5 fields', kind: 'csv.field-count' });
    expect(p[0]!.expected).not.toMatch(/footnote/);
  });

  it('the DST footnote after rows with spaced ids is still left out', () => {
    const withNote = loadTrial(parseCsvText(crlf([...spaced, '', FOOTNOTE]), 'dst.csv'), plan());
    expect(withNote.readNotes).toContain(`dst.csv: line ${spaced.length + 2} after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row`);
  });

  // An Excel footnote over two cells, a label and its value (a count, a date, a year): the build
  // before cff4545e dropped it with the note; cff4545e refused it as a row cut short (exit 2,
  // "2 fields"), since its value is no word. The first cell, a label, decides.
  describe.each([
    ['plain ids', lines],
    ['ids with a space', spaced],
  ] as const)('a label-and-value footnote after the last row (%s)', (_, rows) => {
    it.each(['Antal patienter i alt:,200', 'Udtrukket:,2024-01-05', '"Kilde: Danmarks Statistik",2024', 'Antal patienter i alt,200'])('%s is left out with the note, as before', (footnote) => {
      const withNote = loadTrial(parseCsvText(crlf([...rows, footnote]), 'dst.csv'), plan());
      expect(withNote.readNotes).toContain(`dst.csv: line ${rows.length + 1} after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row`);
      const without = loadTrial(parseCsvText(crlf(rows), 'dst.csv'), plan());
      expect(analyzeObservational(withNote, { version: 't' }).analyses).toEqual(analyzeObservational(without, { version: 't' }).analyses);
    });
  });

  it('a last row cut to its id and a number or two is still refused as a row, by its id\'s shape (the label rule never sees it)', () => {
    for (const n of [2, 3]) {
      const last = spaced.at(-1)!.split(',').slice(0, n).join(',');
      expect(refused(crlf([...spaced.slice(0, -1), last]))[0]).toMatchObject({ line: spaced.length, value: `${n} fields`, kind: 'csv.field-count' });
    }
  });
});
