/**
 * `hta cea` with a health economist's own files: a finance department's Danish price list
 * (`;`, BOM, CRLF, thousands dots, `kr.`, an unused item, a `;;;;` row) and an export whose
 * resource column was renamed. The expected total is read off the files: 1.234,50 kr. per GP
 * visit, so the mean control cost is 1234.5 × the mean number of visits — the same run with the
 * plain price `1234.5` is the reference.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ceaFixture } from '../support/cea-fixture.js';
import { runCli } from '../support/run-cli.js';

function dkkPlan(plan: string): void {
  writeFileSync(plan, JSON.stringify({ ...JSON.parse(readFileSync(plan, 'utf8')), currency: 'DKK', priceYear: 2023 }));
}

describe('hta cea with the user\'s own files', () => {
  it('reads a Danish price list (1.234,50 kr., an unused item, an empty row) as the plain price 1234.5', async () => {
    const dk = ceaFixture();
    dkkPlan(dk.plan);
    writeFileSync(`${dk.dir}/unit-costs.csv`, '\ufeffitem;unit_cost;currency;price_year;source\r\ngp;1.234,50 kr.;DKK;2023;Honorartabel\r\ntransport;"2.100";DKK;2023;Kørsel\r\n;;;;\r\n');
    const plain = ceaFixture();
    dkkPlan(plain.plan);
    writeFileSync(`${plain.dir}/unit-costs.csv`, 'item,unit_cost,currency,price_year,source\ngp,1234.5,DKK,2023,Honorartabel\n');
    const [a, b] = await Promise.all([runCli('cea', dk.exportFile, '--plan', dk.plan, '--json'), runCli('cea', plain.exportFile, '--plan', plain.plan, '--json')]);
    expect(a.code, a.stderr).toBe(0);
    expect(b.code, b.stderr).toBe(0);
    const [ra, rb] = [JSON.parse(a.stdout), JSON.parse(b.stdout)];
    expect(ra.unitCosts).toEqual(rb.unitCosts);
    expect(ra.totalCost).toEqual(rb.totalCost);
    expect(ra.unitCosts[0]).toMatchObject({ item: 'gp', cost: 1234.5 });
  });

  it('reads a price list with Danish column names (Ydelse;Enhedspris;Valuta;Prisår;Kilde) and says so on stderr, column by column', async () => {
    const dk = ceaFixture();
    dkkPlan(dk.plan);
    writeFileSync(`${dk.dir}/unit-costs.csv`, '\ufeffYdelse;Enhedspris;Valuta;Prisår;Kilde\r\ngp;1.234,50 kr.;DKK;2023;Honorartabel\r\n');
    const run = await runCli('cea', dk.exportFile, '--plan', dk.plan, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).unitCosts[0]).toMatchObject({ item: 'gp', cost: 1234.5, source: 'Honorartabel' });
    for (const [da, en] of [['Ydelse', 'item'], ['Enhedspris', 'unit_cost'], ['Valuta', 'currency'], ['Prisår', 'price_year'], ['Kilde', 'source']]) {
      expect(run.stderr).toMatch(new RegExp(`note: .*unit-costs\\.csv: column "${da}" \\(column \\d\\) read as ${en}\\n`));
    }
  });

  it('names the renamed resource column it expected, with a near-miss hint', async () => {
    const f = ceaFixture();
    // `RU_GP` alone is read as "ru_gp" (docs/input-trial-export.md, "How column names are matched"); a typo is not.
    writeFileSync(f.exportFile, readFileSync(f.exportFile, 'utf8').replace('ru_gp', 'RU_GPS'));
    const run = await runCli('cea', f.exportFile, '--plan', f.plan);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('expected a resource-use column "ru_gp" (item "gp" of');
    expect(run.stderr).toContain('did you mean "RU_GPS"?');
  });
});
