/**
 * The bundled trial plan without its missing-data sensitivity analyses (MMRM, multiple imputation,
 * tipping point: docs/plan-trial.md "Per-protocol and ITT"), in a temporary folder: for tests of
 * how an export is read, where those analyses cost most of each run and decide nothing.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { tempDir } from './run-cli.js';

export function trialPlanWithoutSensitivity(): string {
  const plan = JSON.parse(readFileSync('data/plans/selfback.plan.json', 'utf8')) as Record<string, unknown>;
  const file = join(tempDir(), 'selfback.plan.json');
  writeFileSync(file, JSON.stringify({ ...plan, missing: { sensitivity: false } }));
  return file;
}
