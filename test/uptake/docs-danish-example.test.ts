/**
 * docs/plan-uptake.md "Example: a Danish regional export", run as written on a Danish export of
 * the bundled registry (`PatientID;Region;…`, `dd-mm-yyyy` dates, counts written `37.272`). Its
 * `"firstYear": 2025` with `"exportDate": "2025-12-31"` drew the tool's own note that the export
 * observed 2025 in full (found by a new user): the documented example must run clean.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

/** The JSON block under the page's "Example: a Danish regional export" heading. */
function documentedPlan(): string {
  const page = readFileSync('docs/plan-uptake.md', 'utf8');
  const section = page.slice(page.indexOf('## Example: a Danish regional export'));
  return /```json\n([\s\S]*?)```/.exec(section)![1]!;
}

/** The bundled registry and eligible file as a Danish export: semicolons, BOM, Danish names, dd-mm-yyyy, `37.272`. */
function danishExport(dir: string): { registry: string; eligible: string } {
  const [, ...rows] = readFileSync('data/synthetic/registry.csv', 'utf8').trim().split('\n');
  const dmy = (d: string) => (d ? d.split('-').reverse().join('-') : '');
  const registry = join(dir, 'henvisninger.csv');
  writeFileSync(registry, '\uFEFF' + ['PatientID;Region;Klinik;Henvist;Aktiveret;SidstAktiv;Alder;Køn;Henviser', ...rows.map((r) => {
    const [id, region, clinic, referred, activated, last, age, sex, referrer] = r.split(',');
    return [id, region, clinic, dmy(referred!), dmy(activated!), dmy(last!), age, sex, referrer].join(';');
  })].join('\r\n') + '\r\n');
  const [, ...counts] = readFileSync('data/synthetic/eligible.csv', 'utf8').trim().split('\n');
  const eligible = join(dir, 'borgere.csv');
  writeFileSync(eligible, '\uFEFF' + ['Region;År;Antal', ...counts.map((r) => {
    const [region, year, n] = r.split(',');
    return [region, year, Number(n).toLocaleString('da-DK')].join(';');
  })].join('\r\n') + '\r\n');
  return { registry, eligible };
}

describe('the Danish regional example of docs/plan-uptake.md', () => {
  it('runs as written with no note or warning (firstYear after the export)', async () => {
    const dir = tempDir();
    const plan = join(dir, 'uptake.plan.json');
    writeFileSync(plan, documentedPlan());
    const { registry, eligible } = danishExport(dir);
    const r = await runCli('uptake', registry, '--eligible', eligible, '--plan', plan, '--first-publication');
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Hovedstaden');
  });
});

describe("README's uptake example", () => {
  it('is a first publication and says so: no warning that an earlier one may be missing', async () => {
    const line = readFileSync('README.md', 'utf8').split('\n').find((l) => l.startsWith('node bin/hta.js uptake data/synthetic/registry.csv'))!;
    const args = line.replace(/^node bin\/hta\.js /, '').split(' ');
    expect(args).toContain('--first-publication');
    const r = await runCli(...args);
    expect(r.code).toBe(0);
    expect(r.stderr).not.toMatch(/^warning:/m);
  });
});
