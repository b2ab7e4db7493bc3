/**
 * `analyze --bootstrap N --seed S` computed percentile and BCa intervals of the Welch rows but
 * showed them only in --json: the terminal and --csv now show them too (docs/cli.md#bootstrap-intervals).
 * Checked against --json's own numbers (each printed value within half its last printed digit),
 * and a run without --bootstrap is as before: the same text, the same CSV.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type CliRun, runCli, tempDir } from '../support/run-cli.js';

const EXPORT = 'data/synthetic/selfback-trial.csv';
const PLAN = 'data/plans/selfback.plan.json';
const BOOT = ['--bootstrap', '200', '--seed', '7'];

interface Row { outcome: string; time: string; method: string; difference: number; bootstrap?: { replicates: number; seed: number; percentile: [number, number]; bca: [number, number] | null } }

// Each analysis of the whole trial costs about a CPU-second: a run two tests read (the same
// arguments, the same input) is made once, its CSV written to a folder of its own.
let json: Promise<Row[]> | undefined;
function jsonRows(): Promise<Row[]> {
  return (json ??= runCli('analyze', EXPORT, '--plan', PLAN, ...BOOT, '--json').then((j) => {
    expect(j.code).toBe(0);
    return (JSON.parse(j.stdout) as { effects: Row[] }).effects.filter((e) => e.bootstrap);
  }));
}

/** `analyze --lang <lang> [--bootstrap …] --csv <file>`: its run and the CSV it wrote. */
const csvRuns = new Map<string, Promise<{ run: CliRun; csv: string }>>();
function csvRun(lang: 'en' | 'da', boot: boolean): Promise<{ run: CliRun; csv: string }> {
  const key = `${boot ? 'boot' : 'plain'}-${lang}`;
  let made = csvRuns.get(key);
  if (!made) {
    const out = join(tempDir(), `${key}.csv`);
    made = runCli('analyze', EXPORT, '--plan', PLAN, '--lang', lang, ...(boot ? BOOT : []), '--csv', out).then((run) => ({ run, csv: run.code === 0 ? readFileSync(out, 'utf8') : '' }));
    csvRuns.set(key, made);
  }
  return made;
}

/** A CSV with quoted cells ("a, b"), as the CLI writes them. */
function parseCsv(text: string): string[][] {
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
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cell), rows.push(row), (row = []), (cell = '');
    } else cell += c;
  }
  if (cell !== '' || row.length) row.push(cell), rows.push(row);
  return rows;
}

/** The printed number ("−1.23", "0,045") and how far rounding may have moved it (half its last digit). */
function printed(s: string): { value: number; tolerance: number } {
  const t = s.replace(/−/g, '-').replace(/,/g, '.');
  const decimals = t.split('.')[1]?.length ?? 0;
  return { value: Number(t), tolerance: 0.5 * 10 ** -decimals + 1e-12 };
}

function expectClose(cell: string, value: number) {
  const p = printed(cell);
  expect(Number.isFinite(p.value), cell).toBe(true);
  expect(Math.abs(p.value - value), `${cell} vs ${value}`).toBeLessThanOrEqual(p.tolerance);
}

describe('analyze --bootstrap: the intervals in the terminal and in --csv', () => {
  it('the terminal shows a table of the rows with bootstrap intervals, the same numbers as --json', async () => {
    const rows = await jsonRows();
    expect(rows.length).toBeGreaterThan(0);
    const r = await runCli('analyze', EXPORT, '--plan', PLAN, ...BOOT);
    expect(r.code).toBe(0);
    const lines = r.stdout.split('\n');
    const at = lines.indexOf('Bootstrap intervals of the difference (--bootstrap)');
    expect(at).toBeGreaterThan(0);
    expect(lines[at + 1]).toMatch(/^Outcome +Time +Method +Difference +Percentile \(95% CI\) +BCa \(95% CI\) +Replicates +Seed$/);
    const body = lines.slice(at + 3, at + 3 + rows.length);
    expect(lines[at + 3 + rows.length] ?? '').toBe('');
    body.forEach((line, i) => {
      const j = rows[i]!;
      const m = line.match(/ (Welch t) +(\S+) +\((\S+) to (\S+)\) +(?:\((\S+) to (\S+)\)|—) +(\S+) +(\S+)$/);
      expect(m, line).not.toBeNull();
      const [, method, diff, pLo, pHi, bLo, bHi, reps, seed] = m!;
      expect(method).toBe('Welch t');
      expectClose(diff!, j.difference);
      expectClose(pLo!, j.bootstrap!.percentile[0]);
      expectClose(pHi!, j.bootstrap!.percentile[1]);
      if (j.bootstrap!.bca) {
        expectClose(bLo!, j.bootstrap!.bca[0]);
        expectClose(bHi!, j.bootstrap!.bca[1]);
      } else expect(bLo).toBeUndefined();
      expect(reps).toBe('200');
      expect(seed).toBe('7');
    });
    expect(r.stderr).toContain('are in the table under the effects table');
    expect(r.stderr).not.toContain('only in --json');
  });

  it('--csv has boot_percentile_lower/upper and boot_bca_lower/upper: the --json numbers on the Welch rows, empty on the others', async () => {
    const rows = await jsonRows();
    expect(rows.length).toBeGreaterThan(0);
    const { run: r, csv } = await csvRun('en', true);
    expect(r.code).toBe(0);
    const [header, ...body] = parseCsv(csv);
    const col = (name: string) => header!.indexOf(name);
    expect(header!.slice(-4)).toEqual(['boot_percentile_lower', 'boot_percentile_upper', 'boot_bca_lower', 'boot_bca_upper']);
    let matched = 0;
    for (const cells of body) {
      expect(cells).toHaveLength(header!.length);
      const boot = cells.slice(-4);
      const j = cells[col('set')] === 'trial' ? rows.find((x) => x.outcome === cells[col('outcome')] && x.time === cells[col('time')] && x.method === cells[col('method')]) : undefined;
      if (!j) {
        expect(boot).toEqual(['', '', '', '']);
        continue;
      }
      matched++;
      const b = j.bootstrap!;
      expect(boot.map(Number)).toEqual([b.percentile[0], b.percentile[1], ...(b.bca ?? [NaN, NaN])]);
    }
    expect(matched).toBe(rows.length);
  });

  it('without --bootstrap nothing changes: the text is the --bootstrap text without its table, the CSV without its four columns', async () => {
    for (const lang of ['en', 'da'] as const) {
      const [{ run: plain, csv: plainCsv }, { run: boot, csv: bootText }] = [await csvRun(lang, false), await csvRun(lang, true)];
      expect(plain.code).toBe(0);
      expect(boot.code).toBe(0);
      expect(plain.stdout).not.toMatch(/bootstrap/i);
      expect(plain.stderr).not.toMatch(/bootstrap/i);
      // The bootstrap block: its caption line to the blank line after its table.
      const caption = lang === 'en' ? 'Bootstrap intervals of the difference (--bootstrap)' : 'Bootstrap-intervaller for forskellen (--bootstrap)';
      const start = boot.stdout.indexOf(`\n${caption}\n`);
      expect(start).toBeGreaterThan(0);
      const end = boot.stdout.indexOf('\n\n', start + 1);
      expect(boot.stdout.slice(0, start) + boot.stdout.slice(end + 1)).toBe(plain.stdout);
      expect(plainCsv.split('\n')[0]).not.toContain('boot_');
      const bootCsv = parseCsv(bootText);
      expect(bootCsv.map((cells) => cells.slice(0, -4))).toEqual(parseCsv(plainCsv));
    }
  });
});
