/**
 * `hta analyze`'s text tables keep their header over their columns at any confidence level the
 * plan allows: "99.9% CI" is two characters wider than "95% CI", and relabelling the finished
 * text shifted every header cell after it (docs/plan-trial.md "alpha").
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { withConfidenceLevel } from '../../src/report/confidence-label.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const FIXTURE = 'test/fixtures/subgroups';

/**
 * Every table in `text` (a header line above a rule of ─ segments): the column each header cell
 * starts at must be where its rule segment starts.
 */
function misaligned(text: string): string[] {
  const lines = text.split('\n');
  const bad: string[] = [];
  let tables = 0;
  lines.forEach((rule, k) => {
    if (k === 0 || !/^─/.test(rule)) return;
    tables++;
    const header = [...lines[k - 1]!];
    const segments = [...rule.matchAll(/─+/g)].map((m) => ({ s: [...rule.slice(0, m.index)].length, e: [...rule.slice(0, m.index)].length + m[0].length }));
    for (const { s, e } of segments) {
      // Each header cell lies within its segment (left- or right-aligned), with the two-space gap
      // before it and nothing running on into the next column.
      const cell = header.slice(s, e).join('').padEnd(e - s);
      const gapBefore = s === 0 || header.slice(s - 2, s).join('') === '  ';
      const endsInside = header[e] === undefined || header[e] === ' ';
      if (!(gapBefore && endsInside && cell.trim() !== '' && (cell[0] !== ' ' || cell[cell.length - 1] !== ' '))) bad.push(`${lines[k - 1]} (column ${s}–${e})`);
    }
  });
  expect(tables).toBeGreaterThan(0);
  return bad;
}

describe('the header of hta analyze\'s tables at the plan\'s confidence level', () => {
  const dir = tempDir();
  copyFileSync(join(FIXTURE, 'trial.csv'), join(dir, 'trial.csv'));
  copyFileSync(join(FIXTURE, 'target-sample.csv'), join(dir, 'target-sample.csv'));
  const plan = JSON.parse(readFileSync(join(FIXTURE, 'plan.json'), 'utf8')) as Record<string, unknown>;

  for (const [alpha, label, langs] of [[0.001, '99.9% CI', ['en', 'da']], [0.0005, '99.95% CI', ['en']]] as const) {
    it(`alpha ${alpha}: "${label}" and every column after it in line, with subgroups and a target population (${langs.join(', ')})`, async () => {
      writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, $schema: undefined, alpha }));
      for (const lang of langs) {
        const run = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'), '--lang', lang);
        expect(run.stdout).toContain(lang === 'en' ? label : label.replace('.', ',').replace('% CI', ' %-KI'));
        expect(run.stdout).toMatch(/Subgroup analyses|Subgruppeanalyser/);
        expect(misaligned(run.stdout)).toEqual([]);
      }
    });
  }

  it('an observational plan\'s table too', async () => {
    const registryPlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;
    writeFileSync(join(dir, 'registry.json'), JSON.stringify({ ...registryPlan, $schema: undefined, alpha: 0.001 }));
    const run = await runCli('analyze', 'data/synthetic/registry-outcomes.csv', '--plan', join(dir, 'registry.json'));
    expect(run.stdout).toContain('Difference (99.9% CI)');
    expect(misaligned(run.stdout)).toEqual([]);
  });

  it('a label already at a level ending in 95 ("99.95% CI") is not relabelled again', () => {
    expect(withConfidenceLevel(withConfidenceLevel('Difference (95% CI)', 0.9995), 0.9995)).toBe('Difference (99.95% CI)');
    expect(withConfidenceLevel('Forskel (99,95 %-KI)', 0.9)).toBe('Forskel (99,95 %-KI)');
  });
});
