/**
 * Two uptake reports of one registry in one manifest (docs/disclosure-control.md "Two reports of
 * one registry in one manifest"). Found by an attacker on a 103-row registry (Hovedstaden 60,
 * Midtjylland 40, Nordjylland 3 patients, all 3 activated): a page of totals printed the whole
 * country's activations 76 and Hovedstaden's 50, a page with the clinic funnel (built from the
 * same files) Midtjylland's only clinic, 23 activated — so Nordjylland 76 − 50 − 23 = 3. Each
 * page was protected on its own. Now the later entry is protected against the earlier one, in
 * memory, as against another cut of the same extract; and `--only` builds it the same.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import { uptakeTables } from '../../src/report/uptake-tables.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { HtaError } from '../../src/errors.js';
import { auditPublishedFile } from '../../src/uptake/disclosure/published-audit.js';
import type { UptakeAnalysis } from '../../src/uptake/uptake-analysis.js';
import { tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/small-three-regions';
const entries = loadManifest(join(FIX, 'manifest.json'));

// Charts are not the point: a cache that has every chart keeps the tests from drawing them.
const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
const options = { manifestFile: join(FIX, 'manifest.json'), version: 'test', chartCache };
let built: ReturnType<typeof buildReports> | undefined;
const buildAll = () => (built ??= buildReports(entries, options));
const results = async (files: Awaited<ReturnType<typeof buildReports>>, id: string) => JSON.parse(files.get(`${id}/results.json`) as string) as UptakeAnalysis;

const whole = (a: UptakeAnalysis, region: string) => a.metrics.find((m) => m.region === region && m.period === 'all' && m.dimension === 'all')!;

describe('two uptake reports of one registry in one manifest', () => {
  it('the clinic page hides what, with the totals page, gives Nordjylland\'s 3; the audit of the two passes', async () => {
    const all = await buildAll();
    const totals = await results(all, 'totals');
    const clinics = await results(all, 'clinics');
    // The totals page prints what the attack starts from.
    expect(whole(totals, 'national').activations).toBe(76);
    expect(whole(totals, 'Hovedstaden').activations).toBe(50);
    // Midtjylland's one clinic is its whole region: printed, it gave Nordjylland by subtraction.
    const m1 = clinics.funnel!.rows.find((r) => r.clinic === 'M1')!;
    expect(m1.activations).toBe('suppressed');
    // The independent attacker, reading both files as one publication, pins nothing.
    const dir = tempDir();
    writeFileSync(join(dir, 'totals.json'), JSON.stringify(totals));
    writeFileSync(join(dir, 'clinics.json'), JSON.stringify(clinics));
    const audit = auditPublishedFile(join(dir, 'clinics.json'), [join(dir, 'totals.json')]);
    expect(audit.sameExtract).toEqual([join(dir, 'totals.json')]);
    expect(audit.audit.narrow).toEqual([]);
    expect(audit.audit.disclosedDifferences).toEqual([]);
  }, 20_000);

  it('where every clinic\'s position is suppressed, the page says how many, not "no clinic is outside the limits"', async () => {
    const clinics = await results(await buildAll(), 'clinics');
    // Found on this page: every clinic's rate, so its position, suppressed, beside "No clinic is outside the 95% limits".
    expect(clinics.funnel!.verdictsSuppressed).toBe(5);
    expect(clinics.funnel!.outside95).toEqual([]);
    const en = uptakeTables(clinics, 'en').clinics.intro.join('\n');
    expect(en).toContain("5 of 5 clinics' positions are suppressed");
    expect(en).not.toMatch(/No clinic is outside|outside the 95% limits: 0/);
    const da = uptakeTables(clinics, 'da').clinics.intro.join('\n');
    expect(da).toContain('For 5 af 5 klinikker er placeringen diskretioneret');
    expect(da).not.toContain('Ingen klinik ligger uden for');
  }, 20_000);

  it('with --only, the later report is built as in the whole manifest', async () => {
    const all = await buildAll();
    const only = await buildReports([entries[1]!], { ...options, allEntries: entries });
    expect(only.get('clinics/results.json')).toBe(all.get('clinics/results.json'));
  }, 20_000);
});

/**
 * The same registry published as of two export dates (plans differing only in exportDate; the
 * registry ends in November). Until 5 December 2026 the entries were not tied: the January page
 * printed Nordjylland's counts the December page had hidden, and the audit of the two pinned
 * Nordjylland's activations to 3 … 3. The later entry is now protected against the earlier as
 * against its `previous` publication.
 */
describe('two uptake reports of one registry with different export dates', () => {
  const monthlyManifest = (order: 'dec-first' | 'jan-first') => {
    const dir = tempDir();
    for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    const plan = JSON.parse(readFileSync(join(FIX, 'totals.plan.json'), 'utf8')) as { exportDate: string };
    expect(plan.exportDate).toBe('2025-12-31');
    writeFileSync(join(dir, 'jan.plan.json'), JSON.stringify({ ...plan, exportDate: '2026-01-31' }));
    const dec = { id: 'dec', kind: 'uptake', out: 'dec', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'totals.plan.json' };
    const jan = { ...dec, id: 'jan', out: 'jan', plan: 'jan.plan.json' };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ reports: order === 'dec-first' ? [dec, jan] : [jan, dec] }));
    return { dir, manifestFile: join(dir, 'manifest.json') };
  };

  it('the later export is protected against the earlier one: the audit of the two finds nothing', async () => {
    const { dir, manifestFile } = monthlyManifest('dec-first');
    const files = await buildReports(loadManifest(manifestFile), { ...options, manifestFile });
    writeFileSync(join(dir, 'dec.json'), files.get('dec/results.json') as string);
    writeFileSync(join(dir, 'jan.json'), files.get('jan/results.json') as string);
    const audit = auditPublishedFile(join(dir, 'jan.json'), [join(dir, 'dec.json')]);
    expect(audit.audit.narrow).toEqual([]);
    expect(audit.audit.disclosedDifferences).toEqual([]);
    // Made as with --previous the December page: it says so and carries it.
    expect((await results(files, 'jan')).previous?.exportDate).toBe('2025-12-31');
  }, 20_000);

  it('a later export listed before an earlier one is refused, saying which to move', async () => {
    const { manifestFile } = monthlyManifest('jan-first');
    const err = await buildReports(loadManifest(manifestFile), { ...options, manifestFile }).then(() => undefined, (e: unknown) => e);
    expect(err).toBeInstanceOf(HtaError);
    expect((err as HtaError).exitCode).toBe(2);
    expect((err as HtaError).message).toContain('report "jan" (same registry, earlier in the manifest) is an export of 2026-01-31, after report "dec"\'s 2025-12-31');
    expect((err as HtaError).message).toContain('move report "dec" above it in the manifest');
  }, 20_000);
});
