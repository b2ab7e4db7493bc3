/**
 * Region names across publications (docs/disclosure-control.md "A clinic, level or region gone").
 * P1 (as of 30 June 2025) is made with an eligible file naming "Region Hovedstaden" and "Region
 * Midtjylland"; the next quarter's eligible file says "Hovedstaden" and "Midtjylland", the
 * registry is unchanged. Within one run the two spellings are one region (regions.ts); until
 * 4 December 2026 `--previous` compared the earlier names as written: both regions of P1 read as
 * gone, with their 7 clinics, so P2 said "Changed since an earlier publication" (false) and hid
 * most counts, and the audit of P2 against P1 listed 9 categories gone. Now the earlier names are
 * read as the registry's, in the run and in both audits.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { foldRegionSpellings, respellPublished } from '../../src/uptake/disclosure/region-spellings.js';
import type { PreviousCount, PreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const DAY = 86_400_000, START = Date.UTC(2024, 0, 1), CUT1 = Date.UTC(2025, 5, 30), CUT2 = Date.UTC(2025, 8, 30);
/** Region, clinic, referrals up to P1, added by P2. Midtjylland adds 2 in all: printed next to P1, now − then gives them. */
const CLINICS: [string, string, number, number][] = [
  ['Region Hovedstaden', 'Amager Lægehus', 40, 9], ['Region Hovedstaden', 'Nørrebro Fysio', 44, 8], ['Region Hovedstaden', 'Hillerød Klinik', 38, 10],
  ['Region Midtjylland', 'Aarhus Lægehus', 42, 1], ['Region Midtjylland', 'Viborg Fysio', 45, 1],
];

function registry(end: number): string {
  let seed = 7;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const day = (t: number) => new Date(t).toISOString().slice(0, 10);
  const lines = [HEADER];
  let id = 0;
  for (const [region, clinic, before, added] of CLINICS) {
    for (let i = 0; i < before + added; i++) {
      const [from, to] = i < before ? [START, CUT1] : [CUT1 + DAY, CUT2];
      const referred = from + Math.floor(rnd() * ((to - from) / DAY + 1)) * DAY;
      const activated = rnd() < 0.7 ? referred + Math.floor(rnd() * 10) * DAY : undefined;
      const last = activated !== undefined ? activated + Math.floor(rnd() * 150) * DAY : undefined;
      id++;
      if (referred > end) continue;
      const a = activated !== undefined && activated <= end ? activated : undefined;
      lines.push([`P${id}`, region, clinic, day(referred), a !== undefined ? day(a) : '', a !== undefined ? day(Math.min(last!, end)) : '', String(20 + (id % 60)), id % 2 ? 'K' : 'M', 'Egen læge'].join(';'));
    }
  }
  return lines.join('\n') + '\n';
}

const plan = (exportDate: string) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2026, suppression: { threshold: 5 }, exportDate,
  columns: { registry: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' } },
  publish: { months: false, clinics: true, equity: [] },
});

type Json = { suppression: { suppressedCells: number }; previous?: { changed?: unknown } } & Record<string, unknown>;
let dir: string;
let same: Json, spelt: Json, speltStderr: string;

async function publish(name: string, end: number, eligible: string, previous?: string): Promise<{ json: Json; stderr: string }> {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), elig = join(dir, `${name}.eligible.csv`);
  writeFileSync(reg, registry(end));
  writeFileSync(planFile, JSON.stringify(plan(new Date(end).toISOString().slice(0, 10))));
  writeFileSync(elig, `Region;2024;2025;2026\n${eligible.split(',').map((r) => `${r};40.000;40.500;41.000`).join('\n')}\n`);
  const r = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(r.code, r.stderr).toBe(0);
  writeFileSync(join(dir, `${name}.json`), r.stdout);
  return { json: JSON.parse(r.stdout) as Json, stderr: r.stderr };
}

/** The run's own audit (`--audit --json`) of the publication `name` made. */
async function runAudit(name: string, previous: string): Promise<{ lpSolves: number; intervals: { cell: string }[] }> {
  const r = await runCli('uptake', join(dir, `${name}.csv`), '--eligible', join(dir, `${name}.eligible.csv`), '--plan', join(dir, `${name}.plan.json`), '--previous', previous, '--audit', '--json');
  expect(r.code, r.stdout).toBe(0);
  return (JSON.parse(r.stdout) as { audit: { lpSolves: number; intervals: { cell: string }[] } }).audit;
}

const LONG = 'Region Hovedstaden,Region Midtjylland', SHORT = 'Hovedstaden,Midtjylland';
const short = (j: unknown) => JSON.parse(JSON.stringify(j).replace(/Region (Hovedstaden|Midtjylland)/g, '$1')) as unknown;

beforeAll(async () => {
  dir = tempDir();
  await publish('p1', CUT1, LONG);
  same = (await publish('p2-same', CUT2, LONG, join(dir, 'p1.json'))).json;
  const s = await publish('p2-spelt', CUT2, SHORT, join(dir, 'p1.json'));
  spelt = s.json;
  speltStderr = s.stderr;
  // Made without --previous: prints what it likes, so P1 and it give Midtjylland's 2 added.
  await publish('p2-alone', CUT2, SHORT);
}, 60_000);
afterAll(removeTempDirs);

