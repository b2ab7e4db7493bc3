/**
 * A registry or eligible file copied from an Excel pivot table in tabular form without "Repeat All
 * Item Labels": each row field's item on the first row of its block only, the cells below blank
 * (docs/input-registry.md "An Excel pivot table's blank cells"). Until 6 December 2026 the blank
 * sex cells of such a registry were read as "sex unknown" without a word (19,547 of 20,000 in the
 * explorer's file), blank clinics got the advice to write "ukendt" in them, and the eligible
 * file's "Hovedtotal" was said not to add up while its blank-region rows were unread.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { HtaError } from '../../src/errors.js';
import { readEligibleFile, readRegistryFile, type ReadRegistryOptions } from '../../src/uptake/read-registry.js';
import { PIVOT_BLANK_KIND } from '../../src/uptake/pivot-blanks.js';
import { PIVOT_ELIGIBLE_KIND, SUBTOTAL_KIND } from '../../src/uptake/pivot-blanks-words.js';
import { draftUptakePlan } from '../../src/uptake/draft-uptake-plan.js';
import { uptakeDraftLineDa } from '../../src/plan/draft-notes-da.js';
import { regionSet } from '../../src/uptake/regions.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const REGIONS = ['Hovedstaden', 'Midtjylland', 'Sjælland'];
type Field = 'Region' | 'Klinik' | 'Henviser' | 'Køn' | 'PatientID' | 'Henvist' | 'Aktiveret' | 'SidstAktiv' | 'Alder';
type Referral = Record<Field, string>;

/**
 * 180 referrals of early 2025: three regions, three clinics each, both sexes (every eleventh
 * unknown, empty) and two referrers in every clinic, a quarter never activated, activations on a
 * few days, so that a clinic has several on one day.
 */
const REFERRALS: Referral[] = Array.from({ length: 180 }, (_, i) => {
  const m = 1 + (i % 4);
  const date = (day: number, month = m) => `${String(day).padStart(2, '0')}-${String(month).padStart(2, '0')}-2025`;
  const active = i % 4 !== 0;
  return {
    Region: REGIONS[i % 3]!, Klinik: `K${i % 3}${Math.floor(i / 3) % 3}`, Henviser: i % 4 < 2 ? 'Egen læge' : 'Fysioterapeut', Køn: i % 11 === 0 ? '' : i % 5 < 3 ? 'Kvinde' : 'Mand',
    PatientID: `P${String(1000 + i)}`, Henvist: date(1 + (i % 3)), Aktiveret: active ? date(5 + (i % 2) * 10) : '', SidstAktiv: active ? date(20, m + 2) : '', Alder: String(25 + (i % 50)),
  };
});
const AFTER: Field[] = ['PatientID', 'Henvist', 'Aktiveret', 'SidstAktiv', 'Alder'];

/**
 * The referrals as Excel's pivot writes them: sorted by the row fields `rows` (then the id), each
 * field's item on the first row of its block only unless it is in `filled` (filled down by hand).
 * Returns the file and, per field, the lines left blank.
 */
function pivot(rows: Field[], filled: Field[], opts: { after?: Field[]; empty?: string; total?: boolean } = {}): { file: string; blank: Map<Field, number[]> } {
  const after = (opts.after ?? AFTER).filter((f) => !rows.includes(f));
  const sorted = [...REFERRALS].sort((a, b) => [...rows, 'PatientID' as Field].map((f) => a[f].localeCompare(b[f])).find((c) => c !== 0) ?? 0);
  const lines = [[...rows, ...after].join(';')];
  const blank = new Map<Field, number[]>(rows.map((f) => [f, []]));
  let prev: string[] = [];
  for (const r of sorted) {
    const key = rows.map((f) => r[f] === '' ? opts.empty ?? '(tom)' : r[f]);
    let same = true;
    const cells = key.map((k, i) => {
      same = same && prev[i] === k;
      if (same && !filled.includes(rows[i]!)) {
        blank.get(rows[i]!)!.push(lines.length + 1);
        return '';
      }
      return k;
    });
    prev = key;
    lines.push([...cells, ...after.map((f) => r[f])].join(';'));
  }
  if (opts.total !== false) lines.push(`Hovedtotal;${';'.repeat(rows.length + after.length - 2)}${sorted.length}`);
  const file = join(tempDir(), 'pivot.csv');
  writeFileSync(file, '\uFEFF' + lines.join('\r\n') + '\r\n');
  return { file, blank };
}

