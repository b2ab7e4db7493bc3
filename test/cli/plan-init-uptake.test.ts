import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { runCli } from '../support/run-cli.js';

const FX = 'test/fixtures/exports';

describe('hta plan init --uptake', () => {
  it('drafts a valid plan whose column mapping, codes and date format are those the fixture needs', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${FX}/registry-dk-regional/registry.csv`);
    expect(r.code).toBe(0);
    const draft = JSON.parse(r.stdout) as Record<string, unknown>;
    expect(() => parseUptakePlan(draft)).not.toThrow();
    const fixture = JSON.parse(readFileSync(`${FX}/registry-dk-regional/uptake.plan.json`, 'utf8')) as { columns: { registry: Record<string, string> } };
    const { region: _sameName, ...mapped } = fixture.columns.registry;
    expect(draft.columns).toEqual({ registry: mapped });
    // `Egen læge` is a built-in code for gp: nothing left to map.
    expect(draft.values).toBeUndefined();
    expect(draft.dateFormat).toBe('dd-mm-yyyy');
    expect(r.stderr).toContain('regions seen in all 420 rows: Region Midtjylland, HOVEDSTADEN, Region Syddanmark, NORDJYLLAND, Region Sjælland');
    expect(r.stderr).toContain('placeholders');
  });

  it('Norwegian names and ISO date-times are read, and its referrer codes are built in', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${FX}/registry-no/registry.csv`);
    const draft = JSON.parse(r.stdout) as { columns: { registry: Record<string, string> }; dateFormat: string; values: unknown };
    expect(draft.columns.registry).toEqual({ id: 'pasient_id', region: 'helseregion', clinic: 'klinikk', referred: 'henvist', activated: 'aktivert', last_active: 'sist_aktiv', age: 'alder', sex: 'kjonn', referrer: 'henviser' });
    expect(draft.dateFormat).toBe('iso-datetime');
    // `fastlege` and `annet` are built-in Norwegian codes since session 23 (docs/input-registry.md): nothing left to map.
    expect(draft.values).toBeUndefined();
  });
});

describe('hta plan init --uptake: the draft, with the edits its notes list, reads the fixture', () => {
  it.each(['registry-dk-regional', 'registry-no'])('%s', async (name) => {
    const { writeFileSync } = await import('node:fs');
    const { join } = await import('node:path');
    const { tempDir } = await import('../support/run-cli.js');
    const r = await runCli('plan', 'init', '--uptake', `${FX}/${name}/registry.csv`);
    expect(r.stderr).toMatch(/columns\.eligible/);
    expect(r.stderr).toMatch(/placeholders/);
    const draft = JSON.parse(r.stdout) as Record<string, unknown> & { columns: Record<string, unknown> };
    const fixture = JSON.parse(readFileSync(`${FX}/${name}/uptake.plan.json`, 'utf8')) as Record<string, unknown> & { columns: Record<string, unknown> };
    // The edits the notes ask for: the eligible file's column names, region spellings, and the
    // price model and scenarios in place of the placeholders.
    const edited = { ...draft, columns: { ...draft.columns, ...(fixture.columns.eligible ? { eligible: fixture.columns.eligible } : {}) } } as Record<string, unknown>;
    for (const key of ['regions', 'priceModel', 'scenarios', 'firstYear', 'currency', 'exportDate']) if (fixture[key] !== undefined) edited[key] = fixture[key];
    const plan = join(tempDir(), 'plan.json');
    writeFileSync(plan, JSON.stringify(edited));
    const run = await runCli('uptake', `${FX}/${name}/registry.csv`, '--eligible', `${FX}/${name}/eligible.csv`, '--plan', plan, '--json');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).metrics.length).toBeGreaterThan(0);
  });
});
