/**
 * Any text is a visit's name: an export whose visits are called `constructor` and `__proto__` was
 * drafted as `"constructor" → function Object() { [native code] }` (the draft's labels, a plain
 * object, were looked up by the visit's name and found Object's own members) and refused, and
 * `validate` said the plan's visit `constructor` had no rows while listing it among the file's
 * (docs/output-safety.md#user-text-as-keys).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const bundled = readFileSync(new URL('../../data/synthetic/selfback-trial.csv', import.meta.url), 'utf8');

describe('visits named constructor and __proto__', () => {
  it('plan init drafts them as visits and validate reads the file with that plan', async () => {
    const dir = tempDir();
    const data = join(dir, 'trial.csv');
    writeFileSync(data, bundled.replace(/,6w,/g, ',constructor,').replace(/,3m,/g, ',__proto__,'));
    const draft = await runCli('plan', 'init', data, '--out', join(dir, 'plan.json'));
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stderr).not.toMatch(/native code|\[object Object\]/);
    expect(draft.stderr).toContain('visits from column "time": "baseline", "constructor", "__proto__", "6m", "9m"');
    const plan = JSON.parse(readFileSync(join(dir, 'plan.json'), 'utf8')) as { allTimepoints: string[]; timepoints: string[] };
    expect(plan.allTimepoints).toEqual(['baseline', 'constructor', '__proto__', '6m', '9m']);
    const run = await runCli('validate', data, '--plan', join(dir, 'plan.json'));
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('valid');
  }, 120_000);
});
