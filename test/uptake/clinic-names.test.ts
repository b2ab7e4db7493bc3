/**
 * Clinic names as registries write them (docs/input-registry.md, "clinic"): practice names with
 * spaces and punctuation, up to 100 characters, surrounding and repeated spaces ignored, case
 * variants one clinic of their region; an empty clinic refused with how to fill it. The SQL engine
 * and the row reader agree on every case, and a name that starts like a formula is neutralised in
 * the CSV files written.
 */
import { createReadStream, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, describe, expect, it } from 'vitest';
import { aggregateStatements } from '../../src/uptake/engine/aggregate-sql.js';
import { HtaError, type Problem } from '../../src/errors.js';
import { readRegistryFile, readRegistryStream } from '../../src/uptake/read-registry.js';
import { runCli, tempDir } from '../support/run-cli.js';

const H = 'id,region,clinic,referred,activated,last_active,age,sex,referrer';
const row = (id: string, region: string, clinic: string, activated = true) =>
  `${id},${region},"${clinic}",2024-01-05,${activated ? '2024-01-08' : ''},${activated ? '2024-03-10' : ''},25,f,gp`;
const LONG = `Lægerne ${'Jensen og '.repeat(9)}Co`; // 100 characters
const TOO_LONG = `${LONG}.`; // 101

