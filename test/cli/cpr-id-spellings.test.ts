/**
 * One CPR number written `DDMMYY-NNNN` on some rows and `DDMMYYNNNN` on others is one patient, in
 * the export and between the export and its adverse-event listing (docs/input-trial-export.md#cpr-spellings);
 * listing rows left out as invalid are said under the adverse-event table and counted in
 * results.json (docs/plan-trial.md#adverse-events). Found by a tester with a GP unit's EHR
 * extracts: an appended extract without hyphens turned 190 patients into 220 (exit 0), and a
 * listing without hyphens, run with "invalidRows": "exclude", showed 6/92 vs 3/98 adverse events
 * where the trial had 16/92 vs 8/98, no output saying so.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** Patient i's CPR number (1–20), hyphenated: a real day and month. */
const cpr = (i: number) => `${String(i).padStart(2, '0')}0580-${1000 + i}`;
const bare = (i: number) => cpr(i).replace('-', '');
/** The CPR numbers of the listing's ids no patient of the export has. */
const STRANGERS = ['311299-9999', '300681-1234'];
/** No CPR number of the files, with or without its hyphen, in a text. */
const noCpr = (text: string) => expect(text).not.toMatch(/\d{2}0580.?10\d\d|311299.?9999|300681.?1234/);

/**
 * 20 patients (odd: app), baseline and 3m, `;`; `idOf(i, visit)` writes patient i's id on a
 * row; a listing of events for patients 1–8 (serious for 1 and 2) written by `aeIdOf`, plus
 * `extra` rows; the plan reads the listing when `listing` is set.
 */
