/**
 * A confounder with one value among the app users (every user aged 50) makes AIPW's outcome
 * model within the users singular, while the pooled models stand: the analysis keeps its crude
 * and weighted-regression estimates and says why AIPW is missing (in the CLI's warnings and on
 * the registry page, in the page's language), instead of losing the whole outcome × time.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { diagnosticFindings, findingText } from '../../src/observational/diagnostic-findings.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

describe('AIPW singular within one group', () => {
  it('drops the AIPW row only, with its reason', () => {
    const d = completeRegistryRows(200);
    for (const r of d.rows) if (r.app === 'Ja') r.age = '50';
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv(d), 'registry.csv'), plan), { version: 'test' });
    const continuous = result.analyses.filter((a) => a.kind === 'continuous');
    expect(continuous.length).toBeGreaterThan(0);
    for (const a of continuous) {
      expect(a.error).toBeUndefined();
      expect(a.effects.map((e) => e.method)).toEqual(['crude', 'weighted-regression']);
      expect(a.aipwError).toBe('the outcome model is singular: a confounder is constant or collinear with others');
      const found = diagnosticFindings(a, 0.1).filter((f) => f.kind === 'aipw-failed');
      expect(found.map((f) => findingText(f, 'en'))).toEqual(['AIPW not computed: the outcome model is singular: a confounder is constant or collinear with others']);
      const da = findingText(found[0]!, 'da');
      expect(da).toMatch(/^AIPW ikke beregnet: /);
      expect(da).not.toContain('på engelsk');
      expect(da.replace(/^AIPW/, '')).not.toMatch(ENGLISH);
    }
    expect(result.warnings.some((w) => w.endsWith(': AIPW not computed: the outcome model is singular: a confounder is constant or collinear with others'))).toBe(true);
  });
});
