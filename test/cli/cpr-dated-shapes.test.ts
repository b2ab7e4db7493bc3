/**
 * A CPR number typed as Danes write a date (`12.03.74-1234`, `12 03 74 1234`, `120374_1234`, …)
 * in every place a plain one is caught: a registry's region, clinic, sex and referrer cell (inside
 * a name, or alone), the eligible file's region, a trial subgroup level, a registry-outcomes
 * confounder, a quoted cell of a message, a file name (docs/input-registry.md "CPR numbers",
 * docs/output-safety.md "Personal identity numbers"). Found by an explorer of session 34
 * (report-leak finding 1): each of these shapes was published whole, exit 0, nothing on stderr.
 * Finding 2: the refusal's first line counts every cell it lists and says which are quoted masked.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** The explorer's shapes, each with serial 5807 (in no other text of these runs). */
const SHAPES = ['12.03.74-5807', '12-03-74-5807', '12/03/74-5807', '12.03.1974-5807', '12.03.74 5807', '12 03 74 5807', '120374_5807', '120374.5807', '120374/5807'];
const n = SHAPES.length;
/** No shape's digits in `text`: the serial, however separated from the date, is never printed. */
const noNumber = (text: string) => expect(text).not.toMatch(/5807/);

const REGIONS = ['Hovedstaden', 'Midtjylland', 'Syddanmark', 'Sjælland', 'Nordjylland'];
const COLUMNS = ['id', 'region', 'clinic', 'referred', 'activated', 'last_active', 'age', 'sex', 'referrer'];
const ELIGIBLE = ['region,year,eligible', ...REGIONS.flatMap((r) => [2024, 2025, 2026, 2027, 2028].map((y) => `${r},${y},1000`))];

/**
 * A 40-referral registry; `cell(line, column)` may replace a cell (line 2 is the first referral).
 * Written to `name` in a new folder, with the eligible file beside it.
 */
function registry(cell: (line: number, column: string) => string | undefined, name = 'registry.csv') {
  const dir = tempDir();
  const rows = [COLUMNS.join(',')];
  for (let line = 2; line <= 41; line++) {
    const i = line - 2;
    const row: Record<string, string> = {
      id: `P${i}`, region: REGIONS[i % 5]!, clinic: `Klinik ${i % 4}`, referred: `2024-0${(i % 9) + 1}-1${i % 10}`,
      activated: '', last_active: '', age: String(30 + i), sex: i % 2 ? 'f' : 'm', referrer: i % 3 ? 'gp' : 'physio',
    };
    rows.push(COLUMNS.map((c) => JSON.stringify(cell(line, c) ?? row[c])).join(','));
  }
  writeFileSync(join(dir, name), rows.join('\n') + '\n');
  writeFileSync(join(dir, 'eligible.csv'), ELIGIBLE.join('\n') + '\n');
  return { dir, csv: join(dir, name), eligible: join(dir, 'eligible.csv') };
}
const uptake = (csv: string, eligible: string, ...more: string[]) =>
  runCli('uptake', csv, '--eligible', eligible, '--plan', 'data/plans/uptake.plan.json', '--first-publication', ...more);

