/**
 * An uptake entry naming another entry's results.json (in its report folder) as `previous` was
 * refused with "… holds the previous of report "clinics" …; reports are written into that
 * folder, so it must not hold their inputs — choose another output folder or move the input", or,
 * on a first build, "the file does not exist". Now it says what to do, by case
 * (docs/disclosure-control.md "Two reports of one registry in one manifest").
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadManifest } from '../../src/report/manifest.js';
import { refusePreviousInReportFolder } from '../../src/report/previous-in-report-folder.js';
import { errorOf } from '../support/error-of.js';
import { tempDir } from '../support/run-cli.js';

const entry = (id: string, registry: string, previous?: string | string[]) => ({
  id, kind: 'uptake', out: id, lang: 'en', registry, eligible: 'eligible.csv', plan: `${id}.plan.json`, ...(previous === undefined ? {} : { previous }),
});

function refusal(reports: object[]) {
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), 'id,region\n1,Hovedstaden\n');
  writeFileSync(join(dir, 'copy-of-registry.csv'), 'id,region\n1,Hovedstaden\n');
  writeFileSync(join(dir, 'other-registry.csv'), 'id,region\n2,Sjælland\n');
  const manifestFile = join(dir, 'manifest.json');
  writeFileSync(manifestFile, JSON.stringify({ reports }, null, 1));
  const entries = loadManifest(manifestFile);
  const err = errorOf(() => refusePreviousInReportFolder(manifestFile, entries, entries, join(dir, 'out')));
  return { err, text: `${err.message}\n${err.problems.map((p) => `${p.line}:${p.column} ${p.field} ${p.expected}`).join('\n')}` };
}

describe('an uptake previous in a report folder of the manifest', () => {
  it('on the same registry (also under another name): remove previous, the entries are tied already', () => {
    for (const registry of ['registry.csv', 'copy-of-registry.csv']) {
      const { err, text } = refusal([entry('totals', 'registry.csv'), entry('clinics', registry, 'out/totals/results.json')]);
      expect(err.exitCode).toBe(2);
      expect(text).toContain('report "clinics" names as "previous" a file in the folder of report "totals"');
      expect(text).toContain('reports.1.previous');
      expect(text).toMatch(/^\d+:\d+ /m);
      expect(text).toContain('both read the same registry, so remove "previous"');
    }
  });

  it('on another registry file: copy the published results.json out of the report folders, or remove previous', () => {
    const { text } = refusal([entry('oct', 'other-registry.csv'), entry('nov', 'registry.csv', ['earlier.json', 'out/oct/results.json'])]);
    expect(text).toContain('reports.1.previous.1');
    expect(text).toContain('report "oct" reads another registry file: if it is an earlier extract of this registry, build it, copy the published results.json out of the report folders');
  });

  it('its own folder: copy its last publication out before the next build', () => {
    const { text } = refusal([entry('monthly', 'registry.csv', 'out/monthly/results.json')]);
    expect(text).toContain('a file in its own report folder');
    expect(text).toContain('to protect this report against its last publication, copy the published results.json out of the report folders');
  });

  it('a previous outside the report folders passes', () => {
    const dir = tempDir();
    const manifestFile = join(dir, 'manifest.json');
    writeFileSync(manifestFile, JSON.stringify({ reports: [entry('a', 'registry.csv'), entry('b', 'registry.csv', 'published/2025-10-31/results.json')] }));
    const entries = loadManifest(manifestFile);
    expect(() => refusePreviousInReportFolder(manifestFile, entries, entries, join(dir, 'out'))).not.toThrow();
  });
});
