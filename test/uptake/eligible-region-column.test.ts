/**
 * An eligible file whose region column hta does not recognise (`Enhet;År;Antal`): plan init used
 * to drop every eligible column, År and Antal too, and `hta uptake` said "expected a column named
 * region" without naming the plan key that maps it (docs/plan-uptake.md "columns").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const F = 'test/fixtures/exports/registry-dk-sql-shapes';

function eligible(regionHeader: string): string {
  const f = join(tempDir(), 'eligible.csv');
  const text = readFileSync(`${F}/eligible.csv`, 'utf8').replace(/^Region;/, `${regionHeader};`);
  writeFileSync(f, text);
  return f;
}

describe('an eligible file with an unrecognised region column', () => {
  it('plan init drafts the year and count columns and names columns.eligible.region for the user', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', eligible('Enhet'));
    expect(r.code).toBe(0);
    const plan = JSON.parse(r.stdout) as { columns: { eligible?: Record<string, string> } };
    expect(plan.columns.eligible).toEqual({ year: 'År', eligible: 'Antal' });
    expect(r.stderr).toContain('columns.eligible.region: no column of');
    expect(r.stderr).toContain('(the file\'s other column: "Enhet")');
  });

  it('Norwegian and Swedish names of the region column are recognised', async () => {
    for (const name of ['Helseforetak', 'Län']) {
      const r = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', eligible(name));
      expect(r.code, r.stderr).toBe(0);
      expect((JSON.parse(r.stdout) as { columns: { eligible?: Record<string, string> } }).columns.eligible).toEqual({ region: name, year: 'År', eligible: 'Antal' });
    }
  });

  it('hta uptake names the plan key that maps the column, and drafts the known ones in the hint', async () => {
    const plan = JSON.parse(readFileSync(`${F}/uptake.plan.json`, 'utf8')) as { columns?: { eligible?: unknown } };
    delete plan.columns?.eligible;
    const planFile = join(tempDir(), 'plan.json');
    writeFileSync(planFile, JSON.stringify(plan));
    const r = await runCli('uptake', `${F}/registry.csv`, '--eligible', eligible('Enhet'), '--plan', planFile);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(region): — expected a column named "region", or the file\'s own column named in the plan\'s columns.eligible.region (have: Enhet, År, Antal)');
    expect(r.stderr).toContain('"columns": { "eligible": { "year": "År", "eligible": "Antal", "region": "<the file\'s column of region names>" } }');
  });
});
