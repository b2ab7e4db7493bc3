/**
 * Age bands cut differently in two publications of one registry (docs/disclosure-control.md "Age
 * bands cut differently"). A Syddanmark + Sjælland registry (Regionskode, dd-mm-yyyy, BOM, CRLF)
 * is published as of 30 June 2025 from an export with exact ages (P1: the standard bands) and as of
 * 30 September 2025 from one with ten-year bands (`Aldersgruppe`: 60-69 år, …; P2), and the reverse.
 * Of the 29 referrals Syddanmark added in between, 2 were aged 60 or over. Each table's bands are
 * large, but P2's 60–69 + 70–79 + 80–89 less P1's 60–74 + 75+ counts those 2; until 4 December 2026
 * a P2 made without `--previous` printed both (exit 0), and one made with it hid every count of
 * every region and period P1 printed an age table in.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ageBandClash, commonAgeGroups, cutDifferently } from '../../src/uptake/disclosure/age-band-schemes.js';
import { uptakeInputNotes } from '../../src/uptake/input-notes.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const SYD = 'Region Syddanmark', SJ = 'Region Sjælland';
const CUT1 = Date.UTC(2025, 5, 30), CUT2 = Date.UTC(2025, 8, 30), START = Date.UTC(2024, 0, 1), DAY = 86_400_000;
// Referrals before P1 and added by P2, per region; the added ones' ages given.
const ADDED: Record<string, number[]> = {
  '1083': [21, 22, 24, 25, 27, 28, 29, 31, 33, 34, 36, 38, 39, 41, 42, 44, 45, 47, 48, 50, 51, 52, 54, 55, 57, 58, 59, 65, 72], // Syddanmark: 2 of the 29 added are 60+
  '1085': [21, 23, 25, 28, 29, 31, 35, 42, 44, 51, 55, 57, 61, 63, 67, 71, 78, 83, 86, 88],
};
const BEFORE: Record<string, number> = { '1083': 400, '1085': 300 };
interface Row { id: string; region: string; referred: number; activated?: number; last?: number; age: number; sex: string }
function rows(): Row[] {
  let seed = 5;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: Row[] = [];
  let id = 1000;
  for (const region of ['1083', '1085']) {
    const span = (from: number, to: number) => from + Math.floor(rnd() * ((to - from) / DAY + 1)) * DAY;
    const ages = [...Array.from({ length: BEFORE[region]! }, () => 20 + Math.floor(rnd() * 70)), ...ADDED[region]!];
    ages.forEach((age, i) => {
      const referred = i < BEFORE[region]! ? span(START, CUT1) : span(CUT1 + DAY, CUT2);
      const activated = rnd() < 0.65 ? referred + Math.floor(rnd() * 20) * DAY : undefined;
      out.push({ id: `P${++id}`, region, referred, age, sex: rnd() < 0.5 ? 'K' : 'M', ...(activated !== undefined ? { activated, last: activated + Math.floor(rnd() * 200) * DAY } : {}) });
    });
  }
  return out;
}
const ddmmyyyy = (t: number) => { const d = new Date(t); return `${String(d.getUTCDate()).padStart(2, '0')}-${String(d.getUTCMonth() + 1).padStart(2, '0')}-${d.getUTCFullYear()}`; };
const tenYear = (a: number) => (a >= 90 ? '90 år og derover' : `${Math.floor(a / 10) * 10}-${Math.floor(a / 10) * 10 + 9} år`);
function registry(end: number, bands: boolean): string {
  const header = `\uFEFFPatientID;Regionskode;Behandlingssted;Henvisningsdato;Aktiveringsdato;Sidst aktiv;${bands ? 'Aldersgruppe' : 'Alder'};Køn;Henviser`;
  const lines = rows().filter((r) => r.referred <= end).map((r) => {
    const a = r.activated !== undefined && r.activated <= end ? r.activated : undefined;
    const last = a !== undefined ? Math.min(r.last!, end) : undefined;
    return [r.id, r.region, 'Klinik', ddmmyyyy(r.referred), a !== undefined ? ddmmyyyy(a) : '', last !== undefined ? ddmmyyyy(last) : '', bands ? tenYear(r.age) : r.age, r.sex, 'Egen læge'].join(';');
  });
  return [header, ...lines].join('\r\n') + '\r\n';
}
const plan = (exportDate: string, bands: boolean) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 1200 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2025, suppression: { threshold: 5 },
  columns: { registry: { id: 'PatientID', referred: 'Henvisningsdato', activated: 'Aktiveringsdato', last_active: 'Sidst aktiv', ...(bands ? { ageBand: 'Aldersgruppe' } : { age: 'Alder' }), sex: 'Køn', referrer: 'Henviser', region: 'Regionskode', clinic: 'Behandlingssted' } },
  dateFormat: 'dd-mm-yyyy', publish: { months: false, years: false, clinics: false, equity: ['ageBand'] }, exportDate,
});
type Json = { metrics: Record<string, unknown>[]; previous?: unknown; ageBandsWithheld?: unknown };
let dir: string;
const ELIGIBLE = 'Region;2024;2025\r\n1083;25.000;25.400\r\n1085;17.000;17.200\r\n';
async function publish(name: string, end: number, bands: boolean, previous?: string) {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), out = join(dir, `${name}.json`);
  writeFileSync(reg, registry(end, bands));
  writeFileSync(planFile, JSON.stringify(plan(new Date(end).toISOString().slice(0, 10), bands)));
  const r = await runCli('uptake', reg, '--eligible', join(dir, 'eligible.csv'), '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(out, r.stdout);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}
type Pub = { json: Json; stderr: string };
let p1: Pub, unsafe: Pub, fixed: Pub, r1: Pub, rUnsafe: Pub, rFixed: Pub;
beforeAll(async () => {
  dir = tempDir();
  writeFileSync(join(dir, 'eligible.csv'), ELIGIBLE);
  p1 = await publish('p1', CUT1, false);
  unsafe = await publish('p2-unsafe', CUT2, true);
  fixed = await publish('p2', CUT2, true, join(dir, 'p1.json'));
  // The reverse: ten-year bands first, exact ages later.
  r1 = await publish('r1', CUT1, true);
  rUnsafe = await publish('r2-unsafe', CUT2, false);
  rFixed = await publish('r2', CUT2, false, join(dir, 'r1.json'));
}, 60_000);
afterAll(removeTempDirs);

const cell = (j: Json, region: string, period: string, level: string, measure = 'referrals') =>
  j.metrics.find((m) => m.region === region && m.period === period && m.dimension === (level === 'all' ? 'all' : 'ageBand') && m.level === level)?.[measure];
/** A reader's sum of bands, undefined when one is hidden. */
function sum(j: Json, region: string, period: string, levels: string[]): number | undefined {
  const v = levels.map((l) => cell(j, region, period, l));
  return v.every((x) => typeof x === 'number') ? (v as number[]).reduce((a, b) => a + b, 0) : undefined;
}
const TEN_60 = ['60-69', '70-79', '80-89'], STD_60 = ['60-74', '75+'];
describe('exact ages, then ten-year bands', () => {
  it('the pair printed without regard to each other gives the 2 patients aged 60+ added in Syddanmark', () => {
    const later = sum(unsafe.json, SYD, 'all', TEN_60), earlier = sum(p1.json, SYD, 'all', STD_60);
    expect(later !== undefined && earlier !== undefined && later - earlier).toBe(2);
    // Every band of both tables is printed and large: no single cell gives it away.
    for (const l of [...TEN_60, ...STD_60]) expect(cell(l.includes('4') || l === '75+' ? p1.json : unsafe.json, SYD, 'all', l)).toBeGreaterThanOrEqual(5);
  });

  it('with --previous the age table is withheld, said on stderr and in the JSON; the other counts are compared like with like', () => {
    expect(fixed.json.metrics.some((m) => m.dimension === 'ageBand')).toBe(false);
    expect(fixed.json.ageBandsWithheld).toEqual({ asOf: '2025-06-30', earlier: ['18-29', '30-44', '45-59', '60-74', '75+'], now: ['20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89'] });
    expect(fixed.stderr).toContain("the breakdown by age band is not published: this export's age bands (20–29, 30–39, 40–49, 50–59, 60–69, 70–79, 80–89) cut ages differently from those the publication of 2025-06-30 printed (18–29, 30–44, 45–59, 60–74, 75+)");
    // Not the blanket of a category gone: the regions' totals are printed, nothing listed as changed.
    expect(cell(fixed.json, SYD, 'all', 'all')).toBe(BEFORE['1083']! + ADDED['1083']!.length);
    expect(fixed.json.previous).not.toHaveProperty('changed');
    expect(fixed.stderr).not.toContain('absent now');
    // The page's "About the data" says it too (en, da), and no longer that the table shows the registry's own bands.
    const notes = (lang: 'en' | 'da') => uptakeInputNotes(fixed.json as unknown as Parameters<typeof uptakeInputNotes>[0], lang);
    expect(notes('en')).toContain('The breakdown by age band is not published: the registry\'s age bands (20–29, 30–39, 40–49, 50–59, 60–69, 70–79, 80–89) cut ages differently from those of the earlier publication of 2025-06-30 (18–29, 30–44, 45–59, 60–74, 75+), and the two tables read together would count the patients added since in the ages where their bands meet.');
    expect(notes('da').some((n) => n.startsWith('Opdelingen efter aldersgruppe er ikke offentliggjort: registerets aldersgrupper (20–29,'))).toBe(true);
    expect(notes('en').some((n) => n.includes("shows the registry's own bands"))).toBe(false);
  });

  it('the audit fails the unsafe P2, naming the sums that give 2, and passes the one made with --previous', async () => {
    const bad = await runCli('uptake', '--audit', '--published', join(dir, 'p2-unsafe.json'), '--previous', join(dir, 'p1.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`referrals · ${SYD} · all · ageBand 60-69 + 70-79 + 80-89 now − 60-74 + 75+ as of 2025-06-30 (ages 60+): 2`);
    const good = await runCli('uptake', '--audit', '--published', join(dir, 'p2.json'), '--previous', join(dir, 'p1.json'));
    expect(good.code, good.stdout).toBe(0);
  }, 30_000);
});

describe('ten-year bands, then exact ages', () => {
  it('the unsafe pair gives the same 2; with --previous the standard table is withheld; the audit tells the two apart', async () => {
    const later = sum(rUnsafe.json, SYD, 'all', STD_60), earlier = sum(r1.json, SYD, 'all', TEN_60);
    expect(later !== undefined && earlier !== undefined && later - earlier).toBe(2);
    expect(rFixed.json.metrics.some((m) => m.dimension === 'ageBand')).toBe(false);
    expect(rFixed.json.ageBandsWithheld).toEqual({ asOf: '2025-06-30', earlier: ['20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89'], now: ['18-29', '30-44', '45-59', '60-74', '75+'] });
    expect(rFixed.stderr).toContain('the breakdown by age band is not published');
    const bad = await runCli('uptake', '--audit', '--published', join(dir, 'r2-unsafe.json'), '--previous', join(dir, 'r1.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain(`referrals · ${SYD} · all · ageBand 60-74 + 75+ now − 60-69 + 70-79 + 80-89 as of 2025-06-30 (ages 60+): 2`);
    const good = await runCli('uptake', '--audit', '--published', join(dir, 'r2.json'), '--previous', join(dir, 'r1.json'));
    expect(good.code, good.stdout).toBe(0);
  }, 30_000);
});

describe('age-band schemes', () => {
  it('bands that meet only at some ages cut differently; the same bands, or new ages, do not', () => {
    expect(cutDifferently(['18-29', '60-74', '75+', 'unknown'], ['20-29', '60-69', '70-79'])).toEqual(['18-29', '20-29']);
    expect(cutDifferently(['60-69', '70-79', 'unknown'], ['60-69', '70-79', '90+'])).toBeUndefined();
    expect(ageBandClash([{ asOf: '2025-06-30', kind: 'metric', measure: 'referrals', region: SYD, period: 'all', dimension: 'ageBand', level: '75+', value: 40 }], ['70-79', '80-89'])).toEqual({ asOf: '2025-06-30', earlier: ['75+'], now: ['70-79', '80-89'] });
  });

  it('the ages where two sets of bands meet', () => {
    expect(commonAgeGroups(['<18', '18-29', '30-44', '45-59', '60-74', '75+'], ['10-19', '20-29', '30-39', '40-49', '50-59', '60-69', '70-79', '80-89', '90+'])).toEqual([
      { label: '0-29', a: ['<18', '18-29'], b: ['10-19', '20-29'] },
      { label: '30-59', a: ['30-44', '45-59'], b: ['30-39', '40-49', '50-59'] },
      { label: '60+', a: ['60-74', '75+'], b: ['60-69', '70-79', '80-89', '90+'] },
    ]);
    // Bands equal one to one: nothing to subtract beyond the bands themselves.
    expect(commonAgeGroups(['60-69', '70-79'], ['60-69', '70-79', '80-89'])).toEqual([]);
  });
});
