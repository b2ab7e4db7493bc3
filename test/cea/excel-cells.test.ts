// Resource-use cells as Danish Excel writes them (docs/plan-cea.md#inputs): whole kroner with a
// thousands dot (`1.896`) in a `;` export whose EQ-5D is written `0.860` were read as 1.896 kr.;
// an impossible `1.000` physiotherapy sessions was costed; the accounting-format zero (`kr. -`)
// was refused with advice that made a third of the zeros missing; the problem count stopped at 50.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ceaPatients } from '../../src/cea/cea-patients.js';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { readCsvFile } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { refusalText } from '../support/error-of.js';
import { removeTempDirs, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const fixture = 'test/fixtures/cea-discounting';
type Column = 'ru_gp' | 'ru_physio';

/**
 * The two-year fixture (60 patients, periods 12m and 24m of a year each) with `ru_gp` a column of
 * amounts in DKK (unit cost 1), written with separator `sep`, a `bmi` column of point decimals
 * (`23.4`: the file's mark is the point), and each period cell of the resource columns as `cell`
 * writes it from its number.
 */
function load(o: { sep: ';' | ','; cell: (column: Column, n: number, i: number) => string; missingCodes?: string[]; physioMax?: number; gpMax?: number }) {
  const dir = tempDir();
  const trialPlan = JSON.parse(readFileSync(`${fixture}/trial.plan.json`, 'utf8'));
  const plan = JSON.parse(readFileSync(`${fixture}/cea-24m.plan.json`, 'utf8'));
  plan.unitCosts.gp.cost = 1;
  if (o.physioMax !== undefined) plan.resourceUse[1].maxUnits = o.physioMax;
  if (o.gpMax !== undefined) plan.resourceUse[0].maxUnits = o.gpMax;
  writeFileSync(join(dir, 'trial.plan.json'), JSON.stringify({ ...trialPlan, ...(o.missingCodes ? { missingCodes: o.missingCodes } : {}) }));
  writeFileSync(join(dir, 'cea.plan.json'), JSON.stringify(plan));
  const lines = readFileSync(`${fixture}/export.csv`, 'utf8').trim().split('\n');
  const header = lines[0]!.split(',');
  const cols = (['ru_gp', 'ru_physio'] as const).map((c) => [c, header.indexOf(`"${c}"`)] as const);
  let i = 0;
  const out = lines.map((l, k) => {
    const f = l.split(',');
    if (k > 0 && !l.includes('"baseline"')) for (const [c, j] of cols) if (f[j] !== '') f[j] = o.cell(c, Number(f[j]), i++);
    return [...f, k === 0 ? '"bmi"' : `${20 + (k % 9)}.${k % 10}`].map((x) => (x.includes(o.sep) ? `"${x}"` : x)).join(o.sep);
  });
  writeFileSync(join(dir, 'export.csv'), out.join('\n') + '\n');
  const resolved = loadCeaPlanFile(join(dir, 'cea.plan.json'));
  const csv = readCsvFile(join(dir, 'export.csv'));
  return { csv, run: () => ceaPatients(loadTrial(csv, resolved.trialPlan), csv, resolved) };
}

const units = (o: Parameters<typeof load>[0]) => {
  const data = load(o).run();
  return { data, p1: data.patients.find((p) => p.id === 'P001')!.units };
};
/** Whole kroner with a thousands dot: 5 → `6.123`, as Danish Excel's `#.##0` writes 6123. */
const thousands = (n: number) => `${n + 1}.123`;

describe('resource cells as Danish Excel writes them', () => {
  it('reads whole kroner with a thousands dot as kroner in a ";" export whose other numbers use the point', () => {
    const { csv } = load({ sep: ';', cell: (c, n) => String(n) });
    expect(csv.dialect.decimalComma).toBe(false);
    const dotted = units({ sep: ';', cell: (c, n) => (c === 'ru_gp' ? thousands(n) : String(n)) });
    const plain = units({ sep: ';', cell: (c, n) => (c === 'ru_gp' ? `${n + 1}123` : String(n)) });
    expect(dotted.p1.gp).toEqual(plain.p1.gp);
    expect(dotted.p1.gp![0]).toBe(6123);
    // With " kr." after them, too (they were refused as ambiguous).
    expect(units({ sep: ';', cell: (c, n) => (c === 'ru_gp' ? `${thousands(n)} kr.` : String(n)) }).p1.gp).toEqual(plain.p1.gp);
  });

  it('a column of amounts with the decimal comma in an export that uses the point is read with the comma', () => {
    const comma = units({ sep: ';', cell: (c, n) => (c === 'ru_gp' ? `1.${n}00,75` : String(n)) });
    expect(comma.p1.gp![0]).toBe(1500.75);
  });

  it('refuses a thousands-dot amount in a comma-separated export, where no cell shows the column\'s mark, never reading 1.896 kr.', () => {
    const text = refusalText(load({ sep: ',', cell: (c, n) => (c === 'ru_gp' ? thousands(n) : String(n)) }).run);
    expect(text).toContain('(ru_gp): "6.123", "');
    expect(text).toContain('thousands or decimals?');
  });

  it('refuses an odd decimal mark in a column, with the spreadsheet fix', () => {
    const text = refusalText(load({ sep: ';', cell: (c, n, i) => (c === 'ru_gp' ? (i === 0 ? '12.50' : `${n},25`) : String(n)) }).run);
    expect(text).toContain('(ru_gp): "12.50" — expected an amount with the decimal comma');
    expect(text).toContain('Find & Replace "." with ","');
    expect(text).not.toContain('missingCodes');
  });

  it('a thousands-dot count (1.000 sessions) is one thousand, refused as implausible — never one session', () => {
    const text = refusalText(load({ sep: ';', cell: (c, n, i) => (c === 'ru_physio' && i === 1 ? '1.000' : String(n)) }).run);
    expect(text).toMatch(/export\.csv:\d+:11 \(ru_physio\): "1\.000" — expected a plausible number of units: more than 20 times the 99th percentile of the column's other values \([\d.]+\) and more than the 365\.3 days of period "12m"/);
  });

  it('refuses a count far above its column and longer than its period; a heavy user stands', () => {
    const text = refusalText(load({ sep: ',', cell: (c, n, i) => (c === 'ru_physio' && i === 1 ? '1000' : String(n)) }).run);
    expect(text).toContain('(ru_physio): "1000" — expected a plausible number of units');
    // 300 sessions in a year: far above the others, but not more than the period's days.
    expect(units({ sep: ',', cell: (c, n, i) => (c === 'ru_physio' && i === 1 ? '300' : String(n)) }).p1.physio![0]).toBe(300);
    // Amounts are money, not counts: 100,000 kr. stands.
    expect(units({ sep: ',', cell: (c, n, i) => (c === 'ru_gp' && i === 0 ? '100000' : String(n)) }).p1.gp![0]).toBe(100000);
  });

  it('an item\'s "maxUnits" replaces the rule: a real count far above the column stands, one above the bound is refused', () => {
    const big = (c: Column, n: number, i: number) => (c === 'ru_physio' && i === 1 ? '1000' : String(n));
    expect(refusalText(load({ sep: ',', cell: big }).run)).toContain('or, if it is real, give item "physio" a "maxUnits"');
    expect(units({ sep: ',', cell: big, physioMax: 1000 }).p1.physio![0]).toBe(1000);
    expect(refusalText(load({ sep: ',', cell: big, physioMax: 999 }).run)).toContain('(ru_physio): "1000" — expected at most 999 units in one period, the "maxUnits" of item "physio"');
  });

  it('"maxUnits" also vouches for a nine-only count within it (999 of 1000 is no missing code), and is refused on an item of amounts', () => {
    const nines = (c: Column, n: number, i: number) => (c === 'ru_physio' && i === 1 ? '999' : String(n));
    expect(refusalText(load({ sep: ',', cell: nines }).run)).toContain('(ru_physio): "999" — expected a number of units, not a missing-value code');
    expect(units({ sep: ',', cell: nines, physioMax: 1000 }).p1.physio![0]).toBe(999);
    expect(refusalText(() => load({ sep: ',', cell: (c, n) => String(n), gpMax: 1000 }))).toContain('(resourceUse.0.maxUnits): "1000"');
    expect(refusalText(() => load({ sep: ',', cell: (c, n) => String(n), gpMax: 1000 }))).toContain('no "maxUnits" on item "gp": its unit cost is 1, so its column holds amounts in DKK');
  });

  it('reads Excel\'s accounting zero (" kr.  -   ", "-   kr.", "-") as 0, noted per column; declared a missing code, "-" is missing', () => {
    const dashes = [' kr.  -   ', '-   kr.', '-', '\u00a0kr.\u00a0-\u00a0'];
    const r = units({ sep: ';', cell: (c, n, i) => (i < 8 ? dashes[i % 4]! : String(n)) });
    expect(r.p1.gp).toEqual([0, 0]);
    expect(r.p1.physio).toEqual([0, 0]);
    expect(r.data.dashZeros).toEqual([{ column: 'ru_gp', cells: 4, amounts: true }, { column: 'ru_physio', cells: 4, amounts: false }]);
    expect(units({ sep: ';', cell: (c, n, i) => (i === 0 ? '-' : String(n)), missingCodes: ['-'] }).p1.gp![0]).toBeNull();
  });

  it('refuses a bare "-" in a count column ("not answered"?) with the missing-code advice; with a currency mark it is 0', () => {
    // i odd: ru_physio, a count column (ru_gp is a column of amounts, unit cost 1).
    const text = refusalText(load({ sep: ';', cell: (c, n, i) => (i === 1 ? '-' : String(n)) }).run);
    expect(text).toContain('(ru_physio): "-" — expected a number of units ≥ 0 (or an empty cell for missing); if it means "missing", add it to "missingCodes"');
    expect(units({ sep: ';', cell: (c, n, i) => (i === 1 ? 'kr. -' : i === 0 ? '-' : String(n)) }).p1).toEqual({ gp: [0, expect.any(Number)], physio: [0, expect.any(Number)] });
    expect(units({ sep: ';', cell: (c, n, i) => (i === 1 ? '-' : String(n)), missingCodes: ['-'] }).p1.physio![0]).toBeNull();
  });

  it('says a negative amount is one (a refund), not a missing code', () => {
    for (const neg of ['(1.391,66)', '-1.391,66 kr.', 'kr. -1.391,66', '\u22125']) {
      const text = refusalText(load({ sep: ';', cell: (c, n, i) => (i === 0 ? neg : String(n)) }).run);
      expect(text, neg).toContain('— expected an amount ≥ 0: this is a negative amount (a refund or a correction?)');
      expect(text, neg).not.toContain('missingCodes');
    }
  });

  it('"120 100" (one plain space) is refused as two numbers or one, never read as 120100', () => {
    const text = refusalText(load({ sep: ';', cell: (c, n, i) => (i === 0 ? '120 100' : String(n)) }).run);
    expect(text).toContain('(ru_gp): "120 100" — expected an amount ≥ 0; two numbers, or a thousands separator?');
    // Two groups, or a no-break space (as Danish Excel writes), group thousands.
    expect(units({ sep: ';', cell: (c, n, i) => (i === 0 ? '1 120 100' : i === 2 ? '120\u00a0100' : String(n)) }).p1.gp).toEqual([1120100, 120100]);
  });

  it('counts every problem, beyond 50, in the message and per column', () => {
    const text = refusalText(load({ sep: ';', cell: () => 'x' }).run);
    expect(text).toMatch(/^error: \S*export\.csv has 240 resource-use problems\n/);
    expect(text).toMatch(/120 × \S*export\.csv:lines .*\(ru_gp\): "x" — expected an amount ≥ 0 \(or an empty cell for missing\); if it means "missing", add it to "missingCodes"/);
    expect(text).toMatch(/120 × \S*export\.csv:lines .*\(ru_physio\): "x" — expected a number of units ≥ 0/);
  });
});
