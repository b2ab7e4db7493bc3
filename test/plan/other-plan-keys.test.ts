/**
 * The uptake and cost-effectiveness plans read maps keyed by the user's names as the trial plan
 * does (docs/output-safety.md#user-text-as-keys): a `"__proto__"` key, which the schema reader
 * would drop without a word, is refused at the key; the maps have no prototype, so a lookup of
 * `constructor` finds nothing.
 */
import { copyFileSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadCeaPlanFile } from '../../src/cea/load-cea-plan.js';
import { HtaError } from '../../src/errors.js';
import { parseUptakePlan } from '../../src/uptake/uptake-plan.js';
import { tempDir } from '../support/run-cli.js';

const UPTAKE = readFileSync('data/plans/uptake.plan.json', 'utf8');

function problemsOf(fn: () => unknown): { field?: string; expected?: string }[] {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(HtaError);
    return (err as HtaError).problems;
  }
  throw new Error('not refused');
}

describe('uptake plan maps', () => {
  it('a "__proto__" code in values.sex is refused at the key, not dropped', () => {
    const text = UPTAKE.replace(/^\{/, '{ "values": { "sex": { "K": "female", "__proto__": "male" } },');
    const problems = problemsOf(() => parseUptakePlan(JSON.parse(text), 'uptake.plan.json'));
    expect(problems.some((p) => p.field === 'values.sex.__proto__' && /JavaScript reserves that name/.test(p.expected ?? ''))).toBe(true);
  });

  it('values.sex is read without a prototype: "constructor" maps to nothing', () => {
    const plan = parseUptakePlan(JSON.parse(UPTAKE.replace(/^\{/, '{ "values": { "sex": { "K": "female" } },')));
    expect(Object.getPrototypeOf(plan.values!.sex)).toBeNull();
    expect(plan.values!.sex!['constructor']).toBeUndefined();
    expect(plan.values!.sex!['K']).toBe('female');
  });
});

describe('cost-effectiveness plan maps', () => {
  function ceaFolder(edit: (plan: string) => string): string {
    const dir = tempDir();
    copyFileSync('data/plans/selfback.plan.json', join(dir, 'selfback.plan.json'));
    copyFileSync('data/plans/uptake.plan.json', join(dir, 'uptake.plan.json'));
    copyFileSync('data/plans/selfback.unit-costs.csv', join(dir, 'selfback.unit-costs.csv'));
    const file = join(dir, 'selfback.cea.json');
    // The published figures beside the plan are compared with, not read here: left out.
    const plan = readFileSync('data/plans/selfback.cea.json', 'utf8').replace(/,\s*"published": "[^"]*"/, '');
    writeFileSync(file, edit(plan));
    return file;
  }

  it('a "__proto__" visit in visitTimes.times is refused at the key', () => {
    const file = ceaFolder((t) => t.replace('"times": { "baseline": 0,', '"times": { "__proto__": 3, "baseline": 0,'));
    const problems = problemsOf(() => loadCeaPlanFile(file));
    expect(problems.some((p) => p.field === 'visitTimes.times.__proto__')).toBe(true);
  });

  it('visitTimes.times has no prototype once read', () => {
    const { plan } = loadCeaPlanFile(ceaFolder((t) => t));
    expect(Object.getPrototypeOf(plan.visitTimes.times)).toBeNull();
    expect(plan.visitTimes.times['constructor']).toBeUndefined();
    expect(plan.visitTimes.times['3m']).toBe(13);
  });
});
