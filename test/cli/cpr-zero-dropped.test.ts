/**
 * A CPR number born on the 1st to the 9th of a month whose leading zero Excel dropped (it read the
 * column as numbers: `010170-1234` → `101701234`, DMMYYNNNN) is a CPR number wherever a cell
 * outside the id column is checked: refused by line and column, never quoted, never a clinic or a
 * level (docs/output-safety.md "Personal identity numbers"). Found by the Windows/Excel explorer:
 * such a cell was published as a clinic in the funnel and quoted in full by validate. The other
 * side: nine digits whose date cannot exist, and amounts written with a decimal mark or fewer
 * digits, read as before.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { looksLikeCprCell, looksLikeZeroDroppedCpr, maskCpr } from '../../src/io/cpr-number.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const NINE = '101701234';
const REFUSED = 'that look like CPR numbers: hta never publishes one, so it stops here (also with --exclude-invalid)';

describe('the nine-digit shape', () => {
  it('nine bare digits with a real day 1–9 and month are one; an impossible month, a sign, a decimal mark or other lengths are not', () => {
    for (const t of [NINE, '902851234', '302851234', ' 311251234 ']) expect(looksLikeZeroDroppedCpr(t), t).toBe(true);
    for (const t of ['132501234', '100001234', '013001234', '-101701234', '101701234,5', '1.017.012', '10170123', '1017012345x', '392874', '392.874,57']) expect(looksLikeZeroDroppedCpr(t), t).toBe(false);
    expect(looksLikeCprCell('0101701234')).toBe(true);
    // Masked as a whole cell and quoted in a message; nine digits in running text (a count) are not.
    expect(maskCpr(NINE)).not.toContain(NINE);
    expect(maskCpr(`x.csv:4:5 (Køn): "${NINE}" — expected a number`)).not.toContain(NINE);
    expect(maskCpr(`"132501234" and 101701234 rows`)).toBe(`"132501234" and 101701234 rows`);
  });
});

/** A Danish Excel trial export (`;`, decimal comma, CRLF): 12 patients × baseline and 3m, with an income covariate; `edit` may change a line's cells. */
function trial(edit: (line: number, cells: string[]) => void = () => {}) {
  const dir = tempDir();
  const rows = ['Løbenr;Gruppe;Besøg;Alder;Køn;Indkomst;RMDQ'];
  for (let i = 1; i <= 12; i++) {
    const arm = i % 2 ? 'app' : 'usual';
    const sex = i % 3 ? 'Kvinde' : 'Mand';
    // Incomes as Excel writes them: whole kroner and with øre, eight digits at most.
    const income = i % 2 ? `${39287457 - i * 1000}` : `${392874 + i},57`;
    rows.push([String(i), arm, 'baseline', String(30 + i), sex, income, String(8 + (i % 5))].join(';'), [String(i), arm, '3m', String(30 + i), sex, income, String(4 + ((i * 3) % 7))].join(';'));
  }
  const lines = rows.map((r, k) => {
    const cells = r.split(';');
    if (k > 0) edit(k + 1, cells);
    return cells.join(';');
  });
  writeFileSync(join(dir, 'export.csv'), lines.join('\r\n') + '\r\n');
  const p = { arms: { intervention: 'app', control: 'usual' }, columns: { id: 'Løbenr', arm: 'Gruppe', time: 'Besøg' }, timepoints: ['3m'], covariates: ['Alder', 'Køn', 'Indkomst'], covariateTypes: { Køn: 'categorical' }, outcomes: [{ key: 'rmdq', column: 'RMDQ', instrument: 'rmdq' }], methods: ['ancova'] };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
  return { dir, csv: join(dir, 'export.csv'), plan: join(dir, 'plan.json') };
}

describe('in a trial export', () => {
  it('in the sex column and a score column: refused by line and column, never quoted (--json, --exclude-invalid too)', async () => {
    const f = trial((line, cells) => {
      if (line === 4) cells[4] = NINE;
      if (line === 8) cells[6] = NINE;
    });
    for (const more of [[], ['--json'], ['--exclude-invalid']]) {
      const r = await runCli('validate', f.csv, '--plan', f.plan, ...more);
      expect(r.code).toBe(2);
      expect(r.stdout + r.stderr).not.toContain(NINE);
      if (more.length === 0) {
        expect(r.stderr).toContain(`has 2 cell(s) outside the id column "Løbenr" ${REFUSED}`);
        expect(r.stderr).toContain('export.csv:4:5 (Køn): — expected no CPR number');
        expect(r.stderr).toContain('export.csv:8:7 (RMDQ): — expected no CPR number');
        expect(r.stderr).toContain('nine digits DMMYYNNNN with a real date');
      }
    }
  });

  it('plan init drafts no level, visit or missing-value code from it, and names it unquoted', async () => {
    const f = trial((line, cells) => {
      if (line === 4) cells[4] = NINE;
    });
    const out = join(f.dir, 'drafted.json');
    const r = await runCli('plan', 'init', f.csv, '--out', out);
    expect(r.stdout + r.stderr).not.toContain(NINE);
    expect(r.stdout + r.stderr).toContain('export.csv:4:5 (Køn)');
    expect(readFileSync(out, 'utf8')).not.toContain(NINE);
  });

  it('incomes (eight digits, or with øre after a decimal comma) read: the export is valid', async () => {
    const r = await runCli('validate', trial().csv, '--plan', trial().plan);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
  });
});

