/**
 * A Danish page falls back to English where the plan has no "da" text: `hta report` and
 * `hta plan check` on a manifest say so on stderr, naming each text (an explorer removed the
 * Danish label of work ability and of "general practice": the page printed both in English,
 * exit 0, stderr empty). English entries and complete plans stay silent.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { danishGaps, entryDanishWarnings } from '../../src/report/danish-gaps.js';
import { manifestDanishWarnings } from '../../src/cli/manifest-danish.js';
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
    expect(warned.filter((w) => /Danish/.test(w))).toEqual([expect.stringMatching(/^m-da: the plan plan\.json has no Danish text \("da"\) for outcomes\[\d+\]\.label "Work ability \(WAS 0–10\)", subgroups\[0\]\.levelLabels\.gp "general practice": the Danish page shows them in English where it names them \(a meta page names only the outcomes in its studies file\)$/)]);
    const check = await runCli('plan', 'check', resolve(dir, 'reports.json'));
    expect(check.code, check.stderr).toBe(0);
    expect(check.stderr).toMatch(/^warning: .*reports\.json: report "m-da": the plan plan\.json has no Danish text \("da"\) for outcomes\[\d+\]\.label "Work ability \(WAS 0–10\)", subgroups\[0\]\.levelLabels\.gp "general practice"/m);
    expect(check.stderr).not.toMatch(/report "m"/);
  }, 30_000);
});

describe('an MCID source written once, in English prose', () => {
  // A plan's "plan assumption: no published MCID…" printed on the Danish page, exit 0, stderr
  // empty (review): a citation reads the same in any language, a sentence does not.
  it('is named for a Danish trial entry; a citation (year or DOI) and { en, da } are not', () => {
    const plan = {
      outcomes: [
        { key: 'a', mcidSource: 'plan assumption: no published MCID' },
        { key: 'b', mcidSource: 'Ostelo et al. 2008' },
        { key: 'c', mcidSource: 'doi:10.1097/BRS.0b013e31815e3a10' },
        { key: 'd', mcidSource: { en: 'plan assumption', da: 'planens antagelse' } },
      ],
      instruments: { nrs: { label: { en: 'NRS', da: 'NRS' }, mcidSource: 'protocol' }, vas: { label: { en: 'VAS', da: 'VAS' }, mcidSource: 'Ostelo et al. 2008 (VAS 0–100; check)' } },
    };
    expect(entryDanishWarnings({ id: 't', kind: 'trial', plan: 'p.json' }, () => plan)).toEqual([
      'the plan p.json gives outcomes[0].mcidSource "plan assumption: no published MCID", instruments.nrs.mcidSource "protocol", instruments.vas.mcidSource "Ostelo et al. 2008 (VAS 0–100; check)" as one text in English, not a citation (no year or DOI, or plan init\'s "check" left in): the Danish page shows them as written; write the outcome\'s "mcidSource" as { "en": …, "da": … } to have it in Danish',
    ]);
    // A meta page names no MCID source in words ("plan" or "instrument"), and of the plan's texts
    // only its studies' outcomes: its missing "da" is worded "where it names them" (review: a false alarm).
    expect(entryDanishWarnings({ id: 'm', kind: 'meta', plan: 'p.json' }, () => ({ subgroups: [{ label: { en: 'Setting' } }] }))).toEqual([
      'the plan p.json has no Danish text ("da") for subgroups[0].label "Setting": the Danish page shows it in English where it names it (a meta page names only the outcomes in its studies file)',
    ]);
    expect(entryDanishWarnings({ id: 't', kind: 'trial', plan: 'p.json' }, () => ({ subgroups: [{ label: { en: 'Setting' } }] }))).toEqual([
      'the plan p.json has no Danish text ("da") for subgroups[0].label "Setting": the Danish page shows it in English',
    ]);
    expect(entryDanishWarnings({ id: 'm', kind: 'meta', plan: 'p.json' }, () => plan)).toEqual([]);
  });
});

describe('the plans read for these warnings', () => {
  // Read as every plan is: a BOM tolerated (it was parsed raw and the error swallowed: no warning).
  it('a plan with a byte-order mark is read', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'plan.json'), '\uFEFF' + JSON.stringify(planWithGaps()));
    const w = manifestDanishWarnings(join(dir, 'reports.json'), [{ id: 'm-da', kind: 'meta', lang: 'da', plan: 'plan.json' }]);
    expect(w).toEqual([expect.stringMatching(/^report "m-da": the plan plan\.json has no Danish text/)]);
  });

  // `hta plan check` on a manifest waited forever on a plan that is a named pipe (review): refused
  // like any special file, and `hta report` says why when it builds. Spawned with a time limit: a
  // read that blocks cannot be stopped in-process.
  it('a plan that is a named pipe is passed over, not waited on', () => {
    const dir = tempDir();
    expect(spawnSync('mkfifo', [join(dir, 'plan.json')]).status).toBe(0);
    writeFileSync(join(dir, 'reports.json'), JSON.stringify({ reports: [{ id: 'm-da', kind: 'meta', out: 'm-da', lang: 'da', data: 's.csv', plan: 'plan.json' }] }));
    const run = spawnSync(process.execPath, [resolve('bin/hta.js'), 'plan', 'check', 'reports.json'], { cwd: dir, timeout: 15_000, encoding: 'utf8' });
    expect(run.signal, 'timed out reading the pipe').toBeNull();
    expect(run.status, run.stderr).toBe(0);
  }, 20_000);
});
