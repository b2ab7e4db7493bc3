/**
 * A CPR number INSIDE other text in a cell whose value hta prints (a subgroup level, a category
 * covariate, a Table 1 characteristic, a registry confounder, an uptake clinic name) is refused
 * as a whole-cell CPR number is: exit 2, the cell named by line and column and never quoted,
 * nothing written (docs/input-trial-export.md#cpr-outside-id). Found by a tester: a GP secretary's
 * note `Lægerne Østergade (pt. 120374-1234)` in a clinic cell was printed as the subgroup level's
 * name on stderr, in --json, on the page, in README.md, results.json and the chart files.
 */
import { cpSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const NOTE = 'Lægerne Østergade (pt. 120374-1234)';
const INSIDE = 'no CPR number inside the text';
/** The number's digits however written (with or without a hyphen, a dash or a blank; full-width digits too). */
const noDigits = (text: string) => expect(text.normalize('NFKC')).not.toMatch(/120374\D{0,3}1234/);

const CLINICS = ['Lægerne Østergade', 'Ærø Lægehus', 'Lægehuset Vest'];

/**
 * 24 patients × baseline and 3m, `;`-separated, a clinic column `praksis` (both arms in each
 * clinic); `clinicOf` may change a patient's clinic cell (patient 1–24, on both rows).
 */
function setup(clinicOf: (patient: number) => string | undefined = () => undefined, plan: Record<string, unknown> = {}, sexOf: (patient: number) => string | undefined = () => undefined) {
  const dir = tempDir();
  const rows = ['pid;gruppe;tid;alder;koen;praksis;rmdq'];
  for (let i = 1; i <= 24; i++) {
    const id = `S${String(i).padStart(3, '0')}`;
    const arm = i % 2 ? 'app' : 'usual';
    const sex = sexOf(i) ?? (i % 3 ? 'Kvinde' : 'Mand');
    const clinic = clinicOf(i) ?? CLINICS[Math.floor((i - 1) / 2) % 3]!;
    rows.push([id, arm, 'baseline', String(30 + i), sex, clinic, String(8 + (i % 5))].join(';'), [id, arm, '3m', String(30 + i), sex, clinic, String(4 + ((i * 3) % 7))].join(';'));
  }
  writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
  const p = { arms: { intervention: 'app', control: 'usual' }, columns: { id: 'pid', arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], covariates: ['alder'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'], ...plan };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
  return { dir, csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}
const SUBGROUP = { subgroups: [{ column: 'praksis', label: { en: 'clinic', da: 'praksis' }, prespecified: false }] };

/** Every file under `dir`, read as bytes (a PNG too), as one text. */
function everyFile(dir: string): string {
  if (!existsSync(dir)) return '';
  return readdirSync(dir).map((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? everyFile(path) : readFileSync(path).toString('latin1') + readFileSync(path, 'utf8');
  }).join('\n');
}

describe('a CPR number inside the text of a printed value', () => {
  it('in a subgroup column: analyze refuses it by line and column, unquoted, --exclude-invalid too', async () => {
    const f = setup((i) => (i === 3 ? NOTE : undefined), SUBGROUP);
    const r = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.csv:lines 6–7, column 6 (praksis)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
    const excluding = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(excluding.code).toBe(2);
    noDigits(excluding.stdout + excluding.stderr);
    // The same file without the note is analysed: the refusal is the note's.
    const clean = setup(() => undefined, SUBGROUP);
    expect((await runCli('analyze', clean.csv, '--plan', clean.plan, '--json')).code).not.toBe(2);
  });

  it('every output of the runs (stdout, stderr, --csv, hta report\'s folder) is free of the digits', async () => {
    const f = setup((i) => (i === 3 ? NOTE : undefined), SUBGROUP);
    const csvOut = join(f.dir, 'effects.csv');
    const analyze = await runCli('analyze', f.csv, '--plan', f.plan, '--json', '--csv', csvOut);
    const validate = await runCli('validate', f.csv, '--plan', f.plan, '--json');
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json' }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    for (const run of [analyze, validate, report]) {
      expect(run.code).toBe(2);
      noDigits(run.stdout + run.stderr);
    }
    expect(existsSync(csvOut)).toBe(false);
    expect(existsSync(join(f.dir, 'reports'))).toBe(false);
    noDigits(everyFile(join(f.dir, 'reports')));
  });

  it('in a category covariate: validate refuses it', async () => {
    const f = setup(() => undefined, { covariates: ['alder', 'koen'], covariateTypes: { koen: 'categorical' } }, (i) => (i === 5 ? 'Kvinde, pt. 120374 1234' : undefined));
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.csv:lines 10–11, column 5 (koen)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
  });

  it('in a Table 1 characteristic the plan does not read: hta report refuses it, nothing written', async () => {
    const f = setup((i) => (i === 8 ? NOTE : undefined));
    expect((await runCli('validate', f.csv, '--plan', f.plan)).code).toBe(0);
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [{ column: 'praksis', label: { en: 'Clinic' } }] }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('(praksis)');
    expect(report.stderr).toContain(INSIDE);
    expect(existsSync(join(f.dir, 'reports', 'r'))).toBe(false);
    noDigits(report.stdout + report.stderr);
  });

  it('in a registry confounder (an observational plan): refused as in a trial', async () => {
    const f = setup((i) => (i === 4 ? NOTE : undefined), {
      design: 'observational',
      arms: { intervention: 'app', control: 'usual' },
      covariates: undefined,
      methods: undefined,
      observational: { exposure: { column: 'gruppe', exposed: 'app', unexposed: 'usual' }, confounders: [{ name: 'alder', type: 'numeric' }, { name: 'praksis', type: 'categorical' }], estimand: 'ATE' },
    });
    const r = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(praksis)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
  });

  it('a code of ten bare digits inside a name is read when 5 patients have the cell, refused on fewer; a code glued to a letter is read as written', async () => {
    const code = (patients: number) => (i: number) => (i <= patients ? 'Klinik 1203741234' : undefined);
    expect((await runCli('validate', setup(code(5), SUBGROUP).csv, '--plan', setup(code(5), SUBGROUP).plan)).code).toBe(0);
    const three = setup(code(3), SUBGROUP);
    const r = await runCli('validate', three.csv, '--plan', three.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('write a letter right before its digits');
    noDigits(r.stdout + r.stderr);
    const glued = setup((i) => (i === 2 ? 'Klinik P1203741234' : undefined), SUBGROUP);
    expect((await runCli('validate', glued.csv, '--plan', glued.plan)).code).toBe(0);
  });

  it('in an adverse-event listing\'s seriousness cell: refused (a term or class holding one already was)', async () => {
    const f = setup(() => undefined, { adverseEvents: { file: 'ae.csv', term: 'term', serious: 'alvorlig' } });
    writeFileSync(join(f.dir, 'ae.csv'), ['pid;term;alvorlig', 'S001;Hovedpine;Nej', 'S002;Kvalme;Ja, pt. 120374-1234'].join('\n') + '\n');
    const r = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ae.csv:3:3 (alvorlig)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
  });

  it('in an uptake registry\'s clinic name: hta uptake refuses it, nothing printed', async () => {
    const dir = tempDir();
    const registry = readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').replace('P02,Hovedstaden,H001', `P02,Hovedstaden,${NOTE}`);
    writeFileSync(join(dir, 'registry.csv'), registry);
    const r = await runCli('uptake', join(dir, 'registry.csv'), '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--json', '--first-publication');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:3:3 (clinic)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
  });

  it('in an aggregate table\'s clinic name (hta uptake --aggregates): refused, unquoted; a ten-digit P-number there is read', async () => {
    const dir = tempDir();
    const FIX = 'test/fixtures/uptake-inputs';
    cpSync(join(FIX, 'parts', 'syd'), join(dir, 'syd'), { recursive: true });
    const clinics = join(dir, 'syd', 'uptake_clinics.csv');
    const original = readFileSync(clinics, 'utf8');
    writeFileSync(clinics, original.replace(',Aabenraa LH,', `,${NOTE},`));
    const r = await runCli('uptake', '--aggregates', join(dir, 'syd'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'plan.json'), '--json', '--first-publication');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('uptake_clinics.csv:3:2 (clinic)');
    expect(r.stderr).toContain(INSIDE);
    noDigits(r.stdout + r.stderr);
    writeFileSync(clinics, original.replace(',Aabenraa LH,', ',1203741234,'));
    expect((await runCli('uptake', '--aggregates', join(dir, 'syd'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'plan.json'), '--json', '--first-publication')).code).toBe(0);
  });

  // Two blanks or a tab between date and serial, as notes are typed (finding s29 ids 3), and a zero-width space.
  for (const [what, note] of [['two spaces', 'Lægerne (pt. 120374  1234)'], ['a tab', 'Lægerne (pt. 120374\t1234)'], ['a hyphen between blanks', 'Lægerne (pt. 120374 - 1234)'], ['a zero-width space', 'Lægerne (pt. 120374-\u200b1234)']] as const) {
    it(`in an aggregate table's clinic name, with ${what}: refused, unquoted`, async () => {
      const dir = tempDir();
      const FIX = 'test/fixtures/uptake-inputs';
      cpSync(join(FIX, 'parts', 'syd'), join(dir, 'syd'), { recursive: true });
      const clinics = join(dir, 'syd', 'uptake_clinics.csv');
      writeFileSync(clinics, readFileSync(clinics, 'utf8').replace(',Aabenraa LH,', `,${note},`));
      const r = await runCli('uptake', '--aggregates', join(dir, 'syd'), '--eligible', join(FIX, 'eligible.csv'), '--plan', join(FIX, 'plan.json'), '--json', '--first-publication');
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('uptake_clinics.csv:3:2 (clinic)');
      expect(r.stderr).toContain(INSIDE);
      expect(r.stdout).toBe('');
      noDigits((r.stdout + r.stderr).replace(/\u200b/g, ''));
    });
  }
});

/**
 * The ordinary ways a typed note differs from `120374-1234` (review of session 28, privacy
 * findings 1–3): each was printed as a level or a clinic in every output, or quoted by a refusal
 * that said it quotes none.
 */
const SPELLED: [string, string][] = [
  ['a no-break space (U+00A0)', 'Lægerne Østergade (pt. 120374\u00a01234)'],
  ['an en dash', 'Lægerne Østergade (pt. 120374\u20131234)'],
  ['full-width digits', 'Lægerne Østergade (pt. \uff11\uff12\uff10\uff13\uff17\uff14-\uff11\uff12\uff13\uff14)'],
  ['glued to a letter, hyphenated', 'Lægerne Østergade (pt120374-1234)'],
  ['two spaces', 'Lægerne Østergade (pt. 120374  1234)'],
  ['a tab', 'Lægerne Østergade (pt. 120374\t1234)'],
];

describe('a CPR number inside a level, typed as notes are typed', () => {
  for (const [what, note] of SPELLED) {
    it(`${what}: analyze refuses it by line and column, unquoted, nothing in --json`, async () => {
      const f = setup((i) => (i === 3 ? note : undefined), SUBGROUP);
      const r = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('export.csv:lines 6–7, column 6 (praksis)');
      expect(r.stderr).toContain(INSIDE);
      expect(r.stdout).toBe('');
      noDigits(r.stdout + r.stderr);
    });
  }

  it('a no-break space: hta report writes nothing and quotes nothing', async () => {
    const f = setup((i) => (i === 3 ? SPELLED[0]![1] : undefined), SUBGROUP);
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json' }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    expect(report.code).toBe(2);
    noDigits(report.stdout + report.stderr);
    expect(existsSync(join(f.dir, 'reports'))).toBe(false);
  });

  it('a date and time written compactly in a level (Hold 010324 0900) is refused, and the message says why and what to write', async () => {
    const f = setup((i) => (i <= 12 ? 'Hold 010324 0900' : undefined), SUBGROUP);
    const r = await runCli('analyze', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(INSIDE);
    expect(r.stderr).toContain('a date and a time of day written compactly side by side (DDMMYY hhmm, DD.MM.YYYY hhmm, YYMMDD-hhmm, YYYYMMDD-hhmm) have this shape too');
    expect(r.stderr).toContain('2024-03-01 09:00');
    expect(r.stderr).not.toContain('010324');
    // Written as the message says, the level is read.
    const written = setup((i) => (i <= 12 ? 'Hold 2024-03-01 09:00' : undefined), SUBGROUP);
    expect((await runCli('validate', written.csv, '--plan', written.plan)).code).toBe(0);
  });
});

describe('an uptake clinic name holding a CPR number as typed', () => {
  const registryWith = (clinic: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'registry.csv'), readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').replace('P02,Hovedstaden,H001', `P02,Hovedstaden,"${clinic}"`));
    return join(dir, 'registry.csv');
  };
  const uptake = (registry: string, ...more: string[]) => runCli('uptake', registry, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--json', '--first-publication', ...more);
  for (const [what, clinic] of [
    ['a no-break space', 'HOV01 (pt 120374\u00a01234)'],
    ['two blanks, read as one in a clinic name', 'HOV01 (pt 120374  1234)'],
    ['a tab', 'HOV01 (pt 120374\t1234)'],
    ['an en dash', 'HOV01 (pt 120374\u20131234)'],
    ['glued to a letter', 'HOV01 pt120374-1234'],
  ] as const) {
    it(`${what}: refused as a CPR number (not as a clinic name), unquoted, --exclude-invalid too`, async () => {
      const registry = registryWith(clinic);
      const r = await uptake(registry);
      expect(r.code, r.stderr).toBe(2);
      expect(r.stderr).toContain('registry.csv:3:3 (clinic)');
      expect(r.stderr).toContain(INSIDE);
      expect(r.stderr).not.toContain('a clinic name: letters');
      // The hint's example is no date, so no mask makes it unreadable.
      expect(r.stderr).not.toContain('PDDMMYY');
      noDigits(r.stdout + r.stderr);
      const excluding = await uptake(registry, '--exclude-invalid');
      noDigits(excluding.stdout + excluding.stderr);
    });
  }
});

