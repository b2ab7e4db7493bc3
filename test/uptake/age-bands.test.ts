/**
 * Registry exports that give age bands instead of ages (docs/input-registry.md "Age bands"): a
 * regional BI export's `Aldersgruppe` (`50-59 år`, `80+ år`, `90 år og derover`), read through
 * `columns.registry.ageBand` or `.age`; files shaped as such exports are (BOM, CRLF, semicolons,
 * Danish letters, DD-MM-YYYY dates).
 *
 * References, independent of the band code: bands inside the standard ones must give the very
 * aggregate the exact ages they were made from give (the exact-age path is checked against R:
 * test/reference/uptake-exports.R); the export's own bands are counted here, line by line.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { HtaError } from '../../src/errors.js';
import { ageBandRank, ageBandScheme, bandCode, bandOfLevel, parseAgeBand } from '../../src/uptake/age-bands.js';
import { readRegistryFile } from '../../src/uptake/read-registry.js';
import { readAggregateTables } from '../../src/uptake/engine/read-aggregate-tables.js';
import { regionSet } from '../../src/uptake/regions.js';
import { registryColumnIndex } from '../../src/uptake/referral.js';
import { uptakeInputNotes } from '../../src/uptake/input-notes.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { runUptake } from '../../src/uptake/run-uptake.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { uptakeSummary } from '../../src/cli/uptake.js';
import { tempDir } from '../support/run-cli.js';

const HEADER = ['PatientID', 'Regionsnavn', 'Behandlingssted', 'Henvisningsdato', 'Aktiveringsdato', 'Sidst aktiv', 'AGE', 'Køn', 'Henviser'];
const CLINICS = ['Ærø Lægehus', 'Næstved Fysioterapi', 'Svendborg Kiropraktik', 'Lægerne Kolding'];

interface Row { id: string; region: string; clinic: string; referred: string; activated: string; last: string; age: number | null; sex: string; referrer: string }

/** Deterministic rows of two regions over 2024–2025 (a small LCG: same rows every run). */
function rows(n: number, seed = 7): Row[] {
  let x = seed;
  const next = (k: number) => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return x % k;
  };
  const date = (day: number) => {
    const d = new Date(Date.UTC(2024, 0, 1) + day * 86_400_000);
    return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`;
  };
  return Array.from({ length: n }, (_, i) => {
    const ref = next(540);
    const act = next(10) < 6 ? Math.min(ref + next(20), 545) : undefined;
    const last = act === undefined ? undefined : Math.min(act + next(200), 545);
    return {
      id: `P${10000 + i}`, region: next(2) === 0 ? 'Syddanmark' : 'Sjælland', clinic: CLINICS[next(CLINICS.length)]!,
      referred: date(ref), activated: act === undefined ? '' : date(act), last: last === undefined ? '' : date(last),
      age: next(25) === 0 ? null : 5 + next(90), sex: next(2) === 0 ? 'K' : 'M', referrer: ['Egen læge', 'Fysioterapeut', 'Kiropraktor'][next(3)]!,
    };
  });
}

/** The file as a Danish BI export writes it: BOM, CRLF, semicolons; `age` writes each row's age cell. */
function write(file: string, header: string[], data: Row[], age: (a: number | null) => string): string {
  const lines = [header.join(';'), ...data.map((r) => [r.id, r.region, r.clinic, r.referred, r.activated, r.last, age(r.age), r.sex, r.referrer].join(';'))];
  writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`, 'utf8');
  return file;
}

/** The standard bands as a BI export words them ("0-17 år", "75+ år"), one of three spellings. */
function standardWords(a: number | null, i = 0): string {
  if (a === null) return '';
  if (a < 18) return ['0-17 år', 'under 18 år', '0–17'][i % 3]!;
  if (a < 30) return '18-29 år';
  if (a < 45) return '30-44';
  if (a < 60) return '45-59 år';
  if (a < 75) return '60-74 år';
  return ['75+ år', '75 år og derover', '75+'][i % 3]!;
}

const tenYear = (a: number | null) => (a === null ? '' : a >= 90 ? '90 år og derover' : `${Math.floor(a / 10) * 10}-${Math.floor(a / 10) * 10 + 9} år`);

