/**
 * End to end on exports shaped the way real systems write them (test/fixtures/exports/*, one
 * folder per shape with its plan): `validate` accepts each, and `analyze --json` agrees with R
 * (test/reference/exports.R recodes the raw CSVs itself) to 1e-6 relative. Inputs stay byte
 * for byte.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { expectClose } from '../support/tolerance.js';
import { runCli } from '../support/run-cli.js';

interface Ref {
  fixture: string;
  outcome: string;
  time: string;
  method: 'ancova' | 'welch';
  n_intervention: number;
  n_control: number;
  difference: number;
  ciLower: number;
  ciUpper: number;
  pValue: number;
}
const REF = JSON.parse(readFileSync('test/reference/exports.json', 'utf8')) as Ref[];
export const FIXTURES = ['redcap-long', 'spss-danish', 'wide-coded', 'eq5d-danish', 'pain-diary', 'ved-ikke'];

describe.each(FIXTURES)('test/fixtures/exports/%s', (name) => {
  const dir = `test/fixtures/exports/${name}`;
  it('validates, and analyze --json matches R', async () => {
    const before = readFileSync(`${dir}/export.csv`);
    const v = await runCli('validate', `${dir}/export.csv`, '--plan', `${dir}/plan.json`, '--json');
    expect(v.code, v.stderr).toBe(0);
    const a = await runCli('analyze', `${dir}/export.csv`, '--plan', `${dir}/plan.json`, '--json');
    expect(a.code, a.stderr).toBe(0);
    const result = JSON.parse(a.stdout);
    const refs = REF.filter((r) => r.fixture === name);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) {
      const row = result.effects.find((e: { outcome: string; time: string; method: string }) => e.outcome === ref.outcome && e.time === ref.time && e.method === ref.method);
      expect(row, `${ref.outcome} ${ref.time} ${ref.method}`).toBeDefined();
      expect(row.n).toEqual({ intervention: ref.n_intervention, control: ref.n_control });
      for (const k of ['difference', 'ciLower', 'ciUpper', 'pValue'] as const) expectClose(row[k], ref[k]);
    }
    expect(readFileSync(`${dir}/export.csv`).equals(before)).toBe(true);
  });
});
