// A per-patient cost column already in money ("kr. 1.234,50", "1.234,50 kr.") was refused as "a
// number of units" with advice to add a missing code. A column of amounts is an item whose unit
// cost is 1 (docs/plan-cea.md#costs-already-in-money): its cells may carry the plan's currency.
import { readFileSync, writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { analyseCeaFiles } from '../../src/cea/analyze-cea-files.js';
import { formatError, HtaError } from '../../src/errors.js';
import { ceaFixture } from '../support/cea-fixture.js';
import { removeTempDirs } from '../support/run-cli.js';

afterAll(removeTempDirs);

const run = (f: { exportFile: string; plan: string }) => analyseCeaFiles({ dataFile: f.exportFile, planFile: f.plan, version: 't', dataName: 'export.csv', planName: 'cea.json', replicates: 100 });

/** The fixture with its GP column as amounts (unit cost `unitCost`), each 3-month cell written by `write`. */
function amounts(unitCost: number, write: (n: string, i: number) => string) {
  const f = ceaFixture({ unitCostRows: [`gp,${unitCost},EUR,2021,spend`] });
  let i = 0;
  writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').split('\n').map((l) => (/^P\d+,\w+,3m,/.test(l) ? l.replace(/,([^,]*)$/, (_, n: string) => `,${write(n, i++)}`) : l)).join('\n'));
  return f;
}

function refusal(fn: () => unknown): string {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(HtaError);
    return formatError(e as HtaError);
  }
  throw new Error('not refused');
}

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
});
