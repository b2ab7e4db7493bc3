/**
 * The case-merge note on stderr (`column "sex": … shown as first written: "K" (also "k": 3
 * patients)`) printed a count of 3 beside warnings that suppress small counts: for a registry
 * (observational plan) a count under the suppression threshold reads "fewer than 5 patients"
 * (src/trial/category-values.ts, docs/observational.md "Small counts"). Trial notes keep counts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { spellingsNote } from '../../src/trial/category-values.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

const basePlan = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as Record<string, unknown>;

describe('the note on values that differ only in case, in a registry', () => {
  it('says "fewer than 5 patients" for 3, and the count itself for 6', () => {
    const d = completeRegistryRows(200);
    d.rows.filter((r) => r.sex === 'K').slice(-3).forEach((r) => (r.sex = 'k'));
    d.rows.filter((r) => r.referrer === 'gp').slice(-6).forEach((r) => (r.referrer = 'GP'));
    const notes = loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), parsePlan(basePlan)).readNotes!.join('\n');
    expect(notes).toContain('"K" (also "k": fewer than 5 patients)');
    expect(notes).toContain('(also "GP": 6 patients)');
    expect(notes).not.toMatch(/: [1-4] patients?\b/);
  });

  it('uses the plan\'s threshold; without one (a trial) the count is printed', () => {
    const merged = [{ shown: 'K', others: [{ spelling: 'k', count: 6 }] }];
    expect(spellingsNote('r.csv', 'Koen', merged, 10)).toContain('(also "k": fewer than 10 patients)');
    expect(spellingsNote('r.csv', 'Koen', merged)).toContain('(also "k": 6 patients)');
  });
});
