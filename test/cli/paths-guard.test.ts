/** Inputs are never written, outputs must be places hta may write, and file-system failures are one line, exit 2. */
import { copyFileSync, existsSync, linkSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli, tempDir } from '../support/run-cli.js';

const TRIAL_PLAN = 'data/plans/selfback.plan.json';
const UPTAKE_PLAN = 'data/plans/uptake.plan.json';
const FX = 'test/uptake/fixtures';
const SMALL = [
  'id,arm,time,rmdq',
  'P1,app,baseline,12', 'P1,app,3m,8', 'P2,usual,baseline,10', 'P2,usual,3m,9',
  'P3,app,baseline,11', 'P3,app,3m,5', 'P4,usual,baseline,14', 'P4,usual,3m,13',
].join('\n') + '\n';
const PLAN = JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] });

function workspace() {
  const dir = tempDir();
  writeFileSync(join(dir, 'x.csv'), SMALL);
  writeFileSync(join(dir, 'p.json'), PLAN);
  return { dir, csv: join(dir, 'x.csv'), plan: join(dir, 'p.json') };
}

/** One line on stderr, exit 2, no stack trace, no "internal error". */
function expectCleanFailure(r: { code: number; stderr: string }, ...mentions: string[]) {
  expect(r.code).toBe(2);
  expect(r.stderr).not.toMatch(/internal error|    at /);
  expect(r.stderr.trimEnd().split('\n')).toHaveLength(1);
  for (const m of mentions) expect(r.stderr).toContain(m);
}

