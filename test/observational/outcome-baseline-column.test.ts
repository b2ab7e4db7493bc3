/**
 * A wide registry export in which one outcome has its follow-up column only while the others have
 * a baseline column too (DST's person file: `sygeuger_bl/_12m`, `eq5d_bl/_12m`, and a redemption
 * flag at 12 months only). With "baselineAsConfounder" (the default) validate said "valid" and
 * analyze "too few patients" and "a person without an event must be 0, not empty" (exit 1) — for
 * a file with no empty cell. Now both refuse it at the header (exit 2), naming the missing column
 * and the option (docs/observational.md, "An export with follow-up values only").
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const CSV = 'test/fixtures/observational/dst-missing-age.csv';
const PLAN = 'test/fixtures/observational/dst-missing-age.plan.json';

/** The DST-shaped export without the column `drop` (`;`, CRLF, cp1252 as the research machine writes it). */
function without(drop: string, plan: (p: Record<string, unknown>) => Record<string, unknown> = (p) => p) {
  const dir = tempDir();
  const lines = readFileSync(CSV, 'latin1').split('\r\n');
  const at = lines[0]!.split(';').indexOf(drop);
  expect(at).toBeGreaterThan(0);
  const out = lines.map((l) => (l === '' ? l : l.split(';').filter((_, i) => i !== at).join(';')));
  writeFileSync(join(dir, 'reg.csv'), out.join('\r\n'), 'latin1');
  writeFileSync(join(dir, 'plan.json'), JSON.stringify(plan(JSON.parse(readFileSync(PLAN, 'utf8')))));
  return { csv: join(dir, 'reg.csv'), plan: join(dir, 'plan.json'), dir };
}

describe('an outcome without a baseline column beside outcomes with one', () => {
  it('validate and analyze refuse it, naming the column and "baselineAsConfounder": false', async () => {
    const f = without('sygemeldt_bl');
    for (const command of ['validate', 'analyze']) {
      const r = await runCli(command, f.csv, '--plan', f.plan);
      expect(r.code, `${command}: ${r.stderr}`).toBe(2);
      expect(r.stderr).toContain('reg.csv:1: "sygemeldt_bl" — expected a column "sygemeldt_bl" for outcome "sygemeldt" at the plan\'s baseline "bl"');
      expect(r.stderr).toContain('and the export has "sygemeldt_12m" only');
      expect(r.stderr).toContain('analyse it in a plan of its own with "observational": { "baselineAsConfounder": false }');
      // Not the wrong diagnoses it had: a file with no empty cell.
      expect(r.stderr).not.toMatch(/too few patients|must be 0, not empty/);
      expect(r.stdout).toBe('');
    }
  });

  it('with "baselineAsConfounder": false the same export is read, the outcome at 12 months', async () => {
    const f = without('sygemeldt_bl', (p) => ({ ...p, observational: { ...(p.observational as object), baselineAsConfounder: false } }));
    const r = await runCli('validate', f.csv, '--plan', f.plan);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('valid (wide layout)');
  });

  it('an outcome with its baseline column is not refused (the fixture as it is)', async () => {
    const r = await runCli('validate', CSV, '--plan', PLAN);
    expect(r.code, r.stderr).toBe(0);
  });
});