describe('clinic names', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hta-clinic-names-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('practice names with spaces and punctuation are read; spaces trimmed and collapsed; case variants are one clinic per region', async () => {
    expect([...LONG].length).toBe(100);
    const file = join(dir, 'names.csv');
    writeFileSync(file, [H,
      row('a1', 'Hovedstaden', 'Odense C'),
      row('a2', 'Hovedstaden', '  Odense   C '),
      row('a3', 'Hovedstaden', 'ODENSE C', false),
      row('a4', 'Hovedstaden', 'Odense\u00a0C'),
      row('b1', 'Hovedstaden', "Lægerne Jensen & Co. (Nord)/Fys'"),
      row('c1', 'Midtjylland', 'odense c'),
      row('d1', 'Midtjylland', LONG),
      row('e1', 'Midtjylland', 'Frederiksberg Praksis, 2. sal'),
    ].join('\n') + '\n');
    const read = await readRegistryFile(file, { threads: 1 });
    expect(read.aggregate.clinics.map((c) => [c.region, c.clinic, c.referrals, c.activations])).toEqual([
      ['Midtjylland', 'Frederiksberg Praksis, 2. sal', 1, 1],
      ['Hovedstaden', "Lægerne Jensen & Co. (Nord)/Fys'", 1, 1],
      ['Midtjylland', LONG, 1, 1],
      // The spelling with the most referrals names the clinic; the same name in another region is another clinic.
      ['Hovedstaden', 'Odense C', 4, 3],
      ['Midtjylland', 'odense c', 1, 1],
    ]);
    // The engine says which spellings it merged (for the note on stderr); the row reader's reference
    // path counts alike.
    const { clinicSpellings, ...rest } = read;
    expect(clinicSpellings).toEqual([{ region: 'Hovedstaden', clinic: 'Odense C', spellings: ['ODENSE C', 'Odense C'], lines: [4, 2] }]);
    expect(rest).toEqual(await readRegistryStream(createReadStream(file), file, ',', {}));
    const cli = await runCli('uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json');
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toContain('names.csv: clinic names that differ only in case are counted as one clinic of their region, shown in their most used spelling: "Odense C" (Hovedstaden: "ODENSE C" (line 4), "Odense C" (line 2)).');
  });

  it('an empty, too long or formula-like clinic is refused by both readers alike, the empty one with how to fill it', async () => {
    const file = join(dir, 'bad.csv');
    writeFileSync(file, [H, row('a1', 'Hovedstaden', 'Odense C'), row('a2', 'Hovedstaden', ''), row('a3', 'Hovedstaden', '  '), row('a4', 'Hovedstaden', TOO_LONG), row('a5', 'Hovedstaden', '=HYPERLINK(1)'), row('a6', 'Hovedstaden', 'Klinik @ Nord')].join('\n') + '\n');
    const err = await readRegistryFile(file, { threads: 1 }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    const problems = (err as HtaError).problems;
    expect(problems.map((p) => [p.line, p.field])).toEqual([[3, 'clinic'], [4, 'clinic'], [5, 'clinic'], [6, 'clinic'], [7, 'clinic']]);
    expect(problems[0]!.expected).toMatch(/fill empty cells with a name such as "ukendt"/);
    expect(problems[2]!.expected).toMatch(/at most 100 characters/);
    expect(problems[3]!.expected).toMatch(/letters, digits, spaces and/);
    const seenNew: Problem[] = [], seenOld: Problem[] = [];
    const reference = await readRegistryStream(createReadStream(file), file, ',', { invalidRows: 'exclude', onExcluded: (p) => seenOld.push(p) });
    expect(await readRegistryFile(file, { invalidRows: 'exclude', threads: 1, onExcluded: (p) => seenNew.push(p) })).toEqual(reference);
    expect(seenNew).toEqual(seenOld);
    expect(reference.aggregate.clinics.map((c) => c.clinic)).toEqual(['Odense C']);
  });

  it('uptake --csv-dir: a practice name starting with + or - is neutralised, its spaces kept', async () => {
    const out = tempDir();
    const registry = readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').replace(/H001/g, '+Klinik Nord').replace(/H002/g, '"-Lægehuset, Vest"');
    writeFileSync(join(out, 'r.csv'), registry);
    const r = await runCli('uptake', join(out, 'r.csv'), '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(out, 'csv'));
    expect(r.code, r.stderr).toBe(0);
    const written = readdirSync(join(out, 'csv')).map((f) => readFileSync(join(out, 'csv', f), 'utf8')).join('\n');
    expect(written).toContain("'+Klinik Nord");
    expect(written).toContain(`"'-Lægehuset, Vest"`);
    expect(written).not.toMatch(/(^|,)"?[+-]Klinik|(^|,)"?-Lægehuset/m);
  });

  it('aggregate tables computed elsewhere (--aggregates) merge case variants as the registry read does, with the note', async () => {
    const out = tempDir();
    const registry = join(out, 'r.csv');
    writeFileSync(registry, readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').replace(/H001/g, 'Odense C').replace(/H002/g, 'ODENSE C'));
    const plan = join(out, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')), $schema: undefined, suppression: { threshold: 1, acknowledgeLowThreshold: true } }));
    const args = ['--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', plan, '--json'];
    const single = await runCli('uptake', registry, ...args);
    expect(single.code, single.stderr).toBe(0);
    const exportDate = (JSON.parse(single.stdout) as { exportDate: string }).exportDate;
    const db = await (await DuckDBInstance.create(':memory:', { threads: '1', autoinstall_known_extensions: 'false', autoload_known_extensions: 'false' })).connect();
    await db.run(`CREATE VIEW uptake_referrals AS SELECT CASE WHEN lower(region) LIKE '%hovedstaden' THEN 'Hovedstaden' ELSE region END AS region, clinic,
      CAST(referred AS DATE) AS referred, CAST(activated AS DATE) AS activated, CAST(last_active AS DATE) AS last_active, CAST(age AS INTEGER) AS age,
      CASE sex WHEN 'f' THEN 'female' WHEN 'm' THEN 'male' ELSE 'unknown' END AS sex, referrer FROM read_csv('${registry}', all_varchar = true)`);
    await db.run(`CREATE TABLE uptake_export AS SELECT DATE '${exportDate}' AS export_date`);
    const tables = join(out, 'tables');
    mkdirSync(tables);
    for (const [name, sql] of aggregateStatements()) await db.run(`COPY (${sql}) TO '${join(tables, `${name}.csv`)}' (HEADER)`);
    db.closeSync();
    expect(readFileSync(join(tables, 'uptake_clinics.csv'), 'utf8')).toContain('ODENSE C');
    const combined = await runCli('uptake', '--aggregates', tables, ...args);
    expect(combined.code, combined.stderr).toBe(0);
    expect(combined.stdout).toBe(single.stdout);
    expect(single.stderr).toContain('r.csv: clinic names that differ only in case are counted as one clinic');
    expect(combined.stderr).toContain('the aggregate tables: clinic names that differ only in case are counted as one clinic of their region, shown in their most used spelling: "ODENSE C" (Hovedstaden: "ODENSE C", "Odense C").'); // a tie: code-point order
  });
  it('all-digit codes that differ only in leading zeros, and names that differ only in æ/ø/å written ae/oe/aa, are one clinic, named with lines', async () => {
    // An Excel-touched export: the rows added later lost the practice number's zeros; a desk typed ae for æ.
    const file = join(dir, 'spellings.csv');
    writeFileSync(file, [H,
      row('a1', 'Hovedstaden', '039909'),
      row('a2', 'Hovedstaden', '039909'),
      row('a3', 'Hovedstaden', '39909'),
      row('a4', 'Hovedstaden', '39909'),
      row('a5', 'Hovedstaden', '39909', false),
      row('b1', 'Hovedstaden', 'Lægehuset ved Åen Køge'),
      row('b2', 'Hovedstaden', 'Laegehuset ved Aaen Koege'),
      row('b3', 'Hovedstaden', 'LAEGEHUSET VED AAEN KOEGE', false),
      row('b4', 'Hovedstaden', 'Lægehuset ved Åen Køge'),
      row('c1', 'Midtjylland', '39909'), // another region's code: another clinic
      row('d1', 'Midtjylland', 'H039909'), // not all digits: zeros are part of the name
      row('d2', 'Midtjylland', 'H39909'),
      row('e1', 'Midtjylland', '0'),
      row('e2', 'Midtjylland', '000'),
    ].join('\n') + '\n');
    const read = await readRegistryFile(file, { threads: 1 });
    expect(read.aggregate.clinics.map((c) => [c.region, c.clinic, c.referrals, c.activations])).toEqual([
      ['Midtjylland', '000', 2, 2],
      ['Hovedstaden', '039909', 5, 4], // shown with its zeros, though "39909" has more referrals
      ['Midtjylland', '39909', 1, 1],
      ['Midtjylland', 'H039909', 1, 1],
      ['Midtjylland', 'H39909', 1, 1],
      ['Hovedstaden', 'Lægehuset ved Åen Køge', 4, 3], // the most used spelling
    ]);
    const { clinicSpellings, ...rest } = read;
    expect(clinicSpellings).toEqual([
      { region: 'Hovedstaden', clinic: '039909', spellings: ['039909', '39909'], lines: [2, 4] },
      { region: 'Hovedstaden', clinic: 'Lægehuset ved Åen Køge', spellings: ['LAEGEHUSET VED AAEN KOEGE', 'Laegehuset ved Aaen Koege', 'Lægehuset ved Åen Køge'], lines: [9, 8, 7] },
      { region: 'Midtjylland', clinic: '000', spellings: ['0', '000'], lines: [14, 15] },
    ]);
    expect(rest).toEqual(await readRegistryStream(createReadStream(file), file, ',', {}));
    // Parquet: the same clinics, the lines as row numbers.
    const parquet = join(dir, 'spellings.parquet');
    const db = await (await DuckDBInstance.create(':memory:')).connect();
    await db.run(`COPY (SELECT * FROM read_csv('${file}', all_varchar = true)) TO '${parquet}' (FORMAT parquet)`);
    db.closeSync();
    const fromParquet = await readRegistryFile(parquet, { threads: 1 });
    expect(fromParquet.clinicSpellings?.map((m) => m.lines)).toEqual([[1, 3], [8, 7, 6], [13, 14]]);
    expect(fromParquet.aggregate.clinics).toEqual(read.aggregate.clinics);
    const cli = await runCli('uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--json');
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toContain('spellings.csv: clinic names that differ only in leading zeros (a spreadsheet such as Excel drops them from a column it reads as numbers: format the column as text, or export it again) are counted as one clinic of their region, shown with their leading zeros: "039909" (Hovedstaden: "039909" (line 2), "39909" (line 4)); "000" (Midtjylland: "0" (line 14), "000" (line 15)).');
    expect(cli.stderr).toContain('spellings.csv: clinic names that differ only in case or in æ, ø, å written ae, oe, aa are counted as one clinic of their region, shown in their most used spelling: "Lægehuset ved Åen Køge" (Hovedstaden: "LAEGEHUSET VED AAEN KOEGE" (line 9), "Laegehuset ved Aaen Koege" (line 8), "Lægehuset ved Åen Køge" (line 7)).');
    expect(JSON.parse(cli.stdout).clinicCaseMerged).toEqual({ names: 7, clinics: 3 });
  });

  it('a plan that does not publish the clinic funnel prints no note on clinic spellings (en, da, JSON); stderr keeps it', async () => {
    const file = join(dir, 'noclin.csv');
    writeFileSync(file, [H, row('a1', 'Hovedstaden', '039909'), row('a2', 'Hovedstaden', '39909'), row('b1', 'Midtjylland', 'Lægehuset ved Åen'), row('b2', 'Midtjylland', 'Laegehuset ved Aaen', false)].join('\n') + '\n');
    const plan = join(dir, 'noclin.plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')), publish: { clinics: false } }));
    const args = [file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', plan, '--first-publication'];
    const withFunnel = await runCli('uptake', file, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--first-publication');
    expect(withFunnel.stdout).toContain('4 clinic names'); // the note this test looks for, where the funnel is published
    for (const lang of ['en', 'da']) {
      const r = await runCli('uptake', ...args, '--lang', lang);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toMatch(/clinic names|kliniknavne/i);
      expect(r.stderr).toContain('are counted as one clinic of their region');
    }
    const json = await runCli('uptake', ...args, '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout)).not.toHaveProperty('clinicCaseMerged');
  });
});