const regions = regionSet(['Syddanmark', 'Sjælland']);
const base = { regions, dateFormat: 'dd-mm-yyyy' as const, exportDate: '2025-06-30' };
const columns = { id: 'PatientID', region: 'Regionsnavn', clinic: 'Behandlingssted', referred: 'Henvisningsdato', activated: 'Aktiveringsdato', last_active: 'Sidst aktiv', sex: 'Køn', referrer: 'Henviser' };

describe('age-band texts', () => {
  it('reads the bands BI exports write, and no exact age or other text as a band', () => {
    expect(parseAgeBand('50-59 år')).toEqual({ lo: 50, hi: 59 });
    expect(parseAgeBand('18-29')).toEqual({ lo: 18, hi: 29 });
    expect(parseAgeBand('0 – 17 år')).toEqual({ lo: 0, hi: 17 });
    expect(parseAgeBand('80+ år')).toEqual({ lo: 80, hi: null });
    expect(parseAgeBand('90 år og derover')).toEqual({ lo: 90, hi: null });
    expect(parseAgeBand('65 years and over')).toEqual({ lo: 65, hi: null });
    expect(parseAgeBand('Under 18 år')).toEqual({ lo: 0, hi: 17 });
    // A blank after "<", "up to and including" and "til"/"to" for the dash, as exports write them too.
    expect(parseAgeBand('< 18')).toEqual({ lo: 0, hi: 17 });
    expect(parseAgeBand('<=17')).toEqual({ lo: 0, hi: 17 });
    expect(parseAgeBand('≤ 17 år')).toEqual({ lo: 0, hi: 17 });
    expect(parseAgeBand('18 til 29')).toEqual({ lo: 18, hi: 29 });
    expect(parseAgeBand('18 til 29 år')).toEqual({ lo: 18, hi: 29 });
    expect(parseAgeBand('18 to 29 years')).toEqual({ lo: 18, hi: 29 });
    expect(parseAgeBand('18 - 29')).toEqual({ lo: 18, hi: 29 });
    for (const t of ['54', '45 år', '59-50', '50-59 kg', '130+', 'ukendt', '', '18til29', '<= 130', '18 til']) expect(parseAgeBand(t)).toBeUndefined();
  });

  it('an equity level is a band or an exact age (its own one-year band), in table order by first year, "unknown" last', () => {
    expect(bandOfLevel('54')).toEqual({ lo: 54, hi: 54 });
    expect(bandOfLevel('<18')).toEqual({ lo: 0, hi: 17 });
    expect(bandOfLevel('75+')).toEqual({ lo: 75, hi: null });
    expect(bandOfLevel('unknown')).toBeUndefined();
    const levels = ['unknown', '75+', '54', '60-69', '18-29', '9', '<18', '45-59', 'other'];
    expect(levels.sort((a, b) => ageBandRank(a) - ageBandRank(b))).toEqual(['<18', '9', '18-29', '45-59', '54', '60-69', '75+', 'other', 'unknown']);
  });

  it('bands inside the standard ones are counted in them; a band across two gives the export\'s own; overlapping bands are refused', () => {
    const code = (t: string) => bandCode(parseAgeBand(t)!);
    const inside = ageBandScheme([code('0-17 år'), code('20-29 år'), code('80+ år'), 54]);
    expect(inside).toMatchObject({ kind: 'standard', bands: ['<18', '18-29', '45-59', '75+'] });
    const own = ageBandScheme([code('10-19 år'), code('20-29 år'), code('90 år og derover'), 25]);
    expect(own).toMatchObject({ kind: 'own', bands: ['10-19', '20-29', '90+'], straddling: ['10-19'] });
    expect(ageBandScheme([code('18-29'), code('25-34')])).toMatchObject({ kind: 'refused', reason: expect.stringContaining('18-29 and 25-34 overlap') });
    expect(ageBandScheme([code('10-19'), 35])).toMatchObject({ kind: 'refused', reason: expect.stringContaining('exact age 35') });
    expect(ageBandScheme([18, 54])).toBeUndefined();
  });
});

