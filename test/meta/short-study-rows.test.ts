/**
 * A study row cut short (its last cells missing) is refused as a row with too few fields wherever
 * it is, though its name has two runs of letters ("De Vries 2020", "van der Berg 2021", "Smith et
 * al. 2021") as a footnote's label has: the footnote rule (io/footnote-lines.ts) took such a last
 * row for a footnote and `hta meta` pooled the other studies without a word. A true footnote
 * under the rows is still left out, now with a note on stderr and on the page
 * (docs/input-studies.md "A row cut short, and footnotes").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseStudies, readStudiesCsv } from '../../src/meta/read-studies.js';
import { studyReadNotes } from '../../src/meta/study-read-notes.js';
import { errorOf } from '../support/error-of.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const HEADER = 'study,citation,outcome,time,measure,difference,ci_lower,ci_upper';
const ROWS = ['Alpha 2015,"Alpha 2015",pain,6m,MD,-0.9,-1.8,0.0', 'Beta 2017,"Beta 2017",pain,6m,MD,-0.7,-1.5,0.1'];

function sheet(lines: readonly string[]): string {
  const file = join(tempDir(), 'studies.csv');
  writeFileSync(file, `${lines.join('\n')}\n`);
  return file;
}

describe('a study row cut short', () => {
  it.each([
    ['De Vries 2020,"De Vries 2020",pain,6m,MD,-2.5,-3.5', '7 fields'],
    ['Smith et al. 2021,"Smith et al. 2021",pain,6m,MD,-2.5', '6 fields'],
  ])('last row %s is refused with too few fields, never dropped as a footnote', (row, value) => {
    const file = sheet([HEADER, ...ROWS, row]);
    const e = errorOf(() => parseStudies(readStudiesCsv(file)));
    expect(e.problems.map((p) => [p.line, p.value, p.kind])).toEqual([[4, value, 'csv.field-count']]);
  });

  it('a last row without its optional group sizes (van der Berg 2021) is refused, not pooled without it', () => {
    const header = `${HEADER},n_intervention,n_control`;
    const file = sheet([header, 'Alpha 2015,"Alpha 2015",pain,6m,MD,-0.9,-1.8,0.0,60,58', 'van der Berg 2021,"van der Berg et al. 2021",pain,6m,MD,-0.75,-1.25,-0.25']);
    expect(errorOf(() => parseStudies(readStudiesCsv(file))).problems.map((p) => [p.line, p.value])).toEqual([[3, '8 fields']]);
  });

  it('the same row among the rows is a row with too few fields, not "text, like a footnote"', () => {
    const file = sheet([HEADER, ROWS[0]!, 'De Vries 2020,"De Vries 2020",pain,6m,MD,-2.5,-3.5', ROWS[1]!]);
    const [p] = errorOf(() => parseStudies(readStudiesCsv(file))).problems;
    expect([p!.line, p!.kind]).toEqual([3, 'csv.field-count']);
    expect(p!.expected).not.toMatch(/footnote/);
  });

  it('a Danish sheet with its CI in one column: a short last row with the CI is refused', () => {
    const file = sheet(['Studie;Effektmål;Tid;Mål;Forskel;95% KI;n_intervention;n_kontrol', 'Hansen 2019;smerte;6m;MD;-0,9;-1,8 til 0,0;60;58', 'De Vries 2020;smerte;6m;MD;-2,5;-3,5 til -1,5']);
    expect(errorOf(() => parseStudies(readStudiesCsv(file))).problems.map((p) => p.line)).toEqual([3]);
  });

  it('hta meta refuses the sheet (exit 2) and writes nothing to stdout', async () => {
    const file = sheet([HEADER, ...ROWS, 'De Vries 2020,"De Vries 2020",pain,6m,MD,-2.5,-3.5']);
    const run = await runCli('meta', file, '--direction', 'lower-is-better');
    expect([run.code, run.stdout]).toEqual([2, '']);
    expect(run.stderr).toMatch(/studies\.csv:4: "7 fields" — expected 8 fields as in the header/);
  });
});

describe('a footnote under the rows', () => {
  const lines = [HEADER, ...ROWS, '', 'Kilde: Cochrane review 2024, tabel 3', 'Antal studier i alt:,2'];

  it('is left out, and said: in the notes and in the page\'s facts', () => {
    const file = sheet(lines);
    const table = parseStudies(readStudiesCsv(file));
    expect(table.records.map((r) => r.study)).toEqual(['Alpha 2015', 'Beta 2017']);
    expect(table.notes).toContain(`${file}: lines 5, 6 after the last row are footnotes (a line of text, such as "Kilde: …"): left out, no row`);
    expect(studyReadNotes(table.read, 'en')).toContain('Lines 5, 6 after the last row are footnotes (a line of text, such as "Kilde: …") and were left out: no study.');
    expect(studyReadNotes(table.read, 'da')).toContain('Linjerne 5, 6 efter den sidste række er fodnoter (en tekstlinje, fx "Kilde: …") og er udeladt: intet studie.');
  });

  it('hta meta says it on stderr, in Danish on a --lang da run', async () => {
    const file = sheet(lines.slice(0, 5));
    const en = await runCli('meta', file, '--direction', 'lower-is-better');
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('studies.csv: line 5 after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row');
    const da = await runCli('meta', file, '--direction', 'lower-is-better', '--lang', 'da');
    expect(da.stderr).toContain('studies.csv: linje 5 efter den sidste række er en fodnote (en tekstlinje, fx "Kilde: …"): udeladt, ingen række');
  });
});
