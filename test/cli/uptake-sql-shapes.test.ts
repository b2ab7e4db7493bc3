/**
 * Registry exports in the shapes a tester's files showed `hta uptake` mishandling
 * (test/fixtures/exports/registry-dk-sql-shapes/, written by make-s11-fixtures.py with the counts
 * of its rows in expected.json; docs/input-registry.md): a practice name holding the separator
 * (quoted), DAGI region codes, NULL cells, two exports joined, and an eligible file with years as
 * columns. Every variant holds the same 40 referrals as registry.csv.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const F = 'test/fixtures/exports/registry-dk-sql-shapes';
const expected = JSON.parse(readFileSync(`${F}/expected.json`, 'utf8')) as Record<string, { referrals: number; activations: number }>;

interface Json {
  metrics: { region: string; period: string; dimension: string; level: string; referrals: number; activations: number }[];
  funnel?: { rows: { clinic: string; region: string; referrals: number; activations: number }[] };
  excluded?: { rows: number | string };
}

/** The fixture's plan with threshold 1 (every count visible) and `over`. */
function plan(over: Record<string, unknown> = {}): string {
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(tempDir(), 'plan.json');
  writeFileSync(out, JSON.stringify(p));
  return out;
}

const uptake = (registry: string, ...more: string[]) => runCli('uptake', `${F}/${registry}`, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--json', ...more);

/** The clean export with the long eligible file: the run two tests compare with, made once for the file. */
let cleanRun: ReturnType<typeof runCli> | undefined;
const clean = () => (cleanRun ??= uptake('registry.csv'));

/** Each region's and the country's whole-export referrals and activations. */
function totals(stdout: string): Record<string, { referrals: number; activations: number }> {
  const out: Record<string, { referrals: number; activations: number }> = {};
  for (const m of (JSON.parse(stdout) as Json).metrics) {
    if (m.period === 'all' && m.dimension === 'all') out[m.region] = { referrals: m.referrals, activations: m.activations };
  }
  return out;
}

const { quotedClinic, ...byRegion } = expected;

describe('a clinic name holding the separator, quoted (valid CSV)', () => {
  it('is read as one clinic, by default and with --exclude-invalid alike', async () => {
    for (const more of [[], ['--exclude-invalid']]) {
      const r = await runCli('uptake', `${F}/quoted-clinic.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan({ publish: { months: false, clinics: true, equity: [] } }), '--json', ...more);
      expect(r.code, r.stderr).toBe(0);
      expect(totals(r.stdout)).toEqual(byRegion);
      const funnel = (JSON.parse(r.stdout) as Json).funnel!.rows.find((c) => c.clinic === 'Lægehuset Nord; Amager');
      expect(funnel).toMatchObject({ region: 'Region Hovedstaden', ...quotedClinic });
      expect(r.stderr).not.toContain('excluded');
    }
  });
});

describe('Danish region codes (DAGI: 1081 Nordjylland … 1085 Sjælland)', () => {
  it.each(['eligible.csv', 'eligible-codes.csv'])('are read as the regions in the registry, with %s', async (eligible) => {
    for (const registry of ['region-codes.csv', 'registry.csv']) {
      const r = registry === 'registry.csv' && eligible === 'eligible.csv' ? await clean() : await runCli('uptake', `${F}/${registry}`, '--eligible', `${F}/${eligible}`, '--plan', plan(), '--json');
      expect(r.code, `${registry}: ${r.stderr}`).toBe(0);
      // The regions keep their names (the eligible file's codes read as Region Hovedstaden, …).
      expect(totals(r.stdout)).toEqual(byRegion);
      // Read as codes, and said so.
      if (registry === 'region-codes.csv') expect(r.stderr).toContain(`${F}/region-codes.csv: region codes read as the Danish regions they number (DAGI) — 1081 as Region Nordjylland, 1084 as Region Hovedstaden, 1085 as Region Sjælland`);
      if (eligible === 'eligible-codes.csv') expect(r.stderr).toContain(`${F}/eligible-codes.csv: region codes read as the Danish regions they number (DAGI)`);
    }
  });

  it('stay as written when a region of the eligible file is not Danish (Swedish municipalities 1060, 1080, 1081–1083)', async () => {
    const dir = tempDir();
    const head = readFileSync(`${F}/registry.csv`, 'utf8').split('\n')[0]!;
    const rows = readFileSync(`${F}/region-codes.csv`, 'utf8').trim().split('\n').slice(1);
    // The fixture's referrals spread over five municipalities' codes, 1081–1083 among them.
    const codes = ['1080', '1081', '1082', '1083', '1060'];
    const registry = [head, ...rows.map((line, k) => line.replace(/^([^;]*);\d{4};/, `$1;${codes[k % 5]};`))].join('\n') + '\n';
    writeFileSync(join(dir, 'se.csv'), registry);
    writeFileSync(join(dir, 'se-elig.csv'), ['Region;År;Antal', ...codes.flatMap((c) => [`${c};2024;30000`, `${c};2025;30000`])].join('\n') + '\n');
    const p = JSON.parse(readFileSync(plan(), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...p, eligibleFill: 'carry-forward' }));
    const r = await runCli('uptake', join(dir, 'se.csv'), '--eligible', join(dir, 'se-elig.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(Object.keys(totals(r.stdout)).sort()).toEqual([...codes, 'national'].sort());
    expect(r.stderr).not.toContain('region codes read');
  });

  it('plan init --uptake names each code\'s region and finds it in the eligible file', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/region-codes.csv`, '--eligible', `${F}/eligible.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('1084 (Region Hovedstaden), 1085 (Region Sjælland), 1081 (Region Nordjylland)');
    expect(r.stderr).not.toContain('has no region for');
  });
});

describe('NULL, (null), NA and . in empty cells (SQL Server, Oracle, SAS, R)', () => {
  it('are empty cells: the same referrals as the clean export, and --exclude-invalid leaves nothing out', async () => {
    for (const more of [[], ['--exclude-invalid']]) {
      const r = await uptake('null-cells.csv', ...more);
      expect(r.code, r.stderr).toBe(0);
      expect(totals(r.stdout)).toEqual(byRegion);
      expect(r.stderr).not.toContain('excluded');
    }
  });

  it('a code in a cell that needs a value says it was read as empty; the engine and the row check agree', async () => {
    const lines = readFileSync(`${F}/registry.csv`, 'utf8').split('\r\n');
    lines[1] = lines[1]!.replace(/^P\d+/, 'NULL');
    lines[2] = lines[2]!.replace(/;\d{4}-\d\d-\d\d;/, ';(null);');
    const file = join(tempDir(), 'registry.csv');
    writeFileSync(file, lines.join('\r\n'));
    const r = await runCli('uptake', file, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:2:1 (PatientID): "NULL" — expected a non-empty pseudonymous id ("NULL" is read as an empty cell, and this column needs a value)');
    expect(r.stderr).toContain('registry.csv:3:4 (Henvist): "(null)" — expected a real calendar date written YYYY-MM-DD ("(null)" is read as an empty cell');
    const x = await runCli('uptake', file, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--json', '--exclude-invalid');
    expect(x.code, x.stderr).toBe(0);
    expect(totals(x.stdout).national!.referrals).toBe(expected.national!.referrals - 2);
  });

  it('a dash (not a default code) is refused saying how to declare it, and --exclude-invalid does not drop its rows', async () => {
    const r = await uptake('dash-cells.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('column 5 (Aktiveret): "-" — expected a real calendar date written YYYY-MM-DD, or empty — "-" looks like a code for an empty cell: if it is one, add "missingCodes": ["-"] to the uptake plan');
    // Left out, its rows would be the referrals without an activation: the rate would be wrong.
    const x = await uptake('dash-cells.csv', '--exclude-invalid');
    expect(x.code).toBe(2);
    expect(x.stdout).toBe('');
    expect(x.stderr).toContain('bias every rate, so hta stops here');
  });

  it('a dash in a column that needs a value is no value either: no clinic is named "-"', async () => {
    const lines = readFileSync(`${F}/registry.csv`, 'utf8').split('\r\n');
    lines[1] = lines[1]!.replace(';HOV01;', ';-;');
    const file = join(tempDir(), 'registry.csv');
    writeFileSync(file, lines.join('\r\n'));
    const r = await runCli('uptake', file, '--eligible', `${F}/eligible.csv`, '--plan', plan(), '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:2:3 (Klinik): "-" — expected a clinic name: letters, digits, spaces and . _ - & \' / ( ) , ; + : # only, with at least one letter or digit ("-" looks like a code for an empty cell, and this column needs a value)');
  });

  it('the plan\'s missingCodes reads the dash as empty', async () => {
    const r = await runCli('uptake', `${F}/dash-cells.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan({ missingCodes: ['-'] }), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(totals(r.stdout)).toEqual(byRegion);
  });

  it('plan init --uptake reads NULL as empty and drafts the dash as a missing code', async () => {
    const nul = await runCli('plan', 'init', '--uptake', `${F}/null-cells.csv`);
    expect(nul.code, nul.stderr).toBe(0);
    expect(nul.stderr).not.toMatch(/"NULL"|"\(null\)"|date format not detected/);
    expect(JSON.parse(nul.stdout)).not.toHaveProperty('missingCodes');
    const dash = await runCli('plan', 'init', '--uptake', `${F}/dash-cells.csv`);
    expect(dash.code, dash.stderr).toBe(0);
    expect(JSON.parse(dash.stdout)).toMatchObject({ missingCodes: ['-'] });
    expect(dash.stderr).toContain('"-" in the columns that may be empty (activation, last activity, age, sex) drafted as "missingCodes"');
    expect(dash.stderr).not.toContain('date format not detected');
  });

  it('the eligible file: a row of NULLs is a blank row, a NULL count says it was read as empty', async () => {
    const dir = tempDir();
    const eligible = readFileSync(`${F}/eligible.csv`, 'utf8').split('\r\n');
    writeFileSync(join(dir, 'blank.csv'), [...eligible.slice(0, 3), 'NULL;NULL;NULL', ...eligible.slice(3)].join('\r\n'));
    const ok = await runCli('uptake', `${F}/registry.csv`, '--eligible', join(dir, 'blank.csv'), '--plan', plan(), '--json');
    expect(ok.code, ok.stderr).toBe(0);
    writeFileSync(join(dir, 'count.csv'), [...eligible.slice(0, 3), eligible[3]!.replace(/;[\d.]+$/, ';NULL'), ...eligible.slice(4)].join('\r\n'));
    const bad = await runCli('uptake', `${F}/registry.csv`, '--eligible', join(dir, 'count.csv'), '--plan', plan(), '--json');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('count.csv:4:3 (Antal): "NULL" — expected a whole number of eligible people > 0 (37000 or 37.000) ("NULL" is read as an empty cell, and this column needs a value)');
  });
});

describe('two exports joined, or given together', () => {
  it('a repeated header line is one problem on its line, not a bad value in each cell', async () => {
    const r = await uptake('joined.csv');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('joined.csv has 1 invalid value(s) in 1 row(s)');
    expect(r.stderr).toContain('joined.csv:22: — expected a referral: line 22 repeats the header line (files joined?)');
    expect(r.stderr).not.toContain('"Henvist"');
  });

  it('with --exclude-invalid it is left out with a note, and not published as an invalid referral', async () => {
    const r = await uptake('joined.csv', '--exclude-invalid');
    expect(r.code, r.stderr).toBe(0);
    expect(totals(r.stdout)).toEqual(byRegion);
    expect((JSON.parse(r.stdout) as Json).excluded).toMatchObject({ rows: 0, kinds: [] });
    expect(r.stderr).toContain('joined.csv: line 22 repeats the header line (files joined?): left out, not counted as an invalid referral');
    expect(r.stderr).not.toContain('invalid registry row(s) were excluded');
  });

  it('a header line in another column order is refused, also with --exclude-invalid', async () => {
    for (const more of [[], ['--exclude-invalid']]) {
      const r = await uptake('joined-reordered.csv', ...more);
      expect(r.code).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain('joined-reordered.csv: line 22 is the header line again, with the columns in another order than line 1 (files joined?)');
    }
  });

  it('plan init --uptake leaves the repeated header line out of the draft and says so', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/joined.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('line 22 repeats the header line (files joined?): left out of this draft');
    expect(r.stderr).not.toMatch(/codes not recognised|date format not detected/);
  });

  it('two registry files on the command line: how to join them, not "too many arguments"', async () => {
    const r = await runCli('uptake', `${F}/part-hovedstaden.csv`, `${F}/part-rest.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan());
    expect(r.code).toBe(2);
    expect(r.stderr).not.toContain('too many arguments');
    expect(r.stderr).toContain('hta uptake reads one registry export, and 2 were given');
    expect(r.stderr).toContain(`They have the same header line: join them into one new file with that header line once — on Linux or macOS \`awk 'NR == 1 || FNR > 1 { sub(/\\r$/, ""); print }' ${F}/part-hovedstaden.csv ${F}/part-rest.csv > registry-joined.csv\` (your files are left as they are)`);
    const other = await runCli('uptake', `${F}/part-hovedstaden.csv`, `${F}/eligible.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan());
    expect(other.code).toBe(2);
    expect(other.stderr).toContain('Their header lines differ');
  });
});

describe('an eligible file with years as columns (Region;2024;2025;…)', () => {
  it('is read as one count per region and year: the same results as the long file, with a note', async () => {
    const long = await clean();
    const wide = await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible-wide.csv`, '--plan', plan(), '--json');
    expect(wide.code, wide.stderr).toBe(0);
    expect(wide.stdout).toBe(long.stdout);
    expect(wide.stderr).toContain('eligible-wide.csv: years as columns (2024, 2025, 2026, 2027): read as one count per region and year');
  });

  it('a headerless file whose counts look like years (Hovedstaden;2025;1990) is no years-as-columns table: "no header line"', async () => {
    const dir = tempDir();
    const eligible = join(dir, 'eligible.csv');
    writeFileSync(eligible, 'Hovedstaden;2025;1990\nMidtjylland;2025;1950\nSyddanmark;2025;2010\nSjælland;2025;1980\nNordjylland;2025;2020\n');
    const r = await runCli('uptake', `${F}/registry.csv`, '--eligible', eligible, '--plan', plan());
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${eligible} has no header line`);
    expect(r.stderr).not.toContain('years as columns');
  });

  it('under an Excel pivot\'s value caption (line 1 `Sum af Antal;Kolonnenavne`): the line skipped with a note (uptake and plan init)', async () => {
    const lines = readFileSync(`${F}/eligible-wide.csv`, 'utf8').split('\r\n').filter((l) => l !== '');
    const file = join(tempDir(), 'eligible-pivot.csv');
    writeFileSync(file, ['Sum af Antal;Kolonnenavne;;;', ...lines].join('\r\n') + '\r\n');
    // The rows read are those of the file without the caption (test/uptake/eligible-pivot.test.ts); here the note.
    const pivot = await runCli('uptake', `${F}/registry.csv`, '--eligible', file, '--plan', plan(), '--json');
    expect(pivot.code, pivot.stderr).toBe(0);
    const note = `${file}: line 1 ("Sum af Antal;Kolonnenavne") is an Excel pivot table's caption above the header, not the header: skipped, the header read from line 2`;
    expect(pivot.stderr).toContain(note);
    const draft = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', file);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).toContain(note);
  });

  it('plan init --uptake reads it too', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible-wide.csv`);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('years as columns (2024, 2025, 2026, 2027)');
    expect(r.stderr).not.toContain('has no header line');
  });

  it('a total row is checked per year; an empty cell is a year without a count; other columns beside the years are refused', async () => {
    const dir = tempDir();
    const lines = readFileSync(`${F}/eligible-wide.csv`, 'utf8').split('\r\n').filter((l) => l !== '');
    writeFileSync(join(dir, 'total.csv'), [...lines, 'I alt;66.300;66.960;68.160;69.360'].join('\r\n'));
    const total = await runCli('uptake', `${F}/registry.csv`, '--eligible', join(dir, 'total.csv'), '--plan', plan(), '--json');
    expect(total.code, total.stderr).toBe(0);
    expect(total.stderr).toContain('4 total rows left out — line 5 ("I alt" 2024), line 5 ("I alt" 2025)');
    writeFileSync(join(dir, 'gap.csv'), lines.map((l, i) => (i === 1 ? l.split(';').map((c, j) => (j === 2 ? '' : c)).join(';') : l)).join('\r\n'));
    const gap = await runCli('uptake', `${F}/registry.csv`, '--eligible', join(dir, 'gap.csv'), '--plan', plan(), '--json');
    expect(gap.code).toBe(2);
    expect(gap.stderr).toContain('lacks the eligible count for "Region Hovedstaden" 2025');
    writeFileSync(join(dir, 'extra.csv'), lines.map((l, i) => l.replace(';', i === 0 ? ';Kode;' : ';x;')).join('\r\n'));
    const extra = await runCli('uptake', `${F}/registry.csv`, '--eligible', join(dir, 'extra.csv'), '--plan', plan(), '--json');
    expect(extra.code).toBe(2);
    expect(extra.stderr).toContain('extra.csv has years as columns (2024, 2025, 2026, 2027) beside 2 other columns');
  });
});
