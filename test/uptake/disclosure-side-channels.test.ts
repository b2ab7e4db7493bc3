/**
 * Numbers derived from counts beyond their own cell (docs/disclosure-control.md, "Funnel limits"
 * and "Observed costs and average prices"). A 103-row registry: Hovedstaden 100 referrals at three clinics, 67
 * activated; Nordjylland 3 referrals, 2 activated — so Nordjylland and the whole country are
 * suppressed. Until 3 December 2026 two printed numbers gave them back:
 *  - every clinic's funnel limit is a function of its n and of the overall rate θ; one limit
 *    printed to 16 digits, inverted, gave θ = 69/103, so the country's 103 referrals and 69
 *    activations, and Nordjylland's 3 and 2;
 *  - under marginal tier pricing over the national volume, Hovedstaden's average price
 *    C(N)/N = 1,417.39 gave N = 69 national activations, so Nordjylland's 2.
 * Each attack below is the reader's arithmetic on the printed JSON; it must find nothing.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { funnelLimits } from '../../src/uptake/clinic-funnel.js';
import { uptakeClinicFunnelSpec } from '../../src/report/charts/uptake-clinic-funnel.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';

const HEADER = 'PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser';

/** Hovedstaden 100 referrals (67 activated) at HOV01–03, Nordjylland 3 (2 activated), all in 2025. */
function registry(): string {
  const day = (d: number) => new Date(Date.UTC(2025, 0, 5) + d * 86_400_000).toISOString().slice(0, 10);
  const rows = [HEADER];
  let id = 1;
  const person = (region: string, clinic: string, d: number, activated: boolean) => {
    rows.push([`P${id}`, region, clinic, day(d), activated ? day(d + 1) : '', activated ? day(d + 31) : '', String(30 + (id % 40)), id % 2 ? 'K' : 'M', 'Egen læge'].join(';'));
    id++;
  };
  for (let i = 0; i < 100; i++) person('Region Hovedstaden', ['HOV01', 'HOV02', 'HOV03'][i % 3]!, (i * 3) % 300, i % 20 < 13 + (i % 3 === 0 ? 1 : 0));
  for (let i = 0; i < 3; i++) person('Region Nordjylland', 'NOR01', 100 + 40 * i, i < 2);
  return rows.join('\n') + '\n';
}

const ELIGIBLE = 'Region;År;Antal\nRegion Hovedstaden;2025;37.600\nRegion Hovedstaden;2026;38.000\nRegion Nordjylland;2025;12.360\nRegion Nordjylland;2026;12.760\n';

function plan(mode: 'marginal' | 'all-units'): object {
  return {
    currency: 'DKK',
    priceModel: { mode, volumeScope: 'national', tiers: [{ upTo: 50, price: 1500 }, { upTo: null, price: 1200 }] },
    scenarios: { low: [0.02, 0.04], base: [0.05, 0.08], high: [0.08, 0.13] },
    firstYear: 2025,
    suppression: { threshold: 5 },
    exportDate: '2025-12-31',
    columns: {
      registry: { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' },
      eligible: { region: 'Region', year: 'År', eligible: 'Antal' },
    },
    values: { referrer: { 'Egen læge': 'gp' } },
    dateFormat: 'iso',
    publish: { months: false, years: true, clinics: true, equity: [] },
  };
}

/** The JSON and text publication under each tier mode: made once per mode for the file (two tests read the marginal one). */
const published = new Map<'marginal' | 'all-units', Promise<{ json: UptakeAnalysis; text: string }>>();
function publish(mode: 'marginal' | 'all-units'): Promise<{ json: UptakeAnalysis; text: string }> {
  let run = published.get(mode);
  if (!run) published.set(mode, (run = publishNow(mode)));
  return run;
}

async function publishNow(mode: 'marginal' | 'all-units'): Promise<{ json: UptakeAnalysis; text: string }> {
  const dir = tempDir();
  const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), planFile = join(dir, 'plan.json');
  writeFileSync(reg, registry());
  writeFileSync(elig, ELIGIBLE);
  writeFileSync(planFile, JSON.stringify(plan(mode)));
  const json = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json');
  expect(json.code, json.stderr).toBe(0);
  const text = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile);
  return { json: JSON.parse(json.stdout) as UptakeAnalysis, text: text.stdout };
}

/** The reader's inversion: θ from one printed lower 95% limit (increasing in θ), then the smallest R with θ·R whole. */
function overallRateFromLimit(n: number, lower95: number): { activations: number; referrals: number } | undefined {
  let lo = 1e-6, hi = 1 - 1e-6;
  for (let k = 0; k < 200; k++) {
    const m = (lo + hi) / 2;
    if (funnelLimits(m, n).lower95 < lower95) lo = m;
    else hi = m;
  }
  const theta = (lo + hi) / 2;
  if (Math.abs(funnelLimits(theta, n).lower95 - lower95) > 1e-12) return undefined;
  for (let r = 1; r <= 1000; r++) {
    const a = Math.round(theta * r);
    if (Math.abs(a / r - theta) < 1e-9) return { activations: a, referrals: r };
  }
  return undefined;
}

