/**
 * Attacks on the registry outputs through the propensity model and the balance statistics
 * (docs/observational.md, "Small counts", rules 5, 7 and 8). Each attack recovers a count of 1–4
 * from what the analysis computes and must recover nothing from what it publishes (`--json`,
 * results.json: `analyzeObservational`).
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parsePlan } from '../../src/plan/load-plan.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { analyzeObservational, computeObservationalAnalyses } from '../../src/observational/analyze-observational.js';
import type { ObservationalAnalysis, ObservationalResult } from '../../src/observational/observational-results-schema.js';
import { completeRegistryRows, registryCsv, type RegistryRows } from '../support/registry-rows.js';
import { removeTempDirs, runCli, tempDir } from '../support/run-cli.js';

afterAll(removeTempDirs);

const basePlan = {
  design: 'observational',
  observational: { exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' }, confounders: [{ name: 'referrer', type: 'categorical' }], estimand: 'ATE', baselineAsConfounder: false },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq' }],
};

function run(d: RegistryRows, plan: Record<string, unknown>) {
  const trial = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(plan));
  const published = JSON.parse(JSON.stringify(analyzeObservational(trial, { version: 'test' }))) as ObservationalResult;
  return { published: published.analyses[0]!, computed: computeObservationalAnalyses(trial)[0]! };
}

/**
 * The attacker of the saturated propensity model: with one categorical confounder and no baseline
 * score, exp(intercept) is the first level's users / non-users exactly. A fraction with a
 * non-user count of 1–4 as its denominator is that level's count (20/3: 3 non-users).
 */
function nonUsersFromCoefficients(a: Pick<ObservationalAnalysis, 'propensity'>): number | null {
  const b = a.propensity?.coefficients;
  if (!b) return null;
  const odds = Math.exp(b[0]!);
  for (let q = 1; q < 5; q++) if (Math.abs(odds * q - Math.round(odds * q)) < 1e-6) return q;
  return null;
}

/** 20 users and 3 non-users referred by a chiropractor ("chiro", the first level in sorted order). */
function chiroRegistry(): RegistryRows {
  const d = completeRegistryRows(600);
  const users = d.rows.filter((r) => r.app === 'Ja').slice(0, 20);
  const nonUsers = d.rows.filter((r) => r.app === 'Nej').slice(0, 3);
  for (const r of [...users, ...nonUsers]) r.referrer = 'chiro';
  return d;
}

describe('the propensity model\'s coefficients', () => {
  it('give a level\'s 3 non-users when published; they are not published', () => {
    const { published, computed } = run(chiroRegistry(), basePlan);
    // The balance table hides the referrer (rule 5) …
    expect(published.balance.find((b) => b.term === 'referrer=chiro')?.smdBefore).toBe('suppressed');
    // … but the coefficients as computed give the count: exp(intercept) = 20/3.
    expect(Math.exp(computed.propensity!.coefficients![0]!)).toBeCloseTo(20 / 3, 9);
    expect(nonUsersFromCoefficients(computed)).toBe(3);
    expect(published.propensity).not.toHaveProperty('coefficients');
    expect(nonUsersFromCoefficients(published)).toBeNull();
  });

  it('are not in `hta analyze --json` nor in a report\'s results.json', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'r.csv'), registryCsv(chiroRegistry()));
    writeFileSync(join(dir, 'p.json'), JSON.stringify(basePlan));
    const r = await runCli('analyze', join(dir, 'r.csv'), '--plan', join(dir, 'p.json'), '--json');
    expect(r.code).toBe(0);
    const printed = JSON.parse(r.stdout) as ObservationalResult;
    expect(printed.analyses[0]!.propensity!.terms[0]).toBe('(Intercept)');
    expect(r.stdout).not.toMatch(/coefficients/);
    writeFileSync(join(dir, 'm.json'), JSON.stringify({ reports: [{ id: 'rc', kind: 'registry', out: 'rc', lang: 'da', data: 'r.csv', plan: 'p.json' }] }));
    const rep = await runCli('report', '--manifest', join(dir, 'm.json'), '--out', join(dir, 'out'));
    expect(rep.code, rep.stderr).toBe(0);
    const results = readFileSync(join(dir, 'out/rc/results.json'), 'utf8');
    expect(results).toMatch(/"\(Intercept\)"/);
    expect(results).not.toMatch(/coefficients/);
  });
});
