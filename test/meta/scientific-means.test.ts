/**
 * Means and SDs of a studies sheet in Excel's "Scientific" format (`4.91E+05` for a cost of
 * 491 277 kr.: "Save as CSV" writes three significant digits) are read as the numbers written,
 * and the reader says so — on stderr and on the report page, by the sheet's column name — as the
 * trial reader does (src/io/scientific-number.ts; docs/input-studies.md).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parseStudies } from '../../src/meta/read-studies.js';
import { studyReadNotes } from '../../src/meta/study-read-notes.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** Danish Excel: `;`, decimal comma; costs in Scientific format, SDs plain. */
const DANISH = [
  'study;outcome;time;n_intervention;mean_intervention;sd_intervention;n_control;mean_control;sd_control',
  'Sandal 2021;cost;3m;232;4,91E+05;120500,5;229;5,12E+05;131000,0',
  'Hansen 2019;cost;3m;80;3,77E+05;98000,0;81;3,80E+05;99500,5',
].join('\r\n') + '\r\n';

describe('a studies sheet with Scientific-format means', () => {
  it('reads them as written, with a note per column naming an example cell and its line', async () => {
    const t = parseStudies(parseCsvText(DANISH, 'studies.csv'));
    const arms = t.records[0]!.input.kind === 'arms' ? t.records[0]!.input.arms : undefined;
    expect(arms?.meanIntervention).toBe(491000);
    expect(t.notes).toEqual([
      'studies.csv: column "mean_intervention": 2 cells in Excel\'s "Scientific" format (e.g. "4,91E+05", line 2) were read as the number written (491000), with only the digits Excel displayed: a value with more digits than that was rounded — in Excel, format the column as Number with fixed decimals (Format Cells → Number, "Decimal places": as many as the values have) and export again for the exact values (docs/input-trial-export.md#scientific-notation)',
      'studies.csv: column "mean_control": 2 cells in Excel\'s "Scientific" format (e.g. "5,12E+05", line 2) were read as the number written (512000), with only the digits Excel displayed: a value with more digits than that was rounded — in Excel, format the column as Number with fixed decimals (Format Cells → Number, "Decimal places": as many as the values have) and export again for the exact values (docs/input-trial-export.md#scientific-notation)',
    ]);
    expect(studyReadNotes(t.read, 'da')[0]).toBe('Kolonne "mean_intervention": 2 celler i Excels talformat "Videnskabelig" (fx "4,91E+05", linje 2) er læst som de skrevne tal, med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet.');
    expect(studyReadNotes(t.read, 'en')[1]).toContain('Column "mean_control": 2 cells in Excel\'s "Scientific" number format (e.g. "5,12E+05", line 2) were read');
    const dir = tempDir();
    writeFileSync(join(dir, 'studies.csv'), DANISH);
    const r = await runCli('meta', join(dir, 'studies.csv'), '--json');
    expect(r.stderr).toContain('column "mean_intervention": 2 cells in Excel\'s "Scientific" format (e.g. "4,91E+05", line 2)');
  });

  it('says nothing of a sheet written in full', () => {
    const t = parseStudies(parseCsvText(DANISH.replace(/(\d),(\d\d)E\+05/g, '$1$2' + '000'), 'studies.csv'));
    expect(t.notes).toEqual([]);
    expect(studyReadNotes(t.read, 'en')).toEqual([]);
  });
});

describe('the note on Scientific-format means under --lang da', () => {
  it('is Danish, with what to do in Excel', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'studies.csv'), DANISH);
    const r = await runCli('meta', join(dir, 'studies.csv'), '--lang', 'da');
    expect(r.stderr).toContain(`bemærk: ${join(dir, 'studies.csv')}: kolonne "mean_intervention": 2 celler i Excels talformat "Videnskabelig" (fx "4,91E+05", linje 2) er læst som det skrevne tal (491.000), med kun de cifre, Excel viste: en værdi med flere cifre end dem er afrundet — formatér kolonnen som Tal med et fast antal decimaler i Excel`);
  });
});
