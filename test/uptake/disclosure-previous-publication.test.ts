/**
 * Publishing again (docs/disclosure-control.md, "Publishing again"). A region publishes at the
 * end of December (A) and again a month later (B), with one referral more. Each publication is
 * protected on its own, yet until 3 December 2026 B printed Hovedstaden's whole export as 111
 * referred / 74 activated where A had 110 / 73: anyone subtracting learnt that one patient was
 * referred in January and activated (and its clinic's row the same). With `--previous A/results.json` every count A printed is a
 * known constant of B's suppression, and the attacker audit, given A too, finds nothing narrow.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { metricRow } from '../../src/uptake/aggregate.js';
import { auditPublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import { buildCellModel, metricCellKey } from '../../src/uptake/disclosure/cell-model.js';
import { suppressionPattern } from '../../src/uptake/disclosure/secondary-suppression.js';
import { certificateProblems } from '../../src/uptake/disclosure/suppression-certificate.js';
import { parsePreviousPublication } from '../../src/uptake/disclosure/previous-publication.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';

const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
const JANUARY = 'P999;Region Hovedstaden;HOV01;2026-01-12;2026-01-14;2026-01-30;51;K;Egen læge';

/** 183 referrals in 2025: Hovedstaden 110, Sjælland 30, Nordjylland 3, Midtjylland 40; censored at `exportDate`. */
function registry(exportDate: string): string[] {
  const day = (d: number) => new Date(Date.UTC(2025, 0, 5) + d * 86_400_000).toISOString().slice(0, 10);
  const rows = [HEADER];
  let id = 1;
  const person = (region: string, clinic: string, d: number, activated: boolean) => {
    const referred = day(d), act = activated ? day(d + 2) : '', last = activated ? day(Math.min(d + 2 + ((id * 37) % 120), 360)) : '';
    if (referred <= exportDate) {
      const a = act <= exportDate ? act : '';
      rows.push([`P${id}`, region, clinic, referred, a, a && (last <= exportDate ? last : exportDate), String(25 + ((id * 7) % 50)), id % 3 ? 'K' : 'M', 'Egen læge'].join(';'));
    }
    id++;
  };
  for (let i = 0; i < 110; i++) person('Region Hovedstaden', 'HOV01', (i * 29) % 320, i % 3 !== 0);
  for (let i = 0; i < 30; i++) person('Region Sjælland', 'SJÆ01', 20 + ((i * 13) % 290), i % 4 !== 0);
  for (let i = 0; i < 3; i++) person('Region Nordjylland', 'NOR01', 90 + 50 * i, i < 2);
  // A fourth region: Nordjylland's 3 need complements of two other regions (Sjælland alone
  // knows its own and would subtract it from the country's: docs/disclosure-control.md
  // "Insiders"), so Hovedstaden is left printed, and with it the subtraction the test is about.
  for (let i = 0; i < 40; i++) person('Region Midtjylland', 'MID01', 10 + ((i * 17) % 300), i % 3 !== 1);
  return rows;
}

const ELIGIBLE = ['Region;År;Antal', ...['Region Hovedstaden;37.600', 'Region Sjælland;17.000', 'Region Nordjylland;12.360', 'Region Midtjylland;26.400'].flatMap((r) => {
  const [name, n] = r.split(';');
  return [2025, 2026].map((y) => `${name};${y};${n}`);
})].join('\n') + '\n';

function plan(exportDate: string, months: boolean, equity: string[], clinics: boolean): object {
  return {
    currency: 'DKK',
    priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
    scenarios: { low: [0.02, 0.04], base: [0.05, 0.08], high: [0.08, 0.13] },
    firstYear: 2025,
    suppression: { threshold: 5 },
    exportDate,
    columns: {
      registry: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' },
      eligible: { region: 'Region', year: 'År', eligible: 'Antal' },
    },
    values: { referrer: { 'Egen læge': 'gp' } },
    dateFormat: 'iso',
    publish: { months, clinics, equity },
  };
}

async function publish(dir: string, name: string, rows: string[], exportDate: string, months: boolean, previous?: string, equity: string[] = [], clinics = true) {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), elig = join(dir, 'eligible.csv');
  writeFileSync(reg, rows.join('\n') + '\n');
  writeFileSync(elig, ELIGIBLE);
  writeFileSync(planFile, JSON.stringify(plan(exportDate, months, equity, clinics)));
  const run = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(run.code, run.stderr).toBe(0);
  const out = join(dir, `${name}.results.json`);
  writeFileSync(out, run.stdout);
  return { analysis: JSON.parse(run.stdout) as UptakeAnalysis, file: out, stderr: run.stderr };
}