/** The same referrals as a flat export, its columns in `order`, its rows sorted by `sort`. */
function flat(order: Field[], sort: (a: Referral, b: Referral) => number): string {
  const file = join(tempDir(), 'flat.csv');
  writeFileSync(file, [order.join(';'), ...[...REFERRALS].sort(sort).map((r) => order.map((f) => r[f]).join(';'))].join('\n') + '\n');
  return file;
}

const COLUMNS = { id: 'PatientID', region: 'Region', clinic: 'Klinik', referred: 'Henvist', activated: 'Aktiveret', last_active: 'SidstAktiv', age: 'Alder', sex: 'Køn', referrer: 'Henviser' };
const OPTIONS: ReadRegistryOptions = { regions: regionSet(REGIONS), columns: COLUMNS, dateFormat: 'dd-mm-yyyy', exportDate: '2025-12-31', missingCodes: ['(tom)'], threads: 1 };

async function refusal(file: string, options: ReadRegistryOptions = OPTIONS): Promise<HtaError> {
  try {
    await readRegistryFile(file, options);
  } catch (err) {
    return err as HtaError;
  }
  throw new Error('read without a problem');
}

/** Every line of the groups of column `field`. */
const linesOf = (err: HtaError, field: string) => (err.groups ?? []).filter((g) => g.field === field).flatMap((g) => g.lines.flatMap(([a, b]) => Array.from({ length: b - a + 1 }, (_, k) => a + k)));

