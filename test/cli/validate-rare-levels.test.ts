/**
 * `hta validate` on a registry plan pools a confounder's rare levels as the report does (an index
 * date held by 2 patients, a referrer code of 3): one unnamed entry with how many levels it holds,
 * never their values — validate's output is pasted into tickets and e-mails, and such a value
 * tells that so few patients have it (docs/observational.md, "Checking the confounders";
 * src/observational/confounder-levels.ts). It had listed each one by name, "suppressed" beside it.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const dir = tempDir();
const data = completeRegistryRows(300);
data.names.push('index_date');
data.rows.forEach((r, i) => {
  // Two patients on 17APR2024, three on 20MAY2024; the rest on three common days. Three "g.p.".
  r.index_date = i < 2 ? '17APR2024' : i < 5 ? '20MAY2024' : ['01JAN2024', '02JAN2024', '03JAN2024'][i % 3]!;
  if (i >= 5 && i < 8) r.referrer = 'g.p.';
});
writeFileSync(join(dir, 'registry.csv'), registryCsv(data));
const plan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { observational: { confounders: unknown[] } };
plan.observational.confounders.push({ name: 'index_date', type: 'categorical' });
writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan));

describe('validate: rare confounder levels are pooled, not named', () => {
  it('the text: the common levels by name, the rare ones as a count of levels', async () => {
    const r = await runCli('validate', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'));
    expect(r.code, r.stderr).toBe(0);
    const out = r.stdout + r.stderr;
    for (const rare of ['17APR2024', '20MAY2024', 'g.p.']) expect(out).not.toContain(rare);
    expect(out).toContain('index_date: 5 levels: "01JAN2024" 98, "02JAN2024" 98, "03JAN2024" 99, 2 other levels (each with fewer than 5 patients; not named) 5');
    // The level written two ways is still noted, by the common level it resembles.
    expect(out).toContain('"gp" beside a level with fewer patients than the suppression threshold (not named)');
  });

  it('--json: one entry of value "" with the number of levels pooled', async () => {
    const r = await runCli('validate', join(dir, 'registry.csv'), '--plan', join(dir, 'plan.json'), '--json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).not.toMatch(/17APR2024|20MAY2024|g\.p\./);
    const json = JSON.parse(r.stdout) as { confounders: { name: string; levels: { value: string; patients: number | string; pooled?: number }[] }[] };
    const index = json.confounders.find((c) => c.name === 'index_date')!;
    expect(index.levels).toEqual([{ value: '01JAN2024', patients: 98 }, { value: '02JAN2024', patients: 98 }, { value: '03JAN2024', patients: 99 }, { value: '', patients: 5, pooled: 2 }]);
  });
});