const F = 'test/fixtures/exports/registry-dk-shapes';
const lines = () => readFileSync(`${F}/simple.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '');

/** The fixture's registry with clinic cells replaced (line → text), run with every count and clinic published. */
async function uptake(clinics: Record<number, string>) {
  const rows = lines().map((l, k) => (clinics[k + 1] === undefined ? l : l.replace(/;HOV0\d;/, `;${clinics[k + 1]};`)));
  const dir = tempDir();
  writeFileSync(join(dir, 'registry.csv'), rows.join('\r\n') + '\r\n');
  const p = { ...JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')), suppression: { threshold: 1, acknowledgeLowThreshold: true }, publish: { months: false, clinics: true, equity: [] } };
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(p));
  return runCli('uptake', join(dir, 'registry.csv'), '--eligible', `${F}/eligible.csv`, '--plan', join(dir, 'plan.json'), '--first-publication', '--json');
}

describe('in a registry', () => {
  it('in the clinic column: the run stops naming line and column, the number in no funnel and no message', async () => {
    const r = await uptake({ 6: NINE });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:6:3 (Klinik): — expected no CPR number');
    expect(r.stdout + r.stderr).not.toContain(NINE);
    expect(r.stdout).toBe('');
  });

  it('nine digits that cannot be a date are a clinic as written; nine digits on 5 rows are a code, as ten are', async () => {
    const odd = await uptake({ 6: '132501234' });
    expect(odd.stderr).not.toContain('CPR');
    expect(odd.code).toBe(0);
    expect(odd.stdout).toContain('"132501234"');
    const code = await uptake({ 2: NINE, 3: NINE, 4: NINE, 5: NINE, 6: NINE });
    expect(code.code).toBe(0);
    expect(code.stdout).toContain(`"${NINE}"`);
  });
});

/** The fixture's eligible file with `region` as a fourth region for every year (or in place of line 3's region when `replace`). */
function eligible(region: string, replace = false) {
  const dir = tempDir();
  const rows = readFileSync(`${F}/eligible.csv`, 'utf8').split(/\r?\n/).filter((l) => l !== '');
  const out = replace ? rows.map((l, k) => (k === 2 ? l.replace(/^[^;]*/, region) : l)) : [...rows, ...[2025, 2026, 2027].map((y) => `${region};${y};1.000`)];
  writeFileSync(join(dir, 'eligible.csv'), out.join('\n') + '\n');
  return join(dir, 'eligible.csv');
}

describe('in the eligible file\'s region column', () => {
  // Printed as a region's name in the summary, the tables and --json, and (nine digits) unquoted in
  // "lacks the eligible count for …", which masks only a whole or quoted nine-digit number.
  it('ten digits, nine (the zero dropped) and one inside a note: refused by line and column, never printed (uptake, --json, plan init)', async () => {
    for (const region of ['0101701234', NINE, 'Region Sjælland (pt. 120374-1234)']) {
      const digits = region.match(/\d{6}-?\d{3,4}/)![0];
      for (const replace of [false, true]) {
        const file = eligible(region, replace);
        for (const json of [[], ['--json']]) {
          const r = await runCli('uptake', `${F}/simple.csv`, '--eligible', file, '--plan', `${F}/uptake.plan.json`, '--first-publication', ...json);
          expect(r.code, region).toBe(2);
          expect(r.stdout + r.stderr, region).not.toContain(digits);
          expect(r.stderr).toMatch(replace ? /eligible\.csv:3:1 \(Region\): — expected no CPR number/ : /3 × \S*eligible\.csv:lines 11–13, column 1 \(Region\): — expected no CPR number/);
        }
      }
      const d = await runCli('plan', 'init', '--uptake', `${F}/simple.csv`, '--eligible', eligible(region));
      expect(d.stdout + d.stderr, region).not.toContain(digits);
      expect(d.stderr).toContain('expected no CPR number');
    }
  });
});