/** The reader's subtraction: every row printed in both, new − old, where it is a small count. */
function differences(a: UptakeAnalysis, b: UptakeAnalysis): string[] {
  const found: string[] = [];
  for (const r of b.metrics) {
    const old = a.metrics.find((m) => m.region === r.region && m.period === r.period && m.dimension === r.dimension && m.level === r.level);
    if (!old) continue;
    for (const c of ['referrals', 'activations'] as const) {
      const [x, y] = [r[c], old[c]];
      if (typeof x === 'number' && typeof y === 'number' && x - y > 0 && x - y < 5) found.push(`${c} ${r.region} ${r.period}: ${x} − ${y}`);
    }
  }
  for (const r of b.funnel?.rows ?? []) {
    const old = a.funnel?.rows.find((c) => c.region === r.region && c.clinic === r.clinic);
    for (const c of ['referrals', 'activations'] as const) {
      const [x, y] = [r[c], old?.[c]];
      if (typeof x === 'number' && typeof y === 'number' && x - y > 0 && x - y < 5) found.push(`${c} clinic ${r.clinic}: ${x} − ${y}`);
    }
  }
  return found;
}

/**
 * December's publication A and January's B0 made without --previous, as several tests start from
 * them: made once, in one folder (each test adds files of its own names), not once per test.
 */
const decemberDir = tempDir();
const made = new Map<'A' | 'B0', ReturnType<typeof publish>>();
function madeOnce(name: 'A' | 'B0'): ReturnType<typeof publish> {
  let run = made.get(name);
  if (!run) {
    run = name === 'A' ? publish(decemberDir, 'A', registry('2025-12-31'), '2025-12-31', false) : publish(decemberDir, 'B0', [...registry('2025-12-31'), JANUARY], '2026-01-31', false);
    made.set(name, run);
  }
  return run;
}

const audit = (b: UptakeAnalysis, a: { file: string }) =>
  auditPublishedUptake(b as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false }, parsePreviousPublication(JSON.parse(readFileSync(a.file, 'utf8')), a.file));

describe('a second publication a month later', () => {
  it('without --previous the two can be subtracted (and the audit, given both, says so); with it, nothing narrows', async () => {
    const dir = tempDir();
    const A = await madeOnce('A');
    const bRows = [...registry('2025-12-31'), JANUARY];
    const alone = await madeOnce('B0');
    // The threat: Hovedstaden's whole export 111 / 74 a month after 110 / 73.
    expect(differences(A.analysis, alone.analysis)).toEqual([
      'referrals Region Hovedstaden all: 111 − 110', 'activations Region Hovedstaden all: 74 − 73',
      'referrals clinic HOV01: 111 − 110', 'activations clinic HOV01: 74 − 73',
    ]);
    expect(audit(alone.analysis, A).disclosedDifferences.length).toBeGreaterThan(0);
    // The export ends within its last printed period: the analyst is told.
    expect(alone.stderr).toContain('--previous');

    const B = await publish(dir, 'B', bRows, '2026-01-31', false, A.file);
    expect(B.analysis.previous?.exportDate).toBe('2025-12-31');
    expect(B.analysis.previous?.publications.map((p) => p.exportDate)).toEqual(['2025-12-31']);
    expect(B.stderr).not.toContain('the export ends within');
    expect(differences(A.analysis, B.analysis)).toEqual([]);
    const report = audit(B.analysis, A);
    expect(report.narrow).toEqual([]);
    expect(report.disclosedDifferences).toEqual([]);
  }, 60_000);

  it('monthly publications (November, then December; months and sex printed): the audit given both finds nothing narrow', async () => {
    const dir = tempDir();
    const A = await publish(dir, 'A', registry('2025-11-30'), '2025-11-30', true, undefined, ['sex'], false);
    const alone = await publish(dir, 'B0', registry('2025-12-31'), '2025-12-31', true, undefined, ['sex'], false);
    // Without --previous: e.g. Hovedstaden's women at risk at 4 weeks grew by 3.
    expect(audit(alone.analysis, A).disclosedDifferences.length).toBeGreaterThan(0);
    const B = await publish(dir, 'B', registry('2025-12-31'), '2025-12-31', true, A.file, ['sex'], false);
    const report = audit(B.analysis, A);
    expect(report.narrow).toEqual([]);
    expect(report.disclosedDifferences).toEqual([]);
  }, 120_000); // ~11 CPU-s with Midtjylland (~6 before it): three publications and two audits with months and sex
});

