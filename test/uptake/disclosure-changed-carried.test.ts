/**
 * A period changed once stays changed (docs/disclosure-control.md "Changed since an earlier
 * publication"). A Syddanmark + Sjælland export is published as of 30 June 2025 (c1), 30 September
 * (f2, `--previous c1`) and 31 December (f3, `--previous f2`). The small clinic Kalundborg (3
 * patients, activated in 2024) is missing from f2's export and back in f3's. f2 finds Sjælland's
 * 2024 activations changed (a closed year, 3 fewer than c1 printed) and hides them. Until
 * 4 December 2026 f3 printed them again (c1's value, the same as now: nothing "changed" against
 * c1), without listing them: f3 less f2's hidden value was Kalundborg's 3 patients, and the audit
 * passed f3. Now f3 carries f2's listing, hides the period, and the audit fails a file that drops it.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const SYD = 'Region Syddanmark', SJ = 'Region Sjælland';
const CLINICS = { [SYD]: ['Odense C Lægehus', 'Svendborg Fysio', 'Vejle Kiropraktik'], [SJ]: ['Roskilde Lægecenter', 'Holbæk Praksis'] };
const HEADER = '\uFEFFPatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';
interface Person { id: string; region: string; clinic: string; referred: number; activated?: number; last?: number }

/** 360 referrals 2024–2025 and Kalundborg's 3 (March 2024, activated), day numbers from 1 January 2024. */
function people(): Person[] {
  let seed = 11;
  const rnd = () => ((seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
  const out: Person[] = [];
  for (let i = 0; i < 360; i++) {
    const region = rnd() < 0.5 ? SYD : SJ;
    const list = CLINICS[region]!;
    const clinic = list[Math.floor(rnd() * list.length)]!;
    const referred = Math.floor(rnd() * 731);
    const activated = rnd() < 0.65 ? referred + Math.floor(rnd() * 20) : undefined;
    out.push({ id: `P${10000 + i}`, region, clinic, referred, ...(activated !== undefined ? { activated, last: activated + Math.floor(rnd() * 200) } : {}) });
  }
  for (let j = 0; j < 3; j++) out.push({ id: `P2000${j}`, region: SJ, clinic: 'Kalundborg Lægehus', referred: 64 + j, activated: 69 + j, last: 121 });
  return out;
}
const ALL = people();
const day = (iso: string) => (Date.parse(`${iso}T00:00:00Z`) - Date.UTC(2024, 0, 1)) / 86_400_000;
const date = (d: number) => {
  const x = new Date(Date.UTC(2024, 0, 1) + d * 86_400_000);
  return `${String(x.getUTCDate()).padStart(2, '0')}-${String(x.getUTCMonth() + 1).padStart(2, '0')}-${x.getUTCFullYear()}`;
};

/** The export as of `exportDate` (rows referred by then, censored there), without the clinics in `drop`. */
function registry(exportDate: string, drop: readonly string[] = []): string {
  const end = day(exportDate);
  const rows = ALL.filter((p) => p.referred <= end && !drop.includes(p.clinic)).map((p) => {
    const act = p.activated !== undefined && p.activated <= end ? p.activated : undefined;
    const last = act !== undefined ? Math.min(p.last!, end) : undefined;
    return [p.id, p.region, p.clinic, date(p.referred), act !== undefined ? date(act) : '', last !== undefined ? date(last) : '', '50', 'K', 'Egen læge'].join(';');
  });
  return [HEADER, ...rows].join('\r\n') + '\r\n';
}

const ELIGIBLE = ['Region;År;Antal', `${SYD};2024;25.000`, `${SYD};2025;25.400`, `${SYD};2026;25.800`, `${SJ};2024;17.000`, `${SJ};2025;17.200`, `${SJ};2026;17.400`].join('\n') + '\n';
const plan = (exportDate: string) => ({
  currency: 'DKK',
  priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: 2000, price: 1500 }, { upTo: null, price: 1200 }] },
  scenarios: { low: [0.02], base: [0.05], high: [0.08] },
  firstYear: 2025,
  suppression: { threshold: 5 },
  exportDate,
  columns: {
    registry: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' },
    eligible: { year: 'År', eligible: 'Antal' },
  },
  dateFormat: 'dd-mm-yyyy',
  publish: { months: false, years: false, clinics: true, equity: [] },
});

