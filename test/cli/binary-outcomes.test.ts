/**
 * Yes/no outcomes tell the truth (docs/plan-trial.md#yesno-outcomes): the MCID is a difference of
 * proportions and shown in percentage points beside the estimate; one written in percentage points
 * is refused by every command that reads the plan; a yes/no outcome without a direction is warned about.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

const DIR = 'test/fixtures/binary-outcomes';
const EXPORT = join(DIR, 'rtw.csv');
type Outcome = Record<string, unknown> & { key: string };
const basePlan = () => JSON.parse(readFileSync(join(DIR, 'rtw.plan.json'), 'utf8')) as { outcomes: Outcome[] } & Record<string, unknown>;

/** The fixture plan with the yes/no outcome `key` changed (a field set to undefined is left out). */
function planWith(key: string, change: Record<string, unknown>): string {
  const plan = basePlan();
  plan.outcomes = plan.outcomes.map((o) => (o.key === key ? (JSON.parse(JSON.stringify({ ...o, ...change })) as Outcome) : o));
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify(plan, null, 2));
  return file;
}

afterAll(removeTempDirs);

describe('the MCID of a yes/no outcome', () => {
  it('0.1 is 10 percentage points: the verdicts judge it on the risk difference, the table shows "10 pp"', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', join(DIR, 'rtw.plan.json'));
    expect(r.code, r.stderr).toBe(0);
    const med12 = r.stdout.split('\n').find((l) => l.startsWith('Pain-medication use') && l.includes('12 months'))!;
    expect(med12).toMatch(/−26\.3 pp \(−47\.7 to −0\.4\)\s+0\.047\s+10 pp\s+Possibly clinically relevant benefit/);
    expect(r.stdout).not.toContain('0.100');
  });

  it('the results keep the proportion: mcid 0.1 beside a difference of −0.263', async () => {
    const r = await runCli('analyze', EXPORT, '--plan', join(DIR, 'rtw.plan.json'), '--json');
    expect(r.code, r.stderr).toBe(0);
    const row = (JSON.parse(r.stdout) as { effects: { outcome: string; time: string; difference: number; mcid: number; relevance: string }[] }).effects.find((e) => e.outcome === 'med' && e.time === '12m')!;
    expect(row.mcid).toBe(0.1);
    expect(row.difference).toBeCloseTo(-0.263, 3);
    expect(row.relevance).toBe('possibly-relevant-benefit');
  });

  it.each([
    ['analyze', (plan: string) => ['analyze', EXPORT, '--plan', plan]],
    ['plan check', (plan: string) => ['plan', 'check', plan]],
    ['validate', (plan: string) => ['validate', EXPORT, '--plan', plan]],
    ['meta', (plan: string) => ['meta', join(DIR, 'studies-rd.csv'), '--plan', plan]],
  ])('"mcid": 10 (percentage points) is refused by %s, at its line, with the value to write', async (_name, argv) => {
    const plan = planWith('med', { mcid: 10 });
    const r = await runCli(...argv(plan));
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/plan\.json:\d+:\d+ \(outcomes\.1\.mcid\): "10" — expected an MCID below 1 for the yes\/no outcome "med": a difference of proportions, not percentage points — write 0\.1 for 10 percentage points/);
    expect(r.stdout).toBe('');
  });

  it('an MCID of exactly 1 (100 pp, or 1 pp meant) is refused too', async () => {
    const r = await runCli('plan', 'check', planWith('med', { mcid: 1 }));
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('write 0.01 for 1 percentage points');
  });

  it('hta meta --mcid 10 on a risk difference: no verdict against 10, and a warning saying why', async () => {
    const r = await runCli('meta', join(DIR, 'studies-rd.csv'), '--mcid', '10', '--direction', 'lower-is-better');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('med (RD): MCID 10 is not a difference of proportions below 1');
    expect(r.stdout).not.toContain('Significant, but not clinically relevant');
    // The header says the MCID was ignored and what to write, not "no MCID set".
    expect(r.stdout).toContain('MCID 10 ignored (write 0.1 for 10 percentage points)');
    expect(r.stdout).not.toContain('no MCID set');
    const da = await runCli('meta', join(DIR, 'studies-rd.csv'), '--mcid', '10', '--direction', 'lower-is-better', '--lang', 'da');
    expect(da.stdout).toContain('MKRF 10 ignoreret (skriv 0,1 for 10 procentpoint)');
  });
});

describe('which way a yes/no outcome is better', () => {
  it('plan check warns when a yes/no outcome has no "direction", naming the field and the default', async () => {
    const r = await runCli('plan', 'check', planWith('rtw', { direction: undefined }));
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('warning:');
    expect(r.stderr).toContain('yes/no outcome "rtw" has no "direction": it is judged "lower-is-better"');
    expect(r.stderr).toContain('set "direction": "lower-is-better" or "higher-is-better"');
    expect(r.stderr).not.toContain('"med" has no "direction"');
  });

  it('the bundled plan states its yes/no outcome\'s direction, so plan check has nothing to warn about', async () => {
    const r = await runCli('plan', 'check', 'data/plans/selfback.plan.json');
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toContain('direction');
  });

  it('"higher-is-better" turns more patients back at work into a benefit (the default would call it harm)', async () => {
    const stated = await runCli('analyze', EXPORT, '--plan', join(DIR, 'rtw.plan.json'));
    expect(stated.stdout.split('\n').find((l) => l.startsWith('Back at work') && l.includes('12 months'))).toContain('Possibly clinically relevant benefit');
    const unstated = await runCli('analyze', EXPORT, '--plan', planWith('rtw', { direction: undefined }));
    expect(unstated.stdout.split('\n').find((l) => l.startsWith('Back at work') && l.includes('12 months'))).toContain('Possibly clinically relevant harm');
  });
});
