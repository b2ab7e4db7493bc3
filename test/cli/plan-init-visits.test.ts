/**
 * `hta plan init` on wide Danish Excel exports whose visits are named as Danish researchers name
 * them (test/fixtures/exports/excel-dk-visits/): `_basis`, `_før`/`_efter3`, `_0/_3/_12` are read
 * as a baseline and follow-ups with labels the reports read, and the draft validates; an export
 * without a baseline column is refused — a follow-up is never taken as the baseline — and nothing
 * is written. docs/plan-trial.md "Visits of a wide export".
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/exports/excel-dk-visits';

/** Each export's draft and validation, made once for the file (two tests read nul.csv's and foer.csv's). */
const drafted = new Map<string, ReturnType<typeof draftAndValidateNow>>();
function draftAndValidate(name: string): ReturnType<typeof draftAndValidateNow> {
  let d = drafted.get(name);
  if (!d) drafted.set(name, (d = draftAndValidateNow(name)));
  return d;
}

async function draftAndValidateNow(name: string) {
  const csv = `${DIR}/${name}.csv`;
  const before = readFileSync(csv);
  const out = join(tempDir(), 'plan.json');
  const r = await runCli('plan', 'init', csv, '--out', out);
  expect(r.code, r.stderr).toBe(0);
  const plan = JSON.parse(readFileSync(out, 'utf8'));
  const v = await runCli('validate', csv, '--plan', out, '--json');
  expect(v.code, v.stderr).toBe(0);
  expect(readFileSync(csv).equals(before)).toBe(true);
  return { plan, stderr: r.stderr, summary: JSON.parse(v.stdout) };
}

