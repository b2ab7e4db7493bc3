// --exclude-invalid leaving out most of an export says the plan, not the rows, is likely wrong:
// validate printed "valid" over 9 rows of 399 (a Qualtrics "choice text" export whose answers
// "6 - Helt sikker" a plan for numbers refused on nearly every row) without a word
// (docs/input-trial-export.md#bad-rows).
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { mostRowsExcludedNote } from '../../src/trial/most-rows-excluded.js';
import { tempDir } from '../support/run-cli.js';
import { ENGLISH_WORDS } from '../support/english-words.js';
import { join, resolve } from 'node:path';
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';

const plan = { arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'], outcomes: [{ key: 'nrs', instrument: 'nrs' }] };

/** 20 patients at baseline and 3 months; the first `asText` rows write their score as a labelled answer ("3 - Moderat"). */
function csv(asText: number): string {
  const lines = ['id,arm,time,nrs'];
  let row = 0;
  for (const time of ['baseline', '3m']) {
    for (let p = 1; p <= 20; p++) lines.push(`P${p},${p % 2 ? 'A' : 'B'},${time},${row++ < asText ? `${p % 11} - Moderat` : p % 11}`);
  }
  return lines.join('\n') + '\n';
}

const load = (text: string) => loadTrial(parseCsvText(text, 'x.csv'), parsePlan(plan), { excludeInvalid: true });

describe('--exclude-invalid leaving out most of an export', () => {
  it('is said, with the counts, when more rows are excluded than kept', () => {
    const note = mostRowsExcludedNote(load(csv(31)))!;
    expect(note).toContain('x.csv: --exclude-invalid left out most of the export (31 of 40 rows, 78 %)');
    expect(note).toContain('rather than analyse the 9 rows left');
  });

  it('is not said for a few bad rows, nor for half', () => {
    expect(mostRowsExcludedNote(load(csv(2)))).toBeUndefined();
    expect(mostRowsExcludedNote(load(csv(20)))).toBeUndefined();
    expect(mostRowsExcludedNote(load(csv(0)))).toBeUndefined();
  });

  it('validate says it on stderr beside its "valid", and analyze as a warning', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'x.csv'), csv(31));
    writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));
    for (const [cmd, prefix] of [['validate', 'note: '], ['analyze', 'warning: ']] as const) {
      let stdout = '', stderr = '';
      const code = await main([cmd, join(dir, 'x.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(code, stderr).toBeLessThan(2);
      if (cmd === 'validate') expect(stdout).toContain('valid (long layout), 31 row(s) with problems excluded');
      expect(stderr).toContain(`${prefix}`);
      expect(stderr).toMatch(new RegExp(`${prefix}.*x\\.csv: --exclude-invalid left out most of the export \\(31 of 40 rows, 78 %\\)`));
    }
  });
});

