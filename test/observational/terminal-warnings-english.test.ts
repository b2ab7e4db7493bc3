/**
 * `hta analyze` in English words its observational warnings as the English page does: the outcome
 * and visit by the plan's labels ("Disability (RMDQ 0–24), 3 months", never "rmdq at 3m", which
 * reads as metres), balance terms and levels by the confounders' labels ("Referred by: hospital",
 * never "referrer=hospital"), as the Danish terminal already did. results.json keeps the keys.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { observationalWarningLines } from '../../src/cli/analyze-observational.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const plan = parsePlan({
  design: 'observational',
  observational: {
    exposure: { column: 'app', exposed: 'Ja', unexposed: 'Nej' },
    confounders: [
      { name: 'age', type: 'numeric', label: { en: 'Age (years)', da: 'Alder (år)' } },
      { name: 'sex', type: 'categorical', label: { en: 'Sex', da: 'Køn' } },
      { name: 'referrer', type: 'categorical', label: { en: 'Referred by', da: 'Henvist af' }, levelLabels: { chiro: { en: 'chiropractor', da: 'kiropraktor' } } },
    ],
    estimand: 'ATT',
  },
  layout: 'wide',
  timepoints: ['3m'],
  outcomes: [{ key: 'rmdq', instrument: 'rmdq', label: { en: 'Disability (RMDQ 0–24)', da: 'Fysisk funktionsniveau (RMDQ 0–24)' } }],
});

describe('observational warnings on stderr, English', () => {
  it('name the outcome, visit, confounder and level by the plan\'s labels', () => {
    const trial = loadTrial(parseCsvText(readFileSync('test/fixtures/observational/registry-att-outside.csv', 'utf8'), 'registry.csv'), plan);
    const result = analyzeObservational(trial, { version: 'test' });
    const en = observationalWarningLines(result, trial, 'en');
    expect(en.length).toBeGreaterThan(0);
    for (const l of en) {
      expect(l).toMatch(/^warning: Disability \(RMDQ 0–24\), 3 months: /);
      expect(l).not.toMatch(/\b3m\b|rmdq at|referrer/);
    }
    expect(en.some((l) => l.includes('confounder "Referred by": level "chiropractor" only among the unexposed'))).toBe(true);
    // results.json: the keys, as before.
    expect(result.warnings.some((w) => w.startsWith('rmdq at 3m: confounder "referrer": level "chiro"'))).toBe(true);
    // The same warnings as the Danish terminal, one for one.
    expect(en.length).toBe(observationalWarningLines(result, trial, 'da').length);
  });
});
