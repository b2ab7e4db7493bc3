/**
 * A problem in a wide export names the column the file has (`RMDQ_3mdr`), not the outcome's
 * stem (`RMDQ`): its column number points at that header cell, and the name beside it must too.
 * Problems of one kind across several visit columns stay one group, listing its columns.
 * Fixture: test/fixtures/exports/excel-dk-visits/bad.csv (Danish Excel, wide, five bad cells).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/excel-dk-visits';

describe('problems in a wide export', () => {
  it('name the visit column the line:column points at', async () => {
    const r = await runCli('validate', `${DIR}/bad.csv`, '--plan', `${DIR}/plan.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('bad.csv:27:10 (RMDQ_3mdr): "12,5" — expected a whole number from 0 to 24');
    expect(r.stderr).toContain('bad.csv:35:7 (Smerte_3mdr): "Ved ikke"');
    expect(r.stderr).toContain('bad.csv:22:13 (Medicin_3mdr): "ja"');
    // Columns every visit shares keep their own name.
    expect(r.stderr).toContain('bad.csv:37:3 (Alder): "45 år"');
    const json = JSON.parse((await runCli('validate', `${DIR}/bad.csv`, '--plan', `${DIR}/plan.json`, '--json')).stdout);
    expect(json.problems.map((g: { field?: string }) => g.field)).toContain('RMDQ_3mdr');
  });

  it('of one kind at several visits are one group that lists the columns', async () => {
    const dir = tempDir();
    const csv = join(dir, 'to-besoeg.csv');
    writeFileSync(csv, '\ufeffLøbenr;Gruppe;RMDQ_baseline;RMDQ_3mdr;RMDQ_6mdr\r\n1;App;10;30;8\r\n2;Kontrol;12;9;31\r\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'App', control: 'Kontrol' }, columns: { id: 'Løbenr', arm: 'Gruppe' }, layout: 'wide', timepoints: ['3mdr', '6mdr'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', column: 'RMDQ' }] }));
    const r = await runCli('validate', csv, '--plan', plan, '--json');
    expect(r.code).toBe(2);
    const groups = JSON.parse(r.stdout).problems;
    expect(groups).toHaveLength(1);
    expect(groups[0]).toMatchObject({ count: 2, fields: ['RMDQ_3mdr', 'RMDQ_6mdr'], values: ['30', '31'] });
    expect(groups[0].field).toBeUndefined();
    const text = await runCli('validate', csv, '--plan', plan);
    expect(text.stderr).toContain('2 × ' + csv + ':lines 2–3 (RMDQ_3mdr, RMDQ_6mdr): "30", "31" — expected a whole number from 0 to 24');
  });

  it('name the export’s own column when "timeLabels" maps its suffix to another plan visit', async () => {
    // `_3mdr` read as the plan's `3m`: the column is still the file's `rmdq_3mdr`, the 4th.
    const dir = tempDir();
    const csv = join(dir, 'c2.csv');
    writeFileSync(csv, 'id;arm;rmdq_basis;rmdq_3mdr\r\n1;App;5;x\r\n2;Kontrol;5;6\r\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'App', control: 'Kontrol' }, timeLabels: { basis: 'baseline', '3mdr': '3m' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${csv}:2:4 (rmdq_3mdr): "x"`);
    const json = JSON.parse((await runCli('validate', csv, '--plan', plan, '--json')).stdout);
    expect(json.problems[0]).toMatchObject({ column: 4, field: 'rmdq_3mdr' });
  });

  it('count a coded cell every visit shares once, not once per visit', async () => {
    // SPSS wide export: `#NULL!` in the age column of one patient (two visits on the line).
    const dir = tempDir();
    const csv = join(dir, 'spss.csv');
    writeFileSync(csv, 'id;arm;alder;rmdq_baseline;rmdq_3m\r\n1;App;#NULL!;5;4\r\n2;Kontrol;40;5;6\r\n3;App;50;7;3\r\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'App', control: 'Kontrol' }, timepoints: ['3m'], covariates: ['alder'], missingCodes: ['#NULL!'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('alder: "#NULL!" → missing × 1');
    // Three lines, six patient-visits: said so, not "rows: 6" (a tester expected 3).
    expect(r.stdout).toContain('patient-visits: 6 (a row per patient and visit with a value');
  });
});

