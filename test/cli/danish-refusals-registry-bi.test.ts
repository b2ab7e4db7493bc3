/**
 * Under --lang da, the refusals a regional BI export meets first (docs/cli.md "Danish output"):
 * an empty clinic, a region the eligible file does not name, the registry's total row and the
 * eligible file's year — each line was English whole under the Danish headline.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

describe('--lang da: the registry refusals of BI exports', () => {
  const dir = tempDir();
  const registry = join(dir, 'registry.csv');
  writeFileSync(registry, 'id,region,clinic,referred,activated,last_active,age,sex,referrer\nP1,Hovedstaden,,2025-01-05,,,40,f,gp\nP2,Atlantis,K1,2025-01-05,,,40,f,gp\nP3,Hovedstaden,K1,2025-01-06,,,40,f,gp\nTotal,,,,,,,,3\n');

  it('empty clinic, unknown region and total row are worded in Danish', async () => {
    const r = await runCli('uptake', registry, '--eligible', 'test/uptake/fixtures/eligible-small.csv', '--plan', 'data/plans/uptake.plan.json', '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('registry.csv:2:3 (clinic): "" — forventet et kliniknavn (hver henvisning skal have sin klinik til klinikkernes tragtplot): udfyld tomme celler med et navn som "ukendt"');
    expect(r.stderr).toContain('registry.csv:3:2 (region): "Atlantis" — forventet en af Hovedstaden, Midtjylland, Syddanmark, Sjælland, Nordjylland (regionerne i test/uptake/fixtures/eligible-small.csv), eventuelt skrevet "Region …"; knyt andre stavemåder til dem med optagsplanens "regions"');
    expect(r.stderr).toContain('registry.csv:5:1 (id): "Total" — forventet en henvisning: rækken er en totalrække');
    expect(r.stderr).not.toContain('expected');
  }, 30_000);

  it("the eligible file's year", async () => {
    const eligible = join(dir, 'eligible.csv');
    writeFileSync(eligible, 'region,year,eligible\nHovedstaden,2025,100\nMidtjylland,x,40\n');
    const r = await runCli('uptake', registry, '--eligible', eligible, '--plan', 'data/plans/uptake.plan.json', '--lang', 'da');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('eligible.csv:3:2 (year): "x" — forventet et firecifret årstal');
    expect(r.stderr).not.toContain('expected');
  }, 30_000);
});
