/**
 * The summary `hta analyze --lang da` prints for an observational plan words a "not analysed"
 * reason in Danish (src/report/failure-reasons.ts, as the Danish registry page does); the English
 * summary keeps the analysis's own words. A real failure: a confounder level only among the exposed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCsvText } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { observationalText } from '../../src/observational/observational-text.js';
import { observationalWarningLines } from '../../src/cli/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { ENGLISH_WORDS as ENGLISH } from '../support/english-words.js';
import { completeRegistryRows, registryCsv } from '../support/registry-rows.js';

describe('the observational summary in Danish', () => {
  it('says why an analysis was not done in Danish; the English summary as the analysis worded it', () => {
    const lone = completeRegistryRows(120);
    for (const r of lone.rows.filter((x) => x.app === 'Ja').slice(0, 6)) r.referrer = 'Z';
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const result = analyzeObservational(loadTrial(parseCsvText(registryCsv(lone), 'registry.csv'), plan), { version: 'test' });
    const reasons = (lang: 'en' | 'da', lead: string) => observationalText(result, lang).split('\n').filter((l) => l.includes(`: ${lead}`));
    const en = reasons('en', 'not analysed');
    expect(en.length).toBe(result.analyses.filter((a) => a.error).length);
    expect(en.length).toBeGreaterThan(0);
    for (const l of en) expect(l).toMatch(/: not analysed: no overlap: confounder "referrer" has level "Z" only among the exposed, so /);
    const da = reasons('da', 'ikke analyseret');
    expect(da.length).toBe(en.length);
    for (const l of da) {
      expect(l).toMatch(/: ikke analyseret: intet overlap: den forstyrrende faktor "referrer" har niveauet "Z" kun blandt de eksponerede, så /);
      expect(l.slice(l.indexOf(': ikke analyseret'))).not.toMatch(ENGLISH);
    }
  });

  it('the warnings on stderr: a failed analysis whose sample was formed says how many were left out, in Danish as in English', () => {
    const rows = completeRegistryRows(120);
    // All but 3 app users without their age: left out, and too few exposed remain (the sample is formed, then refused).
    for (const r of rows.rows.filter((x) => x.app === 'Ja').slice(3)) r.age = '';
    const plan = parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')));
    const trial = loadTrial(parseCsvText(registryCsv(rows), 'registry.csv'), plan);
    const result = analyzeObservational(trial, { version: 'test' });
    const failed = result.analyses.filter((a) => a.error && typeof a.excluded?.missingConfounders === 'number' && a.excluded.missingConfounders > 0);
    expect(failed.length).toBeGreaterThan(0);
    const n = failed[0]!.excluded!.missingConfounders as number;
    const en = observationalWarningLines(result, trial, 'en');
    const da = observationalWarningLines(result, trial, 'da');
    expect(en.filter((l) => l.includes(`: ${n} patients with a missing confounder value left out`)).length).toBe(failed.length);
    expect(da.filter((l) => l.includes(': ikke analyseret')).length).toBe(failed.length);
    expect(da.filter((l) => l.includes(`: ${n} patienter med en manglende værdi af en forstyrrende faktor er udeladt`)).length).toBe(failed.length);
  });
});
