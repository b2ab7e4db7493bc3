/**
 * A small registry whose charts would show only "suppressed" markers: each such chart is left out
 * and its section says why, above the table that shows the markers (before: an empty frame).
 */
import { copyFileSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateEligible, simulateRegistry } from '../../src/simulate/registry.js';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('uptake charts of which every number is suppressed', () => {
  it('are left out, and their sections say so', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), simulateRegistry({ rows: 60, seed: 2 }));
    writeFileSync(join(dir, 'eligible.csv'), simulateEligible({ seed: 2 }));
    writeFileSync(join(dir, 'plan.json'), readFileSync('data/plans/uptake.plan.json', 'utf8').replace('"../../schemas/', '"'));
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'u', kind: 'uptake', out: 'u', lang: 'en', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'plan.json' }] }));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--no-cache');
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out', 'u', 'results.json'), 'utf8')) as { metrics: Record<string, unknown>[] };
    // The registry is small enough that every region's whole-export counts are hidden …
    expect(results.metrics.filter((m) => m.period === 'all' && m.dimension === 'all' && m.region !== 'national').every((m) => m.referrals === 'suppressed' && m.activations === 'suppressed')).toBe(true);
    // … so the funnel is not drawn, and its section says why.
    expect(existsSync(join(dir, 'out', 'u', 'activation-funnel.vl.json'))).toBe(false);
    const md = readFileSync(join(dir, 'out', 'u', 'README.md'), 'utf8');
    const section = md.slice(md.indexOf('## From referral to continued use'), md.indexOf('\n## ', md.indexOf('## From referral to continued use') + 3));
    expect(section).toContain('No chart: every number it would draw is suppressed (the table below shows which).');
    // The overall rate is hidden too: no limits are drawn, and the clinics' section does not speak of
    // clinics outside them (until session 32 it did, two lines above "the limits are not shown").
    const at = md.indexOf('## Variation between clinics');
    const clinics = md.slice(at, md.indexOf('\n## ', at + 3));
    expect(clinics).toContain('Each point is a clinic (by code).');
    expect(clinics).not.toContain('99.8% limits');
    // Every section saying "the table below shows which" has one; the monthly series has no table
    // and said it until 5 December 2026: it now points to results.json.
    for (const part of md.split('\n## ').filter((p) => p.includes('(the table below shows which)'))) expect(part, part.slice(0, 60)).toContain('**Table');
  }, 60_000);

  it('the monthly series, which has no table, says where its markers are instead of "the table below"', async () => {
    // Zeros sensitive, months published, 103 rows: every monthly activation is hidden. Until
    // 5 December 2026 its section said "(the table below shows which)" above the next section.
    const FIX = 'test/uptake/fixtures/small-three-regions';
    const dir = tempDir();
    for (const f of ['registry.csv', 'eligible.csv', 'zeros-months.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    const manifestFile = join(dir, 'reports.json');
    writeFileSync(manifestFile, JSON.stringify({ reports: ['en', 'da'].map((lang) => ({ id: lang, kind: 'uptake', out: lang, lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'zeros-months.plan.json' })) }));
    const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
    const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache });
    const section = (lang: string, title: string) => {
      const md = files.get(`${lang}/README.md`) as string;
      const at = md.indexOf(`## ${title}`);
      return md.slice(at, md.indexOf('\n## ', at + 3));
    };
    const en = section('en', 'Activations over time');
    expect(en).toContain('No chart: every number it would draw is suppressed (results.json lists them, each as "suppressed").');
    expect(en).not.toContain('the table below');
    expect(section('da', 'Aktiveringer over tid')).toContain('Ingen figur: alle tal, den ville vise, er diskretioneret (results.json angiver hvert af dem som "suppressed").');
  }, 20_000);
});