describe('--exclude-invalid leaving out every row', () => {
  it('says every row was excluded, with the problems, before any complaint about the plan\'s values (validate, analyze)', async () => {
    const dir = tempDir();
    // Every row's arm is one the plan does not know; the plan's subgroup names levels of "site".
    const lines = ['id,arm,time,site,nrs'];
    for (const time of ['baseline', '3m']) for (let p = 1; p <= 6; p++) lines.push(`P${p},zzz,${time},${p % 2 ? 'north' : 'south'},${p}`);
    writeFileSync(join(dir, 'x.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, subgroups: [{ column: 'site', label: { en: 'site', da: 'sted' }, levels: ['north', 'south'], prespecified: false }] }));
    for (const cmd of ['validate', 'analyze']) {
      let stdout = '', stderr = '';
      const code = await main([cmd, join(dir, 'x.csv'), '--plan', join(dir, 'plan.json'), '--exclude-invalid'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
      expect(code, stderr).toBe(2);
      expect(stdout).toBe('');
      const [first, second] = stderr.split('\n');
      expect(first).toBe(`error: ${join(dir, 'x.csv')}: --exclude-invalid left out every row (12 of 12), so no row is left to check the plan against or to analyse; nothing was written — when every row has a problem, the plan most likely does not read the export as it is written: fix the plan (or the export) from the problems of the rows left out`);
      expect(second).toContain(`12 × ${join(dir, 'x.csv')}:lines 2–13, column 2 (arm): "zzz" — expected an arm value`);
      expect(stderr).not.toContain('holds no value');
    }
  });
});

describe('every row left out: cea, and the plan\'s "invalidRows": "exclude"', () => {
  /** The selfBACK export with an arm the plan does not know on every row, beside copies of the bundled plans. */
  function everyArmUnknown(invalidRows?: 'exclude') {
    const dir = tempDir();
    const lines = readFileSync('data/synthetic/selfback-trial.csv', 'utf8').trimEnd().split('\n');
    const out = [lines[0]!, ...lines.slice(1).map((l) => l.replace(/^([^,]*),[^,]*,/, '$1,zzz,'))];
    writeFileSync(join(dir, 'badarm.csv'), out.join('\n') + '\n');
    const trialPlan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8'));
    writeFileSync(join(dir, 'selfback.plan.json'), JSON.stringify(invalidRows ? { ...trialPlan, invalidRows } : trialPlan));
    const cea = JSON.parse(readFileSync('data/plans/selfback.cea.json', 'utf8'));
    writeFileSync(join(dir, 'selfback.cea.json'), JSON.stringify({ ...cea, published: resolve('data/published/kongstad2024-cea.json') }));
    for (const f of ['selfback.unit-costs.csv', 'uptake.plan.json']) copyFileSync(join('data/plans', f), join(dir, f));
    return { dir, rows: out.length - 1 };
  }

  async function run(...argv: string[]) {
    let stdout = '', stderr = '';
    const code = await main(argv, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    return { code, stdout, stderr };
  }

  it('cea --exclude-invalid says every row was excluded before the population check blames the plan', async () => {
    const { dir, rows } = everyArmUnknown();
    const r = await run('cea', join(dir, 'badarm.csv'), '--plan', join(dir, 'selfback.cea.json'), '--replicates', '100', '--exclude-invalid', '--out-dir', join(dir, 'ce'));
    expect(r.code, r.stderr).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`error: ${join(dir, 'badarm.csv')}: --exclude-invalid left out every row (${rows} of ${rows})`);
    expect(r.stderr).toContain(`column 2 (arm): "zzz"`);
    expect(r.stderr).not.toContain('cost-effectiveness population');
  });

  it('names the plan\'s "invalidRows": "exclude" when that left the rows out and no --exclude-invalid was given (validate, cea)', async () => {
    const { dir, rows } = everyArmUnknown('exclude');
    const v = await run('validate', join(dir, 'badarm.csv'), '--plan', join(dir, 'selfback.plan.json'));
    expect(v.code, v.stderr).toBe(2);
    expect(v.stderr).toContain(`error: ${join(dir, 'badarm.csv')}: the plan's "invalidRows": "exclude" left out every row (${rows} of ${rows})`);
    expect(v.stderr).not.toContain('--exclude-invalid left out');
    const c = await run('cea', join(dir, 'badarm.csv'), '--plan', join(dir, 'selfback.cea.json'), '--replicates', '100');
    expect(c.code, c.stderr).toBe(2);
    expect(c.stderr).toContain(`the plan's "invalidRows": "exclude" left out every row (${rows} of ${rows})`);
  });
});

describe('every row left out, in a Danish report run', () => {
  it('hta report --lang da refuses a trial page in Danish, as hta analyze --lang da does', async () => {
    const dir = tempDir();
    const lines = ['id,arm,time,nrs'];
    for (const time of ['baseline', '3m']) for (let p = 1; p <= 6; p++) lines.push(`P${p},zzz,${time},${p}`);
    writeFileSync(join(dir, 'x.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, invalidRows: 'exclude' }));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'da', data: 'x.csv', plan: 'plan.json' }] }));
    let stdout = '', stderr = '';
    const code = await main(['report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--lang', 'da'], { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
    expect(code, stderr).toBe(2);
    const first = stderr.split('\n').find((l) => l.includes('x.csv'))!;
    expect(first).toContain(`planens "invalidRows": "exclude" udelod hver eneste række (12 af 12)`);
    // The line's own words, the file's name and the plan's field aside.
    expect(first.replace(/^\S+: /, '').replace(/"[^"]*"/g, '').replace(/\S*x\.csv:?/g, '')).not.toMatch(ENGLISH_WORDS);
  });
});
