/** Every CSV hta writes is safe to open in a spreadsheet: formula-like text gets a leading '. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { neutralizeFormula } from '../../src/io/csv-formula.js';
import { toCsv } from '../../src/io/write-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';

const PAYLOADS = ['=HYPERLINK("http://x","y")', "=cmd|' /C calc'!A0", '@SUM(1+1)', '+1+1', '-1+1', '\t=1+1', '\r=1+1', '-A1'];

/** The cells of a CSV text (RFC 4180), without any dialect guessing. */
function cells(text: string, delimiter = ','): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === delimiter) row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else cell += c;
  }
  return rows;
}

describe('neutralizeFormula', () => {
  it('prefixes every OWASP formula start with a single quote', () => {
    for (const p of PAYLOADS) expect(neutralizeFormula(p)).toBe(`'${p}`);
  });

  it('leaves plain numbers and ordinary text alone', () => {
    for (const v of ['-0.81', '+2', '-1,5', '1e-5', '-3E+2', '0', 'app', '<5', 'Region Hovedstaden', '', "'=already"]) expect(neutralizeFormula(v)).toBe(v);
  });

  it('toCsv: text cells neutralised and then quoted; numbers written by the tool stay numbers', () => {
    const text = toCsv(['label', 'difference'], [['=HYPERLINK("http://x","y")', -0.81], ['-1+1', -2]]);
    expect(cells(text)).toEqual([['label', 'difference'], ['\'=HYPERLINK("http://x","y")', '-0.81'], ["'-1+1", '-2']]);
  });
});

describe('every CSV writer', () => {
  it('score --out: user cells in id, arm and covariates are neutralised; numbers, negative scores included, are not', async () => {
    const dir = tempDir();
    const header = ['id', 'arm', 'time', 'country', 'age', 'eq5d_mo', 'eq5d_sc', 'eq5d_ua', 'eq5d_pd', 'eq5d_ad'];
    const rows = PAYLOADS.flatMap((p, i) => [
      [`=P${i}`, i % 2 ? '-usual' : '@app', 'baseline', p, '-1', '5', '5', '5', '5', '5'],
      [`=P${i}`, i % 2 ? '-usual' : '@app', '3m', p, '-1', '1', '1', '1', '1', '2'],
    ]);
    writeFileSync(join(dir, 'x.csv'), toCsvUnescaped([header, ...rows]));
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ arms: { intervention: '@app', control: '-usual' }, timepoints: ['3m'], outcomes: [{ key: 'eq5d', instrument: 'eq5d5l' }] }));
    const r = await runCli('score', join(dir, 'x.csv'), '--plan', join(dir, 'p.json'), '--out', join(dir, 'out.csv'));
    expect(r.code, r.stderr).toBe(0);
    const out = cells(readFileSync(join(dir, 'out.csv'), 'utf8'));
    expect(out[0]).toEqual([...header, 'eq5d']);
    for (const [k, row] of out.slice(1).entries()) {
      expect(row[0]).toBe(`'=P${Math.floor(k / 2)}`);
      expect(row[1]).toMatch(/^'[@-]/);
      expect(row[3]!.startsWith("'")).toBe(true);
      expect(row[3]!.slice(1).trim()).toBe(PAYLOADS[Math.floor(k / 2)]!.trim()); // the reader may trim a leading tab
      expect(row[4]).toBe('-1');
      if (row[2] === 'baseline') expect(Number(row[10])).toBeLessThan(0); // EQ-5D 55555 is worse than dead: a number, unescaped
    }
  });

  it('analyze --csv: plan labels are neutralised, estimates are numbers', async () => {
    const dir = tempDir();
    const lines = ['id,arm,time,rmdq'];
    for (let i = 0; i < 12; i++) for (const [t, v] of [['baseline', 12 + (i % 5)], ['3m', 8 + (i % 4) + (i % 2 ? 4 : 0)]] as const) lines.push(`P${i},${i % 2 ? 'usual' : 'app'},${t},${v}`);
    writeFileSync(join(dir, 'x.csv'), lines.join('\n') + '\n');
    writeFileSync(join(dir, 'p.json'), JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', label: { en: '=HYPERLINK("http://x","y")' } }] }));
    const r = await runCli('analyze', join(dir, 'x.csv'), '--plan', join(dir, 'p.json'), '--csv', join(dir, 'effects.csv'));
    expect(r.code, r.stderr).toBe(0);
    const out = cells(readFileSync(join(dir, 'effects.csv'), 'utf8'));
    const label = out[0]!.indexOf('label');
    const difference = out[0]!.indexOf('difference');
    expect(out.length).toBeGreaterThan(1);
    for (const row of out.slice(1)) {
      expect(row[label]).toBe('\'=HYPERLINK("http://x","y")');
      expect(row[difference]).toMatch(/^-?\d/); // e.g. -2.5: left as a number
    }
    expect(out.slice(1).some((row) => row[difference]!.startsWith('-'))).toBe(true);
  });

  it('uptake --csv-dir: clinic codes such as -A1 are neutralised in every file', async () => {
    const dir = tempDir();
    const registry = readFileSync('test/uptake/fixtures/registry-small.csv', 'utf8').replace(/H001/g, '-A1').replace(/H002/g, '-B2');
    writeFileSync(join(dir, 'r.csv'), registry);
    const r = await runCli('uptake', join(dir, 'r.csv'), '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--csv-dir', join(dir, 'out'));
    expect(r.code, r.stderr).toBe(0);
    let seen = 0;
    for (const f of readdirSync(join(dir, 'out'))) {
      for (const row of cells(readFileSync(join(dir, 'out', f), 'utf8'))) {
        for (const c of row) {
          expect(c, `${f}: ${c}`).not.toMatch(/^[=+@\t\r]|^-(?![\d.])/);
          if (c === "'-A1" || c === "'-B2") seen++;
        }
      }
    }
    expect(seen).toBeGreaterThan(0);
  });
});

/** A CSV written without any neutralising (the attacker's export). */
function toCsvUnescaped(rows: string[][]): string {
  return rows.map((r) => r.map((c) => (/[",\r\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\n') + '\n';
}
