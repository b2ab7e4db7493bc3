/**
 * A covariate holding exactly three whole numbers (education coded 1/2/3) is read only as the plan
 * says (column-kind.ts, rule 3). plan init drafts it as categories and says so — before, the
 * drafted plan failed its own validate and plan init wrote nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

function exportWithCodes(codes: readonly string[]): string {
  const rows = ['id;gruppe;alder;uddannelse;rmdq_baseline;rmdq_3m'];
  for (let i = 0; i < 40; i++) rows.push(`${i + 1};${i % 2 ? 'app' : 'usual'};${30 + i};${codes[(i * 7) % codes.length]};${5 + (i % 13)};${2 + ((i * 5) % 15)}`);
  return rows.join('\n') + '\n';
}

describe('plan init on a covariate coded 1/2/3', () => {
  it('drafts "covariateTypes": "categorical" with a check, and validate reads the export', async () => {
    const dir = tempDir();
    const csv = join(dir, 'export.csv'), plan = join(dir, 'plan.json');
    writeFileSync(csv, exportWithCodes(['1', '2', '3']));
    const init = await runCli('plan', 'init', csv, '--out', plan);
    expect(init.code, init.stderr).toBe(0);
    expect(JSON.parse(readFileSync(plan, 'utf8')).covariateTypes).toEqual({ uddannelse: 'categorical' });
    expect(init.stderr).toContain('"uddannelse" has only the values 1, 2, 3: drafted as three categories');
    expect((await runCli('validate', csv, '--plan', plan)).code).toBe(0);
  });

  it('drafts nothing for two codes or for measurements', async () => {
    for (const codes of [['1', '2'], ['1', '2', '3', '4', '5', '6', '7', '8'], ['10', '20', '30', '40']]) {
      const dir = tempDir();
      const csv = join(dir, 'export.csv'), plan = join(dir, 'plan.json');
      writeFileSync(csv, exportWithCodes(codes));
      expect((await runCli('plan', 'init', csv, '--out', plan)).code).toBe(0);
      expect(JSON.parse(readFileSync(plan, 'utf8')).covariateTypes).toBeUndefined();
    }
  });
});
