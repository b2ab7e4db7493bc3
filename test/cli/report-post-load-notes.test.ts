// `hta report` says the checks `hta analyze` makes of a loaded export (post-load-notes.ts): a
// plan-wide missing-value code that is an answer on an outcome's scale, a patient seen only at
// follow-up (an id typed wrong), … once per input, in the run's language — as analyze says them.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

/** A survey tool's long export: 40 patients, NRS pain at baseline and 3 months with some 9s; patient 7's 3-month id typed `PO07` (a letter O). */
function exportText(): string {
  const lines = ['id;arm;time;age;pain'];
  for (let p = 1; p <= 40; p++) {
    const id = `P${String(p).padStart(3, '0')}`;
    const arm = p % 2 ? 'app' : 'usual';
    const age = 30 + ((p * 7) % 35);
    lines.push(`${id};${arm};baseline;${age};${(p * 3) % 11}`);
    lines.push(`${p === 7 ? 'PO07' : id};${arm};3m;${age};${(p * 5 + (p % 2 ? 0 : 3)) % 11}`);
  }
  return lines.join('\r\n') + '\r\n';
}

const plan = {
  title: { en: 'Survey trial', da: 'Spørgeskemaforsøg' },
  arms: { intervention: 'app', control: 'usual' },
  baseline: 'baseline',
  allTimepoints: ['baseline', '3m'],
  timepoints: ['3m'],
  primary: { outcome: 'pain', time: '3m' },
  covariates: ['age'],
  missingCodes: [9],
  outcomes: [{ key: 'pain', instrument: 'nrs', label: { en: 'Pain (NRS 0–10)', da: 'Smerte (NRS 0–10)' }, mcid: 2 }],
};

function setup(): { dir: string; file: string; plan: string } {
  const dir = tempDir();
  writeFileSync(join(dir, 'survey.csv'), exportText());
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { dir, file: join(dir, 'survey.csv'), plan: join(dir, 'plan.json') };
}

const notesOf = (stderr: string) => stderr.split('\n').filter((l) => l.startsWith('note: ') || l.startsWith('bemærk: '));

describe('hta report: the post-load checks of hta analyze', () => {
  it('prints the scale-code and follow-up-only notes once per input, as analyze does (en)', async () => {
    const { dir, file, plan: planFile } = setup();
    const analyze = await runCli('analyze', file, '--plan', planFile);
    expect(analyze.code, analyze.stderr).toBe(0);
    const scale = notesOf(analyze.stderr).find((l) => l.includes('the plan-wide missing-value code 9 made'));
    const followUp = notesOf(analyze.stderr).find((l) => l.includes('rows at follow-up visits but none at the baseline'));
    expect(scale).toBeDefined();
    expect(followUp).toContain('line 15 (an id shaped AA99)');
    // Two reports of the same export: each note once.
    const manifest = { reports: ['a', 'b'].map((id) => ({ id, kind: 'trial', out: id, lang: 'en', data: 'survey.csv', plan: 'plan.json' })) };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    const notes = notesOf(r.stderr);
    expect(notes.filter((l) => l === scale)).toHaveLength(1);
    expect(notes.filter((l) => l === followUp)).toHaveLength(1);
  });

  it('says them in Danish in a Danish run, as analyze --lang da does', async () => {
    const { dir, file, plan: planFile } = setup();
    const analyze = await runCli('analyze', file, '--plan', planFile, '--lang', 'da');
    expect(analyze.code, analyze.stderr).toBe(0);
    const scale = notesOf(analyze.stderr).find((l) => l.includes('planens fælles kode for manglende værdi 9 gjorde'));
    const followUp = notesOf(analyze.stderr).find((l) => l.includes('har rækker ved opfølgningsbesøg, men ingen ved baseline'));
    expect(scale).toContain('for effektmål "pain" (0–10) til manglende, hvor 9 er et gyldigt svar');
    expect(followUp).toContain('linje 15 (et id af formen AA99)');
    expect(followUp).toContain('uden baselinescore');
    const manifest = { reports: [{ id: 'a', kind: 'trial', out: 'a', lang: 'da', data: 'survey.csv', plan: 'plan.json' }] };
    writeFileSync(join(dir, 'reports.json'), JSON.stringify(manifest));
    const r = await runCli('report', '--manifest', join(dir, 'reports.json'), '--out', join(dir, 'out'), '--lang', 'da');
    expect(r.code, r.stderr).toBe(0);
    expect(notesOf(r.stderr)).toEqual(expect.arrayContaining([scale, followUp]));
    expect(r.stderr).not.toContain('the plan-wide missing-value code');
  });
});
