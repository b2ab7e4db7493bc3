// A Danish-locale Google Sheets or LibreOffice comma CSV writes a cost formatted with thousands
// unquoted (`1.250` for 1250 kroner) and its decimals quoted ("0,817"). `hta cea` reads its
// resource columns (the columns its plan adds to the trial export) as numbers: read with the
// point, 1.250 kroner was a thousand times too small. The trial reader's check of a comma file's
// `1.250` (io/decimal-mark.ts, rule 2) covers them: refused where no column read shows the mark,
// read as 1250 beside quoted decimal commas (docs/plan-cea.md#inputs, input-trial-export.md#decimal-mark).
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';
import { errorOf } from '../support/error-of.js';

afterAll(removeTempDirs);

const run = (f: { exportFile: string; plan: string }) => {
  const r = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};

/** Thousands as the Danish-locale sheet writes them: `1.250` from 1000 up, `950` below. */
const grouped = (n: number) => (n >= 1000 ? `${Math.floor(n / 1000)}.${String(n % 1000).padStart(3, '0')}` : String(n));

/**
 * The fixture with its GP column as kroner (unit cost 1): each 3-month count times 417, written by
 * `cost`; the EQ-5D index written by `index` (`0.817` as generated).
 */
function sheet(cost: (n: number) => string, index: (text: string) => string = (t) => t) {
  const f = ceaFixture({ unitCostRows: ['gp,1,DKK,2021,spend'], planExtra: { currency: 'DKK' } });
  const lines = readFileSync(f.exportFile, 'utf8').split('\n').map((l, i) => {
    if (i === 0 || l === '') return l;
    const cells = l.split(',');
    if (cells[3] !== '') cells[3] = index(cells[3]!);
    if (cells[5] !== '') cells[5] = cost(Number(cells[5]) * 417);
    return cells.join(',');
  });
  writeFileSync(f.exportFile, lines.join('\n'));
  return f;
}

describe('a Danish-locale sheet\'s cost 1.250 in a resource column of a comma CSV', () => {
  it('is refused where no column read shows the mark, naming the cost cell, never read as 1.25 kroner', () => {
    // The EQ-5D index as a whole-number code (no decimal anywhere in the columns read).
    const f = sheet(grouped, (t) => String(Math.round(Number(t) * 1000)));
    const e = errorOf(() => run(f));
    expect(e.exitCode).toBe(2);
    expect(e.problems[0]).toMatchObject({ field: 'ru_gp', kind: 'decimal-mark.undecided' });
    expect(e.problems[0]!.value).toMatch(/^\d\.\d{3}$/);
  });

  it('beside quoted decimal commas ("0,817") is read as thousands: the costs of the unformatted export, with a note', () => {
    const comma = (t: string) => `"${t.replace('.', ',')}"`;
    const formatted = run(sheet(grouped, comma));
    const plain = run(sheet(String, comma)).result;
    expect(formatted.result.totalCost).toEqual(plain.totalCost);
    expect(formatted.result.incrementalCost).toEqual(plain.incrementalCost);
    expect(plain.totalCost.intervention.mean).toBeGreaterThan(500);
    expect(formatted.notes.join('\n')).toMatch(/unquoted number\(s\) with a point between groups of three digits \(such as 1\.250\) were read as thousands \(1250\)/);
  });
});