describe('a CPR number typed as a date, in a registry', () => {
  for (const column of ['region', 'clinic', 'sex', 'referrer']) {
    it(`in the ${column} column, inside a name and alone: refused by line and column, never quoted (text, --json, --exclude-invalid)`, async () => {
      // Lines 2–10: the shapes inside a name, as a note is typed; lines 11–19: each shape alone.
      const f = registry((line, c) => (c !== column ? undefined : line <= 1 + n ? `Lægehuset (pt. ${SHAPES[line - 2]})` : line <= 1 + 2 * n ? SHAPES[line - 2 - n] : undefined));
      const at = COLUMNS.indexOf(column) + 1;
      for (const extra of [[], ['--json'], ['--exclude-invalid']]) {
        const r = await uptake(f.csv, f.eligible, ...extra);
        expect(r.code, r.stderr).toBe(2);
        expect(r.stderr).toContain(`registry.csv has ${2 * n} cell(s) that look like CPR numbers`);
        expect(r.stderr).toContain(`${2 * n} × ${f.csv}:lines 2–${1 + 2 * n}, column ${at} (${column}): — expected no CPR number`);
        expect(r.stdout).toBe('');
        noNumber(r.stderr);
      }
    });
  }

  it('the same registry without them is published (the refusal is the numbers\')', async () => {
    const f = registry(() => undefined);
    expect((await uptake(f.csv, f.eligible)).code).toBe(0);
  });

  it('in the eligible file\'s region: refused by line and column, never quoted', async () => {
    const f = registry(() => undefined);
    writeFileSync(f.eligible, [...ELIGIBLE, ...SHAPES.map((s) => `"Region (pt. ${s})",2024,10`)].join('\n') + '\n');
    const r = await uptake(f.csv, f.eligible);
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('no CPR number inside the text: the region cell holds a number shaped like a CPR number');
    noNumber(r.stdout + r.stderr);
  });

  it('inside an age or a date: quoted with the number masked in its own shape, and the first line counts every cell it lists', async () => {
    // Lines 2–10: an age, a referral date or a last activity with a shape in it (an invalid value,
    // quoted masked; three shapes a column, as a group quotes three values); line 20: a clinic cell
    // alone (a CPR-shaped cell, not quoted).
    const QUOTED: [string, (shape: string) => string][] = [['age', (s) => `45 (pt. ${s})`], ['referred', (s) => `2024-03-04 pt ${s}`], ['last_active', (s) => `ring ${s}`]];
    const at = (line: number) => QUOTED[Math.floor((line - 2) / 3)];
    const f = registry((line, c) => (line <= 1 + n && at(line)![0] === c ? at(line)![1](SHAPES[line - 2]!) : c === 'clinic' && line === 20 ? SHAPES[0] : undefined));
    const r = await uptake(f.csv, f.eligible);
    expect(r.code).toBe(2);
    noNumber(r.stderr);
    expect(r.stderr).toContain(`registry.csv has 1 cell(s) that look like CPR numbers, named by line and column, not quoted, and ${n} other invalid value(s), all with a CPR number inside the text, quoted with the number masked (such as DDMMYY-XXXX)`);
    expect(r.stderr).toContain('registry.csv:20:3 (clinic): — expected no CPR number');
    const MASKS = ['DD.MM.YY-XXXX', 'DD-MM-YY-XXXX', 'DD/MM/YY-XXXX', 'DD.MM.YYYY-XXXX', 'DD.MM.YY XXXX', 'DD MM YY XXXX', 'DDMMYY_XXXX', 'DDMMYY.XXXX', 'DDMMYY/XXXX'];
    MASKS.forEach((mask, i) => expect(r.stderr, mask).toContain(`"${at(i + 2)![1](mask)}"`));
    // Without the CPR cell, they are invalid values as any other (quoted masked; --exclude-invalid leaves them out).
    const values = registry((line, c) => (line <= 1 + n && at(line)![0] === c ? at(line)![1](SHAPES[line - 2]!) : undefined));
    const plain = await uptake(values.csv, values.eligible);
    expect(plain.stderr).toContain(`registry.csv has ${n} invalid value(s) in ${n} row(s)`);
    noNumber(plain.stderr);
  });

  it('a mix of CPR cells and invalid values without a number: the first line says how many of them are masked', async () => {
    const f = registry((line, c) => (c === 'clinic' && line === 2 ? SHAPES[3] : c === 'age' && line === 3 ? `45 (pt. ${SHAPES[4]})` : c === 'age' && line === 4 ? 'unknown' : undefined));
    const r = await uptake(f.csv, f.eligible);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv has 1 cell(s) that look like CPR numbers, named by line and column, not quoted, and 2 other invalid value(s), 1 with a CPR number inside the text, quoted with the number masked');
    expect(r.stderr).toContain('"unknown"');
    noNumber(r.stderr);
  });

  it('in the registry\'s file name: masked in its own shape on stderr, with the note saying why', async () => {
    const f = registry((line, c) => (c === 'age' && line === 5 ? 'abc' : undefined), 'udtræk 12.03.74-5807.csv');
    const r = await uptake(f.csv, f.eligible);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('udtræk DD.MM.YY-XXXX.csv:5:7 (age): "abc"');
    expect(r.stderr).toContain('a file or folder name is masked');
    noNumber(r.stderr);
  });
});

describe('a CPR number typed as a date, in a trial or registry-outcomes export', () => {
  it('in a subgroup level: analyze refuses each shape by line and column, never quoted', async () => {
    const dir = tempDir();
    const rows = ['pid;gruppe;tid;alder;praksis;rmdq'];
    for (let i = 1; i <= 24; i++) {
      const clinic = i <= n ? `Lægehuset (pt. ${SHAPES[i - 1]})` : `Klinik ${i % 3}`;
      for (const [time, score] of [['baseline', 8 + (i % 5)], ['3m', 4 + ((i * 3) % 7)]] as const) rows.push([`S${i}`, i % 2 ? 'app' : 'usual', time, 30 + i, clinic, score].join(';'));
    }
    writeFileSync(join(dir, 'export.csv'), rows.join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({
      arms: { intervention: 'app', control: 'usual' }, columns: { id: 'pid', arm: 'gruppe', time: 'tid' }, timepoints: ['3m'], covariates: ['alder'],
      outcomes: [{ key: 'rmdq', instrument: 'rmdq' }], methods: ['ancova'], subgroups: [{ column: 'praksis', label: { en: 'clinic' }, prespecified: false }],
    }));
    const r = await runCli('analyze', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain(`export.csv has ${2 * n} cell(s) outside the id column "pid" that look like CPR numbers`);
    expect(r.stderr).toContain(`export.csv:lines 2–${1 + 2 * n}, column 5 (praksis)`);
    noNumber(r.stdout + r.stderr);
  });

  it('in a registry-outcomes confounder (the explorer\'s `kommune 12.03.74-1234`): refused, never quoted', async () => {
    const dir = tempDir();
    const lines = readFileSync('data/synthetic/registry-outcomes.csv', 'utf8').split('\n').slice(0, 201);
    const out = lines.map((l, i) => {
      if (i === 0 || i > 40) return l;
      const cells = l.split(',');
      cells[4] = `kommune ${SHAPES[i % n]}`;
      return cells.join(',');
    });
    writeFileSync(join(dir, 'ro.csv'), out.join('\n') + '\n');
    const r = await runCli('analyze', join(dir, 'ro.csv'), '--plan', 'data/plans/registry-outcomes.plan.json', '--json');
    expect(r.code, r.stderr).toBe(2);
    expect(r.stderr).toContain('ro.csv has 40 cell(s) outside the id column "id" that look like CPR numbers');
    expect(r.stderr).toContain('lines 2–41, column 5 (referrer): — expected no CPR number inside the text');
    noNumber(r.stdout + r.stderr);
  });
});
