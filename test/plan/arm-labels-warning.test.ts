// `hta plan check` warns when a randomised plan has no "armLabels" and its arms are not an app
// against usual care: a tester's hand-written plan for "Selfback" against "Kontrol" printed
// "app − usual care" in every table (src/plan/plan-warnings.ts).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const plan = (arms: { intervention: string; control: string }, armLabels?: unknown) => ({
  arms, ...(armLabels ? { armLabels } : {}), timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
});

async function check(p: unknown): Promise<string> {
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, JSON.stringify(p));
  const r = await runCli('plan', 'check', file);
  expect(r.code, r.stderr).toBe(0);
  return r.stderr;
}

describe('plan check: arms without names', () => {
  it('warns for "Selfback" against "Kontrol" (a control group need not be usual care) or any other pair without armLabels, naming both and the fix', async () => {
    expect(await check(plan({ intervention: 'Selfback', control: 'Kontrol' }))).toContain('no "armLabels": the reports will call the arms "Intervention" and "Control", not "Selfback" and "Kontrol"');
    expect(await check(plan({ intervention: 'Træning', control: 'Venteliste' }))).toContain('not "Træning" and "Venteliste"');
  });
  it('is quiet when the defaults fit (app against usual care) or the plan names the arms', async () => {
    expect(await check(plan({ intervention: 'app', control: 'usual' }))).not.toContain('armLabels');
    expect(await check(plan({ intervention: 'Træning', control: 'Venteliste' }, { intervention: { en: 'Exercise' }, control: { en: 'Waiting list' } }))).not.toContain('armLabels');
  });
});

it('plan check warns for arms that differ only in case or blanks ("SelfBACK", "selfback "), as an older plan init drafted them', async () => {
  expect(await check(plan({ intervention: 'SelfBACK', control: 'selfback ' }))).toContain('"arms": "SelfBACK" and "selfback " differ only in case or blanks — one arm written two ways?');
  expect(await check(plan({ intervention: 'SelfBACK', control: 'Kontrol' }))).not.toContain('differ only in case');
});