describe('hta uptake reads an age-band column', () => {
  const data = rows(600);

  it('bands inside the standard ones (three spellings) give the same aggregate as the exact ages they were made from', async () => {
    const dir = tempDir();
    const exact = await readRegistryFile(write(join(dir, 'alder.csv'), HEADER.map((h) => (h === 'AGE' ? 'Alder' : h)), data, (a) => (a === null ? '' : String(a))), { ...base, columns: { ...columns, age: 'Alder' } });
    let i = 0;
    const banded = await readRegistryFile(write(join(dir, 'gruppe.csv'), HEADER.map((h) => (h === 'AGE' ? 'Aldersgruppe' : h)), data, (a) => standardWords(a, i++)), { ...base, columns: { ...columns, ageBand: 'Aldersgruppe' } });
    expect(banded.aggregate).toEqual(exact.aggregate);
    expect(banded.ageBands).toEqual({ kind: 'standard', bands: ['<18', '18-29', '30-44', '45-59', '60-74', '75+'] });
    expect(exact.ageBands).toBeUndefined();
    // Not trivially equal: the breakdown has every band.
    expect(new Set(exact.aggregate.metrics.filter((m) => m.dimension === 'ageBand').map((m) => m.level)).size).toBe(7);
  });

  it('ten-year bands (straddling the standard ones) are counted in the export\'s own bands, in order — counted here line by line', async () => {
    const dir = tempDir();
    // Mapped as `age`: band values in the age column are read as bands too.
    const read = await readRegistryFile(write(join(dir, 'r.csv'), HEADER.map((h) => (h === 'AGE' ? 'Aldersgruppe' : h)), data, tenYear), { ...base, columns: { ...columns, age: 'Aldersgruppe' } });
    const label = (a: number | null) => (a === null ? 'unknown' : a >= 90 ? '90+' : `${Math.floor(a / 10) * 10}-${Math.floor(a / 10) * 10 + 9}`);
    const expected = new Map<string, { referrals: number; activations: number }>();
    for (const r of data) {
      const e = expected.get(label(r.age)) ?? { referrals: 0, activations: 0 };
      e.referrals++;
      if (r.activated !== '') e.activations++;
      expected.set(label(r.age), e);
    }
    const got = read.aggregate.metrics.filter((m) => m.dimension === 'ageBand' && m.region === 'national' && m.period === 'all');
    expect(got.map((m) => m.level)).toEqual(['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90+', 'unknown']);
    expect(Object.fromEntries(got.map((m) => [m.level, { referrals: m.referrals, activations: m.activations }]))).toEqual(Object.fromEntries(expected));
    expect(read.ageBands).toEqual({ kind: 'own', bands: ['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90+'], straddling: ['10-19', '40-49', '70-79'] });
  });

  it('overlapping bands stop the run, naming the column and the bands', async () => {
    const dir = tempDir();
    const file = write(join(dir, 'r.csv'), HEADER.map((h) => (h === 'AGE' ? 'Aldersgruppe' : h)), data, (a) => (a === null ? '' : a < 30 ? '18-29' : '25-34 år'));
    const err = await readRegistryFile(file, { ...base, columns: { ...columns, ageBand: 'Aldersgruppe' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).message).toContain('the age bands of column "Aldersgruppe" cannot be counted');
    expect((err as HtaError).problems[0]!.expected).toContain('18-29 and 25-34 overlap');
    // Each band at the first line holding it, with the column and the cell as written (line 1: the header).
    const lineOf = (pick: (a: number) => boolean) => 2 + data.findIndex((r) => r.age !== null && pick(r.age));
    expect((err as HtaError).problems.map(({ line, column, field, value }) => ({ line, column, field, value }))).toEqual([
      { line: lineOf((a) => a < 30), column: 7, field: 'Aldersgruppe', value: '18-29' },
      { line: lineOf((a) => a >= 30), column: 7, field: 'Aldersgruppe', value: '25-34 år' },
    ]);
  });

  it('without an age column: read when no age band is published; otherwise the message names columns.registry.age, .ageBand and publish.equity', async () => {
    const dir = tempDir();
    const header = HEADER.filter((h) => h !== 'AGE');
    const lines = [header.join(';'), ...data.map((r) => [r.id, r.region, r.clinic, r.referred, r.activated, r.last, r.sex, r.referrer].join(';'))];
    const file = join(dir, 'r.csv');
    writeFileSync(file, `\uFEFF${lines.join('\r\n')}\r\n`);
    const read = await readRegistryFile(file, { ...base, columns, ageNeeded: false });
    expect(read.aggregate.rows).toBe(600);
    expect(read.aggregate.metrics.filter((m) => m.dimension === 'ageBand').every((m) => m.level === 'unknown')).toBe(true);
    const err = await readRegistryFile(file, { ...base, columns }).catch((e: unknown) => e) as HtaError;
    expect(err.message).toBe(`${file} lacks registry columns`);
    expect(err.problems).toHaveLength(1);
    expect(err.problems[0]!.expected).toMatch(/^a column named "age" — or the file's name for it in the uptake plan's columns\.registry\.age /);
    expect(err.problems[0]!.expected).toContain('columns.registry.ageBand');
    expect(err.problems[0]!.expected).toContain('leave "ageBand" out of the plan\'s publish.equity');
  });

  it('a plan without columns.registry is told the mapping that reads the Danish export, its age-band column as ageBand', () => {
    const header = ['PatientID', 'Regionskode', 'Kommunekode', 'Behandlingssted', 'Henvisningsdato', 'Aktiveringsdato', 'Sidst aktiv', 'Aldersgruppe', 'Køn', 'Henviser'];
    const problems = registryColumnIndex(header, 'registry.csv') as { field: string; expected: string; hint?: string }[];
    expect(problems.map((p) => p.field)).toEqual(['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer']);
    expect(problems[1]!.expected).toContain("the uptake plan's columns.registry.region");
    expect(problems[0]!.hint).toBe('map the file\'s names in the uptake plan: "columns": { "registry": { "id": "PatientID", "region": "Regionskode", "clinic": "Behandlingssted", "referred": "Henvisningsdato", "activated": "Aktiveringsdato", "last_active": "Sidst aktiv", "ageBand": "Aldersgruppe", "sex": "Køn", "referrer": "Henviser" } }');
    // Publishing no age bands, the age column is not asked for.
    expect((registryColumnIndex(header, 'registry.csv', {}, false) as unknown[]).map((p) => (p as { field: string }).field)).not.toContain('age');
    // A name the plan gives must be there, needed or not: a misspelling is said.
    const misspelt = registryColumnIndex(header, 'registry.csv', { ageBand: 'Aldersgrupe' }, false) as { field: string; expected: string }[];
    expect(misspelt.find((p) => p.field === 'Aldersgrupe')?.expected).toMatch(/^a column named "Aldersgrupe" \(the plan's columns\.registry\.ageBand\)/);
  });

  it('the plan takes ageBand or age, not both', () => {
    const plan = (registry: Record<string, string>) => () => parseUptakePlan({
      priceModel: { mode: 'all-units', tiers: [{ upTo: null, price: 1000 }] }, scenarios: { low: [0.1], base: [0.2], high: [0.3] }, firstYear: 2026, columns: { registry },
    });
    expect(plan({ ageBand: 'Aldersgruppe' })).not.toThrow();
    const err = (() => { try { plan({ age: 'Alder', ageBand: 'Aldersgruppe' })(); } catch (e) { return e as HtaError; } return undefined; })();
    expect(JSON.stringify(err?.problems)).toContain('name the age column once');
  });
});

describe('the outputs say which age bands they show', () => {
  it('a run publishes the export\'s own bands with a sentence in the summary (en) and the notes (da)', async () => {
    const dir = tempDir();
    const registryFile = write(join(dir, 'registry.csv'), HEADER.map((h) => (h === 'AGE' ? 'Aldersgruppe' : h)), rows(300, 3), tenYear);
    const eligibleFile = join(dir, 'eligible.csv');
    writeFileSync(eligibleFile, '\uFEFFRegion;År;Antal\r\nSyddanmark;2024;25000\r\nSjælland;2024;17000\r\nSyddanmark;2025;25400\r\nSjælland;2025;17200\r\nSyddanmark;2026;25800\r\nSjælland;2026;17400\r\n');
    const plan = parseUptakePlan({
      priceModel: { mode: 'all-units', tiers: [{ upTo: null, price: 1000 }] }, scenarios: { low: [0.1], base: [0.2], high: [0.3] }, firstYear: 2026,
      columns: { registry: { ...columns, ageBand: 'Aldersgruppe' }, eligible: { year: 'År', eligible: 'Antal' } }, dateFormat: 'dd-mm-yyyy',
      publish: { months: false, years: false, clinics: false, equity: ['ageBand'] },
    });
    const run = await runUptake({ registryFile, eligibleFile, plan });
    expect(run.analysis.ageBands).toEqual({ kind: 'own', bands: ['0-9', '10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90+'] });
    expect(uptakeSummary(run.analysis)).toContain("the breakdown by age band shows the registry's own bands (0–9, 10–19, 20–29, 30–39, 40–49, 50–59, 60–69, 70–79, 80–89, 90+)");
    expect(uptakeInputNotes(run.analysis, 'da')).toContain('Registeret angiver aldersgrupper, ikke alder, og de ligger ikke hver inden for én af standardaldersgrupperne (<18, 18–29, 30–44, 45–59, 60–74, 75+): opdelingen efter aldersgruppe viser registerets egne grupper (0–9, 10–19, 20–29, 30–39, 40–49, 50–59, 60–69, 70–79, 80–89, 90+).');
    // Not published: not said.
    expect(uptakeInputNotes({ ...run.analysis, leftOut: ['ageBand'] }).some((n) => n.includes('age bands'))).toBe(false);
    expect(uptakeInputNotes({ ...run.analysis, ageBands: { kind: 'standard', bands: ['18-29'] } })).toContain('The registry gives age bands, not ages; each lies inside one of the standard age bands (<18, 18–29, 30–44, 45–59, 60–74, 75+), in which the breakdown by age band counts them.');
  }, 30_000);
});

describe('hta plan init --uptake on a Danish regional export', () => {
  const header = ['PatientID', 'Regionskode', 'Kommunekode', 'Behandlingssted', 'Henvisningsdato', 'Aktiveringsdato', 'Sidst aktiv', 'Aldersgruppe', 'Køn', 'Henviser'];
  const file = (data: Row[], name: string) => {
    const dir = tempDir();
    const lines = [header.join(';'), ...data.map((r) => [r.id, r.region === 'Syddanmark' ? '1083' : '1085', '461', r.clinic, r.referred, r.activated, r.last, tenYear(r.age), r.sex, r.referrer].join(';'))];
    const path = join(dir, name);
    writeFileSync(path, `\uFEFF${lines.join('\r\n')}\r\n`);
    return path;
  };

  it('maps Regionskode, Behandlingssted and Aldersgruppe (as ageBand), and drafts exportDate from the last date of a registry ending within a year', () => {
    const data = rows(200);
    const { plan, notes } = draftUptakePlan(file(data, 'registry.csv'));
    expect((plan.columns as { registry: unknown }).registry).toEqual({
      id: 'PatientID', region: 'Regionskode', clinic: 'Behandlingssted', referred: 'Henvisningsdato', activated: 'Aktiveringsdato',
      last_active: 'Sidst aktiv', ageBand: 'Aldersgruppe', sex: 'Køn', referrer: 'Henviser',
    });
    // The latest date, found here from the rows themselves.
    const iso = (d: string) => d.split('-').reverse().join('-');
    const last = data.flatMap((r) => [r.referred, r.activated, r.last]).filter((d) => d !== '').map(iso).sort().at(-1)!;
    expect(last < '2025-12-31').toBe(true);
    expect(plan.exportDate).toBe(last);
    expect(notes.find((n) => n.startsWith(`exportDate ${last} drafted from the latest date in the file`))).toBeDefined();
    expect(notes.find((n) => n.startsWith('"Aldersgruppe" drafted as columns.registry.ageBand'))).toContain("the breakdown by age band shows the export's own bands");
    expect(notes.some((n) => n.startsWith('no column recognised'))).toBe(false);
  });

  it('drafts no exportDate when the registry ends on 31 December', () => {
    const data = rows(50);
    data[0] = { ...data[0]!, referred: '20-12-2025', activated: '22-12-2025', last: '31-12-2025' };
    const { plan, notes } = draftUptakePlan(file(data, 'registry.csv'));
    expect(plan.exportDate).toBeUndefined();
    expect(notes.some((n) => n.startsWith('exportDate'))).toBe(false);
  });
});

describe('--aggregates tables with an export\'s own age bands (docs/uptake-aggregates.md)', () => {
  const CELLS = 'region,ref_year,ref_month,age_band,sex,referrer,delay_days,referrals,activations,at_risk_4w,retained_4w,at_risk_12w,retained_12w';
  /** One part's four tables, its age-band cells as given: [band, referrals]. */
  function part(bands: [string, number][]): string {
    const dir = tempDir();
    const total = bands.reduce((s, [, n]) => s + n, 0);
    const row = (band: string, n: number) => `,,,${band},,,,${n},0,0,0,0,0`;
    writeFileSync(join(dir, 'uptake_cells.csv'), [CELLS, row('', total), ...bands.map(([b, n]) => row(b, n))].join('\n') + '\n');
    writeFileSync(join(dir, 'uptake_clinics.csv'), 'region,clinic,referrals,activations\nSyddanmark,A,' + total + ',0\n');
    writeFileSync(join(dir, 'uptake_activation_years.csv'), 'region,act_year,activations\n');
    writeFileSync(join(dir, 'uptake_totals.csv'), `export_date,referrals\n2025-06-30,${total}\n`);
    return dir;
  }
  const bandsOf = (t: ReturnType<typeof readAggregateTables>) => Object.fromEntries(t.cells.filter((c) => c.ageBand !== null).map((c) => [c.ageBand, c.referrals]));

  it('reads ten-year bands as the export\'s own, and bands inside the standard ones in those, as a registry\'s bands are read', () => {
    const own = readAggregateTables([part([['60-69 år', 12], ['70-79', 18], ['90 år og derover', 6], ['unknown', 2]])], regions);
    expect(own.ageBands).toEqual({ kind: 'own', bands: ['60-69', '70-79', '90+'], straddling: ['70-79'] });
    expect(bandsOf(own)).toEqual({ '60-69': 12, '70-79': 18, '90+': 6, unknown: 2 });
    // 20-24 and 25-29 lie inside 18-29: counted there, summed (as exact ages would be).
    const inside = readAggregateTables([part([['20-24', 7], ['25-29', 9], ['75+', 5]])], regions);
    expect(inside.ageBands).toEqual({ kind: 'standard', bands: ['18-29', '75+'] });
    expect(bandsOf(inside)).toEqual({ '18-29': 16, '75+': 5 });
    expect(readAggregateTables([part([['18-29', 4], ['75+', 5]])], regions).ageBands).toBeUndefined();
  });

  it('refuses parts cut differently (they cannot be summed), and a text that is no band, naming the column', () => {
    const err = (() => { try { readAggregateTables([part([['60-74', 10]]), part([['70-79', 8]])], regions); } catch (e) { return e as HtaError; } return undefined; })();
    expect(err?.message).toBe('the age bands of the aggregate tables cannot be counted');
    expect(err?.problems[0]).toMatchObject({ field: 'age_band', expected: expect.stringContaining('60-74 and 70-79 overlap') });
    // Each band at the first part file and row holding it, as written (row 1: the header; row 2: the national cell).
    const [a, b] = [part([['60-74', 10]]), part([['70-79 år', 8]])];
    const named = (() => { try { readAggregateTables([a, b], regions); } catch (e) { return e as HtaError; } return undefined; })();
    expect(named?.problems.map(({ file, line, column, field, value }) => ({ file, line, column, field, value }))).toEqual([
      { file: join(a, 'uptake_cells.csv'), line: 3, column: 4, field: 'age_band', value: '60-74' },
      { file: join(b, 'uptake_cells.csv'), line: 3, column: 4, field: 'age_band', value: '70-79 år' },
    ]);
    const bad = (() => { try { readAggregateTables([part([['gammel', 3]])], regions); } catch (e) { return e as HtaError; } return undefined; })();
    expect(bad?.problems[0]).toMatchObject({ field: 'age_band', value: 'gammel', expected: expect.stringContaining("or an export's own age band such as 70-79 or 90+") });
  });
});