describe('a registry from an Excel pivot: blanks meaning "the same as above"', () => {
  it('blank sex cells under each "Kvinde" (Region, Klinik, Henviser filled down) are refused as a pivot\'s, never read as sex unknown — also with --exclude-invalid', async () => {
    const { file, blank } = pivot(['Region', 'Klinik', 'Henviser', 'Køn'], ['Region', 'Klinik', 'Henviser']);
    expect(blank.get('Køn')!.length).toBeGreaterThan(100);
    for (const invalidRows of ['fail', 'exclude'] as const) {
      const err = await refusal(file, { ...OPTIONS, invalidRows });
      expect(err.exitCode).toBe(2);
      expect(err.message).toMatch(/has \d+ blank cell\(s\) meaning "the same as above" \(an Excel pivot table's layout\) in column "Køn": hta stops here, also with --exclude-invalid$/);
      expect(err.groups!.map((g) => [g.field, g.column])).toEqual([['Køn', 4]]);
      expect(linesOf(err, 'Køn')).toEqual(blank.get('Køn'));
      expect(err.groups![0]!.expected).toContain('read as "sex unknown"');
      expect(err.groups![0]!.expected).toContain('Design → Report Layout → Repeat All Item Labels (Danish Excel: Design → Rapportlayout → Gentag alle elementnavne)');
    }
    expect(err0(await refusal(file)).kind).toBe(PIVOT_BLANK_KIND);
  }, 30_000);

  it('filled down (Repeat All Item Labels), the same pivot reads as the flat export does', async () => {
    const { file } = pivot(['Region', 'Klinik', 'Henviser', 'Køn'], ['Region', 'Klinik', 'Henviser', 'Køn'], { total: false });
    const read = await readRegistryFile(file, OPTIONS);
    const base = await readRegistryFile(flat(AFTER.concat(['Region', 'Klinik', 'Henviser', 'Køn']), () => 0), { ...OPTIONS, missingCodes: [] });
    expect(read.aggregate).toEqual(base.aggregate);
  }, 30_000);

  it('blank clinics and referrers of the pivot (only the region filled down) are said as the pivot\'s, not "fill with ukendt"', async () => {
    const { file, blank } = pivot(['Region', 'Klinik', 'Køn', 'Henviser'], ['Region']);
    const err = await refusal(file);
    expect(err.groups!.map((g) => g.field)).toEqual(['Klinik', 'Køn', 'Henviser']);
    for (const f of ['Klinik', 'Køn', 'Henviser'] as const) expect(linesOf(err, f)).toEqual(blank.get(f));
    const clinic = err.groups!.find((g) => g.field === 'Klinik')!.expected;
    expect(clinic).toContain('"Klinik" is written only on the first row of each block');
    expect(clinic).toContain('a placeholder such as "ukendt" in them would make one clinic of each region');
    expect(clinic).not.toContain('fill empty cells with a name');
  }, 30_000);

  it('a date as a row field above the id (non-activations as the pivot\'s "(tom)"): the blank activation dates are refused, not read as "not activated"', async () => {
    const { file, blank } = pivot(['Region', 'Klinik', 'Aktiveret'], ['Region', 'Klinik'], { after: [...AFTER, 'Køn', 'Henviser'] });
    expect(blank.get('Aktiveret')!.length).toBeGreaterThan(0);
    const err = await refusal(file);
    expect(err.groups!.map((g) => g.field)).toEqual(['Aktiveret']);
    expect(linesOf(err, 'Aktiveret')).toEqual(blank.get('Aktiveret'));
    expect(err.groups![0]!.expected).toContain('read as "not activated"');
  }, 30_000);

  it('a sparse registry with its id last, sorted by region, clinic and activation (empty last): read as it stands, as with the id first', async () => {
    const byActivation = (a: Referral, b: Referral) => a.Region.localeCompare(b.Region) || a.Klinik.localeCompare(b.Klinik) || Number(a.Aktiveret === '') - Number(b.Aktiveret === '') || a.Aktiveret.localeCompare(b.Aktiveret);
    const bySex = (a: Referral, b: Referral) => a.Region.localeCompare(b.Region) || a.Klinik.localeCompare(b.Klinik) || a.Køn.localeCompare(b.Køn);
    const bySexEmptyLast = (a: Referral, b: Referral) => a.Region.localeCompare(b.Region) || a.Klinik.localeCompare(b.Klinik) || Number(a.Køn === '') - Number(b.Køn === '') || a.Køn.localeCompare(b.Køn);
    const base = await readRegistryFile(flat(['PatientID', 'Region', 'Klinik', 'Henviser', 'Køn', 'Henvist', 'Aktiveret', 'SidstAktiv', 'Alder'], () => 0), OPTIONS);
    for (const [order, sort] of [
      [['Region', 'Klinik', 'Aktiveret', 'SidstAktiv', 'Køn', 'Henviser', 'Henvist', 'Alder', 'PatientID'], byActivation],
      [['Region', 'Klinik', 'Køn', 'Aktiveret', 'SidstAktiv', 'Henviser', 'Henvist', 'Alder', 'PatientID'], bySex],
      [['Region', 'Klinik', 'Køn', 'Aktiveret', 'SidstAktiv', 'Henviser', 'Henvist', 'Alder', 'PatientID'], bySexEmptyLast],
    ] as const) {
      const read = await readRegistryFile(flat([...order], sort), OPTIONS);
      expect(read.aggregate).toEqual(base.aggregate);
    }
  }, 30_000);

  it('hta uptake --lang da says it in Danish; plan init warns per column and calls no blank referrer an unknown code', async () => {
    const { file } = pivot(['Region', 'Klinik', 'Køn', 'Henviser'], ['Region']);
    const { warnings, notes } = draftUptakePlan(file);
    const pivotWarnings = warnings.filter((w) => w.includes('an Excel pivot table\'s layout'));
    expect(pivotWarnings.map((w) => /"([^"]+)" cell\(s\) blank below a filled one/.exec(w)?.[1])).toEqual(['Klinik', 'Køn', 'Henviser']);
    expect(notes.join('\n')).not.toContain('referrer codes not recognised');
    expect(uptakeDraftLineDa(pivotWarnings[0]!)).toMatch(/^.*: \d+ celle\(r\) i "Klinik" er tomme under en udfyldt .*Gentag alle elementnavne.*\(og indsæt så kolonnen som værdier\)$/);
    const dir = tempDir();
    writeFileSync(join(dir, 'eligible.csv'), 'Region;År;Antal\n' + REGIONS.map((r) => `${r};2025;50.000`).join('\n') + '\n');
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({
      currency: 'DKK', priceModel: { mode: 'all-units', volumeScope: 'national', tiers: [{ upTo: null, price: 1200 }] },
      scenarios: { low: [0.02], base: [0.05], high: [0.08] }, firstYear: 2026, suppression: { threshold: 5 },
      columns: { registry: COLUMNS, eligible: { year: 'År', eligible: 'Antal' } }, dateFormat: 'dd-mm-yyyy', exportDate: '2025-12-31', missingCodes: ['(tom)'],
    }));
    const run = await runCli('uptake', file, '--eligible', join(dir, 'eligible.csv'), '--plan', join(dir, 'plan.json'), '--lang', 'da');
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^fejl: .*pivot\.csv har \d+ tomme celle\(r\), der betyder "det samme som ovenfor" \(en Excel-pivottabels layout\), i kolonnerne "Klinik", "Køn", "Henviser": hta stopper her, også med --exclude-invalid$/m);
    expect(run.stderr).toMatch(/kolonne 3 \(Køn\): "" — forventet en værdi på hver række: "Køn" er kun skrevet på den første række i hver blok, .*; læst som "køn ukendt" — vælg i pivottabellen Design → Rapportlayout → Gentag alle elementnavne/);
    expect(run.stderr).not.toMatch(/expected|written only/);
  }, 60_000);
});

