/**
 * The plain-text tables on stdout keep their columns however a name is typed: measured in
 * terminal columns after their control characters are made visible (src/report/text-width.ts,
 * src/report/text-table.ts), `hta validate`'s table of observed scores included.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** Where each column after the first starts, by the rule under the header (`───  ───`). */
const columnStarts = (rule: string) => [...rule.matchAll(/  (?=─)/g)].map((m) => m.index);

describe('text tables keep their columns', () => {
  it('meta: a study name typed decomposed ("A" + U+030A, as macOS file names give "Århus") is one column per letter, like the composed one', async () => {
    const dir = tempDir();
    const studies = join(dir, 'studies.csv');
    writeFileSync(
      studies,
      'study,citation,outcome,time,measure,difference,ci_lower,ci_upper,n_intervention,n_control\n' +
        'Rasmussen A\u030arhus 2024,x,rmdq,3m,MD,-0.79,-1.51,-0.06,232,229\n' +
        'Sandal 2021,y,rmdq,3m,MD,-0.5,-1.2,0.2,100,100\n',
    );
    const r = await runCli('meta', studies);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('Rasmussen A\u030arhus 2024');
    // Counted as a terminal draws it: the composed form, one code point a column.
    const lines = r.stdout.split('\n').map((l) => [...l.normalize('NFC')].join(''));
    const rule = lines.findIndex((l) => /^─+(  ─+)+$/.test(l));
    expect(rule).toBeGreaterThan(0);
    const starts = columnStarts(lines[rule]!);
    const rows = lines.slice(rule + 1, rule + 3);
    expect(rows[0]).toMatch(/^Rasmussen Århus 2024/);
    for (const row of rows) for (const g of starts) expect([...row].slice(g, g + 2).join(''), `${JSON.stringify(row)} at ${g}`).toBe('  ');
    // The interval column is right-aligned: both rows end it at the same column.
    const end = (row: string) => [...row].findIndex((_, i, cs) => cs.slice(0, i + 1).join('').endsWith(')'));
    expect(end(rows[0]!)).toBe(end(rows[1]!));
  });

  it('validate: a time point labelled with a tab or ESC is written visibly and measured as printed; a long label widens its column', async () => {
    const dir = tempDir();
    for (const [label, shown] of [['3\tm', '3\\x09m'], ['3\x1bm', '3\\x1bm'], ['12 months follow-up', '12 months follow-up']] as const) {
      const trial = join(dir, 'trial.csv');
      writeFileSync(trial, `id,arm,time,rmdq\nP1,app,baseline,12\nP1,app,"${label}",8\nP2,usual,baseline,10\nP2,usual,"${label}",9\n`);
      const plan = join(dir, 'plan.json');
      writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: [label], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
      const r = await runCli('validate', trial, '--plan', plan);
      expect(r.code, r.stderr).toBe(0);
      expect(r.stdout).not.toContain('\t');
      const lines = r.stdout.split('\n');
      const head = lines.findIndex((l) => l.startsWith('outcome  source'));
      const table = lines.slice(head, head + 2);
      expect(table[0]).toBe(`outcome  source   baseline  ${shown.padStart(9)}`);
      // The counts are right-aligned under their labels: every line of the table ends at one column.
      expect(table[1]).toMatch(/^rmdq {5}score {9}1\/1 {2} +1\/1$/);
      expect(table[1]!.length, JSON.stringify(table)).toBe(table[0]!.length);
    }
  });
});
