/**
 * No command writes over a file that exists (docs/output-safety.md): a single-file output that
 * exists is refused with exit 2 and one message, before any work, unless --force; an output
 * folder (`--csv-dir`, `--out-dir`) keeps an index of what hta wrote, and a file there that hta
 * did not write, or edited since, is refused the same way. Nothing is ever removed.
 */
import { readdirSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli, tempDir } from '../support/run-cli.js';

const TRIAL = 'id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,3m,8\nP2,usual,baseline,10\nP2,usual,3m,9\n';
const PLAN = 'data/plans/selfback.plan.json';
const exists = (path: string) => `${path} exists; hta does not write over a file — choose another name, or add --force to replace it`;

function workspace() {
  const dir = tempDir();
  writeFileSync(join(dir, 'trial.csv'), TRIAL);
  writeFileSync(join(dir, 'precious.csv'), 'precious\n');
  mkdirSync(join(dir, 'userdir'));
  writeFileSync(join(dir, 'userdir', 'notes.txt'), 'my notes\n');
  return { dir, trial: join(dir, 'trial.csv'), precious: join(dir, 'precious.csv'), notes: join(dir, 'userdir', 'notes.txt') };
}

describe('single-file outputs never replace an existing file unless --force', () => {
  it('score --out: refused with exit 2, the file intact; --force replaces it', async () => {
    const w = workspace();
    for (const target of [w.precious, w.notes]) {
      const r = await runCli('score', w.trial, '--out', target);
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(`error: ${exists(target)}\n`);
    }
    expect(readFileSync(w.precious, 'utf8')).toBe('precious\n');
    expect(readFileSync(w.notes, 'utf8')).toBe('my notes\n');
    const forced = await runCli('score', w.trial, '--out', w.precious, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(w.precious, 'utf8')).toMatch(/^id,arm,time,rmdq/);
    expect(readdirSync(w.dir).sort()).toEqual(['precious.csv', 'trial.csv', 'userdir']);
  });

  it('analyze --csv, simulate --out and --eligible-out, --excluded-out (even with nothing excluded), plan init --out: the same refusal', async () => {
    const w = workspace();
    const runs = [
      ['analyze', 'data/synthetic/selfback-trial.csv', '--plan', PLAN, '--csv', w.precious],
      ['simulate', 'trial', '--patients', '10', '--out', w.precious],
      ['simulate', 'target-sample', '--out', w.precious],
      ['simulate', 'registry-outcomes', '--out', w.precious],
      ['simulate', 'registry', '--rows', '10', '--out', join(w.dir, 'new-registry.csv'), '--eligible-out', w.precious],
      ['validate', w.trial, '--exclude-invalid', '--excluded-out', w.precious],
      ['score', w.trial, '--out', join(w.dir, 'scored.csv'), '--exclude-invalid', '--excluded-out', w.precious],
      ['plan', 'init', w.trial, '--out', w.precious],
    ];
    for (const argv of runs) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stderr, argv.join(' ')).toContain(exists(w.precious));
      expect(readFileSync(w.precious, 'utf8')).toBe('precious\n');
    }
    // Nothing else was written either (the refusal comes before any work).
    expect(readdirSync(w.dir).sort()).toEqual(['precious.csv', 'trial.csv', 'userdir']);
    const forced = await runCli('validate', w.trial, '--exclude-invalid', '--excluded-out', w.precious, '--force');
    expect(forced.code, forced.stderr).toBe(0);
  });
});

