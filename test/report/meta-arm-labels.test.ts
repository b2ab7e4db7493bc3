/**
 * A meta entry of a report manifest names its arms with `armLabels`, as a trial plan does
 * (docs/manifest.md, `meta`): the forest plots' "favours …", the tables, the conclusion and
 * results.json's `arms`. Before, only a plan could name them, so a meta entry with no plan (or a
 * plan of another trial) said "app" and "usual care" of an exercise program against a waiting list.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { metaResultsSchema } from '../../src/meta/meta-results-schema.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const armLabels = { intervention: { en: 'Exercise program', da: 'træningsprogram' }, control: { en: 'Waiting list', da: 'venteliste' } };

function manifest(entry: Record<string, unknown>) {
  const dir = tempDir();
  copyFileSync('data/published/selfback-studies.csv', join(dir, 'studies.csv'));
  copyFileSync('data/plans/selfback.plan.json', join(dir, 'plan.json'));
  writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'm', kind: 'meta', out: 'm', data: 'studies.csv', ...entry }] }));
  return dir;
}

describe('a meta entry\'s armLabels', () => {
  it.each([
    ['en', {}, 'Favours Exercise program →', '← Favours Waiting list', 'Exercise program'],
    // The entry's names before the plan's (the plan names selfBACK's app and usual care).
    ['da', { plan: 'plan.json' }, 'Til fordel for træningsprogram →', '← Til fordel for venteliste', 'Træningsprogram'],
  ] as const)('(%s) name the arms in the forest plots, the tables and results.json', async (lang, extra, right, left, named) => {
    const dir = manifest({ lang, armLabels, ...extra });
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    // A favours label broken over lines is an array of its lines: read as one text.
    const spec = readFileSync(join(dir, 'out', 'm', 'forest-rmdq-3m-md.vl.json'), 'utf8').replace(/",\s*"/g, ' ');
    expect(spec).toContain(right);
    expect(spec).toContain(left);
    expect(spec).not.toMatch(/Favours app|usual care|fordel for appen|vanlig behandling/i);
    const page = readFileSync(join(dir, 'out', 'm', 'index.html'), 'utf8');
    expect(page).not.toMatch(/usual care|vanlig behandling/i);
    expect(page).toContain(lang === 'en' ? 'positive number favours Exercise program' : 'positivt tal er til fordel for træningsprogram');
    const results = metaResultsSchema.parse(JSON.parse(readFileSync(join(dir, 'out', 'm', 'results.json'), 'utf8')));
    expect(results.arms).toEqual({ intervention: named, control: lang === 'en' ? 'Waiting list' : 'Venteliste', source: 'manifest' });
  });

  it('without them the plan\'s names, and results.json says so', async () => {
    const dir = manifest({ lang: 'en', plan: 'plan.json' });
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const results = JSON.parse(readFileSync(join(dir, 'out', 'm', 'results.json'), 'utf8'));
    expect(results.arms.source).toBe('plan');
  });

  it('are checked as a trial plan\'s: an empty name and a missing arm are refused, nothing written', async () => {
    const dir = manifest({ lang: 'en', armLabels: { intervention: { en: '' } } });
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(reports.0.armLabels.intervention.en): "" — expected a text that is not empty');
    expect(r.stderr).toContain('(reports.0.armLabels.control): — expected "control" is required');
  });
});
