/**
 * A cell shaped like a CPR number is never quoted in a problem message or in --json, whatever the
 * column (an arm cell holding a CPR number by a slip of the export; found in review): only the
 * registry refused such cells before.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

describe('a CPR-shaped cell in a trial export', () => {
  it('is named by line and column, never quoted, in text and --json', async () => {
    const dir = tempDir();
    const csv = join(dir, 'export.csv');
    const rows = ['id,arm,time,rmdq'];
    for (let i = 1; i <= 8; i++) rows.push(`P${i},${i % 2 ? 'app' : 'usual'},baseline,${i + 4}`, `P${i},${i % 2 ? 'app' : 'usual'},3m,${i + 2}`);
    rows.push('P9,0404881234,baseline,7', 'P10,app,baseline,120588-1234');
    writeFileSync(csv, rows.join('\n') + '\n');
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, JSON.stringify({ arms: { intervention: 'app', control: 'usual' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] }));
    for (const args of [[], ['--json']]) {
      const r = await runCli('validate', csv, '--plan', plan, ...args);
      expect(r.code).toBe(2);
      const text = r.stdout + r.stderr;
      expect(text).not.toContain('0404881234');
      expect(text).not.toContain('120588-1234');
      // Refused as CPR numbers outside the id column, by line and column (cpr-outside-id.test.ts).
      expect(text).toContain('that look like CPR numbers');
      expect(text).toMatch(/export\.csv:18:2|lines 18–19/);
    }
  });
});

describe('a registry CSV given where a results.json is expected', () => {
  it('--audit --published and --previous say it looks like a CSV file and quote nothing of it', async () => {
    const dir = tempDir();
    const csv = join(dir, 'cpr2.csv');
    writeFileSync(csv, '\uFEFF  P1;"Region Hovedstaden";0101901234\nP2;"Region Sjælland";0202902345\n');
    const published = await runCli('uptake', '--audit', '--published', csv);
    const F = 'test/fixtures/exports/registry-dk-sql-shapes';
    const previous = await runCli('uptake', `${F}/registry.csv`, '--eligible', `${F}/eligible.csv`, '--plan', `${F}/uptake.plan.json`, '--previous', csv);
    const plan = join(dir, 'plan.json');
    writeFileSync(plan, 'P1;Hovedstaden\n');
    const asPlan = await runCli('uptake', csv, '--eligible', csv, '--plan', plan);
    for (const r of [published, previous, asPlan]) {
      expect(r.code).toBe(2);
      const text = r.stdout + r.stderr;
      expect(text).toContain('looks like a CSV or text file, not a JSON file');
      expect(text).not.toContain('P1;');
      expect(text).not.toContain('0101901234');
    }
  });
});
