/**
 * Activation years a reader knows are empty (docs/disclosure-control.md, "The cell model"): no
 * activation after the export date, none before the first referral month printed. Such a 0 is
 * structural. Before, the suppression used these zeros as cheap complements ("2026: suppressed"
 * on a page dated 2025-12-31), protecting nothing: a reader who puts the 0 back recovers the
 * totals they were to hide, and on this registry narrows "activated − at risk at 4 weeks" in
 * Midtjylland to 0–3 patients. The attacker audit now knows what every reader knows.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { buildCellModel, yearCellKey } from '../../src/uptake/disclosure/cell-model.js';
import { metricRow } from '../../src/uptake/aggregate.js';
import { suppressUptakeOutputs } from '../../src/uptake/suppression.js';
import { auditPublishedUptake } from '../../src/uptake/disclosure/attacker-audit.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('activation years outside the export are known zeros', () => {
  it('the cell model marks a year after the export date or before the first referral month as structural', () => {
    const row = (period: string, n: number) => ({
      region: 'national', period, periodType: period === 'all' ? 'all' : period.length === 4 ? 'year' : 'month', dimension: 'all', level: 'all',
      referrals: n, activations: n, atRisk4w: n, retained4w: n, atRisk12w: n, retained12w: n,
    });
    const year = (y: number, activations: number) => ({ region: 'national', year: y, activations, eligible: 1000, per1000: activations, ciLower: 0, ciUpper: 1, method: 'wilson' });
    const model = buildCellModel({
      metrics: [row('all', 9), row('2025', 9), row('2025-03', 9)] as never,
      uptake: [year(2024, 0), year(2025, 9), year(2026, 0)] as never,
      exportDate: '2025-12-31',
    });
    const structural = (y: number) => model.cells[model.index.get(yearCellKey('national', y))!]!.structural;
    expect([structural(2024), structural(2025), structural(2026)]).toEqual([true, false, true]);
  });

  it('a 60-row registry: no empty year is "suppressed", and the audit, knowing those years are empty, finds nothing narrow', async () => {
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
    // Half a year (July–December 2025), no clinic or equity rows: the audit's LPs grow with the
    // rows printed. With the empty years not structural (cell-model.ts) 3 of the 6 are still
    // "suppressed" and 3 cells narrow (checked, with and without clinics and equity).
    writeFileSync(reg, simulateRegistry({ rows: 60, seed: 2, startDate: '2025-07-01', years: 0.5 }));
    writeFileSync(elig, simulateEligible({ seed: 2 }));
    const base = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(plan, JSON.stringify({ ...base, firstYear: 2025, eligibleFill: 'carry-forward', publish: { clinics: false, equity: [] } }));

    const run = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--json');
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout) as UptakeAnalysis;
    const exportYear = Number(a.exportDate.slice(0, 4));
    const outside = a.uptake.filter((u) => u.year > exportYear || u.year < 2025);
    expect(outside.length).toBeGreaterThan(0);
    for (const u of outside) expect(u.activations, `${u.region} ${u.year}`).toBe(0);

    const audit = auditPublishedUptake(a as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
  }, 60_000);
});

describe('a region that began referring later', () => {
  it('has its own earlier activation years as known zeros: shown as 0, and the audit finds nothing narrow', async () => {
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
    // Nordjylland's 2024 referrals taken out: its rows begin in 2025, so its 2024 activations are 0 for every reader.
    // Three months (December 2024 – February 2025): the audit's LPs grow with the months printed. With
    // the country's first year in place of the region's (the bug) its 2024 is "suppressed" and 1 cell narrow.
    const lines = simulateRegistry({ rows: 60, seed: 5, startDate: '2024-12-01', years: 0.25 }).trimEnd().split('\n');
    const late = lines.filter((l, i) => i === 0 || !(l.split(',')[1] === 'Nordjylland' && l.split(',')[3]!.startsWith('2024')));
    writeFileSync(reg, late.join('\n') + '\n');
    writeFileSync(elig, simulateEligible({ seed: 5 }));
    const base = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(plan, JSON.stringify({ ...base, firstYear: 2024, eligibleFill: 'carry-forward' }));
    const run = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--json');
    expect(run.code).toBe(0);
    const a = JSON.parse(run.stdout) as UptakeAnalysis;
    // The cell model's per-region structural zero (cell-model.ts) decides this; the audit's
    // knowledge of it is the next test.
    expect(a.uptake.find((u) => u.region === 'Nordjylland' && u.year === 2024)?.activations, 'Nordjylland 2024, before its first referral: a known 0, printed').toBe(0);
    const audit = auditPublishedUptake(a as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.narrow).toEqual([]);
  }, 60_000);

  it('the audit knows those years are empty: one hidden anyway is reported pinned at 0, with the year it hid', () => {
    // B first referred in 2025; its 2024 activation year "suppressed" anyway (the suppression's
    // old bug). Two rules of the audit each know B's 2024 is 0 (attacker-audit.ts): the activation
    // year before the region's first printed period, and the cohort bound (activations up to 2024
    // ≤ the activated of B's cohorts up to 2024, of which none is printed). The first is implied by
    // the second, so this fails only when both are gone (then B's 2024 and 2025 range over 0–8).
    const S = 'suppressed';
    const row = (region: string, period: string, referrals: number, activations: number) => ({ region, period, dimension: 'all', level: 'all', referrals, activations, atRisk4w: activations, retained4w: 0, atRisk12w: activations, retained12w: 0 });
    const year = (region: string, y: number) => ({ region, year: y, activations: S, eligible: 1000 });
    const pub = {
      exportDate: '2025-06-30', rows: 40, budget: { observed: [] },
      metrics: [row('A', 'all', 30, 20), row('A', '2024', 18, 12), row('A', '2025', 12, 8), row('B', 'all', 10, 8), row('B', '2025', 10, 8), row('national', 'all', 40, 28), row('national', '2024', 18, 12), row('national', '2025', 22, 16)],
      uptake: [year('A', 2024), year('A', 2025), year('B', 2024), year('B', 2025), year('national', 2024), year('national', 2025)],
    };
    const audit = auditPublishedUptake(pub as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.narrow).toEqual([
      { cell: 'activations · B · activated in 2024', lower: 0, upper: 0 },
      { cell: 'activations · B · activated in 2025', lower: 8, upper: 8 },
    ]);
  });
});

describe('activation years against referral cohorts', () => {
  // Whoever was activated by the end of a year was referred by then: the activated of the cohorts up
  // to Y are at least the activations in the years up to Y, and their difference (referred in late
  // December, activated in January) is a count of patients. The suppression had ignored both; on
  // this 100-row registry a reader using that bound pinned 94 small counts (e.g. chiropractor
  // referrals activated in one region) into 1–4.
  it('the suppression respects the bound, and the audit that uses it finds nothing narrow', async () => {
    // A registry where the bound alone decides: one region, no months, clinics or equity levels,
    // every printed count and every other derived count 0 or at least 5, and 2 patients referred
    // in late December 2024 and activated in January 2025 (cohort 2024: 17 activated; activation
    // year 2024: 15). Without the cohort cells in the suppression (cell-model.ts) nothing is
    // hidden and 17 − 15 prints the 2. (A 100-row simulated registry was used before: there other
    // rules hid the same cells, so the test passed without the cohort cells.)
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
    const day = (iso: string, add: number) => new Date(Date.parse(`${iso}T00:00:00Z`) + add * 86_400_000).toISOString().slice(0, 10);
    const lines = ['id,region,clinic,referred,activated,last_active,age,sex,referrer'];
    // Kept 100 days (retained at 12 weeks), 40 (at 4 weeks only) or 0 days, in turn: 5 of each.
    const referral = (referred: string, wait: number | null, kept: number) => {
      const activated = wait === null ? '' : day(referred, wait);
      lines.push(`R${lines.length},Nordjylland,N001,${referred},${activated},${activated && day(activated, kept)},50,f,gp`);
    };
    for (let i = 0; i < 15; i++) referral(day('2024-08-01', 5 * i), 3, [100, 40, 0][i % 3]!);
    referral('2024-12-20', 16, 100);
    referral('2024-12-21', 15, 0);
    for (let i = 0; i < 5; i++) referral(day('2024-09-01', 7 * i), null, 0);
    // Cohort 2025: activated by March, all at risk at 12 weeks on 30 June (none "not yet").
    for (let i = 0; i < 15; i++) referral(day('2025-01-10', 5 * i), 2, [100, 40, 0][i % 3]!);
    for (let i = 0; i < 5; i++) referral(day('2025-02-01', 7 * i), null, 0);
    writeFileSync(reg, lines.join('\n') + '\n');
    writeFileSync(elig, 'region,year,eligible\nNordjylland,2024,20000\nNordjylland,2025,20100\n');
    const base = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(plan, JSON.stringify({ ...base, firstYear: 2024, eligibleFill: 'carry-forward', exportDate: '2025-06-30', publish: { months: false, clinics: false, equity: [] } }));
    const run = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--json');
    expect(run.code).toBe(0);
    const audit = auditPublishedUptake(JSON.parse(run.stdout) as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.narrow).toEqual([]);
    expect(audit.disclosedDifferences).toEqual([]);
  }, 60_000);

  it('the audit bounds cohorts by activation years and checks their difference', () => {
    // Activated in 2024 (activation year) 10, of the 2024 cohort 12 (printed): 2 were activated in
    // 2025 — a count the audit must report as disclosed.
    const row = (region: string, period: string, activations: number) => ({ region, period, dimension: 'all', level: 'all', referrals: 40, activations, atRisk4w: 0, retained4w: 0, atRisk12w: 0, retained12w: 0 });
    const year = (region: string, y: number, activations: number) => ({ region, year: y, activations, eligible: 1000 });
    const pub = { exportDate: '2025-12-31', rows: 80, metrics: [row('A', 'all', 30), row('A', '2024', 12), row('A', '2025', 18)], uptake: [year('A', 2024, 10), year('A', 2025, 20)], budget: { observed: [] } };
    const audit = auditPublishedUptake(pub as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.disclosedDifferences.map((d) => d.cell)).toEqual(['activated in a later year than referred, referred up to 2024 · A']);
  });
});

describe('not yet at risk', () => {
  it('the audit bounds those activated in the last 28 days by the activations of the years those days fall in', () => {
    // Export 2025-06-30: whoever is not yet at risk at 4 weeks was activated in 2025, so at most the
    // 8 activated in 2025; of 30 activated, at least 22 are at risk (before: anything from 0).
    const row = { region: 'A', period: 'all', dimension: 'all', level: 'all', referrals: 40, activations: 30, atRisk4w: 'suppressed', retained4w: 'suppressed', atRisk12w: 'suppressed', retained12w: 'suppressed' };
    const pub = { exportDate: '2025-06-30', rows: 40, metrics: [row], uptake: [{ region: 'A', year: 2024, activations: 22, eligible: 1000 }, { region: 'A', year: 2025, activations: 8, eligible: 1000 }], budget: { observed: [] } };
    const audit = auditPublishedUptake(pub as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.intervals.find((i) => i.cell.startsWith('atRisk4w · A · all'))).toMatchObject({ lower: 22, upper: 30 });
  });

  it('those activated in the export year before the last 28 days are a count the suppression protects (export 31 January: 2 activated on 1–3 January)', () => {
    // Region A and B, whole export: 40 activated in A, 27 of them at risk at 4 weeks, so 13 activated
    // in the last 28 days (4–31 January 2026); 15 activated in 2026 — so 2 on 1–3 January.
    const counts = (referrals: number, activations: number, atRisk4w: number) => ({ referrals, activations, atRisk4w, retained4w: Math.round(atRisk4w / 2), atRisk12w: atRisk4w - 6, retained12w: Math.round((atRisk4w - 6) / 3), delays: new Map([[3, activations]]) });
    const metrics = [metricRow('A', 'all', 'all', 'all', counts(60, 40, 27)), metricRow('B', 'all', 'all', 'all', counts(90, 70, 50)), metricRow('national', 'all', 'all', 'all', counts(150, 110, 77))];
    const year = (region: string, y: number, activations: number) => ({ region, year: y, activations, eligible: 10_000, per1000: activations / 10, ciLower: 0, ciUpper: 1, method: 'wilson' as const });
    const uptake = [year('A', 2025, 25), year('A', 2026, 15), year('B', 2025, 40), year('B', 2026, 30), year('national', 2025, 65), year('national', 2026, 45)];
    const s = suppressUptakeOutputs({ metrics, uptake: uptake as never, exportDate: '2026-01-31' });
    const pub = { exportDate: '2026-01-31', rows: 'suppressed', metrics: s.metrics, uptake: s.uptake, budget: { observed: [] } };
    const audit = auditPublishedUptake(pub as never, { threshold: 5, protectionLevel: 5, zerosSensitive: false });
    expect(audit.disclosedDifferences).toEqual([]);
    expect(audit.narrow).toEqual([]);
  });
});

// "An equity level whose referrals began within the last 12 weeks has nobody at risk by
// definition (its own first year, not its region's first month)" stood here until 4 December
// 2026. Since zero-sensitive publications print every level and month of every region from the
// country's first month (docs/disclosure-control.md "Rows of no patients"), a level's first
// printed period is its region's, so the audit's own-first-year rule can no longer change a
// zero-sensitive audit: with the old rule put back the test still passed (checked), at ~14 s of
// the suite. The audit of a zero-sensitive short export is "a short export crossing the new year".

describe('a date window past the export date', () => {
  it('is refused: activations after the export date would fill years a reader takes as empty (review)', async () => {
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
    writeFileSync(reg, simulateRegistry({ rows: 60, seed: 2, startDate: '2025-01-01', years: 1 }));
    writeFileSync(elig, simulateEligible({ seed: 2 }));
    const base = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(plan, JSON.stringify({ ...base, firstYear: 2025, eligibleFill: 'carry-forward', exportDate: '2025-09-30', dateWindow: { to: '2027-12-31' } }));
    const run = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--json');
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/dateWindow\.to.*a date on or before exportDate 2025-09-30/);
  });
});

describe('those activated before the last 84 days (not yet at risk at 12 weeks)', () => {
  const row = (region: string, period: string, n: number, atRisk12w = n) => ({
    region, period, periodType: period === 'all' ? 'all' : period.length === 4 ? 'year' : 'month', dimension: 'all', level: 'all',
    referrals: n, activations: n, atRisk4w: n, retained4w: n, atRisk12w, retained12w: atRisk12w,
  });
  const year = (region: string, y: number, activations: number) => ({ region, year: y, activations, eligible: 1000, per1000: activations, ciLower: 0, ciUpper: 1, method: 'wilson' });
  const before84 = (model: ReturnType<typeof buildCellModel>, scope: string) => model.cells[model.index.get(`x|activated before the last 84 days|${scope}`)!];

  it('are a cell of the model, structural (0) for a region whose first printed month is within the 84 days, though its year row starts on 1 January', () => {
    // Export 13 February 2025: Hovedstaden first referred in December 2024 (its 2024 row starts 1 January).
    const model = buildCellModel({
      metrics: [row('Hovedstaden', 'all', 7, 0), row('Hovedstaden', '2024', 1, 0), row('Hovedstaden', '2025', 6, 0), row('Hovedstaden', '2024-12', 1, 0), row('Hovedstaden', '2025-01', 6, 0),
        row('Syddanmark', 'all', 9, 2), row('Syddanmark', '2024', 4, 2), row('Syddanmark', '2025', 5, 0), row('Syddanmark', '2024-11', 4, 2), row('Syddanmark', '2025-01', 5, 0)] as never,
      uptake: [year('Hovedstaden', 2024, 1), year('Hovedstaden', 2025, 6), year('Syddanmark', 2024, 4), year('Syddanmark', 2025, 5)] as never,
      exportDate: '2025-02-13',
    });
    expect(before84(model, 'Hovedstaden')).toMatchObject({ value: 0, structural: true, published: false });
    // Syddanmark referred from November: two activated more than 84 days before the export.
    expect(before84(model, 'Syddanmark')).toMatchObject({ value: 2, structural: false, published: false });
  });

  it('a short export crossing the new year (zeros sensitive) is suppressed and the audit finds nothing narrow (the first version of this cell had no perturbation)', async () => {
    const dir = tempDir();
    const reg = join(dir, 'registry.csv'), elig = join(dir, 'eligible.csv'), plan = join(dir, 'plan.json');
    // December 2024 – January 2025, no clinic or equity rows (a zero-sensitive publication prints
    // every level and month, and the LPs grow with them). The country's first printed month began
    // within the last 84 days, so nobody was activated before them: a structural 0. With a scope's
    // first day taken from its year row, 1 January (the first version of this cell), it is a
    // sensitive 0 nothing can move, and the run refuses: "no perturbation found (infeasible)"
    // (checked). The 53-row November–January registry used before passed with that bug since
    // zero-sensitive publications print every region from the country's first month.
    writeFileSync(reg, simulateRegistry({ rows: 40, seed: 958143, startDate: '2024-12-01', years: 2 / 12 }));
    writeFileSync(elig, simulateEligible({ seed: 958143 }));
    const base = JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(plan, JSON.stringify({ ...base, firstYear: 2025, eligibleFill: 'carry-forward', suppression: { threshold: 4, zerosSensitive: true }, publish: { clinics: false, equity: [] } }));
    const audit = await runCli('uptake', reg, '--eligible', elig, '--plan', plan, '--audit', '--json');
    expect(audit.stderr).toBe('');
    expect(audit.code).toBe(0);
    const a = JSON.parse(audit.stdout) as { audit: { narrow: unknown[]; disclosedDifferences: unknown[] } };
    expect(a.audit.narrow).toEqual([]);
    expect(a.audit.disclosedDifferences).toEqual([]);
    // ≈ 13 s of CPU since the fixed levels no patient has are printed too (1,832 count cells, was
    // 1,508: zero-rows.ts): the limit leaves room for a loaded machine.
  }, 150_000);
});
