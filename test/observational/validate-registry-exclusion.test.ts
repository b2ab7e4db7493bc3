/**
 * `hta validate --exclude-invalid` on a registry (observational plan): its summary — the text on
 * stdout and `--json` — says how many rows were left out, never which lines nor their values
 * (docs/observational.md, "Small counts", rule 13), as `hta analyze --json` does. An explorer found
 * validate printing each excluded row's line numbers and values (an age "72 år", one patient's);
 * validate's summary is pasted into tickets. The lines and why go to stderr and `--excluded-out`.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { validationResultSchema } from '../../src/trial/validation-schema.js';

afterAll(removeTempDirs);

const plan = (design: 'observational' | 'randomised') =>
  design === 'observational'
    ? {
        design: 'observational',
        observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'age', type: 'numeric' }, { name: 'sex', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
        layout: 'long',
        timepoints: ['3m'],
        outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
      }
    : {
        columns: { arm: 'app' },
        arms: { intervention: 'Ja', control: 'Nej' },
        covariates: ['age'],
        layout: 'long',
        timepoints: ['3m'],
        outcomes: [{ key: 'work', instrument: 'binary', direction: 'higher-is-better', answers: { Ja: 1, Nej: 0 } }],
      };

/** The 300-patient long registry (a baseline and a 3-month row each) with an age written "44 år" on `bad` follow-up rows. */
function files(bad: number, design: 'observational' | 'randomised' = 'observational') {
  const dir = tempDir();
  const [head, ...rows] = readFileSync('test/fixtures/observational/follow-up-only-long.csv', 'utf8').trim().split('\n');
  const out = [head];
  rows.forEach((l, i) => {
    const c = l.split(',');
    const base = [...c];
    base[4] = 'baseline';
    if (i < bad) c[2] += ' år';
    out.push(base.join(','), c.join(','));
  });
  writeFileSync(join(dir, 'reg.csv'), out.join('\n') + '\n');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(design)));
  return { csv: join(dir, 'reg.csv'), plan: join(dir, 'plan.json'), dir };
}

/** What must not be in a registry's summary: the excluded rows' lines (3, 5, 7) or values. */
const rowDetail = /år|line 3\b|lines 3\b|\b3, 5\b|"44/;

describe('validate --exclude-invalid on a registry: the excluded rows as a count only', () => {
  it('6 rows: the count in the text and --json, the lines and values on stderr only', async () => {
    const f = files(6);
    const text = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(rowDetail);
    expect(text.stdout).toMatch(/^.*reg\.csv: valid \(long layout\), 6 row\(s\) with problems excluded$/m);
    expect(text.stdout).toContain('excluded 6 row(s) with problems; no imputation');
    expect(text.stdout).toContain('Which lines and why: on stderr and in --excluded-out');
    // The analyst still learns which lines and why, as analyze says it.
    expect(text.stderr).toContain('excluded 6 row(s) with 6 problem(s) (lines 3, 5, 7, 9, 11, 13)');
    expect(text.stderr).toContain('"44 år"');

    const json = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(json.code, json.stderr).toBe(0);
    expect(json.stdout).not.toMatch(rowDetail);
    const parsed = validationResultSchema.parse(JSON.parse(json.stdout));
    expect(parsed.valid && parsed.excluded).toEqual({ rows: 6, patients: 0 });
    expect(json.stderr).toContain('"44 år"');
  });

  it('3 rows: the count reads "suppressed" (fewer than 5)', async () => {
    const f = files(3);
    const text = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(rowDetail);
    expect(text.stdout).not.toMatch(/\b3 row/);
    expect(text.stdout).toContain('valid (long layout), fewer than 5 row(s) with problems excluded');
    expect(text.stdout).toContain('excluded fewer than 5 row(s) with problems');
    const json = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(JSON.parse(json.stdout).excluded).toEqual({ rows: 'suppressed', patients: 0 });
  });

  it('--lang da: the registry summary in Danish, its counts masked as in English (the summary had stayed English)', async () => {
    const f = files(3);
    const text = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--lang', 'da');
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).not.toMatch(rowDetail);
    expect(text.stdout).not.toMatch(/\b3 række/);
    expect(text.stdout).toContain('gyldig (langt format), færre end 5 række(r) med problemer udeladt');
    // The 3 patients without their follow-up row are in the export and in no analysis: its counts hidden (rule 14).
    expect(text.stdout).toMatch(/^patienter: diskretioneret eksponeret, diskretioneret ikke-eksponeret$/m);
    expect(text.stdout).not.toContain('suppressed');
    expect(text.stdout).toContain('kategoriske forstyrrende faktorer (confoundere), patienter pr. niveau:');
    expect(text.stdout).toMatch(/^ {2}sex: \d+ niveauer?: /m);
    expect(text.stdout).toContain('udelod færre end 5 række(r) med problemer; uden imputation');
    expect(text.stdout).not.toMatch(/\b(valid|levels)\b|\bexcluded (\d|fewer)|^patients:/m);
    // Which lines and why, on stderr, in Danish as analyze --lang da says them (they had stayed English).
    expect(text.stderr).toMatch(/^udelod 3 række\(r\) med 3 problem\(er\) \(linjer 3, 5, 7\); uden imputation: en udeladt række læses som fraværende/m);
    expect(text.stderr).not.toMatch(/^excluded \d|no imputation/m);
  });

  it('a randomised trial keeps its lines and problems in the summary (not a registry publication)', async () => {
    const f = files(3, 'randomised');
    const json = await runCli('validate', f.csv, '--plan', f.plan, '--exclude-invalid', '--json');
    expect(json.code, json.stderr).toBe(0);
    const ex = JSON.parse(json.stdout).excluded;
    expect(ex.rows).toBe(3);
    expect(ex.lines).toEqual([[3, 3], [5, 5], [7, 7]]);
  });
});
