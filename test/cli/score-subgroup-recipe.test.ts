/**
 * docs/subgroups.md "Baseline severity": a subgroup (or population criterion) on a questionnaire
 * the plan scores from its items names the outcome key, which `analyze` refuses on the raw export
 * and tells the user to write with `hta score … --plan <plan>`. `score` refused the same plan with
 * the same message (found by a new user following the docs), so the recipe could not be followed.
 * The export is a REDCap long export of 80 patients with RMDQ items answered Ja/Nej.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { runCli, tempDir } from '../support/run-cli.js';

const EXPORT = 'test/fixtures/docs-recipes/redcap-export.csv';
const BASE = JSON.parse(readFileSync('test/fixtures/docs-recipes/redcap.plan.json', 'utf8')) as Record<string, unknown>;

function planWith(extra: Record<string, unknown>): string {
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify({ ...BASE, ...extra }, null, 2));
  return file;
}

const SUBGROUP = { subgroups: [{ column: 'rmdq', label: { en: 'baseline disability' }, cuts: [8, 14], prespecified: true }] };

describe('the baseline-severity recipe of docs/subgroups.md, as written', () => {
  it('analyze on the raw export still refuses and names hta score', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', planWith(SUBGROUP));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('"rmdq" is the key of one of the plan\'s outcomes');
  });

  it('hta score with the subgroup plan writes the rmdq column, and analyze with the same plan splits by it', async () => {
    const plan = planWith(SUBGROUP);
    const scored = join(tempDir(), 'scored.csv');
    const s = await runCli('score', EXPORT, '--plan', plan, '--out', scored);
    expect(s.stderr).not.toMatch(/error/);
    expect(s.code).toBe(0);
    const table = parseCsvText(readFileSync(scored, 'utf8'), 'scored.csv');
    expect(table.header.at(-1)).toBe('rmdq');
    // The first patient's baseline answers: 14 "Ja" of 24 items.
    expect(table.records[0]!.raw.at(-1)).toBe('14');
    const a = await runCli('analyze', scored, '--plan', plan, '--json');
    expect(a.code).toBe(0);
    const json = JSON.parse(a.stdout) as { subgroups: { column: string; levels?: unknown[]; effects?: { level: string }[] }[] };
    const levels = new Set(JSON.stringify(json.subgroups).match(/"level":"[^"]*"/g));
    expect([...levels].sort()).toEqual(['"level":"8–<14"', '"level":"<8"', '"level":"≥14"']);
  });

  it('a population criterion on the score: hta score writes the column too', async () => {
    const plan = planWith({ population: { label: { en: 'RMDQ 4 or more at baseline' }, criteria: [{ column: 'rmdq', op: '>=', value: 4, label: { en: 'RMDQ ≥ 4' } }] } });
    const scored = join(tempDir(), 'scored.csv');
    const s = await runCli('score', EXPORT, '--plan', plan, '--out', scored);
    expect(s.code).toBe(0);
    expect(parseCsvText(readFileSync(scored, 'utf8'), 'scored.csv').header.at(-1)).toBe('rmdq');
  });
});
