/**
 * An absolute `population.targetSample.file` is refused by `hta report` as by `hta analyze`, for
 * what it is: `hta report` joined it to the plan's folder (`/etc/passwd` became `m/etc/passwd`)
 * and said that file did not exist, relative to the plan's folder (docs/manifest.md).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const bundled = readFileSync(new URL('../../data/synthetic/selfback-trial.csv', import.meta.url), 'utf8');
const plan = JSON.parse(readFileSync(new URL('../../data/plans/selfback.plan.json', import.meta.url), 'utf8')) as { population: Record<string, unknown> };

describe('an absolute target sample under hta report', () => {
  it('is refused as absolute (exit 2, nothing written), as hta analyze refuses it', async () => {
    const dir = tempDir();
    const absolute = join(dir, 'target.csv');
    writeFileSync(absolute, 'age,sex\n40,F\n');
    writeFileSync(join(dir, 'trial.csv'), bundled);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, population: { ...plan.population, targetSample: { file: absolute, model: ['age', 'sex'] } } }));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'trial.csv', plan: 'plan.json' }] }));
    const said = `"population.targetSample.file" must be a path relative to the plan's folder, not the absolute path "${absolute}"`;
    const analyze = await runCli('analyze', join(dir, 'trial.csv'), '--plan', join(dir, 'plan.json'));
    expect(analyze.code).toBe(2);
    expect(analyze.stderr).toContain(said);
    for (const extra of [[], ['--allow-outside']]) {
      const report = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--no-cache', ...extra);
      expect(report.code, report.stderr).toBe(2);
      expect(report.stderr).toContain(said);
      expect(report.stderr).not.toContain('does not exist');
    }
  }, 120_000);

  it('an absolute adverse-event listing too', async () => {
    const dir = tempDir();
    const absolute = join(dir, 'events.csv');
    writeFileSync(absolute, 'id,term\n');
    writeFileSync(join(dir, 'trial.csv'), bundled);
    writeFileSync(join(dir, 'plan.json'), JSON.stringify({ ...plan, adverseEvents: { file: absolute } }));
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 't', kind: 'trial', out: 't', lang: 'en', data: 'trial.csv', plan: 'plan.json' }] }));
    const report = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'), '--no-cache', '--allow-outside');
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toContain(`"adverseEvents.file" must be a path relative to the plan's folder, not the absolute path "${absolute}"`);
  }, 120_000);
});