describe('an earlier publication whose regions the eligible file spelled "Region …"', () => {
  it('is compared region by region: the same publication as with the old spelling, a note, nothing "changed"', () => {
    expect(speltStderr).not.toContain('absent now');
    expect(speltStderr).toContain('region names of an earlier publication that name a region now spelled otherwise (case, blanks, a leading "Region ", æ/ø/å spelled out) are compared as that region, its counts then against its counts now: "Region Hovedstaden" (printed as of 2025-06-30) as "Hovedstaden"; "Region Midtjylland" (printed as of 2025-06-30) as "Midtjylland"');
    expect(spelt.previous?.changed).toBeUndefined();
    // previous.publications carries P1 as it printed itself: compared apart.
    const { previous: carriedSpelt, ...restSpelt } = spelt;
    const { previous: carriedSame, ...restSame } = same;
    expect(carriedSpelt).toEqual(carriedSame);
    expect(short(restSpelt)).toEqual(short(restSame));
  });

  it('the audit of P2 as published against P1 passes it and still finds what a P2 made without --previous gives away', async () => {
    const ok = await runCli('uptake', '--audit', '--published', join(dir, 'p2-spelt.json'), '--previous', join(dir, 'p1.json'));
    expect(ok.code, ok.stdout).toBe(0);
    // The same audit, LPs and all (P1's hidden counts read from P2 where settled), as with the old spelling.
    const asJson = async (name: string) => {
      const r = await runCli('uptake', '--audit', '--json', '--published', join(dir, `${name}.json`), '--previous', join(dir, 'p1.json'));
      return short(JSON.parse(r.stdout.replaceAll(join(dir, `${name}.json`), 'P2')));
    };
    expect(await asJson('p2-spelt')).toEqual(await asJson('p2-same'));
    const bad = await runCli('uptake', '--audit', '--published', join(dir, 'p2-alone.json'), '--previous', join(dir, 'p1.json'));
    expect(bad.code).toBe(1);
    expect(bad.stdout).toContain('Categories of an earlier publication absent here (merged, renamed or removed) whose counts this file does not list as changed: 0 (none)');
    expect(bad.stdout).toMatch(/referrals · Midtjylland · 2025 · all=all − the same count published on 2025-06-30: 2 … 2/);
  }, 30_000);

  it('the run\'s own audit reads P1 as it reads the same spelling', async () => {
    const [a, b] = [await runAudit('p2-spelt', join(dir, 'p1.json')), await runAudit('p2-same', join(dir, 'p1.json'))];
    expect(a.lpSolves).toBe(b.lpSolves);
    expect(short(a.intervals)).toEqual(short(b.intervals));
  }, 30_000);
});

describe('foldRegionSpellings', () => {
  const c = (region: string, asOf = '2025-06-30', value = 30): PreviousCount => ({ asOf, kind: 'year', region, year: 2025, value });
  const pub = (counts: PreviousCount[], extra: Partial<PreviousPublication> = {}): PreviousPublication => ({ file: 'p1.json', exportDate: '2025-06-30', exportDates: ['2025-06-30'], counts, uncarried: [], ...extra });
  it('reads case, blanks, "Region " and æ/ø/å spelled out as the region now, changed units and merges too', () => {
    const r = foldRegionSpellings(pub([c('REGION  SJAELLAND'), c('national')], { listedChanged: new Map([['m|REGION  SJAELLAND|2025', '2025-06-30']]), clinicMerges: [{ region: 'REGION  SJAELLAND', from: 'a', into: 'b' }] }), ['Sjælland']);
    expect(r.previous.counts.map((x) => x.region)).toEqual(['Sjælland', 'national']);
    expect([...r.previous.listedChanged!.keys()]).toEqual(['m|Sjælland|2025']);
    expect(r.previous.clinicMerges!.map((m) => m.region)).toEqual(['Sjælland']);
    expect(r.respelled).toEqual([{ earlier: 'REGION  SJAELLAND', now: 'Sjælland', asOf: ['2025-06-30'] }]);
  });
  it('not two spellings of one date naming one region now (a merge), nor a name that is no region now', () => {
    const merged = foldRegionSpellings(pub([c('Region Sjælland'), c('Sjælland')]), ['Sjælland']);
    expect(merged.previous.counts.map((x) => x.region)).toEqual(['Region Sjælland', 'Sjælland']);
    expect(merged.respelled).toEqual([]);
    expect(foldRegionSpellings(pub([c('Sjælland-Vest')]), ['Sjælland']).previous.counts[0]!.region).toBe('Sjælland-Vest');
  });
  it('respellPublished: an earlier file\'s tables under the names now, unless two of its spellings name one region', () => {
    const row = (region: string) => ({ region, year: 2024 });
    const json = { metrics: [{ region: 'Region Sjælland', period: '2024' }, { region: 'national', period: '2024' }], uptake: [row('Region Sjælland')], budget: { observed: [row('Region Sjælland')] }, funnel: { rows: [{ region: 'Region Sjælland', clinic: 'x' }] } };
    expect(respellPublished(json, ['Sjælland'])).toEqual({ metrics: [{ region: 'Sjælland', period: '2024' }, { region: 'national', period: '2024' }], uptake: [row('Sjælland')], budget: { observed: [row('Sjælland')] }, funnel: { rows: [{ region: 'Sjælland', clinic: 'x' }] } });
    const two = { metrics: [{ region: 'Region Sjælland' }, { region: 'SJÆLLAND' }] };
    expect(respellPublished(two, ['Sjælland'])).toEqual(two);
  });
});
