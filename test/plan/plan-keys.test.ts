/**
 * A plan key the plan does not know is refused, naming the file, the key and the keys it knows:
 * an arm label under a key that is no arm (`"usual_care"`), a `"dk"` for `"da"`, a `"reason"` for
 * `"reasons"` were dropped without a word. A map's key `"__proto__"` (`timeLabels`) was dropped
 * without a word too. And a name of the user's that is also a member of Object.prototype
 * (`constructor`, `toString`) is no instrument, and a covariate of that name is an ordinary one
 * (docs/plan-trial.md#fields, docs/output-safety.md#user-text-as-keys).
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli, tempDir } from '../support/run-cli.js';

const BASE = { arms: { intervention: 'app', control: 'usual care' }, timepoints: ['3m'], outcomes: [{ key: 'rmdq', instrument: 'rmdq' }] };

/** A plan file written as a user would: the JSON text given, not re-serialised (a "__proto__" key survives). */
function planFile(text: string): string {
  const file = join(tempDir(), 'plan.json');
  writeFileSync(file, text);
  return file;
}

const withFields = (fields: string) => JSON.stringify(BASE).replace(/}$/, `,${fields}}`);

describe('plan keys', () => {
  it('an arm label under a key that is no arm: refused with the file, the key and the known keys', async () => {
    const file = planFile(withFields('"armLabels": { "intervention": { "en": "App" }, "control": { "en": "Usual care" }, "usual_care": { "en": "Usual care" } }'));
    const r = await runCli('plan', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:1:`);
    expect(r.stderr).toContain('(armLabels.usual_care): "usual_care" — expected no key "usual_care" here (known keys: intervention, control)');
  });

  it('a label\'s "dk" for "da" and a certainty\'s "reason" for "reasons": refused with the near miss', async () => {
    const file = planFile(JSON.stringify({ ...BASE, armLabels: { intervention: { en: 'App', dk: 'App' }, control: { en: 'Usual care' } }, outcomes: [{ key: 'rmdq', instrument: 'rmdq', certainty: { level: 'low', reason: ['not blinded'] } }] }));
    const r = await runCli('plan', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(armLabels.intervention.dk): "dk" — expected no key "dk" here (known keys: en, da); did you mean "da"?');
    expect(r.stderr).toContain('(outcomes.0.certainty.reason): "reason" — expected no key "reason" here (known keys: level, reasons); did you mean "reasons"?');
  });

  it('a timeLabels key "__proto__": refused at its line and column, not dropped', async () => {
    const file = planFile(`{\n  "arms": { "intervention": "app", "control": "usual care" },\n  "timepoints": ["3m"],\n  "timeLabels": { "__proto__": "3m", "3 months": "3m" },\n  "outcomes": [{ "key": "rmdq", "instrument": "rmdq" }]\n}\n`);
    const r = await runCli('plan', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain(`${file}:4:19 (timeLabels.__proto__): "3m" — expected a key other than "__proto__"`);
    // Elsewhere in a map too (a margin's shares), and an object's own unknown-key refusal is not repeated.
    const margins = planFile(withFields('"armLabels": { "intervention": { "en": "App" }, "control": { "en": "Usual care" }, "__proto__": { "en": "x" } }, "population": { "label": { "en": "all" }, "criteria": [], "margins": [{ "column": "sex", "label": { "en": "sex" }, "shares": { "F": 0.5, "__proto__": 0.5 } }] }'));
    const m = await runCli('plan', 'check', margins);
    expect(m.code).toBe(2);
    expect(m.stderr).toContain('(population.margins.0.shares.__proto__): "0.5" — expected a key other than "__proto__"');
    expect(m.stderr.match(/armLabels\.__proto__/g)).toHaveLength(1);
    expect(m.stderr).toContain('(armLabels.__proto__): "__proto__" — expected no key "__proto__" here (known keys: intervention, control)');
  });

  it('an instrument named "toString" is no instrument', async () => {
    const file = planFile(JSON.stringify({ ...BASE, outcomes: [{ key: 'rmdq', instrument: 'toString', mcid: 3 }] }));
    const r = await runCli('plan', 'check', file);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('(outcomes.0.instrument): "toString" — expected one of rmdq,');
  });

  it('a covariate named "constructor" (no column mapping, no range) is read as any other', async () => {
    const dir = tempDir();
    const data = join(dir, 'trial.csv');
    const rows = ['P1,app,baseline,12,a', 'P1,app,3m,8,a', 'P2,usual care,baseline,10,b', 'P2,usual care,3m,9,b', 'P3,app,baseline,11,b', 'P3,app,3m,5,b', 'P4,usual care,baseline,14,a', 'P4,usual care,3m,13,a', 'P5,app,baseline,16,a', 'P5,app,3m,9,a', 'P6,usual care,baseline,13,b', 'P6,usual care,3m,12,b'];
    writeFileSync(data, ['id,arm,time,rmdq,constructor', ...rows].join('\n') + '\n');
    const plan = planFile(JSON.stringify({ ...BASE, covariates: ['constructor'], outcomes: [{ key: 'rmdq', instrument: 'rmdq', mcid: 3 }] }));
    const v = await runCli('validate', data, '--plan', plan);
    expect(v.stderr).not.toContain('internal error');
    expect(v.code, v.stderr).toBe(0);
    const a = await runCli('analyze', data, '--plan', plan, '--json');
    expect(a.code, a.stderr).toBe(0);
    const ancova = (JSON.parse(a.stdout) as { effects: { method: string; covariates?: string[]; difference?: number }[] }).effects.find((e) => e.method === 'ancova');
    expect(ancova?.difference).toEqual(expect.any(Number));
  });
});
