// A word written as a missing-value code that empties much of an outcome may be a labelled answer
// (PSEQ's "Helt sikker" for 6): validate and analyze say so in a note, naming outcome, columns and
// count (src/trial/word-missing-codes.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { wordMissingCodeNotes } from '../../src/trial/word-missing-codes.js';

afterAll(removeTempDirs);

/** 10 patients at baseline and 3 months, PSEQ items: `top` written in `topEvery`-th cell, else 1–5. */
function files(top: string, topEvery: number, missingCodes: string[]): { csv: string; plan: string } {
  const dir = tempDir();
  const lines = [`id;gruppe;time;${Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`).join(';')}`];
  let cell = 0;
  for (let p = 1; p <= 10; p++) {
    for (const t of ['baseline', '3m']) {
      const items = Array.from({ length: 10 }, (_, i) => (++cell % topEvery === 0 ? top : String(1 + ((p + i) % 5))));
      lines.push(`${p};${p % 2 ? 'A' : 'B'};${t};${items.join(';')}`);
    }
  }
  const csv = join(dir, 'export.csv');
  writeFileSync(csv, lines.join('\n') + '\n');
  const plan = join(dir, 'plan.json');
  const answers = { 'Slet ikke sikker': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
  writeFileSync(plan, JSON.stringify({
    columns: { id: 'id', arm: 'gruppe', time: 'time' }, arms: { intervention: 'A', control: 'B' }, timepoints: ['3m'],
    missingCodes, outcomes: [{ key: 'pseq', instrument: 'pseq', answers, maxMissingItems: 2 }], methods: ['welch'],
  }));
  return { csv, plan };
}

describe('a word missing-value code that empties more than a tenth of an outcome\'s cells', () => {
  it('is named in a note of validate (and its --json warnings), with the outcome, its columns and the count', async () => {
    const { csv, plan } = files('Helt sikker', 5, ['Helt sikker']);
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('the missing-value code "Helt sikker" made 40 of the 200 cells of outcome "pseq" (columns pseq_1…pseq_10) missing (20 %): a word, neither a number nor a "don\'t know" — if it is an answer (a scale\'s labelled end, 0 or 6), give it its number in the outcome\'s "answers"');
    const json = JSON.parse((await runCli('validate', csv, '--plan', plan, '--json')).stdout) as { warnings: string[] };
    expect(json.warnings.some((w) => w.includes('"Helt sikker" made 40 of the 200 cells'))).toBe(true);
  });
  it('is said by analyze too, as a warning of its results (once on stderr)', async () => {
    const { csv, plan } = files('Helt sikker', 5, ['Helt sikker']);
    const r = await runCli('analyze', csv, '--plan', plan, '--json');
    expect(r.stderr.match(/"Helt sikker" made 40 of the 200 cells/g)).toHaveLength(1);
    expect(r.stderr).toMatch(/^warning: .*"Helt sikker" made 40 of the 200 cells/m);
    expect((JSON.parse(r.stdout) as { warnings: string[] }).warnings.join('\n')).toContain('"Helt sikker" made 40 of the 200 cells');
  });
});

describe('no note', () => {
  it('for a "don\'t know" word, however many cells it empties', async () => {
    const { csv, plan } = files('Ved ikke', 5, ['Ved ikke']);
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('missing-value code');
  });
  it('for a word emptying a tenth of the cells or fewer', async () => {
    const { csv, plan } = files('Helt sikker', 10, ['Helt sikker']);
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('missing-value code');
  });
  it('for a number code (999), which is no label', async () => {
    const { csv, plan } = files('999', 5, ['999']);
    const r = await runCli('validate', csv, '--plan', plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('missing-value code');
  });
});

describe('the share is of the cells that held a value', () => {
  // The same PSEQ answers (every fifth cell "Helt sikker": 40 of 200, 20 %) in a wide export and
  // in a long one that also has 6- and 12-month rows where PSEQ was never collected (NRS only):
  // those empty cells are no share of the answers, so both exports get the same note.
  const answers = { 'Slet ikke sikker': 0, '1': 1, '2': 2, '3': 3, '4': 4, '5': 5 };
  const pseq = { key: 'pseq', instrument: 'pseq', answers, maxMissingItems: 2 };
  const item = (cell: number, p: number, i: number) => (cell % 5 === 0 ? 'Helt sikker' : String(1 + ((p + i) % 5)));
  const notes = (lines: string[], plan: object) => wordMissingCodeNotes(loadTrial(parseCsvText(lines.join('\n') + '\n', 'x.csv'), parsePlan(plan)));

  it('a wide export and the same answers in a long one with visits where the outcome was not collected give the same note', () => {
    const wide = [['id', 'gruppe', ...['baseline', '3m'].flatMap((t) => Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}_${t}`))].join(';')];
    const long = [`id;gruppe;time;${Array.from({ length: 10 }, (_, i) => `pseq_${i + 1}`).join(';')};nrs`];
    let cell = 0;
    for (let p = 1; p <= 10; p++) {
      const row: string[] = [];
      for (const t of ['baseline', '3m']) {
        const items = Array.from({ length: 10 }, (_, i) => item(++cell, p, i));
        row.push(...items);
        long.push(`${p};${p % 2 ? 'A' : 'B'};${t};${items.join(';')};5`);
      }
      wide.push([p, p % 2 ? 'A' : 'B', ...row].join(';'));
      for (const t of ['6m', '12m']) long.push(`${p};${p % 2 ? 'A' : 'B'};${t};${';'.repeat(9)};5`);
    }
    const base = { columns: { id: 'id', arm: 'gruppe' }, arms: { intervention: 'A', control: 'B' }, missingCodes: ['Helt sikker'], methods: ['welch'] };
    const fromWide = notes(wide, { ...base, timepoints: ['3m'], outcomes: [pseq] });
    const fromLong = notes(long, { ...base, columns: { ...base.columns, time: 'time' }, timepoints: ['3m', '6m', '12m'], outcomes: [pseq, { key: 'nrs', instrument: 'nrs' }] });
    expect(fromWide).toHaveLength(1);
    expect(fromWide[0]).toContain('made 40 of the 200 cells of outcome "pseq"');
    expect(fromLong).toEqual(fromWide);
  });
});