describe('plan init: Danish visit suffixes of a wide export', () => {
  it.each([
    ['basis', { basis: 'baseline', '3mdr': '3m', '12mdr': '12m' }, ['3m', '12m']],
    ['foer', { før: 'baseline', efter3: '3m', efter6: '6m' }, ['3m', '6m']],
    ['nul', { '0': 'baseline', '3': '3m', '12': '12m' }, ['3m', '12m']],
  ])('%s.csv: the baseline suffix is the baseline, every outcome drafted once, and the plan validates', async (name, timeLabels, timepoints) => {
    const { plan, summary } = await draftAndValidate(name);
    expect(plan.baseline).toBeUndefined();
    expect(plan.timeLabels).toEqual(timeLabels);
    expect(plan.timepoints).toEqual(timepoints);
    expect(plan.allTimepoints).toEqual(['baseline', ...timepoints]);
    expect(plan.outcomes.map((o: { key: string; column?: string }) => [o.key, o.column])).toEqual([['smerte', 'Smerte'], ['rmdq', 'RMDQ'], ['medicin', 'Medicin']]);
    // The ANCOVA's baseline is the baseline columns: 40 patients have a baseline score.
    expect(summary.times).toEqual(['baseline', ...timepoints]);
    for (const o of summary.outcomes) expect(o.observed.baseline).toEqual({ intervention: 20, control: 20 });
  });

  it('bare-number suffixes are months, and the checks say so and give the weeks alternative', async () => {
    const { stderr } = await draftAndValidate('nul');
    expect(stderr).toContain('wide layout: visits from column suffixes _0 → baseline, _3 → 3m, _12 → 12m');
    expect(stderr).toContain('visit suffixes _3, _12 say no unit: read as months (3m, 12m). If they are weeks, write {"3": "3w", "12": "12w"} in "timeLabels"');
    const foer = await draftAndValidate('foer');
    expect(foer.stderr).toContain('visit suffixes _efter3, _efter6 say no unit: read as months (3m, 6m)');
  });

  it('without a baseline column nothing is written: no follow-up is taken as the baseline', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', `${DIR}/uden-basis.csv`, '--out', out);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('error: plan init could not decide the baseline visit: none of the visits ("3m", "12m") is named like a baseline; nothing was written');
    expect(r.stderr).toContain('uden-basis.csv: — expected the baseline columns\' names with a baseline suffix (Smerte_baseline, RMDQ_baseline, Medicin_baseline, …; or _basis, _før, _0)');
    expect(r.stderr).not.toContain('was taken as the baseline');
    expect(r.stderr).not.toMatch(/at .*\.[jt]s:\d+/);
    expect(existsSync(out)).toBe(false);
    // On stdout neither.
    expect((await runCli('plan', 'init', `${DIR}/uden-basis.csv`)).stdout).toBe('');
  });

  it('an export with bad cells still gets its plan, and the checks name the lines validate will list', async () => {
    const out = join(tempDir(), 'plan.json');
    const r = await runCli('plan', 'init', `${DIR}/bad.csv`, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    // Line 32's arm "app" is the plan's "App" written in lower case: read as it, with a note (trial/arm-spellings.ts).
    expect(r.stderr).toMatch(/2 row\(s\) of \S*bad\.csv have values the draft cannot read \(lines 27, 37\)/);
    expect(JSON.parse(readFileSync(out, 'utf8')).timeLabels).toEqual({ '3mdr': '3m', '6mdr': '6m' });
  });

  it('a long export whose visits hold no baseline, or an export with no arm column, is refused with what to write', async () => {
    const dir = tempDir();
    const long = join(dir, 'lang.csv');
    writeFileSync(long, 'id;gruppe;tid;rmdq\r\n1;App;1;3\r\n1;App;2;3\r\n2;Kontrol;1;4\r\n2;Kontrol;2;4\r\n');
    const r = await runCli('plan', 'init', long, '--out', join(dir, 'plan.json'));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('could not decide the baseline visit: none of the visits ("1", "2") is named like a baseline; nothing was written');
    expect(r.stderr).toContain('expected the baseline rows\' value in column "tid" as "baseline"');
    const noArm = join(dir, 'uden-gruppe.csv');
    writeFileSync(noArm, 'Løbenr;App;RMDQ_basis;RMDQ_3mdr\r\n1;Ja;10;8\r\n2;Nej;12;11\r\n');
    const a = await runCli('plan', 'init', noArm, '--out', join(dir, 'plan.json'));
    expect(a.code).toBe(2);
    // "App" Ja/Nej and no arm column: said as a registry of users and non-users, with the trial's way out too.
    expect(a.stderr).toContain('could not decide the arm column: this looks like a registry export of users and non-users ("App": "Ja" and "Nej")');
    expect(a.stderr).toContain('if it is a randomised trial after all, name its arm column instead: "columns": { "arm": "App" }');
    // The refusal comes first and alone: no "guessed:" and "check before analysing:" lists of a
    // trial plan that is never written (give the plan a title, …).
    expect(a.stderr).toMatch(/^error: plan init could not decide the arm column/);
    expect(a.stderr).not.toContain('check before analysing');
    expect(existsSync(join(dir, 'plan.json'))).toBe(false);
    const noColumn = join(dir, 'uden-kolonne.csv');
    writeFileSync(noColumn, 'Løbenr;RMDQ_basis;RMDQ_3mdr\r\n1;10;8\r\n2;12;11\r\n');
    const b = await runCli('plan', 'init', noColumn, '--out', join(dir, 'plan.json'));
    expect(b.code).toBe(2);
    expect(b.stderr).toContain('could not decide the arm column: no column is named like one');
  });

  it('two columns of one instrument get two keys (a plan uses each key once)', async () => {
    const dir = tempDir();
    const csv = join(dir, 'to.csv');
    writeFileSync(csv, 'id;gruppe;rmdq_basis;rmdq_3mdr;roland_basis;roland_3mdr\r\n1;App;10;8;11;9\r\n2;Kontrol;12;11;12;12\r\n');
    const out = join(dir, 'plan.json');
    const r = await runCli('plan', 'init', csv, '--out', out);
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(readFileSync(out, 'utf8')).outcomes.map((o: { key: string }) => o.key)).toEqual(['rmdq', 'roland']);
  });
});