describe('the manifest key "previous"', () => {
  it('an uptake report names the earlier results.json: the page says so, and nothing narrows against it', async () => {
    const dir = decemberDir;
    const A = await madeOnce('A');
    await madeOnce('B0');
    const entry = { id: 'u', kind: 'uptake', out: 'u', lang: 'en', registry: 'B0.csv', eligible: 'eligible.csv', plan: 'B0.plan.json', previous: 'A.results.json' };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [entry] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out', 'u', 'results.json'), 'utf8')) as UptakeAnalysis;
    expect(results.previous?.exportDate).toBe('2025-12-31');
    expect(differences(A.analysis, results)).toEqual([]);
    expect(audit(results, A).disclosedDifferences).toEqual([]);
    expect(readFileSync(join(dir, 'out', 'u', 'README.md'), 'utf8')).toContain('The counts of the earlier publication of this registry (export date 2025-12-31) were taken as known');
  }, 60_000);
});

describe('--previous: bad files', () => {
  it('a file that is not an earlier publication, or a later one: exit 2, a clear message, nothing written', async () => {
    const dir = decemberDir;
    const A = await madeOnce('A');
    const reg = join(dir, 'A.csv'), elig = join(dir, 'eligible.csv'), planFile = join(dir, 'A.plan.json');
    const wrong = join(dir, 'wrong.json');
    writeFileSync(wrong, JSON.stringify({ exportDate: '31-12-2025', metrics: [] }));
    const csvDir = join(dir, 'csv');
    const bad = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--previous', wrong, '--csv-dir', csvDir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('is not the results.json of an earlier hta uptake publication');
    expect(bad.stderr).toContain('exportDate');
    expect(bad.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(csvDir)).toBe(false);
    // A later export is no earlier publication (one of the same date is another cut of the
    // extract: test/uptake/same-extract-cuts.test.ts).
    const later = join(dir, 'later.json');
    writeFileSync(later, JSON.stringify({ ...(JSON.parse(readFileSync(A.file, 'utf8')) as object), exportDate: '2026-01-31' }));
    const same = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--previous', later, '--csv-dir', csvDir);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('is after this export\'s 2025-12-31');
    expect(existsSync(csvDir)).toBe(false);
  }, 60_000);
});

describe('the cell model with an earlier publication', () => {
  const counts = (referrals: number, activations: number) => ({ referrals, activations, atRisk4w: activations, retained4w: 0, atRisk12w: activations, retained12w: 0, delays: new Map() });
  const row = (region: string, period: string, r: number, a: number) => metricRow(region as never, period, 'all', 'all', counts(r, a));
  // Now (export 2026-01-31): X 201 / 130 in 2025, 1 / 1 in 2026; Y 300 / 200 in 2025. Then (2025-12-31): X all 201 / 130, 2025 the same.
  const metrics = [
    row('X', 'all', 202, 131), row('X', '2025', 201, 130), row('X', '2026', 1, 1),
    row('Y', 'all', 300, 200), row('Y', '2025', 300, 200),
    row('national', 'all', 502, 331), row('national', '2025', 501, 330), row('national', '2026', 1, 1),
  ];
  const previous = parsePreviousPublication({
    exportDate: '2025-12-31',
    metrics: [
      { region: 'X', period: 'all', dimension: 'all', level: 'all', referrals: 201, activations: 130 },
      { region: 'X', period: '2025', dimension: 'all', level: 'all', referrals: 201, activations: 130 },
    ],
  }, 'A.json');
  const rule = { threshold: 5, protectionLevel: 5, zerosSensitive: false };

  it('hides X\'s whole export (201 known, so 202 gives the 1 away); the certificate never moves a known count', () => {
    const m = buildCellModel({ metrics, exportDate: '2026-01-31', previous });
    const pattern = suppressionPattern(m, rule);
    expect(certificateProblems(m, rule, pattern)).toEqual([]);
    const hidden = new Set([...pattern.hidden].map((i) => m.cells[i]!.key));
    expect(hidden.has(metricCellKey('referrals', metrics[0]!))).toBe(true);
    // X's 2025 referrals equal the earlier count (a closed year): never hidden, never moved.
    expect(hidden.has(metricCellKey('referrals', metrics[1]!))).toBe(false);
    const known = m.cells.findIndex((c) => c.known);
    expect(known).toBeGreaterThanOrEqual(0);
    expect(certificateProblems(m, rule, { ...pattern, perturbations: [new Map([[known, 5]])] }).join()).toContain('known from an earlier publication');
  });
});
