/**
 * Files whose header is not their first line, header rows of labels under it, compressed and
 * binary files, an export of only a header: every command refuses them with exit 2, the lines
 * to delete (or what the file is), and nothing written (test/fixtures/exports/header-rows/;
 * docs/input-trial-export.md "The header is the first line", docs/input-registry.md).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const F = 'test/fixtures/exports/header-rows';
const R = 'test/fixtures/exports/registry-dk-regional';
const TITLE = `${F}/trial-title.csv: line 1 is a title, not the header: the header seems to be on line 2 (Løbenr;Gruppe;Alder;…) — delete line 1 and save again`;
const LABELS = `${F}/trial-labels.csv: line 2 looks like a second header row`;
const QUALTRICS = `${F}/qualtrics.csv: lines 2–3 look like more header rows (question texts and Qualtrics import ids {"ImportId":…}), not data — delete lines 2–3`;
const REGISTRY = `${F}/registry-title.csv: line 1 is a title, not the header: the header seems to be on line 3 (PatientID;Region;Klinik;…) — delete lines 1–2 and save again`;

describe('a title line above the header', () => {
  it('validate refuses it with the header line and the lines to delete, exit 2', async () => {
    const r = await runCli('validate', `${F}/trial-title.csv`, '--plan', `${F}/trial.plan.json`);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${TITLE}`);
    expect(r.stderr).not.toContain('has no name in the header line');
  });
  it('the file with line 1 deleted is valid (the advice works)', async () => {
    const fixed = join(tempDir(), 'fixed.csv');
    writeFileSync(fixed, readFileSync(`${F}/trial-title.csv`, 'utf8').split('\r\n').slice(1).join('\r\n'));
    const r = await runCli('validate', fixed, '--plan', `${F}/trial.plan.json`);
    expect(r.code, r.stderr).toBe(0);
  });
  it('plan init exits 2 with the same message, prints no guess and writes nothing', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', `${F}/trial-title.csv`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`error: ${TITLE}`);
    expect(r.stderr).not.toContain('guessed:');
    expect(r.stdout).toBe('');
    expect(existsSync(out)).toBe(false);
  });
  it('a registry (Epic report title and an empty row): uptake and plan init --uptake exit 2 naming line 3', async () => {
    const u = await runCli('uptake', `${F}/registry-title.csv`, '--eligible', `${R}/eligible.csv`, '--plan', `${R}/uptake.plan.json`);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain(`error: ${REGISTRY}`);
    expect(u.stderr).not.toContain('lacks registry columns');
    const p = await runCli('plan', 'init', '--uptake', `${F}/registry-title.csv`);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`error: ${REGISTRY}`);
    expect(p.stdout).toBe('');
  });
  it('a registry saved as Windows-1252 is judged the same', async () => {
    const file = join(tempDir(), 'registry-1252.csv');
    writeFileSync(file, Buffer.from(readFileSync(`${F}/registry-title.csv`, 'utf8').replace(/^\uFEFF/, '').replace(/[^\x00-\xff]/g, '?'), 'latin1'));
    const u = await runCli('uptake', file, '--eligible', `${R}/eligible.csv`, '--plan', `${R}/uptake.plan.json`);
    expect(u.code).toBe(2);
    expect(u.stderr).toContain('line 1 is a title, not the header: the header seems to be on line 3 (PatientID;Region;Klinik;…)');
  });
});

describe('header rows of labels under the header', () => {
  it('a second header row: validate and plan init exit 2; no label becomes an arm or a missing code', async () => {
    const v = await runCli('validate', `${F}/trial-labels.csv`, '--plan', `${F}/trial.plan.json`);
    expect(v.code).toBe(2);
    expect(v.stderr).toContain(`error: ${LABELS}`);
    const p = await runCli('plan', 'init', `${F}/trial-labels.csv`);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`error: ${LABELS}`);
    expect(p.stdout).toBe('');
    expect(p.stderr).not.toContain('Randomiseret gruppe');
  });
  it('Qualtrics (question texts and import ids): plan init exits 2 and drafts no "Group" arm', async () => {
    const p = await runCli('plan', 'init', `${F}/qualtrics.csv`);
    expect(p.code).toBe(2);
    expect(p.stderr).toContain(`error: ${QUALTRICS}`);
    expect(p.stdout).toBe('');
    expect(p.stderr).not.toContain('"Group"');
  });
});

describe('a real first row is data, not labels', () => {
  // The pain diary with its first patient's baseline scores written as missing-value codes:
  // refused as "a second header row — delete it", the advice would drop a patient.
  const PD = 'test/fixtures/exports/pain-diary';
  const files = () => {
    const dir = tempDir();
    const csv = readFileSync(`${PD}/export.csv`, 'utf8').split('\n');
    csv[1] = 'P1;app;baseline;Ved ikke;Ikke udfyldt';
    writeFileSync(join(dir, 'export.csv'), csv.join('\n'));
    const plan = JSON.parse(readFileSync(`${PD}/plan.json`, 'utf8')) as Record<string, unknown>;
    delete plan.$schema;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, missingCodes: ['Ved ikke', 'Ikke udfyldt'] }));
    return { csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
  };
  it('validate reads it with the plan', async () => {
    const f = files();
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('patients: 35 intervention, 35 control');
    expect(r.stdout).toContain('smerte_gns: "Ved ikke" → missing × 1');
  });
  it('plan init reads it and drafts its texts as missing-value codes', async () => {
    const r = await runCli('plan', 'init', files().csv);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).missingCodes).toEqual(['Ikke udfyldt', 'Ved ikke']);
  });
});

describe("Excel's separator hint (sep=;) on line 1", () => {
  // What Excel writes and reads: the line is skipped, its separator taken, the lines the file's own.
  const withHint = (fixture: string, name: string, edit: (lines: string[]) => void = () => {}) => {
    const lines = readFileSync(fixture, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
    edit(lines);
    const file = join(tempDir(), name);
    writeFileSync(file, `\uFEFFsep=;\r\n${lines.join('\r\n')}`);
    return file;
  };
  it('a trial export: validate and plan init read it; a bad cell is named on its own line', async () => {
    const file = withHint(`${F}/trial-title.csv`, 'trial.csv', (l) => l.shift());
    const v = await runCli('validate', file, '--plan', `${F}/trial.plan.json`);
    expect(v.code, v.stderr).toBe(0);
    expect(v.stdout).toContain('patients: 5 intervention, 5 control');
    const p = await runCli('plan', 'init', file);
    expect(p.code, p.stderr).toBe(0);
    expect(JSON.parse(p.stdout).columns.id).toBe('Løbenr');
    // Line 4 of the file: the hint, the header, the first patient, then this one.
    const bad = withHint(`${F}/trial-title.csv`, 'bad.csv', (l) => {
      l.shift();
      l[2] = l[2]!.replace(';59;', ';abc;');
    });
    const b = await runCli('validate', bad, '--plan', `${F}/trial.plan.json`);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${bad}:4:3 (Alder): "abc"`);
  });
  it('a registry: uptake reads the same counts as without it; plan init --uptake drafts from it; a bad row is named on its own line', async () => {
    const file = withHint(`${R}/registry.csv`, 'registry.csv');
    // Threshold 1: every count compared (and no seconds of suppression solving per run).
    const plan = join(tempDir(), 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(`${R}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    const args = ['--eligible', `${R}/eligible.csv`, '--plan', plan, '--json'];
    const [hinted, plain] = [await runCli('uptake', file, ...args), await runCli('uptake', `${R}/registry.csv`, ...args)];
    expect(hinted.code, hinted.stderr).toBe(0);
    expect(hinted.stdout).toContain('"referrals"');
    expect(hinted.stdout.replaceAll(file, 'X')).toBe(plain.stdout.replaceAll(`${R}/registry.csv`, 'X'));
    const p = await runCli('plan', 'init', '--uptake', file);
    expect(p.code, p.stderr).toBe(0);
    expect(p.stderr).not.toContain('no column recognised');
    const bad = withHint(`${R}/registry.csv`, 'bad.csv', (l) => {
      l[4] = l[4]!.replace(/;(\d+);([KM]);/, ';abc;$2;');
    });
    const b = await runCli('uptake', bad, '--eligible', `${R}/eligible.csv`, '--plan', `${R}/uptake.plan.json`);
    expect(b.code).toBe(2);
    expect(b.stderr).toContain(`${bad}:6:7 (Alder): "abc"`);
  });
});

describe('files that are no CSV, and an export of only a header', () => {
  it('a gzip file named .csv.gz is named as such by every reader, never read as text', async () => {
    const file = join(tempDir(), 'data.csv.gz');
    writeFileSync(file, gzipSync(readFileSync(`${R}/registry.csv`)));
    const runs = [
      await runCli('validate', file, '--plan', `${F}/trial.plan.json`),
      await runCli('plan', 'init', file),
      await runCli('plan', 'init', '--uptake', file),
      await runCli('uptake', file, '--eligible', `${R}/eligible.csv`, '--plan', `${R}/uptake.plan.json`),
    ];
    for (const r of runs) {
      expect(r.code).toBe(2);
      expect(r.stderr).toContain(`${file} is a gzip-compressed file, not a CSV file`);
      expect(r.stderr).toContain('unpack it first');
      expect(r.stderr).not.toContain('\u0000');
      expect(r.stderr).not.toContain('Windows-1252');
    }
  });
  it('a PDF, or any file with NUL bytes, is no text', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.pdf'), '%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n');
    writeFileSync(join(dir, 'b.csv'), Buffer.from([0x41, 0x42, 0x00, 0x01, 0x02, 0x43, 0x0a]));
    const pdf = await runCli('plan', 'init', join(dir, 'a.pdf'));
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toContain('is a PDF document, not a CSV file');
    const bin = await runCli('plan', 'init', join(dir, 'b.csv'));
    expect(bin.code).toBe(2);
    expect(bin.stderr).toContain('is a binary file (its first bytes hold NUL bytes, which no text has), not a CSV file');
    expect(bin.stderr).not.toContain('\u0000');
  });
  it('plan init on a header-only export prints only the error', async () => {
    const file = join(tempDir(), 'header-only.csv');
    writeFileSync(file, 'id;arm;time;rmdq\r\n');
    const r = await runCli('plan', 'init', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe(`error: ${file} has a header but no data rows\n  ${file}:2: — expected one row per patient (and visit) after the header line; the file has only the header\n`);
    expect(r.stdout).toBe('');
  });
});
