/**
 * A page names its inputs by their last names only, inside the manifest's folder or outside it
 * (absolute paths or `..`, run with --allow-outside): it never shows `/home/…/OneDrive - Region …/`
 * nor `OneDrive - Region …/Anna Jensen/` under a manifest in the home folder; a CPR-shaped number
 * in a file name is masked (docs/manifest.md).
 */
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { publishedName } from '../../src/report/published-name.js';
import { tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/small-three-regions';

describe('input names on a published page', () => {
  it('show only the last name, inside the manifest folder or outside it, with a CPR-shaped number masked', () => {
    expect(publishedName('data/udtræk.csv')).toBe('udtræk.csv');
    expect(publishedName('OneDrive - Region Midtjylland/Anna Jensen/udtræk.csv')).toBe('udtræk.csv');
    expect(publishedName('home-anna.jensen/OneDrive/udtraek 010170-1234 P00007.csv')).toBe('udtraek DDMMYY-XXXX P00007.csv');
    expect(publishedName('udtraek 0101701234.csv')).toBe('udtraek DDMMYY-XXXX.csv');
    expect(publishedName('/home/anna/OneDrive - Region Midtjylland/udtræk.csv')).toBe('udtræk.csv');
    expect(publishedName('C:\\Users\\anna\\OneDrive - Region Midtjylland\\udtræk.csv')).toBe('udtræk.csv');
    expect(publishedName('../../Anna/udtræk.csv')).toBe('udtræk.csv');
    expect(publishedName('a/../../udtræk.csv')).toBe('udtræk.csv');
  });

  it('an uptake page from absolute input paths names neither folder', async () => {
    const root = tempDir();
    const private_ = join(root, 'OneDrive - Region Midtjylland', 'Anna Hansen');
    mkdirSync(private_, { recursive: true });
    for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(private_, f));
    const site = join(root, 'site');
    mkdirSync(site);
    const manifestFile = join(site, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ reports: [{ id: 'u', kind: 'uptake', out: 'u', lang: 'da', registry: join(private_, 'registry.csv'), eligible: join(private_, 'eligible.csv'), plan: join(private_, 'totals.plan.json') }] }));
    const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
    const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache, allowOutside: true });
    const published = [...files.entries()].filter(([, v]) => typeof v === 'string').map(([, v]) => v as string).join('\n');
    expect(published).toContain('ud fra registry.csv og eligible.csv med planen totals.plan.json');
    expect(published).not.toContain('Anna Hansen');
    expect(published).not.toContain('OneDrive');
    expect(readFileSync(manifestFile, 'utf8')).toContain('Anna Hansen');
  });
});