function setup(opts: { idOf?: (i: number, visit: string) => string; aeIdOf?: (i: number) => string; extra?: string[]; plan?: Record<string, unknown>; armOf?: (i: number, visit: string) => string } = {}) {
  const dir = tempDir();
  const idOf = opts.idOf ?? ((i) => cpr(i));
  const rows = ['cpr;gruppe;tid;alder;rmdq'];
  for (let i = 1; i <= 20; i++) {
    for (const visit of ['baseline', '3m']) {
      const arm = opts.armOf?.(i, visit) ?? (i % 2 ? 'app' : 'usual');
      rows.push([idOf(i, visit), arm, visit, String(30 + i), String(visit === 'baseline' ? 8 + (i % 5) : 4 + ((i * 3) % 7) - (i % 2))].join(';'));
    }
  }
  writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
  const aeIdOf = opts.aeIdOf ?? cpr;
  const ae = ['cpr;term;alvorlig'];
  for (let i = 1; i <= 8; i++) ae.push(`${aeIdOf(i)};${i % 3 ? 'Hovedpine' : 'Kvalme'};${i <= 2 ? 'Ja' : 'Nej'}`);
  ae.push(...(opts.extra ?? []));
  writeFileSync(join(dir, 'ae.csv'), ae.join('\n') + '\n');
  const plan = { arms: { intervention: 'app', control: 'usual' }, columns: { id: 'cpr', arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], covariates: ['alder'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'], adverseEvents: { file: 'ae.csv', term: 'term', serious: 'alvorlig' }, ...opts.plan };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
  return { dir, csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

type Ae = { rows: { kind: string; patients: { intervention: number; control: number } }[]; unknownIdRows?: number };
const aeOf = (stdout: string): Ae => (JSON.parse(stdout) as { adverseEvents: Ae }).adverseEvents;
const effectsOf = (stdout: string) => (JSON.parse(stdout) as { effects: unknown }).effects;

describe('a CPR number written with and without its hyphen', () => {
  it('in the export (follow-up rows of an appended extract without it): one patient, the numbers of the export written one way, with a note counting them', async () => {
    const one = setup();
    const mixed = setup({ idOf: (i, visit) => (visit === '3m' && i <= 6 ? bare(i) : cpr(i)) });
    const v = await runCli('validate', mixed.csv, '--plan', mixed.plan);
    expect(v.code).toBe(0);
    expect(v.stdout).toContain('patients: 10 intervention, 10 control');
    expect(v.stdout + v.stderr).toContain('6 patient ids in column "cpr" are CPR numbers written in more than one way (with and without the hyphen');
    const a = await runCli('analyze', mixed.csv, '--plan', mixed.plan, '--json');
    const b = await runCli('analyze', one.csv, '--plan', one.plan, '--json');
    expect(a.code).toBe(0);
    expect(effectsOf(a.stdout)).toEqual(effectsOf(b.stdout));
    noCpr(v.stdout + v.stderr + a.stdout + a.stderr);
  });

  it('a Table 1 characteristic is read from the patient\'s baseline row whichever spelling comes first', async () => {
    const dir = tempDir();
    // Patient 1's 3-month row (no hyphen) comes first, its baseline row (hyphen) last; "Ryger" is said at 3 months only.
    const rows = ['cpr;gruppe;tid;alder;rygning;rmdq', `${bare(1)};app;3m;31;Ryger;5`];
    for (let i = 2; i <= 20; i++) {
      const arm = i % 2 ? 'app' : 'usual';
      rows.push(`${cpr(i)};${arm};baseline;${30 + i};Aldrig;${8 + (i % 5)}`, `${cpr(i)};${arm};3m;${30 + i};Aldrig;${4 + (i % 3)}`);
    }
    rows.push(`${cpr(1)};app;baseline;31;Aldrig;9`);
    writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, columns: { id: 'cpr', arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], covariates: ['alder'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'] }));
    writeFileSync(join(dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [{ column: 'rygning', label: { en: 'Smoking' } }] }] }));
    const report = await runCli('report', '--manifest', join(dir, 'manifest.json'), '--out', join(dir, 'reports'));
    expect(report.code).toBe(0);
    const page = readFileSync(join(dir, 'reports', 'r', 'index.html'), 'utf8');
    expect(page).toContain('Aldrig');
    expect(page).not.toContain('Ryger');
    noCpr(page + report.stderr);
  });

  it('one number in two arms under its two spellings is still one patient in two arms: refused', async () => {
    const f = setup({ idOf: (i, visit) => (visit === '3m' && i === 3 ? bare(i) : cpr(i)), armOf: (i, visit) => (i === 3 && visit === '3m' ? 'usual' : i % 2 ? 'app' : 'usual') });
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the same arm for a patient throughout');
    noCpr(r.stdout + r.stderr);
  });

  it('between the export and its adverse-event listing: the listing\'s events are the export\'s patients\', with a note', async () => {
    const hyphen = setup();
    const noHyphen = setup({ aeIdOf: bare });
    const a = await runCli('analyze', noHyphen.csv, '--plan', noHyphen.plan, '--json');
    const b = await runCli('analyze', hyphen.csv, '--plan', hyphen.plan, '--json');
    expect(a.code).toBe(0);
    expect(aeOf(a.stdout).rows).toEqual(aeOf(b.stdout).rows);
    expect(aeOf(a.stdout).rows[0]!.patients).toEqual({ intervention: 4, control: 4 });
    expect(a.stderr).toContain('ae.csv: 8 patient ids are CPR numbers written otherwise than the export writes them (with or without the hyphen, or with a dash, a blank or other digits in its place): matched');
    noCpr(a.stdout + a.stderr);
  });
});

/**
 * The spellings Word, Excel, EHR copy-paste and phones give a CPR number (finding s29 ids 1): the
 * en dash of autocorrect on the baseline rows, the bare digits of an appended extract on the
 * follow-up rows. Each was two patients (40 for 20, every follow-up without a baseline), and a
 * listing so written matched no patient.
 */
const SPELLED: [string, (i: number) => string][] = [
  ['an en dash (autocorrect)', (i) => cpr(i).replace('-', '\u2013')],
  ['a non-breaking hyphen', (i) => cpr(i).replace('-', '\u2011')],
  ['a no-break space', (i) => cpr(i).replace('-', '\u00a0')],
  ['two spaces', (i) => cpr(i).replace('-', '  ')],
  ['a tab', (i) => cpr(i).replace('-', '\t')],
  ['full-width digits', (i) => cpr(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)))],
  ['Arabic-Indic digits', (i) => bare(i).replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)))],
  ['a zero-width space', (i) => cpr(i).replace('-', '\u200b')],
];

