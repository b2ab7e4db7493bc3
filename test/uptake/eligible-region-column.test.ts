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

function eligible(regionHeader: string, countHeader = 'Antal'): string {
  const f = join(tempDir(), 'eligible.csv');
  const text = readFileSync(`${F}/eligible.csv`, 'utf8').replace(/^Region;/, `${regionHeader};`).replace(/^([^\r\n]*;)Antal\b/, `$1${countHeader}`);
  expect(text.split(/\r?\n/)[0]).toContain(countHeader);
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

  it('a count column named by what it counts (Antal borgere) is drafted; an unknown one is left for the user, the rest drafted', async () => {
    // Until 6 December 2026 either threw the whole draft away ("expected a column named year"
    // while the hint named År itself: explorer win, finding 7).
    const named = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', eligible('Region', 'Antal borgere'));
    expect(named.code, named.stderr).toBe(0);
    expect((JSON.parse(named.stdout) as { columns: { eligible?: Record<string, string> } }).columns.eligible).toEqual({ year: 'År', eligible: 'Antal borgere' });
    const unknown = await runCli('plan', 'init', '--uptake', `${F}/registry.csv`, '--eligible', eligible('Region', 'Personer 18-64'));
    expect(unknown.code, unknown.stderr).toBe(0);
    const plan = JSON.parse(unknown.stdout) as { columns: { registry?: unknown; eligible?: Record<string, string> } };
    expect(plan.columns.eligible).toEqual({ year: 'År' });
    expect(plan.columns.registry).toBeDefined();
    expect(unknown.stderr).toContain('columns.eligible.eligible: no column of');
    expect(unknown.stderr).toContain('named like a count of eligible people');
    expect(unknown.stderr).toContain('"columns": { "eligible": { "eligible": "<the column of counts>" } }');
    expect(unknown.stderr).toContain('(the file\'s other column: "Personer 18-64")');
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
