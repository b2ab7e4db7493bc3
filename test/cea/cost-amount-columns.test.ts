// A per-patient cost column already in money ("kr. 1.234,50", "1.234,50 kr.") was refused as "a
// number of units" with advice to add a missing code. A column of amounts is an item whose unit
// cost is 1 (docs/plan-cea.md#costs-already-in-money): its cells may carry the plan's currency.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { noteIn } from '../../src/cea/load-cea-plan.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';
import { refusalText } from '../support/error-of.js';

afterAll(removeTempDirs);

// The notes as `hta cea` prints them in English (some have a Danish form too).
const run = (f: { exportFile: string; plan: string }) => {
  const r = analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });
  return { ...r, notes: r.notes.map((n) => noteIn(n, 'en')) };
};

/** The fixture with its GP column as amounts (unit cost `unitCost`), each 3-month cell written by `write`. */
function amounts(unitCost: number, write: (n: string, i: number) => string, o: { currency?: string; decimalComma?: boolean } = {}) {
  const currency = o.currency ?? 'EUR';
  const f = ceaFixture({ unitCostRows: [`gp,${unitCost},${currency},2021,spend`], planExtra: { currency } });
  let i = 0;
  // A decimal-comma export as Danish Excel writes it: `;` between cells, `0,817`.
  const sep = o.decimalComma ? ';' : ',';
  writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => {
    const line = o.decimalComma ? l.split(',').map((c) => c.replace('.', ',')).join(';') : l;
    if (!/^P\d+,\w+,3m,/.test(l)) return line;
    const cells = line.split(sep);
    const text = write(cells[cells.length - 1]!, i++);
    cells[cells.length - 1] = text.includes(sep) ? `"${text}"` : text;
    return cells.join(sep);
  }).join('\n'));
  return f;
}

const refusal = refusalText;

describe('cost columns in money', () => {
  it('reads amounts with the plan\'s currency before or after them when the item\'s unit cost is 1', () => {
    const plain = run(amounts(1, (n) => n)).result;
    const marks = ['€ %', '%€', 'EUR %', '% EUR', '€%'];
    const marked = run(amounts(1, (n, i) => marks[i % marks.length]!.replace('%', n))).result;
    expect(marked.totalCost).toEqual(plain.totalCost);
    expect(marked.incrementalCost).toEqual(plain.incrementalCost);
    expect(plain.totalCost.intervention.mean).toBeGreaterThan(0);
  });

  it('refuses an amount in a column of units, naming the unit cost and the fix', () => {
    const text = refusal(() => run(amounts(30, (n) => `€ ${n}`)));
    expect(text).toContain('(ru_gp): "€ ');
    expect(text).toContain('expected a number of units ≥ 0: this is an amount of money, and item "gp" counts units at 30 EUR each — for a column of amounts in EUR (a medicine spend, a register\'s costs), give the item the unit cost 1');
    expect(text).not.toContain('missingCodes');
  });

  it('refuses an amount in another currency, never converting it', () => {
    expect(refusal(() => run(amounts(1, (n) => `kr. ${n}`)))).toContain('expected an amount in EUR, the plan\'s currency ("kr." is not EUR; convert the amounts first)');
  });

  // Danish amounts keep their own separators, whichever decimal mark the export's numbers (0.817) use.
  for (const decimalComma of [false, true]) {
    const mark = decimalComma ? 'comma' : 'point';
    it(`reads "kr. 1.234,50" and "1.234,50 kr." as 1234.5 DKK in a decimal-${mark} export`, () => {
      const o = { currency: 'DKK', decimalComma };
      const plain = run(amounts(1, (n, i) => (i % 3 < 2 ? (decimalComma ? '1234,5' : '1234.5') : n), o)).result;
      // Each way of writing in both arms (a text wholly in one arm would look like a cluster column).
      const money = (i: number) => (i % 3 === 0 ? 'kr. 1.234,50' : i % 3 === 1 ? '1.234,50 kr.' : Math.floor(i / 6) % 2 ? 'kr. %' : '%,00 kr.');
      const marked = run(amounts(1, (n, i) => money(i).replace('%', n), o)).result;
      expect(marked.totalCost).toEqual(plain.totalCost);
      expect(marked.incrementalCost).toEqual(plain.incrementalCost);
      // Two cells in three are 1234.5: the mean total cost is in the hundreds, not a few kroner.
      expect(plain.totalCost.intervention.mean).toBeGreaterThan(500);
    });
  }

  it('refuses an amount that reads either way when no other amount decides, never guessing', () => {
    const text = refusal(() => run(amounts(1, (n, i) => (i === 0 ? 'kr. 1.234' : `kr. ${n}`), { currency: 'DKK' })));
    expect(text).toContain('(ru_gp): "kr. 1.234" — expected an amount that cannot be misread: is "kr. 1.234" thousands or decimals?');
    expect(text).not.toContain('is not DKK');
  });

  it('refuses amounts whose separators disagree, naming the odd one', () => {
    const text = refusal(() => run(amounts(1, (n, i) => (i === 0 ? 'kr. 12.50' : `${n},00 kr.`), { currency: 'DKK' })));
    expect(text).toContain('(ru_gp): "kr. 12.50" — expected an amount with the decimal comma, like the 47 other amounts in the column that show their decimal mark');
  });
});

describe('money on a row no period counts', () => {
  /** The fixture in DKK with the GP column as amounts and `kr. 240` on the `visit` row of patients 0 and 1. */
  function moneyOn(visit: string) {
    const f = ceaFixture({ unitCostRows: ['gp,1,DKK,2021,spend'], planExtra: { currency: 'DKK' } });
    writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (new RegExp(`^P[01],\\w+,${visit},`).test(l) ? `${l}kr. 240` : l)).join('\n'));
    return f;
  }

  it('refuses it on a visit before the last period, as a count there is', () => {
    const f = moneyOn('6w');
    const text = refusal(() => run(f));
    expect(text).toContain(`(ru_gp): "kr. 240" — expected resource use only on the rows of the visits in "periods" of ${f.plan}: 2 "6w" rows hold units, which no period counts`);
  });

  it('notes it on the baseline row as not counted', () => {
    const said = run(moneyOn('baseline')).notes.filter((x) => x.includes('baseline resource use (the months before randomisation) is not counted'));
    expect(said).toHaveLength(1);
    expect(said[0]).toContain('2 baseline rows hold units in "ru_gp"');
  });
});
