/**
 * A CPR-shaped cell in a trial export's column other than the id (arm, visit, score, age, sex,
 * a subgroup, resource use) is refused by line and column, never quoted, and reaches no output:
 * every command stops with exit 2 and writes nothing, --exclude-invalid too; `plan init` drafts
 * nothing from it (docs/input-trial-export.md#cpr-outside-id). Found by a
 * tester: a CPR number in the sex column was a third level of Table 1 and the ANCOVA, and plan
 * init drafted them as visits, arms and missing-value codes.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const CPR = '230874-8804';
const HEADER = 'cpr;gruppe;tid;alder;koen;rmdq';
const REFUSED = 'that look like CPR numbers: hta never publishes one, so it stops here (also with --exclude-invalid)';

/** 12 patients × baseline and 3m, `;`-separated; `edit` may change a line's cells (line 2 is the first patient's baseline). */
function setup(edit: (line: number, cells: string[]) => void = () => {}, plan: Record<string, unknown> = {}) {
  const dir = tempDir();
  const rows = [HEADER];
  for (let i = 1; i <= 12; i++) {
    const id = `${String(i).padStart(2, '0')}0575-${1000 + i}`;
    const arm = i % 2 ? 'app' : 'usual';
    const sex = i % 3 ? 'Kvinde' : 'Mand';
    rows.push([id, arm, 'baseline', String(30 + i), sex, String(8 + (i % 5))].join(';'), [id, arm, '3m', String(30 + i), sex, String(4 + ((i * 3) % 7))].join(';'));
  }
  const lines = rows.map((r, k) => {
    const cells = r.split(';');
    if (k > 0) edit(k + 1, cells);
    return cells.join(';');
  });
  writeFileSync(join(dir, 'export.csv'), lines.join('\n') + '\n');
  const p = { arms: { intervention: 'app', control: 'usual' }, columns: { id: 'cpr', arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], covariates: ['alder', 'koen'], covariateTypes: { koen: 'categorical' }, outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'], ...plan };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
  return { dir, csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}
const at = (line: number, column: number, value = CPR) => (l: number, cells: string[]) => {
  if (l === line) cells[column - 1] = value;
};
/** No CPR number of the file's other columns, nor the masked id column's, in a text. */
const noCpr = (text: string) => expect(text).not.toMatch(/230874.?8804|121070.?2073|1003388394/);

describe('a CPR-shaped cell outside the id column', () => {
  it('in a category covariate (sex): validate lists it by line and column, unquoted, in text and --json; --exclude-invalid and --excluded-out stop too, writing nothing', async () => {
    const f = setup(at(4, 5));
    const text = await runCli('validate', f.csv, '--plan', f.plan);
    expect(text.code).toBe(2);
    expect(text.stderr).toContain(`has 1 cell(s) outside the id column "cpr" ${REFUSED}`);
    expect(text.stderr).toContain('export.csv:4:5 (koen): — expected no CPR number');
    noCpr(text.stdout + text.stderr);
    const json = await runCli('validate', f.csv, '--plan', f.plan, '--json');
    expect(json.code).toBe(2);
    expect((JSON.parse(json.stdout) as { problems: { field: string; lines: number[][] }[] }).problems).toMatchObject([{ field: 'koen', lines: [[4, 4]] }]);
    noCpr(json.stdout + json.stderr);
    const out = join(f.dir, 'excluded.csv');
    const excluding = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--excluded-out', out);
    expect(excluding.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    noCpr(excluding.stdout + excluding.stderr);
  });

  it('no Table 1 level: analyze and hta report stop, nothing written', async () => {
    const f = setup(at(2, 5));
    const csvOut = join(f.dir, 'effects.csv');
    const analyze = await runCli('analyze', f.csv, '--plan', f.plan, '--exclude-invalid', '--csv', csvOut);
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toContain(REFUSED);
    expect(existsSync(csvOut)).toBe(false);
    noCpr(analyze.stdout + analyze.stderr);
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'da', data: 'export.csv', plan: 'plan.json' }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    expect(report.code).toBe(2);
    expect(existsSync(join(f.dir, 'reports', 'r'))).toBe(false);
    noCpr(report.stdout + report.stderr);
  });

  it('no extra Table 1 level: a manifest characteristic column holding one stops hta report, the plan not reading it', async () => {
    const f = setup(at(8, 5), { covariates: ['alder'], covariateTypes: {} });
    expect((await runCli('validate', f.csv, '--plan', f.plan)).code).toBe(0);
    writeFileSync(join(f.dir, 'manifest.json'), JSON.stringify({ reports: [{ id: 'r', kind: 'trial', out: 'r', lang: 'en', data: 'export.csv', plan: 'plan.json', characteristics: [{ column: 'koen', label: { en: 'Sex' } }] }] }));
    const report = await runCli('report', '--manifest', join(f.dir, 'manifest.json'), '--out', join(f.dir, 'reports'));
    expect(report.code).toBe(2);
    expect(report.stderr).toContain(REFUSED);
    expect(report.stderr).toContain('export.csv:8:5 (koen)');
    expect(existsSync(join(f.dir, 'reports', 'r'))).toBe(false);
    noCpr(report.stdout + report.stderr);
  });

  it('no subgroup level: a subgroup column holding one stops analyze', async () => {
    const f = setup(at(6, 5), { covariates: ['alder'], covariateTypes: {}, subgroups: [{ column: 'koen', label: { en: 'sex' }, prespecified: true }] });
    const r = await runCli('analyze', f.csv, '--plan', f.plan, '--json');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.csv:6:5 (koen)');
    noCpr(r.stdout + r.stderr);
  });

  it('in the visit column, named by an old drafted plan: refused, never a column heading or a row name', async () => {
    const f = setup(at(5, 3), { allTimepoints: ['baseline', '3m', CPR] });
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('export.csv:5:3 (tid)');
    noCpr(r.stdout + r.stderr);
  });

  it('in the arm column, and in a score column the plan calls a missing-value code: refused, no recoded list', async () => {
    const arm = setup(at(3, 2));
    const a = await runCli('validate', arm.csv, '--plan', arm.plan);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('export.csv:3:2 (gruppe)');
    noCpr(a.stdout + a.stderr);
    const score = setup(at(7, 6), { missingCodes: [CPR] });
    for (const args of [[], ['--json']]) {
      const s = await runCli('validate', score.csv, '--plan', score.plan, ...args);
      expect(s.code).toBe(2);
      expect(s.stdout + s.stderr).toContain(REFUSED);
      expect(s.stdout + s.stderr).not.toContain('→ missing');
      noCpr(s.stdout + s.stderr);
    }
  });

  it('hta score stops and writes no scored copy', async () => {
    const f = setup(at(9, 4));
    const out = join(f.dir, 'scored.csv');
    const r = await runCli('score', f.csv, '--plan', f.plan, '--out', out, '--exclude-invalid');
    expect(r.code).toBe(2);
    expect(existsSync(out)).toBe(false);
    noCpr(r.stdout + r.stderr);
  });

  it('a column the plan does not read (a CPR column beside the study id) is no problem', async () => {
    const f = setup(at(4, 5), { columns: { id: 'cpr', arm: 'gruppe', time: 'tid' }, covariates: ['alder'], covariateTypes: {} });
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code).toBe(0);
    // The same cell in a column the plan reads is refused (the test fails without the check).
    const read = await runCli('validate', f.csv, '--plan', setup(at(4, 5)).plan);
    expect(read.code).toBe(2);
  });

  it('a site code of ten bare digits on the rows of 5 patients is read; on 3, refused with how to write it; a hyphenated one never', async () => {
    const site = (patients: number, value: string) => (l: number, cells: string[]) => {
      cells[4] = Math.floor(l / 2) <= patients ? value : 'Mand';
    };
    const five = setup(site(5, '1003388394'));
    expect((await runCli('validate', five.csv, '--plan', five.plan)).code).toBe(0);
    const three = setup(site(3, '1003388394'));
    const r = await runCli('validate', three.csv, '--plan', three.plan);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('is on the rows of at least 5 patients');
    expect(r.stderr).toContain('lines 2–7, column 5 (koen)');
    noCpr(r.stdout + r.stderr);
    const dashed = setup(site(6, CPR));
    const d = await runCli('validate', dashed.csv, '--plan', dashed.plan);
    expect(d.code).toBe(2);
    expect(d.stderr).not.toContain('P-number');
  });

  it('a cost-effectiveness resource-use column: hta cea stops, nothing written', async () => {
    const dir = tempDir();
    cpSync('test/fixtures/cea-discounting', dir, { recursive: true });
    const lines = readFileSync(join(dir, 'export.csv'), 'utf8').split('\n');
    const header = lines[0]!.split(',');
    const ru = header.indexOf('"ru_gp"');
    const cells = lines[2]!.split(',');
    cells[ru] = '"121070-2073"';
    lines[2] = cells.join(',');
    writeFileSync(join(dir, 'export.csv'), lines.join('\n'));
    const out = join(dir, 'out');
    const r = await runCli('cea', join(dir, 'export.csv'), '--plan', join(dir, 'cea-24m.plan.json'), '--out-dir', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`export.csv:3:${ru + 1} (ru_gp)`);
    expect(r.stderr).toContain(REFUSED);
    expect(existsSync(out)).toBe(false);
    noCpr(r.stdout + r.stderr);
  });
});

describe('plan init on an export with CPR-shaped cells outside the id column', () => {
  it('drafts none as a visit, arm, level or missing-value code, prints none, and lists them by line and column', async () => {
    const f = setup((l, cells) => {
      if (l === 3) cells[1] = '121070-2073'; // arm
      if (l === 5) cells[2] = CPR; // visit
      if (l === 7) cells[3] = CPR; // age
      if (l === 9) cells[5] = CPR; // score
      if (l === 11) cells[4] = CPR; // sex
    });
    const out = join(f.dir, 'drafted.json');
    const r = await runCli('plan', 'init', f.csv, '--out', out);
    expect(r.code).toBe(0);
    noCpr(r.stdout + r.stderr);
    noCpr(readFileSync(out, 'utf8'));
    for (const where of ['export.csv:3:2 (gruppe)', 'export.csv:5:3 (tid)', 'export.csv:7:4 (alder)', 'export.csv:9:6 (rmdq)', 'export.csv:11:5 (koen)']) {
      expect(r.stderr).toContain(`${where}: a cell looks like a CPR number (DDMMYY-NNNN), a Swedish personnummer or a Norwegian fødselsnummer, outside the id column "cpr"`);
    }
    const plan = JSON.parse(readFileSync(out, 'utf8')) as { allTimepoints?: string[]; timepoints: string[]; missingCodes?: string[] };
    expect(plan.timepoints).toEqual(['3m']);
    expect(plan.missingCodes).toBeUndefined();
    expect(r.stderr).not.toContain('has 3 values');
  });

  it('a column repeating the CPR-shaped id (a follow-up file pasted beside the baseline) is the id again, not such a cell', async () => {
    const dir = tempDir();
    const rows = ['cpr;gruppe;alder;rmdq_baseline;cpr_3m;rmdq_3m'];
    for (let i = 1; i <= 12; i++) {
      const id = `${String(i).padStart(2, '0')}0575-${1000 + i}`;
      rows.push([id, i % 2 ? 'app' : 'usual', i === 4 ? CPR : String(30 + i), String(8 + (i % 5)), id, String(4 + ((i * 3) % 7))].join(';'));
    }
    writeFileSync(join(dir, 'wide.csv'), rows.join('\n') + '\n');
    const r = await runCli('plan', 'init', join(dir, 'wide.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('repeated patient id: "cpr_3m"');
    expect(r.stderr).toContain('wide.csv:5:3 (alder): a cell looks like a CPR number');
    expect(r.stderr).not.toContain('(cpr_3m): ');
    noCpr(r.stdout + r.stderr);
  });
});
