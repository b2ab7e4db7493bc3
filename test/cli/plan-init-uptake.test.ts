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
    expect(draft.values).toEqual({ referrer: { 'Egen læge': 'gp' } });
    expect(draft.dateFormat).toBe('dd-mm-yyyy');
    expect(r.stderr).toContain('regions seen in all 420 rows: Region Midtjylland, HOVEDSTADEN, Region Syddanmark, NORDJYLLAND, Region Sjælland');
    expect(r.stderr).toContain('placeholders');
  });

  it('Norwegian names, ISO date-times and codes it cannot place are reported', async () => {
    const r = await runCli('plan', 'init', '--uptake', `${FX}/registry-no/registry.csv`);
    const draft = JSON.parse(r.stdout) as { columns: { registry: Record<string, string> }; dateFormat: string; values: unknown };
    expect(draft.columns.registry).toEqual({ id: 'pasient_id', region: 'helseregion', clinic: 'klinikk', referred: 'henvist', activated: 'aktivert', last_active: 'sist_aktiv', age: 'alder', sex: 'kjonn', referrer: 'henviser' });
    expect(draft.dateFormat).toBe('iso-datetime');
    expect(draft.values).toEqual({ referrer: { fastlege: 'gp', annet: 'other' } });
  });
});