describe('a CPR number written with a dash, a blank, other digits or an invisible character', () => {
  for (const [what, spelled] of SPELLED) {
    it(`${what} on the baseline rows, bare digits at 3 months: one patient each, numbers as for one spelling`, async () => {
      const one = setup();
      const mixed = setup({ idOf: (i, visit) => (visit === 'baseline' ? spelled(i) : bare(i)) });
      const a = await runCli('analyze', mixed.csv, '--plan', mixed.plan, '--json');
      const b = await runCli('analyze', one.csv, '--plan', one.plan, '--json');
      expect(a.code, a.stderr).toBe(0);
      expect(effectsOf(a.stdout)).toEqual(effectsOf(b.stdout));
      expect(a.stderr).toContain('20 patient ids in column "cpr" are CPR numbers written in more than one way');
      noCpr(a.stdout + a.stderr);
    });
  }

  it('a listing writing the ids with an en dash or a no-break space: the export\'s patients\' events', async () => {
    const hyphen = setup();
    const b = await runCli('analyze', hyphen.csv, '--plan', hyphen.plan, '--json');
    for (const spelled of [SPELLED[0]![1], SPELLED[2]![1]]) {
      const f = setup({ aeIdOf: spelled });
      const a = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
      expect(a.code, a.stderr).toBe(0);
      expect(aeOf(a.stdout).rows).toEqual(aeOf(b.stdout).rows);
      noCpr(a.stdout + a.stderr);
    }
  });
});

describe('an id that is no CPR number, written once with an invisible character or full-width digits', () => {
  it('is refused as one id spelled two ways, naming both lines, never the id (also with --exclude-invalid)', async () => {
    const study = (i: number) => `SB-${1000 + i}`;
    const f = setup({ idOf: (i, visit) => (visit === '3m' && i === 3 ? `SB-\u200b${1000 + i}` : visit === '3m' && i === 4 ? study(i).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d))) : study(i)), plan: { adverseEvents: undefined } });
    for (const extra of [[], ['--exclude-invalid']]) {
      const r = await runCli('validate', f.csv, '--plan', f.plan, ...extra);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('export.csv:lines 7, 9, column 1 (cpr)');
      expect(r.stderr).toContain('this row\'s id is another line\'s but for an invisible character');
      expect(r.stderr).toContain('(line 7: the same id as line 6; line 9: the same id as line 8)');
      expect(r.stderr).not.toMatch(/SB-?\S*100[34]/);
    }
  });
});

describe('adverse-event listing rows whose patient the export does not have', () => {
  it('are refused without exclusion; ids equal to export ids but for their hyphens are counted in the message', async () => {
    const study = (i: number) => `SB-${1000 + i}`;
    const f = setup({ idOf: (i) => study(i), aeIdOf: (i) => (i <= 3 ? study(i).replace('-', '') : study(i)), extra: ['SB-7777;Kvalme;Nej'] });
    const r = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('4 adverse-event rows name patients the export does not have (3 of them equal an export id once hyphens and blanks are ignored: write the ids as the export does); nothing was written');
    expect(r.stderr).not.toMatch(/SB-?1001|SB-?7777/);
  });

  it('with "invalidRows": "exclude": left out, and said under the table (text, page) and counted in results.json', async () => {
    const f = setup({ extra: STRANGERS.map((id) => `${id};Hovedpine;Ja`), plan: { invalidRows: 'exclude' } });
    const a = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
    expect(a.code).toBe(0);
    expect(aeOf(a.stdout).unknownIdRows).toBe(2);
    expect(aeOf(a.stdout).rows[0]!.patients).toEqual({ intervention: 4, control: 4 });
    const text = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(text.stdout).toContain('2 rows of the adverse-event listing name patients the export does not have; they are left out as invalid (the plan\'s "invalidRows": "exclude", or --exclude-invalid) and their events are not counted, so the counts above may be too low.');
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json' }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    expect(report.code).toBe(0);
    const page = readFileSync(join(f.dir, 'reports', 'r', 'index.html'), 'utf8');
    expect(page).toContain('2 rækker i listen over uønskede hændelser angiver patienter, som forsøgets eksport ikke har; de er udeladt som rækker med fejl');
    const results = JSON.parse(readFileSync(join(f.dir, 'reports', 'r', 'results.json'), 'utf8')) as { adverseEvents: Ae };
    expect(results.adverseEvents.unknownIdRows).toBe(2);
    noCpr(a.stdout + a.stderr + text.stdout + text.stderr + page + readFileSync(join(f.dir, 'reports', 'r', 'results.json'), 'utf8'));
    // Without such rows, no count and no note.
    const clean = setup({ plan: { invalidRows: 'exclude' } });
    const c = await runCli('analyze', clean.csv, '--plan', clean.plan, '--json');
    expect(aeOf(c.stdout).unknownIdRows).toBeUndefined();
    expect(existsSync(join(clean.dir, 'reports'))).toBe(false);
  });
});