let dir = '';
async function publish(name: string, exportDate: string, drop: readonly string[], previous?: string): Promise<{ json: UptakeAnalysis; file: string }> {
  const reg = join(dir, `${name}.csv`), planFile = join(dir, `${name}.plan.json`), elig = join(dir, 'elig.csv');
  writeFileSync(reg, registry(exportDate, drop));
  writeFileSync(elig, ELIGIBLE);
  writeFileSync(planFile, JSON.stringify(plan(exportDate)));
  const run = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json', ...(previous ? ['--previous', previous] : []));
  expect(run.code, run.stderr).toBe(0);
  const file = join(dir, `${name}.json`);
  writeFileSync(file, run.stdout);
  return { json: JSON.parse(run.stdout) as UptakeAnalysis, file };
}
const activations = (a: UptakeAnalysis, region: string, year: number) => a.uptake.find((u) => u.region === region && u.year === year)!.activations;
/** Sjælland's 2024 activations in the registry as of `exportDate` (the true count). */
const truth = (exportDate: string, drop: readonly string[] = []) =>
  ALL.filter((p) => p.region === SJ && !drop.includes(p.clinic) && p.activated !== undefined && p.activated <= day(exportDate) && p.activated < 366).length;

let c1: Awaited<ReturnType<typeof publish>>, f2: Awaited<ReturnType<typeof publish>>;
beforeAll(async () => {
  dir = tempDir();
  c1 = await publish('c1', '2025-06-30', []);
  f2 = await publish('f2', '2025-09-30', ['Kalundborg Lægehus'], c1.file);
}, 60_000);
afterAll(removeTempDirs);

describe('a period an earlier publication listed as changed', () => {
  it('the case: c1 printed Sjælland\'s 2024 activations, f2 lists them changed and hides them', () => {
    expect(activations(c1.json, SJ, 2024)).toBe(truth('2025-06-30'));
    expect(truth('2025-06-30') - truth('2025-09-30', ['Kalundborg Lægehus'])).toBe(3);
    expect(f2.json.previous?.changed?.activationYears).toEqual([{ region: SJ, year: 2024 }, { region: 'national', year: 2024 }]);
    expect(activations(f2.json, SJ, 2024)).toBe('suppressed');
  });

  it('one more printed cell of it in f2 (the whole country\'s 2024) would pin it, and the audit fails that f2', async () => {
    const national = ALL.filter((p) => !p.clinic.startsWith('Kalundborg') && p.activated !== undefined && p.activated < 366).length;
    const edited = JSON.parse(JSON.stringify(f2.json)) as UptakeAnalysis;
    for (const list of [edited.uptake, edited.budget.observed]) for (const y of list) if (y.region === 'national' && y.year === 2024) y.activations = national;
    const file = join(dir, 'f2-national.json');
    writeFileSync(file, JSON.stringify(edited, null, 2));
    const audited = await runCli('uptake', '--audit', '--published', file, '--previous', c1.file);
    expect(audited.code).toBe(1);
    expect(audited.stdout).toContain(`activations · ${SJ} · activated in 2024: ${truth('2025-09-30', ['Kalundborg Lægehus'])} … ${truth('2025-09-30', ['Kalundborg Lægehus'])}`);
  });

  it('stays listed and hidden in the next publication, which then passes the audit', async () => {
    const f3 = await publish('f3', '2025-12-31', [], f2.file);
    expect(f3.json.previous?.changed?.activationYears).toEqual([{ region: SJ, year: 2024 }, { region: 'national', year: 2024 }]);
    expect(f3.json.previous?.changed?.clinicRegions).toContain(SJ);
    // Printed, it would be f2's hidden count + Kalundborg's 3.
    for (const region of [SJ, 'national']) {
      expect(activations(f3.json, region, 2024), region).toBe('suppressed');
      expect(f3.json.budget.observed.find((b) => b.region === region && b.year === 2024)!.activations, region).toBe('suppressed');
    }
    // And carried on: a fourth publication naming only f3 lists it too.
    const f4 = await publish('f4', '2026-03-31', [], f3.file);
    expect(f4.json.previous?.changed?.activationYears).toEqual([{ region: SJ, year: 2024 }, { region: 'national', year: 2024 }]);
    const audited = await runCli('uptake', '--audit', '--published', f3.file, '--previous', f2.file);
    expect(audited.code, audited.stdout).toBe(0);
    expect(audited.stdout).toContain('printed in this file without listing them: 0 (none)');
  }, 60_000);

  it('the audit fails a publication that prints it again without listing it', async () => {
    // Made knowing c1 only: Sjælland's 2024 equals c1's print, so nothing changed against c1.
    const f3 = await publish('f3-c1', '2025-12-31', [], c1.file);
    expect(activations(f3.json, SJ, 2024)).toBe(truth('2025-12-31'));
    expect(truth('2025-12-31') - truth('2025-09-30', ['Kalundborg Lægehus'])).toBe(3);
    const audited = await runCli('uptake', '--audit', '--published', f3.file, '--previous', f2.file);
    expect(audited.code).toBe(1);
    expect(audited.stdout).toMatch(/f3-c1\.json:\d+:\d+ \(uptake\.\d+\.activations\): activations · Region Sjælland · activated in 2024 is printed \(listed as changed as of 2025-09-30/);
  }, 60_000);
});
