/**
 * Danish Excel pads every line of a sheet to its used width, so a footnote typed under the rows
 * is saved as `Kilde: Sundhedsplatformen, udtrukket 01-12-2026;;;;;;;;;`: as many fields as the
 * header, all but the first empty. The trial reader took it for a patient with no arm and no
 * visit (and suggested "flow.notRandomised"), `hta meta` for a study with no outcome; the registry
 * reader already left it out. Now it is a footnote in every reader: left out with a note after the
 * last row, refused by that name among the rows — and a real last row (an id, an arm, a visit) is
 * never one (docs/input-trial-export.md "Footnote lines").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { onlyFirstField } from '../../src/io/footnote-lines.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const PAD = ';;;;;;;';
const FOOT = 'Kilde: Sundhedsplatformen, udtrukket 01-12-2026' + PAD;

/** A Danish Excel trial export, each line ending in `;` (8 fields for 7 names), with `tail` lines after the rows and `among` lines after line 11. */
function trial(tail: string[], among: string[] = []) {
  const dir = tempDir();
  const rows: string[] = [];
  for (let i = 1; i <= 12; i++) {
    const arm = i % 2 ? 'App' : 'Sædvanlig behandling';
    rows.push(`SB${String(i).padStart(4, '0')};${arm};Baseline;${30 + i};${8 + (i % 5)};;;`, `SB${String(i).padStart(4, '0')};${arm};3 mdr;${30 + i};${4 + ((i * 3) % 7)};;;`);
  }
  const lines = ['Løbenr;Gruppe;Besøg;Alder;RMDQ;Note;Dato;', ...rows.slice(0, 10), ...among, ...rows.slice(10), ...tail];
  writeFileSync(join(dir, 'udtræk.csv'), lines.join('\r\n') + '\r\n');
  const plan = { arms: { intervention: 'App', control: 'Sædvanlig behandling' }, columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' }, timeLabels: { 'Baseline': 'baseline', '3 mdr': '3m' }, timepoints: ['3m'], covariates: ['Alder'], outcomes: [{ key: 'rmdq', column: 'RMDQ', instrument: 'rmdq' }], methods: ['ancova'] };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { csv: join(dir, 'udtræk.csv'), plan: join(dir, 'plan.json') };
}

describe('a footnote padded with the separator', () => {
  it('after the last row (and a padded empty line) is left out with a note: validate reads the 24 rows', async () => {
    const f = trial([PAD + ';', FOOT]);
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.stderr).toContain('udtræk.csv: line 27 after the last row is a footnote (a line of text, such as "Kilde: …"): left out, no row');
    expect(r.stderr).not.toContain('notRandomised');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('rows: 24');
  });

  it('among the rows it is a row, as it was (a RevMan table writes its subgroups\' "Heterogeneity: …" so): refused for its empty arm', async () => {
    const r = await runCli('validate', trial([], [FOOT]).csv, '--plan', trial([]).plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('udtræk.csv:12:2 (Gruppe)');
    expect(r.stderr).not.toContain('after the last row');
  });

  it('a real last row is never one: an id, arm and visit with the rest empty, or an id or a name alone, is a row', async () => {
    const lastRow = await runCli('validate', trial(['SB0013;App;Baseline;;;;;']).csv, '--plan', trial([]).plan);
    expect(lastRow.stdout + lastRow.stderr).not.toContain('footnote');
    expect(lastRow.stdout).toContain('rows: 25');
    const idAlone = await runCli('validate', trial(['SB0013' + PAD]).csv, '--plan', trial([]).plan);
    expect(idAlone.code).toBe(2);
    expect(idAlone.stderr).toContain('udtræk.csv:26:2 (Gruppe)');
    expect(idAlone.stderr).not.toContain('footnote');
    const nameAlone = await runCli('validate', trial(['Jens Hansen' + PAD]).csv, '--plan', trial([]).plan);
    expect(nameAlone.code).toBe(2);
    expect(nameAlone.stderr).toContain('udtræk.csv:26:2 (Gruppe)');
  });

  it('hta meta: under the last study it is left out with a note, no study without an outcome', async () => {
    const dir = tempDir();
    const file = join(dir, 'studier.csv');
    writeFileSync(file, ['Studie;Effektmål;Tid;Antal_interv;Gns_interv;SD_interv;Antal_kontrol;Gns_kontrol;SD_kontrol;', 'Ålborg-studiet 2019;rmdq;3 mdr;120;7,2;4,1;118;8,0;4,3;', 'Østergaard 2020;rmdq;3 mdr;90;6,8;4,5;92;7,9;4,4;', 'Hansen 2023;rmdq;3 mdr;80;6,1;4,4;82;7,5;4,6;', ';;;;;;;;;', 'Kilde: egen søgning i PubMed 01-12-2026;;;;;;;;;'].join('\r\n') + '\r\n');
    const r = await runCli('meta', file);
    expect(r.stderr).toContain('studier.csv: line 6 after the last row is a footnote');
    expect(r.code).toBe(0);
  });

  it('only the first field holds anything: a row stops the test at its second field', () => {
    expect(onlyFirstField('Kilde: x;;; ;\t;', undefined, ';')).toBe(true);
    expect(onlyFirstField('Kilde: x;;;1;', undefined, ';')).toBe(false);
    expect(onlyFirstField(undefined, ['"Kilde: a; b"', '', ' '], ';')).toBe(true);
    expect(onlyFirstField(undefined, ['Kilde', 'App', ''], ';')).toBe(false);
  });
});
