/**
 * Column names matched the way users' exports write them (docs/input-trial-export.md, "Column
 * names"): the plan drafted on one export reads the next one, re-saved through SPSS / Excel with
 * lower-cased headers, a no-break space and a trailing space (test/fixtures/exports/
 * excel-resave-lowercase/). The reference is the original export (excel-semicolon-wide/, itself
 * checked against numpy/scipy in trial-exports.test.ts): the analysis must be byte for byte its.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli, tempDir } from '../support/run-cli.js';

const FX = 'test/fixtures/exports';
const ORIGINAL = `${FX}/excel-semicolon-wide`;
const RESAVED = `${FX}/excel-resave-lowercase`;

/** The file names aside (results name their input), the same bytes. */
// The export as results name it: its last name (docs/output-safety.md), once its path.
const withoutFile = (json: string, file: string) => json.split(JSON.stringify(file)).join('"<export>"').split(JSON.stringify(file.split('/').pop())).join('"<export>"');

describe('a re-saved export with its header lower-cased', () => {
  it('analyze --json gives the bytes of the original-cased export, with a note per column on stderr', async () => {
    const before = readFileSync(`${RESAVED}/export.csv`);
    const original = await runCli('analyze', `${ORIGINAL}/export.csv`, '--plan', `${ORIGINAL}/plan.json`, '--json');
    const resaved = await runCli('analyze', `${RESAVED}/export.csv`, '--plan', `${RESAVED}/plan.json`, '--json');
    expect(original.code, original.stderr).toBe(0);
    expect(resaved.code, resaved.stderr).toBe(0);
    expect(withoutFile(resaved.stdout, `${RESAVED}/export.csv`)).toBe(withoutFile(original.stdout, `${ORIGINAL}/export.csv`));
    expect(original.stderr).not.toMatch(/read from header/);
    // Each column said once; the wide stems at every visit are counted, not listed.
    const notes = resaved.stderr.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes.filter((l) => l.includes('column "Gruppe" read from header "gruppe" (column 2; case differs)'))).toHaveLength(1);
    expect(notes.filter((l) => l.includes('column "Løbenr" read from header "løbenr" (column 1; case differs)'))).toHaveLength(1);
    expect(notes.at(-1)).toMatch(/: 4 more column\(s\) of the plan read from header names that differ in case or spaces$/);
    expect(readFileSync(`${RESAVED}/export.csv`).equals(before)).toBe(true);
  });

  it('validate --json and plan check --export read it the same way, with the same notes', async () => {
    const v = await runCli('validate', `${RESAVED}/export.csv`, '--plan', `${RESAVED}/plan.json`, '--json');
    expect(v.code, v.stderr).toBe(0);
    const result = JSON.parse(v.stdout) as { valid: boolean; warnings: string[]; patients: Record<string, number> };
    expect(result.valid).toBe(true);
    // --json names the export by its last name (src/cli/json-names.ts); stderr's notes keep the path as typed.
    expect(result.warnings[1]).toBe(`export.csv: column "Gruppe" read from header "gruppe" (column 2; case differs)`);
    expect(v.stderr).toContain(`note: ${RESAVED}/export.csv: column "Gruppe" read from header "gruppe" (column 2; case differs)`);
    const checked = await runCli('plan', 'check', `${RESAVED}/plan.json`, '--export', `${RESAVED}/export.csv`);
    expect(checked.code, checked.stderr).toBe(0);
    expect(JSON.parse(checked.stdout).columns.arm).toBe('Gruppe');
    const notes = (r: { stderr: string }) => r.stderr.split('\n').filter((l) => l.startsWith('note: '));
    expect(notes(checked)).toEqual(notes(v));
    expect(notes(checked)).toHaveLength(5);
  });
});

describe('two header columns that differ only in case', () => {
  const HEAD = (arm1: string, arm2: string) => `id,${arm1},time,${arm2},rmdq\n`;
  const rows = (second: string) => Array.from({ length: 8 }, (_, i) => [`P${i}`, i % 2 ? 'app' : 'usual', ['baseline', '3m'][i % 2 === 0 ? 0 : 1], second, String(5 + i)].join(',')).join('\n') + '\n';
  const plan = { columns: { arm: 'Arm' }, arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };
  const files = (csv: string) => {
    const dir = tempDir();
    writeFileSync(join(dir, 'trial.csv'), csv);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    return { csv: join(dir, 'trial.csv'), plan: join(dir, 'plan.json') };
  };

  it('are refused when the plan matches both only loosely (file, line 1, both columns, exit 2); an exact name wins', async () => {
    const f = files(HEAD('arm', 'ARM') + rows('x'));
    for (const argv of [['validate', f.csv, '--plan', f.plan], ['analyze', f.csv, '--plan', f.plan, '--json'], ['plan', 'check', f.plan, '--export', f.csv]]) {
      const r = await runCli(...argv);
      expect(r.code, argv.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toContain(`${f.csv}:1:2: "Arm" — expected one header column for the plan's column "Arm": "arm" (column 2) and "ARM" (column 4) differ only in case or spaces`);
      expect(r.stderr).not.toMatch(/\n\s+at /);
    }
    // When one of them is the exact name, it wins, silently (its loose twin holds values no arm
    // has: reading that one would fail).
    const g = files(HEAD('Arm', 'arm') + rows('x'));
    const r = await runCli('validate', g.csv, '--plan', g.plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toMatch(/patients: 4 intervention, 4 control/);
    // Nothing about the columns (half the patients have only a 3-month row: that note is another's, trial/follow-up-only.ts).
    expect(r.stderr.split('\n').filter((l) => l !== '' && !l.includes('rows at follow-up visits but none at the baseline'))).toEqual([]);
  });
});

describe('hta cea on a re-saved export', () => {
  it('finds the trial plan\'s and the resource-use columns in upper case: the same results, with notes', async () => {
    const f = ceaFixture();
    const text = readFileSync(f.exportFile, 'utf8');
    const upper = join(f.dir, 'upper.csv');
    writeFileSync(upper, text.replace(/^[^\n]*/, (h) => h.toUpperCase()));
    const a = await runCli('cea', f.exportFile, '--plan', f.plan, '--json');
    const b = await runCli('cea', upper, '--plan', f.plan, '--json');
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    expect(withoutFile(b.stdout, upper)).toBe(withoutFile(a.stdout, f.exportFile));
    expect(b.stderr).toContain(`note: ${upper}: 2 more column(s) of the plan read from header names that differ in case or spaces`);
    expect(b.stderr).toContain(`note: ${upper}: column "arm" read from header "ARM" (column 2; case differs)`);
  });
});
