/**
 * `hta validate`'s table of observed scores for an outcome measured at fewer visits than the plan
 * (its own "timepoints", docs/plan-trial.md#outcome-timepoints): a visit it is not measured at is
 * "—" with a line saying why, not "0/0", which read as every value missing.
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = fileURLToPath(new URL('../fixtures/exports/outcome-visits/export.csv', import.meta.url));

describe('validate: an outcome not measured at a plan visit', () => {
  it('shows "—" there, in English and Danish, and counts where it is measured', async () => {
    const dir = tempDir();
    copyFileSync(FIXTURE, join(dir, 'export.csv'));
    const init = await runCli('plan', 'init', join(dir, 'export.csv'), '--out', join(dir, 'plan.json'));
    expect(init.code, init.stderr).toBe(0);
    const en = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'));
    expect(en.code, en.stderr).toBe(0);
    const odi = en.stdout.split('\n').find((l) => l.startsWith('odi '))!;
    const header = en.stdout.split('\n').find((l) => l.startsWith('outcome '))!.split(/\s{2,}/);
    const cells = odi.split(/\s{2,}/);
    expect(cells[header.indexOf('3m')]).toBe('—');
    expect(cells[header.indexOf('6m')]).toMatch(/^\d+\/\d+$/);
    expect(en.stdout).toContain('(—: not measured at that visit, as the outcome\'s own "timepoints" say)');
    // An outcome measured at every visit has counts throughout, and no "—".
    expect(en.stdout.split('\n').find((l) => l.startsWith('rmdq '))).not.toContain('—');
    const da = await runCli('validate', join(dir, 'export.csv'), '--plan', join(dir, 'plan.json'), '--lang', 'da');
    expect(da.stdout).toContain('(—: måles ikke ved det besøg, som effektmålets egne "timepoints" angiver)');
  });
});