const err0 = (err: HtaError) => err.problems[0]!;

describe('an eligible file from an Excel pivot of region × year', () => {
  const ROWS = REGIONS.flatMap((r, k) => [2024, 2025, 2026].map((y) => ({ r, y, n: 40_000 + 1000 * k + y - 2024 })));
  const SUM = ROWS.reduce((s, x) => s + x.n, 0);
  /** The pivot: the region on each block's first row unless `repeat`, a "<region> I alt" row under each block if `subtotals`, and Hovedtotal. */
  function eligible(repeat: boolean, subtotals: boolean): string {
    const lines = ['Region;År;Sum af Antal'];
    for (const r of REGIONS) {
      const block = ROWS.filter((x) => x.r === r);
      block.forEach((x, i) => lines.push(`${repeat || i === 0 ? r : ''};${x.y};${x.n}`));
      if (subtotals) lines.push(`${r} I alt;;${block.reduce((s, x) => s + x.n, 0)}`);
    }
    lines.push(`Hovedtotal;;${SUM}`);
    const file = join(tempDir(), 'eligible.csv');
    writeFileSync(file, lines.join('\n') + '\n');
    return file;
  }
  const problemsOf = (file: string) => {
    try {
      readEligibleFile(file, { columns: { year: 'År', eligible: 'Sum af Antal' } });
    } catch (err) {
      return (err as HtaError).problems;
    }
    throw new Error('read without a problem');
  };

  it('blank regions are said to be the pivot\'s, subtotal rows to be subtotals, and the grand total is not said to be wrong', () => {
    const problems = problemsOf(eligible(false, true));
    expect(problems.filter((p) => p.kind === PIVOT_ELIGIBLE_KIND).map((p) => p.line)).toEqual([3, 4, 7, 8, 11, 12]);
    expect(problems.filter((p) => p.kind === SUBTOTAL_KIND).map((p) => [p.line, p.value])).toEqual([[5, 'Hovedstaden I alt'], [9, 'Midtjylland I alt'], [13, 'Sjælland I alt']]);
    expect(problems).toHaveLength(9);
    expect(problems[0]!.expected).toContain('"Region" is written only on the first row of each block');
    expect(problems.find((p) => p.kind === SUBTOTAL_KIND)!.expected).toContain('Design → Subtotals → Do Not Show Subtotals');
  });

  it('with the labels repeated and the subtotals off, it reads; its Hovedtotal is left out as the sum it is', () => {
    const read = readEligibleFile(eligible(true, false), { columns: { year: 'År', eligible: 'Sum af Antal' } });
    expect(read.rows).toHaveLength(ROWS.length);
    expect(read.totals).toEqual([{ line: 11, label: 'Hovedtotal', eligible: SUM }]);
  });

  it('a region missing on one row of a file that writes it on every row is refused as a missing region, not as a pivot\'s', () => {
    const file = join(tempDir(), 'eligible.csv');
    writeFileSync(file, ['region,year,eligible', 'Hovedstaden,2024,100', ',2025,100', 'Hovedstaden,2026,100', 'Sjælland,2024,90'].join('\n') + '\n');
    const problems = (() => { try { readEligibleFile(file); } catch (err) { return (err as HtaError).problems; } return []; })();
    expect(problems.map((p) => [p.line, p.expected])).toEqual([[3, 'a region name']]);
  });
});
