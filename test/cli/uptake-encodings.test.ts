/**
 * Registries that are not UTF-8 (docs/input-registry.md "Encodings"): Danish Excel's "CSV
 * (semikolonsepareret)" in Windows-1252 and "Unicode text" in UTF-16 are read (through a UTF-8
 * copy in a private temporary folder, gone afterwards), with a note saying so; code page 850 and
 * UTF-8 with a stray Windows-1252 byte are refused with the line and the reason. The fixtures are
 * byte for byte as Excel writes them; expected.json comes from make-encoding-fixtures.py, which
 * decodes the raw bytes with Python's own codecs.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const W = 'test/fixtures/exports/registry-dk-windows-1252';
const U = 'test/fixtures/exports/registry-utf16';

interface Expected {
  regions: string[];
  perRegion: { region: string; referrals: number; activations: number; rate: number; median_days: number; at_risk_12w: number; retained_12w: number }[];
  uptake: { region: string; year: number; activations: number; eligible: number; per1000: number }[];
  clinics: { region: string; clinic: string; referrals: number; activations: number }[];
}
interface Json {
  metrics: { region: string; period: string; dimension: string; referrals: number; activations: number; activationRate: number; medianDaysToActivation: number; atRisk12w: number; retained12w: number }[];
  uptake: { region: string; year: number; activations: number; eligible: number; per1000: number }[];
  funnel: { rows: { region: string; clinic: string; referrals: number; activations: number }[] };
  registryEncoding?: { encoding: string; characters: string[] };
}

function checkAgainst(json: Json, ref: Expected): void {
  const whole = json.metrics.filter((m) => m.period === 'all' && m.dimension === 'all');
  expect(whole.map((m) => m.region)).toEqual([...ref.regions, 'national']);
  for (const r of ref.perRegion) {
    const m = whole.find((x) => x.region === r.region)!;
    expect([m.referrals, m.activations, m.medianDaysToActivation, m.atRisk12w, m.retained12w]).toEqual([r.referrals, r.activations, r.median_days, r.at_risk_12w, r.retained_12w]);
    expectClose(m.activationRate, r.rate);
  }
  for (const u of ref.uptake) {
    const row = json.uptake.find((x) => x.region === u.region && x.year === u.year)!;
    expect([row.activations, row.eligible]).toEqual([u.activations, u.eligible]);
    expectClose(row.per1000, u.per1000);
  }
  const rows = (list: Expected['clinics']) => list.map((c) => [c.region, c.clinic, c.referrals, c.activations].join('|')).sort();
  expect(rows(json.funnel.rows)).toEqual(rows(ref.clinics));
}

/** The fixture's plan with threshold 1 (every count visible to compare), written to `dir`. */
function planWith(dir: string, folder: string, over: Record<string, unknown> = {}): string {
  const plan = { ...JSON.parse(readFileSync(`${folder}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(dir, 'plan.json');
  writeFileSync(out, JSON.stringify(plan));
  return out;
}

// The run's temporary folders (the UTF-8 copy, DuckDB's spill folder) go to TMPDIR: a folder of
// the test's own, to see that nothing is left in it.
let tmp: string;
let savedTmp: string | undefined;
beforeEach(() => {
  savedTmp = process.env.TMPDIR;
  tmp = tempDir();
  process.env.TMPDIR = tmp;
});
afterEach(() => {
  if (savedTmp === undefined) delete process.env.TMPDIR;
  else process.env.TMPDIR = savedTmp;
});
// (tempDir's own folders are made there too while TMPDIR points at it.)
const leftInTmp = () => readdirSync(tmp).filter((f) => !f.startsWith('hta-test-'));

describe('a registry from Danish Excel, "CSV (semikolonsepareret)" (Windows-1252)', () => {
  it('is read as Windows-1252: the counts of Python\'s cp1252 reading, the note on stderr and in the JSON, the file unchanged, no temporary folder left', async () => {
    const dir = tempDir();
    const before = readFileSync(`${W}/registry.csv`);
    const r = await runCli('uptake', `${W}/registry.csv`, '--eligible', `${W}/eligible.csv`, '--plan', planWith(dir, W), '--json', '--csv-dir', join(dir, 'csv'));
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    checkAgainst(json, JSON.parse(readFileSync(`${W}/expected.json`, 'utf8')) as Expected);
    expect(r.stderr).toContain(`note: ${W}/registry.csv is not UTF-8: read as Windows-1252, as Excel's plain "CSV" (Danish: "CSV (semikolonsepareret)") and SPSS without "Encode values in UTF-8" write it (its characters ø æ Ø – Å Æ å); save it as UTF-8 (Excel: "CSV UTF-8"; SPSS: tick "Encode values in UTF-8") to make the encoding certain.\n`);
    expect(json.registryEncoding!.encoding).toBe('windows-1252');
    // Published: the encoding only; the characters (which may come from a column hta never reads) are on stderr.
    expect(json.registryEncoding).toEqual({ encoding: 'windows-1252', characters: [] });
    // Danish names arrive intact in the JSON and the CSV tables.
    expect(json.metrics.map((m) => m.region)).toContain('Region Sjælland');
    expect(json.funnel.rows.map((c) => c.clinic)).toEqual(expect.arrayContaining(['Ærøskøbing-Lægehus', 'Østerbro', 'Århus-C', 'SJÆ1']));
    const funnelCsv = readFileSync(join(dir, 'csv', 'clinic-funnel.csv'), 'utf8');
    expect(funnelCsv).toMatch(/^Ærøskøbing-Lægehus,Region Syddanmark,/m);
    expect(readFileSync(join(dir, 'csv', 'uptake-per-1000.csv'), 'utf8')).toMatch(/^Region Sjælland,2025,/m);
    expect(readFileSync(`${W}/registry.csv`).equals(before)).toBe(true);
    expect(leftInTmp()).toEqual([]);
  });

  it('the text summary says so too, in Danish with --lang da', async () => {
    const dir = tempDir();
    const r = await runCli('uptake', `${W}/registry.csv`, '--eligible', `${W}/eligible.csv`, '--plan', planWith(dir, W), '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Registerfilen er ikke UTF-8: den er indlæst som Windows-1252, sådan som Excels almindelige "CSV (semikolonsepareret)" og SPSS uden "Encode values in UTF-8" gemmer den; gem den som UTF-8 (Excel: "CSV UTF-8"; SPSS: sæt flueben ved "Encode values in UTF-8"), så er tegnsættet sikkert.');
    expect(r.stdout).not.toContain('dens tegn');
    expect(r.stdout).toMatch(/^Region Sjælland +56 +39 /m);
  });

  it('the uptake report page says so and shows the Danish names', async () => {
    const dir = tempDir();
    const plan = planWith(dir, W);
    const content = await uptakeReportKind.build(
      { id: 'x', kind: 'uptake', out: 'x', lang: 'en', registry: `${W}/registry.csv`, eligible: `${W}/eligible.csv`, plan } as never,
      { input: (p: string) => p, lang: 'en', version: 'test', memo: <T>(_k: string, f: () => T) => f() },
    );
    const intro = content.page.sections.find((s) => s.id === 'about-data')!.intro!.join('\n');
    expect(intro).toContain('The registry file is not UTF-8: read as Windows-1252, as Excel\'s plain "CSV"');
    const page = JSON.stringify(content.page);
    expect(page).toContain('Region Sjælland');
    // The clinic funnel chart names each clinic.
    expect(JSON.stringify(content.charts)).toContain('Ærøskøbing-Lægehus');
    expect(JSON.stringify(content)).not.toMatch(/Ã|�/);
  });

  it('an invalid row is named with its line in the user\'s file, and the temporary copy is gone after the error', async () => {
    const dir = tempDir();
    const bad = join(dir, 'registry.csv');
    const bytes = readFileSync(`${W}/registry.csv`);
    // Line 3's referral date becomes 31-02-2025 (no such day).
    const lines = bytes.toString('latin1').split('\r\n');
    lines[2] = lines[2]!.replace(/;\d\d-\d\d-\d{4};/, ';31-02-2025;');
    writeFileSync(bad, Buffer.from(lines.join('\r\n'), 'latin1'));
    const r = await runCli('uptake', bad, '--eligible', `${W}/eligible.csv`, '--plan', `${W}/uptake.plan.json`, '--csv-dir', join(dir, 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${bad}:3:4 (Henvist): "31-02-2025"`);
    expect(r.stderr).not.toContain('registry-utf8');
    expect(existsSync(join(dir, 'csv'))).toBe(false);
    expect(leftInTmp()).toEqual([]);
  });

  it('--excluded-out lists an excluded row once, also when it lies before the first Windows-1252 byte', async () => {
    const dir = tempDir();
    const file = join(dir, 'registry.csv');
    // An ASCII header, an invalid row on line 2, 3,000 ASCII rows (more than a read chunk), then the Danish rows.
    const ascii = Array.from({ length: 3000 }, (_, i) => `${90000 + i};Midtjylland;Skjern;01-03-2025;05-03-2025;;40;Kvinde;Andet;25,0;`);
    const danish = readFileSync(`${W}/registry.csv`).toString('latin1').split('\r\n').slice(1);
    const text = ['PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Kon;Henviser;BMI;Note', '89999;Midtjylland;Skjern;31-02-2025;;;40;Kvinde;Andet;25,0;', ...ascii, ...danish].join('\r\n');
    writeFileSync(file, Buffer.from(text, 'latin1'));
    const plan = JSON.parse(readFileSync(`${W}/uptake.plan.json`, 'utf8'));
    plan.columns.registry.sex = 'Kon';
    // Only the totals published: the excluded row is the point, not the suppression of months,
    // clinics and breakdowns (seconds of solving on these 3,000 rows).
    plan.publish = { months: false, clinics: false, equity: [] };
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    const out = join(dir, 'excluded.csv');
    const r = await runCli('uptake', file, '--eligible', `${W}/eligible.csv`, '--plan', join(dir, 'plan.json'), '--exclude-invalid', '--excluded-out', out, '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).excluded).toEqual({ rows: 'suppressed', kinds: [] });
    expect(r.stderr).toMatch(/registry\.csv:2:4 \(Henvist\): "31-02-2025"/);
    // In the export's own dialect, as Danish Excel opens it beside the export: a BOM (its UTF-8
    // read right), `;`, CRLF (registry-copy-dialect.ts).
    const copy = readFileSync(out, 'utf8');
    expect(copy.startsWith('\uFEFFline;column;field;problem\r\n')).toBe(true);
    expect(copy.endsWith('\r\n')).toBe(true);
    expect(copy.slice(1).trimEnd().split('\r\n').slice(1).map((l) => l.split(';').slice(0, 3).join(','))).toEqual(['2,4,Henvist']);
    expect(leftInTmp()).toEqual([]);
  });

  it('hta plan init --uptake drafts from it, with the same note', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${W}/registry.csv`);
    expect(r.code, r.stderr).toBe(0);
    const plan = JSON.parse(r.stdout) as { columns: { registry: Record<string, string> }; dateFormat: string; values?: unknown };
    expect(plan.columns.registry).toMatchObject({ id: 'PatientID', sex: 'Køn', referred: 'Henvist' });
    expect(plan.dateFormat).toBe('dd-mm-yyyy');
    expect(plan.values).toBeUndefined(); // `Egen læge` is built in
    expect(r.stderr).toContain(`note: ${W}/registry.csv is not UTF-8: read as Windows-1252`);
    expect(r.stderr).toContain('regions seen in all 281 rows: Region Hovedstaden, Sjælland, REGION SYDDANMARK, Midtjylland, Region Nordjylland');
  });
});

describe('a registry saved as Excel "Unicode text" (UTF-16 LE with BOM, tabs)', () => {
  it('is read: the counts of Python\'s utf-16 reading, with a note; plan init drafts from it', async () => {
    const dir = tempDir();
    const r = await runCli('uptake', `${U}/registry.txt`, '--eligible', `${U}/eligible.csv`, '--plan', planWith(dir, U), '--json');
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    checkAgainst(json, JSON.parse(readFileSync(`${U}/expected.json`, 'utf8')) as Expected);
    expect(json.registryEncoding).toMatchObject({ encoding: 'utf-16le' });
    expect(r.stderr).toContain(`note: ${U}/registry.txt is not UTF-8: read as UTF-16 (little-endian, by its byte-order mark), as Excel's "Unicode text" saves it (its characters ø æ Ø – Å Æ å); "CSV UTF-8" is read as it stands.\n`);
    expect(json.funnel.rows.map((c) => c.clinic)).toContain('Ærøskøbing-Lægehus');
    expect(leftInTmp()).toEqual([]);
    const init = await runCli('plan', 'init', '--uptake', `${U}/registry.txt`);
    expect(init.code, init.stderr).toBe(0);
    expect((JSON.parse(init.stdout) as { columns: { registry: Record<string, string> } }).columns.registry.sex).toBe('Køn');
    expect(init.stderr).toContain(`note: ${U}/registry.txt is not UTF-8: read as UTF-16`);
  });
});

describe('registries that are neither UTF-8 nor Windows-1252', () => {
  it('code page 850 (DOS, old SAS) is refused with the line, the byte and why; nothing written', async () => {
    const dir = tempDir();
    const file = `${W}/registry-cp850.csv`;
    const r = await runCli('uptake', file, '--eligible', `${W}/eligible.csv`, '--plan', `${W}/uptake.plan.json`, '--csv-dir', join(dir, 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${file} is not UTF-8 text, nor Windows-1252 text`);
    // "Køn": ø is 0x9B in code page 850, "›" in Windows-1252 (quoted or not, as windows-1252.ts words it).
    expect(r.stderr).toMatch(/registry-cp850\.csv:1: "byte 0x9B at byte offset 60: (\\"›\\"|›) between two letters" — expected UTF-8 text: save it from Excel as "CSV UTF-8"/);
    expect(r.stderr).toContain('code page 850 (Excel\'s "CSV (MS-DOS)", DOS programs, SAS), Mac Roman and UTF-8 mixed with Windows-1252 write æ, ø and å as other bytes, refused rather than misread');
    expect(r.stderr).not.toMatch(/at .*\.(ts|js):\d+/);
    expect(readdirSync(dir)).toEqual([]);
    expect(leftInTmp()).toEqual([]);
    const init = await runCli('plan', 'init', '--uptake', file);
    expect(init.code).toBe(2);
    expect(init.stderr).toMatch(/registry-cp850\.csv:1: "byte 0x9B at byte offset 60: .* between two letters" — expected UTF-8 text/);
  });

  it('UTF-8 with one stray Windows-1252 byte 0xE6 is refused, naming the byte\'s line and the UTF-8 text around it', async () => {
    const file = `${W}/registry-utf8-stray.csv`;
    const bytes = readFileSync(file);
    const at = bytes.indexOf(0xe6);
    const line = bytes.subarray(0, at).toString('latin1').split('\n').length;
    expect(line).toBeGreaterThan(100);
    const r = await runCli('uptake', file, '--eligible', `${W}/eligible.csv`, '--plan', `${W}/uptake.plan.json`);
    expect(r.code).toBe(2);
    // Named at the stray byte, against the UTF-8 of line 1 (the header's "ø", which reads "Ã¸" as Windows-1252).
    expect(r.stderr).toContain(`${file} mixes two encodings`);
    expect(r.stderr).toContain(`${file}:${line}: "byte 0xE6 at byte offset ${at}" — expected UTF-8 text like line 1 (this line was written in another encoding, most likely Windows-1252`);
    expect(leftInTmp()).toEqual([]);
  });
});

/** Whether the CSV reader decodes Windows-1252 itself (the denominators' reader: src/io/read-csv.ts). */
describe('a denominator file from Danish Excel (Windows-1252)', () => {
  // Read by readCsvFile, whose Windows-1252 decoding is its own (docs/input-trial-export.md "Encodings").
  it('gives the same analysis as the same file in UTF-8', async () => {
    const dir = tempDir();
    const plan = planWith(dir, W);
    const [a, b] = [await runCli('uptake', `${W}/registry.csv`, '--eligible', `${W}/eligible.csv`, '--plan', plan, '--json'),
      await runCli('uptake', `${W}/registry.csv`, '--eligible', `${W}/eligible-windows-1252.csv`, '--plan', plan, '--json')];
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    expect(JSON.parse(b.stdout).uptake.map((u: { region: string }) => u.region)).toContain('Region Sjælland');
  });
});