describe('inputs are never written', () => {
  it('analyze --csv onto the plan is refused, naming --csv and --plan; the plan is unchanged', async () => {
    const w = workspace();
    const r = await runCli('analyze', w.csv, '--plan', w.plan, '--csv', w.plan);
    expectCleanFailure(r, `--csv ${w.plan}`, `--plan ${w.plan}`);
    expect(readFileSync(w.plan, 'utf8')).toBe(PLAN);
  });

  it('score --out onto the plan (other spelling, symbolic and hard links) is refused; nothing is written', async () => {
    const w = workspace();
    linkSync(w.plan, join(w.dir, 'hard.json'));
    for (const out of [w.plan, join(w.dir, '.', 'sub', '..', 'p.json'), join(w.dir, 'hard.json')]) {
      const r = await runCli('score', w.csv, '--plan', w.plan, '--out', out);
      expectCleanFailure(r, `--out ${out}`, `--plan ${w.plan}`);
    }
    expect(readFileSync(w.plan, 'utf8')).toBe(PLAN);
    expect(readdirSync(w.dir).sort()).toEqual(['hard.json', 'p.json', 'x.csv']);
  });

  it('score --out onto the data file is refused, naming <csv>', async () => {
    const w = workspace();
    const r = await runCli('score', w.csv, '--out', w.csv);
    expectCleanFailure(r, `--out ${w.csv}`, `<csv> ${w.csv}`);
    expect(readFileSync(w.csv, 'utf8')).toBe(SMALL);
  });

  it('a bundled value set is never an output', async () => {
    const w = workspace();
    const target = join('data/valuesets', readdirSync('data/valuesets').find((f) => f.endsWith('.json'))!);
    const before = readFileSync(target, 'utf8');
    const r = await runCli('score', w.csv, '--plan', w.plan, '--out', target);
    expectCleanFailure(r, `--out ${target}`, 'value set');
    expect(readFileSync(target, 'utf8')).toBe(before);
  });

  it('uptake --csv-dir holding an input of the same name is refused before anything is written', async () => {
    const dir = tempDir();
    const reg = join(dir, 'clinic-funnel.csv');
    copyFileSync(`${FX}/registry-small.csv`, reg);
    const r = await runCli('uptake', reg, '--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN, '--csv-dir', dir);
    // Named as the folder typed, which holds the registry (docs/output-safety.md "Inputs stay out").
    expectCleanFailure(r, `--csv-dir ${dir} holds <registry> ${reg}`);
    expect(readFileSync(reg, 'utf8')).toBe(readFileSync(`${FX}/registry-small.csv`, 'utf8'));
    expect(readdirSync(dir)).toEqual(['clinic-funnel.csv']);
  });

  it('uptake --csv-dir holding --eligible, --plan or a --previous publication (or above one) is refused, --force too, nothing written', async () => {
    const dir = tempDir();
    const inputs = join(dir, 'inputs');
    mkdirSync(join(inputs, 'earlier'), { recursive: true });
    const eligible = join(inputs, 'eligible.csv');
    const plan = join(inputs, 'uptake.plan.json');
    copyFileSync(`${FX}/eligible-small.csv`, eligible);
    copyFileSync(UPTAKE_PLAN, plan);
    // An earlier publication as `hta uptake --json` prints it (a run on the same registry).
    const first = await runCli('uptake', `${FX}/registry-small.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN, '--json', '--first-publication');
    expect(first.code).toBe(0);
    const previous = join(inputs, 'earlier', 'results.json');
    writeFileSync(previous, first.stdout);
    const before = () => Object.fromEntries([eligible, plan, previous].map((f) => [f, readFileSync(f, 'utf8')]));
    const was = before();
    const own = ['--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN];
    for (const [args, csvDir, holds] of [
      [['--eligible', eligible, '--plan', UPTAKE_PLAN, '--first-publication'], inputs, `--eligible ${eligible}`],
      [['--eligible', `${FX}/eligible-small.csv`, '--plan', plan, '--first-publication'], inputs, `--plan ${plan}`],
      [[...own, '--previous', previous], join(inputs, 'earlier'), `--previous ${previous}`],
      [[...own, '--previous', previous], inputs, `--previous ${previous} (${join('earlier', 'results.json')}, under it)`],
    ] as const) {
      for (const force of [[], ['--force']]) {
        const r = await runCli('uptake', `${FX}/registry-small.csv`, ...args, '--csv-dir', csvDir, ...force);
        expectCleanFailure(r, `--csv-dir ${csvDir} holds ${holds}; the published tables are written into that folder, and a folder is published whole`);
      }
    }
    expect(before()).toEqual(was);
    expect(readdirSync(inputs).sort()).toEqual(['earlier', 'eligible.csv', 'uptake.plan.json']);
    expect(readdirSync(join(inputs, 'earlier'))).toEqual(['results.json']);
  });

  it('uptake --csv-dir that is, or lies above, a folder of --aggregates tables (small counts) is refused before anything is read', async () => {
    const dir = tempDir();
    const north = join(dir, 'agg', 'north');
    mkdirSync(north, { recursive: true });
    // The tables as sql/uptake-aggregates.sql writes them (only their place matters here).
    const tables = {
      'uptake_activation_years.csv': 'region,act_year,activations\nNordjylland,2024,12\n',
      'uptake_cells.csv': 'region,ref_year,ref_month,age_band,sex,referrer,delay_days,referrals,activations,at_risk_4w,retained_4w,at_risk_12w,retained_12w\n',
      'uptake_clinics.csv': 'region,clinic,referrals,activations\nNordjylland,N001,3,2\n',
      'uptake_totals.csv': 'export_date,referrals\n2025-12-30,3\n',
    };
    for (const [name, text] of Object.entries(tables)) writeFileSync(join(north, name), text);
    const args = ['--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN, '--first-publication'];
    const first = join(north, 'uptake_activation_years.csv');
    for (const [aggregates, csvDir, where] of [
      [[north], north, ''],
      [[north], join(dir, 'agg'), ` (${join('north', 'uptake_activation_years.csv')}, under it)`],
      [Object.keys(tables).map((n) => join(north, n)), north, ''],
    ] as const) {
      const r = await runCli('uptake', '--aggregates', ...aggregates, ...args, '--csv-dir', csvDir);
      expectCleanFailure(r, `--csv-dir ${csvDir} holds --aggregates ${first}${where}; the published tables are written into that folder`);
    }
    expect(readdirSync(north).sort()).toEqual(Object.keys(tables).sort());
    expect(readdirSync(join(dir, 'agg'))).toEqual(['north']);
  });

  it('cea --out-dir that holds the trial export, or the plans, is refused before anything is read', async () => {
    const f = ceaFixture();
    const before = readdirSync(f.dir).sort();
    for (const out of [f.dir, join(f.dir, '..')]) {
      const r = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', out, '--replicates', '100');
      expectCleanFailure(r, `--out-dir ${out} holds <export> ${f.exportFile}`, 'the results are written into that folder');
    }
    // `--out-dir .` with the export named from here: its label says where it is, no "(…, under it)" repeating it.
    const here = await runCli('cea', 'data/synthetic/selfback-trial.csv', '--plan', 'data/plans/selfback.cea.json', '--out-dir', '.', '--replicates', '100');
    expectCleanFailure(here, '--out-dir . holds <export> data/synthetic/selfback-trial.csv; the results are written into that folder');
    // The plans too: a folder beside the export holding the CEA plan.
    const plans = join(f.dir, 'plans');
    mkdirSync(plans);
    const plan = join(plans, 'cea.json');
    copyFileSync(f.plan, plan);
    const r = await runCli('cea', f.exportFile, '--plan', plan, '--out-dir', plans, '--replicates', '100');
    expect(r.stderr).toContain(`--out-dir ${plans} holds --plan ${plan}`);
    expect(readdirSync(f.dir).sort()).toEqual([...before, 'plans'].sort());
    expect(readdirSync(plans)).toEqual(['cea.json']);
  });

  it('uptake --excluded-out onto the --csv-dir index (.hta-files.json) is the same file: refused, --force too, nothing written', async () => {
    const dir = tempDir();
    for (const force of [[], ['--force']]) {
      const r = await runCli('uptake', `${FX}/registry-small.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN, '--exclude-invalid', '--csv-dir', dir, '--excluded-out', join(dir, '.hta-files.json'), ...force);
      expectCleanFailure(r, `--csv-dir ${join(dir, '.hta-files.json')} is the same file as --excluded-out ${join(dir, '.hta-files.json')}`);
    }
    expect(readdirSync(dir)).toEqual([]);
  });

  it('simulate registry: --eligible-out may not be --out', async () => {
    const dir = tempDir();
    const r = await runCli('simulate', 'registry', '--rows', '10', '--out', join(dir, 'r.csv'), '--eligible-out', join(dir, '.', 'r.csv'));
    expectCleanFailure(r, '--eligible-out', '--out');
    expect(readdirSync(dir)).toEqual([]);
  });
});

