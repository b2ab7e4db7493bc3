/**
 * results.json's `warnings` name what they concern by the plan's keys ("anymed at 3m"); beside them
 * `warningTexts` gives each, one for one, with those keys in fields of their own and its words in
 * English and Danish as the report page and the terminal say them — the outcome and visit by the
 * plan's labels (src/analysis/trial-warning-texts.ts). The cost-effectiveness results do the same
 * with each warning's kind (src/cea/analyze-cea.ts). `warnings` itself is unchanged for scripts.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import { analysisResultSchema } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { loadTrial } from '../../src/trial/load-trial.js';

const PLAN = {
  arms: { intervention: 'App', control: 'Kontrol' },
  timepoints: ['3m'],
  outcomes: [{ key: 'anymed', instrument: 'binary', label: { en: 'Any pain medication', da: 'Forbrug af smertestillende medicin' }, answers: { Ja: 1, Nej: 0 }, direction: 'lower-is-better' }],
  methods: ['welch'],
  missing: { sensitivity: false },
};

/** 20 patients per arm at baseline; at 3 months the first 12 of each arm, every one answering "Ja" (an export of the users only). */
function usersOnly(): string {
  const lines = ['id,arm,time,anymed'];
  for (let k = 0; k < 40; k++) {
    const arm = k % 2 === 0 ? 'App' : 'Kontrol';
    lines.push(`P${k},${arm},baseline,${k % 3 === 0 ? 'Ja' : 'Nej'}`);
    if (k < 24) lines.push(`P${k},${arm},3m,Ja`);
  }
  return lines.join('\n') + '\n';
}

describe('trial results.json: each warning with its keys and its words', () => {
  const result = analyzeTrial(loadTrial(parseCsvText(usersOnly(), 'med.csv'), parsePlan(PLAN)), { version: 'test' });

  it('one for one with warnings: the outcome and visit keys apart, the Danish text by the plan\'s labels', () => {
    expect(result.warnings).toHaveLength(1);
    expect(result.warnings[0]).toMatch(/^anymed at 3m: every patient analysed answered yes/);
    expect(result.warningTexts).toHaveLength(result.warnings.length);
    const [w] = result.warningTexts!;
    expect({ outcome: w!.outcome, time: w!.time }).toEqual({ outcome: 'anymed', time: '3m' });
    expect(w!.text.da).toMatch(/^Forbrug af smertestillende medicin, 3 måneder: alle analyserede patienter svarede ja, i begge grupper \(interventionsgruppen 12 af 20 randomiserede, kontrolgruppen 12 af 20\)/);
    expect(w!.text.da).not.toMatch(/anymed|3m\b/);
    expect(w!.text.en).toMatch(/every patient analysed answered yes/);
    // The schema holds it (schemas/results.schema.json is generated from it: npm run schemas).
    expect(analysisResultSchema.safeParse(result).success).toBe(true);
  });

  it('the published schema describes warningTexts for trial and CEA results', () => {
    const trial = JSON.stringify(JSON.parse(readFileSync('schemas/results.schema.json', 'utf8')));
    const cea = JSON.parse(readFileSync('schemas/cea-results.schema.json', 'utf8'));
    expect(trial).toContain('"warningTexts"');
    expect(JSON.stringify(cea)).toContain('"warningTexts"');
    expect(JSON.stringify(cea)).toContain('single-value-covariates');
  });
});
