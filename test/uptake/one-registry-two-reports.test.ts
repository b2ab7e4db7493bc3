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
    // The totals page prints the country's 76. Hovedstaden's 50 was printed too, what the
    // outsider's attack started from; since the insider rule (docs/disclosure-control.md
    // "Insiders") it is hidden on the totals page itself, as Midtjylland, knowing its own 23, would
    // have Nordjylland's 3 from 76 − 50 − 23 alone. The page is still protected against the other.
    expect(whole(totals, 'national').activations).toBe(76);
    expect(whole(totals, 'Hovedstaden').activations).toBe('suppressed');
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
    expect(en).toContain('The positions of 5 of 5 clinics are suppressed');
    expect(en).not.toMatch(/No clinic is outside|outside the 95% limits: 0/);
    const da = uptakeTables(clinics, 'da').clinics.intro.join('\n');
    // Clinics counted in words in running text (count-words.ts).
    expect(da).toContain('For fem af fem klinikker er placeringen diskretioneret');
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
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ reports: order === 'dec-first' ? [dec, jan] : [jan, dec] }, null, 2));
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
    // Located in the manifest as every refusal of a file's content is: the entry to move, at its id.
    const lines = readFileSync(manifestFile, 'utf8').split('\n');
    const line = lines.findIndex((l) => l.includes('"id": "dec"')) + 1;
    const column = lines[line - 1]!.indexOf('"dec"') + 1;
    expect(line).toBeGreaterThan(1);
    expect((err as HtaError).problems).toEqual([expect.objectContaining({ file: manifestFile, line, column, field: 'reports.1.id', value: 'dec', expected: expect.stringContaining('an entry listed above report "jan"') })]);
  }, 20_000);
});

/**
 * Found by an attacker (5 December 2026) on the 103-row registry: the clinic page read a CRLF copy
 * of the registry (an Excel re-save), so the two entries were taken for two registries — the bytes
 * differed — and Nordjylland was 76 − 50 − 23 = 3 again. Entries are now tied by the rows as read
 * (registry-as-read.ts). The plan of one may state the export date, the other's leave it to the
 * registry's latest date: the same effective date, one extract.
 */
describe('one registry in two files, or with the export date left to default', () => {
  const manifestWith = (clinicsRegistry: string, clinicsPlan: Record<string, unknown> = {}) => {
    const dir = tempDir();
    for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    const plan = JSON.parse(readFileSync(join(FIX, 'clinics.plan.json'), 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'clinics.plan.json'), JSON.stringify({ ...plan, ...clinicsPlan }));
    // Declared the first publication: the warning that earlier ones must be named is not these tests' subject.
    const totals = { id: 'totals', kind: 'uptake', out: 'totals', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'totals.plan.json', firstPublication: true };
    const { firstPublication: _first, ...entry } = totals;
    const clinics = { ...entry, id: 'clinics', out: 'clinics', registry: clinicsRegistry, plan: 'clinics.plan.json' };
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ reports: [totals, clinics] }));
    return { dir, manifestFile: join(dir, 'manifest.json') };
  };
  const buildAndAudit = async (dir: string, manifestFile: string) => {
    const warnings: string[] = [];
    const files = await buildReports(loadManifest(manifestFile), { ...options, manifestFile, onWarning: (id, text) => warnings.push(`${id}: ${text}`) });
    writeFileSync(join(dir, 'totals.json'), files.get('totals/results.json') as string);
    writeFileSync(join(dir, 'clinics.json'), files.get('clinics/results.json') as string);
    return { files, warnings, audit: () => auditPublishedFile(join(dir, 'clinics.json'), [join(dir, 'totals.json')]).audit };
  };

  it('a CRLF copy with a byte-order mark, semicolons and quotes is the same registry: the clinic is hidden, the audit of the two passes', async () => {
    const { dir, manifestFile } = manifestWith('registry-excel.csv');
    const lines = readFileSync(join(FIX, 'registry.csv'), 'utf8').trimEnd().split('\n');
    writeFileSync(join(dir, 'registry-excel.csv'), `\uFEFF${lines.map((l) => l.split(',').map((f, i) => (i === 0 ? `"${f}"` : f)).join(';')).join('\r\n')}\r\n`);
    const { files, warnings, audit } = await buildAndAudit(dir, manifestFile);
    expect((await results(files, 'clinics')).funnel!.rows.find((r) => r.clinic === 'M1')!.activations).toBe('suppressed');
    const found = audit();
    expect(found.narrow).toEqual([]);
    expect(found.disclosedDifferences).toEqual([]);
    expect(warnings).toEqual([]);
  }, 20_000);

  it('one plan states the export date, the other leaves it to default (the same day): tied, the audit passes', async () => {
    const { dir, manifestFile } = manifestWith('registry.csv', { exportDate: undefined });
    const { files, audit } = await buildAndAudit(dir, manifestFile);
    expect((await results(files, 'clinics')).exportDate).toBe('2025-12-31');
    expect((await results(files, 'clinics')).funnel!.rows.find((r) => r.clinic === 'M1')!.activations).toBe('suppressed');
    const found = audit();
    expect(found.narrow).toEqual([]);
    expect(found.disclosedDifferences).toEqual([]);
  }, 20_000);

  it('a copy with one row rewritten is not the same registry: a warning names the two entries', async () => {
    const { dir, manifestFile } = manifestWith('registry-edited.csv');
    const lines = readFileSync(join(FIX, 'registry.csv'), 'utf8').split('\n');
    lines[3] = lines[3]!.replace('2025-', '2024-');
    writeFileSync(join(dir, 'registry-edited.csv'), lines.join('\n'));
    const { warnings: all } = await buildAndAudit(dir, manifestFile);
    // Not tied to "totals", it is also told that earlier publications must be named (first-publication tests).
    const warnings = all.filter((w) => !w.includes('made without "previous"'));
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('clinics: report "totals", earlier in the manifest, reads a registry file with rows in common with this report\'s but not the same rows (registry.csv; this report: registry-edited.csv)');
  }, 20_000);
});
