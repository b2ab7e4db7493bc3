/**
 * A Danish page falls back to English where the plan has no "da" text: `hta report` and
 * `hta plan check` on a manifest say so on stderr, naming each text (an explorer removed the
 * Danish label of work ability and of "general practice": the page printed both in English,
 * exit 0, stderr empty). English entries and complete plans stay silent.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { danishGaps, entryDanishWarnings } from '../../src/report/danish-gaps.js';
import { buildReports } from '../../src/report/build-reports.js';
import { loadManifest } from '../../src/report/manifest.js';
import type { ChartCache } from '../../src/report/render/chart-cache.js';
import { runCli, tempDir } from '../support/run-cli.js';

/** The bundled plan without the Danish label of work ability and of the "gp" level. */
function planWithGaps(): Record<string, any> {
  const p = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, any>;
  const was = (p.outcomes as { key: string; label: Record<string, string> }[]).findIndex((o) => o.key === 'was');
  delete p.outcomes[was].label.da;
  delete p.subgroups[0].levelLabels.gp.da;
  return p;
}

describe('texts a Danish page would show in English', () => {
  it('are found wherever the plan has { en } without "da", by path, in document order', () => {
    const p = planWithGaps();
    const was = (p.outcomes as { key: string }[]).findIndex((o) => o.key === 'was');
    expect(danishGaps(p)).toEqual([
      { path: `outcomes[${was}].label`, en: 'Work ability (WAS 0–10)' },
      { path: 'subgroups[0].levelLabels.gp', en: 'general practice' },
    ]);
    // Every bundled plan and Danish entry is complete.
    for (const f of ['selfback.plan.json', 'registry-outcomes.plan.json', 'selfback.cea.json', 'uptake.plan.json']) expect(danishGaps(JSON.parse(readFileSync(`data/plans/${f}`, 'utf8'))), f).toEqual([]);
    expect(danishGaps({ label: { en: 'Age', da: ' ' } })).toEqual([{ path: 'label', en: 'Age' }]);
    expect(entryDanishWarnings({ id: 'x', plan: 'p.json', characteristics: [{ column: 'age', label: { en: 'Age (years)' } }] }, () => ({ outcomes: [] }))).toEqual([
      'the manifest entry has no Danish text ("da") for characteristics[0].label "Age (years)": the Danish page shows it in English',
    ]);
  });

  // `hta report` prints what onWarning is told as "warning: report <ids>: …" (report-warnings.test.ts).
  it('`hta report` warns for a Danish entry (not an English one) and `hta plan check` on the manifest too', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(planWithGaps()));
    // One study, one forest: the report is quick to build.
    writeFileSync(join(dir, 'studies.csv'), readFileSync('data/published/selfback-studies.csv', 'utf8').split('\n').slice(0, 2).join('\n'));
    const entry = { kind: 'meta', data: 'studies.csv', plan: 'plan.json', preset: 'metafor' };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'm', out: 'm', lang: 'en', ...entry }, { id: 'm-da', out: 'm-da', lang: 'da', ...entry }] }));
    // Both languages built (charts served by a stub cache: no drawing): only the Danish one warns.
    const manifestFile = join(dir, 'reports.json');
    const chartCache: ChartCache = { get: () => ({ svg: '<svg xmlns="http://www.w3.org/2000/svg"/>', png: new Uint8Array() }), put: () => {}, prune: () => {} };
    const warned: string[] = [];
    await buildReports(loadManifest(manifestFile), { manifestFile, version: 'test', chartCache, onWarning: (id, text) => warned.push(`${id}: ${text}`) });
    expect(warned.filter((w) => /Danish/.test(w))).toEqual([expect.stringMatching(/^m-da: the plan plan\.json has no Danish text \("da"\) for outcomes\[\d+\]\.label "Work ability \(WAS 0–10\)", subgroups\[0\]\.levelLabels\.gp "general practice": the Danish page shows them in English$/)]);
    const check = await runCli('plan', 'check', resolve(dir, 'reports.json'));
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/^warning: .*reports\.json: report "m-da": the plan plan\.json has no Danish text \("da"\) for outcomes\[\d+\]\.label "Work ability \(WAS 0–10\)", subgroups\[0\]\.levelLabels\.gp "general practice"/m);
    expect(check.stderr).not.toMatch(/report "m"/);
  }, 30_000);
});