describe('output folders: only files hta wrote there, unchanged since, are written over', () => {
  const FX = 'test/uptake/fixtures';
  const uptake = (dir: string, ...extra: string[]) =>
    runCli('uptake', `${FX}/registry-small.csv`, '--eligible', `${FX}/eligible-small.csv`, '--plan', 'data/plans/uptake.plan.json', '--csv-dir', dir, ...extra);

  it('uptake --csv-dir: a second run replaces its own files; a user\'s file with one of the names, or an edited one, is refused; --force; nothing removed', async () => {
    const dir = join(tempDir(), 'tables');
    const first = await uptake(dir);
    expect(first.code, first.stderr).toBe(0);
    const index = JSON.parse(readFileSync(join(dir, '.hta-files.json'), 'utf8')) as { files: Record<string, string> };
    expect(Object.keys(index.files)).toContain('activation-metrics.csv');
    expect((await uptake(dir)).code).toBe(0);

    writeFileSync(join(dir, 'mine.txt'), 'mine\n');
    writeFileSync(join(dir, 'budget-observed.csv'), 'edited by hand\n');
    const edited = await uptake(dir);
    expect(edited.code).toBe(2);
    expect(edited.stderr).toContain(`${join(dir, 'budget-observed.csv')} (edited since hta wrote it)`);
    expect(edited.stderr).toContain('add --force');
    expect(readFileSync(join(dir, 'budget-observed.csv'), 'utf8')).toBe('edited by hand\n');

    const forced = await uptake(dir, '--force');
    expect(forced.code, forced.stderr).toBe(0);
    expect(readFileSync(join(dir, 'budget-observed.csv'), 'utf8')).not.toBe('edited by hand\n');
    expect(readFileSync(join(dir, 'mine.txt'), 'utf8')).toBe('mine\n');

    // A table git checked out with CRLF line ends (core.autocrlf) is no one's edit: said so.
    const table = readFileSync(join(dir, 'budget-observed.csv'), 'utf8');
    writeFileSync(join(dir, 'budget-observed.csv'), table.replaceAll('\n', '\r\n'));
    const crlf = await uptake(dir);
    expect(crlf.code).toBe(2);
    expect(crlf.stderr).toContain(`${join(dir, 'budget-observed.csv')} (differs only in line endings from what hta wrote: git core.autocrlf? add the line \`* -text\` to ${join(dir, '.gitattributes')} (making the file if need be))`);

    // An index emptied (a cut-short copy, a bad merge): said so, with what to do.
    writeFileSync(join(dir, '.hta-files.json'), '');
    const empty = await uptake(dir);
    expect(empty.code).toBe(2);
    expect(empty.stderr).toContain(`error: ${join(dir, '.hta-files.json')}, hta's index of the files it wrote in --csv-dir ${dir}, is unreadable: it is empty, so hta cannot tell which files there are its own`);
  });

  it('uptake --csv-dir into a folder with the user\'s own activation-metrics.csv (no index): refused, the file intact', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'activation-metrics.csv'), 'my own table\n');
    const r = await uptake(dir);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(dir, 'activation-metrics.csv')} (hta did not write it)`);
    expect(r.stdout).toBe('');
    expect(readdirSync(dir)).toEqual(['activation-metrics.csv']);
    expect(readFileSync(join(dir, 'activation-metrics.csv'), 'utf8')).toBe('my own table\n');
  });

  it('uptake --csv-dir: a user\'s file at a name written only in some runs (clinic-funnel.csv, excluded-rows.csv, eligible-filled.csv) is refused before the run, and --excluded-out is not written', async () => {
    const work = tempDir();
    // One row with a date no format reads: excluded with --exclude-invalid.
    const registry = join(work, 'registry.csv');
    writeFileSync(registry, readFileSync(`${FX}/registry-small.csv`, 'utf8') + 'P99,Hovedstaden,H001,notadate,,,77,m,gp\n');
    const filling = join(work, 'filling.plan.json');
    writeFileSync(filling, JSON.stringify({ ...JSON.parse(readFileSync('data/plans/uptake.plan.json', 'utf8')), eligibleFill: 'carry-forward' }));
    for (const [name, plan] of [['clinic-funnel.csv', 'data/plans/uptake.plan.json'], ['excluded-rows.csv', 'data/plans/uptake.plan.json'], ['eligible-filled.csv', filling]] as const) {
      const dir = join(work, name.replace('.csv', ''));
      mkdirSync(dir);
      writeFileSync(join(dir, name), 'my own table\n');
      const ex = join(work, `${name}.excluded.csv`);
      const r = await runCli('uptake', registry, '--eligible', `${FX}/eligible-small.csv`, '--plan', plan, '--exclude-invalid', '--csv-dir', dir, '--excluded-out', ex);
      expect(r.code, r.stderr).toBe(2);
      // Before the run: nothing of it on stderr (no excluded row named), nothing written.
      expect(r.stderr).toBe(`error: refusing to write over 1 file(s) in --csv-dir ${dir}: ${join(dir, name)} (hta did not write it) — move your copies away, or add --force to replace them\n`);
      expect(r.stdout).toBe('');
      expect(readdirSync(dir)).toEqual([name]);
      expect(readdirSync(work)).not.toContain(`${name}.excluded.csv`);
    }
    // The plan that fills no denominators never writes eligible-filled.csv: a user's file of that name is left alone.
    const r = await runCli('uptake', registry, '--eligible', `${FX}/eligible-small.csv`, '--plan', 'data/plans/uptake.plan.json', '--exclude-invalid', '--csv-dir', join(work, 'eligible-filled'), '--excluded-out', join(work, 'ex.csv'));
    expect(r.code, r.stderr).toBe(0);
    expect(readFileSync(join(work, 'eligible-filled', 'eligible-filled.csv'), 'utf8')).toBe('my own table\n');
    expect(readFileSync(join(work, 'ex.csv'), 'utf8')).toMatch(/^line,/);
  });

  it('cea --out-dir with the user\'s results.json there: refused before the bootstrap; the file intact', async () => {
    const f = ceaFixture();
    const out = join(f.dir, 'out');
    mkdirSync(out);
    writeFileSync(join(out, 'results.json'), '{"mine": true}\n');
    const r = await runCli('cea', f.exportFile, '--plan', f.plan, '--out-dir', out, '--replicates', '100');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`${join(out, 'results.json')} (hta did not write it)`);
    expect(r.stderr).not.toContain('bootstrap');
    expect(readdirSync(out)).toEqual(['results.json']);
    expect(readFileSync(join(out, 'results.json'), 'utf8')).toBe('{"mine": true}\n');
  });
});
