/**
 * `hta cea` names the files the plan points to as the user gave the plan: relative to the plan's
 * folder as written on the command line (`plans/priser.csv:2:3`), not by an absolute path
 * (src/cea/load-cea-plan.ts besidePlan), in errors and notes alike.
 */
import { writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../support/run-cli.js';
import { ceaFixture } from '../support/cea-fixture.js';

/** The absolute path, not as the tail of the relative one ("../../tmp/x/…" holds "/tmp/x/…"). */
const absolute = (dir: string) => new RegExp(`(^|[\\s"'(])${join(dir, 'unit-costs.csv').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`, 'm');

describe('hta cea names the price list as the user gave the plan', () => {
  it('an error in the unit-cost file: its path relative to the plan as given, never absolute', async () => {
    const f = ceaFixture({ unitCostRows: ['gp,30,DKK,2021,test tariff'] });
    const plan = relative(process.cwd(), f.plan);
    const run = await runCli('cea', f.exportFile, '--plan', plan);
    expect(run.code).toBe(2);
    const shown = join(dirname(plan), 'unit-costs.csv');
    expect(run.stderr).toContain(`${shown}:2:3 (currency): "DKK"`);
    expect(run.stderr).not.toMatch(absolute(f.dir));
  });

  it('the notes on a Danish header and a missing row name it the same way', async () => {
    const f = ceaFixture();
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'Ydelse;Enhedspris;Valuta;Prisår;Kilde\nfysioterapi;30;EUR;2021;takst\n');
    const plan = relative(process.cwd(), f.plan);
    const run = await runCli('cea', f.exportFile, '--plan', plan);
    const shown = join(dirname(plan), 'unit-costs.csv');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${shown}`);
    expect(run.stderr).not.toMatch(absolute(f.dir));
    writeFileSync(join(f.dir, 'unit-costs.csv'), 'Ydelse;Enhedspris;Valuta;Prisår;Kilde\ngp;30;EUR;2021;takst\n');
    const ok = await runCli('cea', f.exportFile, '--plan', plan, '--replicates', '100');
    expect(ok.code, ok.stderr).toBe(0);
    expect(ok.stderr).toContain(`note: ${shown}: column "Enhedspris" (column 2) read as unit_cost`);
    expect(ok.stderr).not.toMatch(absolute(f.dir));
  });
});
