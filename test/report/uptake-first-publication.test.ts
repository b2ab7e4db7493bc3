/**
 * `hta report` and the first publication of a registry (docs/disclosure-control.md "A link made
 * without --previous"): an uptake entry without "previous" warns, as hta uptake without
 * --previous does, that earlier publications must be named; `"firstPublication": true` declares
 * none came before — recorded in results.json, no warning. Until 5 December 2026 a manifest could
 * not declare it and said nothing.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { tempDir } from '../support/run-cli.js';

const FIX = 'test/uptake/fixtures/small-three-regions';
const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };

async function build(extra: Record<string, unknown>, dir = tempDir()) {
  for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
  const manifestFile = join(dir, 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify({ reports: [{ id: 'totals', kind: 'uptake', out: 'totals', registry: 'registry.csv', eligible: 'eligible.csv', plan: 'totals.plan.json', ...extra }] }));
  const warnings: string[] = [];
  const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache, onWarning: (id, text) => warnings.push(`${id}: ${text}`) });
  return { warnings, results: JSON.parse(files.get('totals/results.json') as string) as { firstPublication?: boolean } };
}

describe('an uptake entry without "previous"', () => {
  it('warns that an earlier publication must be named, in the manifest\'s words', async () => {
    const { warnings, results } = await build({});
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain('totals: this publication is made without "previous" in its manifest entry');
    expect(warnings[0]).toContain('say so with "firstPublication": true in its manifest entry');
    expect(results.firstPublication).toBeUndefined();
  }, 20_000);

  it('declared "firstPublication": true, records it in results.json and says nothing', async () => {
    const { warnings, results } = await build({ firstPublication: true });
    expect(warnings).toEqual([]);
    expect(results.firstPublication).toBe(true);
  }, 20_000);
});

describe('"firstPublication" beside an earlier publication', () => {
  it('is refused (exit 2) with "previous", naming the entry and what to leave out', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'earlier.json'), '{}');
    await expect(build({ firstPublication: true, previous: 'earlier.json' }, dir)).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('report "totals": "firstPublication": true says no publication of this registry came before it, but "previous" names an earlier publication') });
  }, 20_000);
});

describe('an English and a Danish entry of one analysis (one publication)', () => {
  async function twins(en: Record<string, unknown>, da: Record<string, unknown>, daFirst = false, dir = tempDir()) {
    for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    const manifestFile = join(dir, 'manifest.json');
    const entry = (id: string, lang: string, extra: Record<string, unknown>) => ({ id, kind: 'uptake', out: id, lang, registry: 'registry.csv', eligible: 'eligible.csv', plan: 'totals.plan.json', ...extra });
    const list = [entry('up-en', 'en', en), entry('up-da', 'da', da)];
    writeFileSync(manifestFile, JSON.stringify({ reports: daFirst ? list.reverse() : list }));
    const warnings: string[] = [];
    const files = await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache, onWarning: (id, text) => warnings.push(`${id}: ${text}`) });
    const results = (id: string) => JSON.parse(files.get(`${id}/results.json`) as string) as Record<string, unknown>;
    return { warnings, en: results('up-en'), da: results('up-da') };
  }
  const withoutLang = (r: Record<string, unknown>) => JSON.stringify({ ...r, lang: undefined });

  it('"firstPublication" on one applies to its twin, before or after it: no warning, one record', async () => {
    for (const daFirst of [false, true]) {
      const { warnings, en, da } = await twins({ firstPublication: true }, {}, daFirst);
      expect(warnings.filter((w) => !w.includes('falls back to English') && !w.includes('has no "da"'))).toEqual([]);
      expect(en.firstPublication).toBe(true);
      expect(da.firstPublication).toBe(true);
      expect(withoutLang(da)).toBe(withoutLang(en));
    }
  }, 60_000);

  it('the twin of an entry declared the first, after an entry of the same registry, is refused naming who declared it', async () => {
    const dir = tempDir();
    for (const f of ['registry.csv', 'eligible.csv', 'totals.plan.json']) copyFileSync(join(FIX, f), join(dir, f));
    writeFileSync(join(dir, 'other.plan.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(FIX, 'totals.plan.json'), 'utf8')), publish: { months: false } }));
    const manifestFile = join(dir, 'manifest.json');
    const entry = (id: string, lang: string, plan: string, extra: Record<string, unknown> = {}) => ({ id, kind: 'uptake', out: id, lang, registry: 'registry.csv', eligible: 'eligible.csv', plan, ...extra });
    writeFileSync(manifestFile, JSON.stringify({ reports: [entry('other', 'en', 'other.plan.json', { firstPublication: true }), entry('up-da', 'da', 'totals.plan.json'), entry('up-en', 'en', 'totals.plan.json', { firstPublication: true })] }));
    await expect(buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache })).rejects.toMatchObject({ exitCode: 2, message: expect.stringContaining('report "up-da": "firstPublication": true (its twin of the same analysis, report "up-en", says it, for both) says no publication of this registry came before it, but report "other", earlier in the manifest, publishes the same registry') });
  }, 60_000);
});
