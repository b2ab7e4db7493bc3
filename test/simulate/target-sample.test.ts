/** `hta simulate target-sample`: deterministic, and its make-up is the documented one. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { simulateTargetSample } from '../../src/simulate/target-sample.js';
import { runCli, tempDir } from '../support/run-cli.js';

describe('hta simulate target-sample', () => {
  it('writes the sample; same seed, same bytes', async () => {
    const dir = tempDir();
    const r = await runCli('simulate', 'target-sample', '--out', join(dir, 'a.csv'));
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${join(dir, 'a.csv')}: 300 target patients (synthetic)\n`);
    await runCli('simulate', 'target-sample', '--seed', '1', '--out', join(dir, 'b.csv'));
    const a = readFileSync(join(dir, 'a.csv'), 'utf8');
    expect(a).toBe(readFileSync(join(dir, 'b.csv'), 'utf8'));
    expect(a.split('\n')[0]).toBe('age,sex,symptom_weeks');
    expect(a.trimEnd().split('\n')).toHaveLength(301);
  });
  it('draws GP patients aged 18–90 with symptoms over 4 weeks, about 60 % women, every 97th sex missing', () => {
    const rows = simulateTargetSample({ rows: 2000, seed: 3 }).trimEnd().split('\n').slice(1).map((l) => l.split(','));
    expect(rows).toHaveLength(2000);
    expect(rows.every(([age, , weeks]) => Number(age) >= 18 && Number(age) <= 90 && Number(weeks) > 4 && Number(weeks) <= 260)).toBe(true);
    expect(rows.filter((r) => r[1] === '').length).toBe(Math.floor(2000 / 97));
    const women = rows.filter((r) => r[1] === 'F').length / rows.filter((r) => r[1] !== '').length;
    expect(Math.abs(women - 0.6)).toBeLessThan(0.035);
    expect(simulateTargetSample({ rows: 50, seed: 3 })).not.toBe(simulateTargetSample({ rows: 50, seed: 4 }));
  });
});
