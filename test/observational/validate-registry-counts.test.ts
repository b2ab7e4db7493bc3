/**
 * `hta validate` on a registry prints no count that, with a count `hta analyze` publishes, gives
 * one of 1–4 the analyses hide (docs/observational.md, "Small counts", rule 14). An explorer's
 * DST-shaped export (`;`, CRLF, decimal comma, `ALDER` = `.` for 1 user and 2 non-users): validate
 * printed 77 users and 83 non-users while the report hid the export's counts and printed 76 and 81
 * analysed — 1 and 2 left out for a missing age, by subtraction. validate's summary is pasted into
 * tickets beside the report; the attacker below subtracts every pair of such counts.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';
import { validationResultSchema } from '../../src/trial/validation-schema.js';

afterAll(removeTempDirs);

const CSV = 'test/fixtures/observational/dst-missing-age.csv';
const PLAN = 'test/fixtures/observational/dst-missing-age.plan.json';
const THRESHOLD = 5;
type Masked = number | 'suppressed';

/** The per-group and total counts `analyze --json` prints (the export's, each analysis's analysed). */
function published(result: { input: { patients: { exposed: Masked; unexposed: Masked } }; analyses: { patients: { exposed: Masked; unexposed: Masked } | null }[] }) {
  const out = { intervention: [] as number[], control: [] as number[], total: [] as number[] };
  for (const p of [result.input.patients, ...result.analyses.map((a) => a.patients)]) {
    if (!p) continue;
    if (typeof p.exposed === 'number') out.intervention.push(p.exposed);
    if (typeof p.unexposed === 'number') out.control.push(p.unexposed);
    if (typeof p.exposed === 'number' && typeof p.unexposed === 'number') out.total.push(p.exposed + p.unexposed);
  }
  return out;
}

/** Every count of 1–4 a reader gets by subtracting a validate count from a published one of the same patients. */
async function derivedSmallCounts(csv: string, plan: string): Promise<string[]> {
  const analysed = await runCli('analyze', csv, '--plan', plan, '--json');
  const pub = published(JSON.parse(analysed.stdout));
  const v = await runCli('validate', csv, '--plan', plan, '--json');
  expect(v.code, v.stderr).toBe(0);
  const s = validationResultSchema.parse(JSON.parse(v.stdout));
  if (!s.valid) throw new Error('invalid');
  const found: string[] = [];
  const check = (what: string, c: Masked, of: number[]) => {
    if (c === 'suppressed') return;
    if (c > 0 && c < THRESHOLD) found.push(`${what} ${c}`);
    for (const p of of) if (Math.abs(c - p) > 0 && Math.abs(c - p) < THRESHOLD) found.push(`${what} ${c} − ${p}`);
  };
  for (const g of ['intervention', 'control'] as const) {
    check(`patients ${g}`, s.patients[g], pub[g]);
    for (const o of s.outcomes) for (const [t, n] of Object.entries(o.observed)) check(`${o.key} ${t} ${g}`, n[g], pub[g]);
  }
  for (const c of s.confounders ?? []) {
    if (c.levels.some((l) => l.patients === 'suppressed')) continue;
    check(`${c.name} levels`, c.levels.reduce((sum, l) => sum + (l.patients as number), 0), pub.total);
  }
  return found;
}

describe('validate on a registry: no count a published one turns into a hidden 1–4', () => {
  it('the missing ages (1 user, 2 non-users) are not given back by validate beside analyze', async () => {
    expect(await derivedSmallCounts(CSV, PLAN)).toEqual([]);
    // The report hides the export's counts here (rule 2): validate hides them, in words the data owner reads.
    const text = await runCli('validate', CSV, '--plan', PLAN);
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/^patients: suppressed App users \(exposed\), suppressed Non-users \(unexposed\)$/m);
    expect(text.stdout).not.toMatch(/\b(77|83|160)\b/);
    expect(text.stdout).toContain('(suppressed: a count of 1 to 4 patients, or one that would give such a count with a count the analyses publish');
    const da = await runCli('validate', CSV, '--plan', PLAN, '--lang', 'da');
    expect(da.stdout).toMatch(/^patienter: diskretioneret brugere af appen \(eksponeret\), diskretioneret ikke-brugere \(ikke-eksponeret\)$/m);
    expect(da.stdout).not.toMatch(/\b(77|83|160)\b|suppressed/);
  });

  it('every age given: nothing is hidden, and validate prints the counts the report prints', async () => {
    const dir = tempDir();
    const csv = join(dir, 'reg.csv');
    // The three "." ages filled in: every patient is analysed, so the export's counts are published.
    writeFileSync(csv, readFileSync(CSV, 'latin1').replace(/;\.;/g, ';50;'), 'latin1');
    expect(await derivedSmallCounts(csv, PLAN)).toEqual([]);
    const analysed = JSON.parse((await runCli('analyze', csv, '--plan', PLAN, '--json')).stdout);
    const v = validationResultSchema.parse(JSON.parse((await runCli('validate', csv, '--plan', PLAN, '--json')).stdout));
    expect(v.valid && v.patients).toEqual({ intervention: analysed.input.patients.exposed, control: analysed.input.patients.unexposed });
    expect(typeof analysed.input.patients.exposed).toBe('number');
    const text = await runCli('validate', csv, '--plan', PLAN);
    expect(text.stdout).not.toContain('suppressed');
  });
});
