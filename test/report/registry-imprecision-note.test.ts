/**
 * The registry page says why a row's certainty is one level below the others (docs/observational.md#grade-certainty):
 * a GP registry's opioid rows read "Meget lav" beside "Lav" for every other outcome, and nothing
 * on the page said that their 95% CI crosses the MCID (results.json's downgradedForImprecision).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../src/io/read-csv.js';
import { analyzeObservational } from '../../src/observational/analyze-observational.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';
import { imprecisionNotes, registryCertaintyCell } from '../../src/report/kinds/registry-report.js';

// The bundled registry with the pain NRS judged against an MCID of 0.5: its adjusted CI (about
// −0.72 to −0.34) crosses −0.5, so those rows are downgraded; the RMDQ rows (no MCID) are not.
const raw = JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')) as { outcomes: Record<string, unknown>[] };
raw.outcomes = raw.outcomes.map((o) => (o.key === 'pain' ? { ...o, mcid: 0.5 } : o));
const plan = parsePlan(raw);
const result = analyzeObservational(loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), plan), { version: 't' });

describe('the registry page\'s certainty of a row downgraded for imprecision', () => {
  const pain = result.analyses.find((a) => a.outcome === 'pain')!.effects.find((e) => e.method === 'weighted-regression')!;
  const rmdq = result.analyses.find((a) => a.outcome === 'rmdq')!.effects.find((e) => e.method === 'weighted-regression')!;

  it('marks the downgraded cell with its reason, en and da', () => {
    expect(pain.certainty).toMatchObject({ level: 'very-low', downgradedForImprecision: true });
    expect(registryCertaintyCell(pain, 'en')).toBe('Very low (imprecision)');
    expect(registryCertaintyCell(pain, 'da')).toBe('Meget lav (unøjagtighed)');
    expect(registryCertaintyCell(rmdq, 'da')).toBe('Lav');
  });

  it('says under the table which outcomes were downgraded and why, once', () => {
    expect(imprecisionNotes(result, 'en')).toEqual(['Certainty (GRADE): non-randomised evidence starts at low; a row marked "(imprecision)" is one level lower because its 95% CI crosses the MCID (Pain intensity (NRS 0–10), 3 months).']);
    // The page passes its own language's labels (the shown result); the follow-up is worded here.
    expect(imprecisionNotes(result, 'da')[0]).toContain('ét niveau lavere, fordi dens 95 %-KI krydser MKRF (');
    expect(imprecisionNotes(result, 'da')[0]).toContain(', 3 måneder).');
  });

  it('adds no note when no row is downgraded', () => {
    const plain = analyzeObservational(loadTrial(readCsvFile('data/synthetic/registry-outcomes.csv'), parsePlan(JSON.parse(readFileSync('data/plans/registry-outcomes.plan.json', 'utf8')))), { version: 't' });
    expect(imprecisionNotes(plain, 'en')).toEqual([]);
  });
});
