/**
 * `hta uptake --json` on registry exports shaped like real ones (test/fixtures/exports/registry-*),
 * checked against test/reference/uptake-exports.R, which reads the same raw files with base R.
 * The suppression threshold is set to 1 here so every number is visible to compare.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { uptakeReportKind } from '../../src/report/kinds/uptake-report.js';
import { runCli, tempDir } from '../support/run-cli.js';
import { expectClose } from '../support/tolerance.js';

const FX = 'test/fixtures/exports';
const REF = JSON.parse(readFileSync('test/reference/uptake-exports.json', 'utf8')) as Record<string, Reference>;

interface Reference {
  regions: string[];
  perRegion: { region: string; referrals: number; activations: number; rate: number; lower: number; upper: number; median_days: number; at_risk_12w: number; retained_12w: number }[];
  uptake: { region: string; year: number; activations: number; eligible: number; per1000: number; lower: number; upper: number }[];
  clinics: { region: string; clinic: string; referrals: number; activations: number }[];
  filled?: { region: string; year: number; fromYear: number; eligible: number }[];
}

interface Json {
  metrics: { region: string; period: string; dimension: string; referrals: number; activations: number; activationRate: number; activationCiLower: number; activationCiUpper: number; medianDaysToActivation: number; atRisk12w: number; retained12w: number }[];
  uptake: { region: string; year: number; activations: number; eligible: number; per1000: number; ciLower: number; ciUpper: number }[];
  funnel: { rows: { region: string; clinic: string; referrals: number; activations: number }[] };
  eligibleFill?: { method: string; filled: { region: string; year: number; fromYear: number; eligible: number }[] };
}

/** The fixture's plan with threshold 1 (and any overrides), written to a temp dir. */
function planWith(dir: string, planFile: string, over: Record<string, unknown> = {}): string {
  const plan = { ...JSON.parse(readFileSync(planFile, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, ...over };
  const out = join(dir, 'plan.json');
  writeFileSync(out, JSON.stringify(plan));
  return out;
}

async function runFixture(name: string, planName = 'uptake.plan.json', over: Record<string, unknown> = {}) {
  const dir = tempDir();
  const plan = planWith(dir, `${FX}/${name}/${planName}`, over);
  return runCli('uptake', `${FX}/${name}/registry.csv`, '--eligible', `${FX}/${name}/eligible.csv`, '--plan', plan, '--json');
}

/** The Danish Excel export at threshold 1 (`--json`): two tests compare with it, made once for the file. */
let dkExcelRun: ReturnType<typeof runFixture> | undefined;
const dkExcel = () => (dkExcelRun ??= runFixture('registry-dk-excel'));

function checkAgainstR(json: Json, ref: Reference): void {
  const whole = json.metrics.filter((m) => m.period === 'all' && m.dimension === 'all');
  // Regions in the eligible file's order, then the whole country.
  expect(whole.map((m) => m.region)).toEqual([...ref.regions, 'national']);
  for (const r of ref.perRegion) {
    const m = whole.find((x) => x.region === r.region)!;
    expect([m.referrals, m.activations, m.medianDaysToActivation, m.atRisk12w, m.retained12w]).toEqual([r.referrals, r.activations, r.median_days, r.at_risk_12w, r.retained_12w]);
    expectClose(m.activationRate, r.rate);
    expectClose(m.activationCiLower, r.lower);
    expectClose(m.activationCiUpper, r.upper);
  }
  for (const u of ref.uptake) {
    const row = json.uptake.find((x) => x.region === u.region && x.year === u.year)!;
    expect([row.activations, row.eligible]).toEqual([u.activations, u.eligible]);
    expectClose(row.per1000, u.per1000);
    expectClose(row.ciLower, u.lower);
    expectClose(row.ciUpper, u.upper);
  }
  // Compared as sets (R orders codes by locale collation, hta by code point).
  const rows = (list: { region: string; clinic: string; referrals: number; activations: number }[]) =>
    list.map((c) => [c.region, c.clinic, c.referrals, c.activations].join('|')).sort();
  expect(rows(json.funnel.rows)).toEqual(rows(ref.clinics));
}

describe('hta uptake on real-shaped registry exports, against R', () => {
  it('Danish regional system: own column names, semicolons, BOM, DD-MM-YYYY, "Region …", K/M, 37.000, SJÆ0', async () => {
    const r = await runFixture('registry-dk-regional');
    // Threshold 1 (to compare every count) is acknowledged in the plan and said; besides it, 2025
    // observed in full (export dated 31 December) and the run made without --previous.
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toBe('warning: suppression threshold 1 (acknowledged in the plan): counts from 1 to 4 are published');
    expect(lines).toHaveLength(3);
    expect(lines[1]).toMatch(/^note: the uptake scenarios start in 2025, and the export observed 2025 in full/);
    expect(lines[2]).toMatch(/^warning: this publication is made without --previous/);
    expect(r.code).toBe(0);
    checkAgainstR(JSON.parse(r.stdout) as Json, REF['registry-dk-regional']!);
  });

  it('Danish Excel: own column order, an extra column, ";;;" trailing columns, d.m.yyyy, region spellings, a year with no rows (numpy/scipy reference)', async () => {
    const before = readFileSync(`${FX}/registry-dk-excel/registry.csv`);
    const r = await dkExcel();
    expect(r.code, r.stderr).toBe(0);
    // expected.json: make-more-fixtures.py reads the raw files itself (no R on every machine).
    checkAgainstR(JSON.parse(r.stdout) as Json, JSON.parse(readFileSync(`${FX}/registry-dk-excel/expected.json`, 'utf8')) as Reference);
    expect(readFileSync(`${FX}/registry-dk-excel/registry.csv`).equals(before)).toBe(true);
  });

  it('Danish Excel with its own threshold: the clinic with 3 referrals is hidden in the funnel and in the CSV tables', async () => {
    const dir = tempDir();
    const F = `${FX}/registry-dk-excel`;
    // The plan's own threshold (5), with the clinic funnel published and the monthly series and
    // breakdowns not: the funnel is the point, not their suppression (about a second of solving).
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), publish: { months: false, clinics: true, equity: [] } }));
    const r = await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', plan, '--json', '--csv-dir', join(dir, 'csv'));
    expect(r.code, r.stderr).toBe(0);
    const nor3 = (JSON.parse(r.stdout) as { funnel: { rows: { clinic: string; referrals: unknown; activations: unknown }[] } }).funnel.rows.find((c) => c.clinic === 'NOR3')!;
    expect([nor3.referrals, nor3.activations]).toEqual(['suppressed', 'suppressed']);
    expect(readFileSync(join(dir, 'csv', 'clinic-funnel.csv'), 'utf8')).toMatch(/^NOR3,[^,]+,suppressed,suppressed,/m);
  });

  it('rows of separators only (";;;;", Excel) are no referrals: the same JSON as without them, also when a bad row makes the row scan run', async () => {
    const dir = tempDir();
    const F = `${FX}/registry-dk-excel`;
    const plan = planWith(dir, `${F}/uptake.plan.json`);
    const text = readFileSync(`${F}/registry.csv`, 'utf8');
    const padded = join(dir, 'padded.csv');
    // Two rows of separators: as many fields as the header, and one fewer.
    writeFileSync(padded, text + ';;;;;;;;;;;;\r\n  ;;; ;;;;;;;;\r\n');
    const run = (file: string, ...more: string[]) => runCli('uptake', file, '--eligible', `${F}/eligible.csv`, '--plan', plan, '--json', ...more);
    const [a, b] = [await dkExcel(), await run(padded)];
    expect(b.code, b.stderr).toBe(0);
    expect(b.stdout).toBe(a.stdout);
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, text + ';;;;;;;;;;;;\r\nAndet;K;200;HOV1;Hovedstaden;99999;1.1.2025;;;;;;\r\n;;;;;;;;;;;;\r\n');
    const c = await run(bad, '--exclude-invalid');
    expect(c.code, c.stderr).toBe(0);
    expect(JSON.parse(c.stdout).excluded).toEqual({ rows: 1, kinds: ['age'] });
  });

  it('a registry with only its header line is refused (no tables of nothing dated 1970-01-01)', async () => {
    const dir = tempDir();
    const F = `${FX}/registry-dk-excel`;
    const head = join(dir, 'registry.csv');
    writeFileSync(head, readFileSync(`${F}/registry.csv`, 'utf8').split('\r\n')[0] + '\r\n');
    const r = await runCli('uptake', head, '--eligible', `${F}/eligible.csv`, '--plan', `${F}/uptake.plan.json`, '--csv-dir', join(dir, 'csv'));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/registry\.csv has a header but no rows/);
    expect(existsSync(join(dir, 'csv'))).toBe(false);
  });

  it('a registry whose every row is invalid is refused under --exclude-invalid too (no tables of nothing)', async () => {
    const dir = tempDir();
    const F = `${FX}/registry-dk-excel`;
    const [head, ...rows] = readFileSync(`${F}/registry.csv`, 'utf8').split('\r\n').filter((l) => l !== '');
    const regionAt = head!.split(';').findIndex((h) => /region/i.test(h));
    const all = join(dir, 'registry.csv');
    writeFileSync(all, [head, ...rows.map((l) => l.split(';').map((c, i) => (i === regionAt ? 'Bergen' : c)).join(';'))].join('\r\n') + '\r\n');
    const r = await runCli('uptake', all, '--eligible', `${F}/eligible.csv`, '--plan', `${F}/uptake.plan.json`, '--exclude-invalid', '--csv-dir', join(dir, 'csv'));
    expect(r.code, r.stdout).toBe(2);
    expect(r.stderr).toMatch(new RegExp(`registry\\.csv has no valid rows[\\s\\S]*every row was invalid \\(${rows.length} excluded\\)`));
    expect(existsSync(join(dir, 'csv'))).toBe(false);
  });

  it('Norwegian: five Norwegian regions, ISO date-times, clinic codes with æøå, "14,200", a synonym; one code in two regions is two clinics', async () => {
    const r = await runFixture('registry-no');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    checkAgainstR(json, REF['registry-no']!);
    const sentrum = json.funnel.rows.filter((c) => c.clinic === 'SENTRUM');
    expect(sentrum.map((c) => c.region)).toEqual(['Oslo', 'Vestland']);
    // Clinics of a region sum to the region.
    for (const m of json.metrics.filter((x) => x.period === 'all' && x.dimension === 'all' && x.region !== 'national')) {
      const clinics = json.funnel.rows.filter((c) => c.region === m.region);
      expect([clinics.reduce((s, c) => s + c.referrals, 0), clinics.reduce((s, c) => s + c.activations, 0)]).toEqual([m.referrals, m.activations]);
    }
  });

  it('a region × year missing from the eligible file is an error naming each, unless the plan carries forward', async () => {
    const refused = await runFixture('registry-missing-year');
    expect(refused.code).toBe(2);
    expect(refused.stdout).toBe('');
    expect(refused.stderr).toContain('lacks the eligible count for "Sjælland" 2027; "Nordjylland" 2025');
    expect(refused.stderr).toContain('"eligibleFill": "carry-forward"');

    const ref = REF['registry-missing-year']!;
    const r = await runFixture('registry-missing-year', 'carry-forward.plan.json');
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json;
    expect(json.eligibleFill).toEqual({ method: 'carry-forward', filled: ref.filled });
    checkAgainstR(json, ref);

    // The budget projection uses the filled counts and says which year they came from.
    const budget = (JSON.parse(r.stdout) as { budget: { projection: { scenario: string; region: string; year: number; eligible: number; eligibleYear: number }[] } }).budget;
    const cell = (region: string, year: number) => budget.projection.find((p) => p.scenario === 'base' && p.region === region && p.year === year)!;
    for (const f of ref.filled!) {
      if (f.year < 2025) continue;
      expect([cell(f.region, f.year).eligible, cell(f.region, f.year).eligibleYear]).toEqual([f.eligible, f.fromYear]);
    }
    const regions2027 = budget.projection.filter((p) => p.scenario === 'base' && p.year === 2027 && p.region !== 'national');
    expect(cell('national', 2027).eligible).toBe(regions2027.reduce((s, p) => s + p.eligible, 0));
    expect(regions2027).toHaveLength(5);

    // Threshold 1 as above: the fill is the point, not the suppression.
    const text = await runCli('uptake', `${FX}/registry-missing-year/registry.csv`, '--eligible', `${FX}/registry-missing-year/eligible.csv`, '--plan', planWith(tempDir(), `${FX}/registry-missing-year/carry-forward.plan.json`));
    expect(text.stdout).toContain('filled by carry-forward');
    expect(text.stdout).toContain('Sjælland 2027 from 2026, Nordjylland 2025 from 2024');
  });

  it('dateFormat "auto" reads the Danish export as the fixture plan does, and says which format it chose', async () => {
    const r = await runFixture('registry-dk-regional', 'uptake.plan.json', { dateFormat: 'auto' });
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json & { dateFormatDetected: string };
    expect(json.dateFormatDetected).toBe('dd-mm-yyyy');
    checkAgainstR(json, REF['registry-dk-regional']!);
  });

  it('the Danish export is refused with its own plan minus the date format, naming it; its referrer codes need no mapping', async () => {
    const r = await runFixture('registry-dk-regional', 'uptake.plan.json', { values: {}, dateFormat: 'iso' });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/× .*registry\.csv:lines .* \(Henvist\): .* — expected a real calendar date written YYYY-MM-DD/);
    // Egen læge, Praktiserende læge, Fysioterapeut, Kiropraktor, Andet: all built in (docs/input-registry.md).
    expect(r.stderr).not.toMatch(/\(Henviser\)/);
    expect(r.stderr).not.toMatch(/1100\d{3}/); // no patient id
  });

  it('Egen læge, in any case, is a built-in gp code; a plan that maps it otherwise wins', async () => {
    const dir = tempDir();
    const rows = readFileSync(`${FX}/registry-dk-regional/registry.csv`, 'utf8').split('\n');
    // Half the GP referrals written in lower case, as another export writes them.
    const lower = join(dir, 'registry.csv');
    writeFileSync(lower, rows.map((l, i) => (i % 2 ? l.replace(';Egen læge', ';egen læge') : l)).join('\n'));
    const plan = planWith(dir, `${FX}/registry-dk-regional/uptake.plan.json`, {});
    const args = ['--eligible', `${FX}/registry-dk-regional/eligible.csv`, '--plan', plan, '--json'];
    const gp = (json: Json) => json.metrics.filter((m) => m.period === 'all' && m.dimension === 'referrer' && m.region === 'national');
    const built = await runCli('uptake', lower, ...args);
    expect(built.code, built.stderr).toBe(0);
    checkAgainstR(JSON.parse(built.stdout) as Json, REF['registry-dk-regional']!);
    const other = planWith(dir, `${FX}/registry-dk-regional/uptake.plan.json`, { values: { referrer: { 'EGEN LÆGE': 'other' } } });
    const mapped = await runCli('uptake', lower, '--eligible', `${FX}/registry-dk-regional/eligible.csv`, '--plan', other, '--json');
    expect(mapped.code, mapped.stderr).toBe(0);
    const count = (json: Json, level: string) => gp(json).find((m) => (m as unknown as { level: string }).level === level)?.referrals ?? 0;
    const [b, m] = [JSON.parse(built.stdout) as Json, JSON.parse(mapped.stdout) as Json];
    expect(count(b, 'gp')).toBeGreaterThan(0);
    expect(count(m, 'gp') + count(m, 'other')).toBe(count(b, 'gp') + count(b, 'other'));
    expect(count(m, 'gp')).toBeLessThan(count(b, 'gp'));
  });

  it('--exclude-invalid drops bad rows and says so in every output — the count and the kinds, no lines or values; --excluded-out and stderr list them without ids', async () => {
    const dir = tempDir();
    // The first 60 referrals of the Norwegian export: what is excluded and how it is said is the
    // point here, not the counts of the whole file (compared with R in the tests above).
    const lines = readFileSync(`${FX}/registry-no/registry.csv`, 'utf8').split('\n').slice(0, 61);
    const referrals = lines.filter((l) => /^\d/.test(l)).length;
    expect(referrals).toBe(60);
    lines[5] = lines[5]!.replace(/^(\d+),[^,]+,/, '$1,Bergen,');
    lines[9] = lines[9]!.replace(/^(\d+),([^,]+),([^,]+),[^,]+,/, '$1,$2,$3,2025-02-30T10:00:00,');
    lines[10] = lines[10]!.replace(/^(\d+),[^,]+,/, '$1,Bergen,');
    const reg = join(dir, 'registry.csv');
    writeFileSync(reg, lines.join('\n') + '\n');
    const plan = planWith(dir, `${FX}/registry-no/uptake.plan.json`);
    const args = ['uptake', reg, '--eligible', `${FX}/registry-no/eligible.csv`, '--plan', plan];

    const refused = await runCli(...args, '--json');
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('3 invalid value(s) in 3 row(s)');
    expect(refused.stderr).toContain(':lines 6, 11, column 2 (helseregion): "Bergen"');

    const out = join(dir, 'excluded.csv');
    const r = await runCli(...args, '--json', '--exclude-invalid', '--excluded-out', out);
    expect(r.code).toBe(0);
    const json = JSON.parse(r.stdout) as Json & { excluded: unknown };
    // Published (threshold 1 here): how many and the kinds — no lines, values or counts per kind.
    expect(json.excluded).toEqual({ rows: 3, kinds: ['region', 'referred'] });
    const national = json.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    expect(national.referrals).toBe(referrals - 3);
    const csv = readFileSync(out, 'utf8');
    expect(csv.split('\n')[0]).toBe('line,column,field,problem');
    expect(csv.split('\n').slice(1, 4).map((l) => l.split(',').slice(0, 3).join(','))).toEqual(['6,2,helseregion', '10,4,henvist', '11,2,helseregion']);
    // The lines and values are the analyst's: on stderr.
    expect(r.stderr).toMatch(/2 × .*:lines 6, 11, column 2 \(helseregion\): "Bergen"/);
    for (const text of [csv, r.stdout, r.stderr]) expect(text).not.toMatch(/22000\d\d/);

    const csvDir = join(dir, 'tables');
    const summary = await runCli(...args, '--exclude-invalid', '--csv-dir', csvDir);
    expect(readFileSync(join(csvDir, 'excluded-rows.csv'), 'utf8')).toBe([
      'rows,kind,problem', '3,,all excluded rows',
      ',region,region not among the regions of the eligible file', ',referred,referral date invalid or outside the date window', '',
    ].join('\n'));
    expect(summary.stdout).toContain('3 invalid registry rows were excluded from every number (--exclude-invalid). Kinds of problem: region not among the regions of the eligible file; referral date invalid or outside the date window.');
    for (const text of [summary.stdout, readFileSync(join(csvDir, 'excluded-rows.csv'), 'utf8')]) {
      expect(text).not.toMatch(/Bergen|2025-02-30|lines? \d|× /);
    }

    // At the usual threshold 5, three rows are "some rows": the count is not published.
    // Only the totals published: the suppression of months, clinics and breakdowns is not what this is about.
    const plan5 = planWith(dir, `${FX}/registry-no/uptake.plan.json`, { suppression: { threshold: 5 }, publish: { months: false, clinics: false, equity: [] } });
    const r5 = await runCli('uptake', reg, '--eligible', `${FX}/registry-no/eligible.csv`, '--plan', plan5, '--exclude-invalid', '--json');
    expect(r5.code, r5.stderr).toBe(0);
    // No kind has 5 rows: none is named (docs/disclosure-control.md "Excluded rows").
    expect((JSON.parse(r5.stdout) as { excluded: unknown }).excluded).toEqual({ rows: 'suppressed', kinds: [] });
    const t5 = await runCli('uptake', reg, '--eligible', `${FX}/registry-no/eligible.csv`, '--plan', plan5, '--exclude-invalid', '--lang', 'da');
    expect(t5.stdout).toContain('Nogle ugyldige registerrækker (færre end 5) er udeladt af alle tal (--exclude-invalid). Fejltyperne nævnes ikke: hver gælder færre end 5 rækker.');
    expect(t5.stdout).not.toMatch(/\b3 ugyldige|Bergen|linje|lines/);
  });

  it('the uptake report page prints the carry-forward choice and every filled cell', async () => {
    const dir = `${FX}/registry-missing-year`;
    // The fixture's carry-forward plan at threshold 1: the page's fill sentences are the point, not the suppression.
    const plan = planWith(tempDir(), `${dir}/carry-forward.plan.json`);
    const content = await uptakeReportKind.build(
      { id: 'x', kind: 'uptake', out: 'x', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' } as never,
      { input: (p: string) => (p === 'plan.json' ? plan : join(dir, p)), lang: 'en', version: 'test', memo: <T>(_k: string, f: () => T) => f() },
    );
    const intro = content.page.sections.find((s) => s.id === 'about-data')!.intro!.join('\n');
    expect(intro).toContain('filled by carry-forward');
    expect(intro).toContain('Sjælland 2027 from 2026, Nordjylland 2025 from 2024');
  });

  it('a plan synonym for a region the eligible file lacks is a plan error', async () => {
    const r = await runFixture('registry-no', 'uptake.plan.json', { regions: { 'Viken fylke': 'Akershus' } });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"Viken fylke" is mapped to "Akershus", which is not one of Oslo, Viken, Vestland, Trøndelag, Nordland');
  });

  it('--excluded-out writes nothing when the run then fails (here: missing denominators)', async () => {
    const dir = tempDir();
    const out = join(dir, 'excluded.csv');
    const r = await runCli('uptake', `${FX}/registry-missing-year/registry.csv`, '--eligible', `${FX}/registry-missing-year/eligible.csv`,
      '--plan', `${FX}/registry-missing-year/uptake.plan.json`, '--exclude-invalid', '--excluded-out', out);
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
