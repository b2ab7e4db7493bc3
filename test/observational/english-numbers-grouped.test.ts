/**
 * The observational (registry outcomes) warnings and summary print numbers as every other page
 * and the terminal do: grouped ("4,359.9", Danish "4.359,9"), true minus, and ranges in words
 * ("outside the interval 0.05 to 0.95", Danish "0,05 til 0,95"), never "[0.05, 0.95]". The English
 * warnings printed "an effective sample of 4359.9 of 11,000 unexposed patients" and the summary
 * table "n exposed 2254" (docs/report-trial.md, "Words and numbers, one way").
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { type Finding, findingText } from '../../src/observational/diagnostic-findings.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

/** A number of 1,000 or more written without its thousands separator, in English or Danish. */
const UNGROUPED = /(?<![\d.,])\d{4,}/;

describe('observational warnings: one number format', () => {
  // A registry of 22,000 patients with poor overlap: what its findings carry.
  const findings: Finding[] = [
    { kind: 'ess', group: 'unexposed', ess: 4359.94, n: 11000 },
    { kind: 'ess', group: 'exposed', ess: 37.3, n: 5272 },
    { kind: 'outside', share: 0.381, byDesignAside: false },
    { kind: 'extreme', group: 'exposed', ratio: 1234.5, k: 5 },
    { kind: 'imbalance', term: 'age', smd: -0.2017, threshold: 0.1 },
    { kind: 'outside-target', confounder: 'referrer', levels: ['chiro'], unnamed: 0, trim: 0.05 },
  ];

  it('English: grouped, true minus, the interval in words', () => {
    const en = findings.map((f) => findingText(f, 'en'));
    expect(en[0]).toBe('poor overlap: the weights leave an effective sample of 4,359.9 of 11,000 unexposed patients');
    expect(en[2]).toBe('poor overlap: 38.1% of patients have a propensity score outside the interval 0.05 to 0.95');
    expect(en[3]).toContain('the 5 largest average 1,234.5 times it');
    expect(en[4]).toBe('balance not reached for age: SMD −0.202 after weighting (threshold 0.10)');
    expect(en[5]).toContain('the score is below "trim" (0.05)');
    for (const t of en) {
      expect(t).not.toMatch(UNGROUPED);
      expect(t).not.toMatch(/\[[^\]]*\d[^\]]*\]/);
    }
  });

  it('Danish: the same numbers the Danish way', () => {
    const da = findings.map((f) => findingText(f, 'da'));
    expect(da[0]).toBe('dårligt overlap: vægtene efterlader en effektiv stikprøve på 4.359,9 af 11.000 ikke-eksponerede');
    expect(da[2]).toBe('dårligt overlap: 38,1 % af patienterne har en tilbøjelighedsscore uden for intervallet 0,05 til 0,95');
    expect(da[3]).toContain('de 5 største er i gennemsnit 1.234,5 gange det');
    expect(da[4]).toBe('balance ikke opnået for age: SMD −0,202 efter vægtning (grænse 0,10)');
    for (const t of da) expect(t).not.toMatch(UNGROUPED);
  });
});

describe('the observational summary of `hta analyze`', () => {
  it('groups the patients per group in the table (2,500 registry patients)', () => {
    const registry = completeRegistryRows(2500);
    // Most patients use the app: the exposed group passes 1,000.
    registry.rows.forEach((r, i) => (r.app = i % 5 === 0 ? 'Nej' : 'Ja'));
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv(registry), 'registry.csv'), plan), { version: 'test' });
    const exposed = result.analyses[0]!.effects[0]!.n.intervention;
    expect(exposed).toBeGreaterThanOrEqual(1000);
    const rows = (lang: 'en' | 'da') => observationalText(result, lang).split('\n').filter((l) => / (crude|ujusteret) /.test(l));
    expect(rows('en').length).toBeGreaterThan(0);
    for (const l of rows('en')) {
      expect(l).toContain(` ${exposed.toLocaleString('en-US')} `);
      expect(l).not.toMatch(UNGROUPED);
    }
    for (const l of rows('da')) {
      expect(l).toContain(` ${exposed.toLocaleString('en-US').replace(',', '.')} `);
      expect(l).not.toMatch(UNGROUPED);
    }
  });
});