describe('funnel limits do not give back a suppressed overall rate', () => {
  it('the 103-row registry: the country is suppressed, so no limit and no verdict is printed; inverting finds nothing', async () => {
    const { json: a, text } = await publish('marginal');
    const national = a.metrics.find((m) => m.region === 'national' && m.period === 'all' && m.dimension === 'all')!;
    expect(national.referrals).toBe('suppressed');
    expect(a.funnel!.overallRate).toBe('suppressed');
    const recovered = a.funnel!.rows.flatMap((r) =>
      typeof r.referrals === 'number' && typeof r.lower95 === 'number' ? [overallRateFromLimit(r.referrals, r.lower95)] : []).filter((x) => x !== undefined);
    expect(recovered).toEqual([]);
    for (const r of a.funnel!.rows) {
      for (const v of [r.lower95, r.upper95, r.lower998, r.upper998, r.outside95, r.outside998]) expect(v).toBe('suppressed');
    }
    // The clinics' own counts stay (they are cells of the model); the page says why the limits are not.
    expect(a.funnel!.rows.filter((r) => typeof r.referrals === 'number').length).toBe(3);
    expect(text).toContain('The funnel limits and which clinics fall outside them are not shown');
    expect(text).not.toContain('No clinic is outside the 95% limits');
    // The chart draws the clinics without limits and says why; no clinic is "within the limits".
    const spec = JSON.stringify(uptakeClinicFunnelSpec({ funnel: a.funnel!, curve: [] }));
    expect(spec).toContain('No limits: the overall rate is suppressed');
    expect(spec).not.toContain('Within the 95% limits');
    expect(spec).not.toContain('outside the 95% limits');
    // The legend names the clinics drawn, not limits (the subtitle says there are none), in Danish too.
    expect(spec).toMatch(/"Clinics \(\d+\)"/);
    expect(spec).not.toMatch(/\(disclosure control\) \(\d+\)/);
    const da = JSON.stringify(uptakeClinicFunnelSpec({ funnel: a.funnel!, curve: [] }, { lang: 'da' }));
    expect(da).toMatch(/"Klinikker \(\d+\)"/);
    expect(da).toContain('Ingen grænser: den samlede rate er diskretioneret');
    expect(da).not.toMatch(/diskretioneret \(\d+\)/);
  }, 60_000);

  it('limits are printed to 3 significant digits where the rate is shown', async () => {
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), planFile = join(dir, 'plan.json');
    // Hovedstaden alone: the country's rate is its rate, shown.
    writeFileSync(reg, registry().split('\n').filter((l) => !l.includes('Nordjylland')).join('\n'));
    writeFileSync(elig, ELIGIBLE);
    writeFileSync(planFile, JSON.stringify(plan('marginal')));
    const run = await runCli('uptake', reg, '--eligible', elig, '--plan', planFile, '--json');
    expect(run.code, run.stderr).toBe(0);
    const a = JSON.parse(run.stdout) as UptakeAnalysis;
    expect(typeof a.funnel!.overallRate).toBe('number');
    for (const r of a.funnel!.rows) {
      for (const v of [r.lower95, r.upper95, r.lower998, r.upper998]) {
        expect(typeof v).toBe('number');
        expect(Number((v as number).toPrecision(3))).toBe(v);
      }
    }
  }, 60_000);
});

describe('an average price under a national volume scope does not give back the national volume', () => {
  for (const mode of ['marginal', 'all-units'] as const) {
    it(`${mode} tiers: where the country's activations are suppressed, so are every region's cost and average price`, async () => {
      const { json: a, text } = await publish(mode);
      const observed = a.budget.observed.filter((o) => o.year === 2025);
      expect(observed.find((o) => o.region === 'national')!.activations).toBe('suppressed');
      const hov = observed.find((o) => o.region === 'Region Hovedstaden')!;
      expect(hov.activations).toBe(67);
      // The reader's arithmetic: marginal C(N) = 50·1500 + (N − 50)·1200, so N = 50·300 / (avg − 1200);
      // all-units: avg 1,500 means N ≤ 50, 1,200 means N > 50.
      const attack = typeof hov.averagePrice === 'number' && mode === 'marginal' ? Math.round((50 * 300) / (hov.averagePrice - 1200)) - 67 : undefined;
      expect(attack).toBeUndefined();
      expect(hov.averagePrice).toBe('suppressed');
      expect(hov.cost).toBe('suppressed');
      expect(text).toContain("a region's cost and average price follow from the activations of the year over the whole country");
    }, 60_000);
  }
});
