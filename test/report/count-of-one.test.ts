/**
 * A count of one reads in the singular on the page, in English and Danish (src/report/count-words.ts
 * `countNoun`): the subgroup section's ICEMAN credibility line of a run with one test for
 * interaction ("1 subgroup test in this run", "én subgruppetest i denne analyse" — it said "1
 * subgroup tests"), and the responders' note on one patient with a baseline of 0 (it said "1
 * patients … they count as non-responders").
 */
import { describe, expect, it } from 'vitest';
import { analyzeTrial } from '../../src/analysis/analyze-trial.js';
import type { EffectRow } from '../../src/analysis/results-schema.js';
import { parseCsvText } from '../../src/io/read-csv.js';
import { parsePlan } from '../../src/plan/load-plan.js';
import { defaultArmNames } from '../../src/report/arm-names.js';
import { trialChartContext } from '../../src/report/charts/trial-chart-context.js';
import { subgroupReport } from '../../src/report/sections/subgroups.js';
import { zeroBaselineNotes } from '../../src/report/zero-baseline-note.js';
import { loadTrial } from '../../src/trial/load-trial.js';

/** Two clinics of 8 + 8 patients, pain at baseline and 3 months: one subgroup, one outcome, one visit — one test. */
function clinicExport(): string {
  const lines = ['id,arm,time,klinik,pain'];
  let k = 0;
  for (const clinic of ['Nord', 'Syd'])
    for (let j = 0; j < 8; j++)
      for (const arm of ['app', 'usual']) {
        k++;
        const base = 5 + (k % 4);
        lines.push(`P${k},${arm},baseline,${clinic},${base}`, `P${k},${arm},3m,${clinic},${base - (arm === 'app' ? 2 : 0) - (k % 3)}`);
      }
  return lines.join('\n') + '\n';
}

/** Every English noun a count of 1 must not be followed by in the plural; the Danish likewise. */
const ONE_PLURAL = { en: /\b1 (subgroup tests|patients|tests|levels|clinics)\b/, da: /(\b1|én|ét|et) (subgruppetests|patienter|niveauer|klinikker)\b/ } as const;

describe('a count of one in the singular', () => {
  const plan = parsePlan({
    arms: { intervention: 'app', control: 'usual' },
    timepoints: ['3m'],
    outcomes: [{ key: 'pain', instrument: 'nrs', mcid: 2 }],
    methods: ['ancova'],
    missing: { sensitivity: false },
    subgroups: [{ column: 'klinik', label: { en: 'clinic', da: 'klinik' }, prespecified: false }],
  });
  const trial = loadTrial(parseCsvText(clinicExport(), 'trial.csv'), plan);
  const result = analyzeTrial(trial, { version: 'test' });

  it.each([
    ['en', 'Credibility (ICEMAN): not prespecified; 1 subgroup test in this run; no direction predicted.'],
    ['da', 'Troværdighed (ICEMAN): ikke forhåndsspecificeret; én subgruppetest i denne analyse; ingen retning forudsagt.'],
  ] as const)('the ICEMAN line of a run with one test for interaction (%s)', (lang, line) => {
    expect(result.subgroups!.map((g) => g.credibility.subgroupTestsInRun)).toEqual([1]);
    const { sections } = subgroupReport(result, plan, trialChartContext(trial, lang), () => undefined);
    const text = JSON.stringify(sections);
    expect(text).toContain(line);
    expect(text).not.toMatch(ONE_PLURAL[lang]);
  });

  it.each([
    ['en', 'r30 at 3 months: 1 patient (1 app, 0 usual care) had a baseline of 0; under a percent rule the patient cannot improve by a share of it and counts as a non-responder, staying in the denominator.'],
    ['da', 'r30 efter 3 måneder: 1 patient (1 app, 0 vanlig behandling) havde 0 ved baseline; med en regel i procent kan patienten ikke forbedres med en andel af det, så patienten tælles uden klinisk relevant forbedring og indgår i nævneren.'],
  ] as const)('the responders\' note on one patient with a baseline of 0 (%s)', (lang, note) => {
    const row = { outcome: 'r30', time: '3m', atZeroBaseline: { intervention: 1, control: 0 } } as unknown as EffectRow;
    const notes = zeroBaselineNotes([row], lang, defaultArmNames(lang), (k) => k);
    expect(notes).toEqual([note]);
    expect(notes[0]).not.toMatch(ONE_PLURAL[lang]);
  });
});