describe('folders, devices and links where files belong (and the reverse): exit 2 naming the path', () => {
  it('uptake <registry> that is a folder', async () => {
    const dir = tempDir();
    const r = await runCli('uptake', dir, '--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN);
    expectCleanFailure(r, `<registry> ${dir}`, 'folder');
  });

  it('uptake --csv-dir that is a file', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'afile'), 'mine');
    const r = await runCli('uptake', `${FX}/registry-small.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', UPTAKE_PLAN, '--csv-dir', join(dir, 'afile'));
    expectCleanFailure(r, `--csv-dir ${join(dir, 'afile')}`, 'is a file');
    expect(readFileSync(join(dir, 'afile'), 'utf8')).toBe('mine');
  });

  it('analyze --csv that is a folder, and --plan that is a folder', async () => {
    const w = workspace();
    mkdirSync(join(w.dir, 'adir'));
    expectCleanFailure(await runCli('analyze', w.csv, '--plan', w.plan, '--csv', join(w.dir, 'adir')), `--csv ${join(w.dir, 'adir')}`, 'folder');
    expectCleanFailure(await runCli('analyze', w.csv, '--plan', join(w.dir, 'adir')), `--plan ${join(w.dir, 'adir')}`, 'folder');
  });

  it('"-" is no output: hta writes files, not standard output, and never makes a file named "-"', async () => {
    const w = workspace();
    const runs: [string[], string][] = [
      [['score', w.csv, '--out', '-'], '--out -: hta writes a file there, not to standard output'],
      [['score', w.csv, '--out', join(w.dir, 's.csv'), '--exclude-invalid', '--excluded-out', '-', '--force'], '--excluded-out -: hta writes a file there'],
      [['analyze', w.csv, '--plan', w.plan, '--csv', '-'], '--csv -: hta writes a file there'],
      [['simulate', 'trial', '--patients', '10', '--out', '-'], '--out -: hta writes a file there'],
      [['report', '--manifest', join(w.dir, 'm.json'), '--out', '-'], '--out -: hta writes files into a folder there'],
    ];
    for (const [argv, message] of runs) {
      const r = await runCli(...argv);
      expectCleanFailure(r, message);
      expect(existsSync('-'), argv.join(' ')).toBe(false);
    }
  });

  it('a file name ending in / names a folder, and a name ending in a space is a slip: refused with the fix, nothing written', async () => {
    const w = workspace();
    const runs: [string[], string][] = [
      [['simulate', 'trial', '--patients', '10', '--out', join(w.dir, 'newdir/')], `--out ${join(w.dir, 'newdir/')}: that names a folder; --out needs a file name — e.g. --out ${join(w.dir, 'newdir/results.csv')}`],
      [['score', w.csv, '--out', join(w.dir, 's.csv ')], `--out "${join(w.dir, 's.csv ')}": the name ends in a space, which would make a file that looks like "${join(w.dir, 's.csv')}" but is not (usually a slip when pasting) — write --out ${join(w.dir, 's.csv')}`],
      [['analyze', w.csv, '--plan', w.plan, '--csv', join(w.dir, 'e.csv\t')], 'the name ends in a tab'],
      [['uptake', join(FX, 'registry-small.csv'), '--eligible', join(FX, 'eligible-small.csv'), '--plan', UPTAKE_PLAN, '--csv-dir', join(w.dir, 'out  ')], 'the name ends in spaces or tabs, which would make a folder'],
      [['report', '--manifest', join(w.dir, 'm.json'), '--out', join(w.dir, 'r ')], 'the name ends in a space, which would make a folder'],
    ];
    for (const [argv, message] of runs) {
      const r = await runCli(...argv);
      expectCleanFailure(r, message);
    }
    expect(readdirSync(w.dir).sort()).toEqual(['p.json', 'x.csv']);
  });

  it.skipIf(process.platform === 'win32')('a \\ or a drive, and a name Windows cannot make, are refused with the fix: no literal "out\\scored.csv", "con.csv" or "x.csv."', async () => {
    const w = workspace();
    const runs: [string[], string][] = [
      [['score', w.csv, '--out', 'out\\scored.csv'], '--out out\\scored.csv: a \\ is part of a name on Linux and macOS, so this would make one file named "out\\scored.csv" — write / between folders: --out out/scored.csv'],
      [['score', w.csv, '--out', 'C:\\x.csv'], '--out C:\\x.csv: an absolute Windows path (drive C:), which names nothing on this system'],
      [['score', w.csv, '--out', '\\\\srv\\share\\x.csv'], 'a Windows network (UNC) path (\\\\srv\\share)'],
      [['score', w.csv, '--out', 'a:b.csv'], '--out a:b.csv: a Windows path on drive A: (relative to its current folder)'],
      [['score', w.csv, '--out', 'ab:c.csv'], '--out ab:c.csv: no file name with ":" ("ab:c.csv"): Windows allows none of'],
      [['score', w.csv, '--out', 'con.csv'], '--out con.csv: no file named "con.csv": CON is a device name on Windows'],
      [['analyze', w.csv, '--plan', w.plan, '--csv', 'x.csv.'], '--csv x.csv.: no file name ending in "." ("x.csv."): Windows drops the dot, so it would be the file "x.csv" there'],
      [['simulate', 'trial', '--patients', '10', '--out', 'aux'], '--out aux: no file named "aux": AUX is a device name on Windows'],
      [['uptake', join(FX, 'registry-small.csv'), '--eligible', join(FX, 'eligible-small.csv'), '--plan', UPTAKE_PLAN, '--csv-dir', 'tables\\nul'], '--csv-dir tables\\nul: a \\ is part of a name'],
      [['uptake', join(FX, 'registry-small.csv'), '--eligible', join(FX, 'eligible-small.csv'), '--plan', UPTAKE_PLAN, '--csv-dir', 'Nul'], 'no folder named "Nul": NUL is a device name'],
      [['report', '--manifest', join(w.dir, 'm.json'), '--out', 'site\\r'], '--out site\\r: a \\ is part of a name on Linux and macOS, so this would make one folder named "site\\r" — write / between folders: --out site/r'],
      // The folders hta would make on the way are names too, and the message names the first bad one.
      [['score', w.csv, '--out', 'C:/out/x.csv'], '--out C:/out/x.csv: an absolute Windows path (drive C:), which names nothing on this system: it would make a folder named "C:" — give a path'],
      [['score', w.csv, '--out', 'a\\b/c.csv'], '--out a\\b/c.csv: a \\ is part of a name on Linux and macOS, so this would make one folder named "a\\b" — write / between folders: --out a/b/c.csv'],
      [['score', w.csv, '--out', 'con/x.csv'], '--out con/x.csv: no folder named "con": CON is a device name on Windows'],
      [['score', w.csv, '--out', 'sub./x.csv'], '--out sub./x.csv: no folder name ending in "." ("sub."): Windows drops the dot, so it would be the folder "sub" there'],
      [['score', w.csv, '--out', 'x/a:b/y.csv'], '--out x/a:b/y.csv: no folder name with ":" ("a:b"): Windows allows none of'],
      [['score', w.csv, '--out', 'ok/aux.d/prn/x.csv'], '--out ok/aux.d/prn/x.csv: no folder named "aux.d": AUX is a device name'],
      [['uptake', join(FX, 'registry-small.csv'), '--eligible', join(FX, 'eligible-small.csv'), '--plan', UPTAKE_PLAN, '--csv-dir', 'tables/lpt9/2024'], '--csv-dir tables/lpt9/2024: no folder named "lpt9": LPT9 is a device name'],
      // COM¹–COM³ and LPT¹–LPT³ are the ports COM1–COM3 and LPT1–LPT3 there.
      [['score', w.csv, '--out', 'com\u00b9.csv'], '--out com\u00b9.csv: no file named "com\u00b9.csv": COM\u00b9 is a device name on Windows'],
      [['simulate', 'trial', '--patients', '10', '--out', 'LPT\u00b3'], '--out LPT\u00b3: no file named "LPT\u00b3": LPT\u00b3 is a device name on Windows'],
      [['report', '--manifest', join(w.dir, 'm.json'), '--out', 'site/Com\u00b2'], 'no folder named "Com\u00b2": COM\u00b2 is a device name'],
    ];
    // In the workspace: were the check gone, the literal names would be made there.
    const home = process.cwd();
    process.chdir(w.dir);
    try {
      for (const [argv, message] of runs) expectCleanFailure(await runCli(...argv), message);
      // A name Windows can make, beside them, is written; and so is one under a folder the user
      // already has, whatever its name: hta makes no folder there, and COM0 is no device.
      expect((await runCli('score', w.csv, '--out', 'out.csv')).code).toBe(0);
      mkdirSync('mine.');
      expect((await runCli('score', w.csv, '--out', 'mine./com0/x.csv')).code).toBe(0);
    } finally {
      process.chdir(home);
    }
    expect(readdirSync(w.dir).sort()).toEqual(['mine.', 'out.csv', 'p.json', 'x.csv']);
    expect(readdirSync(join(w.dir, 'mine.', 'com0'))).toEqual(['x.csv']);
  });

  it('score --out under a file (a file where a folder is needed)', async () => {
    const w = workspace();
    const r = await runCli('score', w.csv, '--out', join(w.csv, 'scored.csv'));
    expectCleanFailure(r, w.csv);
    expect(readFileSync(w.csv, 'utf8')).toBe(SMALL);
  });

  it.skipIf(process.platform === 'win32')('score --out onto a device or a symbolic link is refused; the link target is untouched', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'precious.txt'), 'precious');
    symlinkSync('precious.txt', join(w.dir, 'planted.csv'));
    expectCleanFailure(await runCli('score', w.csv, '--out', '/dev/null'), '--out /dev/null', 'device');
    expectCleanFailure(await runCli('score', w.csv, '--out', join(w.dir, 'planted.csv')), 'symbolic link');
    expect(readFileSync(join(w.dir, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it.skipIf(process.platform === 'win32')('a symbolic link planted at the predictable staging name is not followed', async () => {
    const w = workspace();
    writeFileSync(join(w.dir, 'precious.txt'), 'precious');
    symlinkSync('precious.txt', join(w.dir, `.planted.csv.${process.pid}.tmp`));
    expect((await runCli('score', w.csv, '--out', join(w.dir, 'planted.csv'))).code).toBe(0);
    expect(readFileSync(join(w.dir, 'precious.txt'), 'utf8')).toBe('precious');
    expect(readFileSync(join(w.dir, 'planted.csv'), 'utf8')).toContain('id,arm,time,rmdq');
  });
});

describe('a ~ the shell did not expand (quoted, or in a variable set with quotes)', () => {
  it('an output starting with ~/ or ~user/, or ~ alone, is refused with what to write; nothing is made', async () => {
    const w = workspace();
    const cwd = process.cwd();
    process.chdir(w.dir);
    try {
      const analyze = await runCli('analyze', 'x.csv', '--plan', 'p.json', '--csv', '~/results/effects.csv');
      expectCleanFailure(analyze, '--csv ~/results/effects.csv: a ~ is the home folder only where the shell expands it, which it does not inside quotes', 'would make a folder named "~" in the current folder — write $HOME/results/effects.csv instead (or ./~/results/effects.csv if a folder named "~" is meant)');
      const report = await runCli('report', '--manifest', 'm.json', '--out', '~/reports');
      expectCleanFailure(report, '--out ~/reports: a ~ is the home folder', 'write $HOME/reports instead');
      const user = await runCli('score', 'x.csv', '--out', '~anna/scored.csv');
      expectCleanFailure(user, 'would make a folder named "~anna" in the current folder — write the full path of anna\'s home folder, then /scored.csv, instead');
      const bare = await runCli('uptake', `${join(cwd, FX)}/registry-small.csv`, '--eligible', `${join(cwd, FX)}/eligible-small.csv`, '--plan', join(cwd, UPTAKE_PLAN), '--csv-dir', '~');
      expectCleanFailure(bare, '--csv-dir ~: a ~ is the home folder', 'would make a folder named "~" in the current folder — write $HOME instead');
      expect(readdirSync(w.dir).sort()).toEqual(['p.json', 'x.csv']);
      // A name that only starts with ~ is a name: written.
      const named = await runCli('analyze', 'x.csv', '--plan', 'p.json', '--csv', '~draft.csv');
      expect(named.code, named.stderr).toBe(0);
      expect(existsSync(join(w.dir, '~draft.csv'))).toBe(true);
    } finally {
      process.chdir(cwd);
    }
  });

  it('an input starting with ~/ that does not exist gets the hint', async () => {
    const w = workspace();
    const r = await runCli('analyze', '~/data/trial.csv', '--plan', w.plan);
    expectCleanFailure(r, 'cannot read ~/data/trial.csv: the file does not exist — a ~ is the home folder only where the shell expands it, which it does not inside quotes (nor in a variable set with quotes), so hta looked for a folder named "~" in the current folder — write $HOME/data/trial.csv instead');
  });
});
